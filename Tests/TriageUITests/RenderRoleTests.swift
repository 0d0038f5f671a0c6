import Foundation
import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// Semantic roles on screen: what a backend colours, and the text that says the same thing
/// (meaning never in colour alone).
@Suite("Render roles")
struct RenderRoleTests {
  static let sizes = [size(80, 24), size(120, 40)]

  /// Every role (each urgency has its own).
  static let allRoles: [Role] =
    [
      .normal, .title, .tabActive, .tabInactive, .tabDisabled, .focused, .answerYes, .answerNo,
      .answerUnknown, .help, .border, .stop, .caution, .info, .keyHint, .message, .error, .dim,
      .final, .provisional, .incomplete,
    ] + Urgency.allCases.map { Role.urgency($0) }

  @Test(arguments: Vignette.allCases, sizes)
  func panelLabelHasTheUrgencyRoleAndWord(vignette: Vignette, size: TerminalSize) {
    let state = AppState(sheet: vignette.sheet, size: size)
    #expect(state.recommendation.urgency == vignette.urgency)
    let screen = Renderer.render(state)
    let word = vignette == .emergency ? "EMERGENCY" : "NO IMAGING NOW"
    // Green only when final; a provisional "no imaging" has the provisional look.
    let role: Role =
      vignette.urgency == .none && state.recommendation.status != .final
      ? .provisional : .urgency(vignette.urgency)
    #expect(screen.text(with: role).contains { $0.contains(" \(word) ") })
    // No other urgency role is on screen.
    for other in Urgency.allCases where other != vignette.urgency {
      #expect(!screen.contains(role: .urgency(other)))
    }
    // The label sits on the panel's first row.
    let layout = state.layout
    #expect(screen.text(row: layout.panelTop).contains(word))
    // The timeframe follows the label (narrow) or opens the box (wide), after the PROVISIONAL
    // line when answers that could raise the urgency are missing.
    let provisional = !state.recommendation.missing.isEmpty
    let timeframeRow =
      layout.isWide ? layout.panelTop + 1 + (provisional ? 2 : 0) : layout.panelTop
    #expect(
      screen.text(row: timeframeRow).contains(state.recommendation.timeframe.prefix(12)))
    #expect(screen.text.contains("PROVISIONAL") == provisional)
  }

  /// The panel is on every page (not on the help).
  @Test(arguments: View.pages, sizes)
  func panelIsOnEveryPage(view: View, size: TerminalSize) {
    let screen = Renderer.render(view.state(.emergency, size))
    // The panel's label; on the Summary also the recommendation bar, in the urgency's colour.
    let labels = screen.text(with: .urgency(.emergency)).filter { !$0.hasPrefix("RECOMMENDATION") }
    #expect(labels == [" EMERGENCY "])
    #expect(screen.text.contains("Study"))
  }

  /// `[Y]`, `[N]`, `[n]` (no, given in bulk), `[ ]` and `[!]` (unanswered, could change the
  /// decision) carry their roles; every finding row shows one.
  @Test(arguments: View.pages, Vignette.allCases)
  func answerBoxesHaveAnswerRoles(view: View, vignette: Vignette) {
    let state = view.state(vignette, size(120, 40))
    let screen = Renderer.render(state)
    let layout = state.layout
    for (offset, item) in state.currentItems.enumerated() {
      guard case .finding(let finding) = item, offset < layout.listHeight else { continue }
      let y = layout.listTop + offset
      let box = String((2..<5).map { screen[y, $0].character })
      // Only the mark inside the brackets carries the answer's role (one cell per change).
      let role = screen[y, 3].role
      #expect(screen[y, 2].role == .normal && screen[y, 4].role == .normal)
      switch state.answers[finding] {
      case .yes:
        #expect(box == "[Y]")
        #expect(role == .answerYes)
      case .no:
        #expect(box == (state.sheet.bulkRecord(for: finding) == nil ? "[N]" : "[n]"))
        #expect(role == .answerNo)
      case .unknown:
        if state.recommendation.missingFindings.contains(finding) {
          #expect(box == "[!]")
          #expect(role == .caution)
        } else {
          #expect(box == "[ ]")
          #expect(role == .answerUnknown)
        }
      }
    }
    // And no answer role outside the boxes and values.
    let yesCount = screen.text(with: .answerYes).joined().components(of: "Y")
    let expectedYes = state.currentItems.filter {
      if case .finding(let f) = $0 { return state.answers[f] == .yes }
      return false
    }.count
    #expect(yesCount == expectedYes)
  }

  /// The terminal cursor is on the focused row, which has the pointer; one row only.
  @Test(arguments: View.pages, sizes)
  func cursorIsOnTheFocusedRow(view: View, size: TerminalSize) throws {
    let state = view.state(.emergency, size)
    let screen = Renderer.render(state)
    let cursor = try #require(screen.cursor)
    let row = state.layout.listTop + state.focusIndex - state.scrollTop
    #expect(cursor.row == row)
    #expect(screen[row, 0].character == "▶")
    #expect(screen[row, 0].role == .focused)
    let pointerRows = (0..<screen.rows).filter { screen[$0, 0].character == "▶" }
    #expect(pointerRows == [row])
  }

  /// With ASCII glyphs the pointer is `>`.
  @Test func asciiPointer() throws {
    let state = View.history.state(.emergency, .minimum)
    let screen = Renderer.render(state, glyphs: .ascii)
    let cursor = try #require(screen.cursor)
    #expect(screen.text(row: cursor.row).hasPrefix("> [Y] "))
  }

  /// The help overlay puts the cursor on its first line.
  @Test func helpCursor() throws {
    let screen = Renderer.render(View.help.state(.emergency, .minimum))
    let cursor = try #require(screen.cursor)
    #expect(cursor.row == 2 && cursor.column == 2)
  }

  /// Meaning is in the text too: the urgency word, "Error:", "N STOP", the answer letters, the
  /// tab counts; information never says "Error:".
  @Test func meaningIsNeverInColourAlone() {
    let state = View.patient.state(.emergency, .minimum)
    #expect(!state.recommendation.stops.isEmpty, "the emergency vignette has an MRI stop")
    let screen = Renderer.render(state)
    let stops = screen.text(with: .stop)
    #expect(stops.contains { $0.contains("\(state.recommendation.stops.count) STOP") })
    #expect(screen.text(with: .provisional).contains { $0.contains("PROVISIONAL") })
    // The active tab is in brackets, not only highlighted.
    #expect(
      screen.text(with: .tabActive) == ["[1 Patient (\(state.unansweredCount(on: .patient)))]"])
    // An error says so in words; information does not.
    var refused = AppState()
    press([.enter] + typing("999"), &refused)
    let error = Renderer.render(refused).text(with: .error)
    #expect(error.count == 1)
    #expect(error.first?.hasPrefix("Error: ") == true)
    var informed = AppState()
    press(key("j"), key("j"), key("j"), key("j"), key("4"), in: &informed)
    #expect(Renderer.render(informed).text(with: .error).isEmpty)
    #expect(Renderer.render(informed).text.contains("Neck trauma applies only"))
    // Unanswered values say so; one that could change the decision is marked "!".
    #expect(Renderer.render(AppState()).text(row: 2).contains("__ (Enter to type)"))
    // (Age matters once there is a complaint: with low back pain, over 70 is a fracture risk.)
    let backPain = AppState(
      sheet: AnswerSheet(answers: Answers(findings: [.painLowBack: .yes])), size: size(80, 24))
    #expect(Renderer.render(backPain).text(row: 2).hasPrefix("▶!Age"))
  }

  @Test(arguments: allRoles)
  func monochromeHasNoColours(role: Role) {
    let style = Theme.monochrome.style(role)
    #expect(style.foreground == nil)
    #expect(style.background == nil)
  }

  @Test func monochromeStyleMapHasNoColourCodes() {
    let screen = Renderer.render(View.patient.state(.emergency, .minimum))
    let legend = screen.styleMap(.monochrome).split(separator: "\n").last ?? ""
    for entry in legend.split(separator: " ") {
      let code = entry.split(separator: "=").last ?? ""
      #expect(code.allSatisfy { "BRUD".contains($0) }, "colour in monochrome: \(entry)")
    }
  }

  /// In monochrome the roles that carry meaning still stand out from plain text, and the
  /// urgent labels differ from the calm ones.
  @Test func monochromeStillDistinguishes() {
    let theme = Theme.monochrome
    for role in [Role.focused, .title, .tabActive, .answerYes, .error, .stop, .keyHint, .help] {
      #expect(theme.style(role) != .plain, "\(role) is plain in monochrome")
    }
    for urgency in Urgency.allCases {
      #expect(theme.style(.urgency(urgency)) != .plain)
    }
    #expect(theme.style(.urgency(.emergency)) != theme.style(.urgency(.none)))
    #expect(theme.style(.focused) != theme.style(.normal))
  }

  /// In colour each urgency has its own style.
  @Test func colourUrgenciesDiffer() {
    let styles = Urgency.allCases.map { Theme.color.style(.urgency($0)) }
    #expect(Set(styles).count == Urgency.allCases.count)
    #expect(Theme.color.style(.urgency(.emergency)).background == .red)
  }

  @Test func styleCodes() {
    #expect(Style.plain.code == "")
    #expect(Style(.white, on: .red, bold: true).code == "Bwr")
    #expect(Style(reverse: true, underline: true).code == "RU")
    #expect(Style(.yellow).code == "y-")
  }
}

extension String {
  /// How many times `needle` occurs (non-overlapping).
  fileprivate func components(of needle: String) -> Int {
    var count = 0
    var rest = self[...]
    while let range = rest.range(of: needle) {
      count += 1
      rest = rest[range.upperBound...]
    }
    return count
  }
}
