import TriageEngine
import TriageFormats

/// Draws the state into an in-memory ``Screen``: a pure function of the state, the size and the
/// glyphs. No terminal.
public enum Renderer {
  /// The program's name and role, on the title bar.
  public static let title = "SpineTriage: spine imaging decision support"

  /// Renders `state` at its size.
  public static func render(_ state: AppState, glyphs: Glyphs = .unicode) -> Screen {
    var screen = Screen(rows: state.size.rows, columns: state.size.columns)
    if state.isHidden {
      drawPrivacy(&screen)
      return screen
    }
    guard state.size.isUsable else {
      drawTooSmall(&screen, state: state)
      return screen
    }
    let layout = state.layout
    // While the draft list is shown, the panel previews the chosen draft.
    let recommendation =
      state.mode == .offerDraft
      ? TriageEngine.evaluate(state.draftOffer?.sheet?.answers ?? state.answers)
      : state.recommendation
    drawTitle(&screen, layout: layout)
    drawTabs(&screen, state: state, layout: layout)
    if case .help(let scroll) = state.mode {
      drawHelp(&screen, scroll: scroll, glyphs: glyphs)
      drawStatus(&screen, state: state, layout: layout)
      return screen
    }
    if state.mode == .offerDraft {
      drawDraftList(&screen, state: state, layout: layout, glyphs: glyphs)
    } else {
      drawList(
        &screen, state: state, layout: layout, recommendation: recommendation, glyphs: glyphs)
      drawHelpLine(&screen, state: state, layout: layout, glyphs: glyphs)
    }
    // The preview of a draft on offer counts that draft's answers, never the empty form's.
    let sheet = state.mode == .offerDraft ? state.draftOffer?.sheet ?? state.sheet : state.sheet
    RecommendationPanel.draw(
      &screen, recommendation: recommendation, layout: layout, glyphs: glyphs, sheet: sheet,
      now: state.now, onSafetyScreen: state.page == .mriSafety && state.mode != .offerDraft)
    drawStatus(&screen, state: state, layout: layout)
    return screen
  }

  // MARK: Parts

  /// The privacy screen of a shared terminal: no patient, no answer, no decision; the words
  /// centred, cut to the width on a small terminal.
  static let privacyLines = [
    "SpineTriage: hidden for privacy",
    "This terminal was left idle. Press any key to show the assessment again.",
  ]

  static func drawPrivacy(_ screen: inout Screen) {
    let top = max(0, screen.rows / 2 - 1)
    for (offset, line) in privacyLines.enumerated() where top + offset < screen.rows {
      let text = String(line.prefix(screen.columns))
      screen.put(
        text, row: top + offset, column: max(0, (screen.columns - text.count) / 2),
        role: offset == 0 ? .title : .normal)
    }
  }

  static func drawTooSmall(_ screen: inout Screen, state: AppState) {
    var message =
      "Terminal too small: \(state.size.columns)x\(state.size.rows). SpineTriage needs at least"
      + " \(TerminalSize.minimum.columns)x\(TerminalSize.minimum.rows). Enlarge the window;"
      + " no key acts here but q (quit) and ? (help). On a small screen or a screen reader,"
      + " run spine-triage --plain."
    switch state.mode {
    case .confirmQuit:
      message +=
        state.draftSaved
        ? " Quit? The answers are not exported (the draft is kept). y quit, other key stays."
        : " Quit? The answers are NOT saved. y quit, other key stays."
    case .confirmDiscardDraft:
      message += " Exported. Discard the draft? y discard+quit, n keep+quit, other key stays."
    case .help:
      message +=
        " Help: the screens need the room; --plain asks the same questions line by line."
        + " Any key closes this help."
    default: break
    }
    let lines = TextWrap.lines(message, width: max(1, screen.columns))
    let top = max(0, (screen.rows - lines.count) / 2)
    for (offset, line) in lines.enumerated() where top + offset < screen.rows {
      screen.put(line, row: top + offset, column: 0, role: .error)
    }
    screen.cursor = screen.rows > 0 && screen.columns > 0 ? (top, 0) : nil
  }

  static func drawTitle(_ screen: inout Screen, layout: Layout) {
    screen.fill(row: 0, column: 0, count: screen.columns, role: .title)
    screen.put(" " + title, row: 0, column: 0, role: .title)
    let keys = "? help  q quit "
    screen.put(keys, row: 0, column: screen.columns - keys.count, role: .title)
  }

  static func tabTitle(_ page: Page, short: Bool) -> String {
    guard short else { return page.title }
    switch page {
    case .examination: return "Exam"
    case .neckTrauma: return "Trauma"
    case .mriSafety: return "Safety"
    default: return page.title
    }
  }

