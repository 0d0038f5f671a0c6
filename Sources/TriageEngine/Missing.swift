/// `missing` from the rules' read sets: which unanswered findings (and unrecorded numbers)
/// could change the urgency or the studies. Each is answered yes, then no (only where a rule
/// reads a no), alone; only the indication rules that read it, directly or through a rule they
/// ask about, run again, each giving its urgency and what its studies cover (a bit set); the
/// others keep what they gave.
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
    for arm in rule.arms where book.holds(arm.condition, s) {
      fired = true
      // Only rules that ask for imaging put studies in the plan.
      guard rule.urgency > 0 else { continue }
      book.forEachStudy(arm.imaging, regions: arm.regions, s) { _, study in
        result.covered.formUnion(StudyBits.covered[study])
      }
    }
    if fired {
      result.urgency = rule.urgency
      s.fired.insert(rule.id)
    } else {
      s.fired.remove(rule.id)
    }
    return result
  }

  /// The urgency and what the studies cover, for `answers`.
  static func outcome(_ answers: Answers) -> Outcome {
    let book = CompiledBook.shared
    var s = Situation(answers)
    var outcome = Outcome()
    for position in book.indication.indices { outcome.add(contribution(position, book, &s)) }
    return outcome
  }

  /// The unanswered findings among `shown` (what the questionnaire shows for `answers`) and
  /// the unrecorded numbers whose answer could change the urgency or the studies, in catalogue
  /// order.
  static func missing(_ answers: Answers, shown: FindingSet) -> ([Finding], NumericInputs) {
    let book = CompiledBook.shared
    let count = book.indication.count
    return withUnsafeTemporaryAllocation(of: Contribution.self, capacity: 2 * count) { buffer in
      let base = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
      let scratch = UnsafeMutableBufferPointer(rebasing: buffer[count..<(2 * count)])
      // Built here, then only read (constants: no exclusivity checks in the functions below).
      let (start, current) = {
        var start = Situation(answers)
        var current = Outcome()
        for position in 0..<count {
          base[position] = contribution(position, book, &start)
          current.add(base[position])
        }
        return (start, current)
      }()
      _ = scratch.initialize(from: base)
      // For each rule that did not fire, the answers that could make it fire: for some arm,
      // read by every part of its condition that is false now (one answer changes at a time),
      // worked out when a flip first reaches the rule. A rule that fired is always run again.
      return withUnsafeTemporaryAllocation(of: FindingSet.self, capacity: count) { canFire in
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: count) { known in
          known.initialize(repeating: false)
          return search(canFire, known)
        }
      }

      /// The answers that could make the rule at `position` fire (every one, if it fired).
      func couldFire(_ position: Int) -> FindingSet {
        let rule = book.indication[position]
        if start.fired.contains(book.rules[rule].id) { return book.read }
        var could = FindingSet()
        for arm in book.parts[rule] {
          var must = book.read
          for part in arm where !book.holds(part.node, start) {
            must = must.intersection(part.reads)
            // No one answer is read by every false part: the arm cannot fire by one answer.
            if must.isEmpty { break }
          }
          could = could.union(must)
        }
        return could
      }

      func search(
        _ canFire: UnsafeMutableBufferPointer<FindingSet>, _ known: UnsafeMutableBufferPointer<Bool>
      ) -> ([Finding], NumericInputs) {

        /// Whether the rule at `position` can give something else when `finding` changes.
        @inline(__always) func reaches(_ position: Int, _ finding: Finding) -> Bool {
          if !known[position] {
            canFire[position] = couldFire(position)
            known[position] = true
          }
          return canFire[position].contains(finding)
        }

        /// Whether the answers changed by `change`, with the rules at `positions` run again,
        /// give another urgency or other studies.
        func changes(
          _ positions: Frozen<Int>, _ flipped: Finding? = nil, _ change: (inout Situation) -> Void
        ) -> Bool {
          var s = start
          change(&s)
          var changed = false
          for position in positions {
            // A rule that cannot fire by this answer gives what it gave (nothing).
            if let flipped, !reaches(position, flipped) { continue }
            let contribution = contribution(position, book, &s)
            guard contribution != base[position] else { continue }
            // A higher urgency, or a study the plan does not cover yet, changes the outcome
            // whatever the other rules give.
            if contribution.urgency > current.urgency
              || !contribution.covered.isSubset(of: current.covered)
            {
              for position in positions { scratch[position] = base[position] }
              return true
            }
            scratch[position] = contribution
            changed = true
          }
          guard changed else { return false }
          var outcome = Outcome()
          for position in 0..<count { outcome.add(scratch[position]) }
          for position in positions { scratch[position] = base[position] }
          return outcome != current
        }

        var findings: [Finding] = []
        let answered = answers.yesSet.union(answers.noSet)
        let candidates = book.read.intersection(askable).intersection(shown).subtracting(answered)
        if !candidates.isEmpty {
          for finding in candidates.members {
            let readers = book.readers[Int(finding.rawValue)]
            if changes(readers, finding, { $0.yes.insert(finding) })
              || (book.readsNo.contains(finding)
                && changes(readers, finding, { $0.no.insert(finding) }))
            {
              findings.append(finding)
            }
          }
        }
        var inputs: NumericInputs = []
        func probe(_ measure: Int, _ values: [Int32]) -> Bool {
          let readers = book.numberReaders[measure]
          return !readers.isEmpty
            && values.contains { value in
              changes(readers) { $0.numbers[measure] = value }
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
  }

  /// The findings a clinician answers about the patient's condition (every screen but MRI
  /// safety, which changes how to image, never whether or how soon).
  static let askable = FindingSet(Finding.allCases.filter { $0.question.polarity != .safety })
}
