import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// Resizing the terminal: the focus stays on an item and visible.
@Suite("Resize")
struct ResizeTests {
  @Test func resizeReturnsNoEffectsAndKeepsTheMessage() {
    var state = makeState(on: .history)
    apply(.report(StatusMessage("hello")), &state)
    #expect(apply(.resize(size(100, 30)), &state) == [])
    #expect(state.size == size(100, 30))
    #expect(state.message?.text == "hello")
  }

  /// Smaller: the list scrolls so that the focused row stays visible.
  @Test func shrinkingScrollsToTheFocus() {
    var state = makeState(on: .history, size: size(120, 40))
    press(key("G"), in: &state)
    #expect(state.scrollTop == 0)
    apply(.resize(size(80, 24)), &state)
    #expect(state.focusIndex == 23)
    #expect(state.scrollTop == 9)
    #expect(state.focusIsVisible)
  }

  /// Larger: the list scrolls back so that no rows are wasted.
  @Test func growingScrollsBack() {
    var state = makeState(on: .history)
    press(key("G"), in: &state)
    #expect(state.scrollTop == 9)
    apply(.resize(size(120, 40)), &state)
    #expect(state.scrollTop == 0)
    #expect(state.focusIndex == 23)
  }

  /// The Summary's report has fewer lines when wider: the focus is clamped to the last one.
  @Test func resizeClampsFocusOnTheSummary() {
    var state = makeState(on: .summary, answers: Vignette.emergency.answers)
    press(key("G"), in: &state)
    let narrowCount = state.currentItems.count
    #expect(state.focusIndex == narrowCount - 1)
    apply(.resize(size(200, 60)), &state)
    let wideCount = state.currentItems.count
    #expect(wideCount < narrowCount)
    #expect(state.focusIndex == wideCount - 1)
    #expect(state.focusedItem != nil)
    #expect(state.focusIsVisible)
  }

  /// Every page's focus is clamped, not only the current one.
  @Test func resizeClampsEveryPage() {
    var state = makeState(on: .summary, answers: Vignette.emergency.answers)
    press(key("G"), in: &state)
    press(key("1"), in: &state)
    apply(.resize(size(200, 60)), &state)
    #expect(state.focus[Page.summary.rawValue] < state.items(on: .summary).count)
  }

  @Test func tooSmallAndBack() {
    var state = makeState(on: .history)
    press(key("G"), in: &state)
    apply(.resize(size(1, 1)), &state)
    #expect(state.focusIndex == 23)
    apply(.resize(size(80, 24)), &state)
    #expect(state.focusIndex == 23)
    #expect(state.focusIsVisible)
  }

  /// A resize while a question or the help is shown must leave the focus visible once it is
  /// answered: the modes that only record the new size skip the scroll adjustment.
  @Test(arguments: ["help", "confirmQuit", "confirmDiscardDraft", "exportMenu", "editing"])
  func resizeInAModeKeepsTheFocusVisible(mode: String) {
    var state = makeState(on: .history, size: size(120, 40))
    press(key("G"), key("y"), in: &state)
    #expect(state.focusIndex == 23)
    switch mode {
    case "help": press(key("?"), in: &state)
    case "confirmQuit": press(key("q"), in: &state)
    case "confirmDiscardDraft":
      apply(.markExported, &state)
      press(key("q"), in: &state)
    case "exportMenu": press(key("e"), in: &state)
    default:
      state = makeState(on: .summary, size: size(200, 60))
      press(key("G"), in: &state)
      state.focus[Page.summary.rawValue] = 0
      press(.enter, in: &state)
    }
    #expect(state.mode != .normal)
    apply(.resize(size(80, 24)), &state)
    // Leave the mode with a harmless key (Esc: closes help, stays, cancels).
    press(.escape, in: &state)
    #expect(state.mode == .normal)
    let visible = state.focusIsVisible
    #expect(visible, "focus \(state.focusIndex) is off screen (scroll \(state.scrollTop))")
    let cursorRow = Renderer.render(state).cursor?.row
    #expect(
      cursorRow == state.layout.listTop + state.focusIndex - state.scrollTop,
      "the cursor is not on the focused row")
  }

  /// Same on the Summary: after a resize in the help to a wider terminal the focus must still
  /// be on a row of the page.
  @Test func resizeInHelpClampsTheSummaryFocus() {
    var state = makeState(on: .summary, answers: Vignette.emergency.answers)
    press(key("G"), key("?"), in: &state)
    apply(.resize(size(200, 60)), &state)
    press(.escape, in: &state)
    #expect(state.focusIndex < state.currentItems.count)
    #expect(state.focusedItem != nil)
  }
}
