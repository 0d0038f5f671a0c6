import TriageEngine

/// The consultation summary as printable plain text: at most 76 columns per line and pages of
/// at most 58 lines separated by form feeds (U+000C), so that it prints unchanged on A4 and US
/// Letter at CUPS defaults (measured through a cups-pdf queue with 0.25 in side and 0.5 in top
/// and bottom margins: 77 columns and 64 lines fit on A4, 80 columns and 60 lines on Letter,
/// and a page of exactly 60 lines before a form feed leaves a blank page on Letter).
///
/// Every page starts with a header naming the patient (or "patient not recorded"), the
/// consultation and "page N of M". Page 1 then opens with the decision: the urgency, its status
/// (final, provisional or incomplete), the studies in order, the deadline as a clock time, the
/// MRI-safety screen, STOP items and the answers still missing. Then the reasons, MRI safety,
/// safety-net advice, the answers by screen (in words), the numbers, where the advice differs
/// from the source article, the disclaimer and a signature line.
public enum SummaryText {
  /// The widest line, in characters.
  public static let width = 76
  /// The most lines on a page, header included.
  public static let pageLength = 58
  /// The page separator.
  public static let formFeed: Character = "\u{0C}"
  /// The lines of the page header, the blank line after it included.
  static let headerLines = 3

  /// The summary, pages separated by form feeds, every line ending with a newline.
  public static func render(
    sheet: AnswerSheet, recommendation: Recommendation, context: DocumentContext
  ) -> String {
    let pages = paginate(blocks(sheet: sheet, recommendation: recommendation, context: context))
    return pages.enumerated().map { index, lines in
      let header = header(sheet: sheet, context: context, page: index + 1, of: pages.count)
      return (header + [""] + lines).joined(separator: "\n") + "\n"
    }.joined(separator: String(formFeed))
  }

  /// The header of page `page` of `count`: the patient (and the site, when it fits), then the
  /// consultation and the page number.
  static func header(sheet: AnswerSheet, context: DocumentContext, page: Int, of count: Int)
    -> [String]
  {
    // Counted in display columns: a wide (CJK) character takes two.
    func columns(_ text: String) -> Int { DisplayWidth.columns(of: text) }
    func line(_ left: String, _ right: String) -> String {
      var left = left
      let room = width - columns(right) - 2
      if right.isEmpty { return DisplayWidth.prefix(left, columns: width) }
      if columns(left) > room {
        left = DisplayWidth.prefix(left, columns: max(room - 3, 0)) + "..."
      }
      return left + String(repeating: " ", count: max(width - columns(left) - columns(right), 0))
        + right
    }
    let patient = DocumentText.headerPatient(sheet)
    var site = DocumentText.typed(context.siteName) ?? ""
    if columns(patient) + columns(site) + 2 > width { site = "" }
    return [
      line(patient, site),
      line("Consultation \(context.consultationID)", "page \(page) of \(count)"),
    ]
  }

  // MARK: Content

