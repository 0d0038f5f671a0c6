import Testing
import TriageEngine
import TriageFormats

/// Small readers for the JSON trees of the FHIR tests.
enum FHIRTree {
  static func member(_ value: JSONValue?, _ key: String) -> JSONValue? {
    guard case .object(let members)? = value else { return nil }
    return members.first { $0.key == key }?.value
  }

  static func array(_ value: JSONValue?) -> [JSONValue] {
    guard case .array(let elements)? = value else { return [] }
    return elements
  }

  static func string(_ value: JSONValue?) -> String? {
    guard case .string(let text)? = value else { return nil }
    return text
  }

  static func keys(_ value: JSONValue?) -> [String] {
    guard case .object(let members)? = value else { return [] }
    return members.map(\.key)
  }

  /// The items of `value` (a resource or an item), by linkId.
  static func items(_ value: JSONValue?) -> [String: JSONValue] {
    var result: [String: JSONValue] = [:]
    for item in array(member(value, "item")) {
      if let id = string(member(item, "linkId")) { result[id] = item }
    }
    return result
  }

  static func linkIds(_ value: JSONValue?) -> [String] {
    array(member(value, "item")).compactMap { string(member($0, "linkId")) }
  }

  /// Every question item (groups' children) of a response or questionnaire, by linkId.
  static func questions(_ value: JSONValue?) -> [String: JSONValue] {
    var result: [String: JSONValue] = [:]
    for group in array(member(value, "item")) {
      result.merge(items(group)) { old, _ in old }
    }
    return result
  }

  /// Replaces the member `key` of an object (or appends it).
  static func setting(_ value: JSONValue, _ key: String, _ new: JSONValue) -> JSONValue {
    guard case .object(var members) = value else { return value }
    if let index = members.firstIndex(where: { $0.key == key }) {
      members[index].value = new
    } else {
      members.append((key, new))
    }
    return .object(members)
  }
}

@Suite("FHIRQuestionnaire")
struct FHIRQuestionnaireTests {
  let questionnaire = FHIRQuestionnaire.json()

