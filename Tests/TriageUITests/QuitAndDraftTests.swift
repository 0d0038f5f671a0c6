import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// Quitting: confirmation when answers would be lost, and the draft after an export.
@Suite("Quitting")
struct QuitTests {
  /// A state with one answer.
  func answered() -> AppState {
    var state = makeState(on: .history)
    press(key("y"), in: &state)
    return state
  }

  @Test(arguments: [Key.character("q"), .ctrlC])
  func quitWithoutAnswersQuitsAtOnce(key: Key) {
    var state = AppState()
    #expect(press(key, in: &state) == [.quit])
    #expect(state.finished)
  }

  @Test(arguments: [Key.character("q"), .ctrlC])
  func quitWithAnswersAsksFirst(key: Key) {
    var state = answered()
    #expect(press(key, in: &state) == [])
    #expect(state.mode == .confirmQuit)
    #expect(!state.finished)
    #expect(Renderer.render(state).text.contains("Quit? The answers are not exported"))
  }

  @Test(arguments: [Key.character("n"), .character("N"), .escape, .character("x"), .enter])
  func anyOtherKeyStays(key: Key) {
    var state = answered()
    press(.character("q"), in: &state)
    #expect(press(key, in: &state) == [])
    #expect(state.mode == .normal)
    #expect(!state.finished)
    #expect(state.message?.text == "Not quitting.")
    #expect(state.answers.answeredCount == 1)
  }

  @Test(arguments: [Key.character("y"), .character("Y"), .character("q"), .ctrlC])
  func confirmingQuits(key: Key) {
    var state = answered()
    press(.character("q"), in: &state)
    #expect(press(key, in: &state) == [.quit])
    #expect(state.finished)
  }

  @Test func stayThenQuitAgain() {
    var state = answered()
    #expect(press(key("q"), key("n"), in: &state) == [])
    #expect(state.mode == .normal)
    #expect(press(.ctrlC, key("y"), in: &state) == [.quit])
  }

  /// After an export, q asks whether to discard the draft.
  @Test func afterExportQuitOffersToDiscardTheDraft() {
    var state = answered()
    apply(.markExported, &state)
    #expect(state.exported)
    #expect(!state.hasUnexportedAnswers)
    #expect(press(key("q"), in: &state) == [])
    #expect(state.mode == .confirmDiscardDraft)
    #expect(Renderer.render(state).text.contains("Discard the draft?"))
  }

  /// The whole question, with its way out, fits on the 80-column status line.
  @Test func discardQuestionFitsAt80Columns() {
    var state = answered()
    apply(.markExported, &state)
    press(key("q"), in: &state)
    #expect(Renderer.render(state).text(row: 23).hasSuffix("Esc stay"))
  }

  @Test(arguments: [Key.character("y"), .character("d")])
  func afterExportYesDiscardsAndQuits(key: Key) {
    var state = answered()
    apply(.markExported, &state)
    press(.character("q"), in: &state)
    #expect(press(key, in: &state) == [.discardDraft, .quit])
    #expect(state.finished)
  }

  @Test(arguments: [Key.character("n"), .character("k"), .character("q"), .ctrlC])
  func afterExportNoKeepsTheDraftAndQuits(key: Key) {
    var state = answered()
    apply(.markExported, &state)
    press(.character("q"), in: &state)
    #expect(press(key, in: &state) == [.quit])
    #expect(state.finished)
  }

  @Test(arguments: [Key.escape, .character("x")])
  func afterExportOtherKeysStay(key: Key) {
    var state = answered()
    apply(.markExported, &state)
    press(.character("q"), in: &state)
    #expect(press(key, in: &state) == [])
    #expect(state.mode == .normal)
    #expect(!state.finished)
  }

  /// Changing an answer after the export makes the answers unexported again.
  @Test func answerAfterExportAsksAgain() {
    var state = answered()
    apply(.markExported, &state)
    press(key("j"), key("n"), in: &state)
    #expect(!state.exported)
    press(key("q"), in: &state)
    #expect(state.mode == .confirmQuit)
  }

