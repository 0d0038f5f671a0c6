import Foundation
import Testing
import TriageEngine
import TriageFormats

@Suite("SummaryHTML")
struct SummaryHTMLTests {
  let context = DocumentFixtures.context

  func render(
    _ fixture: DocumentFixtures.Case, context: DocumentContext = DocumentFixtures.context,
    paper: PaperSize = .any
  ) -> String {
    SummaryHTML.render(
      sheet: fixture.sheet, recommendation: fixture.recommendation, context: context,
      paper: paper)
  }

  /// Each document's snapshot leaves its stylesheet out (the same for every document, but for
  /// the running page header, which names the patient and is kept in the document's snapshot);
  /// the stylesheet is snapshotted once, as `summary-stylesheet.css`.
  @Test("snapshot", arguments: DocumentFixtures.all)
  func snapshot(_ fixture: DocumentFixtures.Case) throws {
    let (document, _) = try Self.splitStylesheet(render(fixture))
    DocumentSnapshot.check(document, named: "\(fixture.name).html")
  }

  @Test("one stylesheet for every document, snapshotted once")
  func stylesheetSnapshot() throws {
    let stylesheets = try DocumentFixtures.all.map {
      try Self.splitStylesheet(render($0)).stylesheet
    }
    #expect(Set(stylesheets).count == 1, "the documents' stylesheets differ beyond the page header")
    DocumentSnapshot.check(stylesheets[0], named: "summary-stylesheet.css")
  }

  /// The document with the body of its `<style>` element replaced by a note and the running
  /// header's line, and the stylesheet with that line's text replaced by `…`.
  static func splitStylesheet(_ html: String) throws -> (document: String, stylesheet: String) {
    let open = try #require(html.range(of: "<style>\n"))
    let close = try #require(html.range(of: "</style>", range: open.upperBound..<html.endIndex))
    let stylesheet = String(html[open.upperBound..<close.lowerBound])
    var lines = stylesheet.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let header = try #require(lines.firstIndex { $0.contains("@top-left { content: \"") })
    let kept = lines[header]
    let indent = kept.prefix { $0 == " " }
    lines[header] = indent + "@top-left { content: \"…\"; font: 8pt sans-serif; }"
    let document =
      html[..<open.upperBound] + "/* summary-stylesheet.css, with: */\n" + kept + "\n"
      + html[close.lowerBound...]
    return (String(document), lines.joined(separator: "\n"))
  }

  @Test("self-contained: no external resource of any kind", arguments: DocumentFixtures.all)
  func selfContained(_ fixture: DocumentFixtures.Case) {
    let html = render(fixture).lowercased()
    for forbidden in [
      "http://", "https://", "//", "<link", "<script", "<img", "<iframe", "<object", "<embed",
      "src=", "href=", "@import", "url(", "@font-face",
    ] {
      #expect(!html.contains(forbidden), "found \(forbidden)")
    }
  }

