import TriageEngine
import TriageFormats

/// The whole UI state, a value. The recommendation is not stored: it is computed from the
/// answers whenever it is needed.
public struct AppState: Hashable, Sendable {
  /// What the keys do right now.
  public enum Mode: Hashable, Sendable {
    case normal
    /// The help overlay, scrolled by this many lines.
    case help(scroll: Int)
    /// "Quit?" is being asked.
    case confirmQuit
    /// A text field is being edited; the buffer holds the new text.
    case editing(TextField, buffer: String)
    /// A number is being typed (after Enter); the buffer holds the digits typed so far.
    case editingNumber(NumberField, buffer: String)
    /// "No to the rest": these unanswered findings of the current page wait for `y`.
    case confirmBulk([Finding])
    /// The export chooser is open.
    case exportMenu
    /// On start: a saved draft is offered for resuming.
    case offerDraft
    /// Quitting after an export: discard the draft?
    case confirmDiscardDraft
  }

  /// A draft found on start: offered for resuming, or shown as in use by another session.
  public struct DraftOffer: Hashable, Sendable {
    /// Its consultation identifier.
    public var id: String
    /// Its answers; nil when another session has it open (it is then never read).
    public var sheet: AnswerSheet?
    /// When it was saved (ISO 8601).
    public var savedAt: String
    /// Whether another session has it open.
    public var inUse: Bool { sheet == nil }

    /// A draft that can be resumed.
    public init(sheet: AnswerSheet, savedAt: String) {
      self.id = sheet.consultationID ?? ""
      self.sheet = sheet
      self.savedAt = savedAt
    }

    /// A draft, `sheet` nil when it is in use elsewhere.
    public init(id: String, sheet: AnswerSheet?, savedAt: String) {
      self.id = id
      self.sheet = sheet
      self.savedAt = savedAt
    }
  }

  /// The answers and identifiers. A change of answers never changes the rows shown (stable
  /// focus); it only brings the record of what was folded up to date.
  public var sheet: AnswerSheet {
    didSet {
      if sheet.answers != oldValue.answers {
        recordFolding()
        keepRecordedRows()
      }
    }
  }
  /// Rows kept for the rest of the visit although the form no longer shows them for the
  /// answers (``Visibility``), so that an answer never moves or hides the answered row or a row
  /// above it: an older record's answer to a question no longer asked, once shown (clearing it
  /// leaves its row), and a row at or above the answered one that the answer would close (an
  /// item that opens itself: "not done" or no on an older record's trauma answer while the
  /// injury entry is not yes; a not-done answer counts as answered). The rows an answer opens
  /// or closes appear or disappear only below the answered row. The record and the engine read
  /// the answers alone.
  public internal(set) var keptRows = FindingSet()
  /// The page shown. Entering a page decides its folding afresh.
  public var page: Page = .patient {
    didSet { if page != oldValue { refreshFolding() } }
  }
  /// Per page: the findings folded away, decided when the page was last entered (or on the
  /// folded row's key), never by an answer: the rows a clinician sees do not move under the
  /// finger. Only unanswered ones are hidden.
  public internal(set) var foldedByPage: [FindingSet] = Array(
    repeating: FindingSet(), count: Page.allCases.count)
  /// The findings of the current page folded away (see ``foldedByPage``).
  public var folded: FindingSet { foldedByPage[page.rawValue] }
  /// Per page: folded findings that an answer made able to change the decision (or that must
  /// now be documented), shown right below the row answered, never above it, until the page is
  /// entered again (then they take their own places). Night pain folded before a history of
  /// cancer is known comes up under "History of cancer: yes", where the focus goes next.
  public internal(set) var surfacedByPage: [[SurfacedRows]] = Array(
    repeating: [], count: Page.allCases.count)
  /// Per page: whether the folded items are shown anyway (Enter on the folded row).
  public var showFolded: [Bool] = Array(repeating: false, count: Page.allCases.count)
  /// The time of the key being applied (ISO 8601 with an offset), set by the runner: the UI
  /// core reads no clock. Bulk answers are stamped with it.
  public var now: String?
  /// The focused row of each page.
  public var focus: [Int] = Array(repeating: 0, count: Page.allCases.count)
  /// The first visible row of each page.
  public var scroll: [Int] = Array(repeating: 0, count: Page.allCases.count)
  /// What the keys do.
  public var mode: Mode = .normal
  /// The status-line message, cleared by the next key.
  public var message: StatusMessage?
  /// The terminal size.
  public var size: TerminalSize
  /// Whether the current answers have been exported (no quit confirmation then).
  public var exported = false
  /// Whether the program should end (set by a confirmed quit).
  public var finished = false
  /// Whether the last change reached the draft (false when it could not be saved).
  public var draftSaved = true
  /// Whether the privacy screen hides everything (shared terminal, after an idle time).
  public var isHidden = false
  /// Shared terminal: the list of saved drafts names no patient until one is chosen.
  public var hidesDraftIdentities = false
  /// The drafts listed on start (newest first), those in use elsewhere included.
  public var draftOffers: [DraftOffer] = []
  /// The index in ``draftOffers`` of the draft chosen (always one that can be resumed).
  public var selectedOffer = 0

