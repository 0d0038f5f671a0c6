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

  /// Whether the page applies to these answers: a questionnaire page only while it shows an
  /// item (``Visibility``; the neck-trauma page after trauma).
  public func isEnabled(for answers: Answers) -> Bool {
    guard let screen = questionScreen else { return true }
    return Visibility.isShown(screen, in: answers)
  }

  /// The input items of the page shown for `answers`: the findings the questionnaire hides for
  /// these answers are left out (``Visibility``).
  public func inputItems(for answers: Answers) -> [Item] {
    inputItems(for: answers, keeping: FindingSet())
  }

  /// The input items of the page shown for `answers`, and the rows of `kept` whatever the
  /// answers (``AppState/keptRows``).
  public func inputItems(for answers: Answers, keeping kept: FindingSet) -> [Item] {
    inputItems.filter { item in
      guard case .finding(let finding) = item else { return true }
      return Visibility.isShown(finding, in: answers) || kept.contains(finding)
    }
  }

  /// Every input item of the page, shown or not (the Summary's report lines are added by
  /// ``AppState``).
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
