import Foundation
import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// Layout checks that snapshots show but do not state: nothing important is cut or hidden.
@Suite("Render layout")
struct RenderLayoutTests {
  static let sizes = [size(80, 24), size(100, 30), size(120, 40), size(200, 60)]

  /// All six tabs fit on the tab row, the current one in brackets.
  @Test(arguments: sizes, Page.allCases)
  func tabBarFits(size: TerminalSize, page: Page) {
    var state = AppState(sheet: Vignette.emergency.sheet, size: size)
    apply(.gotoPage(page.number), &state)
    let row = Renderer.render(state).text(row: 1)
    #expect(row.count <= size.columns)
    for tab in Page.allCases {
      #expect(row.contains("\(tab.number) "), "tab \(tab.number) missing: \(row)")
    }
    #expect(row.contains("[\(page.number) "))
    #expect(row.hasSuffix("Summary") || row.hasSuffix("Summary]"), "cut tab bar: \(row)")
  }

  /// Every question is shown in full on its page (the list is narrower at 120 columns than
  /// at 80, because the panel takes 48 columns).
  @Test(arguments: sizes)
  func questionTextsAreNotCut(size: TerminalSize) {
    var cut: [String] = []
    for page in Page.allCases where page.questionScreen != nil {
      var state = AppState(
        sheet: AnswerSheet(answers: traumaWithNeckPain()), size: size)
      apply(.gotoPage(page.number), &state)
      state.showFolded = state.showFolded.map { _ in true }
      // The top and the bottom of the page (scrolled when it does not fit).
      var text = Renderer.render(state).text
      press(key("G"), in: &state)
      text += Renderer.render(state).text
      for finding in findings(on: page)
      where Visibility.isShown(finding, in: state.answers) && !text.contains(finding.question.text)
      {
        cut.append(finding.question.text)
      }
    }
    #expect(cut.isEmpty, "cut at \(size.columns)x\(size.rows): \(cut)")
  }

  /// The one-line help of every row is shown in full (it is cut at the list width today, so
  /// that e.g. the age help reads "fracture >7" instead of "fracture >70").
  @Test(arguments: [size(80, 24), size(120, 40)])
  func helpLinesAreNotCut(size: TerminalSize) {
    var cut: [String] = []
    for page in Page.allCases {
      var state = AppState(sheet: AnswerSheet(answers: traumaWithNeckPain()), size: size)
      apply(.gotoPage(page.number), &state)
      state.showFolded = state.showFolded.map { _ in true }
      for index in state.inputItems(on: page).indices {
        state.focus[page.rawValue] = index
        let screen = Renderer.render(state)
        let help = state.focusedItem!.help
        if !screen.text(row: state.layout.helpRow).contains(help) { cut.append(help) }
      }
    }
    #expect(
      cut.isEmpty, "\(cut.count) help lines cut at \(size.columns) columns, e.g. \(cut.first ?? "")"
    )
  }

  /// The age help in particular must not change its meaning when cut.
  @Test func ageHelpKeepsItsNumbers() {
    let screen = Renderer.render(AppState())
    let help = screen.text(row: Layout(.minimum).helpRow)
    #expect(!help.hasSuffix("fracture >7"), "the age bands are cut: \(help)")
  }

  /// The narrow panel's first row shows the whole timeframe (or marks the cut).
  @Test(arguments: Vignette.allCases)
  func narrowPanelTimeframeIsNotSilentlyCut(vignette: Vignette) {
    let state = AppState(sheet: vignette.sheet, size: .minimum)
    let row = Renderer.render(state).text(row: state.layout.panelTop)
    let timeframe = state.recommendation.timeframe
    #expect(
      row.contains(timeframe) || row.contains("…"),
      "timeframe cut without a mark: \(row)")
  }

  /// The wide panel always shows the MRI-safety stops, however many rules fired: a stop must
  /// not be hidden behind "more on 6 Summary" while the narrow panel shows it.
  @Test func widePanelShowsSafetyStops() {
    let state = AppState(sheet: Vignette.emergency.sheet, size: size(120, 40))
    let stops = state.recommendation.stops
    #expect(!stops.isEmpty)
    let text = Renderer.render(state).text
    #expect(text.contains("MRI safety: \(stops.count) STOP"), "the stop count is hidden")
    #expect(text.components(separatedBy: " STOP: ").count - 1 == stops.count, "a stop is hidden")
  }

  /// When the wide panel overflows, the "more" line replaces the last line; it does not
  /// leave the end of that line behind it.
  @Test(arguments: [Glyphs.unicode, .ascii])
  func widePanelMoreLineIsClean(glyphs: Glyphs) throws {
    let state = AppState(sheet: Vignette.emergency.sheet, size: size(120, 40))
    let screen = Renderer.render(state, glyphs: glyphs)
    let layout = state.layout
    let row = layout.panelTop + layout.panelHeight - 2
    let inner = String(
      ((layout.panelLeft + 2)..<(layout.panelLeft + layout.panelWidth - 1)).map {
        screen[row, $0].character
      })
    let expected = glyphs.ellipsis + " more on 6 Summary"
    #expect(inner.hasPrefix(expected))
    let rest = inner.dropFirst(expected.count)
    #expect(rest.allSatisfy { $0 == " " }, "stale text after the more line: \(inner)")
  }

  /// Status-line questions fit at 80 columns with their way out.
  @Test func statusLinesFitAt80Columns() {
    var state = AppState(sheet: Vignette.emergency.sheet, size: .minimum)
    let hints = Renderer.render(state).text(row: 23)
    #expect(hints.hasSuffix("q quit"))
    press(key("q"), in: &state)
    #expect(Renderer.render(state).text(row: 23).hasSuffix("n stay"))
  }
}
