import Testing
import TriageEngine
import TriageFormats

/// Issue 18 (records): a deadline is dated and says OVERDUE once passed, in every output; the
/// assessment time is printed apart from the print time; page 1 carries the dangers (age and
/// sex, the "yes" answers that change how the study is done, what is still unknown).
@Suite("The record tells the truth")
struct RecordTruthTests {
  /// Suspected cauda equina syndrome: MRI within 4 hours.
  static let ces = TriageEngine.evaluate(
    DocumentFixtures.answers(["pain_low_back": .yes, "saddle_anesthesia": .yes]))
  static let reached = UrgencyClock(urgency: .emergency, reachedAt: "2026-12-01T07:11:00+00:00")

  // MARK: Deadlines

  @Test("a deadline today gives the time and says today; ahead on another day gives the date")
  func ahead() {
    #expect(
      Deadline.standing(Self.ces, clock: Self.reached, now: "2026-12-01T08:00:00+00:00")
        == .today)
    #expect(
      Deadline.text(Self.ces, clock: Self.reached, now: "2026-12-01T08:00:00+00:00")
        == "MRI by 11:11 today, 4 hours from 07:11, when the urgency was reached")
    // Reached late in the evening: due tomorrow, dated.
    let evening = UrgencyClock(urgency: .emergency, reachedAt: "2026-12-01T22:30:00+00:00")
    #expect(
      Deadline.short(Self.ces, clock: evening, now: "2026-12-01T22:31:00+00:00")
        == "by Wed 2 Dec 02:30")
    #expect(
      Deadline.text(Self.ces, clock: evening, now: "2026-12-01T22:31:00+00:00")?.hasPrefix(
        "MRI by 02:30 on Wed 2 Dec 2026, 4 hours from 22:30 on Tue 1 Dec 2026") == true)
  }

  @Test("a passed deadline says OVERDUE with its date and how long ago, never 'by 11:11'")
  func overdue() throws {
    let now = "2026-12-02T07:30:00+00:00"
    #expect(Deadline.isOverdue(Self.ces, clock: Self.reached, now: now))
    let text = try #require(Deadline.text(Self.ces, clock: Self.reached, now: now))
    #expect(
      text
        == "OVERDUE: MRI was due by 11:11 on Tue 1 Dec 2026, 20 hours ago (4 hours from 07:11"
        + " on Tue 1 Dec 2026, when the urgency was reached)")
    #expect(
      Deadline.short(Self.ces, clock: Self.reached, now: now) == "OVERDUE since Tue 1 Dec 11:11")
    // Passed the same day: the time alone, in minutes.
    #expect(
      Deadline.short(Self.ces, clock: Self.reached, now: "2026-12-01T11:40:00+00:00")
        == "OVERDUE since 11:11")
    #expect(
      Deadline.text(Self.ces, clock: Self.reached, now: "2026-12-01T11:40:00+00:00")?.contains(
        "29 minutes ago") == true)
    // Exactly at the deadline it is not yet overdue; a minute later it is.
    #expect(!Deadline.isOverdue(Self.ces, clock: Self.reached, now: "2026-12-01T11:11:00+00:00"))
    #expect(Deadline.isOverdue(Self.ces, clock: Self.reached, now: "2026-12-01T11:12:00+00:00"))
  }

  @Test("the moment and now may be in different offsets: compared as instants")
  func offsets() {
    // 07:11 UTC + 4 h = 11:11 UTC = 12:11 +01:00; at 12:00 +01:00 it is still ahead.
    #expect(
      Deadline.standing(Self.ces, clock: Self.reached, now: "2026-12-01T12:00:00+01:00")
        == .today)
    #expect(Deadline.isOverdue(Self.ces, clock: Self.reached, now: "2026-12-01T12:12:00+01:00"))
    // 23:30 -05:00 on 30 Nov is 04:30 UTC on 1 Dec: the deadline (11:11 UTC) is on "today".
    #expect(
      Deadline.standing(Self.ces, clock: Self.reached, now: "2026-12-01T06:00:00-05:00")
        == .today)
  }

  @Test("without the time it is read, the date is always given")
  func unknownNow() {
    #expect(
      Deadline.text(Self.ces, clock: Self.reached, now: nil)?.hasPrefix(
        "MRI by 11:11 on Tue 1 Dec 2026") == true)
    #expect(Deadline.short(Self.ces, clock: Self.reached, now: nil) == "by Tue 1 Dec 11:11")
  }

  /// The CES sheet of the outputs below: reached yesterday, printed today.
  static var overdueSheet: AnswerSheet {
    AnswerSheet(
      answers: DocumentFixtures.answers(
        age: 45, sex: .female, ["pain_low_back": .yes, "saddle_anesthesia": .yes]),
      patientID: "MRN 5520", urgencyClock: reached, assessedAt: "2026-12-01T07:14:30+00:00")
  }
  static let printedNextDay = DocumentContext(
    programVersion: "1.0.0", generatedAt: "2026-12-02T07:30:00+00:00",
    consultationID: "3f6c2a9e-8b1d-4c57-9e2a-71d0b5c4e8f1")

  @Test("every output of an overdue case says OVERDUE and dates the deadline")
  func everyOutput() throws {
    let sheet = Self.overdueSheet
    let rec = TriageEngine.evaluate(sheet.answers)
    let context = Self.printedNextDay
    let text = SummaryText.render(sheet: sheet, recommendation: rec, context: context)
    let html = SummaryHTML.render(sheet: sheet, recommendation: rec, context: context)
    let fhir = FHIRBundle.string(
      sheet: sheet, recommendation: rec, context: context, pretty: false)
    let report = TextReport.string(
      rec, answers: sheet.answers, clock: sheet.urgencyClock, now: context.generatedAt,
      times: .assessedAndPrinted(sheet.assessedAt))
    for (name, output) in [("text", text), ("html", html), ("fhir", fhir), ("report", report)] {
      #expect(output.contains("OVERDUE"), "\(name)")
      #expect(output.contains("Tue 1 Dec 2026"), "\(name)")
      #expect(!output.contains("MRI by 11:11,"), "\(name)")
    }
    // The decision line itself carries it on the printout.
    #expect(text.contains("DECISION:       EMERGENCY (OVERDUE since Tue 1 Dec 11:11)"))
    #expect(html.contains("<dt class=\"overdue\">Deadline</dt>"))
  }

  // MARK: Times

  @Test("the assessment time and the print time are printed apart; 'Date and time' is gone")
  func times() {
    let sheet = Self.overdueSheet
    let rec = TriageEngine.evaluate(sheet.answers)
    let context = Self.printedNextDay
    let text = SummaryText.render(sheet: sheet, recommendation: rec, context: context)
    #expect(text.contains("Assessed:       2026-12-01 07:14:30 +00:00 (answers last changed)"))
    #expect(text.contains("Printed:        2026-12-02 07:30:00 +00:00"))
    #expect(!text.contains("Date and time"))
    let html = SummaryHTML.render(sheet: sheet, recommendation: rec, context: context)
    #expect(html.contains("<time datetime=\"2026-12-01T07:14:30+00:00\">"))
    #expect(html.contains("<time datetime=\"2026-12-02T07:30:00+00:00\">"))
    #expect(!html.contains("Date and time"))
    // Not recorded: said, never replaced by the print time.
    var bare = sheet
    bare.assessedAt = nil
    let plain = SummaryText.render(sheet: bare, recommendation: rec, context: context)
    #expect(plain.contains("Assessed:       not recorded"))
  }

  @Test("FHIR: authored and effective are the assessment time, issued the print time")
  func fhirTimes() throws {
    let sheet = Self.overdueSheet
    let rec = TriageEngine.evaluate(sheet.answers)
    let json = FHIRBundle.string(
      sheet: sheet, recommendation: rec, context: Self.printedNextDay, pretty: false)
    #expect(json.contains("\"authored\":\"2026-12-01T07:14:30+00:00\""))
    #expect(json.contains("\"effectiveDateTime\":\"2026-12-01T07:14:30+00:00\""))
    #expect(json.contains("\"issued\":\"2026-12-02T07:30:00+00:00\""))
  }

  @Test("assessed_at and last_item: round trip; bad values name the key")
  func codec() throws {
    let sheet = AnswerSheet(
      answers: DocumentFixtures.answers(["pain_neck": .yes]),
      assessedAt: "2026-12-01T07:14:30+00:00", lastItem: "pain_neck")
    let json = AnswersCodec.encode(sheet)
    #expect(json.contains("\"assessed_at\": \"2026-12-01T07:14:30+00:00\""))
    #expect(json.contains("\"last_item\": \"pain_neck\""))
    #expect(try AnswersCodec.decode(Array(json.utf8)) == sheet)
    for item in AnswerSheet.nonFindingItems {
      let decoded = try AnswersCodec.decode(Array("{\"last_item\":\"\(item)\"}".utf8))
      #expect(decoded.lastItem == item)
    }
    for (bad, key) in [
      ("{\"assessed_at\":\"yesterday\"}", "assessed_at"),
      ("{\"assessed_at\":\"2026-12-01T07:14\"}", "assessed_at"),
      ("{\"assessed_at\":17}", "assessed_at"),
      ("{\"last_item\":\"no_such_item\"}", "last_item"),
      ("{\"last_item\":3}", "last_item"),
    ] {
      #expect(throws: AnswersError.self) { try AnswersCodec.decode(Array(bad.utf8)) }
      do {
        _ = try AnswersCodec.decode(Array(bad.utf8))
      } catch let error as AnswersError {
        #expect(error.key == key, "\(bad)")
      }
    }
  }

  // MARK: Page 1

  /// The 81-year-old on apixaban with a pacemaker, after a fall, neck pain: CT now.
  static var elderlyFall: AnswerSheet {
    var answers = DocumentFixtures.answers(
      age: 81, sex: .female, weeks: 0, care: 0,
      [
        "pain_neck": .yes, "trauma_minor": .yes, "anticoagulated": .yes,
        "pacemaker_legacy": .yes, "midline_tenderness": .yes,
      ])
    for screen in [QuestionScreen.history, .examination, .neckTrauma] {
      for question in QuestionCatalogue.questions(on: screen)
      where answers[question.finding] == .unknown {
        answers[question.finding] = .no
      }
    }
    for id in [
      "pain_low_back", "pain_mid_back", "radiates_leg", "radiates_arm", "intervention_candidate",
      "prior_spine_surgery", "trauma_major", "cervicogenic_headache",
    ] {
      answers[Finding(id: id)!] = .no
    }
    return AnswerSheet(answers: answers, patientID: "MRN 4471")
  }

  @Test("page 1: age and sex beside the identifier, on every page header too")
  func patientWords() {
    let sheet = Self.elderlyFall
    let rec = TriageEngine.evaluate(sheet.answers)
    let text = SummaryText.render(
      sheet: sheet, recommendation: rec, context: DocumentFixtures.context)
    #expect(text.contains("Patient:        MRN 4471, 81 years, female"))
    let pages = text.split(separator: "\u{0C}")
    for page in pages { #expect(page.hasPrefix("Patient: MRN 4471, 81 years, female")) }
    var anonymous = sheet
    anonymous.patientID = nil
    anonymous.answers.age = nil
    let other = SummaryText.render(
      sheet: anonymous, recommendation: rec, context: DocumentFixtures.context)
    #expect(other.hasPrefix("Patient not recorded, age not recorded, female"))
    let html = SummaryHTML.render(
      sheet: sheet, recommendation: rec, context: DocumentFixtures.context)
    #expect(html.contains("MRN 4471, 81 years, female"))
  }

  @Test("page 1: the anticoagulant and every MRI-safety yes are in the decision block")
  func dangersInTheDecision() throws {
    let sheet = Self.elderlyFall
    let rec = TriageEngine.evaluate(sheet.answers)
    let text = SummaryText.render(
      sheet: sheet, recommendation: rec, context: DocumentFixtures.context)
    // The decision block: between the DECISION banner and the closing rule.
    let rule = String(repeating: "=", count: SummaryText.width)
    let parts = text.components(separatedBy: rule)
    try #require(parts.count >= 4)
    let block = parts[2]
    #expect(block.contains("Affects study:  Yes: Anticoagulant or bleeding disorder;"))
    #expect(block.contains("Pacemaker/ICD not"))
    // Pregnancy and kidneys, when yes, are there too.
    var pregnant = DocumentFixtures.noImaging.sheet
    pregnant.answers[.pregnant] = .yes
    pregnant.answers[.renalImpairment] = .yes
    #expect(
      DecisionText.studyChangingYes(pregnant.answers) == [
        Finding.pregnant.question.label, Finding.renalImpairment.question.label,
      ])
  }

  @Test("Still unknown never says 'nothing' while the MRI screen or the anticoagulant is open")
  func stillUnknown() {
    let sheet = Self.elderlyFall
    let rec = TriageEngine.evaluate(sheet.answers)
    #expect(rec.urgency == .emergency)
    // The MRI-safety screen is mostly unanswered: an MRI may follow the CT today.
    let unknown = DecisionText.stillUnknown(sheet.answers, rec)
    #expect(unknown.contains { $0.hasPrefix("MRI-safety screen: ") })
    #expect(DecisionText.stillUnknownText(sheet.answers, rec) != "nothing that could change this")
    // The anticoagulant not asked: listed.
    var notAsked = sheet
    notAsked.answers[.anticoagulated] = .unknown
    #expect(
      DecisionText.stillUnknown(notAsked.answers, TriageEngine.evaluate(notAsked.answers))
        .contains(Finding.anticoagulated.question.label))
    // Everything answered: nothing left.
    var screened = sheet
    for question in QuestionCatalogue.questions(on: .mriSafety)
    where screened.answers[question.finding] == .unknown {
      screened.answers[question.finding] = .no
    }
    let final = TriageEngine.evaluate(screened.answers)
    #expect(
      DecisionText.stillUnknownText(screened.answers, final) == "nothing that could change this"
        || !final.missingLabels.isEmpty)
    // No imaging: only the engine's own missing answers.
    let none = DocumentFixtures.noImaging
    #expect(
      DecisionText.stillUnknown(none.sheet.answers, none.recommendation)
        == none.recommendation.missingLabels)
  }

  // MARK: Lists

  @Test("one status wording for lists: never a settled 'NO IMAGING NOW' while not final")
  func statusWords() {
    let empty = TriageEngine.evaluate(Answers())
    #expect(DecisionText.statusWords(empty) == "INCOMPLETE: no decision yet")
    let early = TriageEngine.evaluate(DocumentFixtures.answers(["pain_low_back": .yes]))
    #expect(early.status == .provisional)
    let words = DecisionText.statusWords(early)
    #expect(words.hasPrefix("PROVISIONAL, \(early.missingLabels.count) missing: "))
    #expect(words.hasSuffix("so far"))
    let settled = DocumentFixtures.noImaging.recommendation
    if settled.status == .final {
      #expect(DecisionText.statusWords(settled) == "FINAL: NO IMAGING NOW")
    }
    let row = DecisionText.draftRow(Self.elderlyFall)
    // Rule set 3 words the older minor-trauma answer as the mechanism it records.
    #expect(
      row.hasPrefix("MRN 4471, 81 years, female; Neck pain; Fall from standing height or less"))
    #expect(DecisionText.draftRow(AnswerSheet()).hasPrefix("No identifier, age not recorded"))
  }
}
