import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// "No to the rest": N, then y, answers No to every unanswered finding shown on the screen and
/// records it; never an answered item, never a folded one.
@Suite("No to the rest (N, y)")
struct BulkAnswerTests {
  static let now = "2026-11-29T17:20:05+00:00"

  func state(on page: Page, answers: Answers = Answers()) -> AppState {
    var state = makeState(on: page, answers: answers)
    state.now = Self.now
    return state
  }

  @Test func noToTheRestAnswersEveryUnansweredFindingAndRecordsIt() throws {
    let list = findings(on: .history)
    var state = state(on: .history, answers: Answers(findings: [list[2]: .yes, list[5]: .no]))
    #expect(press(key("N"), in: &state) == [])
    guard case .confirmBulk(let pending) = state.mode else {
      Issue.record("N did not ask first: \(state.mode)")
      return
    }
    // Never an item whose answer needs a measurement or a test.
    let asked = list.filter { !$0.needsMeasurement }
    #expect(pending.count == asked.count - 2)
    // The confirmation says how many, and lists them.
    let status = Renderer.render(state).text(row: state.size.rows - 1)
    #expect(status.contains("No to the \(asked.count - 2) items listed"))
    #expect(press(key("y"), in: &state) == [.saveDraft])
    #expect(state.mode == .normal)
    // Never an answered item.
    #expect(state.answers[list[2]] == .yes)
    #expect(state.answers[list[5]] == .no)
    for finding in asked where finding != list[2] { #expect(state.answers[finding] == .no) }
    for finding in list where finding.needsMeasurement {
      #expect(state.answers[finding] == .unknown)
    }
    let record = try #require(state.sheet.bulk.first)
    #expect(state.sheet.bulk.count == 1)
    #expect(record.screen == .history)
    #expect(record.answer == .no)
    #expect(record.at == Self.now)
    #expect(record.findings == asked.filter { $0 != list[2] && $0 != list[5] })
    #expect(state.message?.text.contains("\(asked.count - 2) items") == true)
    // The findings answered in bulk show a small n.
    press(key("g"), in: &state)
    let screen = Renderer.render(state)
    #expect(screen.text.contains("[n] "))
    #expect(screen.text.contains("[Y] "))
  }

  /// N on an answered screen, or any key other than y, answers nothing.
  @Test(arguments: [Key.character("n"), .escape, .character("Y").self, .enter, .character("q")])
  func anyOtherKeyCancels(key: Key) {
    var state = state(on: .examination)
    press(.character("N"), in: &state)
    // (Y too: with Caps Lock on, N then Y answers nothing.)
    let effects = press(key, in: &state)
    #expect(effects == [])
    #expect(state.answers.isEmpty)
    #expect(state.sheet.bulk.isEmpty)
    #expect(state.mode == .normal)
  }

  /// N never changes an answered item: with everything answered it says so and does nothing.
  @Test func nOnAnAnsweredScreenChangesNothing() {
    var answers = Answers()
    for (index, finding) in findings(on: .examination).enumerated() {
      answers[finding] = index.isMultiple(of: 2) ? .yes : .no
    }
    var state = state(on: .examination, answers: answers)
    #expect(press(key("N"), key("y"), in: &state) == [])
    #expect(state.answers == answers)
    #expect(state.sheet.bulk.isEmpty)
  }

  /// Every random mix of answers: N, y never turns a yes into a no nor a no into anything.
  @Test(arguments: [1, 7, 99] as [UInt64])
  func nNeverChangesAnAnsweredItem(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for page in Page.allCases where page.questionScreen != nil {
      var answers = traumaWithNeckPain()
      for finding in findings(on: page) where Bool.random(using: &rng) {
        answers[finding] = Bool.random(using: &rng) ? .yes : .no
      }
      var state = state(on: page, answers: answers)
      press(key("N"), key("y"), in: &state)
      for finding in Finding.allCases where answers[finding] != .unknown {
        #expect(state.answers[finding] == answers[finding], "\(finding.id) on \(page)")
      }
      for finding in Finding.allCases where finding.question.screen != page.questionScreen {
        #expect(state.answers[finding] == answers[finding], "other screen: \(finding.id)")
      }
    }
  }

  /// Folded items were not put to the patient: N leaves them unanswered.
  @Test func foldedItemsStayUnanswered() throws {
    var state = state(on: .history, answers: Answers(age: 40, findings: [.painLowBack: .yes]))
    let folded = state.foldedFindings(on: .history)
    try #require(!folded.isEmpty, "low back pain at 40 folds some History items")
    press(key("N"), key("y"), in: &state)
    for finding in folded.members { #expect(state.answers[finding] == .unknown) }
    let record = try #require(state.sheet.bulk.first)
    #expect(record.findings.allSatisfy { !folded.contains($0) })
  }

  /// On MRI safety the confirmation names the items, since each must have been asked.
  @Test func mriSafetyConfirmationNamesTheItems() {
    var state = state(on: .mriSafety)
    press(key("N"), in: &state)
    let text = Renderer.render(state).text
    for finding in findings(on: .mriSafety) {
      #expect(text.contains(BulkText.label(finding).prefix(30)), "not named: \(finding.id)")
    }
    #expect(text.contains("Each must have been asked"))
    press(key("y"), in: &state)
    #expect(
      findings(on: .mriSafety).allSatisfy {
        state.answers[$0] == ($0.needsMeasurement ? .unknown : .no)
      })
  }

  /// Answering a bulk item again one by one takes it out of the record.
  @Test func answeringAgainLeavesTheRecord() throws {
    var state = state(on: .examination)
    press(key("N"), key("y"), in: &state)
    let first = findings(on: .examination)[0]
    state.focus(on: .finding(first))
    press(key("y"), in: &state)
    let record = try #require(state.sheet.bulk.first)
    #expect(!record.findings.contains(first))
    // Only the items the form shows were answered, never one needing a measurement (shock is
    // asked after trauma or with aortic signs only).
    let shown = findings(on: .examination).filter {
      Visibility.isShown($0, in: state.answers) && !$0.needsMeasurement
    }
    #expect(record.findings.count == shown.count - 1)
    // Cleared one by one, too; the last one out removes the record.
    var single = self.state(on: .mriSafety, answers: Answers())
    for finding in findings(on: .mriSafety).dropLast() where !finding.needsMeasurement {
      single.answers[finding] = .yes
    }
    single.answers[.renalImpairment] = .yes
    press(key("N"), key("y"), in: &single)
    #expect(single.sheet.bulk.count == 1)
    single.focus(on: .finding(findings(on: .mriSafety).last!))
    press(key("u"), in: &single)
    #expect(single.sheet.bulk.isEmpty)
  }

  /// Without a time from the runner nothing is answered (a record needs its time).
  @Test func noClockNoBulk() {
    var state = makeState(on: .history)
    press(key("N"), key("y"), in: &state)
    #expect(state.answers.isEmpty)
    #expect(state.message?.isError == true)
  }

  /// The Summary says which answers were given in bulk, and when.
  @Test func summaryShowsTheBulkAnswers() {
    var state = state(on: .examination)
    press(key("N"), key("y"), key("6"), in: &state)
    let lines = state.reportLines(width: state.layout.listWidth)
    #expect(lines.contains { $0.contains("ANSWERED NO IN BULK") })
    let count = findings(on: .examination).filter {
      Visibility.isShown($0, in: state.answers) && !$0.needsMeasurement
    }.count
    #expect(
      lines.contains { $0.contains("Examination: \(count) answers No at 2026-11-29 17:20") })
  }

