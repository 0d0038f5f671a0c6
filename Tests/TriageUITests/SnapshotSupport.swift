import Foundation
import Testing
import TriageUI

/// Plain-text snapshots stored in `__Snapshots__/<name>.txt` next to this file.
///
/// `SNAPSHOT_RECORD=1 swift test ...` (re)writes them. Without it a snapshot that differs fails
/// the test, and a missing one is written and still fails the test, so that a new snapshot is
/// always looked at before it is trusted.
enum Snapshot {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("__Snapshots__", isDirectory: true)

  static let isRecording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"

  /// The snapshot text of a screen: its rows (trailing spaces removed), then where the cursor
  /// is.
  static func text(of screen: Screen) -> String {
    let cursor =
      screen.cursor.map { "row \($0.row), column \($0.column)" } ?? "hidden"
    return screen.text + "\n-- \(screen.columns)x\(screen.rows), cursor: \(cursor)\n"
  }

  /// Compares `actual` with the stored snapshot `name`.
  static func check(
    _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = directory.appendingPathComponent(name + ".txt")
    let actual = actual.hasSuffix("\n") ? actual : actual + "\n"
    let stored = try? String(contentsOf: url, encoding: .utf8)
    if isRecording {
      if stored != actual { write(actual, to: url, sourceLocation: sourceLocation) }
      return
    }
    guard let stored else {
      write(actual, to: url, sourceLocation: sourceLocation)
      Issue.record(
        "No snapshot \(name).txt: recorded it now. Check it, then run the test again.",
        sourceLocation: sourceLocation)
      return
    }
    guard stored != actual else { return }
    let report = difference(stored, actual)
    Issue.record(
      "Snapshot \(name).txt differs (SNAPSHOT_RECORD=1 re-records):\n\(report)",
      sourceLocation: sourceLocation)
  }

  /// Compares a screen with the stored snapshot `name`.
  static func check(
    _ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    check(text(of: screen), named: name, sourceLocation: sourceLocation)
  }

  static func write(_ text: String, to url: URL, sourceLocation: SourceLocation) {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
      Issue.record("cannot write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
    }
  }

  /// The differing lines, numbered (at most 12).
  static func difference(_ expected: String, _ actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var report: [String] = []
    for index in 0..<max(old.count, new.count) {
      let a = index < old.count ? String(old[index]) : "<none>"
      let b = index < new.count ? String(new[index]) : "<none>"
      if a != b {
        report.append("line \(index + 1):\n  - \(a)\n  + \(b)")
      }
      if report.count == 12 { break }
    }
    return report.joined(separator: "\n")
  }
}
