/// What a rule proposes when it fires: the studies and the alternatives.
struct Plan {
  var imaging: [ImagingStudy] = []
  var alternatives: [Alternative] = []
}

/// Receives the rules that fire. Two implementations: one collects everything for a
/// recommendation, one only the firings that set an urgency with their plans (the studies of a
/// changed answer), so both paths run the very same book.
protocol RuleSink {
  /// The highest urgency fired so far.
  var topUrgency: Urgency { get }
  /// Whether explanation-only rules (region and seed notes) are wanted.
  var wantsNotes: Bool { get }
  /// Records a rule that fired, with its evidence; `plan` is only called when needed.
  mutating func fire(
    _ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs, plan: () -> Plan)
  /// Records unanswered findings that stand between the patient and clearance together (each
  /// alone may change nothing, so the one-at-a-time flip test cannot see them).
  mutating func pending(_ findings: FindingSet)
}

extension RuleSink {
  mutating func pending(_ findings: FindingSet) {}

  mutating func fire(_ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs = []) {
    fire(rule, findings, inputs: inputs, plan: { Plan() })
  }
}

/// One rule that fired while collecting. Its plan is kept in the sink's list of plans: a firing
/// holds no reference, so ordering and reading firings counts no references.
struct Firing {
  var rule: RuleID
  var findings: FindingSet
  var inputs: NumericInputs
  /// The index of its plan in the sink's plans (-1: none kept).
  var plan: Int32 = -1
}

/// Collects every firing, in order, with the plan of each.
struct CollectingSink: RuleSink {
  var firings: [Firing] = []
  /// The plans of the firings (``Firing/plan``).
  var plans: [Plan] = []
  var pendingFindings = FindingSet()

  mutating func pending(_ findings: FindingSet) {
    pendingFindings = pendingFindings.union(findings)
  }
  var topUrgency: Urgency = .none
  var wantsNotes: Bool { true }

  init() {
    firings.reserveCapacity(16)
    plans.reserveCapacity(16)
  }

  mutating func fire(
    _ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs, plan: () -> Plan
  ) {
    if let urgency = rule.urgency, urgency > topUrgency { topUrgency = urgency }
    firings.append(
      Firing(rule: rule, findings: findings, inputs: inputs, plan: Int32(plans.count)))
    plans.append(plan())
  }
}

/// Collects the firings of notes that explain the plan (the region notes), without plans.
struct NoteSink: RuleSink {
  var firings: [Firing] = []
  var topUrgency: Urgency = .none
  var wantsNotes: Bool { true }

  /// A sink with room for `capacity` firings.
  init(capacity: Int) { firings.reserveCapacity(capacity) }

  mutating func fire(
    _ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs, plan: () -> Plan
  ) {
    if let urgency = rule.urgency, urgency > topUrgency { topUrgency = urgency }
    firings.append(Firing(rule: rule, findings: findings, inputs: inputs))
  }
}

/// Collects the firings that set an urgency, with their plans, but no notes: the urgency and
/// studies of ``TriageEngine/studies(of:)``.
struct PlanSink: RuleSink {
  var firings: [Firing] = []
  /// The plans of the firings (``Firing/plan``).
  var plans: [Plan] = []
  var topUrgency: Urgency = .none
  var wantsNotes: Bool { false }

  mutating func fire(
    _ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs, plan: () -> Plan
  ) {
    guard let urgency = rule.urgency else { return }
    if urgency > topUrgency { topUrgency = urgency }
    if urgency > .none {
      firings.append(
        Firing(rule: rule, findings: findings, inputs: inputs, plan: Int32(plans.count)))
      plans.append(plan())
    }
  }
}
