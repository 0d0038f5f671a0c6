import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// Changing screens: Tab/Shift-Tab/Left/Right/h/l (wrapping), digits 1-6, and the conditional
/// neck-trauma page.
@Suite("Changing screens")
struct PageChangeTests {
  /// Without trauma and neck pain the neck-trauma page is skipped.
  static let withoutTrauma: [Page] = [.patient, .history, .examination, .mriSafety, .summary]
  static let withTrauma: [Page] = Page.allCases

  /// Presses `key` `count` times from the Patient page (focus on a finding, so that l/h are
  /// not taken by an item) and records the pages visited.
  func visit(_ key: Key, count: Int, answers: Answers = Answers()) -> [Page] {
    var state = makeState(on: .patient, focusedOn: .finding(.painLowBack), answers: answers)
    var pages: [Page] = []
    for _ in 0..<count {
      #expect(press(key, in: &state) == [])
      pages.append(state.page)
    }
    return pages
  }

  @Test(arguments: [Key.tab, .right, .character("l")])
  func nextScreenWrapsAroundAndSkipsNeckTrauma(key: Key) {
    #expect(visit(key, count: 6) == Array(Self.withoutTrauma.dropFirst()) + [.patient, .history])
  }

  @Test(arguments: [Key.backTab, .left, .character("h")])
  func previousScreenWrapsAround(key: Key) {
    #expect(
      visit(key, count: 6)
        == [.summary, .mriSafety, .examination, .history, .patient, .summary])
  }

  @Test(arguments: [Key.tab, .right])
  func nextScreenIncludesNeckTraumaAfterTraumaWithNeckPain(key: Key) {
    #expect(
      visit(key, count: 7, answers: traumaWithNeckPain())
        == [.history, .examination, .neckTrauma, .mriSafety, .summary, .patient, .history])
  }

  @Test(arguments: [Key.backTab, .left])
  func previousScreenIncludesNeckTrauma(key: Key) {
    #expect(
      visit(key, count: 3, answers: traumaWithNeckPain()) == [.summary, .mriSafety, .neckTrauma])
  }

  @Test(arguments: [1, 2, 3, 5, 6])
  func digitJumpsToTheScreen(number: Int) {
    var state = makeState(on: .history)
    #expect(press(key(Character(String(number))), in: &state) == [])
    #expect(state.page.number == number)
    #expect(state.message == nil)
  }

  @Test func digitFourIsRefusedWithoutTraumaAndNeckPain() throws {
    var state = makeState(on: .history)
    #expect(press(key("4"), in: &state) == [])
    #expect(state.page == .history)
    let message = try #require(state.message)
    // Information, not a failure: no "Error:".
    #expect(!message.isError)
    #expect(message.text.contains("Neck trauma"))
    #expect(Renderer.render(state).text.contains("Neck trauma applies only"))
    #expect(!Renderer.render(state).text.contains("Error: Neck trauma"))
  }

  /// The condition: major or minor trauma answered yes, whatever the pain site (the cervical
  /// spine must be cleared after any trauma).
  @Test(arguments: [
    (Answer.yes, Answer.unknown, Answer.yes, true),
    (.unknown, .yes, .yes, true),
    (.yes, .yes, .yes, true),
    (.yes, .no, .no, true),
    (.yes, .unknown, .unknown, true),
    (.no, .no, .yes, false),
    (.unknown, .unknown, .yes, false),
    (.no, .yes, .no, true),
    (.no, .no, .no, false),
    (.unknown, .unknown, .unknown, false),
  ])
  func neckTraumaCondition(major: Answer, minor: Answer, neck: Answer, enabled: Bool) {
    let answers = Answers(findings: [.traumaMajor: major, .traumaMinor: minor, .painNeck: neck])
    #expect(Page.neckTrauma.isEnabled(for: answers) == enabled)
    var state = makeState(on: .history, answers: answers)
    press(key("4"), in: &state)
    #expect(state.page == (enabled ? .neckTrauma : .history))
    #expect((state.message != nil) == !enabled)
    #expect(state.message?.isError != true)
    state = makeState(on: .examination, answers: answers)
    press(.tab, in: &state)
    // Tab passes over a screen on which everything folds (MRI safety, with nothing to scan).
    let mriAllFolded =
      Relevance.foldable(on: .mriSafety, answers: answers).count
      == QuestionCatalogue.questions(on: .mriSafety).count
    #expect(
      state.page == (enabled ? .neckTrauma : (mriAllFolded ? .summary : .mriSafety)))
  }

  /// Answering the injury with the keys opens the page; the tab bar shows its count.
  @Test func answeringTraumaWithKeysOpensThePage() {
    var state = AppState()
    // Patient rows: age, sex, 2 numbers, then the findings in catalogue order.
    let list = findings(on: .patient)
    let neck = 4 + list.firstIndex(of: .painNeck)!
    press(Array(repeating: key("j"), count: neck), &state)
    press(key("y"), in: &state)
    press(key("4"), in: &state)
    #expect(state.page == .patient)
    // Folding may have hidden rows between the two: the focus is put on the item.
    state.focus(on: .finding(.injury))
    #expect(state.focusedItem == .finding(.injury))
    #expect(press(key("y"), in: &state) == [.saveDraft])
    #expect(Renderer.render(state).text(row: 1).contains("4 Trauma"))
    #expect(
      Renderer.render(state).text(row: 1).contains(
        String(state.unansweredCount(on: .neckTrauma))))
    press(key("4"), in: &state)
    #expect(state.page == .neckTrauma)
    #expect(state.focusedItem == .finding(findings(on: .neckTrauma)[0]))
  }

  /// The disabled tab shows "-" instead of a count.
  @Test func disabledTabIsMarked() {
    let screen = Renderer.render(AppState())
    #expect(screen.text(row: 1).contains("4 Trauma (-)"))
    #expect(screen.text(with: .tabDisabled) == ["4 Trauma (-)"])
    #expect(screen.text(with: .tabActive) == ["[1 Patient (12)]"])
  }

  /// Digits 7-9 and 0 are not screens.
  @Test(arguments: ["7", "8", "9", "0"] as [Character])
  func otherDigitsDoNothingOnAFinding(digit: Character) {
    var state = makeState(on: .history)
    #expect(press(key(digit), in: &state) == [])
    #expect(state.page == .history)
    #expect(state.answers.isEmpty)
  }

  /// gotoPage with a number that is not a page is ignored.
  @Test(arguments: [0, 7, -1, 100])
  func gotoPageOutOfRangeIsIgnored(number: Int) {
    var state = makeState(on: .history)
    #expect(apply(.gotoPage(number), &state) == [])
    #expect(state.page == .history)
  }
}
