import Testing
import TriageEngine

/// `Answers.set(yes:no:unknown:)`, the fast decoder's one step, is setting each finding one by
/// one, from any answers (findings not done included).
@Suite struct AnswersSetTests {
  @Test func settingSetsAtOnceIsSettingEachFinding() {
    var rng = SplitMix64(seed: 16)
    for round in 0..<2_000 {
      var start = AnswerGenerator.answers(&rng)
      for finding in Finding.allCases where rng.chance(0.05) { start.markNotDone(finding) }
      var yes = FindingSet()
      var no = FindingSet()
      var unknown = FindingSet()
      var oneByOne = start
      for finding in Finding.allCases where rng.chance(0.4) {
        let answer = Answer.allCases[rng.int(in: 0...(Answer.allCases.count - 1))]
        switch answer {
        case .yes: yes.insert(finding)
        case .no: no.insert(finding)
        case .unknown: unknown.insert(finding)
        }
        oneByOne[finding] = answer
      }
      var atOnce = start
      atOnce.set(yes: yes, no: no, unknown: unknown)
      #expect(atOnce == oneByOne, "round \(round)")
      #expect(
        Finding.allCases.allSatisfy { atOnce.isNotDone($0) == oneByOne.isNotDone($0) },
        "round \(round)")
    }
  }
}