  @Test func afterTheBulkNoTheFocusGoesToAMeasuredItemThatCouldChangeTheDecision() {
    // Cancer at 62: the History screen does not fold (a red-flag pathway); the items left after
    // the bulk No need a measurement or a test. The focus goes to the first of them that could
    // change the decision (raised ESR or CRP), not to the first in the list (a neck radiograph
    // already taken, which cannot change it).
    var answers = Answers(findings: [.painLowBack: .yes, .cancerHistory: .yes])
    answers.age = 62
    var state = state(on: .history, answers: answers)
    _ = press(key("N"), key("y"), in: &state)
    let left = state.inputItems(on: .history).filter {
      if case .finding(let finding) = $0 { return state.answers[finding] == .unknown }
      return false
    }
    #expect(left.count > 1)
    let critical = FindingSet(state.recommendation.missingFindings)
    #expect(
      state.focusedItem
        == left.first { item in
          if case .finding(let finding) = item { return critical.contains(finding) }
          return false
        })
    #expect(state.focusedItem == .finding(.abnormalLabs))
  }
}

/// The critical mark and the key that jumps to the next critical item; folding.
@Suite("Critical items and folding")
struct CriticalItemTests {
  /// Every unanswered item in the engine's `missing` carries the mark; no other does.
  @Test(arguments: Page.allCases.filter { $0.questionScreen != nil })
  func marksFollowMissing(page: Page) {
    let answers = Answers(
      age: 70, findings: [.painLowBack: .yes, .painNeck: .yes, .traumaMinor: .yes])
    var state = makeState(on: page, answers: answers, size: size(120, 60))
    state.showFolded = state.showFolded.map { _ in true }
    let screen = Renderer.render(state)
    let missing = state.recommendation.missingFindings
    for (offset, item) in state.currentItems.enumerated() {
      guard case .finding(let finding) = item else { continue }
      let box = String((2..<5).map { screen[state.layout.listTop + offset, $0].character })
      #expect((box == "[!]") == missing.contains(finding), "\(finding.id): \(box)")
    }
  }

