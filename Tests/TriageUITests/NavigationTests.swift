import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// Moving the focus within a page: j/k/arrows, PgUp/PgDn, g/G/Home/End, and scrolling.
@Suite("Navigation within a page")
struct NavigationTests {
  /// The Patient page: age, sex, two numbers, then the nine presentation findings asked before
  /// an injury (rule set 3: the mechanism follows an injury; the earlier form's high-energy
  /// item only when an older record answered it).
  @Test func patientPageHasThirteenRowsBeforeAnInjury() {
    var state = AppState()
    #expect(state.page == .patient)
    #expect(state.focusIndex == 0)
    #expect(state.currentItems.count == 13)
    #expect(state.focusedItem == .number(.age))
    #expect(state.items(on: .history).count == 24)
    // After an injury: the dangerous mechanism, the fall and another mechanism.
    state.sheet.answers[.injury] = .yes
    #expect(state.currentItems.count == 16)
  }

  @Test(arguments: [
    (Key.character("j"), Key.character("k")), (Key.down, Key.up),
  ])
  func downAndUpMoveOneRow(down: Key, up: Key) {
    var state = AppState()
    #expect(press(down, in: &state) == [])
    #expect(state.focusIndex == 1)
    #expect(state.focusedItem == .sex)
    press(down, down, in: &state)
    #expect(state.focusIndex == 3)
    press(up, in: &state)
    #expect(state.focusIndex == 2)
  }

  @Test(arguments: [Key.character("k"), Key.up])
  func focusClampsAtTheTop(up: Key) {
    var state = AppState()
    press(up, up, up, in: &state)
    #expect(state.focusIndex == 0)
    #expect(state.scrollTop == 0)
  }

  @Test(arguments: [Key.character("j"), Key.down])
  func focusClampsAtTheBottom(down: Key) {
    var state = AppState()
    press(Array(repeating: down, count: 40), &state)
    #expect(state.focusIndex == 12)
    #expect(state.focusedItem == .finding(findings(on: .patient).last!))
    press(down, in: &state)
    #expect(state.focusIndex == 12)
  }

  @Test(arguments: [
    (Key.character("G"), Key.character("g")), (Key.end, Key.home),
  ])
  func bottomAndTop(bottom: Key, top: Key) {
    var state = makeState(on: .history)
    press(bottom, in: &state)
    #expect(state.focusIndex == 23)
    #expect(state.focusedItem == .finding(findings(on: .history).last!))
    #expect(state.focusIsVisible)
    press(bottom, in: &state)
    #expect(state.focusIndex == 23)
    press(top, in: &state)
    #expect(state.focusIndex == 0)
    #expect(state.scrollTop == 0)
    press(top, in: &state)
    #expect(state.focusIndex == 0)
  }

  /// At 80x24 the list shows 15 rows; a page key moves 14 (one row of overlap).
  @Test func pageDownAndUpAt80x24() {
    var state = makeState(on: .history)
    #expect(state.layout.listHeight == 15)
    press(.pageDown, in: &state)
    #expect(state.focusIndex == 14)
    #expect(state.focusIsVisible)
    press(.pageDown, in: &state)
    #expect(state.focusIndex == 23)
    #expect(state.scrollTop == 9)
    press(.pageDown, in: &state)
    #expect(state.focusIndex == 23)
    press(.pageUp, in: &state)
    #expect(state.focusIndex == 9)
    #expect(state.scrollTop == 9)
    press(.pageUp, in: &state)
    #expect(state.focusIndex == 0)
    #expect(state.scrollTop == 0)
  }

  /// At 120x40 all 24 History rows fit: no scrolling.
  @Test func noScrollingWhenThePageFits() {
    var state = makeState(on: .history, size: size(120, 40))
    press(.pageDown, in: &state)
    #expect(state.focusIndex == 23)
    #expect(state.scrollTop == 0)
  }

  /// Walking down the 22 History rows at 80x24 scrolls one row at a time once the focus
  /// reaches the bottom of the 15 visible rows, and back up again.
  @Test func scrollKeepsTheFocusVisibleOnHistory() {
    var state = makeState(on: .history)
    for expected in 1...21 {
      press(key("j"), in: &state)
      #expect(state.focusIndex == expected)
      #expect(state.scrollTop == max(0, expected - 14))
      #expect(state.focusIsVisible)
    }
    for expected in stride(from: 20, through: 0, by: -1) {
      press(key("k"), in: &state)
      #expect(state.focusIndex == expected)
      #expect(state.scrollTop == min(7, expected))
      #expect(state.focusIsVisible)
    }
  }

  /// The focused row is drawn with the pointer and the terminal cursor sits on it, also after
  /// scrolling.
  @Test func renderedFocusFollowsTheScroll() throws {
    var state = makeState(on: .history)
    press(Array(repeating: key("j"), count: 18), &state)
    let screen = Renderer.render(state)
    let row = state.layout.listTop + state.focusIndex - state.scrollTop
    let cursor = try #require(screen.cursor)
    #expect(cursor.row == row)
    #expect(screen.text(row: row).hasPrefix("▶ [ ] "))
    let focused = findings(on: .history)[18]
    #expect(screen.text(row: row).contains(String(focused.question.text.prefix(40))))
    // The scroll marks: more above and below.
    #expect(screen[state.layout.listTop, state.layout.listWidth - 1].character == "▲")
    let last = state.layout.listTop + state.layout.listHeight - 1
    #expect(screen[last, state.layout.listWidth - 1].character == "▼")
  }

  /// Each page keeps its own focus when reached with a digit or Shift-Tab.
  @Test func focusIsRememberedPerPage() {
    var state = AppState()
    press(key("j"), key("j"), in: &state)
    press(key("2"), in: &state)
    #expect(state.page == .history)
    #expect(state.focusIndex == 0)
    press(key("j"), in: &state)
    press(.backTab, in: &state)
    #expect(state.page == .patient)
    #expect(state.focusIndex == 2)
    press(key("2"), in: &state)
    #expect(state.focusIndex == 1)
  }

  /// Tab opens the next screen on its first unanswered item.
  @Test func tabGoesToTheFirstUnansweredItem() {
    let list = findings(on: .history)
    var state = makeState(
      on: .patient, answers: Answers(findings: [list[0]: .no, list[1]: .yes, list[3]: .no]))
    state.focus[Page.history.rawValue] = 10
    press(.tab, in: &state)
    #expect(state.page == .history)
    #expect(state.focusedItem == .finding(list[2]))
    // With everything answered the remembered focus stays.
    var all = Answers()
    for finding in list { all[finding] = .no }
    state = makeState(on: .patient, answers: all)
    state.focus[Page.history.rawValue] = 5
    press(.tab, in: &state)
    #expect(state.focusIndex == 5)
  }

  /// Moving is not an answer change: no effects.
  @Test(arguments: [
    Key.character("j"), .character("k"), .down, .up, .pageDown, .pageUp, .home, .end,
    .character("g"), .character("G"),
  ])
  func movingHasNoEffects(key: Key) {
    var state = makeState(on: .history)
    state.focus[Page.history.rawValue] = 10
    let before = state.answers
    #expect(press(key, in: &state) == [])
    #expect(state.answers == before)
  }
}