  @Test("HTML5 document with print CSS", arguments: DocumentFixtures.all)
  func document(_ fixture: DocumentFixtures.Case) {
    let html = render(fixture)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
    #expect(html.hasSuffix("</body>\n</html>\n"))
    #expect(
      html.contains(
        "<title>Spine imaging triage summary: \(DecisionText.label(fixture.recommendation))"))
    #expect(html.contains("@media print {"))
    #expect(html.contains("@page {"))
    #expect(html.contains("print-color-adjust: exact;"))
    #expect(html.contains("size: auto;"))
    #expect(html.contains("content: \"page \" counter(page) \" of \" counter(pages);"))
  }

  @Test("paper sizes A4 and Letter")
  func paper() {
    #expect(render(DocumentFixtures.emergency, paper: .a4).contains("size: A4 portrait;"))
    #expect(render(DocumentFixtures.emergency, paper: .letter).contains("size: letter portrait;"))
  }

  @Test("the recommendation: the label in bold inside a thick bordered box, coloured by urgency")
  func recommendationBox() {
    for fixture in DocumentFixtures.all {
      let html = render(fixture)
      let label = fixture.recommendation.label
      let status = fixture.recommendation.status.rawValue
      // An incomplete form has no urgency's colour and never its words ("no imaging now").
      let incomplete = fixture.recommendation.status == .incomplete
      #expect(
        html.contains(
          incomplete
            ? "<body class=\"status-incomplete\">"
            : "<body class=\"status-\(status) urgency-\(fixture.recommendation.urgency.id)\">"))
      #expect(
        html.contains(
          "<p class=\"label\"><strong>\(incomplete ? "INCOMPLETE: NO DECISION YET" : label)</strong></p>"
        ))
    }
    let html = render(DocumentFixtures.emergency)
    #expect(
      html.contains(
        "section.recommendation { margin: 4mm 0; padding: 2.5mm 4mm; border: 1.6mm solid #000;"))
    #expect(
      html.contains(
        ".urgency-emergency section.recommendation { border-style: double; border-width: 3mm;"))
    // A stop says STOP in words, not only in colour.
    #expect(
      render(DocumentFixtures.safetyStops).contains(
        "<li class=\"level-stop\"><strong>STOP</strong>: "))
    #expect(render(DocumentFixtures.safetyStops).contains("<dt class=\"stop\">STOP</dt>"))
  }

  @Test("user-provided text is escaped")
  func escaping() {
    let html = render(DocumentFixtures.emergency)
    #expect(
      html.contains(
        "<dt>Patient</dt><dd>A&amp;E-0042 &lt;triage&gt;, 45 years, sex not recorded</dd>"))
    #expect(html.contains("<dt>Clinician</dt><dd>Dr Siobhán O&#39;Neil &quot;SON&quot;</dd>"))
    #expect(!html.contains("<triage>"))

    let hostile = AnswerSheet(
      answers: DocumentFixtures.emergency.sheet.answers,
      patientID: "<script>alert(1)</script>", clinician: "\"><img src=x onerror=alert(1)>")
    let tricky = DocumentContext(
      programVersion: "1</title><script>", generatedAt: "\"><b>",
      consultationID: "x\"; } </style><script>alert(1)</script>")
    let out = SummaryHTML.render(
      sheet: hostile, recommendation: DocumentFixtures.emergency.recommendation,
      context: tricky)
    #expect(!out.contains("<script"))
    #expect(!out.contains("<img"))
    #expect(!out.contains("<b>"))
    #expect(out.components(separatedBy: "</style>").count == 2)
    #expect(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(SummaryHTML.escape("a&b<c>\"d'") == "a&amp;b&lt;c&gt;&quot;d&#39;")
  }

  @Test("the same content, in the same order, as the text summary")
  func order() {
    let html = render(DocumentFixtures.noImaging)
    let markers = [
      "<dt>Patient</dt><dd><span class=\"not-recorded\">not recorded", "<dt>Consultation</dt>",
      "<dt>Assessed</dt>", "<dt>Printed</dt>", "<dt>Clinician</dt>",
      "<h2 id=\"recommendation-title\">Decision</h2>", "<strong>NO IMAGING NOW</strong>",
      "<p class=\"status\"><strong>", "<dt>Timeframe</dt>", "<dt>Study</dt><dd><strong>none",
      "<dt>MRI safety</dt>", "<dt>Still unknown</dt>", "Why: rules that fired",
      "<strong>LBP-1</strong>", "Source: ACR", "Because: Low back pain", "MRI safety</h2>",
      "Safety-net advice</h2>", "<h2 id=\"answers-title\">Answers</h2>", "<h3>Patient</h3>",
      "<dt class=\"a-yes\">Yes</dt><dd class=\"a-yes\">Low back pain</dd>",
      "<dt class=\"a-no\">No</dt><dd class=\"a-no\">Neck pain;", "<h3>History</h3>",
      "<h3>Examination</h3>", "<h3>Neck trauma</h3>", "<h3>MRI safety</h3>",
      "<h2 id=\"numbers-title\">Numbers</h2>", "<dt>Age</dt><dd>30 years</dd>",
      "<dt>Sex</dt><dd>Male</dd>", "Decision support only", "SpineTriage 1.0.0, rule set",
      "<p>Clinician: ______", "Signature: ______",
    ]
    var position = html.startIndex
    for marker in markers {
      guard let range = html.range(of: marker, range: position..<html.endIndex) else {
        Issue.record("missing or out of order: \(marker)")
        continue
      }
      position = range.upperBound
    }
  }

  @Test("every question of the catalogue in the answers, by its label")
  func everyQuestion() {
    let html = render(DocumentFixtures.safetyStops)
    let answers = html.components(separatedBy: "<h2 id=\"answers-title\">")[1]
      .components(separatedBy: "<h2 id=\"numbers-title\">")[0]
    // (A question no longer asked appears only when an older record answered it.)
    for question in QuestionCatalogue.questions where question.shownWhen != .recordedOnly {
      let label = SummaryHTML.escape(question.label)
      let count =
        answers.components(separatedBy: ">\(label)<").count - 1
        + answers.components(separatedBy: ">\(label);").count - 1
        + answers.components(separatedBy: "; \(label)<").count - 1
        + answers.components(separatedBy: "; \(label);").count - 1
      #expect(count == 1, "\(question.label)")
      #expect(!html.contains("<code>\(question.id)</code>"))
    }
  }

  /// A regression (critical): the escape walked grapheme clusters, so a Prepend character (U+0600,
  /// U+0D4E, U+110BD...) glued to "<" hid it: `\u0d4e<svg onload=alert(1) \u0d4e>` ran script.
  /// Checked on the bytes (a `String` search would compare clusters too).
  @Test(
    "a Prepend character before < never hides it from the escape",
    arguments: [
      "\u{0D4E}", "\u{0600}", "\u{0605}", "\u{06DD}", "\u{110BD}", "\u{0300}", "\u{200D}",
    ])
  func prependCharacter(mark: String) {
    let payload = "\(mark)<svg onload=alert(1) \(mark)>\(mark)&\(mark)\"\(mark)'"
    let hostile = AnswerSheet(
      answers: DocumentFixtures.emergency.sheet.answers, patientID: payload, clinician: payload)
    let out = SummaryHTML.render(
      sheet: hostile, recommendation: DocumentFixtures.emergency.recommendation,
      context: context)
    let bytes = Array(out.utf8)
    func contains(_ needle: String) -> Bool {
      let n = Array(needle.utf8)
      return bytes.indices.contains { start in
        start + n.count <= bytes.count && bytes[start..<(start + n.count)].elementsEqual(n)
      }
    }
    #expect(!contains("<svg"))
    #expect(contains("&lt;svg onload=alert(1) \(mark)&gt;"))
    let escaped = Array(SummaryHTML.escape(payload).unicodeScalars)
    #expect(!escaped.contains { "<>\"'".unicodeScalars.contains($0) })
  }

  /// A Content-Security-Policy `<meta>` forbids every script and every outside resource.
  @Test(
    "a Content-Security-Policy forbids scripts and outside resources",
    arguments: DocumentFixtures.all)
  func contentSecurityPolicy(_ fixture: DocumentFixtures.Case) {
    let html = render(fixture)
    let policy = SummaryHTML.contentSecurityPolicy
    #expect(
      html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">"))
    for directive in [
      "default-src 'none'", "script-src 'none'", "object-src 'none'", "base-uri 'none'",
      "form-action 'none'", "img-src 'none'", "connect-src 'none'",
    ] {
      #expect(policy.contains(directive))
    }
    #expect(!policy.contains("unsafe-eval"))
    #expect(!policy.contains("http"))
    // The policy comes first in <head>, before any content.
    let head = html.components(separatedBy: "<title>")[0]
    #expect(head.contains("Content-Security-Policy"))
  }
}
