import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// The decision first, on screen: the status and the MRI-safety screen on the panel and the Summary, the
/// deadline as a clock time, words not identifiers, and a status line that never cuts a path.
@Suite("Decision on screen")
struct DecisionPanelTests {
  static let sizes = [size(80, 24), size(120, 40)]

  /// Every identifier with an underscore (the single-word ones are ordinary words).
  static let identifiers = QuestionCatalogue.questions.map(\.id).filter { $0.contains("_") }

  func state(_ ids: [String: Answer], at terminal: TerminalSize, page: Page = .patient)
    -> AppState
  {
    var sheet = AnswerSheet(patientID: "P-1")
    for (id, answer) in ids { sheet.answers[Finding(id: id)!] = answer }
    var state = AppState(sheet: sheet, size: terminal)
    state.page = page
    return state
  }

  @Test(
    "an empty form: INCOMPLETE in the caution colour, never the green no-imaging label",
    arguments: sizes)
  func incomplete(_ terminal: TerminalSize) {
    let screen = Renderer.render(state([:], at: terminal))
    #expect(screen.text.contains("INCOMPLETE"))
    #expect(!screen.text.contains("NO IMAGING NOW"))
    #expect(!screen.contains(role: .urgency(.none)))
    #expect(screen.text.contains("11 of 11 unanswered"))
    #expect(screen.text.contains("not"))
  }

  @Test(
    "on the MRI-safety screen the panel names a STOP, not the count its tab and list show",
    arguments: sizes)
  func safetyScreenCountOnceOnScreen(_ terminal: TerminalSize) {
    var state = state(["pain_low_back": .yes], at: terminal, page: .mriSafety)
    var screen = Renderer.render(state)
    #expect(screen.text.contains("MRI safety: on this screen"), "\(screen.text)")
    #expect(!screen.text.contains("of 11 unanswered"))
    // The count is on the tab.
    #expect(screen.text.contains("(11)"))
    // A STOP is named on the panel wherever the clinician is.
    state = self.state(
      ["pain_low_back": .yes, "saddle_anesthesia": .yes, "orbital_metal": .yes], at: terminal,
      page: .mriSafety)
    screen = Renderer.render(state)
    #expect(state.recommendation.stops.count == 1)
    #expect(screen.text(with: .stop).contains { $0.contains("1 STOP") }, "\(screen.text)")
    // Elsewhere the panel gives the screen in a few words.
    state.page = .history
    #expect(Renderer.render(state).text.contains("1 STOP; 10 of 11 unanswered"))
  }

