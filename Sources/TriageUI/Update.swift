import TriageEngine
import TriageFormats

/// The pure state transition: `apply(action, to: &state)` changes the state and returns the
/// effects for the runner (save the draft, export, quit). No I/O, no terminal.
public enum Update {
  /// Applies `action`; returns the effects to run, in order.
  public static func apply(_ action: Action, to state: inout AppState) -> [Effect] {
    if case .report = action {} else if case .resize = action {} else { state.message = nil }
    switch state.mode {
    case .help(let scroll): return help(action, scroll: scroll, &state)
    case .confirmQuit: return confirmQuit(action, &state)
    case .editing(let field, let buffer): return editing(action, field, buffer, &state)
    case .exportMenu: return exportMenu(action, &state)
    case .offerDraft: return offerDraft(action, &state)
    case .confirmDiscardDraft: return confirmDiscardDraft(action, &state)
    case .normal: return normal(action, &state)
    }
  }

  // MARK: Modes

  static func help(_ action: Action, scroll: Int, _ state: inout AppState) -> [Effect] {
    let last = max(
      0, KeyMap.standard.helpLines().count - AppState.helpVisibleLines(rows: state.size.rows))
    switch action {
    case .moveDown: state.mode = .help(scroll: min(last, scroll + 1))
    case .moveUp: state.mode = .help(scroll: max(0, scroll - 1))
    case .pageDown: state.mode = .help(scroll: min(last, scroll + max(1, state.size.rows - 3)))
    case .pageUp: state.mode = .help(scroll: max(0, scroll - max(1, state.size.rows - 3)))
    case .requestQuit:
      state.mode = .normal
      return requestQuit(&state)
    case .resize(let size): resize(size, &state)
    case .redraw: return [.redraw]
    case .report(let message): state.message = message
    default: state.mode = .normal
    }
    return []
  }

  static func confirmQuit(_ action: Action, _ state: inout AppState) -> [Effect] {
    switch action {
    case .confirmQuit:
      state.finished = true
      return [.quit]
    case .resize(let size): resize(size, &state)
    case .report(let message): state.message = message
    default:
      state.mode = .normal
      state.message = StatusMessage("Not quitting.")
    }
    return []
  }

  static func editing(
    _ action: Action, _ field: TextField, _ buffer: String, _ state: inout AppState
  )
    -> [Effect]
  {
    switch action {
    case .typeText(let character):
      guard isAcceptable(character) else {
        state.message = StatusMessage("Only printable characters can be typed here.", isError: true)
        return []
      }
      guard buffer.unicodeScalars.count + character.unicodeScalars.count <= FreeText.maxLength
      else {
        state.message = StatusMessage(
          "At most \(FreeText.maxLength) characters.", isError: true)
        return []
      }
      state.mode = .editing(field, buffer: buffer + String(character))
    case .deleteText: state.mode = .editing(field, buffer: String(buffer.dropLast()))
    case .commitEdit:
      state.mode = .normal
      let text = buffer.trimmingSpaces
      let value: String? = text.isEmpty ? nil : text
      if value != current(field, state) {
        set(field, value, &state)
        return answersChanged(&state)
      }
    case .cancelEdit: state.mode = .normal
    case .requestQuit:
      state.mode = .normal
      return requestQuit(&state)
    case .resize(let size): resize(size, &state)
    case .report(let message): state.message = message
    default: break
    }
    return []
  }

  /// The draft list on start: choose a draft to resume or discard, or start a new assessment.
  /// Nothing is written here: the listed drafts stay as they are until one is resumed (and then
  /// changed) or discarded.
  static func offerDraft(_ action: Action, _ state: inout AppState) -> [Effect] {
    let choices = state.draftOffers.indices.filter { !state.draftOffers[$0].inUse }
    switch action {
    case .moveDown, .moveUp:
      guard let position = choices.firstIndex(of: state.selectedOffer) else { break }
      let step = action == .moveDown ? 1 : -1
      state.selectedOffer = choices[min(max(0, position + step), choices.count - 1)]
    case .resumeDraft:
      guard let offer = state.draftOffer, let sheet = offer.sheet else { break }
      state.mode = .normal
      state.sheet = sheet
      state.draftOffers = []
      state.message = StatusMessage("Draft resumed: \(sheet.answers.answeredCount) answers.")
      resize(state.size, &state)
      return [.resumeDraft(offer.id)]
    case .discardDraft:
      guard let offer = state.draftOffer else { break }
      state.draftOffers.remove(at: state.selectedOffer)
      let left = state.draftOffers.indices.filter { !state.draftOffers[$0].inUse }
      if let next = left.first(where: { $0 >= state.selectedOffer }) ?? left.last {
        state.selectedOffer = next
        state.message = StatusMessage("Draft moved to the trash.")
      } else {
        state.mode = .normal
        state.draftOffers = []
        state.message = StatusMessage("Draft moved to the trash; new assessment.")
      }
      return [.discardOfferedDraft(offer.id)]
    case .newAssessment:
      state.mode = .normal
      state.draftOffers = []
      state.message = StatusMessage("New assessment; the drafts are kept.")
      return [.declineDrafts]
    case .requestQuit:
      state.finished = true
      return [.quit]
    case .resize(let size): resize(size, &state)
    case .redraw: return [.redraw]
    case .report(let message): state.message = message
    default: break
    }
    return []
  }

