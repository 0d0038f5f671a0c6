import Foundation
import Testing

/// Runs the real `spine-triage` binary inside a private tmux server (its own socket, no config),
/// types keys with `send-keys`, and polls `capture-pane` for text instead of sleeping.
///
/// After the program exits, the pane's shell records the exit status and `stty -a`, so a test can
/// check that the terminal was restored.
final class TmuxHarness {
  let socket: String
  let folder: URL
  let stateFolder: URL
  let exportFolder: URL
  private(set) var pidFile: URL
  private(set) var exitFile: URL
  private(set) var sttyFile: URL

  /// The built `spine-triage` next to the test bundle.
  static var binary: String {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var folder = URL(fileURLWithPath: exe).deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = folder.appendingPathComponent("spine-triage")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
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

  /// The draft file the program keeps.
  var draftFile: URL { stateFolder.appendingPathComponent("spine-triage/draft.json") }

  /// Starts the program at `columns` x `rows` with extra arguments and environment.
  func start(
    arguments: [String] = [], columns: Int = 80, rows: Int = 24, environment: [String: String] = [:]
  ) throws {
    try? FileManager.default.removeItem(at: exitFile)
    try? FileManager.default.removeItem(at: sttyFile)
    var env = [
      "XDG_STATE_HOME": stateFolder.path, "HOME": folder.path, "SPINE_TRIAGE_DIR": exportFolder.path,
      "SWIFT_BACKTRACE": "interactive=no", "LANG": "C.UTF-8",
    ]
    env.merge(environment) { $1 }
    let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(quote($0.value))" }.joined(separator: " ")
    let command = ([Self.binary] + arguments).map(quote).joined(separator: " ")
    let inner = "echo $$ > \(quote(pidFile.path)); exec env \(exports) \(command)"
    let script =
      "sh -c \(quote(inner)); echo $? > \(quote(exitFile.path)); stty -a > \(quote(sttyFile.path)) 2>&1; sleep 600"
    try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "-s", "main", script])
    try tmux(["set-option", "-g", "window-size", "manual"])
  }

  /// Types keys (tmux key names such as `Down`, `Tab`, `C-c`, or literal text with `literal`).
  func send(_ keys: String..., literal: Bool = false) throws {
    try tmux(["send-keys", "-t", "main"] + (literal ? ["-l"] : []) + keys)
  }

  /// The pane's text.
  func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "main"]) }

  /// Waits until the pane shows `text`; fails the test with the screen if it never does.
  @discardableResult
  func waitFor(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if last.contains(text) { return last }
      Thread.sleep(forTimeInterval: 0.05)
    }
    Issue.record("timed out waiting for \"\(text)\"; screen:\n\(last)", sourceLocation: sourceLocation)
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

  /// Waits for the program to exit; returns its status and the `stty -a` output after it.
  func waitForExit(timeout: Double = 10) throws -> (status: Int, stty: String) {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let text = try? String(contentsOf: exitFile, encoding: .utf8),
        let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        Thread.sleep(forTimeInterval: 0.2)
        let stty = (try? String(contentsOf: sttyFile, encoding: .utf8)) ?? ""
        return (status, stty)
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw HarnessError("the program did not exit; screen:\n\((try? screen()) ?? "")")
  }

  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    // Output goes through a file, not a pipe: the tmux server forked by new-session would keep
    // a pipe open and a read to end of file would never return.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
    process.arguments = ["-L", socket] + arguments
    let outputFile = folder.appendingPathComponent("tmux-output-\(UInt32.random(in: 0...UInt32.max))")
    FileManager.default.createFile(atPath: outputFile.path, contents: nil)
    let handle = try FileHandle(forWritingTo: outputFile)
    defer { try? FileManager.default.removeItem(at: outputFile) }
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try handle.close()
    let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    guard process.terminationStatus == 0 else {
      throw HarnessError("tmux \(arguments.joined(separator: " ")): \(text)")
    }
    return text
  }

  private func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
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
