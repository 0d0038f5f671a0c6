import Foundation
import Testing
import TriageEngine
import TriageFormats

/// Validates the Questionnaire and the exported Bundles (QuestionnaireResponse, recommendation
/// Observation and software Device; as a collection and as the transaction `submit` sends) with
/// `Tests/fhir/validate.py`: three independent validators from PyPI (`fhirclient` 4.4, R4 4.0.1
/// models, strict; `fhircraft` 0.9, R4 models with the FHIRPath invariants; `fhir.resources`
/// 8.3, R4B models) plus the checks none does. Deliberately broken copies must be rejected, each
/// for its reason, in the same run (the validators take about 25 s to load).
///
/// The test fails, never skips, when `python3` or a validator is missing: CI installs them
/// (`python3 -m pip install fhirclient==4.4.0 fhircraft==0.9.0 fhir.resources==8.3.0`).
@Suite("FHIR validation")
struct FHIRValidationTests {
  /// The package root: three levels above this file (Tests/TriageFormatsTests/Documents).
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// A broken copy: its name, the change, and what the report must say about it.
  struct Broken: Sendable {
    let name: String
    let reason: String
    let change: @Sendable (inout [String: Any]) -> Void
  }

  /// The QuestionnaireResponse inside a Bundle.
  static func response(_ bundle: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
    var entries = bundle["entry"] as! [[String: Any]]
    var resource = entries[0]["resource"] as! [String: Any]
    change(&resource)
    entries[0]["resource"] = resource
    bundle["entry"] = entries
  }

  /// The Observation inside a Bundle.
  static func observation(_ bundle: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
    var entries = bundle["entry"] as! [[String: Any]]
    var resource = entries[1]["resource"] as! [String: Any]
    change(&resource)
    entries[1]["resource"] = resource
    bundle["entry"] = entries
  }

  static let broken: [Broken] = [
    Broken(name: "identifier-array", reason: "fhirclient (R4 4.0.1)") { bundle in
      response(&bundle) { $0["identifier"] = [$0["identifier"]!] }
    },
    Broken(name: "unknown-element", reason: "Superfluous entry \"subjects\"") { bundle in
      response(&bundle) { $0["subjects"] = $0["subject"] }
    },
    Broken(name: "no-status", reason: "Non-optional property \"status\"") { bundle in
      response(&bundle) { $0["status"] = nil }
    },
    Broken(name: "narrative-not-xhtml", reason: "txt-1") { bundle in
      observation(&bundle) { $0["text"] = ["status": "generated", "div": "<p>plain</p>"] }
    },
    Broken(name: "duplicate-fullurl", reason: "bdl-7") { bundle in
      var entries = bundle["entry"] as! [[String: Any]]
      entries[1]["fullUrl"] = entries[0]["fullUrl"]
      bundle["entry"] = entries
    },
    Broken(name: "dangling-derivedfrom", reason: "does not resolve to an entry") { bundle in
      observation(&bundle) {
        $0["derivedFrom"] = [["reference": "urn:uuid:00000000-0000-4000-8000-000000000000"]]
      }
    },
    Broken(name: "observation-status", reason: "Observation.status: 'done'") { bundle in
      observation(&bundle) { $0["status"] = "done" }
    },
    Broken(name: "answer-and-item", reason: "qrs-1") { bundle in
      response(&bundle) { resource in
        var groups = resource["item"] as! [[String: Any]]
        var items = groups[0]["item"] as! [[String: Any]]
        items[0]["item"] = [["linkId": "age", "answer": [["valueInteger": 1]]]]
        groups[0]["item"] = items
        resource["item"] = groups
      }
    },
    // An item without an answer must say why (data-absent-reason: not done or not asked).
    Broken(name: "no-answer-no-reason", reason: "neither answer nor items (nor a reason)") {
      bundle in
      response(&bundle) { resource in
        var groups = resource["item"] as! [[String: Any]]
        var items = groups[1]["item"] as! [[String: Any]]
        items[0]["answer"] = nil
        groups[1]["item"] = items
        resource["item"] = groups
      }
    },
    Broken(name: "value-without-decision", reason: "obs-6") { bundle in
      observation(&bundle) {
        $0["dataAbsentReason"] = ["text": "INCOMPLETE: NO DECISION YET"]
      }
    },
    Broken(name: "bad-issued", reason: "fhir.resources (R4B 4.3.0)") { bundle in
      observation(&bundle) { $0["issued"] = "2026-11-24" }
    },
    Broken(name: "wrong-answer-type", reason: "answered with valueString, expected valueInteger") {
      bundle in
      response(&bundle) { resource in
        var groups = resource["item"] as! [[String: Any]]
        var items = groups[1]["item"] as! [[String: Any]]
        items[0]["answer"] = [["valueString": "yes"]]
        groups[1]["item"] = items
        resource["item"] = groups
      }
    },
  ]

