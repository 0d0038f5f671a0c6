import Foundation
import Testing

/// Signals, suspend and resume, resize storms and random keys through the real binary in tmux.
@Suite("Robustness end to end (tmux)", .serialized, .enabled(if: TmuxHarness.available))
struct RobustnessTests {
  @Test(
    "SIGQUIT and crash signals restore the terminal",
    arguments: [SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL])
  func crashSignals(_ signal: Int32) throws {
    let tmux = try TmuxHarness(name: "crash\(signal)")
    try tmux.start()
    try tmux.waitFor("INCOMPLETE")
    try tmux.send("Down", "Down", "Down", "Down", "y")
    try tmux.waitFor("[Y] Low back pain")
    kill(try tmux.pid(), signal)
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 128 + Int(signal))
    #expect(terminalRestored(stty), "stty after \(signal): \(stty)")
    // The draft was saved at the answer, before the signal.
    let draft = try String(contentsOf: tmux.draftFile, encoding: .utf8)
    #expect(draft.contains("\"pain_low_back\": \"yes\""))
  }

  @Test("Ctrl-Z suspends with the terminal restored; fg brings the screen back intact")
  func suspendAndResume() throws {
    let tmux = try TmuxHarness(name: "suspend")
    // An interactive shell gives job control, as at a real terminal.
    try tmux.startShell()
    try tmux.typeCommand(tmux.commandLine())
    try tmux.waitFor("INCOMPLETE")
    try tmux.send("Down", "Down", "Down", "Down", "y")
    try tmux.waitFor("[Y] Low back pain")
    try tmux.send("C-z")
    // Suspended: the shell is back, with its prompt, and the terminal is usable.
    try tmux.waitFor("Stopped")
    try tmux.typeCommand("stty -a > \(tmux.folder.path)/stty-suspended; fg")
    let screen = try tmux.waitFor("[Y] Low back pain")
    #expect(screen.contains("[1 Patient"))
    #expect(screen.contains("NO IMAGING NOW"))
    let suspended = try String(
      contentsOf: tmux.folder.appendingPathComponent("stty-suspended"), encoding: .utf8)
    #expect(terminalRestored(suspended), "stty while suspended: \(suspended)")
    try tmux.send("q")
    try tmux.waitFor("Quit?")
    try tmux.send("y")
    // As the harness does: the stty output is moved into place once complete.
    let file = "\(tmux.folder.path)/stty"
    try tmux.typeCommand(
      "echo $? > \(tmux.exitFile.path); stty -a > \(file).partial; mv \(file).partial \(file)")
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 0)
    #expect(terminalRestored(stty))
  }

  @Test("a storm of 1,000 resizes leaves a correct screen")
  func resizeStorm() throws {
    let tmux = try TmuxHarness(name: "storm")
    try tmux.start()
    try tmux.waitFor("INCOMPLETE")
    var (rng, seed) = Xorshift.seeded(for: "resizeStorm")
    for _ in 0..<1000 {
      try tmux.resize(
        columns: Int.random(in: 10...200, using: &rng), rows: Int.random(in: 5...60, using: &rng))
    }
    try tmux.resize(columns: 80, rows: 24)
    // The last frame settles: poll until the full screen is back (never sleep a fixed time).
    var screen = ""
    for _ in 0..<200 {
      screen = try tmux.screen()
      if screen.contains("[1 Patient") && screen.contains("INCOMPLETE")
        && !screen.contains("too small")
      {
        break
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    #expect(screen.contains("INCOMPLETE"), "seed \(seed); screen: \(screen)")
    #expect(!screen.contains("too small"), "seed \(seed)")
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first?.hasPrefix(" SpineTriage") == true)
    try tmux.send("q")
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 0)
    #expect(terminalRestored(stty))
  }

  /// Random bytes (printable, control, escape sequences of function keys) through the real
  /// binary; quitting keys are left out so that the session lasts, then Esc, q, y end it.
  @Test("10,000 random keys through the real binary: no crash, clean exit")
  func randomKeys() throws {
    let count = Int(ProcessInfo.processInfo.environment["SPINE_TMUX_KEYS"] ?? "") ?? 10_000
    let tmux = try TmuxHarness(name: "keys")
    try tmux.start()
    try tmux.waitFor("INCOMPLETE")
    let sequences: [[UInt8]] = [
      [0x1B, 0x5B, 0x41], [0x1B, 0x5B, 0x42], [0x1B, 0x5B, 0x43], [0x1B, 0x5B, 0x44],
      [0x1B, 0x4F, 0x41], [0x1B, 0x4F, 0x42], [0x1B, 0x5B, 0x35, 0x7E], [0x1B, 0x5B, 0x36, 0x7E],
      [0x1B, 0x5B, 0x5A], [0x1B, 0x4F, 0x50], [0x1B, 0x5B, 0x31, 0x35, 0x7E], [0x09], [0x0D],
      [0x7F], [0x1B], [0x0C],
    ]
    // Bytes that would quit, suspend or signal are excluded: q, Ctrl-C, Ctrl-Z, Ctrl-\.
    let excluded: Set<UInt8> = [0x71, 0x03, 0x1A, 0x1C]
    var (rng, seed) = Xorshift.seeded(for: "randomKeys")
    var batch: [String] = []
    for index in 0..<count {
      var bytes: [UInt8]
      switch Int.random(in: 0..<10, using: &rng) {
      case 0..<3: bytes = sequences.randomElement(using: &rng)!
      case 3: bytes = [UInt8.random(in: 0...31, using: &rng)]
      default: bytes = [UInt8.random(in: 0x20...0x7E, using: &rng)]
      }
      bytes.removeAll { excluded.contains($0) }
      batch += bytes.map { String($0, radix: 16) }
      if batch.count >= 200 || index == count - 1 {
        try tmux.tmux(["send-keys", "-t", "main", "-H"] + batch)
        batch.removeAll()
      }
    }
    // Still alive and drawing. Every answer key saves the draft (two fsyncs), so on a loaded
    // machine the backlog takes a while: wait until the screen has not changed for a second.
    try tmux.waitFor("SpineTriage")
    try tmux.waitForStillScreen()
    // Out of any pop-up or edit, and only then q: an Escape still unread when q arrives is
    // read with it as Alt-q (the escape delay), which does not quit (seen on a loaded run).
    for _ in 0..<4 { try tmux.send("Escape") }
    try tmux.waitForStillScreen()
    try tmux.send("q")
    // q quits at once, or asks first (answers not exported, or a draft to discard).
    var asked = false
    _ = try TmuxHarness.poll(timeout: 20) {
      if FileManager.default.fileExists(atPath: tmux.exitFile.path) { return true }
      let screen = try tmux.screen()
      asked = screen.contains("Quit?") || screen.contains("Discard the draft?")
      return asked
    }
    if asked { try tmux.send("y") }
    let (status, stty) = try tmux.waitForExit(timeout: 20)
    #expect(status == 0, "seed \(seed)")
    #expect(terminalRestored(stty), "seed \(seed); stty: \(stty)")
  }
}