  @Test(
    "a red flag without a complaint: the urgency shows, with INCOMPLETE beside it", arguments: sizes
  )
  func incompleteNeverHidesAnEmergency(_ terminal: TerminalSize) {
    let state = state(["saddle_anesthesia": .yes], at: terminal)
    let screen = Renderer.render(state)
    #expect(state.recommendation.urgency == .emergency)
    #expect(screen.text(with: .urgency(.emergency)).contains(" EMERGENCY "))
    if state.recommendation.status == .incomplete { #expect(screen.text.contains("INCOMPLETE")) }
  }

  @Test("provisional no imaging says PROVISIONAL on the panel and the Summary", arguments: sizes)
  func provisional(_ terminal: TerminalSize) {
    var state = state(["pain_low_back": .yes], at: terminal)
    #expect(state.recommendation.status == .provisional)
    #expect(Renderer.render(state).text.contains("PROVISIONAL"))
    state.page = .summary
    let summary = Renderer.render(state)
    #expect(summary.text.contains("PROVISIONAL"))
    // The Summary's recommendation bar in the provisional look, never the green of a final one.
    #expect(summary.text(with: .provisional).contains { $0.contains("RECOMMENDATION") })
    #expect(!summary.contains(role: .urgency(.none)))
  }

  @Test("the deadline as a clock time on the panel and the Summary", arguments: sizes)
  func deadline(_ terminal: TerminalSize) {
    var state = state(["pain_low_back": .yes, "saddle_anesthesia": .yes], at: terminal)
    state.sheet.noteUrgency(now: "2026-11-29T17:21:00+00:00")
    state.now = "2026-11-29T17:25:00+00:00"
    #expect(Renderer.render(state).text.contains("by 21:21"))
    state.page = .summary
    let text = Renderer.render(state).text
    #expect(text.contains("MRI by 21:21"))
  }

  @Test("MRI safety stops on the panel", arguments: sizes)
  func stops(_ terminal: TerminalSize) {
    let state = state(
      [
        "cancer_history": .yes, "pain_mid_back": .yes, "pacemaker_legacy": .yes,
        "orbital_metal": .yes,
      ], at: terminal)
    #expect(Renderer.render(state).text.contains("2 STOP"))
  }

  @Test("no finding identifier on any screen, at either size")
  func noIdentifiers() {
    var everything: [String: Answer] = [:]
    for question in QuestionCatalogue.questions { everything[question.id] = .yes }
    let cases: [[String: Answer]] = [
      [:], ["pain_low_back": .yes], everything,
      ["pain_neck": .yes, "trauma_major": .yes, "midline_tenderness": .yes],
    ]
    for answers in cases {
      for terminal in Self.sizes {
        for page in Page.allCases {
          var state = state(answers, at: terminal, page: page)
          // Scroll the Summary through its whole report.
          var seen = Renderer.render(state).text
          if page == .summary {
            for _ in 0..<40 {
              _ = press([.pageDown], &state)
              seen += Renderer.render(state).text
            }
          }
          let leaks = Self.identifiers.filter { seen.contains($0) }
          #expect(leaks.isEmpty, "\(page) at \(terminal.columns)x\(terminal.rows): \(leaks)")
        }
      }
    }
  }

  @Test("the help explains the tab-bar counts and the missing critical answers")
  func help() {
    let help = KeyMap.standard.helpLines().joined(separator: "\n")
    #expect(help.contains("Tab bar"))
    #expect(help.contains("Missing critical answers"))
    for line in KeyMap.standard.helpLines() { #expect(line.count <= 78, "too wide: \(line)") }
  }

  @Test("the status line never cuts the saved path or the print system's reason")
  func statusPath() {
    let path =
      "/home/clinician/.local/share/spine-triage/spine-triage-20261129-172100-3f6c2a9e.txt"
    let name = "spine-triage-20261129-172100-3f6c2a9e.txt"
    let message = StatusMessage("Queued for printing (job office-12). Saved:", path: path)
    #expect(message.lines(width: 200) == ["Queued for printing (job office-12). Saved: " + path])
    for width in [80, 100] {
      let lines = message.lines(width: width)
      #expect(lines.allSatisfy { $0.count <= width }, "\(width): \(lines)")
      #expect(lines.last?.hasSuffix(name) == true)
      #expect(lines.joined(separator: " ").contains("job office-12"))
    }
    // A long folder: its middle is shortened, the file name stays whole.
    let deep = String(repeating: "/very-long-folder-name", count: 6) + "/" + name
    let short = message.lines(width: 80).last ?? ""
    #expect(StatusMessage("x", path: deep).lines(width: 80).last?.hasSuffix(".../" + name) == true)
    #expect(short.hasSuffix(name))
    // Rendered at 80 columns: the lp error in full and the whole file name, above the status row.
    let failed = StatusMessage(
      "Not printed: lp: Error - The printer or class does not exist. Saved:", isError: true,
      path: path)
    var state = AppState(size: size(80, 24))
    _ = apply(.report(failed), &state)
    let text = Renderer.render(state).text
    #expect(text.contains("Error: Not printed: lp: Error - The printer or class does not exist."))
    #expect(text.contains(name))
    // Information has no "Error:" prefix.
    #expect(!(message.lines(width: 80).first ?? "").hasPrefix("Error:"))
  }
}
