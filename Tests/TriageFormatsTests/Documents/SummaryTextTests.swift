import Foundation
import Testing
import TriageEngine
import TriageFormats

@Suite("SummaryText")
struct SummaryTextTests {
  let context = DocumentFixtures.context

  func render(_ fixture: DocumentFixtures.Case) -> String {
    SummaryText.render(
      sheet: fixture.sheet, recommendation: fixture.recommendation, context: context)
  }

  /// The pages of a summary (split on form feeds).
  func pages(_ text: String) -> [[Substring]] {
    text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { page in
      var lines = page.split(separator: "\n", omittingEmptySubsequences: false)
      if lines.last == "" { lines.removeLast() }
      return lines
    }
  }

  @Test("snapshot", arguments: DocumentFixtures.all)
  func snapshot(_ fixture: DocumentFixtures.Case) {
    DocumentSnapshot.check(render(fixture), named: "\(fixture.name).txt")
  }

  /// The longest case (MRI safety stops, every safety item and rule listed) takes four pages.
  @Test("at most 76 columns, at most 4 pages of at most 58 lines", arguments: DocumentFixtures.all)
  func layout(_ fixture: DocumentFixtures.Case) {
    let text = render(fixture)
    let pages = pages(text)
    #expect(pages.count <= 4)
    #expect(text.hasSuffix("\n"))
    #expect(SummaryText.width <= 76 && SummaryText.pageLength <= 59)
    for (index, page) in pages.enumerated() {
      #expect(page.count <= SummaryText.pageLength)
      #expect(page.dropFirst().first?.hasSuffix("page \(index + 1) of \(pages.count)") == true)
      #expect(page.dropFirst().first?.hasPrefix("Consultation \(context.consultationID)") == true)
      for line in page {
        #expect(line.count <= SummaryText.width, "too wide: \(line)")
        #expect(!line.hasSuffix(" "), "trailing space: \(line)")
      }
    }
  }

