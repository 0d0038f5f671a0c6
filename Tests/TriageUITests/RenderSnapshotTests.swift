import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// What is on screen, as a plain-text snapshot per view, size, vignette and glyph set.
enum View: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case patient, history, examination, neckTrauma, mriSafety, summary
  case help, confirmQuit, draftOffer

  var testDescription: String { rawValue }

  /// The page views.
  static let pages: [View] = [.patient, .history, .examination, .neckTrauma, .mriSafety, .summary]

  /// The state showing this view for `vignette` at `size`, reached with keys where possible.
  func state(_ vignette: Vignette, _ size: TerminalSize) -> AppState {
    if self == .draftOffer {
      return AppState(
        sheet: AnswerSheet(), size: size,
        draftOffer: AppState.DraftOffer(sheet: vignette.sheet, savedAt: "2025-03-01T09:30:00Z"))
    }
    var state = AppState(sheet: vignette.sheet, size: size)
    // Both vignettes answer trauma and neck pain, so every page is reachable.
    #expect(Page.neckTrauma.isEnabled(for: state.answers))
    switch self {
    case .patient: break
    case .history:
      apply(.gotoPage(2), &state)
      state.focus(on: .finding(.bladderBowel))
    case .examination:
      apply(.gotoPage(3), &state)
      state.focus(on: .finding(.urinaryRetention))
    case .neckTrauma: apply(.gotoPage(4), &state)
    case .mriSafety:
      apply(.gotoPage(5), &state)
      state.focus(on: .finding(.pacemakerLegacy))
    case .summary: apply(.gotoPage(6), &state)
    case .help: press(key("?"), in: &state)
    case .confirmQuit: press(key("q"), in: &state)
    case .draftOffer: break
    }
    return state
  }
}

@Suite("Render snapshots")
struct RenderSnapshotTests {
  static let sizes = [size(80, 24), size(120, 40)]

  /// Every page and overlay, at 80x24 and 120x40, for both vignettes (Unicode glyphs).
  @Test(arguments: View.allCases, Vignette.allCases)
  func view(view: View, vignette: Vignette) {
    for size in Self.sizes {
      let state = view.state(vignette, size)
      Snapshot.check(
        Renderer.render(state, glyphs: .unicode),
        named: "\(vignette.rawValue)-\(view.rawValue)-\(size.columns)x\(size.rows)")
    }
  }

  /// The main pages with ASCII glyphs (a non-UTF-8 locale).
  @Test(arguments: View.pages)
  func asciiPage(view: View) {
    for size in Self.sizes {
      let state = view.state(.emergency, size)
      let screen = Renderer.render(state, glyphs: .ascii)
      let isASCII = screen.text.unicodeScalars.allSatisfy { $0.isASCII }
      #expect(isASCII, "non-ASCII with ASCII glyphs")
      Snapshot.check(screen, named: "ascii-emergency-\(view.rawValue)-\(size.columns)x\(size.rows)")
    }
  }

  /// States worth seeing once: a new assessment, scrolling, a refused key, the export chooser,
  /// editing, and the question after an export.
  @Test(arguments: [
    "new", "history-scrolled", "error", "export-menu", "editing", "discard-draft",
  ])
  func extra(name: String) {
    var state = AppState(sheet: Vignette.emergency.sheet, size: .minimum)
    switch name {
    case "new": state = AppState()
    case "history-scrolled":
      apply(.gotoPage(2), &state)
      press(key("G"), key("k"), in: &state)
    case "error":
      state = AppState()
      press(key("j"), key("j"), key("j"), key("j"), key("4"), in: &state)
    case "export-menu": press(key("e"), in: &state)
    case "editing":
      apply(.gotoPage(6), &state)
      press(key("j"), .enter, in: &state)
      press(typing(" Jr"), &state)
    case "discard-draft":
      apply(.markExported, &state)
      press(key("q"), in: &state)
    default: Issue.record("unknown case \(name)")
    }
    Snapshot.check(Renderer.render(state), named: "extra-\(name)-80x24")
  }

  /// Below 80x24 the UI says so instead of drawing a cut layout; tiny sizes do not crash.
  @Test(arguments: [size(60, 20), size(79, 24), size(80, 23), size(10, 3), size(1, 1)])
  func tooSmall(size: TerminalSize) {
    let state = AppState(sheet: Vignette.emergency.sheet, size: size)
    let screen = Renderer.render(state)
    #expect(screen.rows == size.rows && screen.columns == size.columns)
    #expect(screen.contains(role: .error))
    Snapshot.check(screen, named: "too-small-\(size.columns)x\(size.rows)")
  }

  @Test func tooSmallSaysWhatToDo() {
    let screen = Renderer.render(AppState(size: size(60, 20)))
    let text = screen.text.split(separator: "\n").joined(separator: " ")
    #expect(text.contains("Terminal too small: 60x20"))
    #expect(text.contains("80x24"))
    #expect(text.contains("q (quit)"))
    #expect(text.contains("--plain"))
  }

  @Test func zeroSizeDoesNotCrash() {
    let screen = Renderer.render(AppState(size: size(0, 0)))
    #expect(screen.text == "")
    #expect(screen.cursor == nil)
  }

  /// The styles of the Patient page under both themes.
  @Test(arguments: Vignette.allCases)
  func styleMaps(vignette: Vignette) {
    let screen = Renderer.render(View.patient.state(vignette, .minimum))
    Snapshot.check(screen.styleMap(.color), named: "style-color-\(vignette.rawValue)-patient-80x24")
    Snapshot.check(
      screen.styleMap(.monochrome), named: "style-monochrome-\(vignette.rawValue)-patient-80x24")
  }
}
