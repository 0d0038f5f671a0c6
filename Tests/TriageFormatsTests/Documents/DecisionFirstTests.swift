import Foundation
import Testing
import TriageEngine

@testable import TriageFormats

/// The four decision-first consultations, each with the moment its urgency was reached: the text
/// and HTML summaries open with the decision, say FINAL, PROVISIONAL or INCOMPLETE, give the
/// deadline as a clock time, and never show a finding identifier.
@Suite("Decision first")
struct DecisionFirstTests {
  static let context = DocumentFixtures.context
  static let cases = DocumentFixtures.decisions

  static func text(_ fixture: DocumentFixtures.Case) -> String {
    SummaryText.render(
      sheet: fixture.sheet, recommendation: fixture.recommendation, context: context)
  }

  static func html(_ fixture: DocumentFixtures.Case, paper: PaperSize = .any) -> String {
    SummaryHTML.render(
      sheet: fixture.sheet, recommendation: fixture.recommendation, context: context,
      paper: paper)
  }

  /// The lines of page 1 after the header.
  func firstPage(_ fixture: DocumentFixtures.Case) -> [Substring] {
    let page = Self.text(fixture).split(separator: "\u{0C}")[0]
    return page.split(separator: "\n", omittingEmptySubsequences: false)
  }

  @Test(
    "page 1 opens with who, the decision, its status, the studies, the deadline", arguments: cases)
  func decisionFirst(_ fixture: DocumentFixtures.Case) throws {
    let lines = firstPage(fixture)
    let rec = fixture.recommendation
    let words = DecisionText.patientWords(patientID: nil, answers: fixture.sheet.answers)
    let patient =
      fixture.sheet.patientID.map { "Patient: \($0), \(words)" } ?? "Patient not recorded, \(words)"
    #expect(lines[0].hasPrefix(patient))
    #expect(lines[1].hasPrefix("Consultation \(Self.context.consultationID)"))
    // The decision block comes before the first answer and the first rule.
    let decision = try #require(lines.firstIndex { $0.hasPrefix("DECISION:") })
    let answers = lines.firstIndex { $0 == "ANSWERS" } ?? lines.count
    let why = lines.firstIndex { $0.hasPrefix("WHY:") } ?? lines.count
    #expect(decision < 14)
    #expect(decision < answers && decision < why)
    let block = lines[decision...].prefix { !$0.hasPrefix("WHY:") && $0 != "ANSWERS" }
      .joined(separator: "\n")
    #expect(block.contains("Status:         \(rec.status.label)"))
    #expect(block.contains("MRI safety:"))
    #expect(block.contains("Still unknown:"))
    if !rec.stops.isEmpty { #expect(block.contains("STOP:")) }
    if rec.status == .incomplete {
      #expect(lines[decision].contains("INCOMPLETE"))
      #expect(!block.contains("NO IMAGING NOW"))
    }
  }

  @Test("the deadline is a clock time with its basis")
  func deadline() {
    let text = Self.text(DocumentFixtures.emergency).replacingOccurrences(
      of: "\n                ", with: " ")
    #expect(text.contains("MRI by 21:21 today, 4 hours from 17:21, when the urgency was reached"))
    let stops = Self.text(DocumentFixtures.safetyStops).replacingOccurrences(
      of: "\n                ", with: " ")
    #expect(stops.contains("by 09:05 on Sun 6 Dec 2026, 1 week from 09:05 on Sun 29 Nov 2026"))
  }

  @Test("status and MRI-safety screen state everywhere")
  func statusEverywhere() {
    let provisional = DocumentFixtures.provisional.recommendation
    #expect(provisional.status == .provisional)
    let outputs = [
      Self.text(DocumentFixtures.provisional), Self.html(DocumentFixtures.provisional),
      TextReport.string(provisional, answers: DocumentFixtures.provisional.sheet.answers),
    ]
    for output in outputs {
      #expect(output.contains("PROVISIONAL"))
      #expect(output.contains("11 of 11 unanswered (not screened)"))
    }
    let stops = Self.text(DocumentFixtures.safetyStops) + Self.html(DocumentFixtures.safetyStops)
    #expect(stops.contains("2 STOP"))
  }

  @Test("an incomplete form is never the green no-imaging box")
  func incompleteIsNotGreen() {
    let html = Self.html(DocumentFixtures.incomplete)
    #expect(html.contains("<body class=\"status-incomplete\">"))
    #expect(!html.contains("<body class=\"status-incomplete urgency"))
    #expect(html.contains("INCOMPLETE: NO DECISION YET"))
    #expect(!Self.text(DocumentFixtures.incomplete).contains("NO IMAGING NOW"))
    let report = TextReport.string(DocumentFixtures.incomplete.recommendation, answers: Answers())
    #expect(!report.contains("NO IMAGING NOW"))
  }

  @Test("incomplete never hides an urgency: a red flag without a complaint shows EMERGENCY")
  func incompleteEmergency() {
    let sheet = AnswerSheet(answers: DocumentFixtures.answers(["saddle_anesthesia": .yes]))
    let rec = TriageEngine.evaluate(sheet.answers)
    #expect(rec.urgency == .emergency)
    let text = SummaryText.render(sheet: sheet, recommendation: rec, context: Self.context)
    #expect(text.contains("DECISION:       EMERGENCY"))
    let html = SummaryHTML.render(sheet: sheet, recommendation: rec, context: Self.context)
    #expect(html.contains("urgency-emergency"))
    #expect(TextReport.string(rec).hasPrefix("RECOMMENDATION  EMERGENCY"))
  }

  @Test("every page carries the patient, the consultation and page x of y", arguments: cases)
  func pageHeaders(_ fixture: DocumentFixtures.Case) {
    let pages = Self.text(fixture).split(separator: "\u{0C}")
    let words = DecisionText.patientWords(patientID: nil, answers: fixture.sheet.answers)
    let patient =
      fixture.sheet.patientID.map { "Patient: \($0), \(words)" } ?? "Patient not recorded, \(words)"
    for (index, page) in pages.enumerated() {
      let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines[0].hasPrefix(patient))
      #expect(lines[1].hasPrefix("Consultation \(Self.context.consultationID)"))
      #expect(lines[1].hasSuffix("page \(index + 1) of \(pages.count)"))
      #expect(lines.count - 1 <= SummaryText.pageLength)
      for line in lines { #expect(line.count <= SummaryText.width, "too wide: \(line)") }
    }
    // HTML: the running header of every printed page.
    let html = Self.html(fixture)
    #expect(
      html.contains("@top-left { content: \"\(SummaryHTML.cssString(patient)) | consultation"))
    #expect(html.contains("\"page \" counter(page) \" of \" counter(pages)"))
  }