  /// The content as blocks of lines; a block is kept on one page when it fits on one. A block
  /// may start with a blank line (dropped at the top of a page).
  static func blocks(
    sheet: AnswerSheet, recommendation rec: Recommendation, context: DocumentContext
  ) -> [[String]] {
    var blocks: [[String]] = []
    func wrap(_ text: String, _ first: String = "", _ rest: String = "") -> [String] {
      TextWrap.lines(text, width: width, first: first, rest: rest)
    }
    let pad = String(repeating: " ", count: 16)
    func field(_ label: String, _ value: String) -> [String] {
      guard !label.isEmpty else { return wrap(value, pad, pad) }
      let padded = label + ":" + String(repeating: " ", count: max(15 - label.count, 1))
      return wrap(value, padded, String(repeating: " ", count: padded.count))
    }

    // Identification and the decision: page 1, before anything else.
    var top = wrap(DocumentText.title.uppercased())
    top += field(
      "Patient",
      DecisionText.patientWords(
        patientID: DocumentText.recorded(sheet.patientID), answers: sheet.answers))
    top += field("Consultation", context.consultationID)
    top += field(DocumentText.assessedLabel, DocumentText.assessed(sheet))
    top += field(DocumentText.printedLabel, DocumentText.displayTime(context.generatedAt))
    top += field("Clinician", DocumentText.recorded(sheet.clinician))
    if let site = DocumentText.typed(context.siteName) { top += field("Site", site) }
    let rule = String(repeating: "=", count: width)
    top += ["", rule]
    top += wrap(
      DecisionText.label(rec) + DocumentText.overdueMark(rec, sheet, context), "DECISION:       ",
      pad)
    top.append(rule)
    top += field("Status", DecisionText.statusLine(rec, sheet.answers))
    if !DecisionText.hasNoDecision(rec) { top += field("Timeframe", rec.timeframe) }
    top += field(rec.imaging.count > 1 ? "Study order" : "Study", DecisionText.studyOrder(rec))
    if let deadline = Deadline.text(rec, clock: sheet.urgencyClock, now: context.generatedAt) {
      top += field("Deadline", deadline)
    }
    let changing = DecisionText.studyChangingYes(sheet.answers)
    if !changing.isEmpty {
      top += field(DocumentText.studyChangingLabel, "Yes: " + changing.joined(separator: "; "))
    }
    top += field("MRI safety", DecisionText.safetyScreen(sheet.answers, rec))
    for item in rec.stops {
      top += field("STOP", item.message)
      if let before = item.before { top += field("", "Before the scan: \(before)") }
    }
    top += field(
      DocumentText.missingHeading, DecisionText.stillUnknownText(sheet.answers, rec))
    for (index, alternative) in rec.alternatives.enumerated() {
      top += field(
        index == 0 ? "Alternatives" : "", "\(alternative.study.displayName): \(alternative.when)")
    }
    top.append(rule)
    blocks.append(top)

    // Why: the rules behind the decision, in words.
    for (index, fired) in rec.reasons.enumerated() {
      var block = index == 0 ? ["", "WHY: RULES THAT FIRED"] : []
      let rule = fired.rule
      block += wrap("\(rule.id) \(DocumentText.ruleUrgency(rule)) \(rule.title)", "  ", "      ")
      block += wrap("Source: \(rule.source)", "      ", "        ")
      if !fired.evidenceLabels.isEmpty {
        block += wrap(
          "Because: \(fired.evidenceLabels.joined(separator: "; "))", "      ", "        ")
      }
      if let note = rule.note { block += wrap("Note: \(note)", "      ", "        ") }
      blocks.append(block)
    }

    // MRI safety.
    if rec.safety.isEmpty {
      blocks.append(["", "MRI SAFETY", "  " + DocumentText.noSafetyItems])
    }
    for (index, item) in rec.safety.enumerated() {
      var block = index == 0 ? ["", "MRI SAFETY"] : []
      block += wrap("\(DocumentText.level(item.level)): \(item.message)", "  ", "      ")
      if let before = item.before {
        block += wrap("Before the scan: \(before)", "      ", "        ")
      }
      block += wrap("Source: \(item.source)", "      ", "        ")
      blocks.append(block)
    }

    // Safety net.
    for (index, advice) in rec.safetyNet.enumerated() {
      blocks.append((index == 0 ? ["", "SAFETY-NET ADVICE"] : []) + wrap(advice, "  - ", "    "))
    }

    // Answers, screen by screen: what is Yes, what is No, what was not assessed.
    var first = true
    for screen in QuestionScreen.allCases {
      let questions = QuestionCatalogue.questions(on: screen).filter {
        Visibility.isListed($0.finding, in: sheet.answers)
      }
      guard !questions.isEmpty else { continue }
      var block: [String] = []
      if first {
        block = ["", "ANSWERS"] + wrap(DocumentText.answersLegend, "  ", "  ")
        first = false
      }
      block.append(screen.title)
      block += answerLists(questions.map { ($0.label, sheet.recorded($0.finding)) })
      blocks.append(block)
    }

    // Answers given in bulk ("No to the rest"): which, and when.
    if !sheet.bulk.isEmpty {
      blocks.append(
        ["", BulkText.heading.uppercased()]
          + sheet.bulk.flatMap { wrap(BulkText.sentence($0), "  ", "    ") })
    }

    // Numbers.
    var numbers = ["", "NUMBERS"]
    let values = DocumentText.numbers(sheet.answers).map { "\($0.label): \($0.value)" }
    for pair in stride(from: 0, to: values.count, by: 2) {
      let left = "  " + values[pair]
      let right = pair + 1 < values.count ? values[pair + 1] : ""
      if left.count < 40 && 40 + right.count <= width {
        numbers.append(
          right.isEmpty ? left : left + String(repeating: " ", count: 40 - left.count) + right)
      } else {
        numbers += wrap(values[pair], "  ", "    ")
        if !right.isEmpty { numbers += wrap(right, "  ", "    ") }
      }
    }
    blocks.append(numbers)

    // Where the advice differs from the source article: only for rules that fired.
    for (index, text) in rec.seedDifferences.enumerated() {
      blocks.append(
        (index == 0 ? ["", DocumentText.differencesHeading.uppercased()] : [])
          + wrap(text, "  - ", "    "))
    }

    // Disclaimer, program and signature.
    var closing = [""] + wrap(TextReport.disclaimer)
    closing += wrap(
      "\(DocumentText.programName) \(context.programVersion), rule set \(rec.ruleset).")
    blocks.append(closing)
    var signature = [""]
    signature += wrap(DocumentText.signatureName(sheet.clinician), "Clinician: ", "           ")
    signature.append("")
    signature.append(DocumentText.signatureLine)
    blocks.append(signature)
    return blocks
  }

