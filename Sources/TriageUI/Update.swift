import TriageEngine
import TriageFormats

/// The pure state transition: `apply(action, to: &state)` changes the state and returns the
/// effects for the runner (save the draft, export, quit). No I/O, no terminal.
public enum Update {
  /// Applies `action`; returns the effects to run, in order.
  public static func apply(_ action: Action, to state: inout AppState) -> [Effect] {
    // The privacy screen comes and goes over whatever mode is open, and changes nothing else.
    switch action {
    case .hideForPrivacy:
      state.isHidden = true
      return []
    case .reveal:
      state.isHidden = false
      return []
    default: break
    }
    if case .report = action {} else if case .resize = action {} else { state.message = nil }
    let record = state.sheet.folded
    var effects = dispatch(action, &state)
    // Entering a page (or folding again) may change the record of what was folded: the draft
    // keeps it.
    if state.sheet.folded != record && !effects.contains(.saveDraft) {
      let at = effects.firstIndex(of: .quit) ?? effects.count
      effects.insert(.saveDraft, at: at)
    }
    return effects
  }

  static func dispatch(_ action: Action, _ state: inout AppState) -> [Effect] {
    switch state.mode {
    case .help(let scroll): return help(action, scroll: scroll, &state)
    case .confirmQuit: return confirmQuit(action, &state)
    case .editing(let field, let buffer): return editing(action, field, buffer, &state)
    case .editingNumber(let field, let buffer):
      return editingNumber(action, field, buffer, &state)
    case .confirmBulk(let findings): return confirmBulk(action, findings, &state)
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
      // The field rule of answers files (FreeText), counted as they are: columns and characters.
      let next = buffer + String(character)
      guard next.unicodeScalars.count <= FreeText.maxLength,
        DisplayWidth.columns(of: next) <= FreeText.maxColumns
      else {
        state.message = StatusMessage(
          "At most \(FreeText.maxColumns) columns (a wide character counts 2).", isError: true)
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

  static func editingNumber(
    _ action: Action, _ field: NumberField, _ buffer: String, _ state: inout AppState
  ) -> [Effect] {
    switch action {
    case .typeDigit(let digit):
      let text = (buffer == "0" ? "" : buffer) + String(digit)
      guard let value = Int(text), field.range.contains(value) else {
        state.message = StatusMessage(
          "\(field.label): \(text) is out of range (\(field.range.lowerBound) to \(field.range.upperBound)).",
          isError: true)
        return []
      }
      state.mode = .editingNumber(field, buffer: text)
    case .deleteDigit: state.mode = .editingNumber(field, buffer: String(buffer.dropLast()))
    case .commitEdit:
      state.mode = .normal
      guard let value = Int(buffer) else {
        state.message = StatusMessage("\(field.label): not changed (no digits typed).")
        return []
      }
      let item = Item.number(field)
      var effects: [Effect] = []
      if field.value(in: state.answers) != value {
        field.set(value, in: &state.answers)
        effects = answersChanged(&state, keeping: item)
      }
      if let care = state.answers.conservativeWeeks, let weeks = state.answers.symptomWeeks,
        care > weeks
      {
        state.message = StatusMessage(
          "Check: \(care) weeks of care is more than \(weeks) weeks of symptoms.", isError: true)
        return effects
      }
      advance(from: item, &state)
      return effects
    case .cancelEdit:
      state.mode = .normal
      state.message = StatusMessage("\(field.label): not changed.")
    case .requestQuit:
      state.mode = .normal
      return requestQuit(&state)
    case .resize(let size): resize(size, &state)
    case .report(let message): state.message = message
    default: break
    }
    return []
  }

  static func confirmBulk(_ action: Action, _ findings: [Finding], _ state: inout AppState)
    -> [Effect]
  {
    switch action {
    case .confirmBulk:
      state.mode = .normal
      guard let screen = state.page.questionScreen, let now = state.now else {
        state.message = StatusMessage(
          "No to the rest: no time to record it; not answered.", isError: true)
        return []
      }
      // Never an answered item: only those still unanswered now.
      let fresh = findings.filter {
        state.answers[$0] == .unknown && !state.answers.isNotDone($0)
          && $0.question.screen == screen && !$0.needsMeasurement
      }
      guard !fresh.isEmpty else {
        state.message = StatusMessage(
          "Nothing unanswered is shown on this screen; nothing answered.")
        return []
      }
      let focused = state.focusedItem
      var sheet = state.sheet
      for finding in fresh { sheet.answers[finding] = .no }
      sheet.bulk.append(BulkAnswer(screen: screen, answer: .no, findings: fresh, at: now))
      state.sheet = sheet
      let effects = answersChanged(&state, keeping: focused)
      // The rows do not move; the focus goes to the first item still unanswered (one that
      // needs a measurement or a test) that could change the decision, else the first one
      // still unanswered, where it was shown.
      focusFirstUnanswered(&state, criticalFirst: true)
      state.message = StatusMessage(
        "No to \(fresh.count) item\(fresh.count == 1 ? "" : "s") on \(state.page.title), recorded as given in bulk."
      )
      return effects
    case .requestQuit:
      state.mode = .normal
      return requestQuit(&state)
    case .resize(let size): resize(size, &state)
    case .report(let message): state.message = message
    case .redraw: return [.redraw]
    default:
      state.mode = .normal
      if !findings.isEmpty {
        state.message = StatusMessage(
          "No to the rest cancelled; nothing answered (only a lower-case y confirms).")
      }
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
      state.adoptFoldingRecord()
      state.draftOffers = []
      state.message = StatusMessage("Draft resumed: \(sheet.answers.answeredCount) answers.")
      resize(state.size, &state)
      // Where the clinician stopped, not at the top of the first page.
      state.focusOnLastItem()
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
    case .submit: return [.submit]
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
    case .nextPage:
      changePage(step: 1, &state)
      focusFirstUnanswered(&state)
    case .previousPage: changePage(step: -1, &state)
    case .gotoPage(let number):
      guard let page = Page(rawValue: number - 1) else { return [] }
      guard page.isEnabled(for: state.answers) else {
        state.message = StatusMessage(
          "Neck trauma applies only after trauma (Patient screen).")
        return []
      }
      enter(page, &state)
    case .answer(.no) where state.focusedItem == .number(.conservativeWeeks):
      return noneTried(&state)
    case .answer(let answer): return answerFocused(answer, advancing: true, &state)
    case .markNotDone: return answerFocused(.unknown, notDone: true, advancing: true, &state)
    case .cycle:
      switch state.focusedItem {
      case .finding(let finding):
        return answerFocused(state.answers[finding].cycled, advancing: true, &state)
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
      case .finding: return answerFocused(.unknown, advancing: false, &state)
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
    case .typeDigit, .deleteDigit:
      // Digits switch screens; a number is typed only after Enter.
      if case .number(let field) = state.focusedItem {
        state.message = StatusMessage("\(field.label): press Enter, type the number, then Enter.")
      }
    case .setSex(let sex):
      var effects: [Effect] = []
      if state.answers.sex != sex {
        state.answers.sex = sex
        effects = answersChanged(&state, keeping: .sex)
      }
      advance(from: .sex, &state)
      return effects
    case .beginEdit:
      switch state.focusedItem {
      case .text(let field): state.mode = .editing(field, buffer: current(field, state) ?? "")
      case .number(let field): state.mode = .editingNumber(field, buffer: "")
      case .folded:
        // An explicit key: showing the folded items, or folding again, which decides the
        // folding afresh from the answers now.
        state.showFolded[state.page.rawValue].toggle()
        if !state.showFolded[state.page.rawValue] { state.refreshFolding() }
        refocus(on: .folded, &state)
      default: break
      }
    case .bulkNo:
      guard let screen = state.page.questionScreen else {
        state.message = StatusMessage("No to the rest works on the checklist screens.")
        state.mode = .confirmBulk([])
        return []
      }
      // The rows shown only: a folded item, or one the form does not show for these answers,
      // was not put to the patient; it stays unanswered.
      let hidden = state.foldedFindings(on: state.page)
      // Never an item whose answer needs a measurement or a test, nor one recorded not done.
      let findings = QuestionCatalogue.questions(on: screen).map(\.finding).filter {
        state.answers[$0] == .unknown && !state.answers.isNotDone($0) && !hidden.contains($0)
          && !$0.needsMeasurement && Visibility.isShown($0, in: state.answers)
      }
      // Even with nothing to answer the mode is entered, so that the y that follows N is
      // taken by it and never answers the focused item.
      state.mode = .confirmBulk(findings)
    case .nextCritical: jumpToNextCritical(&state)
    case .toggleHelp: state.mode = .help(scroll: 0)
    case .requestQuit: return requestQuit(&state)
    case .openExportMenu: state.mode = .exportMenu
    case .export(let kind): return [.export(kind)]
    case .printSummary: return [.print]
    case .submit: return [.submit]
    case .suspend: return [.suspend]
    case .redraw: return [.redraw]
    case .resize(let size): resize(size, &state)
    case .report(let message): state.message = message
    case .markExported: state.exported = true
    case .nextPatient:
      guard
        !state.sheet.answers.isEmpty || state.sheet.patientID != nil
          || state.sheet.clinician != nil
      else {
        state.message = StatusMessage("This is a new assessment already: nothing to save.")
        return []
      }
      return [.nextPatient]
    case .startNextPatient(let sheet): startNextPatient(sheet, &state)
    case .confirmQuit, .cancelQuit, .typeText, .deleteText, .commitEdit, .cancelEdit, .dismiss,
      .resumeDraft, .discardDraft, .keepDraftAndQuit, .newAssessment, .confirmBulk,
      .hideForPrivacy, .reveal:
      break
    }
    return []
  }

  // MARK: Helpers

  /// The next patient: a fresh state for `sheet` at the same size; the status line names the
  /// patient whose draft was kept.
  static func startNextPatient(_ sheet: AnswerSheet, _ state: inout AppState) {
    let previous = DecisionText.patientWords(
      patientID: state.sheet.patientID ?? "no identifier", answers: state.sheet.answers)
    var fresh = AppState(sheet: sheet, size: state.size)
    fresh.now = state.now
    fresh.message = StatusMessage(
      "Saved the draft of the last patient (\(previous)). New assessment: the next patient.")
    state = fresh
  }

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

  /// Answers the focused finding (or, with `notDone`, records it as not done); with
  /// `advancing`, then moves to the next item of the page.
  static func answerFocused(
    _ answer: Answer, notDone: Bool = false, advancing: Bool, _ state: inout AppState
  )
    -> [Effect]
  {
    guard case .finding(let finding) = state.focusedItem else {
      state.message = StatusMessage(
        state.focusedItem == nil || state.page == .summary
          ? "Nothing to answer on this row."
          : "y and n answer findings; this row takes its own keys (see the help line).")
      return []
    }
    var effects: [Effect] = []
    if state.answers[finding] != answer || state.answers.isNotDone(finding) != notDone {
      // The answered row and the rows above it stay (``AppState/keptRows``).
      let rows = state.inputItems(on: state.page)
      let through = rows.firstIndex(of: .finding(finding)).map { rows[...$0] } ?? []
      var sheet = state.sheet
      if notDone { sheet.answers.markNotDone(finding) } else { sheet.answers[finding] = answer }
      // Answered again one by one: no longer an answer given in bulk.
      sheet.forgetBulk(finding)
      state.sheet = sheet
      for case .finding(let shown) in through where !Visibility.isShown(shown, in: state.answers) {
        state.keptRows.insert(shown)
      }
      effects = answersChanged(&state, keeping: .finding(finding))
    }
    if advancing { advance(from: .finding(finding), &state) }
    return effects
  }

  /// n on the weeks of conservative care: none tried (0 weeks), as the question's help says;
  /// the focus goes to the next item. Any other number is typed.
  static func noneTried(_ state: inout AppState) -> [Effect] {
    let item = Item.number(.conservativeWeeks)
    var effects: [Effect] = []
    if state.answers.conservativeWeeks != 0 {
      state.answers.conservativeWeeks = 0
      effects = answersChanged(&state, keeping: item)
    }
    state.message = StatusMessage("\(NumberField.conservativeWeeks.label): 0 (none tried).")
    advance(from: item, &state)
    return effects
  }

  static func answersChanged(_ state: inout AppState, keeping item: Item? = nil) -> [Effect] {
    state.exported = false
    // The draft remembers the item and, for an answer, the time of the assessment.
    state.noteTouched(item ?? state.focusedItem)
    // Folded items the answer made relevant come up below it (never above: nothing moves).
    if let item { state.surfaceNowRelevant(below: item) }
    // Leaving the neck-trauma page's condition while on another page is fine; if its
    // condition no longer holds, the page is skipped. An answer never moves the rows at or
    // above it (the folding is decided on entering a page), so the focus stays where it was
    // shown.
    if let item { refocus(on: item, &state) } else { keepFocusVisible(&state) }
    return [.saveDraft]
  }

  /// Enters `page`: its folding is decided afresh, and the focus stays on the item it was on
  /// (or the next one shown after it).
  static func enter(_ page: Page, _ state: inout AppState) {
    let rows = state.inputItems(on: page)
    let index = state.focus[page.rawValue]
    let item = index >= 0 && index < rows.count ? rows[index] : nil
    state.page = page
    if let item, item != .folded { refocus(on: item, &state) } else { keepFocusVisible(&state) }
  }

  /// Whether every finding of `page` would fold on entering it now: nothing there to ask
  /// (Tab passes over such a page; a digit still opens it).
  static func isAllFolded(_ page: Page, _ state: AppState) -> Bool {
    guard let screen = page.questionScreen, screen != .presentation else { return false }
    let folded = Relevance.foldable(on: page, answers: state.answers)
    guard !folded.isEmpty else { return false }
    return QuestionCatalogue.questions(on: screen).allSatisfy { folded.contains($0.finding) }
  }

  /// Puts the focus on `item` of the current page, or on the next row shown after it when it
  /// is folded away.
  static func refocus(on item: Item, _ state: inout AppState) {
    let rows = state.inputItems(on: state.page)
    if let index = rows.firstIndex(of: item) {
      state.focus[state.page.rawValue] = index
    } else {
      let all = state.page.inputItems
      if let position = all.firstIndex(of: item),
        let next = all[(position + 1)...].first(where: { rows.contains($0) }),
        let index = rows.firstIndex(of: next)
      {
        state.focus[state.page.rawValue] = index
      }
    }
    keepFocusVisible(&state)
  }

  /// Moves the focus from `item` to the next row of the page (the folded row included, where
  /// y and n change nothing); on the last row it stays.
  static func advance(from item: Item, _ state: inout AppState) {
    let rows = state.inputItems(on: state.page)
    guard let index = rows.firstIndex(of: item), index + 1 < rows.count else { return }
    state.focus[state.page.rawValue] = index + 1
    keepFocusVisible(&state)
  }

  /// Whether `item` waits for an answer (a finding or a number not yet recorded).
  static func isUnanswered(_ item: Item, _ answers: Answers) -> Bool {
    switch item {
    case .finding(let finding): answers[finding] == .unknown && !answers.isNotDone(finding)
    case .number(let field): field.value(in: answers) == nil
    default: false
    }
  }

  /// Tab: the focus goes to the first unanswered row of the page, if any; with
  /// `criticalFirst`, to the first one marked critical (! : its answer could change the
  /// decision) when there is one.
  static func focusFirstUnanswered(_ state: inout AppState, criticalFirst: Bool = false) {
    let rows = state.inputItems(on: state.page)
    let critical = criticalFirst ? FindingSet(state.recommendation.missingFindings) : FindingSet()
    let first =
      rows.firstIndex { item in
        guard case .finding(let finding) = item else { return false }
        return critical.contains(finding) && isUnanswered(item, state.answers)
      } ?? rows.firstIndex { isUnanswered($0, state.answers) }
    guard let index = first else { return }
    state.focus[state.page.rawValue] = index
    keepFocusVisible(&state)
  }

  /// Jumps to the next unanswered item, across the screens that apply, whose answer could change
  /// the decision (the critical mark); says so when there is none.
  static func jumpToNextCritical(_ state: inout AppState) {
    let recommendation = state.recommendation
    let answers = state.answers
    let pages = Page.allCases.filter { $0.questionScreen != nil && $0.isEnabled(for: answers) }
    let start = pages.firstIndex(of: state.page) ?? 0
    // This page's items as listed, the folded ones included (a folded item that could now
    // change the decision is shown: an explicit key).
    let here = state.page.inputItems(for: answers)
    let focus =
      state.focusedItem.flatMap { here.firstIndex(of: $0) }
      ?? (state.focusedItem == .folded ? here.count - 1 : state.focus[state.page.rawValue])
    // This page after the focus, the next pages, then this page up to the focus.
    var candidates: [(Page, Item)] = []
    if pages.contains(state.page) {
      candidates += here.dropFirst(focus + 1).map { (state.page, $0) }
      for offset in 1...pages.count {
        let page = pages[(start + offset) % pages.count]
        let items =
          page == state.page ? Array(here.prefix(focus + 1)) : page.inputItems(for: answers)
        candidates += items.map { (page, $0) }
      }
    } else {
      for page in pages { candidates += page.inputItems(for: answers).map { (page, $0) } }
    }
    guard
      let (page, item) = candidates.first(where: {
        Relevance.isCritical($0.1, answers: answers, recommendation: recommendation)
      })
    else {
      state.message = StatusMessage("No unanswered item could change the recommendation now.")
      return
    }
    if page != state.page { enter(page, &state) }
    if case .finding(let finding) = item, state.foldedFindings(on: page).contains(finding) {
      state.showFolded[page.rawValue] = true
    }
    refocus(on: item, &state)
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
      enter(.patient, &state)
      return
    }
    var target = pages[(position + step + pages.count) % pages.count]
    // A screen on which everything would fold has nothing to ask: pass over it.
    var tries = 1
    while isAllFolded(target, state) && tries < pages.count {
      tries += 1
      target = pages[(position + step * tries + pages.count * tries) % pages.count]
    }
    enter(target, &state)
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