  @Test func markExportedWithoutAnswersQuitsAtOnce() {
    var state = AppState()
    apply(.markExported, &state)
    #expect(press(key("q"), in: &state) == [.quit])
  }
}

/// The drafts listed on start (one draft per consultation, those open in another session
/// shown as in use and never offered).
@Suite("Draft offer")
struct DraftOfferTests {
  static let firstID = "11111111-1111-4111-8111-111111111111"
  static let secondID = "22222222-2222-4222-8222-222222222222"

  func offer(_ id: String = firstID, patient: String = "A-123") -> AppState.DraftOffer {
    var sheet = Vignette.emergency.sheet
    sheet.consultationID = id
    sheet.patientID = patient
    return AppState.DraftOffer(id: id, sheet: sheet, savedAt: "2025-03-01T09:30:00Z")
  }

  func inUse() -> AppState.DraftOffer {
    AppState.DraftOffer(
      id: "33333333-3333-4333-8333-333333333333", sheet: nil, savedAt: "2025-03-01T10:00:00Z")
  }

  func list() -> [AppState.DraftOffer] {
    [inUse(), offer(), offer(Self.secondID, patient: "B-456")]
  }

  @Test func startsInOfferDraft() {
    let state = AppState(sheet: AnswerSheet(), size: .minimum, draftOffer: offer())
    #expect(state.mode == .offerDraft)
    #expect(state.answers.isEmpty)
    #expect(AppState().mode == .normal)
    // The first draft that can be resumed is chosen, never one in use.
    let listed = AppState(sheet: AnswerSheet(), size: .minimum, draftOffers: list())
    #expect(listed.selectedOffer == 1)
  }

  @Test func onlyDraftsInUseOfferNothing() {
    let state = AppState(sheet: AnswerSheet(), size: .minimum, draftOffers: [inUse()])
    #expect(state.mode == .normal)
    #expect(state.draftOffers.isEmpty)
  }

  @Test(arguments: [Key.character("r"), .character("y"), .enter])
  func resumeTakesTheOfferedSheet(key: Key) throws {
    var state = AppState(sheet: AnswerSheet(), size: .minimum, draftOffers: list())
    #expect(press(key, in: &state) == [.resumeDraft(Self.firstID)])
    #expect(state.mode == .normal)
    #expect(state.sheet == offer().sheet)
    #expect(state.draftOffer == nil)
    let count = try #require(offer().sheet).answers.answeredCount
    #expect(try #require(state.message).text == "Draft resumed: \(count) answers.")
  }

  @Test func downChoosesTheNextDraftAndSkipsThoseInUse() {
    var state = AppState(sheet: AnswerSheet(), size: .minimum, draftOffers: list())
    press(.down, in: &state)
    #expect(state.selectedOffer == 2)
    press(.down, in: &state)
    #expect(state.selectedOffer == 2)
    press(.up, in: &state)
    press(.up, in: &state)
    #expect(state.selectedOffer == 1, "the draft in use is never chosen")
    press(.down, in: &state)
    #expect(press(.enter, in: &state) == [.resumeDraft(Self.secondID)])
    #expect(state.sheet.patientID == "B-456")
  }

  @Test func discardMovesTheChosenDraftToTheTrashAndStaysOnTheList() {
    var state = AppState(sheet: AnswerSheet(), size: .minimum, draftOffers: list())
    #expect(press(.character("d"), in: &state) == [.discardOfferedDraft(Self.firstID)])
    #expect(state.mode == .offerDraft)
    #expect(state.draftOffer?.id == Self.secondID)
    #expect(press(.character("d"), in: &state) == [.discardOfferedDraft(Self.secondID)])
    #expect(state.mode == .normal)
    #expect(state.answers.isEmpty)
    #expect(state.draftOffers.isEmpty)
    #expect(state.message?.text.contains("trash") == true)
  }

  @Test func newAssessmentKeepsEveryDraft() {
    var state = AppState(sheet: AnswerSheet(), size: .minimum, draftOffers: list())
    #expect(press(.character("n"), in: &state) == [.declineDrafts])
    #expect(state.mode == .normal)
    #expect(state.answers.isEmpty)
    #expect(state.draftOffers.isEmpty)
  }

