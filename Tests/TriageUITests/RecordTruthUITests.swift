import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// Issue 18 (records) in the UI core: the panel's deadline is dated and says OVERDUE; every
/// answer notes the assessment time and the item touched; a resumed draft opens where the
/// clinician stopped; the draft list and its preview tell the truth; Ctrl-N keeps this patient
/// and starts the next.
@Suite("The record tells the truth: screens")
struct RecordTruthUITests {
  /// Suspected cauda equina syndrome, reached at 07:11 on 1 Dec.
  static func ces(reachedAt: String = "2026-12-01T07:11:00+00:00") -> AnswerSheet {
    AnswerSheet(
      answers: Answers(findings: [.painLowBack: .yes, .saddleAnesthesia: .yes]),
      patientID: "MRN 5520",
      urgencyClock: UrgencyClock(urgency: .emergency, reachedAt: reachedAt))
  }

  @Test("the panel: 'by 11:11' today, dated on another day, OVERDUE once passed")
  func panelDeadline() {
    var state = AppState(sheet: Self.ces(), size: .minimum)
    state.now = "2026-12-01T08:00:00+00:00"
    #expect(Renderer.render(state).text.contains(" by 11:11 "))
    state.now = "2026-12-01T11:30:00+00:00"
    let late = Renderer.render(state).text
    #expect(late.contains("OVERDUE since 11:11"))
    #expect(!late.contains(" by 11:11 "))
    state.now = "2026-12-02T09:00:00+00:00"
    #expect(Renderer.render(state).text.contains("OVERDUE since Tue 1 Dec 11:11"))
    // The wide panel and the Summary screen say it in full.
    state.size = size(120, 40)
    #expect(Renderer.render(state).text.contains("OVERDUE: MRI was due by 11:11"))
    var summary = AppState(sheet: Self.ces(), size: .minimum)
    summary.now = "2026-12-02T09:00:00+00:00"
    summary.page = .summary
    let report = summary.reportLines(width: summary.layout.listWidth).joined(separator: "\n")
    #expect(report.contains("OVERDUE: MRI was due by 11:11 on Tue 1 Dec 2026"))
  }

  @Test("the Summary screen shows when the answers were last changed")
  func summaryAssessed() {
    var sheet = Self.ces()
    sheet.assessedAt = "2026-12-01T07:14:30+00:00"
    let state = AppState(sheet: sheet, size: .minimum)
    let report = state.reportLines(width: state.layout.listWidth).joined(separator: "\n")
    #expect(report.contains("Assessed:       2026-12-01 07:14:30 +00:00 (answers last changed)"))
  }

  @Test("an answer notes the time of the key and the item; a typed name only the item")
  func noted() {
    var state = makeState(on: .history)
    state.now = "2026-12-02T10:00:00+00:00"
    let first = state.focusedItem
    press(key("y"), in: &state)
    #expect(state.sheet.assessedAt == "2026-12-02T10:00:00+00:00")
    #expect(state.sheet.lastItem == first?.identifier)
    // Moving changes nothing.
    state.now = "2026-12-02T10:05:00+00:00"
    press(.down, .down, in: &state)
    #expect(state.sheet.assessedAt == "2026-12-02T10:00:00+00:00")
    // A typed patient identifier is not an assessment.
    press(key("6"), in: &state)
    press([.enter] + typing("MRN 1") + [.enter], &state)
    #expect(state.sheet.patientID == "MRN 1")
    #expect(state.sheet.lastItem == "patient_id")
    #expect(state.sheet.assessedAt == "2026-12-02T10:00:00+00:00")
  }

