import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// "Not done" (`d`), the bulk No that never covers a measurement, Caps Lock, the too-small
/// screen and the colours that never reassure early.
@Suite("Not done, bulk and Caps Lock")
struct NotDoneKeyTests {
  /// Low back pain, age 40, on the History screen.
  static func lowBackPain() -> AppState {
    var state = AppState(size: size(80, 24))
    state.now = "2026-11-29T17:20:00+00:00"
    state.answers.age = 40
    state.answers.symptomWeeks = 1
    state.answers.conservativeWeeks = 0
    state.answers[.painLowBack] = .yes
    return state
  }

  @Test func dRecordsNotDoneAndMovesOn() {
    var state = Self.lowBackPain()
    _ = apply(.gotoPage(Page.history.number), &state)
    state.focus(on: .finding(.abnormalLabs))
    let row = state.focusIndex
    let effects = press([key("d")], &state)
    #expect(effects.contains(.saveDraft))
    #expect(state.answers.isNotDone(.abnormalLabs))
    #expect(state.answers[.abnormalLabs] == .unknown)
    #expect(state.focusIndex == row + 1)
    #expect(Renderer.render(state).text.contains("[-] Raised ESR"))
    // Still unknown to the rules: provisional, and the panel says why.
    #expect(state.recommendation.status == .provisional)
    #expect(state.recommendation.missingFindings.contains(.abnormalLabs))
    #expect(state.sheet.recorded(.abnormalLabs) == .notDone)
    // Cleared with u: back to not assessed.
    state.focus(on: .finding(.abnormalLabs))
    _ = press([key("u")], &state)
    #expect(!state.answers.isNotDone(.abnormalLabs))
  }

  @Test func bulkNoNeverCoversAMeasurementAndListsItsItems() {
    var state = Self.lowBackPain()
    _ = apply(.gotoPage(Page.examination.number), &state)
    _ = press([key("N")], &state)
    guard case .confirmBulk(let findings) = state.mode else {
      Issue.record("no confirmation")
      return
    }
    for finding in findings { #expect(!finding.needsMeasurement, "\(finding.id)") }
    let text = Renderer.render(state).text
    #expect(text.contains("Not included (need a measurement or test)"))
    #expect(text.contains("- " + BulkText.label(.saddleAnesthesia)))
    _ = press([key("y")], &state)
    #expect(state.answers[.urinaryRetention] == .unknown)
    #expect(state.answers[.feverMeasured] == .unknown)
    #expect(state.answers[.saddleAnesthesia] == .no)
    // The focus goes to the first item left, where it was shown.
    #expect(state.focusedItem == .finding(.urinaryRetention))
  }

  @Test func capsLockNeverAnswersMoreThanOneItem() {
    var state = Self.lowBackPain()
    _ = apply(.gotoPage(Page.history.number), &state)
    let before = state.answers
    // N then Y (Caps Lock on): cancelled, nothing answered.
    _ = press(typing("NY"), &state)
    #expect(state.answers == before)
    #expect(state.mode == .normal)
    // Y answers the focused item only, like y; D records it as not done.
    let focused = state.focusedItem
    _ = press(typing("Y"), &state)
    if case .finding(let finding) = focused { #expect(state.answers[finding] == .yes) }
    #expect(state.answers.yesSet.count == before.yesSet.count + 1)
    let next = state.focusedItem
    _ = press(typing("D"), &state)
    if case .finding(let finding) = next { #expect(state.answers.isNotDone(finding)) }
  }

  @Test func tooSmallOnlyQuitAndHelpAct() {
    var state = AppState(size: size(60, 20))
    state.now = "2026-11-29T17:20:00+00:00"
    for character in "fmynd N y 1 2 3 \t jkgGe p" {
      #expect(KeyMap.standard.action(for: key(character), in: state) == nil, "\(character)")
    }
    for special in [Key.tab, .enter, .down, .backTab, .pageDown] {
      #expect(KeyMap.standard.action(for: special, in: state) == nil)
    }
    #expect(KeyMap.standard.action(for: key("q"), in: state) == .requestQuit)
    #expect(KeyMap.standard.action(for: key("?"), in: state) == .toggleHelp)
    let text = Renderer.render(state).text
    #expect(text.replacingOccurrences(of: "\n", with: " ").contains("--plain"))
    // Asked to quit with answers: the question is on the small screen, and y quits.
    state.answers[.painLowBack] = .yes
    _ = press([key("q")], &state)
    #expect(Renderer.render(state).text.contains("Quit?"))
    #expect(KeyMap.standard.action(for: key("y"), in: state) == .confirmQuit)
  }

  @Test func greenOnlyForAFinalNoImaging() {
    // One key after start: provisional, never the green "no imaging" look.
    var state = Self.lowBackPain()
    var screen = Renderer.render(state)
    #expect(state.recommendation.status == .provisional)
    #expect(!screen.contains(role: .urgency(.none)))
    #expect(screen.text.contains("PROVISIONAL"))
    // The empty form: INCOMPLETE, no study.
    state = AppState(size: size(80, 24))
    screen = Renderer.render(state)
    #expect(screen.text.contains("INCOMPLETE"))
    #expect(!screen.text.contains("Study:"))
    #expect(!screen.text.contains("conservative care and safety-net"))
    // Final no imaging: green, and it says FINAL.
    state = AppState(sheet: Vignette.noImaging.sheet, size: size(80, 24))
    if state.recommendation.status == .final {
      screen = Renderer.render(state)
      #expect(screen.contains(role: .urgency(.none)))
      #expect(screen.text.contains("FINAL"))
    }
  }

  @Test func theSavedPathStaysOnOneLine() {
    let message = StatusMessage(
      "Saved html summary:",
      path: "/root/.local/share/spine-triage/spine-triage-20261202-1140-3f6c2a9e.html")
    let lines = message.lines(width: 80)
    #expect(lines.count == 1, "\(lines)")
    #expect(lines[0].hasPrefix("Saved html summary: "))
    #expect(lines[0].hasSuffix("spine-triage-20261202-1140-3f6c2a9e.html"))
  }
}
