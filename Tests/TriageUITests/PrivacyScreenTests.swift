import Testing
import TriageFormats

@testable import TriageEngine
@testable import TriageUI

/// Shared terminal: the privacy screen after an idle time hides everything about the patient,
/// and the key that brings the screens back does nothing else; the draft list names no patient.
@Suite struct PrivacyScreenTests {
  static func patientState() -> AppState {
    var answers = Answers()
    answers[.saddleAnesthesia] = .yes
    answers.age = 47
    var state = makeState(on: .history, answers: answers, size: size(100, 30))
    state.sheet.patientID = "MRN-4471-C"
    state.sheet.clinician = "Dr Ada Example"
    return state
  }

  @Test(arguments: [size(80, 24), size(100, 30), size(40, 12), size(20, 5)])
  func thePrivacyScreenShowsNothingOfThePatient(terminal: TerminalSize) {
    var state = Self.patientState()
    _ = apply(.resize(terminal), &state)
    let before = Renderer.render(state).text
    #expect(before.contains("EMERGENCY") || !state.size.isUsable)
    _ = apply(.hideForPrivacy, &state)
    let text = Renderer.render(state).text
    for secret in ["MRN-4471-C", "Ada", "EMERGENCY", "Saddle", "47", "MRI"] {
      #expect(!text.contains(secret), "\(secret) on the privacy screen at \(terminal)")
    }
    #expect(text.contains("hidden for privacy") || terminal.columns < 31)
  }

  /// Whatever the key, it only reveals: no answer, no move, no page change, no effect.
  @Test(arguments: [
    Key.character("y"), Key.character("n"), Key.character("d"), Key.character("N"),
    Key.character("q"), Key.character(" "), Key.enter, Key.down, Key.tab, Key.escape,
    Key.character("1"), Key.character("e"),
  ])
  func anyKeyOnlyRevealsTheScreens(pressed: Key) {
    var state = Self.patientState()
    _ = apply(.hideForPrivacy, &state)
    let hidden = state
    let effects = press(pressed, in: &state)
    #expect(effects.isEmpty)
    #expect(!state.isHidden)
    #expect(state.answers == hidden.answers)
    #expect(state.page == hidden.page && state.focus == hidden.focus && state.mode == hidden.mode)
    #expect(!state.finished)
  }

  /// The privacy screen comes over a pop-up (the quit question) and leaves it as it was.
  @Test func thePrivacyScreenKeepsAnOpenQuestion() {
    var state = Self.patientState()
    _ = press(key("q"), in: &state)
    let mode = state.mode
    _ = apply(.hideForPrivacy, &state)
    #expect(!Renderer.render(state).text.contains("Quit"))
    _ = press(key("y"), in: &state)
    #expect(state.mode == mode && !state.finished, "the key that reveals must not answer the question")
  }

  @Test func theDraftListOfASharedTerminalNamesNoPatient() {
    var sheet = AnswerSheet()
    sheet.patientID = "MRN-4471-C"
    sheet.consultationID = "3f1c6d0e-8a9b-4c2d-9e1f-0a1b2c3d4e5f"
    sheet.answers[.saddleAnesthesia] = .yes
    var state = AppState(
      sheet: AnswerSheet(), size: size(100, 30),
      draftOffers: [AppState.DraftOffer(sheet: sheet, savedAt: "2026-12-02T09:30:00+00:00")])
    #expect(Renderer.render(state).text.contains("MRN-4471-C"))
    state.hidesDraftIdentities = true
    let text = Renderer.render(state).text
    #expect(!text.contains("MRN-4471-C"))
    #expect(text.contains("Patient not shown (shared terminal)"))
  }
}