  @Test("a resumed draft opens on the item touched last, on its screen")
  func resumeWhereStopped() throws {
    var sheet = Self.ces()
    // The last item touched was answered (an answered item never folds away).
    sheet.answers[.weightLoss] = .no
    sheet.lastItem = Finding.weightLoss.id
    let offer = AppState.DraftOffer(sheet: sheet, savedAt: "2026-12-01T07:20:00Z")
    var state = AppState(sheet: AnswerSheet(), size: .minimum, draftOffers: [offer])
    press(key("r"), in: &state)
    #expect(state.page == .history)
    #expect(state.focusedItem == .finding(.weightLoss))
    // --load: the same when the state starts with the sheet.
    let loaded = AppState(sheet: sheet, size: .minimum)
    #expect(loaded.page == .history)
    #expect(loaded.focusedItem == .finding(.weightLoss))
    // A number, and an item whose page no longer applies (no trauma): stays on Patient.
    sheet.lastItem = "symptom_weeks"
    #expect(AppState(sheet: sheet, size: .minimum).focusedItem == .number(.symptomWeeks))
    sheet.lastItem = Finding.simpleRearEnd.id
    #expect(AppState(sheet: sheet, size: .minimum).page == .patient)
    for item in Page.allCases.flatMap(\.inputItems) {
      let id = try #require(item.identifier)
      #expect(Item(identifier: id) == item)
      #expect(AnswerSheet.isItemIdentifier(id))
    }
  }

  /// A screened patient: every MRI-safety item answered no.
  static var screened: AnswerSheet {
    var sheet = ces()
    for question in QuestionCatalogue.questions(on: .mriSafety) {
      sheet.answers[question.finding] = .no
    }
    sheet.answers.age = 45
    sheet.answers.sex = .female
    return sheet
  }

  @Test("the preview counts the offered draft's answers, never the empty form's")
  func previewCounts() {
    let offer = AppState.DraftOffer(sheet: Self.screened, savedAt: "2026-12-01T07:20:00Z")
    let state = AppState(sheet: AnswerSheet(), size: .minimum, draftOffers: [offer])
    let text = Renderer.render(state).text
    #expect(text.contains("screened: no STOP"))
    #expect(!text.contains("11 of 11 unanswered"))
  }

  @Test("draft rows: identifier, age, sex, complaint; the status in the words every list uses")
  func draftRows() {
    var unnamed = Self.screened
    unnamed.patientID = nil
    let early = AnswerSheet(answers: Answers(findings: [.painLowBack: .yes]))
    let offers = [
      AppState.DraftOffer(sheet: unnamed, savedAt: "2026-12-01T07:20:00Z"),
      AppState.DraftOffer(sheet: early, savedAt: "2026-12-01T07:10:00Z"),
    ]
    let state = AppState(sheet: AnswerSheet(), size: .minimum, draftOffers: offers)
    let text = Renderer.render(state).text
    #expect(text.contains("No identifier, 45 years, female; Low back pain"))
    #expect(text.contains("No identifier, age not recorded, sex not recorded;"))
    let provisional = DecisionText.statusWords(TriageEngine.evaluate(early.answers))
    #expect(provisional.hasPrefix("PROVISIONAL"))
    #expect(text.contains(provisional))
    #expect(!text.contains("(provisional)"))
  }

  @Test("Ctrl-N: keeps this patient's draft (effect), then a fresh assessment")
  func nextPatient() {
    var state = makeState(on: .history)
    state.now = "2026-12-02T10:00:00+00:00"
    // Nothing answered: nothing to save.
    #expect(press(.ctrlN, in: &state) == [])
    #expect(state.message?.text.contains("new assessment already") == true)
    press(key("y"), in: &state)
    state.sheet.patientID = "MRN 9"
    state.sheet.consultationID = "11111111-2222-4333-8444-555555555555"
    #expect(press(.ctrlN, in: &state) == [.nextPatient])
    // The runner saved it and answers with the next patient's sheet.
    let next = AnswerSheet(consultationID: "66666666-7777-4888-8999-000000000000")
    apply(.startNextPatient(next), &state)
    #expect(state.sheet == next)
    #expect(state.page == .patient)
    #expect(state.focusIndex == 0)
    #expect(state.mode == .normal)
    #expect(!state.exported)
    #expect(state.message?.text.contains("MRN 9") == true)
    // The help names the key.
    #expect(
      KeyMap.standard.helpLines().contains { $0.contains("Ctrl-N") && $0.contains("next patient") })
  }
}
