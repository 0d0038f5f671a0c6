import Testing
import TriageEngine
import TriageFormats

/// The consultations of the document tests (one set: the summaries in text and HTML, the FHIR
/// documents and the decision-first checks all use these), with a fixed context.
enum DocumentFixtures {
  /// A fixed context: the snapshots never depend on the clock.
  static let context = DocumentContext(
    programVersion: "1.0.0", generatedAt: "2026-11-29T17:40:00+00:00",
    consultationID: "3f6c2a9e-8b1d-4c57-9e2a-71d0b5c4e8f1", siteName: "Riverside ED")

  /// A named case: the sheet and its recommendation.
  struct Case: Sendable, CustomStringConvertible {
    let name: String
    let sheet: AnswerSheet
    var recommendation: Recommendation { TriageEngine.evaluate(sheet.answers) }
    var description: String { name }

    /// The sheet as the QuestionnaireResponse carries it: without the moment the urgency was
    /// reached, which the recommendation Observation carries (`urgency-reached`).
    var answersOnly: AnswerSheet {
      var sheet = sheet
      sheet.urgencyClock = nil
      return sheet
    }
  }

  /// Suspected cauda equina syndrome: saddle anaesthesia and urinary retention with low back
  /// pain, age 45, the emergency reached at 17:21 ("MRI by 21:21"). The identifiers contain
  /// characters HTML must escape.
  static let emergency = Case(
    name: "emergency",
    sheet: AnswerSheet(
      answers: answers(
        age: 45,
        ["pain_low_back": .yes, "saddle_anesthesia": .yes, "urinary_retention": .yes]),
      patientID: "A&E-0042 <triage>", clinician: "Dr Siobhán O'Neil \"SON\"",
      urgencyClock: UrgencyClock(urgency: .emergency, reachedAt: "2026-11-29T17:21:00+00:00")))

  /// Acute low back pain for 2 weeks, age 30, every red flag asked and answered no.
  static let noImaging = Case(
    name: "no_imaging",
    sheet: AnswerSheet(
      answers: answers(
        age: 30, sex: .male, weeks: 2, care: 0,
        ["pain_low_back": .yes]
          .merging(noAnswers(screens: [.history, .examination])) { old, _ in old }
          .merging(
            noAnswers(ids: [
              "pain_neck", "pain_mid_back", "radiates_leg", "radiates_arm", "injury",
              "prior_spine_surgery",
            ])
          ) { old, _ in old })))

  /// History of cancer with thoracic pain, a legacy pacemaker and metal in the eye: MRI
  /// safety stops (STOP lines on page 1); the urgency reached at 09:05.
  static let safetyStops = Case(
    name: "safety_stops",
    sheet: AnswerSheet(
      answers: answers(
        age: 62, sex: .female,
        [
          "cancer_history": .yes, "pain_mid_back": .yes, "pacemaker_legacy": .yes,
          "orbital_metal": .yes, "pregnant": .no, "claustrophobia": .no,
        ]),
      patientID: "MRN 55-0091", clinician: "Dr A. Patel",
      urgencyClock: UrgencyClock(urgency: .soon, reachedAt: "2026-11-29T09:05:00+00:00")))

  /// Acute low back pain, most red flags not asked: no imaging now, but provisional.
  static let provisional = Case(
    name: "provisional",
    sheet: AnswerSheet(
      answers: answers(
        age: 34, sex: .male, weeks: 2, care: 0,
        ["pain_low_back": .yes, "bladder_bowel": .no, "saddle_anesthesia": .no]),
      patientID: "MRN 88-1204"))

  /// An empty form: incomplete, never "no imaging".
  static let incomplete = Case(name: "incomplete", sheet: AnswerSheet())

  /// Acute low back pain, every red flag answered no except two that could not be done (ESR,
  /// CRP and white cell count; the bladder scan) and two neck radiograph items folded away:
  /// provisional, saying why; "not done" and "not asked" in every output.
  static let notDone = Case(
    name: "not_done",
    sheet: {
      var answers = DocumentFixtures.answers(
        age: 40, sex: .female, weeks: 1, care: 0,
        ["pain_low_back": .yes]
          .merging(noAnswers(screens: [.history, .examination])) { old, _ in old }
          .merging(
            noAnswers(ids: [
              "pain_neck", "pain_mid_back", "radiates_leg", "radiates_arm", "injury",
              "prior_spine_surgery",
            ])
          ) { old, _ in old })
      answers.markNotDone(.abnormalLabs)
      answers.markNotDone(.urinaryRetention)
      answers[.xrayDegenerative] = .unknown
      answers[.xrayOPLL] = .unknown
      var sheet = AnswerSheet(answers: answers, patientID: "ND-7", clinician: "Dr B. Okafor")
      sheet.folded = FindingSet([.xrayDegenerative, .xrayOPLL])
      return sheet
    }())

  static let all = [emergency, noImaging, safetyStops, notDone, provisional, incomplete]

  /// The four that show each way a decision is given: final with its deadline, provisional,
  /// incomplete, and with MRI safety stops.
  static let decisions = [emergency, provisional, incomplete, safetyStops]

  /// Answers from contract identifiers; an unknown identifier fails the test.
  static func answers(
    age: Int? = nil, sex: Sex? = nil, weeks: Int? = nil, care: Int? = nil,
    _ findings: [String: Answer]
  ) -> Answers {
    var result = Answers(age: age, sex: sex, symptomWeeks: weeks, conservativeWeeks: care)
    for (id, answer) in findings {
      guard let finding = Finding(id: id) else {
        Issue.record("unknown finding identifier in a document fixture: \(id)")
        continue
      }
      result[finding] = answer
    }
    return result
  }

  /// Every finding of `screens` answered no.
  /// Every question of `screens` the form always shows, answered no (a conditional question,
  /// such as shock after trauma, is not asked of this patient).
  static func noAnswers(screens: [QuestionScreen]) -> [String: Answer] {
    var result: [String: Answer] = [:]
    for screen in screens {
      // What the form asks before any answer (not the questions an answer opens, nor those no
      // longer asked).
      for question in QuestionCatalogue.questions(on: screen)
      where Visibility.isShown(question.finding, in: Answers()) {
        result[question.id] = .no
      }
    }
    return result
  }

  /// `ids` answered no.
  static func noAnswers(ids: [String]) -> [String: Answer] {
    Dictionary(uniqueKeysWithValues: ids.map { ($0, Answer.no) })
  }
}