  /// ! jumps to the next critical item, across screens, and wraps around.
  @Test func bangJumpsAcrossScreens() throws {
    var state = makeState(on: .patient, answers: Answers(age: 45, findings: [.painLowBack: .yes]))
    let recommendation = state.recommendation
    try #require(!recommendation.missingFindings.isEmpty)
    var visited: [Item] = []
    for _ in 0..<recommendation.missingFindings.count + recommendation.missingInputs.ids.count {
      // It moves only: entering a screen may update the record of what was folded, never an
      // answer.
      let answers = state.answers
      #expect(press(key("!"), in: &state).allSatisfy { $0 == .saveDraft })
      #expect(state.answers == answers)
      let item = try #require(state.focusedItem)
      #expect(
        Relevance.isCritical(item, answers: state.answers, recommendation: recommendation),
        "not critical: \(item)")
      visited.append(item)
    }
    // Each critical item once, in screen order, then around again.
    let findingsVisited = visited.compactMap { item -> Finding? in
      if case .finding(let finding) = item { return finding }
      return nil
    }
    #expect(Set(findingsVisited) == Set(recommendation.missingFindings))
    #expect(findingsVisited == findingsVisited.sorted { $0.rawValue < $1.rawValue })
    press(key("!"), in: &state)
    #expect(state.focusedItem == visited.first)
  }

  @Test func bangWithNothingCriticalSaysSo() {
    var state = makeState(on: .history, answers: Vignette.emergency.answers)
    if state.recommendation.missingFindings.isEmpty && state.recommendation.missingInputs.isEmpty {
      let before = (state.page, state.focusIndex)
      press(key("!"), in: &state)
      #expect(state.message?.text.contains("could change the recommendation") == true)
      #expect(state.page == before.0 && state.focusIndex == before.1)
    }
  }

  /// A folded item can never be one whose answer changes the decision: every folded finding,
  /// answered yes or no, leaves the urgency, the studies and the stops as they were.
  @Test(arguments: Vignette.allCases)
  func foldedItemsCannotChangeTheDecision(vignette: Vignette) {
    var answers = vignette.answers
    // Blank a third of the answers, so that there is something to fold.
    for finding in Finding.allCases where finding.rawValue % 3 == 0 { answers[finding] = .unknown }
    for page in Page.allCases where page.questionScreen != nil {
      let folded = Relevance.foldable(on: page, answers: answers)
      let current = TriageEngine.evaluate(answers)
      for finding in folded.members {
        #expect(!current.missingFindings.contains(finding))
        for answer in [Answer.yes, .no] {
          var changed = answers
          changed[finding] = answer
          let other = TriageEngine.evaluate(changed)
          #expect(other.urgency == current.urgency, "\(finding.id) = \(answer)")
          #expect(other.imaging == current.imaging, "\(finding.id) = \(answer)")
          #expect(other.stops.map(\.id) == current.stops.map(\.id), "\(finding.id) = \(answer)")
        }
      }
    }
  }

  /// Nothing folds before a presenting complaint, and the CCR low-risk items fold once a
  /// high-risk factor (age 65 or over) decides the Canadian rule.
  @Test func foldingNeedsAComplaintAndFollowsTheContext() {
    #expect(Relevance.foldable(on: .history, answers: Answers()).isEmpty)
    // Urgent or above (a high-risk factor decides the Canadian rule: image now), everything
    // is documented: nothing folds.
    let answers = Answers(
      age: 78, findings: [.painNeck: .yes, .traumaMinor: .yes, .dangerousMechanism: .yes])
    #expect(TriageEngine.evaluate(answers).urgency >= .urgent)
    for page in Page.allCases {
      #expect(Relevance.foldable(on: page, answers: answers).isEmpty, "\(page)")
    }
    // Low back pain at 40: the neck radiograph items cannot change anything.
    let back = Answers(age: 40, findings: [.painLowBack: .yes])
    #expect(!Relevance.foldable(on: .history, answers: back).isEmpty)
  }

  /// Enter on the folded row shows the folded items (and hides them again); the row counts
  /// them.
  @Test func enterOnTheFoldedRowShowsThem() throws {
    var state = makeState(on: .history, answers: Answers(age: 40, findings: [.painLowBack: .yes]))
    let folded = state.foldedFindings(on: .history)
    try #require(!folded.isEmpty)
    let rows = state.currentItems.count
    press(key("G"), in: &state)
    #expect(state.focusedItem == .folded)
    #expect(Renderer.render(state).text.contains("+ \(folded.count) more item"))
    press(.enter, in: &state)
    #expect(state.currentItems.count == rows + folded.count)
    #expect(state.focusedItem == .folded)
    press(.enter, in: &state)
    #expect(state.currentItems.count == rows)
  }

  /// When an answer folds rows away, the focus stays on the item answered or moves to the next
  /// row shown; it never lands on a hidden item.
  @Test func focusSurvivesFolding() {
    var state = makeState(on: .neckTrauma, answers: traumaWithNeckPain())
    state.answers.age = 78
    state.focus(on: .finding(.dangerousMechanism))
    press(key("y"), in: &state)
    let item = state.focusedItem
    #expect(item != nil)
    if case .finding(let finding) = item {
      #expect(!state.foldedFindings(on: .neckTrauma).contains(finding))
    }
  }

}
