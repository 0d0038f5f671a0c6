import TriageEngine

/// How a finding stands in the record: the clinician's answer, or why there is none. The three
/// kinds of "no answer" are told apart everywhere a person reads the record (contract section 5).
public enum RecordedAnswer: String, Hashable, Sendable, CaseIterable {
  /// Answered yes.
  case yes
  /// Answered no.
  case no
  /// The clinician could not do or measure it (`not_done`).
  case notDone = "not-done"
  /// Not asked: folded away because, when its screen was shown, no answer could change the
  /// decision (the answers file's `folded`).
  case notAsked = "not-asked"
  /// Not assessed: never asked, or left empty.
  case notAssessed = "not-assessed"

  /// The words printed before the list of such findings.
  public var words: String {
    switch self {
    case .yes: "Yes"
    case .no: "No"
    case .notDone: "Not done"
    case .notAsked: "Not asked (could not change the decision)"
    case .notAssessed: "Not assessed"
    }
  }

  /// A shorter form for narrow lists.
  public var shortWords: String {
    switch self {
    case .notAsked: "Not asked"
    default: words
    }
  }

  /// The legend printed beside the answers.
  public static let legend =
    "Not done = could not be done or measured. Not asked = folded away: when its screen was"
    + " shown, no answer could change the decision. Not assessed = never asked or left empty."
    + " None of them is ever taken as No."
}

extension AnswerSheet {
  /// How `finding` stands in the record.
  public func recorded(_ finding: Finding) -> RecordedAnswer {
    switch answers[finding] {
    case .yes: return .yes
    case .no: return .no
    case .unknown:
      if answers.isNotDone(finding) { return .notDone }
      return folded.contains(finding) ? .notAsked : .notAssessed
    }
  }

  /// The findings recorded as not done, in catalogue order, by their short labels.
  public var notDoneLabels: [String] {
    QuestionCatalogue.questions.filter { answers.isNotDone($0.finding) }.map(\.label)
  }
}

extension DecisionText {
  /// The missing answers in words; one recorded as not done says so ("Raised ESR, CRP or white
  /// cell count (not done)").
  public static func missingWords(_ recommendation: Recommendation, _ answers: Answers?)
    -> [String]
  {
    recommendation.missingFindings.map { finding in
      answers?.isNotDone(finding) == true
        ? finding.question.label + " (not done)" : finding.question.label
    } + recommendation.missingInputs.labels
  }

  /// Why the recommendation stays provisional when findings that could change it were not done,
  /// in words: "Raised ESR, CRP or white cell count not done"; nil when none.
  public static func notDoneReason(_ recommendation: Recommendation, _ answers: Answers?)
    -> String?
  {
    guard let answers, recommendation.status == .provisional else { return nil }
    let labels = recommendation.missingFindings.filter { answers.isNotDone($0) }.map {
      $0.question.label
    }
    guard !labels.isEmpty else { return nil }
    return labels.joined(separator: "; ") + " not done"
  }

  /// The status line, with why it is provisional when something that could change it was not
  /// done.
  public static func statusLine(_ recommendation: Recommendation, _ answers: Answers?) -> String {
    guard let reason = notDoneReason(recommendation, answers) else {
      return recommendation.statusLine
    }
    return recommendation.statusLine + " (" + reason + ")"
  }
}
