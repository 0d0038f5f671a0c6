/// What a rule proposes when it fires: the studies and the alternatives.
/// What the rules that fired propose, end to end: each firing's studies and alternatives are a
/// range of these two lists (two lists per evaluation, not two per firing).
struct Plans {
  var imaging: [ImagingStudy] = []
  var alternatives: [Alternative] = []

  /// Makes room for `imaging` more studies and `alternatives` more alternatives (growing
  /// geometrically, at least 8).
  @inline(__always) mutating func reserve(imaging more: Int, alternatives offered: Int) {
    func grow<Element>(_ list: inout [Element], by extra: Int) {
      let needed = list.count + extra
      if extra > 0 && list.capacity < needed {
        list.reserveCapacity(Swift.max(needed, 2 * list.capacity, 8))
      }
    }
    grow(&imaging, by: more)
    grow(&alternatives, by: offered)
  }

  /// The studies of `firing`.
  @inline(__always) func imaging(of firing: Firing) -> ArraySlice<ImagingStudy> {
    imaging[Int(firing.imaging.lowerBound)..<Int(firing.imaging.upperBound)]
  }

  /// The alternatives of `firing`.
  @inline(__always) func alternatives(of firing: Firing) -> ArraySlice<Alternative> {
    alternatives[Int(firing.alternatives.lowerBound)..<Int(firing.alternatives.upperBound)]
  }

  /// The firing of `rule`, its studies and alternatives those that `plan` appends.
  @inline(__always) mutating func firing(
    _ rule: RuleID, _ findings: FindingSet, _ inputs: NumericInputs,
    plan: (inout Plans) -> Void
  ) -> Firing {
    let studies = Int32(imaging.count)
    let offered = Int32(alternatives.count)
    plan(&self)
    return Firing(
      rule: rule, findings: findings, inputs: inputs,
      imaging: studies..<Int32(imaging.count), alternatives: offered..<Int32(alternatives.count))
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
  /// Records a rule that fired, with its evidence; `plan` (which appends the rule's studies
  /// and alternatives to the lists it is given) is only called when needed.
  mutating func fire(
    _ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs, plan: (inout Plans) -> Void)
  /// Records unanswered findings that stand between the patient and clearance together (each
  /// alone may change nothing, so the one-at-a-time flip test cannot see them).
  mutating func pending(_ findings: FindingSet)
}

extension RuleSink {
  mutating func pending(_ findings: FindingSet) {}

  mutating func fire(_ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs = []) {
    fire(rule, findings, inputs: inputs, plan: { _ in })
  }
}

/// One rule that fired while collecting. Its studies and alternatives are ranges of the sink's
/// ``Plans``: a firing holds no reference, so ordering and reading firings counts no references.
struct Firing {
  var rule: RuleID
  var findings: FindingSet
  var inputs: NumericInputs
  /// Its studies, in ``Plans/imaging`` (empty when no plan is kept).
  var imaging: Range<Int32> = 0..<0
  /// Its alternatives, in ``Plans/alternatives``.
  var alternatives: Range<Int32> = 0..<0
}

/// Collects every firing, in order, with the plan of each.
struct CollectingSink: RuleSink {
  var firings: [Firing] = []
  /// The studies and alternatives of the firings.
  var plans = Plans()
  var pendingFindings = FindingSet()

  mutating func pending(_ findings: FindingSet) {
    pendingFindings = pendingFindings.union(findings)
  }
  var topUrgency: Urgency = .none
  var wantsNotes: Bool { true }

  init() { firings.reserveCapacity(16) }

  mutating func fire(
    _ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs,
    plan: (inout Plans) -> Void
  ) {
    if let urgency = rule.urgency, urgency > topUrgency { topUrgency = urgency }
    firings.append(plans.firing(rule, findings, inputs, plan: plan))
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
    _ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs,
    plan: (inout Plans) -> Void
  ) {
    if let urgency = rule.urgency, urgency > topUrgency { topUrgency = urgency }
    firings.append(Firing(rule: rule, findings: findings, inputs: inputs))
  }
}

/// Collects the firings that set an urgency, with their plans, but no notes: the urgency and
/// studies of ``TriageEngine/studies(of:)``.
struct PlanSink: RuleSink {
  var firings: [Firing] = []
  /// The studies and alternatives of the firings.
  var plans = Plans()
  var topUrgency: Urgency = .none
  var wantsNotes: Bool { false }

  mutating func fire(
    _ rule: RuleID, _ findings: FindingSet, inputs: NumericInputs,
    plan: (inout Plans) -> Void
  ) {
    guard let urgency = rule.urgency else { return }
    if urgency > topUrgency { topUrgency = urgency }
    if urgency > .none {
      firings.append(plans.firing(rule, findings, inputs, plan: plan))
    }
  }
}
