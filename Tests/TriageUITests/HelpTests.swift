import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// The help overlay: toggling, scrolling, and its text generated from the key map.
@Suite("Help overlay")
struct HelpTests {
  let lines = KeyMap.standard.helpLines()

  /// The help's last scroll position at `rows` rows, whatever the update allows.
  func scrolledToEnd(rows: Int) -> AppState {
    var state = makeState(on: .history, size: size(80, rows))
    press(key("?"), in: &state)
    press(Array(repeating: Key.down, count: lines.count + 5), &state)
    return state
  }

  @Test(arguments: [Key.character("?"), .function(1)])
  func opens(key: Key) {
    var state = makeState(on: .history)
    #expect(press(key, in: &state) == [])
    #expect(state.mode == .help(scroll: 0))
    let screen = Renderer.render(state)
    #expect(screen.text(row: 2) == "  SpineTriage keys (generated from the key map)")
    #expect(screen.text(with: .title).contains("SpineTriage keys (generated from the key map)"))
    #expect(screen.text(row: 23).hasPrefix("Up/Down scroll"))
  }

  @Test(arguments: [
    Key.character("x"), .character("?"), .function(1), .escape, .enter, .character("q"),
    .character("y"), .tab,
  ])
  func anyOtherKeyCloses(key: Key) {
    var state = makeState(on: .history)
    press(.character("?"), in: &state)
    #expect(press(key, in: &state) == [])
    #expect(state.mode == .normal)
    #expect(!state.finished)
    // The key only closed the help: no answer, no screen change.
    #expect(state.answers.isEmpty)
    #expect(state.page == .history)
  }

  @Test(arguments: [(Key.down, Key.up), (.character("j"), .character("k"))])
  func scrollsLineByLine(down: Key, up: Key) {
    var state = makeState(on: .history)
    press(.character("?"), in: &state)
    press(down, down, in: &state)
    #expect(state.mode == .help(scroll: 2))
    #expect(Renderer.render(state).text(row: 2) == "  " + lines[2])
    press(up, in: &state)
    #expect(state.mode == .help(scroll: 1))
    press(up, up, up, in: &state)
    #expect(state.mode == .help(scroll: 0))
  }

  @Test(arguments: [Key.pageDown, .character(" ")])
  func pagesDownAndUp(key: Key) {
    var state = makeState(on: .history, size: size(80, 24))
    press(.character("?"), in: &state)
    press(key, in: &state)
    guard case .help(let scroll) = state.mode else {
      Issue.record("help closed")
      return
    }
    #expect(scroll == min(21, max(0, lines.count - 21)))
    press(.pageUp, in: &state)
    #expect(state.mode == .help(scroll: 0))
  }

  /// The help does not scroll when it fits (it has grown past 80 rows with the pop-ups' keys:
  /// the size is the help's own height).
  @Test func noScrollWhenItFits() {
    var state = makeState(on: .history, size: size(120, lines.count + 3))
    press(.character("?"), in: &state)
    press(.down, .pageDown, in: &state)
    #expect(state.mode == .help(scroll: 0))
  }

  /// Scrolling to the end shows the last line of the help ("Press any key to close this
  /// help."), at 80x24 and at other heights.
  @Test(arguments: [24, 30, 40])
  func lastLineIsReachable(rows: Int) {
    let state = scrolledToEnd(rows: rows)
    let shown = Renderer.render(state).text.contains(lines.last!)
    #expect(shown, "scrolled to \(state.mode) of \(lines.count) lines: the last line is hidden")
  }

  /// Every help line fits in 80 columns (the help is drawn from column 2).
  @Test func everyHelpLineFitsIn80Columns() {
    for line in lines {
      #expect(line.count + 2 <= 80, "help line cut at 80 columns: \(line)")
    }
  }

  @Test func ctrlCInHelpAsksToQuit() {
    var state = makeState(on: .history)
    press(.character("?"), in: &state)
    #expect(press(.ctrlC, in: &state) == [.quit])
    state = makeState(on: .history)
    press(.character("y"), .character("?"), in: &state)
    #expect(press(.ctrlC, in: &state) == [])
    #expect(state.mode == .confirmQuit)
  }

  @Test func ctrlLRedrawsAndKeepsTheHelp() {
    var state = makeState(on: .history)
    press(.character("?"), .down, in: &state)
    #expect(press(.ctrlL, in: &state) == [.redraw])
    #expect(state.mode == .help(scroll: 1))
  }

  /// The help is generated from the bindings: every binding's keys and summary are listed,
  /// under its scope.
  @Test func helpListsEveryBinding() {
    for binding in KeyMap.standard.bindings {
      #expect(
        lines.contains { $0.contains(binding.keyLabel) && $0.contains(binding.summary) },
        "binding not in the help: \(binding.keyLabel) \(binding.summary)")
    }
    for scope in KeyBinding.Scope.allCases {
      #expect(lines.contains(scope.rawValue))
    }
    // Digits are listed once per scope, not ten times.
    #expect(lines.filter { $0.contains("how to type a number") }.count == 1)
    #expect(lines.filter { $0.contains("go to a screen") }.count == 1)
  }
}