  static func confirmDiscardDraft(_ action: Action, _ state: inout AppState) -> [Effect] {
    switch action {
    case .discardDraft:
      state.finished = true
      return [.discardDraft, .quit]
    case .keepDraftAndQuit:
      state.finished = true
      return [.quit]
    case .resize(let size): resize(size, &state)
    default:
      state.mode = .normal
      state.message = StatusMessage("Not quitting.")
    }
    return []
  }

  static func exportMenu(_ action: Action, _ state: inout AppState) -> [Effect] {
    state.mode = .normal
    switch action {
    case .export(let kind): return [.export(kind)]
    case .requestQuit: return requestQuit(&state)
    case .resize(let size): resize(size, &state)
    default: state.message = StatusMessage("Export cancelled.")
    }
    return []
  }

  static func normal(_ action: Action, _ state: inout AppState) -> [Effect] {
    switch action {
    case .moveDown: moveFocus(by: 1, &state)
    case .moveUp: moveFocus(by: -1, &state)
    case .pageDown: moveFocus(by: max(1, state.layout.listHeight - 1), &state)
    case .pageUp: moveFocus(by: -max(1, state.layout.listHeight - 1), &state)
    case .moveTop: moveFocus(by: -Int.max / 2, &state)
    case .moveBottom: moveFocus(by: Int.max / 2, &state)
    case .nextPage: changePage(step: 1, &state)
    case .previousPage: changePage(step: -1, &state)
    case .gotoPage(let number):
      guard let page = Page(rawValue: number - 1) else { return [] }
      guard page.isEnabled(for: state.answers) else {
        state.message = StatusMessage(
          "Neck trauma applies only after trauma with neck pain (Patient screen).", isError: true)
        return []
      }
      state.page = page
      keepFocusVisible(&state)
    case .answer(let answer): return answerFocused(answer, &state)
    case .cycle:
      switch state.focusedItem {
      case .finding(let finding): return answerFocused(state.answers[finding].cycled, &state)
      case .sex:
        let next: Sex? =
          switch state.answers.sex {
          case nil: .female
          case .female: .male
          case .male: .other
          case .other: nil
          }
        state.answers.sex = next
        return answersChanged(&state)
      default: state.message = StatusMessage("Nothing to answer on this row.")
      }
    case .clear:
      switch state.focusedItem {
      case .finding: return answerFocused(.unknown, &state)
      case .number(let field):
        guard field.value(in: state.answers) != nil else { return [] }
        field.set(nil, in: &state.answers)
        return answersChanged(&state)
      case .sex:
        guard state.answers.sex != nil else { return [] }
        state.answers.sex = nil
        return answersChanged(&state)
      case .text(let field):
        guard current(field, state) != nil else { return [] }
        set(field, nil, &state)
        return answersChanged(&state)
      default: break
      }
    case .typeDigit(let digit):
      guard case .number(let field) = state.focusedItem else { return [] }
      let old = field.value(in: state.answers)
      let new = (old ?? 0) * 10 + digit
      guard field.range.contains(new) else {
        state.message = StatusMessage(
          "\(field.label): \(new) is out of range (\(field.range.lowerBound) to \(field.range.upperBound)); not changed.",
          isError: true)
        return []
      }
      field.set(new, in: &state.answers)
      var effects = answersChanged(&state)
      if let care = state.answers.conservativeWeeks, let weeks = state.answers.symptomWeeks,
        care > weeks
      {
        state.message = StatusMessage(
          "Check: \(care) weeks of care is more than \(weeks) weeks of symptoms.", isError: true)
        effects = effects.isEmpty ? [.saveDraft] : effects
      }
      return effects
    case .deleteDigit:
      guard case .number(let field) = state.focusedItem, let old = field.value(in: state.answers)
      else { return [] }
      field.set(old >= 10 ? old / 10 : nil, in: &state.answers)
      return answersChanged(&state)
    case .setSex(let sex):
      guard state.answers.sex != sex else { return [] }
      state.answers.sex = sex
      return answersChanged(&state)
    case .beginEdit:
      guard case .text(let field) = state.focusedItem else { return [] }
      state.mode = .editing(field, buffer: current(field, state) ?? "")
    case .toggleHelp: state.mode = .help(scroll: 0)
    case .requestQuit: return requestQuit(&state)
    case .openExportMenu: state.mode = .exportMenu
    case .export(let kind): return [.export(kind)]
    case .printSummary: return [.print]
    case .suspend: return [.suspend]
    case .redraw: return [.redraw]
    case .resize(let size): resize(size, &state)
    case .report(let message): state.message = message
    case .markExported: state.exported = true
    case .confirmQuit, .cancelQuit, .typeText, .deleteText, .commitEdit, .cancelEdit, .dismiss,
      .resumeDraft, .discardDraft, .keepDraftAndQuit, .newAssessment:
      break
    }
    return []
  }

