/// What a rule proposes when it fires: the studies and the alternatives.
struct Plan {
  var imaging: [ImagingStudy] = []
  var alternatives: [Alternative] = []

  /// The same plan for each region, merged (studies first region first).
  static func across(_ regions: [SpineRegion], _ make: (SpineRegion) -> Plan) -> Plan {
    var merged = Plan()
    for region in regions {
      let plan = make(region)
      merged.imaging += plan.imaging
      merged.alternatives += plan.alternatives
    }
    return merged
  }
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
  var pendingFindings = FindingSet()

  mutating func pending(_ findings: FindingSet) {
    pendingFindings = pendingFindings.union(findings)
  }
  var topUrgency: Urgency = .none
  var wantsNotes: Bool { true }

  /// A sink with room for `capacity` firings (none: allocated on the first firing).
  init(capacity: Int = 16) { firings.reserveCapacity(capacity) }

  mutating func fire(
    _ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs, plan: () -> Plan
  ) {
    if let urgency = rule.urgency, urgency > topUrgency { topUrgency = urgency }
    firings.append(Firing(rule: rule, findings: findings, inputs: inputs, plan: plan()))
  }
}

/// Collects the firings that set an urgency, with their plans, but no notes: the urgency and
/// studies of ``TriageEngine/studies(of:)``.
struct PlanSink: RuleSink {
  var firings: [Firing] = []
  var topUrgency: Urgency = .none
  var wantsNotes: Bool { false }

  mutating func fire(
    _ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs, plan: () -> Plan
  ) {
    guard let urgency = rule.urgency else { return }
    if urgency > topUrgency { topUrgency = urgency }
    if urgency > .none {
      firings.append(Firing(rule: rule, findings: findings, inputs: inputs, plan: plan()))
    }
  }
}
