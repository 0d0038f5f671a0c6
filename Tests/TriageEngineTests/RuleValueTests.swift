import Testing

@testable import TriageEngine

/// A rule is a value over one shared storage: equality and hashing are those of its fields,
/// whichever storage holds them.
@Suite struct RuleValueTests {
  static func make(title: String = "A rule", note: String? = nil, opposes: [String] = []) -> Rule {
    Rule(
      id: "TEST-1", title: title, urgency: .urgent, source: "A source (2020)", year: 2020,
      certainty: .verified, timeframe: "Within 24 hours", timeframeHours: 24, note: note,
      seedAbout: [.painLowBack], opposes: opposes)
  }

  @Test func rulesWithTheSameFieldsAreEqualAndHashAlike() {
    let one = Self.make()
    let other = Self.make()
    #expect(one == other)
    #expect(one.hashValue == other.hashValue)
    #expect(Set([one, other, one]).count == 1)
  }

  @Test func aRuleDiffersFromOneWithAnyFieldChanged() {
    let one = Self.make()
    #expect(one != Self.make(title: "Another rule"))
    #expect(one != Self.make(note: "A note"))
    #expect(one != Self.make(opposes: ["TEST-2"]))
  }

  @Test func aCopyReadsTheSameFields() {
    let table = RuleBook.rules
    for rule in table {
      let copy = rule
      #expect(copy == rule)
      #expect(copy.id == rule.id && copy.title == rule.title && copy.source == rule.source)
      #expect(copy.timeframeHours == rule.timeframeHours && copy.opposes == rule.opposes)
    }
    #expect(Set(table.map(\.id)).count == table.count)
  }
}