  @Test("form feeds separate pages, and only pages")
  func formFeeds() {
    // Every finding yes: the longest summary there is, several pages.
    var answers = Answers(age: 70, sex: .other, symptomWeeks: 12, conservativeWeeks: 6)
    for finding in Finding.allCases { answers[finding] = .yes }
    let sheet = AnswerSheet(
      answers: answers, patientID: String(repeating: "P", count: 64),
      clinician: String(repeating: "Dr Long Name ", count: 5))
    let long = DocumentContext(
      programVersion: String(repeating: "9", count: 40), generatedAt: "2026-11-24T21:40:00Z",
      consultationID: context.consultationID)
    let text = SummaryText.render(
      sheet: sheet, recommendation: TriageEngine.evaluate(answers), context: long)
    let pages = pages(text)
    #expect(pages.count >= 3)
    #expect(text.filter { $0 == "\u{0C}" }.count == pages.count - 1)
    for (index, page) in pages.enumerated() {
      #expect(page.count <= SummaryText.pageLength)
      #expect(page.dropFirst().first?.hasSuffix("page \(index + 1) of \(pages.count)") == true)
      #expect(page.dropFirst().allSatisfy { !$0.contains("\u{0C}") })
      if index > 0 { #expect(page.count > 2) }
      for line in page { #expect(line.count <= SummaryText.width, "too wide: \(line)") }
    }
    #expect(text.contains("2026-11-24 21:40:00 UTC"))
  }

  @Test("control characters in typed text never break a line or a page")
  func controlCharacters() {
    let sheet = AnswerSheet(
      answers: DocumentFixtures.emergency.sheet.answers, patientID: "MRN\n42\u{0C}x",
      clinician: "Dr\rWho")
    let text = SummaryText.render(
      sheet: sheet, recommendation: DocumentFixtures.emergency.recommendation, context: context)
    #expect(text.contains("Patient:        MRN 42 x, 45 years, sex not recorded"))
    #expect(text.contains("Clinician: Dr Who"))
    #expect(!text.contains("\r"))
    #expect(pages(text).count == pages(render(DocumentFixtures.emergency)).count)
  }

  @Test("the content in the contract's order")
  func order() {
    let text = render(DocumentFixtures.safetyStops)
    // The decision first, then the reasons, then the answers, then the closing part.
    let markers = [
      "Patient: MRN 55-0091, 62 years, female", "Consultation 3f6c2a9e-8b1d-4c57-9e2a-71d0b5c4e8f1",
      "Patient:        MRN 55-0091, 62 years, female",
      "Consultation:   3f6c2a9e-8b1d-4c57-9e2a-71d0b5c4e8f1", "Assessed:       not recorded",
      "Printed:        2026-11-29 17:40:00 +00:00", "Clinician:      Dr A. Patel",
      "DECISION:       SOON", "Status:         PROVISIONAL", "Study:", "MRI safety:     2 STOP",
      "STOP:", "Before the scan:", "Still unknown:", "Alternatives:", "WHY: RULES THAT FIRED",
      "CA-1 [SOON]", "MRI SAFETY", "STOP:", "ANSWERS", "\nPatient\n", "\nHistory\n",
      "\nExamination\n", "\nNeck trauma\n", "\nMRI safety\n", "NUMBERS", "Decision support only",
      "SpineTriage 1.0.0, rule set", "Clinician: Dr A. Patel", "Signature: ____",
    ]
    var position = text.startIndex
    for marker in markers {
      guard let range = text.range(of: marker, range: position..<text.endIndex) else {
        Issue.record("missing or out of order: \(marker)")
        continue
      }
      position = range.upperBound
    }
  }

  @Test("answers written out: Yes, an explicit No, Not assessed; numbers not recorded")
  func answers() {
    let noImaging = render(DocumentFixtures.noImaging)
    #expect(noImaging.contains("  No:           Unrelenting night pain; Progressive limb weakness"))
    #expect(noImaging.contains("  Yes:          Low back pain"))
    #expect(noImaging.contains("Age: 30 years"))
    #expect(noImaging.contains("Symptom duration: 2 weeks"))
    #expect(noImaging.contains("Conservative care tried: 0 weeks"))
    #expect(noImaging.contains("SAFETY-NET ADVICE"))
    #expect(noImaging.contains("DECISION:       NO IMAGING NOW"))
    #expect(noImaging.contains("Study:          none (no imaging now)"))
    #expect(noImaging.contains("Patient:        not recorded, 30 years, male"))
    #expect(noImaging.contains("Clinician: ______"))

    let emergency = render(DocumentFixtures.emergency)
    #expect(emergency.contains("  Yes:          Saddle numbness; Urinary retention"))
    #expect(emergency.contains("  Not assessed: Neck pain"))
    #expect(emergency.contains("Sex: not recorded"))
    #expect(emergency.contains("Symptom duration: not recorded"))
    #expect(emergency.contains("Patient:        A&E-0042 <triage>, 45 years, sex not recorded"))
    #expect(emergency.contains("Because: Saddle numbness; Urinary retention"))

    // Every question of the catalogue appears exactly once in the answers, by its label (a
    // question no longer asked only when an older record answered it).
    let answersPart = emergency.components(separatedBy: "\nANSWERS\n")[1]
      .components(separatedBy: "NUMBERS")[0]
      .replacingOccurrences(of: "\n                ", with: " ")
      .replacingOccurrences(of: "\u{0C}", with: "\n")
    for question in QuestionCatalogue.questions where question.shownWhen != .recordedOnly {
      let items = answersPart.split(separator: "\n").flatMap { line in
        line.split(separator: ":", maxSplits: 1).dropFirst().first.map {
          $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        } ?? []
      }
      #expect(items.filter { $0 == question.label }.count == 1, "\(question.label)")
    }
  }
}
