import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the real `spine-triage` binary built next to the test bundle.
enum CLI {
  /// The result of one run.
  struct Result: CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String

    /// Whether standard error is exactly one line ending in a newline.
    var stderrIsOneLine: Bool {
      stderr.hasSuffix("\n") && stderr.filter { $0 == "\n" }.count == 1
    }

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
  }

  /// The `spine-triage` executable: the test bundle (`/proc/self/exe`, or the main executable
  /// elsewhere) sits in the build configuration folder, next to the products; walk up until a
  /// folder holds an executable file named `spine-triage`. Works with any `--scratch-path`.
  static let binary: URL? = {
    let fileManager = FileManager.default
    var start: URL
    if let exe = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      start = URL(fileURLWithPath: exe)
    } else {
      start = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }
    start = start.resolvingSymlinksInPath()
    var folder = start.deletingLastPathComponent()
    while true {
      let candidate = folder.appendingPathComponent("spine-triage")
      var isDirectory: ObjCBool = false
      if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        !isDirectory.boolValue, fileManager.isExecutableFile(atPath: candidate.path)
      {
        return candidate
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return nil }
      folder = parent
    }
  }()

  /// Runs `spine-triage` with `arguments`; standard input is `stdin` (or empty).
  static func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
    let binary = try #require(binary, "spine-triage not found next to the test bundle")
    let scratch = try TemporaryFolder()
    let outURL = scratch.url.appendingPathComponent("stdout")
    let errURL = scratch.url.appendingPathComponent("stderr")
    let inURL = scratch.url.appendingPathComponent("stdin")
    try Data((stdin ?? "").utf8).write(to: inURL)
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let output = try FileHandle(forWritingTo: outURL)
    let error = try FileHandle(forWritingTo: errURL)
    let input = try FileHandle(forReadingFrom: inURL)
    defer {
      try? output.close()
      try? error.close()
      try? input.close()
    }

    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    try process.run()
    process.waitUntilExit()

    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}

/// A fresh temporary folder, removed when the value goes away.
final class TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("spine-triage-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Writes `text` to `name` in the folder; returns its path.
  func file(_ name: String, _ text: String) throws -> String {
    let file = url.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    return file.path
  }

  /// Writes raw `bytes` to `name` in the folder; returns its path.
  func file(_ name: String, bytes: [UInt8]) throws -> String {
    let file = url.appendingPathComponent(name)
    try Data(bytes).write(to: file)
    return file.path
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}

/// JSON helpers for the checks (Foundation's parser is fine for reading our own output).
enum JSON {
  static func object(_ text: some StringProtocol) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
  }
}
