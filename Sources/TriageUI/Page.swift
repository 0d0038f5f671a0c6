import TriageEngine

/// The pages of the UI, in tab order. The number shown in the tab bar is `rawValue + 1`.
public enum Page: Int, Hashable, Sendable, CaseIterable {
  case patient, history, examination, neckTrauma, mriSafety, summary

  /// The tab's title.
  public var title: String {
    switch self {
    case .patient: "Patient"
    case .history: "History"
    case .examination: "Examination"
    case .neckTrauma: "Neck trauma"
    case .mriSafety: "MRI safety"
    case .summary: "Summary"
    }
  }

  /// The number typed to jump here.
  public var number: Int { rawValue + 1 }

  /// The questionnaire screen whose findings this page lists.
  public var questionScreen: QuestionScreen? {
    switch self {
    case .patient: .presentation
    case .history: .history
    case .examination: .examination
    case .neckTrauma: .neckTrauma
    case .mriSafety: .mriSafety
    case .summary: nil
    }
  }

  /// Whether the page applies to these answers: the neck-trauma page only after trauma.
  public func isEnabled(for answers: Answers) -> Bool {
    guard self == .neckTrauma else { return true }
    return Page.neckTraumaApplies(answers)
  }

  /// Whether the NEXUS / Canadian C-Spine questions apply: after any trauma, whatever the
  /// pain site (the cervical spine must be cleared after trauma).
  public static func neckTraumaApplies(_ answers: Answers) -> Bool {
    answers[.traumaMajor] == .yes || answers[.traumaMinor] == .yes
  }

  /// The input items of the page (the Summary's report lines are added by ``AppState``).
  public var inputItems: [Item] {
    switch self {
    case .patient:
      return [.number(.age), .sex, .number(.symptomWeeks), .number(.conservativeWeeks)]
        + findings(.presentation)
    case .summary: return [.text(.patientID), .text(.clinician)]
    default: return findings(questionScreen!)
    }
  }

  private func findings(_ screen: QuestionScreen) -> [Item] {
    QuestionCatalogue.questions(on: screen).map { .finding($0.finding) }
  }
}