  @Test("identity: url, version (the rule set), status, subject type")
  func identity() {
    let q = questionnaire
    #expect(FHIRTree.string(FHIRTree.member(q, "resourceType")) == "Questionnaire")
    #expect(FHIRTree.string(FHIRTree.member(q, "url")) == FHIRQuestionnaire.url)
    #expect(
      FHIRQuestionnaire.url == "https://spinetriage.invalid/fhir/Questionnaire/spine-imaging-triage"
    )
    #expect(FHIRTree.string(FHIRTree.member(q, "version")) == RuleBook.version)
    #expect(FHIRTree.string(FHIRTree.member(q, "status")) == "active")
    #expect(FHIRTree.member(q, "subjectType") == .array([.string("Patient")]))
    #expect(FHIRTree.member(q, "date") == nil)
    #expect(
      FHIRTree.string(FHIRTree.member(FHIRQuestionnaire.json(date: "2026-11-24"), "date"))
        == "2026-11-24")
    #expect(FHIRTree.keys(q).prefix(2) == ["resourceType", "id"])
  }

  @Test("one group per screen; booleans for findings; numbers, sex and identifiers")
  func items() {
    let groups = FHIRTree.items(questionnaire)
    #expect(
      FHIRTree.linkIds(questionnaire)
        == ["consultation"] + QuestionScreen.allCases.map(\.rawValue))
    for screen in QuestionScreen.allCases {
      let group = groups[screen.rawValue]
      #expect(FHIRTree.string(FHIRTree.member(group, "type")) == "group")
      #expect(FHIRTree.string(FHIRTree.member(group, "text")) == screen.title)
      let children = FHIRTree.items(group)
      for question in QuestionCatalogue.questions(on: screen) {
        let item = children[question.id]
        #expect(FHIRTree.string(FHIRTree.member(item, "type")) == "boolean", "\(question.id)")
        #expect(FHIRTree.string(FHIRTree.member(item, "text")) == question.text)
      }
    }
    let presentation = FHIRTree.items(groups["presentation"])
    #expect(
      Array(FHIRTree.linkIds(groups["presentation"]).prefix(4)) == [
        "age", "sex", "symptom_weeks", "conservative_weeks",
      ])
    for id in ["age", "symptom_weeks", "conservative_weeks"] {
      #expect(FHIRTree.string(FHIRTree.member(presentation[id], "type")) == "integer")
    }
    let sex = presentation["sex"]
    #expect(FHIRTree.string(FHIRTree.member(sex, "type")) == "choice")
    let codes = FHIRTree.array(FHIRTree.member(sex, "answerOption")).map {
      FHIRTree.string(FHIRTree.member(FHIRTree.member($0, "valueCoding"), "code"))
    }
    #expect(codes == ["female", "male", "other"])
    let consultation = FHIRTree.items(groups["consultation"])
    #expect(FHIRTree.string(FHIRTree.member(consultation["patient_id"], "type")) == "string")
    #expect(FHIRTree.string(FHIRTree.member(consultation["clinician"], "type")) == "string")
    // Every linkId once.
    var all = FHIRTree.linkIds(questionnaire)
    for group in groups.values { all += FHIRTree.linkIds(group) }
    #expect(Set(all).count == all.count)
    #expect(all.count == 6 + 6 + QuestionCatalogue.questions.count)
  }

  @Test(
    "neck trauma: enabled after an injury (or an older form's trauma answer), whatever the pain site"
  )
  func neckTraumaEnableWhen() {
    let group = FHIRTree.items(questionnaire)["neck_trauma"]
    let conditions = FHIRTree.array(FHIRTree.member(group, "enableWhen"))
    #expect(
      conditions.compactMap { FHIRTree.string(FHIRTree.member($0, "question")) } == [
        "injury", "trauma_major", "trauma_minor",
      ])
    #expect(conditions.allSatisfy { FHIRTree.member($0, "answerBoolean") == .bool(true) })
    #expect(FHIRTree.string(FHIRTree.member(group, "enableBehavior")) == "any")
    // The questions inside have no condition of their own (neck pain is not required).
    for (_, item) in FHIRTree.items(group) { #expect(FHIRTree.member(item, "enableWhen") == nil) }
  }

  @Test("every enableWhen is the form's own visibility, and nothing else is conditional")
  func enableWhenFollowsVisibility() {
    for (id, g) in FHIRTree.items(questionnaire) where id != "neck_trauma" {
      #expect(FHIRTree.member(g, "enableWhen") == nil)
      for (linkId, item) in FHIRTree.items(g) {
        let questions = FHIRTree.array(FHIRTree.member(item, "enableWhen")).compactMap {
          FHIRTree.string(FHIRTree.member($0, "question"))
        }
        guard let finding = Finding(id: linkId) else {
          #expect(questions.isEmpty, "\(linkId)")
          continue
        }
        switch finding.question.shownWhen {
        case .anyYes(let openers):
          #expect(questions == openers.subtracting([finding]).members.map(\.id), "\(linkId)")
        case .always, .recordedOnly:
          #expect(questions.isEmpty, "\(linkId)")
        case .unlessNo(let earlier):
          // Tenderness by level: not asked again when an older record's tenderness without a
          // level is no (that no means no tenderness at any level).
          #expect(questions == [earlier.id], "\(linkId)")
          let condition = FHIRTree.array(FHIRTree.member(item, "enableWhen")).first
          #expect(FHIRTree.string(FHIRTree.member(condition, "operator")) == "!=")
          #expect(FHIRTree.member(condition, "answerBoolean") == .bool(false))
        }
      }
    }
    // Shock is asked after trauma and with signs of an aortic aneurysm, on the Examination page.
    let shock = FHIRTree.items(FHIRTree.items(questionnaire)["examination"])["abnormal_abc"]
    #expect(
      FHIRTree.array(FHIRTree.member(shock, "enableWhen")).compactMap {
        FHIRTree.string(FHIRTree.member($0, "question"))
      } == ["injury", "trauma_major", "trauma_minor", "aortic_signs"])
  }

  @Test("snapshot")
  func snapshot() {
    DocumentSnapshot.check(FHIRQuestionnaire.string() + "\n", named: "questionnaire.json")
  }

  @Test("the JSON text parses back to the same value")
  func text() throws {
    #expect(try JSONParser.parse(FHIRQuestionnaire.string()) == questionnaire)
  }
}

