/// What a rule proposes when it fires: the studies and the alternatives.
struct Plan {
  var imaging: [ImagingStudy] = []
  var alternatives: [Alternative] = []
}

/// Receives the rules that fire. Two implementations: one collects everything for a
/// recommendation, one only tracks the highest urgency (for the `missing` flip test), so both
/// paths run the very same rule code.
protocol RuleSink {
  /// The highest urgency fired so far.
  var topUrgency: Urgency { get }
  /// Whether explanation-only rules (region and seed notes) are wanted.
  var wantsNotes: Bool { get }
  /// Records a rule that fired, with its evidence; `plan` is only called when needed.
  mutating func fire(
    _ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs, plan: () -> Plan)
}

extension RuleSink {
  mutating func fire(_ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs = []) {
    fire(rule, findings, inputs: inputs, plan: { Plan() })
  }
}

/// One rule that fired while collecting.
struct Firing {
  var rule: RuleID
  var findings: FindingSet
  var inputs: NumericInputs
  var plan: Plan
}

/// Collects every firing, in order.
struct CollectingSink: RuleSink {
  var firings: [Firing] = []
  var topUrgency: Urgency = .none
  var wantsNotes: Bool { true }

  init() { firings.reserveCapacity(16) }

  mutating func fire(
    _ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs, plan: () -> Plan
  ) {
    if let urgency = rule.urgency, urgency > topUrgency { topUrgency = urgency }
    firings.append(Firing(rule: rule, findings: findings, inputs: inputs, plan: plan()))
  }
}

/// Tracks only the highest urgency; allocates nothing.
struct UrgencySink: RuleSink {
  var topUrgency: Urgency = .none
  var wantsNotes: Bool { false }

  mutating func fire(
    _ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs, plan: () -> Plan
  ) {
    if let urgency = rule.urgency, urgency > topUrgency { topUrgency = urgency }
  }
}