  @Test("the closing section on the source article only when a rule that fired has one")
  func differences() {
    for fixture in Self.cases {
      let rec = fixture.recommendation
      let text = Self.text(fixture)
      #expect(
        text.contains("WHERE THIS ADVICE DIFFERS FROM THE ICLINIQ ARTICLE THIS AID STARTED FROM")
          == !rec.seedDifferences.isEmpty)
      #expect(!text.contains("reference D"), "a working note in \(fixture.name)")
    }
  }
}

/// Words for people: no finding identifier (snake_case contract key) in anything a clinician
/// reads. Single-word identifiers such as `steroids` are ordinary words and are not searched.
@Suite("No identifiers for people")
struct NoIdentifierTests {
  /// Every identifier with an underscore: findings and the numeric inputs.
  static let identifiers =
    QuestionCatalogue.questions.map(\.id).filter { $0.contains("_") }
    + ["symptom_weeks", "conservative_weeks", "patient_id", "consultation_id"]

  /// The identifiers that appear in `text` as whole words.
  static func leaks(in text: String) -> [String] {
    identifiers.filter { id in
      var search = text[...]
      while let range = search.range(of: id) {
        let before =
          range.lowerBound == text.startIndex ? " " : text[text.index(before: range.lowerBound)]
        let after = range.upperBound == text.endIndex ? " " : text[range.upperBound]
        let isWord: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "_" }
        if !isWord(before) && !isWord(after) { return true }
        search = text[range.upperBound...]
      }
      return false
    }
  }

  /// Answers with every finding yes, every finding no, half and half, and the fixtures.
  static let answerSets: [Answers] = {
    var all = Answers(age: 70, sex: .female, symptomWeeks: 8, conservativeWeeks: 6)
    var none = Answers(age: 30, sex: .male, symptomWeeks: 1, conservativeWeeks: 0)
    var half = Answers()
    for (index, finding) in Finding.allCases.enumerated() {
      all[finding] = .yes
      none[finding] = .no
      if index % 2 == 0 { half[finding] = .yes }
    }
    var neck = Answers(age: 40)
    for id in ["pain_neck", "trauma_major", "midline_tenderness", "xray_opll"] {
      if let finding = Finding(id: id) { neck[finding] = .yes }
    }
    return [all, none, half, neck, Answers()]
      + DocumentFixtures.all.map(\.sheet.answers)
  }()

  @Test(
    "text report, summaries in text and HTML: no finding identifier",
    arguments: NoIdentifierTests.answerSets.indices)
  func noLeaks(_ index: Int) {
    let answers = Self.answerSets[index]
    let rec = TriageEngine.evaluate(answers)
    let sheet = AnswerSheet(
      answers: answers, patientID: "P-1",
      urgencyClock: UrgencyClock(urgency: rec.urgency, reachedAt: "2026-11-29T17:21:00+01:00"))
    let context = DocumentFixtures.context
    let html = SummaryHTML.render(sheet: sheet, recommendation: rec, context: context)
    // HTML: what a reader sees (the text between tags).
    var visible = ""
    var inTag = false
    for character in html {
      if character == "<" {
        inTag = true
      } else if character == ">" {
        inTag = false
        visible.append(" ")
      } else if !inTag {
        visible.append(character)
      }
    }
    let outputs = [
      ("text report", TextReport.string(rec, answers: answers, clock: sheet.urgencyClock)),
      ("text summary", SummaryText.render(sheet: sheet, recommendation: rec, context: context)),
      ("HTML summary", visible),
    ]
    for (name, output) in outputs {
      #expect(
        Self.leaks(in: output).isEmpty, "\(name) shows identifiers: \(Self.leaks(in: output))")
    }
  }

  @Test("the leak check finds an identifier (it can fail)")
  func detectorWorks() {
    #expect(
      Self.leaks(in: "Because: saddle_anesthesia, urinary_retention")
        == [
          "saddle_anesthesia", "urinary_retention",
        ].filter { Self.identifiers.contains($0) })
    #expect(!Self.leaks(in: "Because: saddle_anesthesia").isEmpty)
    #expect(Self.leaks(in: "Saddle numbness").isEmpty)
  }
}