  /// The tab labels: number, title and unanswered count ("-" when the page does not apply);
  /// the current page in brackets. Compact forms are used when the full one does not fit.
  static func tabLabels(_ state: AppState, columns: Int) -> [String] {
    for compact in 0..<3 {
      let labels = Page.allCases.map { page -> String in
        let enabled = page.isEnabled(for: state.answers)
        var label = "\(page.number) \(tabTitle(page, short: compact > 0 || columns < 100))"
        if page != .summary {
          let count = enabled ? String(state.unansweredCount(on: page)) : "-"
          label += compact < 2 ? " (\(count))" : ":\(count)"
        }
        return page == state.page ? "[\(label)]" : label
      }
      let width = labels.reduce(0) { $0 + $1.count } + (labels.count - 1) * (compact == 0 ? 2 : 1)
      if width <= columns || compact == 2 { return labels }
    }
    return []
  }

  static func drawTabs(_ screen: inout Screen, state: AppState, layout: Layout) {
    let labels = tabLabels(state, columns: screen.columns)
    let total = labels.reduce(0) { $0 + $1.count } + (labels.count - 1) * 2
    let gap = total <= screen.columns ? 2 : 1
    var x = 0
    for (page, label) in zip(Page.allCases, labels) {
      let enabled = page.isEnabled(for: state.answers)
      let role: Role =
        page == state.page ? .tabActive : (enabled ? .tabInactive : .tabDisabled)
      x = screen.put(label, row: 1, column: x, role: role) + gap
    }
  }

  static func drawList(
    _ screen: inout Screen, state: AppState, layout: Layout, recommendation: Recommendation,
    glyphs: Glyphs
  ) {
    let pageIndex = state.page.rawValue
    let top = state.scroll[pageIndex]
    let focus = state.focus[pageIndex]
    let report =
      state.page == .summary
      ? state.reportLines(width: layout.listWidth, recommendation: recommendation) : []
    let items = state.inputItems(on: state.page) + report.indices.map { Item.report($0) }
    let width = layout.listWidth
    let bulk = FindingSet(state.sheet.bulk.flatMap(\.findings))
    if case .confirmBulk(let findings) = state.mode, !findings.isEmpty {
      drawBulkList(&screen, findings: findings, state: state, layout: layout, glyphs: glyphs)
      return
    }
    for row in 0..<layout.listHeight {
      let index = top + row
      guard index < items.count else { break }
      let y = layout.listTop + row
      let focused = index == focus
      // The focused row is marked by the pointer (reverse video) and the terminal's cursor, not
      // by repainting the whole row: a move then costs a few bytes on a slow line.
      let textRole: Role = .normal
      if focused {
        screen.put(String(glyphs.pointer), row: y, column: 0, role: .focused)
        screen.cursor = (y, 2)
      }
      switch items[index] {
      case .finding(let finding):
        let answer = state.answers[finding]
        // Only the mark inside the brackets carries the answer's role: a change of answer
        // rewrites one cell.
        // [!] unanswered and able to change the decision; [n] a No given in bulk.
        let mark: String
        let role: Role
        switch answer {
        case .yes: (mark, role) = ("Y", .answerYes)
        case .no: (mark, role) = (bulk.contains(finding) ? "n" : "N", .answerNo)
        case .unknown where state.answers.isNotDone(finding):
          // [-] not done: unknown to the rules, in the caution colour while it matters.
          (mark, role) = ("-", recommendation.missingFindings.contains(finding) ? .caution : .dim)
        case .unknown:
          (mark, role) =
            recommendation.missingFindings.contains(finding)
            ? ("!", .caution) : (" ", .answerUnknown)
        }
        screen.put("[", row: y, column: 2)
        screen.put(mark, row: y, column: 3, role: role)
        screen.put("]", row: y, column: 4)
        screen.put(
          finding.question.text, row: y, column: 6, role: textRole, width: width - 7,
          ellipsis: glyphs.ellipsis)
      case .number(let field):
        let value = field.value(in: state.answers).map(String.init)
        if value == nil && recommendation.missingInputs.contains(field.input) {
          screen.put("!", row: y, column: 1, role: .caution)
        }
        let x = screen.put(field.label + ": ", row: y, column: 2, role: textRole, width: width - 3)
        if case .editingNumber(let editing, let buffer) = state.mode, editing == field {
          let end = screen.put(buffer + "_", row: y, column: x, role: .message)
          screen.cursor = (y, min(end - 1, screen.columns - 1))
        } else {
          screen.put(
            value ?? "__ (Enter to type)", row: y, column: x,
            role: value == nil ? .answerUnknown : .answerYes, width: width - x - 1)
          if focused { screen.cursor = (y, x + (value?.count ?? 0)) }
        }
      case .sex:
        let x = screen.put("Sex (optional): ", row: y, column: 2, role: textRole)
        screen.put(
          state.answers.sex?.rawValue ?? "__ (not recorded)", row: y, column: x,
          role: state.answers.sex == nil ? .answerUnknown : .answerYes)
      case .text(let field):
        let x = screen.put(field.label + ": ", row: y, column: 2, role: textRole)
        if case .editing(let editing, let buffer) = state.mode, editing == field {
          let end = screen.put(
            buffer + "_", row: y, column: x, role: .message, width: width - x - 1)
          screen.cursor = (y, min(end - 1, screen.columns - 1))
        } else {
          let value = field == .patientID ? state.sheet.patientID : state.sheet.clinician
          screen.put(
            value ?? "__ (optional; Enter to type)", row: y, column: x,
            role: value == nil ? .answerUnknown : .answerYes, width: width - x - 1)
        }
      case .folded:
        let (text, critical) = foldedRowText(state, recommendation: recommendation)
        if critical { screen.put("!", row: y, column: 1, role: .caution) }
        screen.put(text, row: y, column: 2, role: .dim, width: width - 3, ellipsis: glyphs.ellipsis)
      case .report(let line):
        if report.indices.contains(line) {
          screen.put(
            report[line], row: y, column: 2,
            role: reportRole(report[line], focused, recommendation),
            width: width - 3, ellipsis: glyphs.ellipsis)
        }
      }
    }
    if top > 0 {
      screen.put(String(glyphs.scrollUp), row: layout.listTop, column: width - 1, role: .dim)
    }
    if top + layout.listHeight < items.count {
      screen.put(
        String(glyphs.scrollDown), row: layout.listTop + layout.listHeight - 1, column: width - 1,
        role: .dim)
    }
  }

