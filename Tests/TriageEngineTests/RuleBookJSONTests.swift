import Testing
import TriageFormats

@testable import TriageEngine

/// `spine-triage rules --format json` prints each rule's condition tree. These tests read the
/// printed trees with an interpreter written here, from the documented meaning of each node
/// alone, and check it fires exactly the indication rules the engine fires: what a reviewer
/// reads is what the engine evaluates.
@Suite struct RuleBookJSONTests {
  /// The printed rules, by identifier.
  /// The printed rules, in the order they are evaluated (their `evaluation` number; the
  /// safety rules, which have none, last).
  static let printed: [(id: String, phase: String, conditions: [JSONValue])] = {
    guard case .array(let printed) = RuleBookJSON.json() else { return [] }
    let rules = printed.enumerated().sorted {
      ($0.element["evaluation"]?.integer ?? Int.max, $0.offset)
        < ($1.element["evaluation"]?.integer ?? Int.max, $1.offset)
    }.map(\.element)
    return rules.map { rule in
      let arms = rule["arms"]?.elements ?? []
      return (
        rule["id"]?.text ?? "", rule["phase"]?.text ?? "",
        arms.compactMap { $0["condition"] }
      )
    }
  }()

  @Test func everyRuleIsPrintedOnceWithItsPlanAndTimeframe() throws {
    let ids = Self.printed.map(\.id)
    #expect(
      Array(ids.prefix(RuleBook.book.count)) == RuleBook.book.map(\.rule.id),
      "the evaluation numbers give the book's order")
    #expect(Set(ids).count == ids.count)
    #expect(Set(ids) == Set((RuleBook.rules + RuleBook.safetyRules).map(\.id)))
    guard case .array(let rules) = RuleBookJSON.json() else {
      Issue.record("the rule book is not a JSON array")
      return
    }
    for rule in rules where rule["phase"]?.text != "safety" {
      let id = rule["id"]?.text ?? "?"
      #expect(rule["arms"]?.elements?.isEmpty == false, "\(id) has no arms")
      for arm in rule["arms"]?.elements ?? [] {
        #expect(arm["plan"]?["imaging"]?.elements != nil, "\(id): a plan without imaging list")
      }
      let metadata = try #require(RuleBook.rule(id: id))
      #expect(rule["timeframe"]?.text == metadata.timeframe, "\(id)")
    }
  }

  /// Rule set 3's metadata (adult only, low back only, the rules a rule never fires with, what
  /// its seed difference is about) is printed as the book holds it, and said in words by
  /// `rules --explain`.
  @Test func theRuleSet3MetadataIsPrintedAndExplained() throws {
    guard case .array(let rules) = RuleBookJSON.json() else {
      Issue.record("the rule book is not a JSON array")
      return
    }
    for rule in rules where rule["phase"]?.text != "safety" {
      let id = rule["id"]?.text ?? "?"
      let metadata = try #require(RuleBook.rule(id: id))
      #expect(rule["adult_only"] == .bool(metadata.adultOnly), "\(id)")
      #expect(rule["lumbar_only"] == .bool(metadata.lumbarOnly), "\(id)")
      #expect(rule["opposes"]?.elements?.compactMap(\.text) == metadata.opposes, "\(id)")
      #expect(
        rule["seed_about"]?.elements?.compactMap(\.text) == metadata.seedAbout.members.map(\.id),
        "\(id)")
      #expect(rule["seed_about_age"] == .bool(metadata.seedAboutAge), "\(id)")
      let words = try #require(RuleExplanation.text(id))
      #expect(words.contains("For adults (16 and over)") == metadata.adultOnly, "\(id)")
      #expect(words.contains("Only with a low back presentation") == metadata.lumbarOnly, "\(id)")
      for other in metadata.opposes {
        #expect(words.contains(other), "\(id) should name \(other)")
      }
      // Every rule it never fires with exists.
      for other in metadata.opposes { #expect(RuleBook.rule(id: other) != nil, "\(id): \(other)") }
    }
  }

  @Test func identifiersInTheTreesAreTheContractsIdentifiers() {
    // Findings by their answers-file identifiers, sites and inputs in snake_case.
    let findings = Set(Finding.allCases.map(\.id))
    func check(_ node: JSONValue, _ id: String) {
      switch node {
      case .object(let members):
        for (key, value) in members {
          switch key {
          case "yes", "no", "unanswered":
            #expect(value.text.map(findings.contains) == true, "\(id): \(key) \(value)")
          case "site":
            #expect(["low_back", "neck", "mid_back", "neck_only"].contains(value.text ?? ""))
          default: check(value, id)
          }
        }
      case .array(let items): for item in items { check(item, id) }
      default: break
      }
    }
    for rule in Self.printed { for condition in rule.conditions { check(condition, rule.id) } }
  }

  @Test(arguments: 0..<4) func thePrintedTreesFireWhatTheEngineFires(chunk: Int) {
    let indication = Self.printed.filter { $0.phase == "indication" }
    for answers in AnswerGenerator.sets(count: 500, seed: 0x150_0000 + UInt64(chunk)) {
      var fired: Set<String> = []
      for rule in indication
      where rule.conditions.contains(where: { Self.holds($0, answers, fired) }) {
        fired.insert(rule.id)
      }
      let engine = Set(TriageEngine.evaluate(answers).rules.map(\.rule.id))
        .intersection(indication.map(\.id))
      #expect(
        fired == engine, "\(AnswersCodec.encode(AnswerSheet(answers: answers), pretty: false))")
      if fired != engine { return }
    }
  }

  /// The documented meaning of a printed condition node.
  static func holds(_ node: JSONValue, _ answers: Answers, _ fired: Set<String>) -> Bool {
    func finding(_ value: JSONValue?) -> Finding? {
      Finding.allCases.first { $0.id == value?.text }
    }
    func group(_ value: JSONValue?) -> [Finding] {
      (value?["findings"]?.elements ?? []).compactMap { finding($0) }
    }
    func number(_ id: String?) -> Int? {
      switch id {
      case "age": answers.age
      case "symptom_weeks": answers.symptomWeeks
      case "conservative_weeks": answers.conservativeWeeks
      default: nil
      }
    }
    func yes(_ findings: [Finding]) -> Bool { findings.contains { answers[$0] == .yes } }
    if node.text == "always" { return true }
    guard case .object(let members) = node, let (key, value) = members.first else {
      Issue.record("unknown condition node \(node)")
      return false
    }
    switch key {
    case "yes": return finding(value).map { answers[$0] == .yes } ?? false
    case "no": return finding(value).map { answers[$0] == .no } ?? false
    case "unanswered": return finding(value).map { answers[$0] == .unknown } ?? false
    case "any_yes": return yes(group(value))
    case "all_no": return group(value).allSatisfy { answers[$0] == .no }
    case "site":
      let low = yes([.painLowBack, .radiatesLeg])
      let neck = yes([.painNeck, .radiatesArm])
      let mid = yes([.painMidBack])
      switch value.text {
      case "low_back": return low
      case "neck": return neck
      case "mid_back": return mid
      case "neck_only": return neck && !low && !mid
      default:
        Issue.record("unknown site \(value)")
        return false
      }
    case "number":
      guard let n = number(value["input"]?.text) else { return false }
      if let bound = value["below"]?.integer, n >= bound { return false }
      if let bound = value["at_least"]?.integer, n < bound { return false }
      if let bound = value["over"]?.integer, n <= bound { return false }
      return true
    case "unrecorded": return number(value.text) == nil
    case "fired": return value.text.map(fired.contains) ?? false
    case "all": return (value.elements ?? []).allSatisfy { holds($0, answers, fired) }
    case "any": return (value.elements ?? []).contains { holds($0, answers, fired) }
    case "not": return !holds(value, answers, fired)
    default:
      Issue.record("a condition node an indication rule should not use: \(key)")
      return false
    }
  }
}

extension JSONValue {
  fileprivate subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }
  fileprivate var text: String? {
    if case .string(let text) = self { return text }
    return nil
  }
  fileprivate var elements: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }
  fileprivate var integer: Int? {
    if case .number(let text) = self { return Int(text) }
    return nil
  }
}
