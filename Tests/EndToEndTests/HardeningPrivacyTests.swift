import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Patient data never goes to standard error: error messages name files, lines and keys, never
/// answers or identifiers (README, "Exports, printing and drafts").
@Suite("Hardening: patient data on standard error")
struct HardeningPrivacyTests {
  static let secret = "PATIENT-SECRET-42"

  /// Answers files that carry the identifier and are bad somewhere else (or where the
  /// identifier itself is in the wrong place).
  static let documents: [(String, String)] = [
    (
      "invalid finding value",
      #"{"patient_id": "PATIENT-SECRET-42", "findings": {"pain_neck": "maybe"}}"#
    ),
    (
      "finding value wrong type",
      #"{"patient_id": "PATIENT-SECRET-42", "findings": {"pain_neck": 7}}"#
    ),
    ("unknown finding", #"{"patient_id": "PATIENT-SECRET-42", "findings": {"xyz": "yes"}}"#),
    ("age out of range", #"{"patient_id": "PATIENT-SECRET-42", "age": 130}"#),
    ("truncated after the identifier", #"{"patient_id": "PATIENT-SECRET-42", "findings": {"#),
    ("syntax error right after the identifier", #"{"patient_id": "PATIENT-SECRET-42" "age": 4}"#),
    (
      "duplicate identifier",
      #"{"patient_id": "PATIENT-SECRET-42", "patient_id": "PATIENT-SECRET-42"}"#
    ),
    (
      "identifier too long",
      #"{"patient_id": "PATIENT-SECRET-42-"# + String(repeating: "X", count: 60) + #""}"#
    ),
    ("identifier with a control character", #"{"patient_id": "PATIENT-SECRET-42\u0007"}"#),
    ("clinician bad, identifier good", #"{"patient_id": "PATIENT-SECRET-42", "clinician": 5}"#),
    ("consultation_id bad", #"{"patient_id": "PATIENT-SECRET-42", "consultation_id": "nope"}"#),
    ("identifier typed into sex", #"{"sex": "PATIENT-SECRET-42"}"#),
    ("identifier typed into a finding", #"{"findings": {"pain_neck": "PATIENT-SECRET-42"}}"#),
    ("identifier typed into consultation_id", #"{"consultation_id": "PATIENT-SECRET-42"}"#),
    ("identifier typed into age", #"{"age": "PATIENT-SECRET-42"}"#),
  ]

  @Test(
    "evaluate, evaluate -, export and --plain --load never print the identifier on stderr",
    arguments: documents.map(\.0))
  func noIdentifierOnStandardError(_ name: String) throws {
    let text = try #require(Self.documents.first { $0.0 == name }?.1)
    let folder = try TemporaryFolder()
    let path = try folder.file("answers.json", text)
    let runs: [(String, Hardening.Result)] = [
      ("evaluate", try Hardening.run(["evaluate", path], home: folder)),
      ("evaluate text", try Hardening.run(["evaluate", "--format", "text", path], home: folder)),
      (
        "evaluate -",
        try Hardening.run(["evaluate", "-"], stdin: .pipe(Array(text.utf8)), home: folder)
      ),
      (
        "export text",
        try Hardening.run(["export", "--answers", path, "--format", "text"], home: folder)
      ),
      (
        "export fhir -o -",
        try Hardening.run(
          ["export", "--answers", path, "--format", "fhir", "-o", "-"], home: folder)
      ),
      ("plain --load", try Hardening.run(["--plain", "--load", path], home: folder)),
    ]
    for (label, result) in runs {
      #expect(result.status == 65, "\(label): \(result)")
      #expect(
        !result.stderr.contains(Self.secret), "\(label) leaks the identifier: \(result.stderr)")
      #expect(
        !result.stderr.contains("SECRET"), "\(label) leaks part of the identifier: \(result.stderr)"
      )
      #expect(result.stdout.isEmpty, "\(label): \(result)")
    }
  }

  @Test("a bad --jsonl stream carrying the identifier: the stderr summary never names it")
  func jsonLinesNoIdentifierOnStandardError() throws {
    let lines =
      Self.documents.map { $0.1 } + [
        #"{"patient_id": "PATIENT-SECRET-42", "age": 50, "findings": {"pain_low_back": "yes"}}"#
      ]
    let input = Array(lines.joined(separator: "\n").utf8) + [0x0A]
    for source in ["pipe", "file"] {
      let folder = try TemporaryFolder()
      let path = try folder.file("batch.jsonl", bytes: input)
      let result =
        source == "pipe"
        ? try Hardening.run(["evaluate", "--jsonl"], stdin: .pipe(input), home: folder)
        : try Hardening.run(["evaluate", "--jsonl", path], home: folder)
      #expect(result.status == 65, "\(result)")
      #expect(!result.stderr.contains(Self.secret), "\(result.stderr)")
      #expect(result.stderrIsOneLine, "\(result)")
      // One error object per bad line on standard output (the data stream, not a log).
      let errors = result.stdout.split(separator: "\n").compactMap { JSON.object($0) }.filter {
        $0["error"] != nil
      }
      #expect(errors.count == Self.documents.count)
    }
  }

  @Test(
    "the good answers with the identifier: nothing on stderr; exports carry it only in the file")
  func goodRunsStayQuiet() throws {
    let folder = try TemporaryFolder()
    let path = try folder.file(
      "answers.json",
      #"{"patient_id": "PATIENT-SECRET-42", "age": 50, "findings": {"pain_low_back": "yes"}}"#)
    let evaluate = try Hardening.run(["evaluate", path], home: folder)
    #expect(evaluate.status == 0 && evaluate.stderr.isEmpty, "\(evaluate)")
    let export = try Hardening.run(["export", "--answers", path, "--format", "text"], home: folder)
    #expect(export.status == 0 && export.stderr.isEmpty, "\(export)")
    #expect(
      !export.stdout.contains(Self.secret),
      "the printed path must not carry the identifier: \(export.stdout)")
    let written = export.stdout.trimmingCharacters(in: .newlines)
    #expect(try String(contentsOfFile: written, encoding: .utf8).contains(Self.secret))
    // Exporting again to the same file: the refusal names the path, not the identifier.
    let again = try Hardening.run(
      ["export", "--answers", path, "--format", "text", "-o", written], home: folder)
    #expect(again.status == 73)
    #expect(!again.stderr.contains(Self.secret))
  }
}
