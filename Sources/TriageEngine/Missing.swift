/// `missing`: which unanswered findings (and unrecorded numbers) could change the urgency or
/// the studies. Each finding the form shows is answered yes, then no (only where a rule reads a
/// no), alone: one "world" per answer.
///
/// The worlds are weighed all at once. Each indication rule's condition is evaluated once, over
/// bit sets that hold its value in every world (``Worlds``), so each arm knows where it holds.
/// A world changes the outcome when an arm of a more urgent rule holds in it, or an arm holds
/// there that plans a study not yet covered; it leaves it as it is when no arm holds or stops
/// holding there but arms that add nothing. Only a world where an arm stops holding, or where
/// the answer changes the studies of an arm that holds (a pain site choosing the region), has
/// its outcome worked out, from the arms that hold in it. Numbers are probed one value at a
/// time, running again the rules that read them.
enum Missing {
  /// What one indication rule gives the outcome.
  struct Contribution: Equatable {
    var urgency: Int32 = -1
    var covered = StudyBits()
  }

  /// The outcome of a whole evaluation: the urgency and what the studies cover.
  struct Outcome: Equatable {
    var urgency: Int32 = 0
    var covered = StudyBits()

    @inline(__always) mutating func add(_ contribution: Contribution) {
      urgency = max(urgency, contribution.urgency)
      covered.formUnion(contribution.covered)
    }
  }

  /// Evaluates the indication rule at `position` in `s` (marking it fired or not).
  @inline(__always)
  static func contribution(_ position: Int, _ book: CompiledBook, _ s: inout Situation)
    -> Contribution
  {
    let rule = book.rules[book.indication[position]]
    var result = Contribution()
    var fired = false
    // Each arm read in place (`base[arm]`): an arm is 112 bytes, which a `for arm in` would copy.
    for arm in rule.arms.indices where book.holds(rule.arms.base[arm].condition, s) {
      fired = true
      // Only rules that ask for imaging put studies in the plan.
      guard rule.urgency > 0 else { continue }
      result.covered.formUnion(covered(rule.arms.base[arm], book, s))
    }
    if fired {
      result.urgency = rule.urgency
      s.fired.insert(rule.id)
    } else {
      s.fired.remove(rule.id)
    }
    return result
  }

  /// What the studies of `arm` cover in `s`.
  @inline(__always)
  static func covered(_ arm: CompiledBook.Arm, _ book: CompiledBook, _ s: Situation) -> StudyBits {
    var covered = StudyBits()
    book.forEachStudy(arm.imaging, regions: arm.regions, s) { _, study in
      covered.formUnion(StudyBits.covered[study])
    }
    return covered
  }

  /// The urgency and what the studies cover, for `answers`.
  static func outcome(_ answers: Answers) -> Outcome {
    let book = CompiledBook.shared
    var s = Situation(answers)
    var outcome = Outcome()
    for position in book.gated(s.yes) { outcome.add(contribution(position, book, &s)) }
    return outcome
  }

  /// The unanswered findings among `shown` (what the questionnaire shows for `answers`) and
  /// the unrecorded numbers whose answer could change the urgency or the studies, in catalogue
  /// order. `fired` must be exactly what the indication rules fired for `answers` (the
  /// evaluator's first phase): a rule asked about that no yes, now or in a world, may fire is
  /// taken at that value.
  static func missing(_ answers: Answers, shown: FindingSet, fired: FiredRules) -> (
    [Finding], NumericInputs
  ) {
    let book = CompiledBook.shared
    var situation = Situation(answers)
    situation.fired = fired
    // A constant (the closure below reads it without an access check at run time).
    let start = situation
    let answered = answers.yesSet.union(answers.noSet)
    let candidates = book.read.intersection(askable).intersection(shown).subtracting(answered)
    let context = Worlds.Context(
      yes: candidates, no: candidates.intersection(book.readsNo), start: start)

    // Each rule's contribution now; each arm weighed; for each rule (raw identifier), the worlds
    // where it fires.
    let counts = (book.indication.count, book.indicationArms, FiredRules.capacity)
    return TemporaryBuffers.with(Contribution.self, Contributor.self, Worlds.self, counts: counts) {
      base, contributors, firing in
      // Each rule's contribution now is kept only for the numbers' probes (a rule that did not
      // fire gives nothing).
      let probing =
        answers.age == nil || answers.symptomWeeks == nil || answers.conservativeWeeks == nil
      if probing {
        for position in book.indication.indices { base[position] = Contribution() }
      }
      // The outcome now, from the rules that fired (each among the rules a yes now gates).
      var outcome = Outcome()
      for position in book.gated(start.yes)
      where fired.contains(book.rules[book.indication[position]].id) {
        var s = start
        let now = contribution(position, book, &s)
        if probing { base[position] = now }
        outcome.add(now)
      }
      // A constant from here on (the probes below read it).
      let current = outcome

      let findings =
        candidates.isEmpty
        ? [] : weigh(book, context, current, firing: firing, contributors: contributors)

      var inputs: NumericInputs = []
      /// Whether `measure` recorded as one of `values`, with the rules that read it run again
      /// (the others give what they gave), gives another outcome.
      func probe(_ measure: Int, _ values: [Int32]) -> Bool {
        let readers = book.numberReaders[measure]
        guard !readers.isEmpty else { return false }
        return values.contains { value in
          var s = start
          s.numbers[measure] = value
          var outcome = Outcome()
          var next = 0
          for position in book.indication.indices {
            if next < readers.count && readers[next] == position {
              next += 1
              outcome.add(contribution(position, book, &s))
            } else {
              outcome.add(base[position])
            }
          }
          return outcome != current
        }
      }
      if answers.age == nil, probe(0, [10, 40, 60, 80]) { inputs.insert(.age) }
      if answers.symptomWeeks == nil, probe(1, [1, 52]) { inputs.insert(.symptomWeeks) }
      if answers.conservativeWeeks == nil,
        probe(2, [Int32(max(6, answers.symptomWeeks ?? 52))])
      {
        inputs.insert(.conservativeWeeks)
      }
      return (findings, inputs)
    }
  }

