import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Printing reports only completed jobs as printed (issue 20): a real CUPS queue whose backend
/// cancels every job, and stand-in `lp` programs first in PATH for what a real one rarely
/// does (a bad request id, exit 0 without one, ignoring SIGTERM).
@Suite("Printing: following the job", .serialized)
struct PrintFollowTests {
  /// A folder with an executable `lp` (and `lpstat`) written from `script`.
  static func fakeLP(_ folder: TemporaryFolder, _ script: String) throws -> [String: String] {
    let bin = folder.url.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let lp = bin.appendingPathComponent("lp").path
    try Data(("#!/bin/sh\n" + script + "\n").utf8).write(to: URL(fileURLWithPath: lp))
    chmod(lp, 0o755)
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return ["PATH": bin.path + ":" + path]
  }

  func printWith(_ environment: [String: String], home: TemporaryFolder) throws
    -> Hardening.Result
  {
    let answers = try home.file("answers.json", Hardening.goodAnswers)
    return try Hardening.run(
      ["export", "--answers", answers, "--format", "text", "--print", "--printer", "office"],
      set: environment, home: home)
  }

  @Test(
    "lp's request id is checked: '-o-7', junk and exit 0 without a job number are not printed",
    arguments: [
      "echo 'request id is -o-7 (1 file(s))'", "echo 'request id is  (1 file(s))'",
      "echo 'request id is office-x (1 file(s))'", "echo 'request id is of/fice-3 (1 file(s))'",
      "exit 0", "echo 'nothing to see'",
    ])
  func badRequestID(script: String) throws {
    let home = try TemporaryFolder()
    let result = try printWith(try Self.fakeLP(home, script), home: home)
    #expect(result.status == 69, "\(result)")
    #expect(result.stderr.contains("no valid job number"), "\(result)")
    #expect(!result.stdout.contains("Printed") && !result.stdout.contains("Queued"))
  }

  @Test("an lp that ignores SIGTERM is killed: the program returns, the lp process is gone")
  func lpIgnoringSIGTERM() throws {
    let home = try TemporaryFolder()
    let pidFile = home.url.appendingPathComponent("lp.pid").path
    let script = "echo $$ > '\(pidFile)'; trap '' TERM; while :; do sleep 1; done"
    let result = try printWith(try Self.fakeLP(home, script), home: home)
    #expect(result.status == 69, "\(result)")
    #expect(result.stderr.contains("did not answer"), "\(result)")
    let pid = try #require(
      Int32(
        (try? String(contentsOfFile: pidFile, encoding: .utf8))?
          .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
    #expect(kill(pid, 0) != 0 && errno == ESRCH, "lp \(pid) still runs")
    print("lp ignoring SIGTERM: export --print returned after \(result.seconds) s")
  }

  /// `export --print` of the good answers on a real queue, the copy saved in a fresh folder.
  func printOnQueue(_ queue: String) throws -> Hardening.Result {
    let home = try TemporaryFolder()
    let answers = try home.file("answers.json", Hardening.goodAnswers)
    return try Hardening.run(
      [
        "export", "--answers", answers, "--format", "text", "-o", home.url.path, "--print",
        "--printer", queue,
      ], home: home)
  }

  @Test(
    "a job the queue's backend cancels is not reported as printed (real CUPS queue)",
    .enabled(if: DocumentTools.hasQueues || DocumentTools.isCI))
  func cancelledJob() throws {
    let result = try printOnQueue("spine-cancel")
    #expect(result.status == 69, "\(result)")
    #expect(result.stderr.contains("Not printed: job spine-cancel-"), "\(result)")
    #expect(result.stderr.contains("cancelled"), "\(result)")
    #expect(!result.stdout.contains("Printed"))
  }

  @Test(
    "a completed job is printed, and said to be (real CUPS queue)",
    .enabled(if: DocumentTools.hasQueues || DocumentTools.isCI))
  func completedJob() throws {
    let result = try printOnQueue("spine-a4")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.stdout.contains("Printed: job spine-a4-") || result.stdout.contains("Queued"),
      "\(result)")
  }

  @Test(
    "printing needs no writable home: the screens print through a pipe when nothing can be saved",
    .enabled(if: TmuxHarness.available && (DocumentTools.hasQueues || DocumentTools.isCI)))
  func printWithoutWritableHome() throws {
    let tmux = try TmuxHarness(name: "nohome")
    // The export folder cannot be created (its parent is a file).
    let blocker = tmux.folder.appendingPathComponent("blocker")
    try Data("x".utf8).write(to: blocker)
    try tmux.start(
      arguments: ["--load", DocumentTools.fixture("emergency-ces"), "--printer", "spine-a4"],
      columns: 160, rows: 30, environment: ["SPINE_TRIAGE_DIR": blocker.path + "/exports"])
    _ = try tmux.waitFor("EMERGENCY")
    try tmux.send("p")
    let screen = try tmux.waitFor("No copy saved", timeout: 30)
    #expect(screen.contains("Printed: job spine-a4-") || screen.contains("Queued"), "\(screen)")
    // SIGTERM: the draft is saved and the terminal restored (the quit prompt depends on
    // whether a copy was saved, which is not what this test is about).
    kill(try tmux.pid(), SIGTERM)
    _ = try tmux.waitForExit()
  }
}
