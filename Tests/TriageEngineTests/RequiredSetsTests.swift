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
  }
}
