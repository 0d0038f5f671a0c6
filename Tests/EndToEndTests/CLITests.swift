import Foundation
import Testing
import TriageEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real `spine-triage` binary: `evaluate` (file, standard input, text, JSON lines), its exit
/// statuses (64 usage, 65 data, 66 unreadable input) and `rules`.
@Suite struct CLITests {
  static let cauda =
    #"{"age": 45, "symptom_weeks": 1, "findings": {"pain_low_back": "yes", "saddle_anesthesia": "yes", "urinary_retention": true}}"#
  static let acute =
    #"{"age": 35, "symptom_weeks": 2, "conservative_weeks": 0, "findings": {"pain_low_back": "yes", "bladder_bowel": "no"}}"#

  /// Checks a failure: the exit status, nothing on standard output, and one line on standard
  /// error that starts with the program name and names `mention` (the file or the key).
  func expectFailure(
    _ result: CLI.Result, status: Int32, mentioning mentions: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
    #expect(
      result.stdout.isEmpty, "standard output must stay empty: \(result)",
      sourceLocation: sourceLocation)
    #expect(
      result.stderrIsOneLine, "one line on standard error: \(result)",
      sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("spine-triage: "), "\(result)", sourceLocation: sourceLocation)
    for mention in mentions {
      #expect(
        result.stderr.contains(mention), "stderr should name \(mention): \(result)",
        sourceLocation: sourceLocation)
    }
  }

  @Test func theBinaryIsFound() throws {
    let binary = try #require(CLI.binary)
    #expect(binary.lastPathComponent == "spine-triage")
  }

  // MARK: evaluate

  @Test func evaluatesAFile() throws {
    let folder = try TemporaryFolder()
    let path = try folder.file("answers.json", Self.cauda)
    let result = try CLI.run(["evaluate", path])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    let json = try #require(JSON.object(result.stdout), "\(result.stdout)")
    #expect(json["urgency"] as? String == "emergency")
    #expect(json["label"] as? String == "EMERGENCY")
    let imaging = try #require(json["imaging"] as? [[String: Any]])
    #expect(imaging.first?["modality"] as? String == "mri")
    #expect(imaging.first?["region"] as? String == "lumbosacral")
    let rules = try #require(json["rules"] as? [[String: Any]])
    #expect(rules.contains { $0["id"] as? String == "CES-1" })
    #expect(json["ruleset"] as? String == RuleBook.version)
  }

  @Test func agreesWithTheEngine() throws {
    let folder = try TemporaryFolder()
    let path = try folder.file("answers.json", Self.acute)
    let result = try CLI.run(["evaluate", path])
    let json = try #require(JSON.object(result.stdout))
    var answers = Answers(age: 35, symptomWeeks: 2, conservativeWeeks: 0)
    answers[.painLowBack] = .yes
    answers[.bladderBowel] = .no
    let expected = TriageEngine.evaluate(answers)
    #expect(json["urgency"] as? String == expected.urgency.id)
    #expect(
      (json["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        == expected.rules.map(\.rule.id))
    #expect(json["missing"] as? [String] == expected.missing)
    #expect((json["imaging"] as? [Any])?.isEmpty == true)
    #expect((json["safety_net"] as? [String])?.isEmpty == false)
  }

  @Test func evaluatesStandardInput() throws {
    let result = try CLI.run(["evaluate", "-"], stdin: Self.cauda)
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    let json = try #require(JSON.object(result.stdout))
    #expect(json["urgency"] as? String == "emergency")
  }

  @Test func compactJSONIsOneLine() throws {
    let result = try CLI.run(["evaluate", "--compact", "-"], stdin: Self.acute)
    #expect(result.status == 0)
    #expect(result.stdout.filter { $0 == "\n" }.count == 1)
    #expect(JSON.object(result.stdout)?["urgency"] as? String == "none")
  }

  @Test func textFormatIsForAPerson() throws {
    let folder = try TemporaryFolder()
    let path = try folder.file("answers.json", Self.cauda)
    let result = try CLI.run(["evaluate", "--format", "text", path])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasPrefix("RECOMMENDATION  EMERGENCY"))
    #expect(result.stdout.contains("MRI lumbosacral spine without contrast"))
    for id in ["CES-1", "LBP-4", "CES-3"] { #expect(result.stdout.contains(id)) }
    #expect(result.stdout.contains("Decision support only"))
    #expect(JSON.object(result.stdout) == nil)
  }

  @Test func acceptsAByteOrderMarkAndCRLF() throws {
    let folder = try TemporaryFolder()
    let text = Self.acute.replacingOccurrences(of: ", ", with: ",\r\n  ")
    let path = try folder.file("bom.json", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
    let result = try CLI.run(["evaluate", path])
    #expect(result.status == 0, "\(result)")
    #expect(JSON.object(result.stdout)?["urgency"] as? String == "none")
  }

  // MARK: evaluate --jsonl

  @Test func jsonLinesGoOnPastBadLines() throws {
    let lines = [
      Self.cauda,  // 1: good
      "",  // 2: blank, skipped
      #"{"age": 45, "findings": {"pain_low_back": "yes""#,  // 3: truncated
      "   ",  // 4: blank, skipped
      #"{"findings": {"xyz": "yes"}}"#,  // 5: unknown identifier
      #"{"age": 121}"#,  // 6: out of range
      #"{"age": "45"}"#,  // 7: wrong type
      Self.acute,  // 8: good
    ]
    let folder = try TemporaryFolder()
    let path = try folder.file("batch.jsonl", lines.joined(separator: "\n") + "\n")
    let result = try CLI.run(["evaluate", "--jsonl", path])

    #expect(result.status == 65, "\(result)")
    let output = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(result.stdout.hasSuffix("\n"))
    let outputLines = output.dropLast()
    // One output line per non-blank input line, in order.
    #expect(outputLines.count == 6, "\(result)")
    let objects = outputLines.map { JSON.object($0) }
    #expect(objects.allSatisfy { $0 != nil }, "every output line is JSON")
    guard objects.count == 6 else { return }

    #expect(objects[0]?["urgency"] as? String == "emergency")
    #expect(objects[5]?["urgency"] as? String == "none")

    let errors = objects[1...4].compactMap { $0 }
    #expect(errors.map { $0["line"] as? Int } == [3, 5, 6, 7])
    #expect(errors.allSatisfy { ($0["error"] as? String)?.isEmpty == false })
    #expect(errors.allSatisfy { $0["urgency"] == nil })
    #expect(errors[1]["key"] as? String == "findings.xyz")
    #expect(errors[2]["key"] as? String == "age")
    #expect(errors[3]["key"] as? String == "age")

    // The summary goes to standard error, one line.
    #expect(result.stderrIsOneLine, "\(result)")
    #expect(result.stderr.hasPrefix("spine-triage: "))
    #expect(result.stderr.contains("4"))
    #expect(result.stderr.contains("line 3"))
  }

  @Test func jsonLinesAllGoodExitZero() throws {
    let input = [Self.cauda, Self.acute, Self.cauda].joined(separator: "\n")  // no final newline
    let result = try CLI.run(["evaluate", "--jsonl", "-"], stdin: input)
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    let urgencies = result.stdout.split(separator: "\n").map {
      JSON.object($0)?["urgency"] as? String
    }
    #expect(urgencies == ["emergency", "none", "emergency"])
  }

  @Test func jsonLinesOfAnEmptyInputIsEmpty() throws {
    let result = try CLI.run(["evaluate", "--jsonl", "-"], stdin: "")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.isEmpty)
  }

  @Test func jsonLinesFromAMissingFileIs66() throws {
    let folder = try TemporaryFolder()
    let path = folder.url.appendingPathComponent("absent.jsonl").path
    expectFailure(try CLI.run(["evaluate", "--jsonl", path]), status: 66, mentioning: [path])
  }

  // MARK: Bad data (65)

  @Test(arguments: [
    ("malformed.json", #"{"age": 45,"#, ["line 1"]),
    ("trailing.json", "{}\n{}", ["line 2"]),
    ("duplicate.json", #"{"age": 45, "age": 46}"#, ["duplicate"]),
    ("wrongtype.json", #"{"age": "45"}"#, ["age"]),
    ("answer.json", #"{"findings": {"pain_neck": "maybe"}}"#, ["findings.pain_neck"]),
    ("unknown.json", #"{"findings": {"xyz": "yes"}}"#, ["findings.xyz"]),
    ("toplevel.json", #"{"weight": 70}"#, ["weight"]),
    ("range.json", #"{"age": 121}"#, ["age", "121"]),
    ("weeks.json", #"{"symptom_weeks": 521}"#, ["symptom_weeks"]),
    ("fraction.json", #"{"age": 4.5}"#, ["age"]),
    ("care.json", #"{"symptom_weeks": 2, "conservative_weeks": 6}"#, ["conservative_weeks"]),
    ("array.json", "[]", []),
    ("empty.json", "", []),
  ])
  func badDataExits65(name: String, content: String, mentions: [String]) throws {
    let folder = try TemporaryFolder()
    let path = try folder.file(name, content)
    expectFailure(try CLI.run(["evaluate", path]), status: 65, mentioning: [path] + mentions)
  }

  @Test func invalidUTF8Exits65() throws {
    let folder = try TemporaryFolder()
    let path = try folder.file(
      "latin1.json", bytes: Array(#"{"sex": ""#.utf8) + [0xE9] + Array(#""}"#.utf8))
    expectFailure(try CLI.run(["evaluate", path]), status: 65, mentioning: [path, "UTF-8"])
  }

  @Test func badStandardInputExits65() throws {
    let result = try CLI.run(["evaluate", "-"], stdin: #"{"findings": {"xyz": "yes"}}"#)
    expectFailure(result, status: 65, mentioning: ["standard input", "findings.xyz"])
    let empty = try CLI.run(["evaluate", "-"], stdin: "")
    expectFailure(empty, status: 65, mentioning: ["standard input"])
  }

  // MARK: Unreadable input (66)

  @Test func aDirectoryExits66() throws {
    let folder = try TemporaryFolder()
    expectFailure(
      try CLI.run(["evaluate", folder.url.path]), status: 66, mentioning: [folder.url.path])
  }

  @Test func aMissingFileExits66() throws {
    let folder = try TemporaryFolder()
    let path = folder.url.appendingPathComponent("absent.json").path
    expectFailure(try CLI.run(["evaluate", path]), status: 66, mentioning: [path])
  }

  @Test func aFileInAMissingFolderExits66() throws {
    let folder = try TemporaryFolder()
    let path = folder.url.appendingPathComponent("no-such-folder/answers.json").path
    expectFailure(try CLI.run(["evaluate", path]), status: 66, mentioning: [path])
  }

  @Test(.enabled(if: geteuid() != 0, "root can read a file without read permission"))
  func anUnreadableFileExits66() throws {
    let folder = try TemporaryFolder()
    let path = try folder.file("secret.json", Self.acute)
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
    expectFailure(try CLI.run(["evaluate", path]), status: 66, mentioning: [path])
  }

  // MARK: Usage (64)

  @Test(arguments: [
    (["evaluate"], "Missing expected argument"),
    (["evaluate", "--bogus", "x.json"], "--bogus"),
    (["evaluate", "--format", "xml", "x.json"], "xml"),
    (["evaluate", "--jsonl", "--format", "text"], "--jsonl"),
    (["evaluate", "a.json", "b.json"], "b.json"),
    (["no-such-command"], "no-such-command"),
  ])
  func badUsageExits64(arguments: [String], mention: String) throws {
    let result = try CLI.run(arguments)
    #expect(result.status == 64, "\(result)")
    #expect(result.stdout.isEmpty, "\(result)")
    #expect(result.stderr.contains(mention), "\(result)")
  }

  // MARK: version

  @Test("--version: program version, rule set, and the commit or an honest development build")
  func versionNamesProgramRuleSetAndCommit() throws {
    let result = try CLI.run(["--version"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 3, "\(result.stdout)")
    #expect(lines.first?.hasPrefix("spine-triage ") == true)
    #expect(lines.first?.split(separator: " ").last?.split(separator: ".").count == 3)
    #expect(lines.dropFirst().first == "rule set \(RuleBook.version)")
    let third = lines.last ?? ""
    // A test build is never stamped by the release script; the release test checks the stamp.
    #expect(third.hasPrefix("development build"), "\(third)")
  }

  // MARK: rules

  @Test func rulesPrintsEveryRule() throws {
    let result = try CLI.run(["rules"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    for rule in RuleBook.rules {
      #expect(result.stdout.contains(rule.id + " "), "\(rule.id) not listed")
    }
    #expect(result.stdout.contains(RuleBook.version))
  }

  @Test func rulesAsJSONListsEveryRuleInOrder() throws {
    let result = try CLI.run(["rules", "--format", "json"])
    #expect(result.status == 0, "\(result)")
    let rules = try #require(
      (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [[String: Any]])
    let ids = rules.compactMap { $0["id"] as? String }
    let engine = RuleBook.rules.map(\.id)
    // The rule book first, in precedence order; the MRI-safety rules (SF-) may follow.
    #expect(Array(ids.prefix(engine.count)) == engine)
    #expect(ids.dropFirst(engine.count).allSatisfy { $0.hasPrefix("SF-") }, "\(ids)")
    #expect(rules.allSatisfy { ($0["source"] as? String)?.isEmpty == false })
  }
}