@Suite("FHIRQuestionnaireResponse")
struct FHIRQuestionnaireResponseTests {
  let context = DocumentFixtures.context

  func response(_ fixture: DocumentFixtures.Case) -> JSONValue {
    FHIRQuestionnaireResponse.json(
      sheet: fixture.sheet, recommendation: fixture.recommendation, context: context)
  }

  @Test("round trip to the same AnswerSheet", arguments: DocumentFixtures.all)
  func roundTrip(_ fixture: DocumentFixtures.Case) throws {
    #expect(try FHIRQuestionnaireResponse.decode(response(fixture)) == fixture.answersOnly)
    let text = FHIRQuestionnaireResponse.string(
      sheet: fixture.sheet, recommendation: fixture.recommendation, context: context)
    #expect(try FHIRQuestionnaireResponse.decode(Array(text.utf8)) == fixture.answersOnly)
  }

  @Test("snapshot", arguments: DocumentFixtures.all)
  func snapshot(_ fixture: DocumentFixtures.Case) {
    let text = FHIRQuestionnaireResponse.string(
      sheet: fixture.sheet, recommendation: fixture.recommendation, context: context)
    DocumentSnapshot.check(text + "\n", named: "response-\(fixture.name).json")
    let bundle = FHIRBundle.string(
      sheet: fixture.sheet, recommendation: fixture.recommendation, context: context)
    DocumentSnapshot.check(bundle + "\n", named: "bundle-\(fixture.name).json")
  }