@Suite("Urgency clock")
struct UrgencyClockTests {
  @Test("starts at the first urgency, restarts when it goes up, never moves otherwise")
  func policy() {
    var clock = UrgencyClock.updated(nil, urgency: .none, now: "2026-11-29T17:00:00+00:00")
    #expect(clock == nil)
    clock = UrgencyClock.updated(clock, urgency: .soon, now: "2026-11-29T17:05:00+00:00")
    #expect(clock == UrgencyClock(urgency: .soon, reachedAt: "2026-11-29T17:05:00+00:00"))
    clock = UrgencyClock.updated(clock, urgency: .soon, now: "2026-11-29T17:10:00+00:00")
    #expect(clock?.reachedAt == "2026-11-29T17:05:00+00:00")
    clock = UrgencyClock.updated(clock, urgency: .emergency, now: "2026-11-29T17:21:00+00:00")
    #expect(clock == UrgencyClock(urgency: .emergency, reachedAt: "2026-11-29T17:21:00+00:00"))
    // Later edits, a lower urgency, even no imaging: the moment stays.
    for (urgency, now) in [
      (Urgency.urgent, "2026-11-29T17:30:00+00:00"), (.none, "2026-11-29T17:31:00+00:00"),
      (.emergency, "2026-11-29T17:40:00+00:00"),
    ] {
      clock = UrgencyClock.updated(clock, urgency: urgency, now: now)
      #expect(clock?.reachedAt == "2026-11-29T17:21:00+00:00")
    }
  }

