import Testing
import TriageEngine
import TriageFormats

/// The recommendation JSON (README, "The answers file"): the contract's keys, in order,
/// with the contract's identifiers.
@Suite struct RecommendationJSONTests {
  static let topLevelKeys = [
    "urgency", "label", "status", "timeframe", "timeframe_hours", "imaging", "alternatives",
    "rules", "safety", "missing", "safety_net", "ruleset",
  ]

  /// A few recommendations covering every urgency, safety items, alternatives and notes.
  static let samples: [Answers] = {
    func make(_ age: Int?, _ weeks: Int?, _ care: Int?, _ yes: [Finding], _ no: [Finding] = [])
      -> Answers
    {
      var answers = Answers(age: age, symptomWeeks: weeks, conservativeWeeks: care)
      for finding in yes { answers[finding] = .yes }
      for finding in no { answers[finding] = .no }
      return answers
    }
    return [
      make(45, 1, nil, [.painLowBack, .saddleAnesthesia, .urinaryRetention, .pregnant]),
      make(61, 1, nil, [.painLowBack, .feverMeasured, .immunosuppression, .pacemakerLegacy]),
      make(70, 3, nil, [.painLowBack, .cancerHistory, .nightPain]),
      make(42, 10, 8, [.painLowBack, .radiatesLeg, .interventionCandidate]),
      make(35, 2, 0, [.painLowBack], [.bladderBowel, .saddleAnesthesia]),
      make(30, 0, nil, [.traumaMajor, .painNeck, .midlineTenderness, .abandonedLeads]),
    ]
  }()

  func object(_ value: JSONValue) -> [(key: String, value: JSONValue)] {
    guard case .object(let members) = value else {
      Issue.record("expected an object, got \(value)")
      return []
    }
    return members
  }

  func array(_ value: JSONValue?) -> [JSONValue] {
    guard case .array(let elements)? = value else {
      Issue.record("expected an array, got \(String(describing: value))")
      return []
    }
    return elements
  }

  func string(_ value: JSONValue?) -> String? {
    guard case .string(let text)? = value else { return nil }
    return text
  }

  func value(_ members: [(key: String, value: JSONValue)], _ key: String) -> JSONValue? {
    members.first { $0.key == key }?.value
  }

  /// Whether `keys` contains `expected` in order (extension keys may sit between them).
  func isSubsequence(_ expected: [String], of keys: [String]) -> Bool {
    var rest = keys[...]
    for key in expected {
      guard let index = rest.firstIndex(of: key) else { return false }
      rest = rest[(index + 1)...]
    }
    return true
  }

  @Test(arguments: samples)
  func hasTheContractKeysInOrder(answers: Answers) throws {
    let recommendation = TriageEngine.evaluate(answers)
    let members = object(RecommendationJSON.json(recommendation))
    #expect(members.map(\.key) == Self.topLevelKeys)

    #expect(string(value(members, "urgency")) == recommendation.urgency.id)
    #expect(string(value(members, "label")) == recommendation.label)
    #expect(string(value(members, "timeframe")) == recommendation.timeframe)
    #expect(string(value(members, "ruleset")) == "spine-triage-rules@3")
    #expect(string(value(members, "status")) == recommendation.status.rawValue)

    let imaging = array(value(members, "imaging"))
    #expect(imaging.count == recommendation.imaging.count)
    for study in imaging {
      let keys = object(study).map(\.key)
      #expect(keys == ["modality", "region", "contrast"])
    }
    for alternative in array(value(members, "alternatives")) {
      #expect(object(alternative).map(\.key) == ["modality", "region", "contrast", "when"])
    }
    for rule in array(value(members, "rules")) {
      let keys = object(rule).map(\.key)
      #expect(isSubsequence(["id", "title", "source", "findings"], of: keys), "\(keys)")
    }
    for item in array(value(members, "safety")) {
      let keys = object(item).map(\.key)
      #expect(isSubsequence(["id", "level", "message"], of: keys), "\(keys)")
    }
    #expect(array(value(members, "missing")).compactMap(string) == recommendation.missing)
    #expect(array(value(members, "safety_net")).count == recommendation.safetyNet.count)
  }

  @Test(arguments: samples)
  func usesTheContractIdentifiers(answers: Answers) {
    let members = object(RecommendationJSON.json(TriageEngine.evaluate(answers)))
    #expect(
      ["emergency", "urgent", "soon", "routine", "none"].contains(
        string(value(members, "urgency")) ?? ""))
    #expect(
      ["EMERGENCY", "URGENT", "SOON", "ROUTINE", "NO IMAGING NOW"].contains(
        string(value(members, "label")) ?? ""))
    let studies =
      array(value(members, "imaging")) + array(value(members, "alternatives"))
    for study in studies {
      let fields = object(study)
      #expect(
        ["mri", "ct", "ct_myelogram", "radiograph"].contains(
          string(value(fields, "modality")) ?? ""))
      #expect(
        ["cervical", "thoracic", "lumbar", "lumbosacral", "whole_spine"].contains(
          string(value(fields, "region")) ?? ""))
      #expect(
        ["without", "with_and_without", "none"].contains(string(value(fields, "contrast")) ?? ""))
    }
    for item in array(value(members, "safety")) {
      #expect(["stop", "caution", "info"].contains(string(value(object(item), "level")) ?? ""))
    }
    for rule in array(value(members, "rules")) {
      for finding in array(value(object(rule), "findings")) {
        let id = string(finding) ?? ""
        #expect(
          Finding(id: id) != nil
            || ["age", "sex", "symptom_weeks", "conservative_weeks"].contains(id),
          "\(id)")
      }
    }
  }

  @Test(arguments: samples)
  func theTextParsesBackToTheSameValue(answers: Answers) throws {
    let recommendation = TriageEngine.evaluate(answers)
    let value = RecommendationJSON.json(recommendation)
    for pretty in [true, false] {
      let text = RecommendationJSON.string(recommendation, pretty: pretty)
      #expect(try JSONParser.parse(text) == value)
      if !pretty { #expect(!text.contains("\n")) }
    }
  }

  @Test func noImagingHasAnEmptyImagingArrayAndASafetyNet() {
    let recommendation = TriageEngine.evaluate(Self.samples[4])
    #expect(recommendation.urgency == .none)
    let members = object(RecommendationJSON.json(recommendation))
    #expect(array(value(members, "imaging")).isEmpty)
    #expect(!array(value(members, "safety_net")).isEmpty)
    #expect(string(value(members, "label")) == "NO IMAGING NOW")
  }

  @Test func aStopCarriesItsBeforeText() throws {
    let recommendation = TriageEngine.evaluate(Self.samples[1])
    let safety = array(value(object(RecommendationJSON.json(recommendation)), "safety"))
    let stop = try #require(safety.map(object).first { string(value($0, "level")) == "stop" })
    #expect(string(value(stop, "id")) == "SF-6")
    #expect(string(value(stop, "before"))?.isEmpty == false)
  }
}
