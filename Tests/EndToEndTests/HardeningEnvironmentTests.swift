import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The environment the screens start in: no usable terminal (69 and a pointer to --plain), a
/// non-UTF-8 locale, no HOME, a bad --load before curses starts, and the --plain prompts.
@Suite("Hardening: environment", .serialized)
struct HardeningEnvironmentTests {
  /// Box-drawing and other non-ASCII glyphs of the Unicode theme.
  static let unicodeGlyphs: Set<Character> = ["─", "│", "┌", "┐", "└", "┘", "▶", "…", "▲", "▼"]

  // MARK: No usable terminal (69)

  @Test(
    "TERM unset or dumb: exit 69, a one-line message naming --plain, terminal untouched",
    .enabled(if: TmuxHarness.available), arguments: ["unset", "dumb", ""])
  func noUsableTerm(_ term: String) throws {
    let tmux = try TmuxHarness(name: "hterm")
    if term == "unset" {
      try tmux.hardeningStart(columns: 200, unset: ["TERM"])
    } else {
      try tmux.hardeningStart(columns: 200, environment: ["TERM": term])
    }
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 69, "TERM \(term): status \(status)")
    #expect(terminalRestored(stty), "stty after exit: \(stty)")
    let lines = try tmux.screen().split(separator: "\n").filter {
      !$0.trimmingCharacters(in: .whitespaces).isEmpty
    }
    #expect(lines.count == 1, "one line: \(lines)")
    #expect(lines.first?.hasPrefix("spine-triage: ") == true, "\(lines)")
    #expect(lines.first?.contains("--plain") == true, "\(lines)")
    #expect(lines.first?.contains("TERM") == true, "\(lines)")
    #expect(!FileManager.default.fileExists(atPath: tmux.draftFile.path))
  }

  @Test("standard input not a terminal (/dev/null, a pipe): exit 69 and a message naming --plain")
  func standardInputNotATerminal() throws {
    for input in [Hardening.Input.path("/dev/null"), .emptyPipe, .pipe(Array("y\n".utf8))] {
      let result = try Hardening.run([], stdin: input)
      Hardening.expectFailure(result, status: 69, mentioning: ["--plain"])
    }
    // With options too (the argument parser path), and with --load of a good file.
    let folder = try TemporaryFolder()
    let answers = try folder.file("answers.json", Hardening.goodAnswers)
    for arguments in [["--no-color"], ["--load", answers], ["--output-dir", folder.url.path]] {
      let result = try Hardening.run(arguments, stdin: .path("/dev/null"), home: folder)
      Hardening.expectFailure(result, status: 69, mentioning: ["--plain"])
    }
  }

  @Test("no controlling terminal (setsid, standard input and output pipes): exit 69")
  func noControllingTerminal() throws {
    for arguments in [[], ["--no-color"]] {
      let result = try Hardening.run(
        arguments, stdin: .emptyPipe, stdout: .pipe, wrapper: ["/usr/bin/setsid", "-w"])
      Hardening.expectFailure(result, status: 69, mentioning: ["--plain"])
    }
  }

  @Test(
    "an existing draft is left in place when the screens cannot start (TERM=dumb with --load)",
    .enabled(if: TmuxHarness.available))
  func failedStartKeepsTheDraft() throws {
    let tmux = try TmuxHarness(name: "hdumbload")
    let drafts = tmux.stateFolder.appendingPathComponent("spine-triage")
    try Hardening.createPrivate(drafts)
    let draft = #"{"age": 70, "findings": {"pain_low_back": "yes"}}"#
    try Data(draft.utf8).write(to: tmux.draftFile)
    let answers = tmux.folder.appendingPathComponent("answers.json").path
    try Data(Hardening.goodAnswers.utf8).write(to: URL(fileURLWithPath: answers))
    try tmux.hardeningStart(
      arguments: ["--load", answers], columns: 200, environment: ["TERM": "dumb"])
    let (status, _) = try tmux.waitForExit()
    #expect(status == 69)
    #expect(
      (try? String(contentsOf: tmux.draftFile, encoding: .utf8)) == draft,
      "the draft was moved aside by a start that never showed the screens: \(Hardening.entries(drafts))"
    )
  }

  // MARK: Bad --load before curses

  @Test(
    "--load with a bad file: exit 65/66 with a one-line message before curses starts; terminal restored",
    .enabled(if: TmuxHarness.available))
  func interactiveLoadBadFile() throws {
    let tmux = try TmuxHarness(name: "hload")
    let folder = tmux.folder
    let truncated = folder.appendingPathComponent("truncated.json").path
    try Data(#"{"age": 45, "findings": {"#.utf8).write(to: URL(fileURLWithPath: truncated))
    let wrongType = folder.appendingPathComponent("type.json").path
    try Data(#"{"findings": {"pain_neck": 3}}"#.utf8).write(to: URL(fileURLWithPath: wrongType))
    let huge = folder.appendingPathComponent("huge.json").path
    try Hardening.sparseFile(huge, size: 100 << 20)
    let garbage = folder.appendingPathComponent("garbage.json").path
    try Data(Hardening.garbage(count: 2000, seed: 8)).write(to: URL(fileURLWithPath: garbage))
    let directory = folder.appendingPathComponent("dir.json").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let missing = folder.appendingPathComponent("missing.json").path
    let cases: [(String, Int, String)] = [
      (truncated, 65, "truncated.json"), (wrongType, 65, "findings.pain_neck"),
      (huge, 65, "too large"),
      (garbage, 65, "garbage.json"), (directory, 66, "dir.json"), (missing, 66, "missing.json"),
      ("/dev/null", 66, "/dev/null"),
    ]
    for (index, (path, expected, mention)) in cases.enumerated() {
      if index > 0 { try tmux.restartServer() }
      try tmux.start(arguments: ["--load", path], columns: 220, rows: 24)
      let (status, stty) = try tmux.waitForExit()
      #expect(status == expected, "\(path): status \(status)")
      #expect(terminalRestored(stty), "\(path): stty after exit: \(stty)")
      let lines = try tmux.screen().split(separator: "\n").filter {
        !$0.trimmingCharacters(in: .whitespaces).isEmpty
      }
      #expect(lines.count == 1, "\(path): one line, no screens: \(lines)")
      #expect(lines.first?.hasPrefix("spine-triage: \(path)") == true, "\(lines)")
      #expect(lines.first?.contains(mention) == true, "\(path): \(lines)")
      #expect(!FileManager.default.fileExists(atPath: tmux.draftFile.path), "no draft written")
    }
  }

  // MARK: Locale and HOME

  @Test(
    "LANG=C / LC_ALL=C: ASCII glyphs ('>' pointer, '-' borders), no box drawing, still works",
    .enabled(if: TmuxHarness.available))
  func asciiLocale() throws {
    let tmux = try TmuxHarness(name: "hascii")
    try tmux.start(environment: ["LANG": "C", "LC_ALL": "C"])
    let screen = try tmux.waitFor("INCOMPLETE")
    // The pointer is '>' (on the empty form Age has no '!' mark: nothing depends on it yet).
    #expect(screen.contains("> Age"), "the pointer is '>':\n\(screen)")
    #expect(
      screen.split(separator: "\n").contains {
        $0.hasPrefix("-") && $0.contains("INCOMPLETE") && $0.hasSuffix("-")
      },
      "the panel border is '-':\n\(screen)")
    #expect(
      !screen.contains { Self.unicodeGlyphs.contains($0) }, "box drawing in ASCII mode:\n\(screen)")
    #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII output:\n\(screen)")
    try tmux.send("Tab", "Tab", "y")
    let emergency = try tmux.waitFor("EMERGENCY")
    #expect(emergency.unicodeScalars.allSatisfy { $0.isASCII }, "\(emergency)")
    try tmux.send("?")
    let help = try tmux.waitFor("SpineTriage keys")
    #expect(help.unicodeScalars.allSatisfy { $0.isASCII }, "\(help)")
    try tmux.send("Escape", "q")
    try tmux.waitFor("Quit?")
    try tmux.send("y")
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 0)
    #expect(terminalRestored(stty))
  }

  @Test(
    "HOME unset, no XDG_STATE_HOME: the UI runs, 'Draft not saved' on the status line, the assessment stays, q y exits 0",
    .enabled(if: TmuxHarness.available))
  func homeUnset() throws {
    let tmux = try TmuxHarness(name: "hhome")
    try tmux.hardeningStart(columns: 120, rows: 30, unset: ["HOME", "XDG_STATE_HOME"])
    try tmux.waitFor("INCOMPLETE")
    try tmux.send("Tab", "Tab", "y")  // Examination: saddle anaesthesia
    let screen = try tmux.waitFor("Draft not saved")
    #expect(screen.contains("Error: Draft not saved"), "\(screen)")
    #expect(screen.contains("EMERGENCY"), "the assessment stays: \(screen)")
    #expect(screen.contains("[Y] Numbness in the groin"), "\(screen)")
    try tmux.send("y")  // a second change (the focus moved on): the message is not repeated
    let later = try tmux.waitFor("[Y] Enlarged bladder")
    #expect(later.contains("EMERGENCY"))
    try tmux.send("q")
    let quit = try tmux.waitFor("Quit?")
    // Nothing was saved, so the prompt must not promise a kept draft.
    #expect(
      !quit.contains("the draft is kept"),
      "the quit prompt says the draft is kept, but there is none:\n\(quit)")
    try tmux.send("y")
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 0)
    #expect(terminalRestored(stty))
    #expect(!FileManager.default.fileExists(atPath: tmux.stateFolder.path))
  }

  // MARK: --plain

  /// Enough answers to go through every plain prompt: three numbers, then "n" to every finding.
  static func fullPlainInput(age: String = "45") -> [UInt8] {
    Array(([age, "", "8", "6"] + Array(repeating: "n", count: 200)).joined(separator: "\n").utf8)
      + [
        0x0A
      ]
  }

  @Test("--plain with answers piped in: numbered prompts, the recommendation in text, exit 0")
  func plainPiped() throws {
    let folder = try TemporaryFolder()
    var input = Array("45\nf\n8\n6\ny\n".utf8)  // age, sex, weeks, care weeks, low back pain yes
    input += Array("maybe\n".utf8)  // not understood: asked again
    input += Array(repeating: Array("n\n".utf8), count: 200).flatMap { $0 }
    let result = try Hardening.run(["--plain"], stdin: .pipe(input), home: folder)
    #expect(!result.crashed, "\(result)")
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty, "\(result)")
    for prompt in [
      "1. Age (years)?", "2. Sex (optional)?", "3. Weeks of symptoms",
      "4. Weeks of conservative care", "5. ! Low back pain?",
    ] {
      #expect(result.stdout.contains(prompt), "missing \(prompt)")
    }
    #expect(result.stdout.contains("Not understood: 'maybe'"))
    #expect(result.stdout.contains("RECOMMENDATION  "), "\(result)")
    #expect(result.stdout.contains("Decision support only"))
    #expect(!result.stdout.contains("Stopped"), "the questionnaire was completed: \(result)")
    #expect(!result.stdout.contains("\u{1B}"), "no escape sequences in plain mode")
    // The draft holds the answers.
    let draft = try String(
      contentsOfFile: try #require(
        Hardening.draftFiles(folder.url.appendingPathComponent("state").path).first),
      encoding: .utf8)
    #expect(draft.contains("\"pain_low_back\": \"yes\""))
  }

  @Test(
    "--plain with input ending early (EOF mid-questionnaire): the recommendation for the answers so far"
  )
  func plainEndOfInput() throws {
    let folder = try TemporaryFolder()
    for input in [
      Array("45\n\n1\n0\ny\nn\nn\n".utf8),  // ends after a few findings
      Array("45\n\n1\n0\ny".utf8),  // ends without a final newline
      [UInt8](),  // nothing at all
      Array("45\n\n1\n0\ny\nq\n".utf8),  // q stops
    ] {
      let result = try Hardening.run(["--plain"], stdin: .pipe(input), home: folder)
      #expect(!result.crashed, "\(result)")
      #expect(result.status == 0, "\(result)")
      #expect(result.stderr.isEmpty, "\(result)")
      #expect(
        result.stdout.contains("Stopped; the recommendation for the answers so far"), "\(result)")
      #expect(result.stdout.contains("RECOMMENDATION  "), "\(result)")
      if !input.isEmpty {
        #expect(result.stdout.contains("LBP-1"), "low back pain, acute: \(result)")
      }
    }
  }

  @Test("--plain with binary garbage and very long lines on standard input: no crash, exit 0")
  func plainGarbage() throws {
    let folder = try TemporaryFolder()
    var input = Hardening.garbage(count: 20_000, seed: 21)
    input += [0x0A] + [UInt8](repeating: 0x79, count: 1 << 20) + [0x0A]  // a 1 MiB line of "y"
    let result = try Hardening.run(["--plain"], stdin: .pipe(input), home: folder)
    #expect(!result.crashed, "\(result)")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("RECOMMENDATION  "))
    #expect(
      result.stdout.utf8.count < 4 << 20,
      "the echo of bad input is bounded: \(result.stdout.utf8.count) bytes")
  }

  /// A regression: `--plain` echoed escape sequences back raw, and read lines in quadratic time
  /// without a cap (a 32 MiB line took minutes and as much memory).
  @Test("--plain escapes what it echoes and reads a 32 MiB line in linear time")
  func plainEchoAndLongLines() throws {
    let folder = try TemporaryFolder()
    var input = Array("\u{1B}]0;owned\u{07}\u{1B}[2J\u{9B}31m\u{202E}x\n".utf8)
    input += [UInt8](repeating: 0x20, count: 32 << 20) + Array("y\n".utf8)
    input += Array("q\n".utf8)
    let result = try Hardening.run(["--plain"], stdin: .pipe(input), home: folder)
    #expect(!result.crashed, "\(result)")
    #expect(result.status == 0, "\(result)")
    #expect(!result.stdout.contains("\u{1B}"), "an escape sequence was echoed raw")
    #expect(!result.stdout.unicodeScalars.contains("\u{9B}"))
    #expect(!result.stdout.unicodeScalars.contains("\u{202E}"))
    #expect(result.stdout.contains("Not understood: '\\u{1b}]0;owned"), "\(result)")
    // The spaces-then-y line is too long: refused, never cut down to "y" (or to "", unknown).
    #expect(result.stdout.contains("a line of more than 4096 bytes"), "\(result)")
    #expect(!result.stdout.contains("Age (years)? [0-120, Enter to skip]: 2."), "\(result)")
    #expect(result.seconds < 10, "a 32 MiB line took \(result.seconds) s")
  }

  @Test("--plain with a good --load asks only what is missing and exits 0")
  func plainLoad() throws {
    let folder = try TemporaryFolder()
    let answers = try folder.file("answers.json", Hardening.goodAnswers)
    let result = try Hardening.run(
      ["--plain", "--load", answers], stdin: .pipe(Self.fullPlainInput()), home: folder)
    #expect(result.status == 0, "\(result)")
    #expect(!result.stdout.contains("Age (years)?"), "age was loaded")
    #expect(!result.stdout.contains(" Low back pain?"), "low back pain was loaded")
    #expect(result.stdout.contains("RECOMMENDATION  "))
  }
}
