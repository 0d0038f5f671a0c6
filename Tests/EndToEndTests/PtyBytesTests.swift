import Foundation
import Testing

/// Bytes written per key through a real pty (80x24, TERM=xterm-256color) stay under dialog's
/// figures: deterministic for a TERM, so a regression shows at once. Times are not asserted.
@Suite("Bytes per key through a pty", .serialized)
struct PtyBytesTests {
  /// dialog 1.3's bytes on the same machine kind (README, "Performance").
  static let ceilings = (firstFrame: 4883, down: 212, up: 220, toggle: 49)
  static var script: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Performance/ttybench.py").path
  }

  @Test func bytesStayUnderDialogs() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", Self.script, "--json", "--runs", "1", "--marker", "INCOMPLETE",
      "--env", "XDG_STATE_HOME=@tmpdir", "--env", "SPINE_TRIAGE_DIR=@tmpdir",
      "--keys", "TAB,DOWN,DOWN,UP,TAB,TAB,DOWN,DOWN,DOWN,DOWN,DOWN,DOWN,DOWN,DOWN,DOWN,DOWN,SPACE",
      "--", TmuxHarness.binary,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.standardError
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let summary = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    let keys = try #require(summary["keys"] as? [[String: Any]])
    func bytes(_ index: Int) -> Int { (keys[index]["bytes"] as? NSNumber)?.intValue ?? Int.max }
    let firstFrame = (summary["first_frame_bytes"] as? NSNumber)?.intValue ?? Int.max
    #expect(firstFrame > 500, "the first frame was not drawn")
    #expect(firstFrame <= Self.ceilings.firstFrame)
    // Keys: 0 Tab, 1 Down, 2 Down, 3 Up, ..., 16 Space on Claustrophobia (no MRI planned).
    #expect(bytes(1) > 0 && bytes(1) <= Self.ceilings.down, "Down: \(bytes(1)) bytes")
    #expect(bytes(2) > 0 && bytes(2) <= Self.ceilings.down, "Down: \(bytes(2)) bytes")
    #expect(bytes(3) > 0 && bytes(3) <= Self.ceilings.up, "Up: \(bytes(3)) bytes")
    // Below dialog's toggle: the checkbox, the tab's count and the cursor (the panel names only
    // a STOP while the MRI-safety screen is shown).
    #expect(bytes(16) > 0 && bytes(16) < Self.ceilings.toggle, "Space: \(bytes(16)) bytes")
  }
}