  /// The chosen draft while the list is shown.
  public var draftOffer: DraftOffer? {
    draftOffers.indices.contains(selectedOffer) && !draftOffers[selectedOffer].inUse
      ? draftOffers[selectedOffer] : nil
  }

  /// A new state for `sheet` at `size`; the draft list is shown first when it holds a draft
  /// that can be resumed.
  public init(
    sheet: AnswerSheet = AnswerSheet(), size: TerminalSize = .minimum,
    draftOffers: [DraftOffer] = []
  ) {
    self.sheet = sheet
    self.size = size
    if let first = draftOffers.firstIndex(where: { !$0.inUse }) {
      self.draftOffers = draftOffers
      selectedOffer = first
      mode = .offerDraft
    }
    adoptFoldingRecord()
    keepRecordedRows()
    // A loaded draft opens where the clinician stopped.
    if mode == .normal { focusOnLastItem() }
  }

  /// A new state for `sheet` at `size`, offering one draft.
  public init(
    sheet: AnswerSheet = AnswerSheet(), size: TerminalSize = .minimum, draftOffer: DraftOffer?
  ) {
    self.init(sheet: sheet, size: size, draftOffers: draftOffer.map { [$0] } ?? [])
  }

  /// Decides the folding of the current page from the answers now (on entering it), and
  /// records it.
  mutating func refreshFolding() {
    foldedByPage[page.rawValue] = Relevance.foldable(on: page, answers: sheet.answers)
    surfacedByPage[page.rawValue] = []
    recordFolding()
  }

  /// After an answer on `item`: the findings hidden on this page that can no longer fold (the
  /// record of folded findings, brought up to date as the answers changed, no longer holds
  /// them) are shown right below `item` (``surfacedByPage``).
  mutating func surfaceNowRelevant(below item: Item) {
    let index = page.rawValue
    let relevant = foldedFindings(on: page).subtracting(sheet.folded)
    guard !relevant.isEmpty else { return }
    foldedByPage[index] = foldedByPage[index].subtracting(relevant)
    surfacedByPage[index].append(SurfacedRows(below: item, findings: relevant.members))
  }

  /// Keeps the rows of an older record's answers to questions no longer asked
  /// (``ShowCondition/recordedOnly``) shown now, for the rest of the visit (``keptRows``).
  mutating func keepRecordedRows() {
    for finding in Finding.allCases
    where Visibility.condition(for: finding) == .recordedOnly
      && Visibility.isShown(finding, in: sheet.answers)
    {
      keptRows.insert(finding)
    }
  }

  /// Takes the sheet's record of folded findings as the folding of every page (a draft or an
  /// answers file was loaded), then decides the current page afresh.
  mutating func adoptFoldingRecord() {
    for page in Page.allCases {
      let findings = page.questionScreen.map { QuestionCatalogue.questions(on: $0) } ?? []
      var set = FindingSet()
      for question in findings where sheet.folded.contains(question.finding) {
        set.insert(question.finding)
      }
      foldedByPage[page.rawValue] = set
    }
    refreshFolding()
  }

  /// Brings ``AnswerSheet/folded`` up to date: the findings folded on their page that are still
  /// unanswered and still could not change the decision (one that now could is "not
  /// assessed", never "not asked").
  mutating func recordFolding() {
    var record = FindingSet()
    for page in Page.allCases where !foldedByPage[page.rawValue].isEmpty {
      let stillFoldable = Relevance.foldable(
        on: page, answers: sheet.answers, among: foldedByPage[page.rawValue])
      for finding in Finding.allCases where stillFoldable.contains(finding) {
        record.insert(finding)
      }
    }
    if record != sheet.folded { sheet.folded = record }
  }