  /// The folded row's words, and whether a folded item could now change the decision (the
  /// folding was decided on entering the page; an answer since may have made one matter).
  static func foldedRowText(_ state: AppState, recommendation: Recommendation) -> (String, Bool) {
    let page = state.page
    let unanswered = page.inputItems.compactMap { item -> Finding? in
      guard case .finding(let finding) = item, state.foldedByPage[page.rawValue].contains(finding),
        state.answers[finding] == .unknown, !state.answers.isNotDone(finding)
      else { return nil }
      return finding
    }
    let count = unanswered.count
    // Folded when the page was entered, but no longer foldable: an answer since made them
    // matter (they are "not assessed" in the record until asked).
    let critical = unanswered.filter {
      recommendation.missingFindings.contains($0) || !state.sheet.folded.contains($0)
    }.count
    let items = "item\(count == 1 ? "" : "s")"
    if state.showFolded[page.rawValue] {
      return ("\(count) \(items) folded: could not change the recommendation (Enter folds)", false)
    }
    if critical > 0 {
      return ("+ \(count) \(items) folded: \(critical) must now be asked (Enter shows)", true)
    }
    let shown = state.inputItems(on: page).contains {
      if case .finding = $0 { true } else { false }
    }
    return (
      shown
        ? "+ \(count) more \(items) cannot change the recommendation now (Enter shows)"
        : "Nothing here can change the recommendation now: \(count) \(items) folded (Enter shows)",
      false
    )
  }

