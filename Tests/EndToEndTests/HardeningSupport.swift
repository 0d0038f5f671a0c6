import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Helpers for the hardening tests: runs the real binary with a chosen standard input (a file, a
/// real pipe, an empty pipe), standard output (a file, /dev/full, a pipe), environment changes
/// (including unset variables) and an optional wrapper (`setsid`), and checks the failure
/// contract of README.md: the documented exit status, one line on standard error naming the
/// problem, nothing on standard output, no crash.
enum Hardening {
  /// Where standard input comes from.
  enum Input {
    /// An empty pipe (closed at once).
    case emptyPipe
    /// A file or device opened for reading (a regular file, /dev/null, a FIFO).
    case path(String)
    /// These bytes through a real pipe (written by `cat` in a shell, so an early exit of the
    /// program cannot raise SIGPIPE in the test runner).
    case pipe([UInt8])
    /// The content of this file through a real pipe (`cat FILE |`).
    case pipeFromFile(String)
  }

  /// Where standard output goes.
  enum Output {
    /// A temporary file, read back into `stdout`.
    case capture
    /// A pipe, read back into `stdout` (not a terminal, not a file).
    case pipe
    /// A device or file opened for writing (for example /dev/full); `stdout` stays empty.
    case path(String)
  }

  /// The result of one run.
  struct Result: CustomStringConvertible {
    let status: Int32
    /// Whether the program (or the shell's last command) ended by a signal.
    let signaled: Bool
    let stdout: String
    let stderr: String
    let seconds: Double

    var stderrIsOneLine: Bool {
      stderr.hasSuffix("\n") && stderr.filter { $0 == "\n" }.count == 1
    }

    /// No signal, no Swift runtime trap, no backtrace.
    var crashed: Bool {
      signaled || status >= 128 || stderr.contains("Fatal error") || stderr.contains("Backtrace")
        || stderr.contains("Crash") || stderr.contains("Illegal instruction")
        || stderr.contains("Segmentation fault")
    }

    var description: String {
      "exit \(status)\(signaled ? " (signal)" : "") in \(String(format: "%.2f", seconds)) s\n--- stdout (\(stdout.utf8.count) bytes)\n\(stdout.prefix(2000))--- stderr\n\(stderr.prefix(2000))"
    }
  }

  /// The built binary (found like `CLI.binary`).
  static func binary() throws -> String {
    try #require(CLI.binary, "spine-triage not found next to the test bundle").path
  }

  /// An environment for the child: the test's own, with HOME and the XDG folders inside
  /// `home` so nothing touches the real home, colours off, no backtracer; then `set` applied,
  /// then `unset` removed.
  static func environment(
    home: String, set: [String: String] = [:], unset: [String] = []
  ) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = home
    environment["XDG_STATE_HOME"] = home + "/state"
    environment["XDG_DATA_HOME"] = home + "/data"
    environment["SPINE_TRIAGE_DIR"] = home + "/exports"
    environment["NO_COLOR"] = "1"
    environment["SWIFT_BACKTRACE"] = "enable=no"
    environment.merge(set) { $1 }
    for key in unset { environment.removeValue(forKey: key) }
    return environment
  }

  /// Runs `spine-triage` with `arguments`. `wrapper` goes before the binary (for example
  /// `["/usr/bin/setsid", "-w"]`).
  static func run(
    _ arguments: [String], stdin: Input = .emptyPipe, stdout: Output = .capture,
    set: [String: String] = [:], unset: [String] = [], wrapper: [String] = [],
    home: TemporaryFolder? = nil
  ) throws -> Result {
    let binary = try binary()
    let scratch = try TemporaryFolder()
    let home = home ?? scratch
    let outPath = scratch.url.appendingPathComponent("stdout").path
    let errPath = scratch.url.appendingPathComponent("stderr").path
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)

    let process = Process()
    var command = wrapper + [binary] + arguments
    var inputHandle: FileHandle?
    var inputPipe: Pipe?
    switch stdin {
    case .emptyPipe:
      inputPipe = Pipe()
      process.standardInput = inputPipe
    case .path(let path):
      inputHandle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
      process.standardInput = inputHandle
    case .pipe(let bytes):
      let file = try scratch.file("stdin", bytes: bytes)
      // sh: cat FILE | exec PROGRAM ARGS...; the status is the program's (128+n after a signal).
      command = ["/bin/sh", "-c", "cat \"$0\" 2>/dev/null | exec \"$@\"", file] + command
      process.standardInput = FileHandle.nullDevice
    case .pipeFromFile(let file):
      command = ["/bin/sh", "-c", "cat \"$0\" 2>/dev/null | exec \"$@\"", file] + command
      process.standardInput = FileHandle.nullDevice
    }
    var outputHandle: FileHandle?
    var outputPipe: Pipe?
    switch stdout {
    case .capture:
      outputHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
      process.standardOutput = outputHandle
    case .pipe:
      outputPipe = Pipe()
      process.standardOutput = outputPipe
    case .path(let path):
      outputHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
      process.standardOutput = outputHandle
    }
    let errorHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.standardError = errorHandle
    defer {
      try? inputHandle?.close()
      try? outputHandle?.close()
      try? errorHandle.close()
    }
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.environment = environment(home: home.url.path, set: set, unset: unset)

    let started = Date()
    try process.run()
    if let inputPipe { try? inputPipe.fileHandleForWriting.close() }
    var piped = Data()
    if let outputPipe {
      try? outputPipe.fileHandleForWriting.close()
      piped = outputPipe.fileHandleForReading.readDataToEndOfFile()
    }
    process.waitUntilExit()
    let seconds = Date().timeIntervalSince(started)
    let out: Data
    if case .pipe = stdout {
      out = piped
    } else {
      out = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
    }
    return Result(
      status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
      stdout: String(decoding: out, as: UTF8.self),
      stderr: String(
        decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self),
      seconds: seconds)
  }

  /// Checks a failure: the status, nothing on standard output, one line on standard error that
  /// starts with the program name and names every `mention`, no crash.
  static func expectFailure(
    _ result: Result, status: Int32, mentioning mentions: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(!result.crashed, "crash: \(result)", sourceLocation: sourceLocation)
    #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
    #expect(
      result.stdout.isEmpty, "standard output must stay empty: \(result)",
      sourceLocation: sourceLocation)
    #expect(
      result.stderrIsOneLine, "one line on standard error: \(result)",
      sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("spine-triage: "), "\(result)", sourceLocation: sourceLocation)
    #expect(
      result.stderr.utf8.count < 1024, "a short message: \(result)", sourceLocation: sourceLocation)
    #expect(
      !result.stderr.dropLast().unicodeScalars.contains {
        $0.properties.generalCategory == .control
      },
      "control characters (escape sequences, newlines) from the input reach the terminal: \(result.stderr.debugDescription.prefix(300))",
      sourceLocation: sourceLocation)
    for mention in mentions {
      #expect(
        result.stderr.contains(mention), "standard error should name \(mention): \(result)",
        sourceLocation: sourceLocation)
    }
  }

  /// The drafts under the XDG state folder `state` (`spine-triage/drafts/<id>.json`), oldest
  /// first.
  static func draftFiles(_ state: String) -> [String] {
    let folder = state + "/spine-triage/drafts"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { folder + "/" + $0 }
      .sorted { a, b in
        var x = stat()
        var y = stat()
        stat(a, &x)
        stat(b, &y)
        return (x.st_mtim.tv_sec, x.st_mtim.tv_nsec, a) < (y.st_mtim.tv_sec, y.st_mtim.tv_nsec, b)
      }
  }

  /// Every entry (recursively) under `folder`, relative paths, sorted.
  static func entries(_ folder: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    return (enumerator.allObjects as? [String] ?? []).sorted()
  }

  /// Temporary files the atomic writer may leave behind (`.NAME.PID.RANDOM.tmp`).
  static func temporaryLeftovers(_ folder: URL) -> [String] {
    entries(folder).filter {
      $0.hasSuffix(".tmp") || ($0.split(separator: "/").last?.hasPrefix(".") ?? false)
    }
  }

  /// The permission bits of `path` (from stat(2)).
  static func mode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
  }

  /// Creates a sparse file of `size` bytes (no disk space used).
  static func sparseFile(_ path: String, size: Int) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { throw HarnessError("open \(path): \(errno)") }
    defer { close(descriptor) }
    guard ftruncate(descriptor, off_t(size)) == 0 else { throw HarnessError("ftruncate: \(errno)") }
  }

  /// Deterministic pseudo-random bytes (xorshift), so failures reproduce.
  static func garbage(count: Int, seed: UInt64) -> [UInt8] {
    var generator = Xorshift(seed: seed)
    return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next() >> 24) }
  }

  /// A valid answers document used as the base of the bad ones.
  /// Creates `url` (and its parents) and makes it and its `levels - 1` nearest ancestors
  /// private (0700), as the program creates its own folders: an existing folder open to others
  /// is refused by the folder policy, never changed.
  static func createPrivate(_ url: URL, levels: Int = 1) throws {
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    var folder = url
    for _ in 0..<levels {
      chmod(folder.path, 0o700)
      folder.deleteLastPathComponent()
    }
  }

  static let goodAnswers =
    #"{"age": 45, "sex": "female", "symptom_weeks": 8, "conservative_weeks": 6, "findings": {"pain_low_back": "yes", "radiates_leg": "yes", "bladder_bowel": "no"}}"#
}

/// Starting the program in tmux with variables removed from its environment (TmuxHarness
/// always sets HOME, XDG_STATE_HOME, LANG; some tests need them, or TERM, absent).
extension TmuxHarness {
  func hardeningStart(
    arguments: [String] = [], columns: Int = 80, rows: Int = 24,
    environment: [String: String] = [:], unset: [String] = []
  ) throws {
    try start(
      arguments: arguments, columns: columns, rows: rows, environment: environment, unset: unset)
  }

  /// Waits until the pane shows `text`, without recording an issue; returns the screen or nil.
  func hardeningScreen(containing text: String, timeout: Double = 5) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let screen = try? screen(), screen.contains(text) { return screen }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return nil
  }
}
