import Foundation
import Testing
import TriageFormats

@testable import TriageEngine

/// The recommendations of the current rule set on 1,000 generated answer sets, byte for byte:
/// `Golden/rule-set-3.golden` holds each answers file with the recommendation JSON recorded for
/// it. Rule set 2's file was recorded from the rule code before the declarative book (which the
/// oracle test had compared with the book on 100,000 sets); rule set 3 changed recommendations on
/// purpose, and its file was re-recorded after the differences were reviewed by class (CHANGELOG,
/// spine-triage-rules@3).
///
/// A deliberate rule change (a new rule set) changes some of them: review each difference the
/// test prints, then re-record with `SPINE_RECORD_GOLDEN=1 swift test --filter RuleBookGolden`
/// (renaming the file after the rule set) and say so in CHANGELOG.md.
@Suite struct RuleBookGoldenTests {
  static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden/rule-set-3.golden")
  static let seed: UInt64 = 0x601D_0002
  static let count = 1_000

  /// One line per case: the answers file, a tab, the recommendation (both compact JSON).
  static func line(_ answers: Answers, _ recommendation: Recommendation) -> String {
    AnswersCodec.encode(AnswerSheet(answers: answers), pretty: false) + "\t"
      + RecommendationJSON.string(recommendation, pretty: false)
  }

  @Test func theBookGivesTheRecordedRecommendations() throws {
    if Environment.value("SPINE_RECORD_GOLDEN") == "1" {
      let lines = AnswerGenerator.sets(count: Self.count, seed: Self.seed).map {
        Self.line($0, TriageEngine.evaluate($0))
      }
      let header =
        "# \(Self.count) answer sets (AnswerGenerator, seed \(Self.seed)) and their recommendation (\(RuleBook.version))\n"
      try (header + lines.joined(separator: "\n") + "\n").write(
        to: Self.file, atomically: true, encoding: .utf8)
    }
    let text = try String(contentsOf: Self.file, encoding: .utf8)
    var cases = 0
    var differences = 0
    var examples: [String] = []
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(separator: "\t", maxSplits: 1)
      try #require(parts.count == 2, "a golden line without a tab")
      let sheet = try AnswersCodec.decode(Array(parts[0].utf8), checksConsistency: false)
      let now = RecommendationJSON.string(TriageEngine.evaluate(sheet.answers), pretty: false)
      cases += 1
      guard now != parts[1] else { continue }
      differences += 1
      if examples.count < 3 {
        examples.append("answers \(parts[0])\nrecorded \(parts[1])\nnow      \(now)")
      }
    }
    #expect(cases == Self.count)
    #expect(
      differences == 0,
      "\(differences) of \(cases) differ, for example:\n\(examples.joined(separator: "\n\n"))")
  }
}