  @Test("header: id, identifier, questionnaire, authored", arguments: DocumentFixtures.all)
  func header(_ fixture: DocumentFixtures.Case) {
    let qr = response(fixture)
    #expect(FHIRTree.string(FHIRTree.member(qr, "resourceType")) == "QuestionnaireResponse")
    #expect(FHIRTree.string(FHIRTree.member(qr, "id")) == context.consultationID)
    #expect(
      FHIRTree.member(qr, "identifier")
        == .object([
          ("system", .string("urn:ietf:rfc:3986")),
          ("value", .string("urn:uuid:" + context.consultationID)),
        ]))
    #expect(
      FHIRTree.string(FHIRTree.member(qr, "questionnaire"))
        == FHIRQuestionnaire.url + "|" + RuleBook.version)
    #expect(FHIRTree.string(FHIRTree.member(qr, "authored")) == context.generatedAt)
  }

  @Test("status: in-progress unless the recommendation is final")
  func status() {
    let stops = DocumentFixtures.safetyStops
    #expect(stops.recommendation.status != .final)
    #expect(FHIRTree.string(FHIRTree.member(response(stops), "status")) == "in-progress")
    for fixture in [DocumentFixtures.emergency, DocumentFixtures.noImaging] {
      let expected = fixture.recommendation.status == .final ? "completed" : "in-progress"
      #expect(FHIRTree.string(FHIRTree.member(response(fixture), "status")) == expected)
    }
  }

  @Test("an explicit No is valueBoolean false; an unknown finding has no item")
  func answers() {
    let noImaging = FHIRTree.questions(response(DocumentFixtures.noImaging))
    #expect(
      FHIRTree.member(noImaging["night_pain"], "answer")
        == .array([.object([("valueBoolean", .bool(false))])]))
    #expect(
      FHIRTree.member(noImaging["pain_low_back"], "answer")
        == .array([.object([("valueBoolean", .bool(true))])]))
    #expect(
      FHIRTree.member(noImaging["age"], "answer")
        == .array([.object([("valueInteger", .number("30"))])]))
    #expect(
      FHIRTree.member(noImaging["conservative_weeks"], "answer")
        == .array([.object([("valueInteger", .number("0"))])]))
    #expect(noImaging["intervention_candidate"] == nil)

    let emergency = response(DocumentFixtures.emergency)
    let items = FHIRTree.questions(emergency)
    let sheet = DocumentFixtures.emergency.sheet
    for question in QuestionCatalogue.questions {
      let answer = sheet.answers[question.finding]
      let item = items[question.id]
      switch answer {
      case .unknown: #expect(item == nil, "\(question.id)")
      case .yes, .no:
        #expect(
          FHIRTree.member(item, "answer")
            == .array([.object([("valueBoolean", .bool(answer == .yes))])]))
      }
    }
    #expect(items["sex"] == nil)
    #expect(
      FHIRTree.member(items["patient_id"], "answer")
        == .array([.object([("valueString", .string("A&E-0042 <triage>"))])]))
    // Groups with nothing answered are left out; none has both answer and item (qrs-1).
    #expect(FHIRTree.linkIds(emergency) == ["consultation", "presentation", "examination"])
    for group in FHIRTree.array(FHIRTree.member(emergency, "item")) {
      #expect(FHIRTree.member(group, "answer") == nil)
      #expect(!FHIRTree.array(FHIRTree.member(group, "item")).isEmpty)
      for item in FHIRTree.array(FHIRTree.member(group, "item")) {
        #expect(FHIRTree.member(item, "item") == nil)
      }
    }
  }

  @Test("sex as a Coding of administrative-gender")
  func sex() {
    let items = FHIRTree.questions(response(DocumentFixtures.safetyStops))
    #expect(
      FHIRTree.member(items["sex"], "answer")
        == .array([
          .object([
            (
              "valueCoding",
              .object([
                ("system", .string("http://hl7.org/fhir/administrative-gender")),
                ("code", .string("female")), ("display", .string("Female")),
              ])
            )
          ])
        ]))
  }

  @Test("neck-trauma answers only when the group is enabled")
  func neckTrauma() throws {
    var answers = Answers(age: 40)
    answers[.intoxication] = .no
    answers[.painNeck] = .yes
    answers[.traumaMinor] = .no
    let disabled = AnswerSheet(answers: answers)
    let qr = FHIRQuestionnaireResponse.json(
      sheet: disabled, recommendation: TriageEngine.evaluate(answers), context: context)
    #expect(!FHIRTree.linkIds(qr).contains("neck_trauma"))
    var expected = disabled
    expected.answers[.intoxication] = .unknown
    // Rule set 3: the fall is a mechanism, asked after an injury; without one it is left out.
    expected.answers[.traumaMinor] = .unknown
    #expect(try FHIRQuestionnaireResponse.decode(qr) == expected)

    // An older record's fall implies the injury: the response carries it, so its enableWhen
    // holds (RV3-1).
    answers[.traumaMinor] = .yes
    let enabled = AnswerSheet(answers: answers)
    let qr2 = FHIRQuestionnaireResponse.json(
      sheet: enabled, recommendation: TriageEngine.evaluate(answers), context: context)
    #expect(FHIRTree.linkIds(qr2).contains("neck_trauma"))
    var implied = enabled
    implied.answers[.injury] = .yes
    #expect(try FHIRQuestionnaireResponse.decode(qr2) == implied)

    // After trauma without neck pain the group is enabled too, as the screen is.
    answers[.painNeck] = .no
    let noNeckPain = AnswerSheet(answers: answers)
    let qr3 = FHIRQuestionnaireResponse.json(
      sheet: noNeckPain, recommendation: TriageEngine.evaluate(answers), context: context)
    #expect(FHIRTree.linkIds(qr3).contains("neck_trauma"))
    var impliedNoNeckPain = noNeckPain
    impliedNoNeckPain.answers[.injury] = .yes
    #expect(try FHIRQuestionnaireResponse.decode(qr3) == impliedNoNeckPain)
  }

  @Test("an older record's tenderness without a level answered no: the levels are not asked")
  func olderTendernessNo() throws {
    // RV3-2: the earlier form asked once for the whole spine; its no means no tenderness at
    // any level, so the levels are disabled (enableWhen != false) and left out.
    var answers = Answers(age: 40)
    answers[.painLowBack] = .yes
    answers[.midlineTenderness] = .no
    let sheet = AnswerSheet(answers: answers)
    let qr = FHIRQuestionnaireResponse.json(
      sheet: sheet, recommendation: TriageEngine.evaluate(answers), context: context)
    let items = FHIRTree.questions(qr)
    #expect(items["midline_tenderness"] != nil)
    #expect(items["midline_tenderness_cervical"] == nil)
    #expect(items["midline_tenderness_thoracolumbar"] == nil)
    #expect(try FHIRQuestionnaireResponse.decode(qr) == sheet)
    // Not answered (a record of this form): the levels are asked.
    answers[.midlineTenderness] = .unknown
    answers[.midlineTendernessCervical] = .no
    let current = AnswerSheet(answers: answers)
    let qr2 = FHIRQuestionnaireResponse.json(
      sheet: current, recommendation: TriageEngine.evaluate(answers), context: context)
    #expect(FHIRTree.questions(qr2)["midline_tenderness_cervical"] != nil)
    #expect(try FHIRQuestionnaireResponse.decode(qr2) == current)
  }

  @Test("a response of rule set 2 with shock in the neck-trauma group still reads")
  func formerGroup() throws {
    let text = """
      {"resourceType": "QuestionnaireResponse", "status": "completed", "item": [
        {"linkId": "presentation", "item": [
          {"linkId": "trauma_minor", "answer": [{"valueBoolean": true}]}]},
        {"linkId": "neck_trauma", "item": [
          {"linkId": "abnormal_abc", "answer": [{"valueBoolean": false}]}]}]}
      """
    let sheet = try FHIRQuestionnaireResponse.decode(Array(text.utf8))
    #expect(sheet.answers[.abnormalABC] == .no)
    #expect(sheet.answers[.traumaMinor] == .yes)
  }

  @Test("an empty sheet: no items, and back")
  func empty() throws {
    let qr = FHIRQuestionnaireResponse.json(
      sheet: AnswerSheet(), recommendation: TriageEngine.evaluate(Answers()), context: context)
    #expect(FHIRTree.member(qr, "item") == nil)
    #expect(try FHIRQuestionnaireResponse.decode(qr) == AnswerSheet())
  }

  @Test("the recommendation is a separate Observation derived from the response, in a Bundle")
  func recommendation() {
    let fixture = DocumentFixtures.safetyStops
    let rec = fixture.recommendation
    let qr = response(fixture)
    #expect(FHIRTree.member(qr, "contained") == nil)
    #expect(FHIRTree.member(qr, "extension") == nil)
    let bundle = FHIRBundle.json(
      sheet: fixture.sheet, recommendation: rec, context: context)
    #expect(FHIRTree.string(FHIRTree.member(bundle, "type")) == "collection")
    let entries = FHIRTree.array(FHIRTree.member(bundle, "entry"))
    #expect(entries.count == 3)
    #expect(FHIRTree.member(entries.first, "resource") == qr)
    let device = FHIRTree.member(entries.last, "resource")
    #expect(FHIRTree.string(FHIRTree.member(device, "resourceType")) == "Device")
    let responseURL = "urn:uuid:" + context.consultationID
    #expect(FHIRTree.string(FHIRTree.member(entries.first, "fullUrl")) == responseURL)
    let observation = FHIRTree.member(entries[1], "resource")
    #expect(FHIRTree.string(FHIRTree.member(observation, "resourceType")) == "Observation")
    let observationID = FHIRTree.string(FHIRTree.member(observation, "id"))
    #expect(observationID != context.consultationID)
    #expect(observationID?.count == 36)
    #expect(
      FHIRTree.string(FHIRTree.member(entries[1], "fullUrl")) == "urn:uuid:"
        + (observationID ?? ""))
    let derived = FHIRTree.array(FHIRTree.member(observation, "derivedFrom"))
    #expect(FHIRTree.string(FHIRTree.member(derived.first, "reference")) == responseURL)
    #expect(FHIRTree.string(FHIRTree.member(observation, "status")) == "preliminary")
    let value = FHIRTree.member(observation, "valueCodeableConcept")
    let coding = FHIRTree.array(FHIRTree.member(value, "coding")).first
    #expect(FHIRTree.string(FHIRTree.member(coding, "code")) == rec.urgency.id)
    #expect(FHIRTree.string(FHIRTree.member(value, "text")) == rec.label)
    let narrative = FHIRTree.string(FHIRTree.member(FHIRTree.member(observation, "text"), "div"))
    #expect(narrative?.hasPrefix("<div xmlns=\"http://www.w3.org/1999/xhtml\">") == true)
    #expect(narrative?.contains(rec.label) == true)

    var byCode: [String: [JSONValue]] = [:]
    for component in FHIRTree.array(FHIRTree.member(observation, "component")) {
      let code = FHIRTree.string(
        FHIRTree.member(
          FHIRTree.array(FHIRTree.member(FHIRTree.member(component, "code"), "coding")).first,
          "code"))
      byCode[code ?? "?", default: []].append(component)
    }
    #expect(
      FHIRTree.string(FHIRTree.member(byCode["timeframe"]?.first, "valueString")) == rec.timeframe)
    #expect(byCode["main-study"]?.count == 1)
    func codes(_ key: String) -> [String] {
      (byCode[key] ?? []).compactMap { component in
        FHIRTree.string(
          FHIRTree.member(
            FHIRTree.array(
              FHIRTree.member(FHIRTree.member(component, "valueCodeableConcept"), "coding")
            )
            .first, "code"))
      }
    }
    #expect(codes("rule") == rec.rules.map(\.rule.id))
    #expect(codes("safety-stop") == rec.stops.map(\.id))
    #expect(codes("missing") == rec.missing)
    let ruleText = FHIRTree.string(
      FHIRTree.member(FHIRTree.member(byCode["rule"]?.first, "valueCodeableConcept"), "text"))
    #expect(ruleText?.contains(rec.rules[0].rule.source) == true)
    #expect(
      FHIRTree.string(FHIRTree.member(byCode["ruleset"]?.first, "valueString")) == rec.ruleset)

    let emergencyFixture = DocumentFixtures.emergency
    let emergency = FHIRTree.member(
      FHIRTree.array(
        FHIRTree.member(
          FHIRBundle.json(
            sheet: emergencyFixture.sheet, recommendation: emergencyFixture.recommendation,
            context: context), "entry")
      )[1], "resource")
    let expected = emergencyFixture.recommendation.status == .final ? "final" : "preliminary"
    #expect(FHIRTree.string(FHIRTree.member(emergency, "status")) == expected)
  }
}

