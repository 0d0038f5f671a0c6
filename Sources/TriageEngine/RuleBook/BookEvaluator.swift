/// The evaluator: one loop over the book, feeding a ``RuleSink``. Indication rules first, in
/// book order; the fallback rules only when no rule set an urgency above "no imaging now"; the
/// note rules only for the record.
enum BookEvaluator {
  /// Runs the book on `facts`; returns the rules that fired.
  @discardableResult
  static func run<Sink: RuleSink>(_ facts: Facts, into sink: inout Sink) -> FiredRules {
    var state = RuleState(facts)
    for rule in RuleBook.indication { apply(rule, &state, &sink) }
    state.decided = sink.topUrgency
    if sink.topUrgency == .none {
      for rule in RuleBook.fallback { apply(rule, &state, &sink) }
    }
    if sink.wantsNotes {
      state.decided = sink.topUrgency
      for rule in RuleBook.notes { apply(rule, &state, &sink) }
    }
    return state.fired
  }

  /// The region notes that explain the studies chosen (after the decision).
  static func regionNotes(_ facts: Facts, imaging: [ImagingStudy], fired: FiredRules) -> [Firing] {
    var state = RuleState(facts)
    state.fired = fired
    state.imaging = imaging
    var sink = CollectingSink()
    for rule in RuleBook.regionNotes { apply(rule, &state, &sink) }
    return sink.firings
  }

  /// Fires `rule` once for each arm whose condition holds.
  @inline(__always)
  static func apply<Sink: RuleSink>(_ rule: BookRule, _ state: inout RuleState, _ sink: inout Sink)
  {
    for arm in rule.arms where arm.condition.holds(state) {
      let f = state.facts
      var evidence = FindingSet()
      for item in arm.evidence where item.when.holds(state) {
        evidence = evidence.union(f.hits(item.group.members))
      }
      var inputs: NumericInputs = []
      for use in arm.inputs where use.when.holds(state) { inputs.formUnion(use.inputs) }
      var pending = FindingSet()
      for item in arm.pending where item.when.holds(state) {
        pending = pending.union(f.unknown(item.group.members))
      }
      if !arm.pending.isEmpty { sink.pending(pending) }
      let current = state
      sink.fire(rule.id, evidence, inputs: inputs) { arm.plan.realize(current) }
      state.fired.insert(rule.id)
    }
  }
}