  /// The findings hidden on `page`: folded and still unanswered, unless shown on request.
  public func foldedFindings(on page: Page) -> FindingSet {
    guard !showFolded[page.rawValue] else { return FindingSet() }
    var hidden = FindingSet()
    for finding in Finding.allCases
    where foldedByPage[page.rawValue].contains(finding) && answers[finding] == .unknown
      && !answers.isNotDone(finding)
    {
      hidden.insert(finding)
    }
    return hidden
  }

  /// The input rows of `page`: its items shown for the answers (``Visibility``) without the
  /// hidden findings, then the folded row when some are folded (or shown on request).
  /// Findings an answer surfaced (``surfacedByPage``) follow the row answered.
  public func inputItems(on page: Page) -> [Item] {
    let items = page.inputItems(for: sheet.answers, keeping: keptRows)
    let folds = !foldedByPage[page.rawValue].isEmpty
    let surfaced = surfacedByPage[page.rawValue]
    guard folds || !surfaced.isEmpty else { return items }
    let hidden = foldedFindings(on: page)
    var rows = items.filter { item in
      if case .finding(let finding) = item { return !hidden.contains(finding) }
      return true
    }
    for group in surfaced where rows.contains(group.anchor) {
      let moving = group.findings.map(Item.finding).filter { rows.contains($0) }
      rows.removeAll { moving.contains($0) }
      if let anchor = rows.firstIndex(of: group.anchor) {
        rows.insert(contentsOf: moving, at: anchor + 1)
      }
    }
    if folds { rows.append(.folded) }
    return rows
  }

  /// The answers.
  public var answers: Answers {
    get { sheet.answers }
    set { sheet.answers = newValue }
  }

  /// The layout for the current size.
  public var layout: Layout { Layout(size) }

  /// The recommendation for the current answers.
  public var recommendation: Recommendation { TriageEngine.evaluate(sheet.answers) }

  /// The Summary's report, wrapped to the list width, with the answers given in bulk.
  public func reportLines(width: Int, recommendation: Recommendation? = nil) -> [String] {
    let width = max(width - 3, 20)
    var lines = TextReport.lines(
      recommendation ?? self.recommendation, answers: sheet.answers, clock: sheet.urgencyClock,
      now: now, times: .assessed(sheet.assessedAt), width: width)
    lines.insert("", at: 0)
    for line in BulkText.lines(sheet.bulk) {
      lines += TextWrap.lines(line, width: width, first: "", rest: "  ")
    }
    return lines
  }

  /// The rows of `page`.
  public func items(on page: Page) -> [Item] {
    var items = inputItems(on: page)
    if page == .summary {
      let count = reportLines(width: layout.listWidth).count
      items += (0..<count).map { Item.report($0) }
    }
    return items
  }

  /// How many rows `page` has (the Summary's report is evaluated once).
  public func itemCount(on page: Page) -> Int {
    page == .summary
      ? page.inputItems.count + reportLines(width: layout.listWidth).count
      : inputItems(on: page).count
  }

  /// The focused row on the current page (found without evaluating the report).
  public var focusedItem: Item? {
    let inputs = inputItems(on: page)
    let index = focus[page.rawValue]
    if index < inputs.count { return index >= 0 ? inputs[index] : nil }
    return page == .summary ? .report(index - inputs.count) : nil
  }

  /// How many items of `page` are unanswered (sex, optional, is not counted).
  public func unansweredCount(on page: Page) -> Int {
    page.inputItems(for: answers).reduce(0) { count, item in
      switch item {
      case .finding(let finding):
        count + (answers[finding] == .unknown && !answers.isNotDone(finding) ? 1 : 0)
      case .number(let field): count + (field.value(in: answers) == nil ? 1 : 0)
      default: count
      }
    }
  }

  /// How many lines of the help overlay fit at `rows`.
  public static func helpVisibleLines(rows: Int) -> Int { max(1, rows - 3) }

  /// Whether quitting now would lose answers that were not exported.
  public var hasUnexportedAnswers: Bool { !sheet.answers.isEmpty && !exported }
}
