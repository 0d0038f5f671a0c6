import TriageEngine

/// The consultation summary as a self-contained HTML5 document: no external resources (no
/// stylesheet, font, script or image is fetched), print CSS for A4 and US Letter, and the same
/// content in the same order as ``SummaryText``.
///
/// The recommendation is in a box coloured by urgency, but the meaning never depends on colour:
/// the label word (`EMERGENCY`, `NO IMAGING NOW`...) is printed in bold inside a thick bordered
/// box, and a `STOP` safety item says STOP in bold. Every string is escaped for HTML.
public enum SummaryHTML {
  /// The summary document.
  ///
  /// - Parameter paper: the page size the print CSS asks for; ``PaperSize/any`` leaves it to
  ///   the printer (the layout fits both A4 and Letter).
  public static func render(
    sheet: AnswerSheet, recommendation rec: Recommendation, context: DocumentContext,
    paper: PaperSize = .any
  ) -> String {
    var html = HTMLBuilder()
    html.raw("<!DOCTYPE html>")
    html.raw("<html lang=\"en\">")
    html.raw("<head>")
    html.raw("<meta charset=\"utf-8\">")
    html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\">")
    html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    let program = escape("\(DocumentText.programName) \(context.programVersion)")
    html.raw("<meta name=\"generator\" content=\"\(program)\">")
    html.raw(
      "<title>\(escape(DocumentText.title)): \(escape(DecisionText.label(rec)))"
        + " (consultation \(escape(context.consultationID)))</title>")
    html.raw("<style>")
    html.raw(stylesheet(sheet: sheet, context: context, paper: paper))
    html.raw("</style>")
    html.raw("</head>")
    let status = rec.status.rawValue
    let urgencyClass = DecisionText.hasNoDecision(rec) ? "" : " urgency-\(escape(rec.urgency.id))"
    html.raw("<body class=\"status-\(escape(status))\(urgencyClass)\">")

    // Identification: who, which consultation, when.
    html.raw("<header>")
    html.raw("<h1>\(escape(DocumentText.title))</h1>")
    html.raw("<dl class=\"ident\">")
    html.pair(
      "Patient",
      recorded(sheet.patientID) + ", "
        + escape(DecisionText.patientWords(patientID: nil, answers: sheet.answers)))
    html.pair("Consultation", "<code>\(escape(context.consultationID))</code>")
    html.pair(
      DocumentText.assessedLabel,
      sheet.assessedAt.map {
        "<time datetime=\"\(escape($0))\">\(escape(DocumentText.assessed(sheet)))</time>"
      } ?? escape(DocumentText.assessed(sheet)))
    html.pair(
      DocumentText.printedLabel,
      "<time datetime=\"\(escape(context.generatedAt))\">"
        + "\(escape(DocumentText.displayTime(context.generatedAt)))</time>")
    html.pair("Clinician", recorded(sheet.clinician))
    if let site = DocumentText.typed(context.siteName) { html.pair("Site", escape(site)) }
    html.raw("</dl>")
    html.raw("</header>")
    html.raw("<main>")