  /// The answers of one screen as up to three wrapped lists, each question by its short label:
  /// `Yes: ...`, `No: ...`, `Not assessed: ...` (an empty list is left out). Every question
  /// appears exactly once, and the positive findings stand out.
  static func answerLists(_ answers: [(label: String, answer: RecordedAnswer)]) -> [String] {
    var lines: [String] = []
    let indent = String(repeating: " ", count: 16)
    for answer in RecordedAnswer.allCases {
      let labels = answers.filter { $0.answer == answer }.map(\.label)
      guard !labels.isEmpty else { continue }
      let label = "  " + DocumentText.answer(answer) + ":"
      let first = label + String(repeating: " ", count: max(indent.count - label.count, 1))
      lines += TextWrap.lines(
        labels.joined(separator: "; "), width: width, first: first, rest: indent)
    }
    return lines
  }

  // MARK: Pages

  /// Splits blocks into pages of at most `pageLength - headerLines` lines: a block that does not fit on the current page starts the next one, unless it is
  /// longer than a page; blank lines at the top and bottom of a page are dropped.
  static func paginate(_ blocks: [[String]]) -> [[String]] {
    let capacity = pageLength - headerLines
    var pages: [[String]] = [[]]
    for block in blocks {
      var lines = block[...]
      let current = pages[pages.count - 1]
      if current.count + lines.count > capacity && !current.isEmpty {
        let trimmed = lines.drop { $0.isEmpty }
        if trimmed.count <= capacity {
          pages.append([])
          lines = trimmed
        }
      }
      for line in lines {
        if pages[pages.count - 1].count >= capacity { pages.append([]) }
        if line.isEmpty && pages[pages.count - 1].isEmpty { continue }
        pages[pages.count - 1].append(line)
      }
    }
    return pages.map { page in
      var page = page
      while page.last?.isEmpty == true { page.removeLast() }
      return page
    }
  }
}
