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

/// One row of a page.
public enum Item: Hashable, Sendable {
  /// A tri-state finding.
  case finding(Finding)
  /// A number (age, weeks).
  case number(NumberField)
  /// The sex choice.
  case sex
  /// A free-text field (patient identifier, clinician).
  case text(TextField)
  /// A line of the Summary's report (display only).
  case report(Int)
  /// The row standing for the findings folded away (Enter shows or hides them).
  case folded

  /// The one-line help shown for the focused item.
  public var help: String {
    switch self {
    case .finding(let finding): finding.question.help
    case .number(let field): field.help
    case .sex: "Optional. f female, m male, o other; Space cycles; u clears."
    case .text(let field): field.help
    case .report: "The full recommendation, every rule with its source. PgUp/PgDn scroll."
    case .folded:
      "These cannot change the recommendation now. Enter shows or hides them."
    }
  }
}

/// The numeric fields.
public enum NumberField: Hashable, Sendable, CaseIterable {
  case age, symptomWeeks, conservativeWeeks

  /// The label on the page.
  public var label: String {
    switch self {
    case .age: "Age (years)"
    case .symptomWeeks: "Weeks of symptoms (this episode)"
    case .conservativeWeeks: "Weeks of conservative care tried"
    }
  }

  /// The contract identifier.
  public var id: String {
    switch self {
    case .age: "age"
    case .symptomWeeks: "symptom_weeks"
    case .conservativeWeeks: "conservative_weeks"
    }
  }

  /// The valid range.
  public var range: ClosedRange<Int> {
    self == .age ? Answers.ageRange : Answers.weeksRange
  }

  /// The help line on the screen: how to type it, then what it means.
  public var help: String {
    switch self {
    case .age: "Enter, digits 0-120, Enter. " + meaning
    case .symptomWeeks: "Enter, digits, Enter. " + meaning
    case .conservativeWeeks: meaning
    }
  }

  /// What the number means for the rules (the help without the keys).
  public var meaning: String {
    switch self {
    case .age: "Cancer >50, fracture >70, C-spine >=65."
    case .symptomWeeks: "Acute: under 6 weeks; chronic neck pain: 12 or more."
    case .conservativeWeeks:
      "Analgesia, activity, physiotherapy without enough improvement; 0 if none."
    }
  }

  /// The value in `answers`.
  public func value(in answers: Answers) -> Int? {
    switch self {
    case .age: answers.age
    case .symptomWeeks: answers.symptomWeeks
    case .conservativeWeeks: answers.conservativeWeeks
    }
  }

  /// Sets the value in `answers`.
  public func set(_ value: Int?, in answers: inout Answers) {
    switch self {
    case .age: answers.age = value
    case .symptomWeeks: answers.symptomWeeks = value
    case .conservativeWeeks: answers.conservativeWeeks = value
    }
  }
}

/// The free-text fields of the Summary page.
public enum TextField: Hashable, Sendable, CaseIterable {
  case patientID, clinician

  /// The label on the page.
  public var label: String {
    switch self {
    case .patientID: "Patient identifier"
    case .clinician: "Clinician"
    }
  }

  /// The help line.
  public var help: String {
    switch self {
    case .patientID: "Optional, printed on the summary. Enter edits; Enter keeps, Esc cancels."
    case .clinician: "Optional: your name for the signature. Enter edits; Esc cancels."
    }
  }
}