  /// The drafts found on start, two rows each: patient identifier, age, sex and complaint; then
  /// the time saved, the number of answers and the decision with its status in the words every
  /// list uses (``DecisionText/statusWords(_:)``). Drafts open in another session say so and
  /// nothing more.
  static func drawDraftList(_ screen: inout Screen, state: AppState, layout: Layout, glyphs: Glyphs)
  {
    let width = layout.listWidth
    let available = state.draftOffers.filter { !$0.inUse }.count
    screen.put(
      available == 1
        ? "A saved draft (resume it, or start a new assessment):"
        : "Saved drafts (choose one to resume, or start a new assessment):",
      row: layout.listTop, column: 2, role: .title, width: width - 3, ellipsis: glyphs.ellipsis)
    let height = max(1, (layout.listHeight - 2) / 2)
    let top = max(0, min(state.selectedOffer - height + 1, state.draftOffers.count - height))
    for row in 0..<height {
      let index = top + row
      guard index < state.draftOffers.count else { break }
      let offer = state.draftOffers[index]
      let y = layout.listTop + 2 + row * 2
      let time = String(offer.savedAt.prefix(16).replacingT)
      if let sheet = offer.sheet {
        let recommendation = TriageEngine.evaluate(sheet.answers)
        let who = DecisionText.patientWords(
          patientID: state.hidesDraftIdentities
            ? DecisionText.hiddenPatient : sheet.patientID ?? "No identifier",
          answers: sheet.answers)
        if index == state.selectedOffer {
          screen.put(String(glyphs.pointer), row: y, column: 0, role: .focused)
          screen.cursor = (y, 2)
        }
        let saved = "  (saved \(time))"
        let x0 = screen.put(
          "\(who); \(DecisionText.complaint(sheet.answers))", row: y, column: 2,
          width: width - 3 - saved.count, ellipsis: glyphs.ellipsis)
        screen.put(saved, row: y, column: x0, role: .dim, width: width - x0 - 1)
        let count = sheet.answers.answeredCount
        let x = screen.put(
          "  \(count) answer\(count == 1 ? "" : "s"): ", row: y + 1, column: 2, role: .dim,
          width: width - 3)
        screen.put(
          DecisionText.statusWords(recommendation), row: y + 1, column: x,
          role: recommendation.status == .final ? .normal : .caution, width: width - x - 1,
          ellipsis: glyphs.ellipsis)
      } else {
        screen.put(
          "In use in another session  \(time)  (not shown)", row: y, column: 2, role: .dim,
          width: width - 3, ellipsis: glyphs.ellipsis)
      }
    }
  }

  /// The confirmation of "No to the rest": every item it will answer, by its short label (a
  /// clinician must have asked each one), in up to three columns; then the items it leaves out
  /// because their answer needs a measurement or a test.
  static func drawBulkList(
    _ screen: inout Screen, findings: [Finding], state: AppState, layout: Layout, glyphs: Glyphs
  ) {
    let top = layout.listTop
    let width = layout.listWidth
    let count = findings.count
    screen.put(
      "No to these \(count) item\(count == 1 ? "" : "s") on \(state.page.title)? Each must have been asked:",
      row: top, column: 1, role: .title, width: width - 2, ellipsis: glyphs.ellipsis)
    let hidden = state.foldedFindings(on: state.page)
    let measured = (state.page.questionScreen.map { QuestionCatalogue.questions(on: $0) } ?? [])
      .map(\.finding).filter {
        $0.needsMeasurement && state.answers[$0] == .unknown && !state.answers.isNotDone($0)
          && !hidden.contains($0)
      }
    let footer = measured.isEmpty ? 1 : 2
    let rows = max(1, layout.listHeight - 1 - footer)
    let columns = min(3, (count + rows - 1) / rows)
    let columnWidth = (width - 2) / max(1, columns)
    let capacity = rows * columns
    for (index, finding) in findings.enumerated() {
      let row = index % rows
      let column = index / rows
      guard column < columns else { break }
      if count > capacity && index == capacity - 1 {
        screen.put(
          "+ \(count - index) more", row: top + 1 + row, column: 1 + column * columnWidth,
          role: .dim, width: columnWidth - 1)
        break
      }
      screen.put(
        "- " + BulkText.label(finding), row: top + 1 + row, column: 1 + column * columnWidth,
        width: columnWidth - 1, ellipsis: glyphs.ellipsis)
    }
    var y = top + min(rows, count) + 1
    if !measured.isEmpty {
      screen.put(
        "Not included (need a measurement or test): "
          + measured.map { BulkText.label($0) }.joined(separator: "; "),
        row: y, column: 1, role: .dim, width: width - 2, ellipsis: glyphs.ellipsis)
      y += 1
    }
    screen.put(
      KeyMap.standard.keys(of: .confirmBulk).explanation,
      row: y, column: 1, role: .message, width: width - 2, ellipsis: glyphs.ellipsis)
  }

  /// The role of a line of the Summary's report: the recommendation bar in the urgency's colour
  /// (the caution colour while incomplete: never the green of "no imaging"), STOP lines as stops.
  static func reportRole(_ line: String, _ focused: Bool, _ recommendation: Recommendation)
    -> Role
  {
    if focused { return .focused }
    if line.hasPrefix("RECOMMENDATION") {
      return RecommendationPanel.labelText(recommendation).1
    }
    if line.hasPrefix("STOP:") || line.contains(" STOP:") { return .stop }
    return .normal
  }

