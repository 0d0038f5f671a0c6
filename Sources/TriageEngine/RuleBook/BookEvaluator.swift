/// The evaluator: one loop over the (compiled) book, feeding a ``RuleSink``. Indication rules
/// first, in book order; the fallback rules only when no rule set an urgency above "no imaging
/// now"; the note rules only for the record.
enum BookEvaluator {
  /// The rules that fired: all of them, and those of the first phase (the indication rules,
  /// from which ``Missing`` starts).
  struct Fired {
    var all: FiredRules
    var indication: FiredRules
  }

  /// Runs the book on `answers`; returns the rules that fired.
  @discardableResult
  static func run<Sink: RuleSink>(_ answers: Answers, into sink: inout Sink) -> Fired {
    let book = CompiledBook.shared
    var s = Situation(answers)
    // In book order, the rules that may fire (a rule that cannot fires nothing).
    for position in book.gated(s.yes) {
      apply(book.rules[book.indication[position]], book, &s, &sink)
    }
    let indication = s.fired
    if sink.topUrgency == .none {
      for rule in book.fallback { apply(book.rules[rule], book, &s, &sink) }
    }
    if sink.wantsNotes {
      s.decided = Int32(sink.topUrgency.rawValue)
      for rule in book.notes { apply(book.rules[rule], book, &s, &sink) }
    }
    return Fired(all: s.fired, indication: indication)
  }

  /// The region notes that explain the studies chosen (after the decision).
  static func regionNotes(_ answers: Answers, imaging: [ImagingStudy], fired: FiredRules)
    -> [Firing]
  {
    let book = CompiledBook.shared
    var s = Situation(answers)
    s.fired = fired
    s.planned = !imaging.isEmpty
    for study in imaging { s.planRegions |= 1 << Int32(StudyBits.regionIndex(study.region)) }
    // Room for every note when a study is planned (the notes explain studies); none otherwise.
    var sink = NoteSink(capacity: imaging.isEmpty ? 0 : book.regionNotes.count)
    for rule in book.regionNotes { apply(book.rules[rule], book, &s, &sink) }
    return sink.firings
  }

  /// Fires `rule` once for each arm whose condition holds.
  @inline(__always)
  static func apply<Sink: RuleSink>(
    _ rule: CompiledBook.Rule, _ book: CompiledBook, _ s: inout Situation, _ sink: inout Sink
  ) {
    // Each arm read in place: an arm is 112 bytes, which a `for arm in` would copy.
    for index in rule.arms.indices where book.holds(rule.arms.base[index].condition, s) {
      let arm = rule.arms.base + index
      s.fired.insert(rule.id)
      var evidence = FindingSet()
      for item in arm.pointee.evidence where book.holds(item.when, s) {
        evidence = evidence.union(s.yes.intersection(item.findings))
      }
      var inputs: NumericInputs = []
      for use in arm.pointee.inputs where book.holds(use.when, s) { inputs.formUnion(use.inputs) }
      if !arm.pointee.pending.isEmpty {
        var pending = FindingSet()
        for item in arm.pointee.pending where book.holds(item.when, s) {
          pending = pending.union(item.findings.subtracting(s.yes).subtracting(s.no))
        }
        sink.pending(pending)
      }
      let current = s
      sink.fire(rule.id, evidence, inputs: inputs) { plans in
        plan(arm.pointee, book, current, into: &plans)
      }
    }
  }

  /// Appends the studies and alternatives of `arm` for `s` to `plans`.
  static func plan(
    _ arm: CompiledBook.Arm, _ book: CompiledBook, _ s: Situation, into plans: inout Plans
  ) {
    guard arm.imaging.count + arm.alternatives.count > 0 else { return }
    let chosen = book.regions(arm.regions, s)
    // Room for the most the arm can plan (each study once per region): the lists grow at most
    // once per firing, and an evaluation that plans nothing allocates nothing.
    let perStudy = max(1, chosen.nonzeroBitCount)
    plans.reserve(
      imaging: arm.imaging.count * perStudy, alternatives: arm.alternatives.count * perStudy)
    book.forEachStudy(arm.imaging, chosen: chosen, s) { _, study in
      plans.imaging.append(StudyBits.study(at: study))
    }
    book.forEachStudy(arm.alternatives, chosen: chosen, s) { position, study in
      plans.alternatives.append(
        Alternative(StudyBits.study(at: study), when: arm.reasons[position]))
    }
  }
}