@Suite("FHIRQuestionnaireResponse.decode errors")
struct FHIRResponseDecodeErrorTests {
  let base = FHIRQuestionnaireResponse.json(
    sheet: DocumentFixtures.safetyStops.sheet,
    recommendation: DocumentFixtures.safetyStops.recommendation,
    context: DocumentFixtures.context)

  /// The response with `groups` as its items.
  func with(_ groups: [JSONValue]) -> JSONValue { FHIRTree.setting(base, "item", .array(groups)) }

  func group(_ linkId: String, _ items: [JSONValue]) -> JSONValue {
    .object([("linkId", .string(linkId)), ("item", .array(items))])
  }

  func item(_ linkId: String, _ answers: [JSONValue]) -> JSONValue {
    .object([("linkId", .string(linkId)), ("answer", .array(answers))])
  }

  func error(_ value: JSONValue) -> FHIRResponseError? {
    do {
      _ = try FHIRQuestionnaireResponse.decode(value)
      return nil
    } catch {
      return error
    }
  }

  @Test("each error names the linkId and what is wrong")
  func linkIdErrors() {
    let cases: [(JSONValue, String, String)] = [
      (
        with([
          group("history", [item("no_such_finding", [.object([("valueBoolean", .bool(true))])])])
        ]),
        "no_such_finding", "not an item"
      ),
      (
        with([
          group("history", [item("saddle_anesthesia", [.object([("valueBoolean", .bool(true))])])])
        ]),
        "saddle_anesthesia", "expected in the group \"examination\""
      ),
      (
        with([item("saddle_anesthesia", [.object([("valueBoolean", .bool(true))])])]),
        "saddle_anesthesia", "found at the top level"
      ),
      (with([group("vitals", [])]), "vitals", "not a group"),
      (with([group("history", [])]), "history", "must contain items"),
      (
        with([
          group("history", [item("cancer_history", [.object([("valueString", .string("yes"))])])])
        ]),
        "cancer_history", "expected valueBoolean, got valueString"
      ),
      (
        with([
          group(
            "history",
            [
              item(
                "cancer_history",
                [
                  .object([("valueBoolean", .bool(true))]),
                  .object([("valueBoolean", .bool(false))]),
                ])
            ])
        ]), "cancer_history", "exactly one answer, got 2"
      ),
      (
        with([group("history", [item("cancer_history", [])])]), "cancer_history",
        "exactly one answer, got 0"
      ),
      (
        with([group("presentation", [item("age", [.object([("valueInteger", .number("121"))])])])]),
        "age", "out of range"
      ),
      (
        with([group("presentation", [item("age", [.object([("valueInteger", .number("4.5"))])])])]),
        "age", "whole number"
      ),
      (
        with([
          group(
            "presentation",
            [
              item(
                "sex",
                [
                  .object([
                    (
                      "valueCoding",
                      .object([
                        ("system", .string("http://hl7.org/fhir/administrative-gender")),
                        ("code", .string("unknown")),
                      ])
                    )
                  ])
                ])
            ])
        ]), "sex", "female, male or other"
      ),
      (
        with([
          group(
            "presentation",
            [
              item("symptom_weeks", [.object([("valueInteger", .number("2"))])]),
              item("conservative_weeks", [.object([("valueInteger", .number("6"))])]),
            ])
        ]), "conservative_weeks", "more than the 2 weeks"
      ),
      (
        with([
          group(
            "consultation",
            [
              item(
                "clinician",
                [.object([("valueString", .string(String(repeating: "x", count: 65)))])])
            ])
        ]),
        "clinician", "longer than 64"
      ),
      (
        with([
          group(
            "history",
            [
              item("cancer_history", [.object([("valueBoolean", .bool(true))])]),
              item("cancer_history", [.object([("valueBoolean", .bool(true))])]),
            ])
        ]), "cancer_history", "answered twice"
      ),
      (
        with([
          .object([("linkId", .string("history")), ("answer", .array([])), ("item", .array([]))])
        ]), "history", "a group has no answer"
      ),
      (
        with([
          group(
            "history",
            [
              .object([
                ("linkId", .string("cancer_history")),
                ("answer", .array([.object([("valueBoolean", .bool(true))])])),
                ("item", .array([])),
              ])
            ])
        ]), "cancer_history", "no nested items"
      ),
    ]
    for (value, linkId, message) in cases {
      let error = error(value)
      #expect(error?.linkId == linkId, "\(String(describing: error))")
      #expect(error?.message.contains(message) == true, "\(String(describing: error))")
      #expect(error?.description.contains("\"\(linkId)\"") == true)
    }
  }

