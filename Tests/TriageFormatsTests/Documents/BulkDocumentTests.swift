import Testing
import TriageEngine
import TriageFormats

extension AnswerSheet {
  /// The recommendation for the sheet's answers.
  var recommendation: Recommendation { TriageEngine.evaluate(answers) }
}

/// Answers given in bulk ("No to the rest") are said in every export: which, and when.
@Suite("Bulk answers in the documents")
struct BulkDocumentTests {
  /// Low back pain; History answered No in bulk except two items answered one by one.
  static let sheet: AnswerSheet = {
    var answers = Answers(age: 38, sex: .female, symptomWeeks: 1, conservativeWeeks: 0)
    answers[.painLowBack] = .yes
    answers[.nightPain] = .no
    answers[.steroids] = .yes
    let bulk = QuestionCatalogue.questions(on: .history).map(\.finding).filter {
      answers[$0] == .unknown
    }
    for finding in bulk { answers[finding] = .no }
    return AnswerSheet(
      answers: answers, patientID: "MRN-7", consultationID: DocumentFixtures.context.consultationID,
      bulk: [BulkAnswer(screen: .history, findings: bulk, at: "2026-11-29T17:20:05+01:00")])
  }()

  static var bulkCount: Int { sheet.bulk[0].findings.count }

  @Test func textSummarySaysWhichAndWhen() {
    let text = SummaryText.render(
      sheet: Self.sheet, recommendation: Self.sheet.recommendation,
      context: DocumentFixtures.context)
    #expect(text.contains("ANSWERED NO IN BULK"))
    let flat = text.split(separator: "\n").map { $0.trimmingCharacters }.joined(separator: " ")
    #expect(flat.contains("History: \(Self.bulkCount) answers No at 2026-11-29 17:20 +01:00"))
    #expect(flat.contains(BulkText.label(.weightLoss)))
    // The items answered one by one are not in the bulk sentence.
    let sentence = BulkText.sentence(Self.sheet.bulk[0])
    #expect(!sentence.contains(BulkText.label(.steroids)))
    #expect(!sentence.contains(BulkText.label(.nightPain)))
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == SummaryText.formFeed }) {
      #expect(line.count <= SummaryText.width)
    }
  }

  @Test func htmlSummarySaysWhichAndWhen() {
    let html = SummaryHTML.render(
      sheet: Self.sheet, recommendation: Self.sheet.recommendation,
      context: DocumentFixtures.context)
    #expect(html.contains("<section class=\"bulk\""))
    #expect(html.contains("History: \(Self.bulkCount) answers No at 2026-11-29 17:20 +01:00"))
  }

  @Test func noBulkNoSection() {
    var sheet = Self.sheet
    sheet.bulk = []
    let html = SummaryHTML.render(
      sheet: sheet, recommendation: sheet.recommendation, context: DocumentFixtures.context)
    #expect(!html.contains("class=\"bulk\""))
    let text = SummaryText.render(
      sheet: sheet, recommendation: sheet.recommendation, context: DocumentFixtures.context)
    #expect(!text.contains("IN BULK"))
  }

  /// In FHIR each answer given in bulk has the extension with its time; the others do not; the
  /// response still reads back into the same answers.
  @Test func fhirMarksEachBulkAnswer() throws {
    let json = FHIRQuestionnaireResponse.json(
      sheet: Self.sheet, recommendation: Self.sheet.recommendation,
      context: DocumentFixtures.context)
    var marked: [String] = []
    var unmarked: [String] = []
    guard case .object(let members) = json,
      case .array(let groups) = members.first(where: { $0.key == "item" })?.value
    else {
      Issue.record("no items")
      return
    }
    for case .object(let group) in groups {
      guard case .array(let items) = group.first(where: { $0.key == "item" })?.value else {
        continue
      }
      for case .object(let item) in items {
        guard case .string(let linkId) = item.first(where: { $0.key == "linkId" })?.value,
          case .array(let answers) = item.first(where: { $0.key == "answer" })?.value,
          case .object(let answer) = answers.first
        else { continue }
        if case .array(let extensions) = answer.first(where: { $0.key == "extension" })?.value {
          #expect(
            extensions == [
              .object([
                (
                  "url",
                  .string(
                    FHIRQuestionnaireResponse.bulkExtensionURL(
                      base: DocumentFixtures.context.fhirBaseURL))
                ),
                ("valueDateTime", .string("2026-11-29T17:20:05+01:00")),
              ])
            ])
          marked.append(linkId)
        } else {
          unmarked.append(linkId)
        }
      }
    }
    #expect(marked.sorted() == Self.sheet.bulk[0].findings.map(\.id).sorted())
    #expect(unmarked.contains("steroids") && unmarked.contains("night_pain"))
    let back = try FHIRQuestionnaireResponse.decode(
      Array(
        FHIRQuestionnaireResponse.string(
          sheet: Self.sheet, recommendation: Self.sheet.recommendation,
          context: DocumentFixtures.context
        ).utf8))
    #expect(back.answers == Self.sheet.answers)
  }
}

extension Substring {
  fileprivate var trimmingCharacters: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
