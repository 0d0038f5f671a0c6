import Foundation
import Testing

/// Runs the real `spine-triage` binary inside a private tmux server (its own socket, no config),
/// types keys with `send-keys`, and polls `capture-pane` for text instead of sleeping.
///
/// After the program exits, the pane's shell records the exit status and `stty -a`, so a test can
/// check that the terminal was restored.
final class TmuxHarness {
  private(set) var socket: String
  let folder: URL
  let stateFolder: URL
  let exportFolder: URL
  private(set) var pidFile: URL
  private(set) var exitFile: URL
  private(set) var sttyFile: URL

  /// The built `spine-triage` next to the test bundle.
  static var binary: String {
    let exe =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    var folder = URL(fileURLWithPath: exe).deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = folder.appendingPathComponent("spine-triage")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        return candidate.path
      }
      folder.deleteLastPathComponent()
    }
    return "spine-triage"
  }

  /// Whether tmux is installed.
  static var available: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
  }

  init(name: String) throws {
    socket = "spine-e2e-\(name)-\(UInt32.random(in: 0...UInt32.max))"
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
    stateFolder = folder.appendingPathComponent("state")
    exportFolder = folder.appendingPathComponent("exports")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    pidFile = folder.appendingPathComponent("pid")
    exitFile = folder.appendingPathComponent("exit")
    sttyFile = folder.appendingPathComponent("stty")
  }

  deinit {
    _ = try? tmux(["kill-server"])
    try? FileManager.default.removeItem(at: folder)
  }

  /// Ends this tmux server and uses a fresh one (same folders) for the next `start`.
  func restartServer() throws {
    _ = try? tmux(["kill-server"])
    socket += "-again"
  }

  /// The newest draft the program keeps (`spine-triage/drafts/<consultation>.json`), or, when
  /// there is none, the legacy single draft of version 0.1 (`spine-triage/draft.json`, moved
  /// into `drafts/` at start), where a test can plant one.
  var draftFile: URL {
    Hardening.draftFiles(stateFolder.path).last.map { URL(fileURLWithPath: $0) }
      ?? stateFolder.appendingPathComponent("spine-triage/draft.json")
  }

  /// Starts the program at `columns` x `rows` with extra arguments and environment.
  func start(
    arguments: [String] = [], columns: Int = 80, rows: Int = 24,
    environment: [String: String] = [:],
    unset: [String] = []
  ) throws {
    try? FileManager.default.removeItem(at: exitFile)
    try? FileManager.default.removeItem(at: sttyFile)
    let inner =
      "echo $$ > \(quote(pidFile.path)); exec "
      + commandLine(arguments: arguments, environment: environment, unset: unset)
    // The stty output is written aside and moved into place, so that once the file exists it
    // is complete (waitForExit polls for it).
    let partial = quote(sttyFile.path + ".partial")
    let script =
      "sh -c \(quote(inner)); echo $? > \(quote(exitFile.path)); stty -a > \(partial) 2>&1;"
      + " mv \(partial) \(quote(sttyFile.path)); sleep 600"
    try tmux([
      "-f", "/dev/null", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "-s", "main",
      script,
    ])
    try tmux(["set-option", "-g", "window-size", "manual"])
  }

  /// The environment and command line that `start` runs, for typing into a shell; `unset`
  /// removes variables (the harness always sets HOME, XDG_STATE_HOME and LANG).
  func commandLine(
    arguments: [String] = [], environment: [String: String] = [:], unset: [String] = []
  ) -> String {
    var env = [
      "XDG_STATE_HOME": stateFolder.path, "HOME": folder.path,
      "SPINE_TRIAGE_DIR": exportFolder.path,
      "SWIFT_BACKTRACE": "interactive=no", "LANG": "C.UTF-8",
    ]
    env.merge(environment) { $1 }
    for key in unset { env.removeValue(forKey: key) }
    let removals = unset.map { "-u \(quote($0)) " }.joined()
    let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(quote($0.value))" }
      .joined(separator: " ")
    return "env \(removals)\(exports) "
      + ([Self.binary] + arguments).map(quote).joined(separator: " ")
  }

  /// Starts an interactive shell (with job control) instead of the program.
  func startShell(columns: Int = 80, rows: Int = 24) throws {
    try tmux([
      "-f", "/dev/null", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "-s", "main",
      "env PS1='$ ' bash --norc --noprofile -i",
    ])
    try tmux(["set-option", "-g", "window-size", "manual"])
    try waitFor("$")
  }

  /// Types a command line into the shell and presses Enter.
  func typeCommand(_ line: String) throws {
    try tmux(["send-keys", "-t", "main", "-l", line])
    try tmux(["send-keys", "-t", "main", "Enter"])
  }

  /// Types keys (tmux key names such as `Down`, `Tab`, `C-c`, or literal text with `literal`).
  func send(_ keys: String..., literal: Bool = false) throws {
    try tmux(["send-keys", "-t", "main"] + (literal ? ["-l"] : []) + keys)
  }

  /// The pane's text.
  func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "main"]) }

  /// Waits until the pane shows `text` on a settled screen; fails the test with the screen if
  /// it never does. A frame reaches tmux in pieces: a screen caught halfway (the new tab bar over
  /// the old list) may already show `text`, so a match counts only when a second capture 20 ms
  /// later is the same screen.
  @discardableResult
  func waitFor(
    _ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if last.contains(text) {
        Thread.sleep(forTimeInterval: 0.02)
        let again = try screen()
        if again == last { return last }
        continue
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    Issue.record(
      "timed out waiting for \"\(text)\"; screen:\n\(last)", sourceLocation: sourceLocation)
    return last
  }

  /// Waits until the pane has not changed for `quiet` seconds (the program has drawn what the
  /// keys sent so far asked for), at most `timeout` seconds; returns the screen.
  @discardableResult
  func waitForStillScreen(quiet: Double = 1, timeout: Double = 180) throws -> String {
    var last = ""
    var stable = Date()
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let now = try screen()
      if now != last {
        last = now
        stable = Date()
      } else if Date().timeIntervalSince(stable) > quiet {
        break
      }
      Thread.sleep(forTimeInterval: 0.1)
    }
    return last
  }

  /// Resizes the window.
  func resize(columns: Int, rows: Int) throws {
    try tmux(["resize-window", "-t", "main", "-x", "\(columns)", "-y", "\(rows)"])
  }

  /// The program's process id.
  func pid() throws -> Int32 {
    let deadline = Date().addingTimeInterval(5)
    while Date() < deadline {
      if let text = try? String(contentsOf: pidFile, encoding: .utf8),
        let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return pid
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw HarnessError("no pid file")
  }

  /// Waits for the program to exit; returns its status and the `stty -a` output after it (both
  /// polled for: the stty file appears only once it is complete).
  func waitForExit(timeout: Double = 10) throws -> (status: Int, stty: String) {
    var result: (status: Int, stty: String)?
    let exited = Self.poll(timeout: timeout) {
      guard let text = try? String(contentsOf: exitFile, encoding: .utf8),
        let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)),
        let stty = try? String(contentsOf: sttyFile, encoding: .utf8)
      else { return false }
      result = (status, stty)
      return true
    }
    guard exited, let result else {
      throw HarnessError("the program did not exit; screen:\n\((try? screen()) ?? "")")
    }
    return result
  }

  /// Checks `condition` every 50 ms until it holds or `timeout` seconds have passed; returns
  /// whether it held. For waiting on what a test needs, never a fixed sleep.
  static func poll(timeout: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if try condition() { return true }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return try condition()
  }

  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    // Spawned with posix_spawn and reaped with waitpid: Foundation's Process can miss the exit
    // of a tmux client whose server daemonises, and hang. Output goes through a file, not a
    // pipe, because the forked server keeps inherited descriptors open.
    let outputFile = folder.appendingPathComponent(
      "tmux-output-\(UInt32.random(in: 0...UInt32.max))")
    defer { try? FileManager.default.removeItem(at: outputFile) }
    let status = try spawn(["/usr/bin/tmux", "-L", socket] + arguments, output: outputFile.path)
    let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    guard status == 0 else {
      throw HarnessError("tmux \(arguments.joined(separator: " ")): \(text)")
    }
    return text
  }

  func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

