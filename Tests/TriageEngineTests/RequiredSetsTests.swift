import Testing

@testable import TriageEngine

/// The compiled book's required sets (``CompiledBook/required``): a condition that holds has
/// a yes in each of its sets, so the shortcut that skips a condition without one never changes
/// a value.
@Suite struct RequiredSetsTests {
  /// Calls `body` with the situation of each of 2,000 answer sets generated from `seed`, with
  /// the rules that fired for them (printing the seed).
  static func situations(_ name: String, seed: UInt64, _ body: (Situation) -> Void) {
    print("\(name): seed \(seed), 2000 sets")
    for answers in AnswerGenerator.sets(count: 2000, seed: seed) {
      var sink = CollectingSink()
      var s = Situation(answers)
      s.fired = BookEvaluator.run(answers, into: &sink).all
      body(s)
    }
  }

  /// Every node whose condition holds has a yes in each of its required sets.
  @Test func aConditionThatHoldsHasAYesInEachRequiredSet() {
    let book = CompiledBook.shared
    var violations: [String] = []
    var heldWithSets = 0
    var skipped = 0
    Self.situations("required sets", seed: 0x5E75_0001) { s in
      for node in book.nodes.indices {
        let held = book.evaluated(Int32(node), s)
        let may = book.mayHold(Int32(node), s.yes)
        if held && !may { violations.append("node \(node) (\(book.nodes[node].op))") }
        let sets = book.nodes[node].required & 7
        if held && sets > 0 { heldWithSets += 1 }
        if !may { skipped += 1 }
      }
    }
    #expect(violations.isEmpty, "\(violations.count) violations; first: \(violations.prefix(3))")
    // Not vacuous: conditions with sets held, and others were skipped by them.
    #expect(heldWithSets > 1000)
    #expect(skipped > 100_000)
  }

  /// Every indication rule with an arm that holds is among the rules the yes answers gate.
  @Test func aRuleThatCanFireIsGated() {
    let book = CompiledBook.shared
    var missed: [String] = []
    var fired = 0
    Self.situations("gates", seed: 0x5E75_0002) { s in
      let gated = book.gated(s.yes)
      for (position, index) in book.indication.enumerated() {
        let rule = book.rules[index]
        guard rule.arms.contains(where: { book.evaluated($0.condition, s) }) else { continue }
        fired += 1
        if !gated.contains(position) { missed.append(rule.id.rule.id) }
      }
    }
    #expect(missed.isEmpty, "\(missed.count) not gated; first: \(missed.prefix(3))")
    #expect(fired > 1000)
  }

  /// The evaluator's first pass, with its gates and shortcuts, fires what evaluating every
  /// indication rule node by node fires, for generated answer sets and for each of them with
  /// one more finding answered yes or no (the worlds of `missing`). The brute force of
  /// `MissingOracleTests` runs the evaluator, so this keeps it honest.
  @Test func theGatedFirstPassFiresWhatFullEvaluationFires() {
    let seed: UInt64 = 0x5E75_0003
    print("gated first pass: seed \(seed), 150 sets with every one-answer world")
    let book = CompiledBook.shared
    var differences: [String] = []
    var excluded = 0
    func check(_ answers: Answers) {
      var sink = PlanSink()
      let gatedFired = BookEvaluator.run(answers, into: &sink).indication
      var s = Situation(answers)
      for index in book.indication {
        let rule = book.rules[index]
        if rule.arms.contains(where: { book.evaluated($0.condition, s) }) {
          s.fired.insert(rule.id)
        }
      }
      if s.fired != gatedFired { differences.append("\(answers.yesSet.members.map(\.id))") }
      excluded += book.indication.count - Array(book.gated(answers.yesSet)).count
    }
    for answers in AnswerGenerator.sets(count: 150, seed: seed) {
      check(answers)
      let unanswered = FindingSet(Finding.allCases).subtracting(answers.yesSet)
        .subtracting(answers.noSet)
      for finding in unanswered.members {
        for value in [Answer.yes, .no] {
          var world = answers
          world[finding] = value
          check(world)
        }
      }
    }
    #expect(differences.isEmpty, "\(differences.count) differ; first: \(differences.prefix(2))")
    // Not vacuous: the gates leave rules out.
    #expect(excluded > 100_000)
  }

  /// The sets of a hand-written condition: an `all of` needs a yes in each `any of` it holds;
  /// an `any of` needs one from each child together; a `not` and a no need none.
  @Test func theSetsOfAHandWrittenCondition() {
    let a = FindingSet([.feverHistory, .ivDrugUse])
    let b = FindingSet([.cancerHistory])
    let c = FindingSet([.saddleAnesthesia, .urinaryRetention])
    func node(_ op: CompiledBook.Op, _ next: Int, _ set: FindingSet = FindingSet())
      -> CompiledBook.Node
    {
      CompiledBook.Node(op: op, next: Int32(next), set: set)
    }
    // 0: all(anyYes a, any(anyYes b, anyYes c), not(anyYes c), allNo c)
    let nodes = [
      node(.all, 8), node(.anyYes, 2, a), node(.any, 5), node(.anyYes, 4, b),
      node(.anyYes, 5, c), node(.not, 7), node(.anyYes, 7, c), node(.allNo, 8, c),
    ]
    let (located, sets) = CompiledBook.requiring(nodes)
    func required(_ node: Int) -> [FindingSet] {
      let at = located[node].required
      return (Int(at >> 3)..<Int((at >> 3) + (at & 7))).map { sets[$0] }
    }
    #expect(required(0) == [a, b.union(c)])
    #expect(required(2) == [b.union(c)])
    #expect(required(5).isEmpty)
    #expect(required(7).isEmpty)

    // all(anyYes d, anyYes e, anyYes f, anyYes a, anyYes b, anyYes d, neckOnly, any()): the
    // smallest sets first, each once, at most four; an `any of` nothing never holds.
    let d = FindingSet([.nightPain])
    let e = FindingSet([.weightLoss, .steroids, .tbRisk])
    let f = FindingSet([.osteoporosis, .steroids, .tbRisk, .immunosuppression])
    let wide = [
      node(.all, 9), node(.anyYes, 2, d), node(.anyYes, 3, e), node(.anyYes, 4, f),
      node(.anyYes, 5, a), node(.anyYes, 6, b), node(.anyYes, 7, d), node(.neckOnly, 8),
      node(.any, 9),
    ]
    let (wideLocated, wideSets) = CompiledBook.requiring(wide)
    let at = wideLocated[0].required
    let root = (Int(at >> 3)..<Int((at >> 3) + (at & 7))).map { wideSets[$0] }
    #expect(root.count == CompiledBook.requiredLimit)
    #expect(Set(root.map(\.count)) == [0, 1, 2])
    #expect(root.contains(FindingSet()) && root.contains(d) && root.contains(b))
    #expect(root.filter { $0 == d }.count == 1)
    let neck = wideLocated[7].required
    #expect(neck & 7 == 1 && wideSets[Int(neck >> 3)] == Situation.neck)
  }
}