  @Test("errors about the resource name the element")
  func elementErrors() {
    let cases: [(JSONValue, String)] = [
      (FHIRTree.setting(base, "resourceType", .string("Questionnaire")), "resourceType"),
      (
        FHIRTree.setting(base, "questionnaire", .string("https://example.invalid/q|1")),
        "questionnaire"
      ),
      (FHIRTree.setting(base, "status", .string("done")), "status"),
      (FHIRTree.setting(base, "status", .string("entered-in-error")), "status"),
      (FHIRTree.setting(base, "modifierExtension", .array([])), "modifierExtension"),
      (FHIRTree.setting(base, "answers", .array([])), "answers"),
      (FHIRTree.setting(base, "item", .object([])), "item"),
      (.array([]), "(resource)"),
    ]
    for (value, element) in cases {
      let error = error(value)
      #expect(error?.linkId == nil)
      #expect(error?.element == element, "\(String(describing: error))")
    }
  }

  @Test("another version of the questionnaire is read")
  func otherVersion() throws {
    let value = FHIRTree.setting(
      base, "questionnaire", .string(FHIRQuestionnaire.url + "|spine-triage-rules@2"))
    #expect(try FHIRQuestionnaireResponse.decode(value) == DocumentFixtures.safetyStops.answersOnly)
  }
}

