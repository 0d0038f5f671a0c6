import Foundation
import Testing
import TriageEngine
import TriageFormats

/// Validates the Questionnaire and the three responses with `Tests/fhir/validate.py`
/// (Python's `fhir.resources`, R4B models, plus the invariants it does not check).
///
/// The test fails, never skips, when `python3` or `fhir.resources` is missing: CI installs them
/// (`python3 -m pip install 'fhir.resources>=8'`).
@Suite("FHIR validation")
struct FHIRValidationTests {
  /// The package root: three levels above this file (Tests/TriageFormatsTests/Documents).
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test("the Questionnaire and the three responses are valid FHIR R4")
  func validate() throws {
    let script = Self.packageRoot.appendingPathComponent("Tests/fhir/validate.py")
    #expect(FileManager.default.fileExists(atPath: script.path), "missing \(script.path)")

    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("spinetriage-fhir-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }

    var files: [URL] = []
    func write(_ text: String, _ name: String) throws {
      let file = folder.appendingPathComponent(name)
      try text.write(to: file, atomically: true, encoding: .utf8)
      files.append(file)
    }
    try write(FHIRQuestionnaire.string(date: "2026-11-24"), "questionnaire.json")
    for fixture in DocumentFixtures.all {
      try write(
        FHIRQuestionnaireResponse.string(
          sheet: fixture.sheet, recommendation: fixture.recommendation,
          context: DocumentFixtures.context),
        "response-\(fixture.name).json")
    }
    // A neck-trauma response, so the enableWhen check sees answers in that group.
    var answers = Answers(age: 35, sex: .male)
    answers[.painNeck] = .yes
    answers[.traumaMajor] = .yes
    answers[.dangerousMechanism] = .yes
    answers[.ambulatory] = .no
    try write(
      FHIRQuestionnaireResponse.string(
        sheet: AnswerSheet(answers: answers), recommendation: TriageEngine.evaluate(answers),
        context: DocumentFixtures.context),
      "response-neck-trauma.json")

    let result = try Self.run(["python3", script.path] + files.map(\.path))
    #expect(
      result.status == 0,
      """
      validate.py exited with \(result.status) (127: python3 not found; 3: fhir.resources not \
      installed, run `python3 -m pip install 'fhir.resources>=8'`):
      \(result.output)
      """)
    #expect(result.output.components(separatedBy: ": valid ").count == files.count + 1)
  }

  @Test("the validator rejects an invalid response (it is not a no-op)")
  func rejects() throws {
    let script = Self.packageRoot.appendingPathComponent("Tests/fhir/validate.py")
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("spinetriage-fhir-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // identifier as an array (R4 has one), and an item with both answer and item (qrs-1).
    let bad = """
      {"resourceType": "QuestionnaireResponse", "status": "completed",
       "identifier": [{"value": "x"}],
       "item": [{"linkId": "a", "answer": [{"valueBoolean": true}], "item": [{"linkId": "b"}]}]}
      """
    let file = folder.appendingPathComponent("bad.json")
    try bad.write(to: file, atomically: true, encoding: .utf8)
    let result = try Self.run(["python3", script.path, file.path])
    #expect(result.status == 1, "\(result.output)")
    #expect(result.output.contains("identifier"))
    #expect(result.output.contains("qrs-1"))
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
