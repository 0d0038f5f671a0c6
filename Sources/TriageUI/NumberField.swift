import TriageEngine

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