    // The decision, first.
    html.raw("<section class=\"recommendation\" aria-labelledby=\"recommendation-title\">")
    html.raw("<h2 id=\"recommendation-title\">Decision</h2>")
    html.raw(
      "<p class=\"label\"><strong>\(escape(DecisionText.label(rec)))"
        + "\(escape(DocumentText.overdueMark(rec, sheet, context)))</strong></p>")
    html.raw(
      "<p class=\"status\"><strong>\(escape(rec.status.label))</strong>"
        + "\(escape(String(DecisionText.statusLine(rec, sheet.answers).dropFirst(rec.status.label.count))))</p>"
    )
    html.raw("<dl>")
    if !DecisionText.hasNoDecision(rec) { html.pair("Timeframe", escape(rec.timeframe)) }
    html.pair(
      rec.imaging.count > 1 ? "Study order" : "Study",
      "<strong>\(escape(DecisionText.studyOrder(rec)))</strong>")
    if let deadline = Deadline.text(rec, clock: sheet.urgencyClock, now: context.generatedAt) {
      let overdue = Deadline.isOverdue(rec, clock: sheet.urgencyClock, now: context.generatedAt)
      html.raw(
        "<dt\(overdue ? " class=\"overdue\"" : "")>Deadline</dt>"
          + "<dd\(overdue ? " class=\"overdue\"" : "")><strong>\(escape(deadline))</strong></dd>")
    }
    let changing = DecisionText.studyChangingYes(sheet.answers)
    if !changing.isEmpty {
      html.pair(
        DocumentText.studyChangingLabel,
        "<strong>Yes:</strong> " + escape(changing.joined(separator: "; ")))
    }
    html.pair("MRI safety", escape(DecisionText.safetyScreen(sheet.answers, rec)))
    for item in rec.stops {
      var entry = escape(item.message)
      if let before = item.before {
        entry += "<br><strong>Before the scan:</strong> \(escape(before))"
      }
      html.raw("<dt class=\"stop\">STOP</dt><dd class=\"stop\">\(entry)</dd>")
    }
    html.pair(
      DocumentText.missingHeading, escape(DecisionText.stillUnknownText(sheet.answers, rec)))
    if !rec.alternatives.isEmpty {
      let items = rec.alternatives.map {
        "<li>\(escape($0.study.displayName)): \(escape($0.when))</li>"
      }
      html.pair("Alternatives", "<ul>" + items.joined() + "</ul>")
    }
    html.raw("</dl>")
    html.raw("</section>")

    // Why: the rules behind the decision, in words.
    html.raw("<section class=\"rules\" aria-labelledby=\"rules-title\">")
    html.raw("<h2 id=\"rules-title\">Why: rules that fired</h2>")
    html.raw("<ol>")
    for fired in rec.reasons {
      let rule = fired.rule
      var entry =
        "<li><strong>\(escape(rule.id))</strong> \(escape(DocumentText.ruleUrgency(rule)))"
        + " \(escape(rule.title))<br><span class=\"source\">Source: \(escape(rule.source))</span>"
      if !fired.evidenceLabels.isEmpty {
        entry +=
          "<br><span class=\"findings\">Because: "
          + "\(escape(fired.evidenceLabels.joined(separator: "; ")))</span>"
      }
      if let note = rule.note { entry += "<br><span class=\"note\">Note: \(escape(note))</span>" }
      html.raw(entry + "</li>")
    }
    html.raw("</ol>")
    html.raw("</section>")

    // MRI safety.
    html.raw("<section class=\"safety\" aria-labelledby=\"safety-title\">")
    html.raw("<h2 id=\"safety-title\">MRI safety</h2>")
    if rec.safety.isEmpty {
      html.raw("<p>\(escape(DocumentText.noSafetyItems))</p>")
    } else {
      html.raw("<ul>")
      for item in rec.safety {
        var entry =
          "<li class=\"level-\(escape(item.level.rawValue))\">"
          + "<strong>\(escape(DocumentText.level(item.level)))</strong>: \(escape(item.message))"
        if let before = item.before {
          entry +=
            "<br><span class=\"before\"><strong>Before the scan:</strong> \(escape(before))</span>"
        }
        entry += "<br><span class=\"source\">Source: \(escape(item.source))</span></li>"
        html.raw(entry)
      }
      html.raw("</ul>")
    }
    html.raw("</section>")

    // Safety net.
    if !rec.safetyNet.isEmpty {
      html.raw("<section class=\"safety-net\" aria-labelledby=\"safety-net-title\">")
      html.raw("<h2 id=\"safety-net-title\">Safety-net advice</h2>")
      html.raw("<ul>")
      for advice in rec.safetyNet { html.raw("<li>\(escape(advice))</li>") }
      html.raw("</ul>")
      html.raw("</section>")
    }

    // Answers, in words.
    html.raw("<section class=\"answers\" aria-labelledby=\"answers-title\">")
    html.raw("<h2 id=\"answers-title\">Answers</h2>")
    html.raw("<p class=\"legend\">\(escape(DocumentText.answersLegend))</p>")
    for screen in QuestionScreen.allCases {
      let questions = QuestionCatalogue.questions(on: screen).filter {
        Visibility.isListed($0.finding, in: sheet.answers)
      }
      guard !questions.isEmpty else { continue }
      html.raw("<h3>\(escape(screen.title))</h3>")
      html.raw("<dl class=\"answers\">")
      // As in the text: Yes, No, Not done, Not asked, Not assessed; every question once.
      for answer in RecordedAnswer.allCases {
        let entries = questions.filter { sheet.recorded($0.finding) == answer }.map {
          escape($0.label)
        }
        guard !entries.isEmpty else { continue }
        html.raw(
          "<dt class=\"a-\(answer.rawValue)\">\(escape(answer.shortWords))</dt>"
            + "<dd class=\"a-\(answer.rawValue)\">\(entries.joined(separator: "; "))</dd>")
      }
      html.raw("</dl>")
    }
    html.raw("</section>")

    // Answers given in bulk ("No to the rest"): which, and when.
    if !sheet.bulk.isEmpty {
      html.raw("<section class=\"bulk\" aria-labelledby=\"bulk-title\">")
      html.raw("<h2 id=\"bulk-title\">\(escape(BulkText.heading))</h2>")
      html.raw("<ul>")
      for record in sheet.bulk { html.raw("<li>\(escape(BulkText.sentence(record)))</li>") }
      html.raw("</ul>")
      html.raw("</section>")
    }

    // Numbers.
    html.raw("<section class=\"numbers\" aria-labelledby=\"numbers-title\">")
    html.raw("<h2 id=\"numbers-title\">Numbers</h2>")
    html.raw("<dl class=\"ident\">")
    for (label, value) in DocumentText.numbers(sheet.answers) {
      html.pair(label, value == DocumentText.notRecorded ? notRecorded : escape(value))
    }
    html.raw("</dl>")
    html.raw("</section>")

    // Where the advice differs from the source article (only for rules that fired).
    let differences = rec.seedDifferences
    if !differences.isEmpty {
      html.raw("<section class=\"differences\" aria-labelledby=\"differences-title\">")
      html.raw("<h2 id=\"differences-title\">\(escape(DocumentText.differencesHeading))</h2>")
      html.raw("<ul>")
      for text in differences { html.raw("<li>\(escape(text))</li>") }
      html.raw("</ul>")
      html.raw("</section>")
    }

    // Disclaimer and signature.
    html.raw("<p class=\"disclaimer\"><strong>\(escape(TextReport.disclaimer))</strong></p>")
    html.raw(
      "<p class=\"program\">\(program), rule set \(escape(rec.ruleset)).</p>")
    html.raw("<section class=\"signature\" aria-label=\"Signature\">")
    html.raw("<p>Clinician: \(escape(DocumentText.signatureName(sheet.clinician)))</p>")
    html.raw("<p>\(escape(DocumentText.signatureLine))</p>")
    html.raw("</section>")
    html.raw("</main>")
    html.raw("</body>")
    html.raw("</html>")
    return html.output
  }

  /// The document's Content-Security-Policy: no script of any kind, nothing fetched from
  /// anywhere (the styles are inline), no form, no base URL, no frame.
  public static let contentSecurityPolicy =
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'none';"
    + " font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none';"
    + " frame-src 'none'; base-uri 'none'; form-action 'none'"

  /// `text` escaped for HTML text and double- or single-quoted attribute values.
  public static func escape(_ text: String) -> String {
    // By Unicode scalar, never by Character: a grapheme cluster can glue a prepended mark
    // (U+0600, U+0D4E) to "<" and hide it from a comparison of whole characters.
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out.append(contentsOf: "&amp;".unicodeScalars)
      case "<": out.append(contentsOf: "&lt;".unicodeScalars)
      case ">": out.append(contentsOf: "&gt;".unicodeScalars)
      case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
      case "'": out.append(contentsOf: "&#39;".unicodeScalars)
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// `text` as the body of a double-quoted CSS string inside a `<style>` element: quotes and
  /// backslashes escaped, and `<`, `>` and control characters written as code points so the
  /// text can never close the element.
  static func cssString(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"", "\\": out += "\\" + String(scalar)
      case "<", ">", "&":
        out += "\\" + String(scalar.value, radix: 16) + " "
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        out += "\\" + String(scalar.value, radix: 16) + " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private static let notRecorded = "<span class=\"not-recorded\">not recorded</span>"

  /// A typed identifier or name, escaped, or "not recorded".
  private static func recorded(_ text: String?) -> String {
    DocumentText.typed(text).map(escape) ?? notRecorded
  }

  // MARK: Style

  /// The stylesheet: screen and print. Colours only reinforce what the words and borders say.
  static func stylesheet(sheet: AnswerSheet, context: DocumentContext, paper: PaperSize) -> String {
    let size: String
    switch paper {
    case .any: size = "auto"
    case .a4: size = "A4 portrait"
    case .letter: size = "letter portrait"
    }
    let patient = DocumentText.headerPatient(sheet)
    let running = cssString("\(patient) | consultation \(context.consultationID)")
    return """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { margin: 0 auto; padding: 8mm; max-width: 190mm; color: #000; background: #fff;
        font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans",
          sans-serif;
        font-size: 10pt; line-height: 1.3; }
      h1 { font-size: 15pt; margin: 0 0 2mm; }
      h2 { font-size: 11pt; margin: 3.5mm 0 1.5mm; padding-bottom: 0.5mm;
        border-bottom: 0.4mm solid #000; break-after: avoid; page-break-after: avoid; }
      h3 { font-size: 9.5pt; margin: 2mm 0 0.5mm; break-after: avoid; page-break-after: avoid; }
      code { font-family: "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace;
        font-size: 0.85em; }
      dl { margin: 0; }
      dl.ident { display: grid; grid-template-columns: max-content 1fr max-content 1fr;
        gap: 0.5mm 3mm; }
      dt { font-weight: bold; }
      dd { margin: 0; }
      .not-recorded { font-style: italic; }
      .legend { margin: 0 0 1mm; font-size: 8.5pt; font-style: italic; }
      dl.answers { display: grid; grid-template-columns: 22mm 1fr; gap: 0.6mm 2mm; font-size: 8.5pt;
        line-height: 1.25; }
      dl.answers dd { padding-bottom: 0.6mm; border-bottom: 0.2mm dotted #888; }
      dl.answers code { font-size: 0.9em; color: #333; }
      dl.answers .a-yes { font-weight: bold; }
      dl.answers dd.a-yes code { font-weight: normal; }
      dl.answers dt.a-not-assessed, dl.answers dt.a-not-asked { font-weight: normal; font-style: italic; }
      dl.answers dt.a-not-done { font-weight: bold; }
      section.recommendation { margin: 4mm 0; padding: 2.5mm 4mm; border: 1.6mm solid #000;
        break-inside: avoid; page-break-inside: avoid; }
      section.recommendation h2 { margin-top: 0; border: none; font-size: 10pt;
        text-transform: uppercase; }
      section.recommendation .label { margin: 0 0 2mm; font-size: 20pt; letter-spacing: 0.04em; }
      section.recommendation dl { display: grid; grid-template-columns: max-content 1fr;
        gap: 0.8mm 4mm; }
      section.recommendation ul { margin: 0; padding-left: 4mm; }
      .urgency-emergency section.recommendation { border-style: double; border-width: 3mm;
        border-color: #b00020; background: #fdecee; }
      .urgency-urgent section.recommendation { border-color: #b34700; background: #fff0e3; }
      .urgency-soon section.recommendation { border-color: #8a6400; background: #fff8d6; }
      .urgency-routine section.recommendation { border-color: #1d4f91; background: #eaf1fb; }
      .urgency-none section.recommendation { border-color: #1b6e37; background: #e8f5ec; }
      section.recommendation .status { margin: 0 0 2mm; padding: 1mm 2mm; border: 0.4mm solid #000;
        background: #fff; font-size: 10.5pt; }
      section.recommendation dt.stop, section.recommendation dd.stop { color: #b00020;
        font-weight: bold; }
      section.recommendation dd.stop { color: #000; font-weight: normal; }
      section.recommendation dt.overdue { color: #b00020; }
      section.recommendation dd.overdue strong { font-size: 11pt; }
      /* Provisional: never the settled look (dashed border; no-imaging not green). */
      .status-provisional:not(.urgency-emergency) section.recommendation { border-style: dashed; }
      .status-provisional.urgency-none section.recommendation { border-color: #8a6400;
        background: #fff8d6; }
      /* Incomplete: no decision yet, grey and dashed, never the green no-imaging box. */
      .status-incomplete section.recommendation { border-style: dashed; border-color: #555;
        background: #eee; }
      .note { font-size: 8.5pt; font-style: italic; }
      .program { font-size: 8pt; margin: 0 0 2mm; }
      section.rules ol, section.safety ul, section.safety-net ul { margin: 0; padding-left: 6mm; }
      section.rules li, section.safety li { margin-bottom: 1mm; break-inside: avoid;
        page-break-inside: avoid; }
      .source, .findings { font-size: 8.5pt; }
      section.safety li.level-stop { border-left: 1.6mm solid #b00020; padding-left: 2mm;
        background: #fdecee; list-style: none; margin-left: -4mm; }
      .disclaimer { margin: 4mm 0 2mm; padding: 1.5mm 2mm; border: 0.3mm solid #000; font-size: 9pt;
        break-after: avoid; page-break-after: avoid; }
      section.signature { margin-top: 6mm; break-inside: avoid; page-break-inside: avoid; }
      section.signature p { margin: 0 0 3mm; }
      @media print {
        /* A4 is 210 x 297 mm and US Letter 216 x 279 mm: with these margins the content is laid
           out for the area both share (186 x 255 mm), so it prints unscaled on either paper. */
        @page {
          size: \(size);
          margin: 13mm 15mm 11mm 15mm;
          @top-left { content: "\(running)"; font: 8pt sans-serif; }
          @top-right { content: "page " counter(page) " of " counter(pages); font: 8pt sans-serif; }
        }
        body { max-width: none; padding: 0; font-size: 9pt; }
        h1 { font-size: 13pt; margin-bottom: 1.5mm; }
        h2 { font-size: 10pt; margin: 2.5mm 0 1mm; }
        dl.answers { font-size: 8pt; }
        section.recommendation { margin: 3mm 0; }
        section.recommendation .label { font-size: 18pt; margin-bottom: 1mm; }
        .disclaimer { margin: 3mm 0 1mm; }
        section.signature { margin-top: 4mm; }
      }
      """
  }
}

/// Collects the lines of an HTML document.
private struct HTMLBuilder {
  private(set) var output = ""

  /// Appends markup as is, with a newline.
  mutating func raw(_ markup: String) {
    output += markup
    output += "\n"
  }

  /// Appends a `<dt>`/`<dd>` pair; `label` is escaped, `value` is markup.
  mutating func pair(_ label: String, _ value: String) {
    raw("<dt>\(SummaryHTML.escape(label))</dt><dd>\(value)</dd>")
  }
}
