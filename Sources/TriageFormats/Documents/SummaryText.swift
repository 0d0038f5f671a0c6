import TriageEngine

/// The consultation summary as printable plain text: at most 80 columns per line, pages of at
/// most 60 lines separated by form feeds (U+000C), each page starting with a small header
/// (program, consultation identifier, "page N of M").
///
/// The content, in order: program and version, rule set, date and time, consultation, patient
/// and clinician; every question of the catalogue by screen with its answer; the numbers; the
/// recommendation; the rules that fired; MRI safety; missing answers; safety-net advice; the
/// decision-support disclaimer; a signature line. Questions are printed by their contract
/// identifier, listed per screen under Yes, No and Not assessed, so that a typical case fits on
/// one or two pages.
public enum SummaryText {
  /// The widest line, in characters.
  public static let width = 80
  /// The most lines on a page, header included.
  public static let pageLength = 60
  /// The page separator.
  public static let formFeed: Character = "\u{0C}"

  /// The summary, pages separated by form feeds, every line ending with a newline.
  public static func render(
    sheet: AnswerSheet, recommendation: Recommendation, context: DocumentContext
  ) -> String {
    let pages = paginate(blocks(sheet: sheet, recommendation: recommendation, context: context))
    return pages.enumerated().map { index, lines in
      let header = header(context: context, page: index + 1, of: pages.count)
      return ([header, ""] + lines).joined(separator: "\n") + "\n"
    }.joined(separator: String(formFeed))
  }

  /// The header line of page `page` of `count`: program, consultation, page number.
  static func header(context: DocumentContext, page: Int, of count: Int) -> String {
    let right = "page \(page) of \(count)"
    var left = "\(DocumentText.programName) \(context.programVersion) | \(context.consultationID)"
    let room = width - right.count - 2
    if left.count > room { left = String(left.prefix(max(room - 3, 0))) + "..." }
    return left + String(repeating: " ", count: width - left.count - right.count) + right
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
    func field(_ label: String, _ value: String) -> [String] {
      guard !label.isEmpty else {
        return wrap(value, String(repeating: " ", count: 16), String(repeating: " ", count: 16))
      }
      let padded = label + ":" + String(repeating: " ", count: max(15 - label.count, 1))
      return wrap(value, padded, String(repeating: " ", count: padded.count))
    }

    // Identification.
    var identification = wrap(DocumentText.title.uppercased())
    if let site = context.siteName { identification += field("Site", site) }
    identification += field("Program", "\(DocumentText.programName) \(context.programVersion)")
    identification += field("Rule set", rec.ruleset)
    identification += field("Date and time", DocumentText.displayTime(context.generatedAt))
    identification += field("Consultation", context.consultationID)
    identification += field("Patient", DocumentText.recorded(sheet.patientID))
    identification += field("Clinician", DocumentText.recorded(sheet.clinician))
    blocks.append(identification)

    // Answers, screen by screen: what is Yes, what is No, what was not assessed.
    var first = true
    for screen in QuestionScreen.allCases {
      let questions = QuestionCatalogue.questions(on: screen)
      guard !questions.isEmpty else { continue }
      var block: [String] = []
      if first {
        block = ["", "ANSWERS"] + wrap(DocumentText.answersLegend, "  ", "  ")
        first = false
      }
      block.append(screen.title)
      block += answerLists(questions.map { ($0.id, sheet.answers[$0.finding]) })
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

    // Recommendation.
    var box = ["", String(repeating: "=", count: width)]
    box += wrap("RECOMMENDATION: \(rec.label)")
    box.append(String(repeating: "=", count: width))
    box += field("  Timeframe", rec.timeframe)
    if let main = rec.mainStudy {
      box += field("  Main study", main.displayName)
      for study in rec.imaging.dropFirst() { box += field("  Also", study.displayName) }
    } else {
      box += field("  Main study", "none (no imaging now)")
    }
    if rec.alternatives.isEmpty {
      box += field("  Alternatives", "none")
    } else {
      for (index, alternative) in rec.alternatives.enumerated() {
        box += field(
          index == 0 ? "  Alternatives" : "",
          "\(alternative.study.displayName): \(alternative.when)")
      }
    }
    blocks.append(box)

    // Rules.
    for (index, fired) in rec.rules.enumerated() {
      var block = index == 0 ? ["", "WHY: RULES THAT FIRED"] : []
      let rule = fired.rule
      block += wrap("\(rule.id) \(DocumentText.ruleUrgency(rule)) \(rule.title)", "  ", "      ")
      block += wrap("Source: \(rule.source)", "      ", "        ")
      block += wrap("Findings: \(DocumentText.evidence(fired))", "      ", "        ")
      blocks.append(block)
    }

    // MRI safety.
    if rec.safety.isEmpty {
      blocks.append(["", "MRI SAFETY", "  " + DocumentText.noSafetyItems])
    }
    for (index, item) in rec.safety.enumerated() {
      var block = index == 0 ? ["", "MRI SAFETY"] : []
      block += wrap("\(item.id) \(DocumentText.level(item.level)): \(item.message)", "  ", "      ")
      if let before = item.before {
        block += wrap("Before the scan: \(before)", "      ", "        ")
      }
      block += wrap("Source: \(item.source)", "      ", "        ")
      blocks.append(block)
    }

    // Missing answers.
    let missing = rec.missing.isEmpty ? "none" : rec.missing.joined(separator: ", ")
    blocks.append([""] + wrap(missing, DocumentText.missingHeading.uppercased() + ": ", "  "))

    // Safety net.
    for (index, advice) in rec.safetyNet.enumerated() {
      blocks.append((index == 0 ? ["", "SAFETY-NET ADVICE"] : []) + wrap(advice, "  - ", "    "))
    }

    // Disclaimer and signature.
    blocks.append([""] + wrap(TextReport.disclaimer))
    var signature = [""]
    signature += wrap(DocumentText.signatureName(sheet.clinician), "Clinician: ", "           ")
    signature.append("")
    signature.append(DocumentText.signatureLine)
    blocks.append(signature)
    return blocks
  }

  /// The answers of one screen as up to three wrapped lists, each question by its contract
  /// identifier: `Yes: ...`, `No: ...`, `Not assessed: ...` (an empty list is left out).
  /// Every question appears exactly once, and the positive findings stand out.
  static func answerLists(_ answers: [(id: String, answer: Answer)]) -> [String] {
    var lines: [String] = []
    let indent = String(repeating: " ", count: 16)
    for answer in [Answer.yes, .no, .unknown] {
      let ids = answers.filter { $0.answer == answer }.map(\.id)
      guard !ids.isEmpty else { continue }
      let label = "  " + DocumentText.answer(answer) + ":"
      let first = label + String(repeating: " ", count: max(indent.count - label.count, 1))
      lines += TextWrap.lines(ids.joined(separator: ", "), width: width, first: first, rest: indent)
    }
    return lines
  }

  // MARK: Pages

  /// Splits blocks into pages of at most `pageLength - 2` lines (the header and a blank line
  /// take two): a block that does not fit on the current page starts the next one, unless it is
  /// longer than a page; blank lines at the top and bottom of a page are dropped.
  static func paginate(_ blocks: [[String]]) -> [[String]] {
    let capacity = pageLength - 2
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
