import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One bad answers document and what its error must name.
struct HardeningBadDocument: Sendable, CustomTestStringConvertible {
  let name: String
  let bytes: [UInt8]
  /// Words standard error must contain (besides the file name), typically the key.
  let mentions: [String]

  init(_ name: String, _ text: String, _ mentions: [String] = []) {
    self.name = name
    bytes = Array(text.utf8)
    self.mentions = mentions
  }

  init(_ name: String, bytes: [UInt8], _ mentions: [String] = []) {
    self.name = name
    self.bytes = bytes
    self.mentions = mentions
  }

  var testDescription: String { name }

  /// Every bad document: syntax, types at every key, identifiers, duplicates, ranges, encoding,
  /// garbage.
  static let all: [HardeningBadDocument] =
    syntax + types + identifiers + duplicates + ranges + encoding + garbage + moments
    + invisible

  static let syntax: [HardeningBadDocument] = [
    .init("truncated object", #"{"age": 45, "findings": {"pain_low_back": "yes""#, ["line 1"]),
    .init("truncated in a string", #"{"age": 45, "sex": "fem"#, ["line 1"]),
    .init("truncated in a literal", #"{"findings": {"pain_neck": tru"#, ["line 1"]),
    .init("truncated in a number", #"{"age": 4"#, ["line 1"]),
    .init("truncated after a key", "{\n  \"age\"", ["line 2"]),
    .init("truncated escape", #"{"sex": "\u00"#),
    .init("empty file", ""),
    .init("whitespace only", " \n\t\r\n   \n"),
    .init("byte order mark only", bytes: [0xEF, 0xBB, 0xBF]),
    .init("trailing comma", #"{"age": 45,}"#),
    .init("single quotes", "{'age': 45}"),
    .init("comment", "// answers\n{\"age\": 45}", ["line 1"]),
    .init("NaN", #"{"age": NaN}"#),
    .init("Infinity", #"{"age": Infinity}"#),
    .init("leading zero", #"{"age": 045}"#),
    .init("hex number", #"{"age": 0x2d}"#),
    .init("NUL byte", bytes: Array(#"{"age": 45"#.utf8) + [0] + Array("}".utf8)),
    .init("two documents", "{}\n{}", ["line 2"]),
    .init("deep nesting", String(repeating: "[", count: 200_000)),
    .init(
      "deep nesting in findings", #"{"findings": "# + String(repeating: "{\"a\":", count: 100_000)),
  ]

  static let types: [HardeningBadDocument] = [
    .init("document is an array", "[]"),
    .init("document is a string", #""answers""#),
    .init("document is a number", "42"),
    .init("document is null", "null"),
    .init("document is true", "true"),
    .init("age string", #"{"age": "45"}"#, ["age"]),
    .init("age bool", #"{"age": true}"#, ["age"]),
    .init("age null", #"{"age": null}"#, ["age"]),
    .init("age array", #"{"age": [45]}"#, ["age"]),
    .init("age object", #"{"age": {}}"#, ["age"]),
    .init("sex number", #"{"sex": 1}"#, ["sex"]),
    .init("sex capitalised", #"{"sex": "Female"}"#, ["sex"]),
    .init("sex letter", #"{"sex": "f"}"#, ["sex"]),
    .init("sex null", #"{"sex": null}"#, ["sex"]),
    .init("sex bool", #"{"sex": false}"#, ["sex"]),
    .init("symptom_weeks string", #"{"symptom_weeks": "8"}"#, ["symptom_weeks"]),
    .init("symptom_weeks array", #"{"symptom_weeks": []}"#, ["symptom_weeks"]),
    .init("conservative_weeks bool", #"{"conservative_weeks": true}"#, ["conservative_weeks"]),
    .init(
      "conservative_weeks object", #"{"conservative_weeks": {"weeks": 2}}"#, ["conservative_weeks"]),
    .init("patient_id number", #"{"patient_id": 42}"#, ["patient_id"]),
    .init("patient_id null", #"{"patient_id": null}"#, ["patient_id"]),
    .init("patient_id array", #"{"patient_id": ["a"]}"#, ["patient_id"]),
    .init("clinician bool", #"{"clinician": false}"#, ["clinician"]),
    .init("clinician object", #"{"clinician": {}}"#, ["clinician"]),
    .init("consultation_id number", #"{"consultation_id": 123}"#, ["consultation_id"]),
    .init("consultation_id not a UUID", #"{"consultation_id": "not-a-uuid"}"#, ["consultation_id"]),
    .init(
      "consultation_id non-hex", #"{"consultation_id": "zzzzzzzz-0000-4000-8000-000000000000"}"#,
      ["consultation_id"]),
    .init("findings array", #"{"findings": ["pain_neck"]}"#, ["findings"]),
    .init("findings string", #"{"findings": "yes"}"#, ["findings"]),
    .init("findings null", #"{"findings": null}"#, ["findings"]),
    .init("findings number", #"{"findings": 1}"#, ["findings"]),
    .init("finding number", #"{"findings": {"pain_neck": 1}}"#, ["findings.pain_neck"]),
    .init("finding null", #"{"findings": {"pain_neck": null}}"#, ["findings.pain_neck"]),
    .init("finding array", #"{"findings": {"pain_neck": ["yes"]}}"#, ["findings.pain_neck"]),
    .init("finding object", #"{"findings": {"pain_neck": {}}}"#, ["findings.pain_neck"]),
    .init("finding upper case", #"{"findings": {"pain_neck": "YES"}}"#, ["findings.pain_neck"]),
    .init("finding empty string", #"{"findings": {"pain_neck": ""}}"#, ["findings.pain_neck"]),
    .init(
      "finding y", #"{"findings": {"saddle_anesthesia": "y"}}"#, ["findings.saddle_anesthesia"]),
  ]

  static let identifiers: [HardeningBadDocument] = [
    .init("unknown top-level key", #"{"weight": 70}"#, ["weight"]),
    .init("misspelt top-level key", #"{"Age": 45}"#, ["Age"]),
    .init("empty key", #"{"": 1}"#),
    .init("unknown finding", #"{"findings": {"xyz": "yes"}}"#, ["findings.xyz"]),
    .init(
      "finding in capitals", #"{"findings": {"Pain_Low_Back": "yes"}}"#, ["findings.Pain_Low_Back"]),
    .init(
      "finding with a space", #"{"findings": {"pain_low_back ": "yes"}}"#,
      ["findings.pain_low_back"]),
    .init("finding at top level", #"{"pain_low_back": "yes"}"#, ["pain_low_back"]),
    .init("empty finding identifier", #"{"findings": {"": "yes"}}"#, ["findings."]),
    .init("very long unknown key", "{\"" + String(repeating: "k", count: 100_000) + "\": 1}"),
    .init("unknown key with a newline", #"{"bad\nkey": 1}"#),
    .init("unknown key with an escape sequence", #"{"\u001b[2J\u001b[31mred": 1}"#),
    .init("unknown finding with a newline", #"{"findings": {"pain\nneck": "yes"}}"#),
    .init(
      "finding value with a newline", #"{"findings": {"pain_neck": "yes\nno"}}"#,
      ["findings.pain_neck"]),
    .init("sex with an escape sequence", #"{"sex": "\u001b]0;owned\u0007"}"#, ["sex"]),
  ]

  static let duplicates: [HardeningBadDocument] = [
    .init("duplicate age, same value", #"{"age": 45, "age": 45}"#, ["age", "duplicate"]),
    .init(
      "duplicate findings object", #"{"findings": {}, "findings": {}}"#, ["findings", "duplicate"]),
    .init("duplicate sex", #"{"sex": "male", "sex": "female"}"#, ["sex", "duplicate"]),
    .init(
      "duplicate patient_id", #"{"patient_id": "A", "patient_id": "B"}"#,
      ["patient_id", "duplicate"]),
    .init("duplicate by escape", #"{"age": 45, "\u0061ge": 46}"#, ["age", "duplicate"]),
    .init(
      "duplicate finding", #"{"findings": {"pain_neck": "yes", "pain_neck": "no"}}"#,
      ["findings.pain_neck", "duplicate"]),
    .init(
      "duplicate finding, same value", #"{"findings": {"pain_neck": "yes", "pain_neck": "yes"}}"#,
      ["findings.pain_neck", "duplicate"]),
    .init(
      "duplicate finding by escape", #"{"findings": {"pain_neck": "yes", "pain_n\u0065ck": true}}"#,
      ["findings.pain_neck", "duplicate"]),
  ]

  static let ranges: [HardeningBadDocument] = [
    .init("age 121", #"{"age": 121}"#, ["age"]),
    .init("age -1", #"{"age": -1}"#, ["age"]),
    .init("age 45.5", #"{"age": 45.5}"#, ["age"]),
    .init("age 0.5", #"{"age": 0.5}"#, ["age"]),
    .init("age 4.5e0", #"{"age": 4.5e0}"#, ["age"]),
    .init("age 1e-1", #"{"age": 1e-1}"#, ["age"]),
    .init("age 1e400", #"{"age": 1e400}"#, ["age"]),
    .init("age huge integer", #"{"age": 99999999999999999999999999}"#, ["age"]),
    .init("age int64 overflow", #"{"age": 9223372036854775808}"#, ["age"]),
    .init("age 300 digits", "{\"age\": " + String(repeating: "9", count: 300) + "}", ["age"]),
    .init("age negative zero point five", #"{"age": -0.5}"#, ["age"]),
    // Issue 20: a number that is not exactly an integer is bad data (never rounded to one).
    .init("age 1e-400 (not 0)", #"{"age": 1e-400}"#, ["age", "whole number"]),
    .init(
      "age 45.00000000000000000001 (not 45)", #"{"age": 45.00000000000000000001}"#,
      ["age", "whole number"]),
    .init("symptom_weeks 1e-30", #"{"symptom_weeks": 1e-30}"#, ["symptom_weeks"]),
    .init("age 1e999999999999999999999", #"{"age": 1e999999999999999999999}"#, ["age"]),
    .init("symptom_weeks 521", #"{"symptom_weeks": 521}"#, ["symptom_weeks"]),
    .init("symptom_weeks -3", #"{"symptom_weeks": -3}"#, ["symptom_weeks"]),
    .init("symptom_weeks 2.25", #"{"symptom_weeks": 2.25}"#, ["symptom_weeks"]),
    .init("conservative_weeks 600", #"{"conservative_weeks": 600}"#, ["conservative_weeks"]),
    .init("conservative_weeks 1.5", #"{"conservative_weeks": 1.5}"#, ["conservative_weeks"]),
    .init(
      "conservative_weeks over symptom_weeks", #"{"symptom_weeks": 2, "conservative_weeks": 6}"#,
      ["conservative_weeks"]),
    .init(
      "patient_id 65 characters", "{\"patient_id\": \"" + String(repeating: "P", count: 65) + "\"}",
      ["patient_id"]),
    .init(
      "clinician 1000 characters",
      "{\"clinician\": \"" + String(repeating: "C", count: 1000) + "\"}", ["clinician"]),
    .init("patient_id control character", #"{"patient_id": "A\u0007B"}"#, ["patient_id"]),
  ]

  /// Recorded moments (issue 20): `urgency_reached.at` and `bulk[].at` are full ISO 8601
  /// date-times with a valid offset, a real date, not in the future, at most 35 bytes.
  static let moments: [HardeningBadDocument] = {
    func urgency(_ at: String) -> String {
      #"{"urgency_reached": {"urgency": "emergency", "at": "# + at + "}}"
    }
    func bulk(_ at: String) -> String {
      #"{"findings": {"night_pain": "no"}, "bulk": [{"screen": "history", "answer": "no", "findings": ["night_pain"], "at": "#
        + at + "}]}"
    }
    let bad: [(String, String)] = [
      ("markup after the minutes", #""2026-11-29T17:21<svg onload=alert(1)>""#),
      ("offset +99:99", #""2026-11-29T17:21:00+99:99""#),
      ("offset +15:00", #""2026-11-29T17:21:00+15:00""#),
      ("offset minutes 60", #""2026-11-29T17:21:00+01:60""#),
      ("31 February", #""2026-02-31T17:21:00Z""#),
      ("29 February of a common year", #""2026-02-29T17:21:00Z""#),
      ("31 April", #""2026-04-31T10:00:00Z""#),
      ("month 13", #""2026-13-01T10:00:00Z""#),
      ("hour 24", #""2026-11-29T24:00:00Z""#),
      ("second 60", #""2026-11-29T17:21:60Z""#),
      ("no seconds", #""2026-11-29T17:21+00:00""#),
      ("no offset", #""2026-11-29T17:21:00""#),
      ("compact offset", #""2026-11-29T17:21:00+0100""#),
      ("ten-digit fraction", #""2026-11-29T17:21:00.1234567890Z""#),
      ("space for T", #""2026-11-29 17:21:00Z""#),
      ("trailing space", #""2026-11-29T17:21:00Z ""#),
      (
        "4 MB of digits",
        "\"2026-11-29T17:21:00." + String(repeating: "9", count: 4_000_000) + "Z\""
      ),
      ("far future", #""2099-01-01T00:00:00Z""#),
      ("a number", "1764436860"),
      ("null", "null"),
    ]
    return bad.flatMap { name, at in
      [
        HardeningBadDocument("urgency_reached.at: " + name, urgency(at), ["urgency_reached.at"]),
        HardeningBadDocument("bulk[].at: " + name, bulk(at), ["bulk[0].at"]),
      ]
    }
  }()

  /// Invisible letters in every free-text field (issue 20): refused like control characters.
  static let invisible: [HardeningBadDocument] =
    [
      ("Hangul filler U+3164", "\u{3164}"), ("Braille blank U+2800", "\u{2800}"),
      ("combining grapheme joiner U+034F", "\u{034F}"), ("halfwidth Hangul filler", "\u{FFA0}"),
      ("no-break space", "\u{00A0}"), ("ideographic space", "\u{3000}"),
      ("variation selector", "\u{FE0F}"), ("tag letter", "\u{E0041}"),
    ].flatMap { name, letter in
      ["patient_id", "clinician"].map { key in
        HardeningBadDocument(
          "\(key) \(name)", "{\"\(key)\": \"A\(letter)B\"}", [key, "U+"])
      }
    } + [
      HardeningBadDocument(
        "patient_id 33 CJK characters (66 columns)",
        "{\"patient_id\": \"" + String(repeating: "\u{6F22}", count: 33) + "\"}",
        ["patient_id", "columns"])
    ]

  static let encoding: [HardeningBadDocument] = [
    .init(
      "latin-1 byte in a string", bytes: Array(#"{"sex": ""#.utf8) + [0xE9] + Array(#""}"#.utf8),
      ["UTF-8"]),
    .init(
      "bad continuation",
      bytes: Array(#"{"clinician": "a"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8), ["UTF-8"]),
    .init(
      "lone continuation", bytes: Array(#"{"clinician": ""#.utf8) + [0x80] + Array(#""}"#.utf8),
      ["UTF-8"]),
    .init(
      "overlong slash", bytes: Array(#"{"clinician": ""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8),
      ["UTF-8"]),
    .init(
      "encoded surrogate",
      bytes: Array(#"{"clinician": ""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8), ["UTF-8"]),
    .init(
      "beyond U+10FFFF",
      bytes: Array(#"{"clinician": ""#.utf8) + [0xF4, 0x90, 0x80, 0x80] + Array(#""}"#.utf8),
      ["UTF-8"]),
    .init("0xFF in a key", bytes: Array(#"{"a"#.utf8) + [0xFF] + Array(#"": 1}"#.utf8), ["UTF-8"]),
    .init(
      "truncated sequence at the end", bytes: Array(#"{"clinician": "abc"#.utf8) + [0xE2, 0x82]),
    .init("unpaired surrogate escape", #"{"clinician": "\ud800"}"#),
    .init("raw tab in a string", "{\"clinician\": \"a\tb\"}"),
    .init(
      "UTF-16 LE with BOM", bytes: [0xFF, 0xFE] + Array(#"{"age": 45}"#.utf8).flatMap { [$0, 0] }),
  ]

  static let garbage: [HardeningBadDocument] =
    (1...6).map { seed in
      .init(
        "random bytes \(seed)",
        bytes: Hardening.garbage(count: 4096 * seed, seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15))
    } + [
      .init(
        "random bytes after a valid prefix",
        bytes: Array(#"{"age": 45, "findings": {"#.utf8) + Hardening.garbage(count: 2048, seed: 77)),
      .init(
        "ELF header",
        bytes: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 56)),
    ]
}

/// Bad input to every command that reads answers: `evaluate FILE`, `evaluate -`, `export
/// --answers`, `--plain --load`. Each must exit 65 or 66 with one line on standard error that
/// names the file (and the key), nothing on standard output, no file written and no crash.
@Suite("Hardening: bad input")
struct HardeningInputTests {
  /// The readers, run on `path`: `evaluate FILE`, `evaluate -` (the same bytes through a pipe,
  /// when given), `export --answers` and `--plain --load`; `thorough` adds `--format text`,
  /// every export format and `-o -`.
  func expectRejectedEverywhere(
    path: String, bytes: [UInt8]?, status: Int32, mentions: [String], folder: TemporaryFolder,
    thorough: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    func check(_ arguments: [String], stdin: Hardening.Input = .emptyPipe, name: String = path)
      throws
    {
      let result = try Hardening.run(arguments, stdin: stdin, home: folder)
      Hardening.expectFailure(
        result, status: status, mentioning: [name] + mentions, sourceLocation: sourceLocation)
    }
    try check(["evaluate", path])
    if let bytes { try check(["evaluate", "-"], stdin: .pipe(bytes), name: "standard input") }
    try check(["export", "--answers", path, "--format", "fhir"])
    try check(["--plain", "--load", path], stdin: .pipe(Array("y\ny\n".utf8)))
    if thorough {
      try check(["evaluate", "--format", "text", path])
      for format in ["text", "html"] {
        try check(["export", "--answers", path, "--format", format])
      }
      try check(["export", "--answers", path, "--format", "text", "-o", "-"])
      if let bytes {
        try check(
          ["export", "--answers", "-", "--format", "html", "-o", "-"], stdin: .pipe(bytes),
          name: "standard input")
      }
    }
    // Nothing was exported and no draft was started.
    #expect(
      !FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("exports").path),
      "an export folder appeared: \(Hardening.entries(folder.url))", sourceLocation: sourceLocation)
    #expect(
      !FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("state").path),
      "a draft appeared: \(Hardening.entries(folder.url))", sourceLocation: sourceLocation)
  }

  @Test(
    "bad answers documents exit 65 from evaluate, evaluate -, export and --plain --load",
    arguments: HardeningBadDocument.all)
  func badDocument(_ document: HardeningBadDocument) throws {
    let folder = try TemporaryFolder()
    let path = try folder.file("answers.json", bytes: document.bytes)
    try expectRejectedEverywhere(
      path: path, bytes: document.bytes, status: 65, mentions: document.mentions, folder: folder,
      thorough: HardeningBadDocument.syntax.prefix(2).contains { $0.name == document.name })
  }

  @Test(
    "the good base document is accepted by every reader (the bad cases are bad for their own reason)"
  )
  func goodBaseIsAccepted() throws {
    let folder = try TemporaryFolder()
    let path = try folder.file("answers.json", Hardening.goodAnswers)
    let evaluate = try Hardening.run(["evaluate", path], home: folder)
    #expect(evaluate.status == 0 && evaluate.stderr.isEmpty, "\(evaluate)")
    // Accepted whole-number spellings and JSON booleans.
    let spelled = try folder.file(
      "spelled.json",
      #"{"age": 4.5e1, "symptom_weeks": 8.0, "conservative_weeks": 0, "findings": {"pain_neck": true, "pain_low_back": false}}"#
    )
    let spelledRun = try Hardening.run(["evaluate", spelled], home: folder)
    #expect(spelledRun.status == 0, "\(spelledRun)")
  }

  // MARK: Size

  @Test("a 100 MB file is refused at once as too large (65), by every reader")
  func hundredMegabytes() throws {
    let folder = try TemporaryFolder()
    let path = folder.url.appendingPathComponent("huge.json").path
    try Hardening.sparseFile(path, size: 100 << 20)
    let started = Date()
    try expectRejectedEverywhere(
      path: path, bytes: nil, status: 65, mentions: ["too large"], folder: folder)
    // Eight runs; each must not read the file.
    #expect(
      Date().timeIntervalSince(started) < 8, "too slow: \(Date().timeIntervalSince(started)) s")

    // The same size as standard input: a regular file, then a real pipe.
    for input in [Hardening.Input.path(path), .pipeFromFile(path)] {
      let result = try Hardening.run(["evaluate", "-"], stdin: input, home: folder)
      Hardening.expectFailure(result, status: 65, mentioning: ["standard input", "too large"])
      #expect(result.seconds < 3, "standard input of 100 MB took \(result.seconds) s")
    }
  }

  @Test("the 4 MiB limit: exactly 4 MiB is read, one byte more is too large")
  func sizeLimitBoundary() throws {
    let folder = try TemporaryFolder()
    let body = Array(Hardening.goodAnswers.utf8)
    let limit = 4 << 20
    let exact = try folder.file(
      "exact.json", bytes: body + [UInt8](repeating: 0x20, count: limit - body.count))
    let over = try folder.file(
      "over.json", bytes: body + [UInt8](repeating: 0x20, count: limit - body.count + 1))
    let ok = try Hardening.run(["evaluate", exact], home: folder)
    #expect(ok.status == 0, "\(ok)")
    Hardening.expectFailure(
      try Hardening.run(["evaluate", over], home: folder), status: 65,
      mentioning: [over, "too large"])
    let okStdin = try Hardening.run(["evaluate", "-"], stdin: .pipeFromFile(exact), home: folder)
    #expect(okStdin.status == 0, "\(okStdin)")
    Hardening.expectFailure(
      try Hardening.run(["evaluate", "-"], stdin: .pipeFromFile(over), home: folder), status: 65,
      mentioning: ["standard input", "too large"])
  }

  // MARK: Not a readable file (66) and special files

  @Test("a directory where a file is expected: 66 from every reader")
  func directory() throws {
    let folder = try TemporaryFolder()
    let directory = folder.url.appendingPathComponent("answers.d").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try expectRejectedEverywhere(
      path: directory, bytes: nil, status: 66, mentions: ["directory"], folder: folder)
    Hardening.expectFailure(
      try Hardening.run(["evaluate", "--jsonl", directory], home: folder), status: 66,
      mentioning: [directory])
    // Standard input that is a directory.
    let stdinDirectory = try Hardening.run(
      ["evaluate", "-"], stdin: .path(directory), home: folder)
    Hardening.expectFailure(stdinDirectory, status: 66, mentioning: ["standard input"])
    let jsonlStdinDirectory = try Hardening.run(
      ["evaluate", "--jsonl"], stdin: .path(directory), home: folder)
    Hardening.expectFailure(jsonlStdinDirectory, status: 66, mentioning: ["standard input"])
  }

  @Test("a missing file: 66 from every reader")
  func missing() throws {
    let folder = try TemporaryFolder()
    let path = folder.url.appendingPathComponent("absent.json").path
    try expectRejectedEverywhere(path: path, bytes: nil, status: 66, mentions: [], folder: folder)
    let dangling = folder.url.appendingPathComponent("dangling.json").path
    try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: path)
    try expectRejectedEverywhere(
      path: dangling, bytes: nil, status: 66, mentions: [], folder: folder)
  }

  @Test("/dev/null as the answers file is a device: 66; as standard input it is empty: 65")
  func devNull() throws {
    let folder = try TemporaryFolder()
    try expectRejectedEverywhere(
      path: "/dev/null", bytes: nil, status: 66, mentions: ["device"], folder: folder)
    Hardening.expectFailure(
      try Hardening.run(["evaluate", "-"], stdin: .path("/dev/null"), home: folder), status: 65,
      mentioning: ["standard input"])
  }

  /// A regression: a FIFO with no writer hung every reader forever (open(2) blocks). Now it is opened
  /// without blocking and refused by type, at once.
  @Test("a FIFO with no writer is refused at once by every reader: 66, no hang")
  func fifo() throws {
    let folder = try TemporaryFolder()
    let path = folder.url.appendingPathComponent("answers.fifo").path
    #expect(mkfifo(path, 0o600) == 0)
    for arguments in [
      ["evaluate", path], ["evaluate", "--format", "text", path], ["evaluate", "--jsonl", path],
      ["export", "--answers", path, "--format", "text", "-o", "-"],
      ["export", "--answers", path, "--format", "html"],
      ["--plain", "--load", path],
    ] {
      let result = try Hardening.run(arguments, home: folder)
      Hardening.expectFailure(result, status: 66, mentioning: [path, "FIFO"])
      #expect(result.seconds < 5, "\(arguments): \(result)")
    }
  }

  // MARK: JSON Lines

  @Test(
    "JSON Lines: good, bad, blank and a 2 MB line; the batch goes on, one object per line, exit 65")
  func jsonLinesMixed() throws {
    let good = #"{"age": 45, "findings": {"pain_low_back": "yes", "saddle_anesthesia": "yes"}}"#
    let twoMegabytes =
      #"{"age": 45, "clinician": ""# + String(repeating: "x", count: 2 << 20) + #""}"#
    var lines: [[UInt8]] = [
      Array(good.utf8),  // 1 good
      [],  // 2 blank
      Array(#"{"age": 45, "findings": {"#.utf8),  // 3 truncated
      Array("   \t ".utf8),  // 4 blank
      Array(#"{"age": "45"}"#.utf8),  // 5 wrong type -> key age
      Array(twoMegabytes.utf8),  // 6 too long
      Array(#"{"findings": {"pain_neck": "yes", "pain_neck": "no"}}"#.utf8),  // 7 duplicate
      Array(#"{"sex": ""#.utf8) + [0xE9] + Array(#""}"#.utf8),  // 8 invalid UTF-8
      Hardening.garbage(count: 3000, seed: 5).map { $0 == 0x0A ? 0x20 : $0 },  // 9 garbage
      Array("{}".utf8),  // 10 good (nothing answered)
      Array("[]".utf8),  // 11 not an object
      Array(#"{"age": 121}"#.utf8),  // 12 out of range -> key age
      Array(#"{"findings": {"nope": "yes"}}"#.utf8),  // 13 unknown -> findings.nope
      Array((good + "\r").utf8),  // 14 good with CRLF
      Array(#"{"age": 45}{"age": 46}"#.utf8),  // 15 two objects on one line
      Array(good.utf8),  // 16 good, no final newline
    ]
    let expectedErrors: [Int: String?] = [
      3: nil, 5: "age", 6: nil, 7: "findings.pain_neck", 8: nil, 9: nil, 11: nil, 12: "age",
      13: "findings.nope", 15: nil,
    ]
    let goodLines = [1, 10, 14, 16]
    var input: [UInt8] = []
    for (index, line) in lines.enumerated() {
      input += line
      if index < lines.count - 1 { input.append(0x0A) }
    }
    lines.removeAll()
    let folder = try TemporaryFolder()
    let path = try folder.file("batch.jsonl", bytes: input)

    for source in ["file", "pipe"] {
      let result =
        source == "file"
        ? try Hardening.run(["evaluate", "--jsonl", path], home: folder)
        : try Hardening.run(["evaluate", "--jsonl"], stdin: .pipeFromFile(path), home: folder)
      #expect(!result.crashed, "\(result)")
      #expect(result.status == 65, "\(source): \(result)")
      #expect(result.stdout.hasSuffix("\n"))
      let outputLines = result.stdout.split(separator: "\n")
      #expect(outputLines.count == goodLines.count + expectedErrors.count, "\(source): \(result)")
      let objects = outputLines.compactMap { JSON.object($0) }
      #expect(objects.count == outputLines.count, "every output line is a JSON object")
      #expect(
        outputLines.allSatisfy { $0.utf8.count < 4096 }, "no output line echoes the 2 MB input")
      let errors = objects.filter { $0["error"] != nil }
      #expect(
        errors.compactMap { $0["line"] as? Int } == expectedErrors.keys.sorted(),
        "\(source): \(errors)")
      for error in errors {
        guard let line = error["line"] as? Int, let expected = expectedErrors[line] else {
          continue
        }
        #expect((error["error"] as? String)?.isEmpty == false)
        if let key = expected { #expect(error["key"] as? String == key, "line \(line): \(error)") }
        #expect(error["urgency"] == nil)
      }
      let results = objects.filter { $0["urgency"] != nil }
      #expect(
        results.map { $0["urgency"] as? String } == ["emergency", "none", "emergency", "emergency"])
      #expect(result.stderrIsOneLine, "\(result)")
      #expect(result.stderr.hasPrefix("spine-triage: "))
      #expect(result.stderr.contains("\(expectedErrors.count) of 16"), "\(result)")
      #expect(result.stderr.contains("line 3"), "\(result)")
    }
  }

  @Test("JSON Lines: random bytes and a 100 MB line of NULs give error objects, exit 65, quickly")
  func jsonLinesGarbage() throws {
    let folder = try TemporaryFolder()
    let garbage = try folder.file(
      "garbage.jsonl", bytes: Hardening.garbage(count: 256 * 1024, seed: 99))
    let result = try Hardening.run(["evaluate", "--jsonl", garbage], home: folder)
    #expect(!result.crashed, "\(result)")
    #expect(result.status == 65, "\(result)")
    let outputLines = result.stdout.split(separator: "\n")
    #expect(!outputLines.isEmpty)
    #expect(
      outputLines.allSatisfy { JSON.object($0)?["error"] != nil }, "every line is an error object")
    #expect(result.stderrIsOneLine, "\(result)")

    let huge = folder.url.appendingPathComponent("huge.jsonl").path
    try Hardening.sparseFile(huge, size: 100 << 20)
    let hugeRun = try Hardening.run(["evaluate", "--jsonl", huge], home: folder)
    #expect(!hugeRun.crashed, "\(hugeRun)")
    #expect(hugeRun.status == 65, "\(hugeRun)")
    let hugeLines = hugeRun.stdout.split(separator: "\n")
    #expect(hugeLines.count == 1, "\(hugeRun)")
    #expect(JSON.object(hugeLines.first ?? "")?["line"] as? Int == 1, "\(hugeRun)")
    #expect(hugeRun.seconds < 10, "100 MB stream took \(hugeRun.seconds) s")
    #expect(hugeRun.stderrIsOneLine, "\(hugeRun)")
  }

  @Test("JSON Lines: blank lines only (LF, spaces, CRLF) give no output and exit 0")
  func jsonLinesBlankOnly() throws {
    let result = try Hardening.run(
      ["evaluate", "--jsonl"], stdin: .pipe(Array("\n\n   \n\r\n".utf8)))
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.isEmpty, "\(result)")
    #expect(result.stderr.isEmpty, "\(result)")
  }

  /// A regression: `{"age":99999999999999999999}` trapped in the fast path (SIGILL, a register dump,
  /// buffered results lost).
  @Test(
    "JSON Lines: 20-digit and megabyte numbers give short error objects, no crash, results kept")
  func jsonLinesLongNumbers() throws {
    let folder = try TemporaryFolder()
    let good = #"{"age": 45, "findings": {"pain_low_back": "yes"}}"#
    let lines = [
      good, #"{"age":99999999999999999999}"#, #"{"symptom_weeks":-99999999999999999999}"#,
      "{\"conservative_weeks\":" + String(repeating: "9", count: 1 << 20) + "}", good,
    ]
    let file = try folder.file("numbers.jsonl", lines.joined(separator: "\n") + "\n")
    let result = try Hardening.run(["evaluate", "--jsonl", file], home: folder)
    #expect(!result.crashed, "\(result)")
    #expect(result.status == 65, "\(result)")
    let output = result.stdout.split(separator: "\n")
    #expect(output.count == 5, "\(result)")
    #expect(JSON.object(output[0])?["urgency"] != nil)
    #expect(JSON.object(output[4])?["urgency"] != nil)
    for (index, line) in output.enumerated().dropFirst().dropLast() {
      let object = JSON.object(line)
      #expect(object?["line"] as? Int == index + 1)
      #expect(object?["error"] != nil)
      #expect(line.utf8.count < 400, "a short error object, not \(line.utf8.count) bytes")
    }
    #expect(result.stderrIsOneLine, "\(result)")
  }

  /// A regression: with SIGPIPE ignored, `--jsonl` read its whole (endless) input after the reader
  /// had gone. It now stops at the first failed write: exit 74, one line.
  @Test("JSON Lines: stops at the first failed write when SIGPIPE is ignored (endless input)")
  func jsonLinesStopsWhenOutputFails() throws {
    let script =
      #"trap "" PIPE; yes '{"age": 45, "findings": {"pain_low_back": "yes"}}' 2>/dev/null | timeout 30 "$@" | head -c 100 >/dev/null; exit ${PIPESTATUS[1]}"#
    let result = try Hardening.run(
      ["evaluate", "--jsonl"], stdout: .path("/dev/null"),
      wrapper: ["/bin/bash", "-c", script, "bash"])
    #expect(result.status == 74, "timeout gives 124: \(result)")
    #expect(result.seconds < 20, "\(result)")
    #expect(result.stderr.hasPrefix("spine-triage: standard output: write failed"), "\(result)")
    #expect(result.stderrIsOneLine, "\(result)")
  }
}