  @Test(arguments: [Key.character("q"), .ctrlC])
  func quitFromTheOfferKeepsTheDraft(key: Key) {
    var state = AppState(sheet: AnswerSheet(), size: .minimum, draftOffer: offer())
    #expect(press(key, in: &state) == [.quit])
    #expect(state.finished)
  }

  /// Other keys wait for an answer; none of them writes anything.
  @Test(arguments: [Key.tab, .character("4"), .escape, .character("x"), .character("u")])
  func otherKeysAreIgnored(key: Key) {
    var state = AppState(sheet: AnswerSheet(), size: .minimum, draftOffer: offer())
    #expect(press(key, in: &state) == [])
    #expect(state.mode == .offerDraft)
    #expect(state.page == .patient)
  }

  /// The list shows, for each draft, the patient identifier with age, sex and complaint, then
  /// the time, number of answers and the decision with its status; a draft in use says so and
  /// shows nothing of its patient.
  @Test func theListShowsEachDraft() {
    let state = AppState(sheet: AnswerSheet(), size: .minimum, draftOffers: list())
    let screen = Renderer.render(state)
    let text = screen.text
    let sheet = Vignette.emergency.sheet
    let words = DecisionText.statusWords(TriageEngine.evaluate(sheet.answers))
    let who = DecisionText.patientWords(patientID: nil, answers: sheet.answers)
    #expect(text.contains("A-123, \(who); "), "\(text)")
    #expect(text.contains("B-456, \(who); "), "\(text)")
    #expect(text.contains("(saved 2025-03-01 09:30)"), "\(text)")
    #expect(text.contains("  12 answers: \(words)"), "\(text)")
    #expect(text.contains("In use in another session  2025-03-01 10:00  (not shown)"))
    #expect(screen.text(row: 23).hasPrefix("Draft: r resume, d discard (to trash), n new"))
    #expect(screen.text(row: 23).count <= 80)
  }
}

/// The export chooser.
@Suite("Export chooser")
struct ExportMenuTests {
  @Test(arguments: [
    (Character("t"), ExportKind.text), ("h", .html), ("w", .html), ("f", .fhir),
  ])
  func chooseAFormat(letter: Character, kind: ExportKind) {
    var state = makeState(on: .patient, focusedOn: .sex, answers: Vignette.emergency.answers)
    #expect(press(key("e"), in: &state) == [])
    #expect(state.mode == .exportMenu)
    // On the Sex row f would mean female: in the chooser it means FHIR.
    #expect(press(key(letter), in: &state) == [.export(kind)])
    #expect(state.mode == .normal)
    #expect(state.answers.sex == .male)
  }

  @Test(arguments: [Key.character("x"), .escape, .enter, .character("q"), .character("e")])
  func otherKeysCancel(key: Key) {
    var state = makeState(on: .history)
    press(.character("e"), in: &state)
    #expect(press(key, in: &state) == [])
    #expect(state.mode == .normal)
    #expect(state.message?.text == "Export cancelled.")
    #expect(!state.finished)
  }

  @Test func chooserIsShownOnTheStatusLine() {
    var state = makeState(on: .history)
    press(.character("e"), in: &state)
    #expect(Renderer.render(state).text(row: 23).hasPrefix("Export the summary: t text"))
  }

  @Test func printAndOtherEffects() {
    var state = makeState(on: .history)
    #expect(press(key("p"), in: &state) == [.print])
    #expect(press(.ctrlZ, in: &state) == [.suspend])
    #expect(press(.ctrlL, in: &state) == [.redraw])
  }

  /// A result reported by the runner is shown until the next key.
  @Test func reportIsShownUntilTheNextKey() {
    var state = makeState(on: .history)
    apply(.report(StatusMessage("Saved summary.txt")), &state)
    #expect(Renderer.render(state).text(row: 23) == "Saved summary.txt")
    apply(.resize(size(80, 24)), &state)
    #expect(state.message?.text == "Saved summary.txt")
    press(key("j"), in: &state)
    #expect(state.message == nil)
    apply(.report(StatusMessage("disk full", isError: true)), &state)
    #expect(Renderer.render(state).text(row: 23) == "Error: disk full")
  }
}