/// Runs `arguments` with standard input from /dev/null and output to `output`; returns the exit
/// status (128 + signal when killed).
func spawn(_ arguments: [String], output: String) throws -> Int32 {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_adddup2(&actions, 1, 2)
  var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  // The test runner's threads may block or ignore signals; the tmux server (and so the program
  // under test) must start with an empty mask and default dispositions.
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var empty = sigset_t()
  sigemptyset(&empty)
  posix_spawnattr_setsigmask(&attributes, &empty)
  var all = sigset_t()
  sigfillset(&all)
  sigdelset(&all, SIGKILL)
  sigdelset(&all, SIGSTOP)
  posix_spawnattr_setsigdefault(&attributes, &all)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  var pid: pid_t = 0
  // Other tests set LINES and COLUMNS in this process (headless curses); they must not reach
  // the programs under test.
  let environment = ProcessInfo.processInfo.environment.filter {
    $0.key != "LINES" && $0.key != "COLUMNS"
  }
  var envp: [UnsafeMutablePointer<CChar>?] =
    environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer { for pointer in envp { free(pointer) } }
  let result = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, &envp)
  guard result == 0 else { throw HarnessError("cannot run \(arguments[0]): \(result)") }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 {
    guard errno == EINTR else { throw HarnessError("waitpid: \(errno)") }
  }
  return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
}

struct HarnessError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Whether `stty -a` output shows canonical mode and echo on (the terminal restored).
func terminalRestored(_ stty: String) -> Bool {
  let words = stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
  return words.contains("icanon") && words.contains("echo") && !words.contains("-icanon")
    && !words.contains("-echo")
}