  // MARK: Helpers

  static func requestQuit(_ state: inout AppState) -> [Effect] {
    if state.hasUnexportedAnswers {
      state.mode = .confirmQuit
      return []
    }
    if state.exported && !state.sheet.answers.isEmpty {
      state.mode = .confirmDiscardDraft
      return []
    }
    state.finished = true
    return [.quit]
  }

  static func answerFocused(_ answer: Answer, _ state: inout AppState) -> [Effect] {
    guard case .finding(let finding) = state.focusedItem else {
      state.message = StatusMessage(
        state.focusedItem == nil || state.page == .summary
          ? "Nothing to answer on this row."
          : "y and n answer findings; this row takes its own keys (see the help line).")
      return []
    }
    guard state.answers[finding] != answer else { return [] }
    state.answers[finding] = answer
    return answersChanged(&state)
  }

  static func answersChanged(_ state: inout AppState) -> [Effect] {
    state.exported = false
    // Leaving the neck-trauma page's condition while on another page is fine; if its
    // condition no longer holds, the page is skipped.
    keepFocusVisible(&state)
    return [.saveDraft]
  }

  static func moveFocus(by delta: Int, _ state: inout AppState) {
    let count = state.itemCount(on: state.page)
    guard count > 0 else { return }
    let index = state.page.rawValue
    let target = state.focus[index].addingReportingOverflow(delta)
    state.focus[index] = min(
      max(0, target.overflow ? (delta > 0 ? count - 1 : 0) : target.partialValue), count - 1)
    keepFocusVisible(&state, count: count)
  }

  static func changePage(step: Int, _ state: inout AppState) {
    let pages = Page.allCases.filter { $0.isEnabled(for: state.answers) }
    guard let position = pages.firstIndex(of: state.page) else {
      state.page = .patient
      return
    }
    state.page = pages[(position + step + pages.count) % pages.count]
    keepFocusVisible(&state)
  }

  static func resize(_ size: TerminalSize, _ state: inout AppState) {
    state.size = size
    for page in Page.allCases where page != state.page {
      let count = state.itemCount(on: page)
      state.focus[page.rawValue] = min(state.focus[page.rawValue], max(0, count - 1))
    }
    keepFocusVisible(&state)
  }

  /// Scrolls the current page so that its focused row is visible.
  static func keepFocusVisible(_ state: inout AppState, count known: Int? = nil) {
    let index = state.page.rawValue
    let height = max(1, state.layout.listHeight)
    let count = known ?? state.itemCount(on: state.page)
    state.focus[index] = min(state.focus[index], max(0, count - 1))
    var top = state.scroll[index]
    let focus = state.focus[index]
    if focus < top { top = focus }
    if focus >= top + height { top = focus - height + 1 }
    top = min(top, max(0, count - height))
    state.scroll[index] = max(0, top)
  }

  static func current(_ field: TextField, _ state: AppState) -> String? {
    switch field {
    case .patientID: state.sheet.patientID
    case .clinician: state.sheet.clinician
    }
  }

  static func set(_ field: TextField, _ value: String?, _ state: inout AppState) {
    switch field {
    case .patientID: state.sheet.patientID = value
    case .clinician: state.sheet.clinician = value
    }
  }

  /// Whether `character` may be typed into a text field: exactly the characters an answers
  /// file may hold (``FreeText``, the one rule for both). Two-column characters take two
  /// cells on the screen.
  static func isAcceptable(_ character: Character) -> Bool {
    character.unicodeScalars.allSatisfy { FreeText.isAllowed($0) }
  }
}

/// Whether a scalar takes two columns (East Asian wide ranges and emoji); the screen gives
/// such a character two cells.
func isWide(_ value: UInt32) -> Bool {
  switch value {
  case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
    0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F000...0x10FFFF:
    return true
  default: return false
  }
}
