import Testing

@testable import TriageEngine

/// `missing` from the rules' read sets against the brute force it replaced: every unanswered
/// finding the form shows answered yes, then no, alone, and every number probed, with the whole book run again
/// and the full decision compared (seeded; the seed is printed).
/// `SPINE_PROPERTY_SETS=100000 swift test --filter MissingOracleTests` runs the full count.
@Suite struct MissingOracleTests {
  static let chunks = Array(0..<4)
  static let perChunk: Int = {
    let total = Int(Environment.value("SPINE_PROPERTY_SETS") ?? "") ?? 4_000
    return max(1, total / chunks.count)
  }()

  /// The brute force: what `missing` was before read sets.
  static func bruteForce(_ answers: Answers) -> ([Finding], NumericInputs) {
    let current = TriageEngine.outcome(of: answers)
    func changes(_ change: (inout Answers) -> Void) -> Bool {
      var flipped = answers
      change(&flipped)
      return TriageEngine.outcome(of: flipped).differs(from: current)
    }
    var findings: [Finding] = []
    let shown = Visibility.shown(answers)
    for finding in Finding.allCases
    where finding.question.polarity != .safety && answers[finding] == .unknown
      && shown.contains(finding)
    {
      if changes({ $0[finding] = .yes }) || changes({ $0[finding] = .no }) {
        findings.append(finding)
      }
    }
    var inputs: NumericInputs = []
    if answers.age == nil, [10, 40, 60, 80].contains(where: { age in changes { $0.age = age } }) {
      inputs.insert(.age)
    }
    if answers.symptomWeeks == nil,
      [1, 52].contains(where: { weeks in changes { $0.symptomWeeks = weeks } })
    {
      inputs.insert(.symptomWeeks)
    }
    if answers.conservativeWeeks == nil,
      changes({ $0.conservativeWeeks = max(6, $0.symptomWeeks ?? 52) })
    {
      inputs.insert(.conservativeWeeks)
    }
    return (findings, inputs)
  }

  @Test(arguments: chunks)
  func readSetsGiveWhatTheBruteForceGives(chunk: Int) {
    let seed = 0x0F11_9000 + UInt64(chunk)
    print("missing oracle: seed \(seed), \(Self.perChunk) sets")
    var differences = 0
    var first = ""
    for (index, answers) in AnswerGenerator.sets(count: Self.perChunk, seed: seed).enumerated() {
      var sink = PlanSink()
      let fired = BookEvaluator.run(answers, into: &sink)
      let fast = Missing.missing(answers, shown: Visibility.shown(answers), fired: fired.indication)
      let slow = Self.bruteForce(answers)
      let urgency = TriageEngine.urgency(of: answers)
      if fast.0 != slow.0 || fast.1 != slow.1
        || urgency != TriageEngine.outcome(of: answers).urgency
      {
        differences += 1
        if first.isEmpty {
          first =
            "set \(index): read sets \(fast.0.map(\.id)) \(fast.1.ids), brute force \(slow.0.map(\.id)) \(slow.1.ids)"
        }
      }
    }
    #expect(differences == 0, "\(differences) differ; first: \(first)")
  }

  /// What a study covers is transitive, so comparing what two plans cover (bit sets) is
  /// comparing the plans study by study.
  @Test func coverageIsTransitive() {
    for a in 0..<StudyBits.count {
      for b in 0..<StudyBits.count where StudyBits.covered[b].contains(a) {
        for c in 0..<StudyBits.count where StudyBits.covered[c].contains(b) {
          #expect(StudyBits.covered[c].contains(a), "\(a) \(b) \(c)")
        }
      }
    }
    #expect(
      StudyBits.regions == [
        .cervical, .thoracic, .lumbar, .lumbosacral, .wholeSpine, .abdominalAorta,
      ])
  }
}

/// `Worlds` against plain evaluation: for generated answer sets, every indication arm's value in
/// every one-answer world is the value of its condition evaluated in that world's answers, with
/// the rules before it run in that world too (seeded; the seed is printed).
@Suite struct WorldsTests {
  /// Every rule has a bit in a set of fired rules (and a place in the worlds of rules firing).
  @Test func everyRuleFitsASetOfFiredRules() {
    #expect(RuleID.allCases.allSatisfy { $0.rawValue < FiredRules.capacity })
  }

  /// Whether each arm of the indication rules holds in `s`, the rules run in book order.
  static func arms(_ book: CompiledBook, _ s: Situation) -> [Bool] {
    var s = s
    var values: [Bool] = []
    for index in book.indication {
      let rule = book.rules[index]
      let holds = rule.arms.map { book.evaluated($0.condition, s) }
      if holds.contains(true) { s.fired.insert(rule.id) } else { s.fired.remove(rule.id) }
      values += holds
    }
    return values
  }

  @Test func eachWorldIsTheConditionEvaluatedInIt() {
    let seed: UInt64 = 0x0F11_A000
    print("worlds: seed \(seed), 400 sets")
    let book = CompiledBook.shared
    var differences: [String] = []
    for answers in AnswerGenerator.sets(count: 400, seed: seed) {
      var sink = PlanSink()
      var start = Situation(answers)
      start.fired = BookEvaluator.run(answers, into: &sink).indication
      let unanswered = FindingSet(Finding.allCases).subtracting(answers.yesSet)
        .subtracting(answers.noSet)
      let context = Worlds.Context(
        yes: unanswered, no: unanswered.intersection(book.readsNo), start: start)
      let worlds = withUnsafeTemporaryAllocation(
        of: Worlds.self, capacity: FiredRules.capacity
      ) { firing in
        book.indication.flatMap { index in
          let rule = book.rules[index]
          var fires = context.none
          let arms = rule.arms.map { arm in
            let holds = Worlds.of(arm.condition, book, context, firing)
            fires.formUnion(holds)
            return holds
          }
          firing[rule.id.rawValue] = fires
          return arms
        }
      }
      for finding in unanswered.members {
        for yes in [true, false] where yes || context.no.contains(finding) {
          var s = Situation(answers)
          if yes { s.yes.insert(finding) } else { s.no.insert(finding) }
          for (arm, holds) in Self.arms(book, s).enumerated()
          where worlds[arm].contains(finding, yes: yes) != holds {
            differences.append("arm \(arm) \(finding.id) \(yes ? "yes" : "no")")
          }
        }
      }
      // Now is the book's value too.
      for (arm, holds) in Self.arms(book, Situation(answers)).enumerated()
      where worlds[arm].now != holds {
        differences.append("arm \(arm) now")
      }
    }
    #expect(differences.isEmpty, "\(differences.count) differ; first: \(differences.prefix(3))")
  }
}