@Suite("FHIR references, codes and narrative")
struct FHIRMappingTests {
  let context = DocumentFixtures.context

  @Test("subject and author are identifier references when typed, absent otherwise")
  func subjectAndAuthor() {
    let typed = DocumentFixtures.emergency
    let qr = FHIRQuestionnaireResponse.json(
      sheet: typed.sheet, recommendation: typed.recommendation, context: context)
    let subject = FHIRTree.member(qr, "subject")
    #expect(FHIRTree.string(FHIRTree.member(subject, "type")) == "Patient")
    #expect(
      FHIRTree.string(FHIRTree.member(FHIRTree.member(subject, "identifier"), "value"))
        == typed.sheet.patientID)
    #expect(FHIRTree.member(FHIRTree.member(subject, "identifier"), "system") == nil)
    // Without the site's clinician system, the typed name is only a display, never an
    // identifier.
    let author = FHIRTree.member(qr, "author")
    #expect(FHIRTree.string(FHIRTree.member(author, "type")) == "Practitioner")
    #expect(FHIRTree.member(author, "identifier") == nil)
    #expect(FHIRTree.string(FHIRTree.member(author, "display")) == typed.sheet.clinician)
    let bare = AnswerSheet(answers: typed.sheet.answers)
    let anonymous = FHIRQuestionnaireResponse.json(
      sheet: bare, recommendation: typed.recommendation, context: context)
    #expect(FHIRTree.member(anonymous, "subject") == nil)
    #expect(FHIRTree.member(anonymous, "author") == nil)
    let observation = FHIRTree.member(
      FHIRTree.array(
        FHIRTree.member(
          FHIRBundle.json(
            sheet: typed.sheet, recommendation: typed.recommendation, context: context),
          "entry")
      )[1], "resource")
    #expect(FHIRTree.member(observation, "subject") == subject)
    #expect(FHIRTree.array(FHIRTree.member(observation, "performer")).first == author)
  }

  @Test("codes only on the verified items, and nowhere else")
  func codes() {
    var coded: [String: String] = [:]
    for group in FHIRTree.array(FHIRTree.member(FHIRQuestionnaire.json(), "item")) {
      #expect(FHIRTree.member(group, "code") == nil)
      for item in FHIRTree.array(FHIRTree.member(group, "item")) {
        guard let code = FHIRTree.array(FHIRTree.member(item, "code")).first else { continue }
        coded[FHIRTree.string(FHIRTree.member(item, "linkId")) ?? "?"] =
          (FHIRTree.string(FHIRTree.member(code, "system")) ?? "") + "|"
          + (FHIRTree.string(FHIRTree.member(code, "code")) ?? "")
      }
    }
    #expect(
      coded == [
        "age": "http://loinc.org|30525-0", "sex": "http://loinc.org|46098-0",
        "pregnant": "http://loinc.org|82810-3",
        "pain_low_back": "http://snomed.info/sct|279039007",
        "pain_neck": "http://snomed.info/sct|81680005",
        "osteoporosis": "http://snomed.info/sct|64859006",
      ])
  }

  @Test("the site's FHIR base replaces the default in every canonical URL")
  func base() throws {
    var site = context
    site.fhirBaseURL = "https://fhir.example.org/triage"
    let fixture = DocumentFixtures.emergency
    let text = FHIRBundle.string(
      sheet: fixture.sheet, recommendation: fixture.recommendation, context: site)
    #expect(!text.contains("spinetriage.invalid"))
    #expect(
      text.contains(
        "\"https://fhir.example.org/triage/Questionnaire/spine-imaging-triage|\(RuleBook.version)\""
      ))
    #expect(text.contains("https://fhir.example.org/triage/CodeSystem/urgency"))
    #expect(
      FHIRTree.string(
        FHIRTree.member(FHIRQuestionnaire.json(base: site.fhirBaseURL), "url"))
        == "https://fhir.example.org/triage/Questionnaire/spine-imaging-triage")
    // The decoder reads a response to any site's Questionnaire.
    let qr = FHIRQuestionnaireResponse.string(
      sheet: fixture.sheet, recommendation: fixture.recommendation, context: site)
    #expect(try FHIRQuestionnaireResponse.decode(Array(qr.utf8)) == fixture.answersOnly)
  }

  @Test("narratives escape what they show", arguments: DocumentFixtures.all)
  func narrative(_ fixture: DocumentFixtures.Case) {
    let qr = FHIRQuestionnaireResponse.json(
      sheet: fixture.sheet, recommendation: fixture.recommendation, context: context)
    let div = FHIRTree.string(FHIRTree.member(FHIRTree.member(qr, "text"), "div")) ?? ""
    #expect(div.hasPrefix("<div xmlns=\"http://www.w3.org/1999/xhtml\">"))
    // An incomplete form is never shown as its urgency ("no imaging now").
    #expect(
      div.contains(
        fixture.recommendation.status == .incomplete
          ? "INCOMPLETE: NO DECISION YET" : fixture.recommendation.label))
    if let patient = fixture.sheet.patientID {
      #expect(div.contains(SummaryHTML.escape(patient)))
      if patient.contains("<") { #expect(!div.contains(patient)) }
    }
  }
}
