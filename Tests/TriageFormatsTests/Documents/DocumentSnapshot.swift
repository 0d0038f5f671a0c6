import Foundation
import Testing

/// Plain-file snapshots beside the tests, in `__Snapshots__/`.
///
/// - A snapshot that differs fails the test; the actual text is written to a temporary file
///   whose path the failure names, for `diff`.
/// - A missing snapshot fails the test and is recorded, so that the next run compares (a new
///   snapshot is never passed silently: read it before committing).
/// - With `SNAPSHOT_RECORD=1` in the environment every snapshot is re-recorded and the test
///   passes: review the change with `git diff`.
enum DocumentSnapshot {
  /// The snapshot folder next to the test file.
  static func directory(filePath: String) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent()
      .appendingPathComponent("__Snapshots__", isDirectory: true)
  }

  /// Whether snapshots are being re-recorded.
  static var isRecording: Bool { ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" }

  /// Compares `actual` with the snapshot `name` (a file name such as `emergency.txt`).
  static func check(
    _ actual: String, named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let folder = directory(filePath: filePath)
    let file = folder.appendingPathComponent(name)
    let expected = try? String(contentsOf: file, encoding: .utf8)
    if isRecording || expected == nil {
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try actual.write(to: file, atomically: true, encoding: .utf8)
      } catch {
        Issue.record(
          "could not record the snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        return
      }
      if expected == nil && !isRecording {
        Issue.record(
          "no snapshot \(name): recorded it at \(file.path); check it and run the test again",
          sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected, expected != actual else { return }
    let actualFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("snapshot-\(UUID().uuidString)-\(name)")
    try? actual.write(to: actualFile, atomically: true, encoding: .utf8)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let index =
      zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?
      .offset ?? min(expectedLines.count, actualLines.count)
    let expectedLine = index < expectedLines.count ? String(expectedLines[index]) : "(end)"
    let actualLine = index < actualLines.count ? String(actualLines[index]) : "(end)"
    Issue.record(
      """
      snapshot \(name) differs at line \(index + 1):
        expected: \(expectedLine)
        actual:   \(actualLine)
      actual output: \(actualFile.path) (diff it with \(file.path); SNAPSHOT_RECORD=1 re-records)
      """,
      sourceLocation: sourceLocation)
  }
}