  /// An arm of a rule that asks for imaging, weighed in every world.
  struct Contributor {
    /// Where the arm holds.
    var holding: Worlds
    /// What its studies read (``CompiledBook/planReads``).
    var planReads: FindingSet
    var urgency: Int32
    /// The rule (index in the book) and the arm.
    var rule: Int32
    var arm: Int32
    /// What its studies cover now, once worked out.
    var plan: StudyBits?
  }

  /// The candidate findings whose world (yes, or no) gives another outcome than `current`.
  /// `firing` gets, for each rule a condition asks about (raw identifier), the worlds where it
  /// fires (its other entries are never written or read); `contributors`, the arms weighed of
  /// rules that ask for imaging.
  private static func weigh(
    _ book: CompiledBook, _ context: Worlds.Context, _ current: Outcome,
    firing: UnsafeMutableBufferPointer<Worlds>,
    contributors: UnsafeMutableBufferPointer<Contributor>
  ) -> [Finding] {
    let start = context.start
    // The rules whose worlds are worked out. A rule that did not fire, that no condition asks
    // about, and that would add nothing to the outcome by firing (no more urgent, its studies
    // covered) is put off: it matters only in a world where other rules give less.
    var weighedSet = FiredRules()
    var contributorCount = 0
    var deferred = false
    // Worlds that change the outcome whatever the rest; worlds whose outcome must be worked out.
    var changed = context.none
    var unsure = context.none
    // A rule asked about has the value of now until it is weighed (a condition asks only about
    // rules before it; a rule asked about is weighed whenever a yes, now or in a world, may fire
    // it, and otherwise fires nowhere, as its value of now says; this keeps any other book from
    // reading what was never written).
    for raw in book.askedAboutList {
      firing[Int(raw)] = context.constant(start.fired.contains(rawValue: Int(raw)))
    }
    // A rule that no yes, now or in a world, gates fires nowhere (and did not fire now).
    for position in book.gated(start.yes.union(context.yes)) {
      let ruleIndex = book.indication[position]
      let rule = book.rules[ruleIndex]
      let asked = book.askedAbout.contains(rule.id)
      // A rule that asks for no imaging gives the outcome nothing; only whether it fires can
      // matter, to a rule that asks.
      guard rule.urgency > 0 || asked else { continue }
      if !asked && !start.fired.contains(rule.id) && rule.urgency <= current.urgency
        && book.ceilings[ruleIndex].isSubset(of: current.covered)
      {
        deferred = true
        continue
      }
      weighedSet.insert(rule.id)
      // A more urgent rule that no condition asks about changes the outcome wherever it holds
      // (it does not hold now: the urgency now would be at least its own), so only the worlds
      // not yet known to change are worth weighing; and no world it holds in is ever worked out
      // (each is changed), so it needs no contributor. A world with a no is weighed in full.
      if rule.urgency > current.urgency && !asked {
        let undecided = context.yes.subtracting(changed.yes)
        for armIndex in rule.arms.indices {
          changed.formUnion(
            Worlds.of(
              rule.arms.base[armIndex].condition, book, context, firing, only: undecided))
        }
        continue
      }
      var fires = context.none
      for armIndex in rule.arms.indices {
        let holds = Worlds.of(rule.arms.base[armIndex].condition, book, context, firing)
        fires.formUnion(holds)
        // An arm that holds nowhere gives nothing anywhere.
        guard rule.urgency > 0, holds.now || !holds.isEmpty else { continue }
        var contributor = Contributor(
          holding: holds, planReads: book.planReads[ruleIndex][armIndex], urgency: rule.urgency,
          rule: Int32(ruleIndex), arm: Int32(armIndex))
        // A more urgent rule firing changes the urgency.
        if rule.urgency > current.urgency {
          changed.formUnion(holds)
        } else {
          // Where the answer changes its studies, the outcome is worked out.
          let replanned = holds.restricted(to: contributor.planReads)
          unsure.formUnion(replanned)
          if holds.now {
            // Where it stops holding, its studies may be missed.
            unsure.formUnion(context.complement(holds))
          } else {
            // Where it starts to hold with the same studies, they may add to the plan (worked
            // out only for worlds not known to change already, and when the most it could
            // plan is not covered).
            let gains = holds.subtracting(replanned).subtracting(changed)
            if !gains.isEmpty && !book.ceilings[ruleIndex].isSubset(of: current.covered) {
              let plan = covered(rule.arms.base[armIndex], book, start)
              contributor.plan = plan
              if !plan.isSubset(of: current.covered) { changed.formUnion(gains) }
            }
          }
        }
        contributors[contributorCount] = contributor
        contributorCount += 1
      }
      // Only a condition reads it: kept for the rules asked about.
      if asked { firing[rule.id.rawValue] = fires }
    }
    unsure = unsure.subtracting(changed)

    // What `differs` reads, fixed from here on (constants: no access to a changing variable
    // to check at run time).
    let contributorTotal = contributorCount
    let weighed = weighedSet
    let putOff = deferred

    /// Whether the world where `finding` is answered `yes` (or no) gives another outcome: the
    /// urgency and studies of the arms that hold in it.
    func differs(_ finding: Finding, yes: Bool) -> Bool {
      var s = start
      if yes { s.yes.insert(finding) } else { s.no.insert(finding) }
      // Whether the rules asked about fire in this world (a study's condition, or a rule put
      // off, may ask). Only a condition reads what fired; `firing` holds every rule asked
      // about (weighed, or at its value of now).
      for raw in book.askedAboutList {
        let raw = Int(raw)
        if firing[raw].contains(finding, yes: yes) {
          s.fired.insert(rawValue: raw)
        } else {
          s.fired.remove(rawValue: raw)
        }
      }
      var outcome = Outcome()
      for index in 0..<contributorTotal
      where contributors[index].holding.contains(finding, yes: yes) {
        let contributor = contributors[index]
        outcome.urgency = max(outcome.urgency, contributor.urgency)
        let arm = book.rules[Int(contributor.rule)].arms[Int(contributor.arm)]
        // Its studies are those of now, unless they read this finding.
        if contributor.planReads.contains(finding) {
          outcome.covered.formUnion(covered(arm, book, s))
        } else if let plan = contributor.plan {
          outcome.covered.formUnion(plan)
        } else {
          let plan = covered(arm, book, start)
          contributors[index].plan = plan
          outcome.covered.formUnion(plan)
        }
      }
      guard outcome != current, putOff else { return outcome != current }
      // The rules put off may make up for what the others give less: each gives no more than
      // the outcome now, so once they have made it up, the rest cannot change it.
      for position in book.gated(s.yes) {
        let ruleIndex = book.indication[position]
        let rule = book.rules[ruleIndex]
        guard rule.urgency > 0, !weighed.contains(rule.id) else { continue }
        for arm in rule.arms.indices where book.holds(rule.arms.base[arm].condition, s) {
          outcome.urgency = max(outcome.urgency, rule.urgency)
          outcome.covered.formUnion(covered(rule.arms.base[arm], book, s))
        }
        if outcome == current { return false }
      }
      return true
    }

    var findings: [Finding] = []
    // Catalogue order: a finding whose yes or no world changes the outcome (only a world that
    // changes or may change it is looked at).
    let changes = changed.yes.union(changed.no)
    let looked = changes.union(unsure.yes).union(unsure.no).intersection(context.yes)
    if !changes.isEmpty { findings.reserveCapacity(looked.count) }
    for raw in looked.rawValues {
      let finding = Finding(rawValue: UInt8(raw)).unsafelyUnwrapped
      if changes.contains(finding)
        || (unsure.contains(finding, yes: true) && differs(finding, yes: true))
        || (unsure.contains(finding, yes: false) && differs(finding, yes: false))
      {
        findings.append(finding)
      }
    }
    return findings
  }

  /// The findings a clinician answers about the patient's condition (every screen but MRI
  /// safety, which changes how to image, never whether or how soon).
  static let askable = FindingSet(Finding.allCases.filter { $0.question.polarity != .safety })
}