  @Test("Questionnaire and Bundles pass the three validators; broken copies are rejected")
  func validate() throws {
    let script = Self.packageRoot.appendingPathComponent("Tests/fhir/validate.py")
    #expect(FileManager.default.fileExists(atPath: script.path), "missing \(script.path)")

    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("spinetriage-fhir-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }

    var valid: [URL] = []
    func write(_ text: String, _ name: String) throws -> URL {
      let file = folder.appendingPathComponent(name)
      try text.write(to: file, atomically: true, encoding: .utf8)
      return file
    }
    let context = DocumentFixtures.context
    var site = context
    site.fhirBaseURL = "https://fhir.example-hospital.org/spine-triage"
    valid.append(try write(FHIRQuestionnaire.string(date: "2026-11-24"), "questionnaire.json"))
    valid.append(
      try write(
        FHIRQuestionnaire.string(date: "2026-11-24", base: site.fhirBaseURL),
        "questionnaire-site.json"))
    for fixture in DocumentFixtures.all {
      valid.append(
        try write(
          FHIRBundle.string(
            sheet: fixture.sheet, recommendation: fixture.recommendation, context: context),
          "bundle-\(fixture.name).json"))
    }
    // A neck-trauma response, so the enableWhen check sees answers in that group; under the
    // site's base, checked against the site's Questionnaire.
    var answers = Answers(age: 35, sex: .male)
    answers[.painNeck] = .yes
    answers[.traumaMajor] = .yes
    answers[.dangerousMechanism] = .yes
    answers[.ambulatory] = .no
    let neck = AnswerSheet(answers: answers, patientID: "MRN 77", clinician: "Dr B")
    valid.append(
      try write(
        FHIRBundle.string(
          sheet: neck, recommendation: TriageEngine.evaluate(answers), context: site),
        "bundle-neck-trauma-site.json"))

    // The three clinical statuses, as an EHR receives them: incomplete (no decision: no value),
    // incomplete with a red flag, provisional and final; qualified references, the assessment's
    // time, a deadline clock, a commit; and each as the transaction `submit` sends.
    var qualified = site
    qualified.patientIDSystem = "https://fhir.example-hospital.org/mrn"
    qualified.clinicianIDSystem = "urn:oid:2.16.840.1.113883.2.1.4.1"
    qualified.operatorUser = "asmith"
    qualified.commit = "0123456789abcdef0123456789abcdef01234567"
    var redFlag = Answers()
    redFlag[.saddleAnesthesia] = .yes
    var clocked = DocumentFixtures.emergency.sheet
    clocked.urgencyClock = UrgencyClock(urgency: .emergency, reachedAt: "2026-11-24T21:10:00+00:00")
    let statusCases: [(String, AnswerSheet)] = [
      ("incomplete", AnswerSheet(patientID: "MRN 1", clinician: "Dr A")),
      ("incomplete-red-flag", AnswerSheet(answers: redFlag)),
      ("provisional", clocked),
      ("final", DocumentFixtures.noImaging.sheet),
    ]
    for (name, sheet) in statusCases {
      for kind in [FHIRBundle.Kind.collection, .transaction] {
        valid.append(
          try write(
            FHIRBundle.string(
              sheet: sheet, recommendation: TriageEngine.evaluate(sheet.answers),
              context: qualified, kind: kind),
            "bundle-\(name)-\(kind.rawValue).json"))
      }
    }

    // Answers given in bulk carry an extension with their time.
    valid.append(
      try write(
        FHIRBundle.string(
          sheet: BulkDocumentTests.sheet, recommendation: BulkDocumentTests.sheet.recommendation,
          context: context),
        "bundle-bulk.json"))

    let emergency = DocumentFixtures.emergency
    let original = try #require(
      try JSONSerialization.jsonObject(
        with: Data(
          FHIRBundle.string(
            sheet: emergency.sheet, recommendation: emergency.recommendation, context: context
          ).utf8)) as? [String: Any])
    var invalid: [(URL, Broken)] = []
    for broken in Self.broken {
      var copy = original
      broken.change(&copy)
      let data = try JSONSerialization.data(withJSONObject: copy, options: [.prettyPrinted])
      let file = folder.appendingPathComponent("broken-\(broken.name).json")
      try data.write(to: file)
      invalid.append((file, broken))
    }

    // A Questionnaire with a guessed code on an item: only the verified codes are allowed.
    var guessed = try #require(
      try JSONSerialization.jsonObject(with: Data(FHIRQuestionnaire.string().utf8))
        as? [String: Any])
    var groups = guessed["item"] as! [[String: Any]]
    var items = groups[2]["item"] as! [[String: Any]]
    items[0]["code"] = [["system": "http://snomed.info/sct", "code": "12345", "display": "guess"]]
    groups[2]["item"] = items
    guessed["item"] = groups
    let guessedFile = folder.appendingPathComponent("broken-guessed-code.json")
    try JSONSerialization.data(withJSONObject: guessed).write(to: guessedFile)
    invalid.append(
      (guessedFile, Broken(name: "guessed-code", reason: "not one of the verified codes") { _ in }))

    let result = try Self.run(
      ["python3", script.path] + valid.map(\.path) + ["--expect-invalid"]
        + invalid.map(\.0.path))
    #expect(
      result.status == 0,
      """
      validate.py exited with \(result.status) (127: python3 not found; 3: a validator is not \
      installed, run `python3 -m pip install fhirclient==4.4.0 fhircraft==0.9.0 fhir.resources==8.3.0`):
      \(result.output)
      """)
    for file in valid {
      #expect(result.output.contains("\(file.path): valid "), "\(file.lastPathComponent)")
    }
    // Each broken copy is rejected, and for its reason (the report's lines up to the next file).
    for (file, broken) in invalid {
      let report = result.output.components(separatedBy: "\(file.path): ").dropFirst().first ?? ""
      let own = report.components(separatedBy: "\n/").first ?? report
      #expect(own.hasPrefix("rejected as expected"), "\(broken.name): \(own.prefix(400))")
      #expect(own.contains(broken.reason), "\(broken.name) should say \(broken.reason): \(own)")
    }
  }

  /// Runs a command through `/usr/bin/env`; returns its exit status and its output (both
  /// streams).
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
