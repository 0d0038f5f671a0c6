/// An MRI-safety rule as one value: its metadata, with the one source it cites in the rule
/// table and in every record, and the condition that brings it into the record. What it does
/// to the plan (a modality or contrast changed, a step before the scan) is applied by
/// ``SafetyModifiers``, which takes each item's code and source from this value.
public struct SafetyRule: Sendable {
  /// The metadata (no urgency: a safety rule never changes it).
  public let rule: Rule
  /// When the rule can apply (an MRI in the plan, or contrast, decides its level).
  public let when: Condition

  /// Creates a safety rule.
  public init(_ rule: Rule, when condition: Condition) {
    self.rule = rule
    self.when = condition
  }
}
