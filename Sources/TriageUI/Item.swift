import TriageEngine

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
