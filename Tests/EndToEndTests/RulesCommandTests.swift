import Foundation
import Testing

/// `spine-triage rules --explain ID` and `rules --format json`: the book printed by the code that
/// evaluates it, in the questions' own words.
@Suite struct RulesCommandTests {
  @Test func explainPrintsTheConditionInTheQuestionsWordsAndThePlan() throws {
    let result = try CLI.run(["rules", "--explain", "CES-1"])
    #expect(result.status == 0, "\(result)")
    let text = result.stdout
    for part in [
      "CES-1: Suspected cauda equina syndrome", "Urgency: EMERGENCY", "When:",
      "“Saddle numbness”", "“Weakness or numbness on both sides” is yes",
      "Study: MRI lumbosacral spine without contrast",
      "Alternative: CT myelogram lumbosacral spine (MRI contraindicated or not available in time)",
      "Latest time to the study: 4 hours", "Source: GIRFT National Suspected CES Pathway 2023",
      "Certainty of the source: verified in the source text",
    ] {
      #expect(text.contains(part), "missing \(part) in:\n\(text)")
    }
    // Words for people: no answers-file identifiers in what a clinician reads.
    #expect(text.range(of: #"\b[a-z]+_[a-z_]+\b"#, options: .regularExpression) == nil, "\(text)")
  }

  @Test func everyRuleCanBeExplained() throws {
    let table = try CLI.run(["rules", "--format", "json"])
    #expect(table.status == 0)
    let rules = try #require(
      JSONSerialization.jsonObject(with: Data(table.stdout.utf8)) as? [[String: Any]])
    #expect(rules.count > 80)
    for rule in rules {
      let id = try #require(rule["id"] as? String)
      let explained = try CLI.run(["rules", "--explain", id])
      #expect(explained.status == 0 && explained.stdout.hasPrefix("\(id): "), "\(id)")
      #expect(explained.stdout.contains("Source: "), "\(id)")
      // Nested groups of the same kind read as one list.
      let lines = explained.stdout.split(separator: "\n").map(String.init)
      for (line, next) in zip(lines, lines.dropFirst()) {
        for group in ["all of:", "any of:"] where line.hasSuffix(group) {
          #expect(next != "  " + line, "\(id): '\(group)' inside '\(group)'")
        }
      }
      #expect(rule["arms"] as? [[String: Any]] != nil, "\(id) has no condition tree")
    }
  }

  @Test func anUnknownRuleIsAOneLineError() throws {
    let result = try CLI.run(["rules", "--explain", "XX-9"])
    #expect(result.status != 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "spine-triage: no rule XX-9 (spine-triage rules lists them)\n")
  }
}
