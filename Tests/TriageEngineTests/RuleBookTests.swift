import Testing

@testable import TriageEngine

/// The shape of the book: every identifier once, every rule a condition asks about read before
/// it, codes unique, every rule with a source.
@Suite struct RuleBookTests {
  @Test func everyIdentifierHasExactlyOneValue() {
    let ids = RuleBook.book.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(Set(ids) == Set(RuleID.allCases))
    let codes = RuleBook.book.map(\.rule.id)
    #expect(Set(codes).count == codes.count)
  }

  /// A condition may only ask about a rule the loop has already evaluated: earlier in the book
  /// in the same phase, or in an earlier phase.
  @Test func aRuleIsAskedAboutOnlyAfterItIsEvaluated() {
    let phases: [BookRule.Phase] = [.indication, .fallback, .note, .region]
    var evaluated = Set<RuleID>()
    for phase in phases {
      let rules =
        phase == .region ? RuleBook.regionNotes : RuleBook.book.filter { $0.phase == phase }
      for rule in rules {
        for asked in rule.conditions.flatMap(\.rulesAskedAbout) {
          #expect(
            evaluated.contains(asked),
            "\(rule.rule.id) asks about \(asked.rule.id) before it is evaluated")
        }
        if phase != .region { evaluated.insert(rule.id) }
      }
    }
  }

  @Test func everyRuleHasASourceAndAYear() {
    for rule in RuleBook.book {
      #expect(!rule.rule.source.isEmpty && rule.rule.year > 1990, "\(rule.rule.id)")
      #expect(!rule.arms.isEmpty, "\(rule.rule.id) has no condition")
    }
  }

  /// The region and note rules never set an urgency; the fallback rules set none at most.
  @Test func phasesMatchUrgencies() {
    for rule in RuleBook.book {
      switch rule.phase {
      case .note, .region: #expect(rule.rule.urgency == nil, "\(rule.rule.id)")
      case .fallback: #expect(rule.rule.urgency == Urgency.none, "\(rule.rule.id)")
      case .indication: break
      }
    }
  }

  /// The record cites what the rule table cites: every safety item's source is its rule's one
  /// source (seeded answer sets; the seed is printed).
  @Test func theRecordAndTheTableCiteTheSameSource() {
    let seed: UInt64 = 0x5AFE_0001
    print("safety sources: seed \(seed)")
    let table = Dictionary(uniqueKeysWithValues: RuleBook.safetyRules.map { ($0.id, $0.source) })
    var seen = Set<String>()
    for answers in AnswerGenerator.sets(count: 3_000, seed: seed) {
      for item in TriageEngine.evaluate(answers).safety {
        #expect(table[item.id] == item.source, "\(item.id): \(item.source)")
        seen.insert(item.id)
      }
    }
    #expect(seen.count >= 10, "only \(seen.sorted()) were seen")
  }
}
