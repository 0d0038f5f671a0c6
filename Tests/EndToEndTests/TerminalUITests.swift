import Foundation
import Testing

/// The real binary in a private tmux server: keys typed, the screen read, the terminal checked
/// after exit.
@Suite("Terminal UI end to end (tmux)", .serialized, .enabled(if: TmuxHarness.available))
struct TerminalUITests {
  @Test("answer items until EMERGENCY, resize, help, quit: exit 0 and terminal restored")
  func emergencyResizeHelpQuit() throws {
    let tmux = try TmuxHarness(name: "emergency")
    try tmux.start()
    try tmux.waitFor("INCOMPLETE")
    // Patient page: the age typed (Enter, digits, Enter moves on to Sex), then Low back pain.
    try tmux.send("Enter", "4", "5", "Enter", "Down", "Down", "Down", "y")
    try tmux.waitFor("[Y] Low back pain")
    try tmux.send("3")  // Examination
    try tmux.waitFor("[3 Exam")
    try tmux.send("y")  // saddle anaesthesia
    let screen = try tmux.waitFor("EMERGENCY")
    #expect(screen.contains("MRI lumbosacral spine without contrast"))
    #expect(screen.contains("CES-1"))
    try tmux.resize(columns: 130, rows: 40)
    let wide = try tmux.waitFor("Recommendation")
    #expect(wide.contains("EMERGENCY"))
    try tmux.resize(columns: 60, rows: 20)
    try tmux.waitFor("Terminal too small")
    try tmux.resize(columns: 80, rows: 24)
    try tmux.waitFor("[3 Exam")
    try tmux.send("?")
    try tmux.waitFor("SpineTriage keys")
    try tmux.send("Escape")
    try tmux.waitFor("[3 Exam")
    try tmux.send("q")
    try tmux.waitFor("Quit?")
    try tmux.send("y")
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 0)
    #expect(terminalRestored(stty), "stty after exit: \(stty)")
  }

  @Test("Ctrl-C asks first when answers would be lost, a second Ctrl-C quits")
  func controlC() throws {
    let tmux = try TmuxHarness(name: "ctrlc")
    try tmux.start()
    try tmux.waitFor("INCOMPLETE")
    try tmux.send("Down", "Down", "Down", "Down", "y")
    try tmux.waitFor("[Y] Low back pain")
    try tmux.send("C-c")
    try tmux.waitFor("Quit?")
    try tmux.send("C-c")
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 0)
    #expect(terminalRestored(stty), "stty after exit: \(stty)")
  }

  @Test("Ctrl-C with no answers quits at once")
  func controlCEmpty() throws {
    let tmux = try TmuxHarness(name: "ctrlc0")
    try tmux.start()
    try tmux.waitFor("INCOMPLETE")
    try tmux.send("C-c")
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 0)
    #expect(terminalRestored(stty))
  }

  @Test("SIGTERM and SIGHUP save the draft and restore the terminal", arguments: [SIGTERM, SIGHUP])
  func terminationSignal(_ signal: Int32) throws {
    let tmux = try TmuxHarness(name: "sig\(signal)")
    try tmux.start()
    try tmux.waitFor("INCOMPLETE")
    try tmux.send("Down", "Down", "Down", "Down", "y")
    try tmux.waitFor("[Y] Low back pain")
    kill(try tmux.pid(), signal)
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 128 + Int(signal))
    #expect(terminalRestored(stty), "stty after exit: \(stty)")
    let draft = try String(contentsOf: tmux.draftFile, encoding: .utf8)
    #expect(draft.contains("\"pain_low_back\": \"yes\""))
  }

  @Test("after SIGKILL the draft holds every answer and is offered on restart")
  func killAndResume() throws {
    let tmux = try TmuxHarness(name: "kill")
    try tmux.start()
    try tmux.waitFor("INCOMPLETE")
    // Each answer moves the focus on: age, sex, weeks of symptoms, then Down past the weeks of
    // care to low back pain yes and neck pain no.
    try tmux.send("Enter", "7", "2", "Enter", "m", "Enter", "3", "Enter", "Down", "y", "n")
    try tmux.waitFor("[N] Neck pain")
    // History: No to the rest (the items shown), recorded as given in bulk; the focus then goes
    // to the first item left (one that needs a test), which may scroll the list.
    try tmux.send("2", "N", "y")
    try tmux.waitFor("on History, recorded as given in bulk")
    kill(try tmux.pid(), SIGKILL)
    _ = try tmux.waitForExit()
    let draft = try String(contentsOf: tmux.draftFile, encoding: .utf8)
    for expected in [
      "\"age\": 72", "\"sex\": \"male\"", "\"symptom_weeks\": 3", "\"pain_low_back\": \"yes\"",
      "\"pain_neck\": \"no\"", "\"progressive_weakness\": \"no\"", "\"bulk\": [",
      "\"screen\": \"history\"",
    ] {
      #expect(draft.contains(expected), "draft lacks \(expected): \(draft)")
    }
    try tmux.restartServer()
    try tmux.start()
    try tmux.waitFor("r resume")
    try tmux.send("r")
    // It opens where the clinician stopped: History, where No to the rest was given.
    let history = try tmux.waitFor("Draft resumed")
    #expect(history.contains("[2 History"), "\(history)")
    #expect(history.contains("[n] Progressive weakness"), "\(history)")
    try tmux.send("1")
    let screen = try tmux.waitFor("Age (years): 72")
    #expect(screen.contains("[1 Patient"), "\(screen)")
    #expect(screen.contains("[Y] Low back pain"), "\(screen)")
  }

  @Test("NO_COLOR and TERM without colours still show the label in words")
  func monochrome() throws {
    let tmux = try TmuxHarness(name: "mono")
    try tmux.start(environment: ["NO_COLOR": "1"])
    let screen = try tmux.waitFor("INCOMPLETE")
    #expect(screen.contains("[1 Patient"))
    try tmux.send("q")
    let (status, _) = try tmux.waitForExit()
    #expect(status == 0)
  }

  @Test("an unknown TERM gives a one-line error, not a crash")
  func unknownTerm() throws {
    let tmux = try TmuxHarness(name: "term")
    try tmux.start(environment: ["TERM": "no-such-terminal-xyz"])
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 69)
    #expect(terminalRestored(stty))
    #expect(try tmux.screen().contains("spine-triage: cannot start the terminal UI"))
  }
}