  static func drawHelpLine(_ screen: inout Screen, state: AppState, layout: Layout, glyphs: Glyphs)
  {
    var text: String
    if case .editing = state.mode {
      text = "Typing: Enter keeps the text, Esc cancels, Backspace deletes."
    } else if case .editingNumber(let field, _) = state.mode {
      text =
        "Typing \(field.label.lowercased()): digits, Enter keeps it and goes on, Esc cancels."
    } else {
      text = state.focusedItem?.help ?? ""
    }
    if text.isEmpty { return }
    let lines = TextWrap.lines(text, width: layout.helpWidth, first: "Help: ", rest: "      ")
    for (offset, line) in lines.prefix(layout.helpHeight).enumerated() {
      let cut = offset == layout.helpHeight - 1 && lines.count > layout.helpHeight
      screen.put(
        line, row: layout.helpRow + offset, column: 0, role: .help, width: layout.helpWidth,
        ellipsis: cut ? glyphs.ellipsis : nil)
    }
  }

  static func drawStatus(_ screen: inout Screen, state: AppState, layout: Layout) {
    let row = layout.statusRow
    screen.fill(row: row, column: 0, count: screen.columns, role: .keyHint)
    if let message = state.message {
      // A long message (a print error and the saved path) takes up to two more rows above the
      // status line, over the bottom of the panel, until the next key.
      let lines = message.lines(width: screen.columns)
      let first = max(0, row - lines.count + 1)
      for (offset, line) in lines.suffix(row - first + 1).enumerated() {
        let y = first + offset
        let role: Role = message.isError ? .error : .message
        screen.fill(row: y, column: 0, count: screen.columns, role: role)
        screen.put(line, row: y, column: 0, role: role)
      }
      return
    }
    if let kind = PopUpKeys.Kind(state.mode) {
      let (line, role) = popUpLine(KeyMap.standard.keys(of: kind), state: state)
      screen.fill(row: row, column: 0, count: screen.columns, role: role)
      screen.put(line, row: row, column: 0, role: role)
      return
    }
    let hints: String
    switch state.focusedItem {
    case .number(.conservativeWeeks):
      hints = "Enter type  n none tried  u clear  N no to rest  Tab next  ? help  q quit"
    case .number:
      hints = "Enter type  u clear  N no to rest  ! next critical  Tab next  ? help  q quit"
    case .sex: hints = "f/m/o set  Space cycle  u clear  N no to rest  Tab next  ? help  q quit"
    case .folded:
      hints = "Enter show/hide  N no to rest  ! next critical  Tab next  ? help  q quit"
    case .text: hints = "Enter edit  u clear  Tab screen  e export  p print  ? help  q quit"
    case .report:
      hints = "Up/Down/PgUp/PgDn scroll  Tab screen  e export  p print  ? help  q quit"
    default:
      hints = "y yes  n no  u clear  N no to rest  ! next critical  Tab next  ? help  q quit"
    }
    screen.put(hints, row: row, column: 0, role: .keyHint)
  }

  /// A pop-up's status line: its question, if it asks one, then its keys, generated from its
  /// bindings ("Export the summary: t text, h HTML, f FHIR; any other key cancels").
  static func popUpLine(_ keys: PopUpKeys, state: AppState) -> (String, Role) {
    let question: String
    switch keys.kind {
    case .typingText, .typingNumber, .help: return (keys.hintLine, .keyHint)
    case .confirmQuit:
      question =
        state.draftSaved
        ? "Quit? The answers are not exported (the draft is kept)."
        : "Quit? The answers are NOT saved (no draft, not exported)."
    case .offerDraft: question = "Draft:"
    case .confirmDiscardDraft: question = "Exported. Discard the draft?"
    case .exportMenu: question = "Export the summary:"
    case .confirmBulk:
      guard case .confirmBulk(let findings) = state.mode, !findings.isEmpty else {
        // No choice to offer: whatever the key, nothing is answered.
        let title = state.page.title
        return (
          "Nothing unanswered is shown on \(title): nothing to answer. Any key goes on", .message
        )
      }
      let count = findings.count
      question = "No to the \(count) item\(count == 1 ? "" : "s") listed, each asked?"
    }
    return (question + " " + keys.hintLine, .message)
  }

  static func drawHelp(_ screen: inout Screen, scroll: Int, glyphs: Glyphs) {
    let lines = KeyMap.standard.helpLines()
    let top = 2
    let height = AppState.helpVisibleLines(rows: screen.rows)
    for row in 0..<height {
      let index = scroll + row
      guard index < lines.count else { break }
      screen.put(lines[index], row: top + row, column: 2, role: index == 0 ? .title : .normal)
    }
    screen.cursor = (top, 2)
  }
}

extension Substring {
  /// `2026-11-24T21:40` as `2026-11-24 21:40`.
  var replacingT: String { String(map { $0 == "T" ? " " : $0 }) }
}