  @Test("noteUrgency follows the answers")
  func sheet() {
    var sheet = AnswerSheet()
    sheet.noteUrgency(now: "2026-11-29T17:00:00+00:00")
    #expect(sheet.urgencyClock == nil)
    sheet.answers[Finding(id: "saddle_anesthesia")!] = .yes
    sheet.noteUrgency(now: "2026-11-29T17:21:00+00:00")
    #expect(sheet.urgencyClock?.urgency == .emergency)
    sheet.patientID = "X"
    sheet.noteUrgency(now: "2026-11-29T18:00:00+00:00")
    #expect(sheet.urgencyClock?.reachedAt == "2026-11-29T17:21:00+00:00")
  }

  @Test("deadline text: same day, next day across midnight and a month, offsets, not recorded")
  func deadlineText() throws {
    let ces = TriageEngine.evaluate(
      DocumentFixtures.answers(["pain_low_back": .yes, "saddle_anesthesia": .yes]))
    try #require(ces.timeframeHours == 4)
    func text(_ at: String, now: String?) -> String? {
      Deadline.text(ces, clock: UrgencyClock(urgency: .emergency, reachedAt: at), now: now)
    }
    #expect(
      text("2026-11-29T17:21:00+00:00", now: "2026-11-29T17:30:00+00:00")
        == "MRI by 21:21 today, 4 hours from 17:21, when the urgency was reached")
    #expect(
      text("2026-11-30T22:15:09-05:00", now: "2026-11-30T22:20:00-05:00")
        == "MRI by 02:15 on Tue 1 Dec 2026, 4 hours from 22:15 on Mon 30 Nov 2026, when the urgency was reached"
    )
    #expect(
      text("2028-02-28T23:00:00Z", now: "2028-02-28T23:01:00Z")?.contains("on Tue 29 Feb 2028")
        == true)
    #expect(
      Deadline.short(
        ces, clock: UrgencyClock(urgency: .emergency, reachedAt: "2026-11-29T17:21:00+01:00"),
        now: "2026-11-29T17:22:00+01:00")
        == "by 21:21")
    #expect(Deadline.text(ces, clock: nil, now: nil)?.contains("not recorded") == true)
    let none = TriageEngine.evaluate(Answers())
    #expect(Deadline.text(none, clock: nil, now: nil) == nil)
  }

  @Test("kept in the answers file: round trip, and bad values name the key")
  func codec() throws {
    let sheet = AnswerSheet(
      answers: DocumentFixtures.answers(["saddle_anesthesia": .yes]),
      urgencyClock: UrgencyClock(urgency: .emergency, reachedAt: "2026-11-29T17:21:00+00:00"))
    let json = AnswersCodec.encode(sheet)
    #expect(json.contains("\"urgency_reached\""))
    let back = try AnswersCodec.decode(Array(json.utf8))
    #expect(back.urgencyClock == sheet.urgencyClock)
    let bad = [
      #"{"urgency_reached": {"urgency": "soonish", "at": "2026-11-29T17:21:00+00:00"}}"#,
      #"{"urgency_reached": {"urgency": "soon", "at": "yesterday"}}"#,
      #"{"urgency_reached": {"urgency": "soon"}}"#,
      #"{"urgency_reached": {"urgency": "soon", "at": "2026-11-29T17:21:00Z", "x": 1}}"#,
      #"{"urgency_reached": "2026-11-29T17:21:00Z"}"#,
    ]
    for document in bad {
      #expect(throws: AnswersError.self) { try AnswersCodec.decode(Array(document.utf8)) }
      do {
        _ = try AnswersCodec.decode(Array(document.utf8))
      } catch let error as AnswersError {
        #expect(error.key.hasPrefix("urgency_reached"))
      }
    }
  }
}
