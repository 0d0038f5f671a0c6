import Testing
import TriageFormats

@testable import TriageEngine

/// The declarative rule book against the rule code it replaced (the oracle): the full
/// recommendation JSON must be byte-identical on every generated answer set.
/// `SPINE_ORACLE_SETS=100000 swift test --filter RuleBookOracleTests` runs the full count.
@Suite struct RuleBookOracleTests {
  static let chunks = Array(0..<4)
  static let perChunk: Int = {
    let total = Int(Environment.value("SPINE_ORACLE_SETS") ?? "") ?? 4_000
    return max(1, total / chunks.count)
  }()

  @Test(arguments: chunks)
  func theBookRecommendsExactlyWhatTheOldCodeDid(chunk: Int) {
    let seed = 0x0AC1_E000 + UInt64(chunk)
    let sets = AnswerGenerator.sets(count: Self.perChunk, seed: seed)
    var differences = 0
    var first: String?
    for (index, answers) in sets.enumerated() {
      let book = RecommendationJSON.compactBytes(TriageEngine.evaluate(answers, rules: .book))
      let oracle = RecommendationJSON.compactBytes(TriageEngine.evaluate(answers, rules: .legacy))
      if book != oracle {
        differences += 1
        if first == nil {
          first =
            "set \(index) of seed \(seed):\nanswers \(answers)\nbook   \(String(decoding: book, as: UTF8.self))\noracle \(String(decoding: oracle, as: UTF8.self))"
        }
      }
    }
    print("oracle: seed \(seed), \(sets.count) sets, \(differences) differences")
    #expect(differences == 0, "\(differences) of \(sets.count) differ; first: \(first ?? "")")
  }

  @Test func theBookCarriesTheOldMetadata() {
    for id in RuleID.allCases {
      #expect(id.rule == RuleBook.legacyRule(id), "\(id.rule.id)")
    }
  }
}
