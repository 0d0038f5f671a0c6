import TriageEngine

/// A consultation as a FHIR R4 `QuestionnaireResponse` to ``FHIRQuestionnaire``, carrying the
/// recommendation, and the way back to an ``AnswerSheet``.
///
/// - `id`: the consultation id; `identifier`: `urn:uuid:<consultation id>` (system
///   `urn:ietf:rfc:3986`); `questionnaire`: `<url>|<version>`; `authored`: the context's time.
/// - `status`: `completed`, or `in-progress` while ``Recommendation/missing`` is not empty
///   (answers that could raise the urgency are still unknown).
/// - `item`: the Questionnaire's groups, in its order, each holding only its answered items: an
///   explicit No is `valueBoolean: false`, an unknown finding has no item at all, a group with
///   nothing answered is left out (a group must have items; qrs-1: an item never has both
///   `answer` and `item`). Numbers are `valueInteger`, sex a `valueCoding`, the patient
///   identifier and clinician `valueString`.
/// - An item the Questionnaire's `enableWhen` disables for these answers (``Visibility``: the
///   neck-trauma group before any trauma) is left out, because a response must not answer a
///   disabled item. An unanswered hidden item never changes the recommendation (an engine
///   property), so the recommendation is the same.
/// - `subject` (a `Patient`) and `author` (a `Practitioner`): logical references by identifier
///   when a patient identifier or a clinician was typed (the EHR resolves them to its own
///   resources); the same texts stay as answers in the `consultation` group.
/// - `meta.profile`: the SDC QuestionnaireResponse profile (it requires `questionnaire` and
///   `authored`); `text`: a generated narrative (the recommendation and the answers).
/// - The recommendation is a separate `Observation` whose `derivedFrom` is this response;
///   ``FHIRBundle`` exports the two together.
public enum FHIRQuestionnaireResponse {
  /// The QuestionnaireResponse resource.
  public static func json(
    sheet: AnswerSheet, recommendation: Recommendation, context: DocumentContext
  ) -> JSONValue {
    typealias Members = [(key: String, value: JSONValue)]
    // An older record's trauma answer implies the injury that enables the mechanism items.
    var sheet = sheet
    sheet.answers = Visibility.withImpliedAnswers(sheet.answers)
    var groups: [JSONValue] = []
    for group in FHIRLayout.groups {
      var items: [JSONValue] = []
      for item in group.items {
        // A response never answers an item the Questionnaire disables for these answers.
        if case .finding(let finding) = item.kind,
          !Visibility.isShown(finding, in: sheet.answers)
        {
          continue
        }
        guard let value = answerValue(item.kind, sheet) else {
          // Not done, or not asked because it could not change the decision: said with the
          // standard data-absent-reason extension on an item without an answer.
          if case .finding(let finding) = item.kind, let reason = absentReason(finding, sheet) {
            items.append(
              .object([
                ("extension", .array([absentReasonExtension(reason)])),
                ("linkId", .string(item.linkId)),
                ("text", .string(item.text)),
              ]))
          }
          continue
        }
        var answer: [(key: String, value: JSONValue)] = [value]
        // An answer given in bulk ("No to the rest") says so, with its time.
        if case .finding(let finding) = item.kind, let record = sheet.bulkRecord(for: finding) {
          answer.insert(
            ("extension", .array([bulkExtension(record, base: context.fhirBaseURL)])), at: 0)
        }
        items.append(
          .object([
            ("linkId", .string(item.linkId)),
            ("text", .string(item.text)),
            ("answer", .array([.object(answer)])),
          ]))
      }
      guard !items.isEmpty else { continue }
      groups.append(
        .object([
          ("linkId", .string(group.linkId)),
          ("text", .string(group.text)),
          ("item", .array(items)),
        ]))
    }
    var members: Members = [
      ("resourceType", .string("QuestionnaireResponse")),
      ("id", .string(context.consultationID)),
      ("meta", FHIRShared.meta(profile: FHIRShared.sdcResponse)),
      ("text", narrative(sheet: sheet, recommendation: recommendation, context: context)),
      (
        "identifier",
        .object([
          ("system", .string("urn:ietf:rfc:3986")),
          ("value", .string("urn:uuid:" + context.consultationID)),
        ])
      ),
      ("questionnaire", .string(FHIRQuestionnaire.canonical(base: context.fhirBaseURL))),
      ("status", .string(recommendation.status == .final ? "completed" : "in-progress")),
    ]
    if let subject = subject(sheet, context) { members.append(("subject", subject)) }
    // When the answers were given (last changed); the document's time when not recorded.
    members.append(("authored", .string(sheet.assessedAt ?? context.generatedAt)))
    if let author = author(sheet, context) { members.append(("author", author)) }
    if !groups.isEmpty { members.append(("item", .array(groups))) }
    return .object(members)
  }

  /// The URL of the extension on an answer given in bulk ("No to the rest"), under the site's
  /// FHIR base; its `valueDateTime` is when the clinician confirmed it.
  public static func bulkExtensionURL(base: String) -> String {
    base + "/StructureDefinition/answered-in-bulk"
  }

  /// The extension marking an answer given in bulk.
  static func bulkExtension(_ record: BulkAnswer, base: String) -> JSONValue {
    .object([
      ("url", .string(bulkExtensionURL(base: base))), ("valueDateTime", .string(record.at)),
    ])
  }

  /// The QuestionnaireResponse as JSON text.
  public static func string(
    sheet: AnswerSheet, recommendation: Recommendation, context: DocumentContext,
    pretty: Bool = true
  ) -> String {
    JSONWriter.string(
      json(sheet: sheet, recommendation: recommendation, context: context), pretty: pretty)
  }

  /// The patient, by the typed identifier, qualified by the site's `patient_id_system` when
  /// it is set (otherwise unqualified, and ``FHIRBundle/unqualifiedNote(sheet:context:)``
  /// says so).
  static func subject(_ sheet: AnswerSheet, _ context: DocumentContext) -> JSONValue? {
    present(sheet.patientID).map {
      FHIRShared.identifierReference(type: "Patient", system: context.patientIDSystem, value: $0)
    }
  }

  /// The author: the clinician field and the operating-system user who made the export. The
  /// clinician's text is an identifier only under the site's `clinician_id_system`; free text
  /// alone is never an identifier, only the reference's display.
  static func author(_ sheet: AnswerSheet, _ context: DocumentContext) -> JSONValue? {
    let clinician = present(sheet.clinician)
    guard clinician != nil || context.operatorUser != nil else { return nil }
    var display = clinician ?? "Clinician not recorded"
    if let user = context.operatorUser { display += " (operating-system user \(user))" }
    guard let clinician, let system = context.clinicianIDSystem else {
      return .object([("type", .string("Practitioner")), ("display", .string(display))])
    }
    return FHIRShared.identifierReference(
      type: "Practitioner", system: system, value: clinician, display: display)
  }

  /// The URL of FHIR's standard data-absent-reason extension.
  public static let absentReasonURL = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"

  /// Why a finding has no answer, as a data-absent-reason code: `not-performed` for not done,
  /// `not-asked` for folded away (it could not change the decision); nil when simply not
  /// assessed.
  static func absentReason(_ finding: Finding, _ sheet: AnswerSheet) -> String? {
    switch sheet.recorded(finding) {
    case .notDone: "not-performed"
    case .notAsked: "not-asked"
    default: nil
    }
  }

  static func absentReasonExtension(_ code: String) -> JSONValue {
    .object([("url", .string(absentReasonURL)), ("valueCode", .string(code))])
  }

  /// The narrative: the recommendation first, then every answered item by group.
  static func narrative(
    sheet: AnswerSheet, recommendation rec: Recommendation, context: DocumentContext
  ) -> JSONValue {
    let e = FHIRShared.escape
    var html = "<p><b>\(e(FHIRQuestionnaire.title))</b>: <b>\(e(DecisionText.label(rec)))</b>"
    if !DecisionText.hasNoDecision(rec) {
      if let main = rec.mainStudy { html += ": \(e(main.displayName))" }
      html += " (\(e(rec.timeframe)))"
    }
    html += ". \(e(rec.statusLine))"
    if !rec.missing.isEmpty, let reason = DecisionText.notDoneReason(rec, sheet.answers) {
      html += " (\(e(reason)))"
    }
    html += ".</p>"
    html += FHIRRecommendation.timeParagraph(sheet, context)
    for group in FHIRLayout.groups {
      var rows: [String] = []
      for item in group.items {
        guard let value = answerValue(item.kind, sheet) else {
          if case .finding(let finding) = item.kind, absentReason(finding, sheet) != nil {
            rows.append("<li>\(e(item.text)): \(e(sheet.recorded(finding).words))</li>")
          }
          continue
        }
        let shown: String
        switch value.value {
        case .bool(let flag): shown = flag ? "Yes" : "No"
        case .number(let number): shown = number
        case .string(let text): shown = text
        default: shown = sheet.answers.sex.map(DocumentText.sexName) ?? ""  // the only Coding
        }
        rows.append("<li>\(e(item.text)): \(e(shown))</li>")
      }
      guard !rows.isEmpty else { continue }
      html += "<p>\(e(group.text))</p><ul>" + rows.joined() + "</ul>"
    }
    html += "<p>Not listed: not assessed. \(e(TextReport.disclaimer))</p>"
    return FHIRShared.narrative(html)
  }

  /// The answer's `value[x]` member for an item, or `nil` when not answered.
  static func answerValue(_ kind: FHIRLayout.Kind, _ sheet: AnswerSheet) -> (
    key: String, value: JSONValue
  )? {
    let answers = sheet.answers
    switch kind {
    case .patientID:
      return present(sheet.patientID).map { ("valueString", .string($0)) }
    case .clinician:
      return present(sheet.clinician).map { ("valueString", .string($0)) }
    case .age: return answers.age.map { ("valueInteger", .number(String($0))) }
    case .symptomWeeks: return answers.symptomWeeks.map { ("valueInteger", .number(String($0))) }
    case .conservativeWeeks:
      return answers.conservativeWeeks.map { ("valueInteger", .number(String($0))) }
    case .sex: return answers.sex.map { ("valueCoding", FHIRLayout.coding($0)) }
    case .finding(let finding):
      switch answers[finding] {
      case .yes: return ("valueBoolean", .bool(true))
      case .no: return ("valueBoolean", .bool(false))
      case .unknown: return nil
      }
    }
  }

  /// A FHIR string must not be empty: an empty or blank text is not recorded.
  static func present(_ text: String?) -> String? {
    guard let text, !text.allSatisfy({ $0 == " " }) else { return nil }
    return text
  }

  // MARK: Decoding

  /// Parses and reads a QuestionnaireResponse (JSON bytes) back into answers.
  public static func decode(_ bytes: [UInt8]) throws -> AnswerSheet {
    try decode(JSONParser.parse(bytes))
  }

  /// Reads a QuestionnaireResponse to ``FHIRQuestionnaire`` (any version) back into answers:
  /// the inverse of ``json(sheet:recommendation:context:)`` for the answers (a finding without
  /// an item is unknown). The contained recommendation is ignored: it is recomputed from the
  /// answers. Anything unexpected is an error naming the linkId (or the element).
  public static func decode(_ value: JSONValue) throws(FHIRResponseError) -> AnswerSheet {
    guard case .object(let members) = value else {
      throw FHIRResponseError(element: "(resource)", "expected an object, got \(value.typeName)")
    }
    var resourceType: String?
    var status: String?
    var items: [JSONValue] = []
    for (key, value) in members {
      switch key {
      case "resourceType":
        guard case .string(let text) = value else {
          throw FHIRResponseError(element: key, "expected a string, got \(value.typeName)")
        }
        resourceType = text
      case "questionnaire":
        // Any site's base: <base>/Questionnaire/spine-imaging-triage[|version].
        let path = "/Questionnaire/" + FHIRQuestionnaire.id
        guard case .string(let text) = value,
          text.hasSuffix(path)
            || text.split(separator: "|").first.map({ $0.hasSuffix(path) }) == true
        else {
          throw FHIRResponseError(
            element: key, "expected \(FHIRQuestionnaire.canonical), got \(show(value))")
        }
      case "status":
        guard case .string(let text) = value, statuses.contains(text) else {
          throw FHIRResponseError(
            element: key,
            "expected one of \(statuses.joined(separator: ", ")), got \(show(value))")
        }
        guard text != "entered-in-error" else {
          throw FHIRResponseError(element: key, "the response was entered in error")
        }
        status = text
      case "item":
        items = try array(value, element: key)
      case "modifierExtension":
        throw FHIRResponseError(element: key, "modifier extensions are not understood")
      case _ where ignoredElements.contains(key) || key.hasPrefix("_"):
        continue
      default:
        throw FHIRResponseError(
          element: key, "not an element of an R4 QuestionnaireResponse")
      }
    }
    guard resourceType == "QuestionnaireResponse" else {
      throw FHIRResponseError(
        element: "resourceType",
        "expected \"QuestionnaireResponse\", got \(resourceType.map { "\"\($0)\"" } ?? "nothing")")
    }
    guard status != nil else { throw FHIRResponseError(element: "status", "missing") }

    var sheet = AnswerSheet()
    var seen: Set<String> = []
    for groupValue in items {
      let group = try object(groupValue, element: "item")
      let linkId = try self.linkId(group, element: "item")
      guard FHIRLayout.groups.contains(where: { $0.linkId == linkId }) else {
        if let owner = FHIRLayout.itemsByLinkID[linkId] {
          throw FHIRResponseError(
            linkId: linkId, "expected inside the group \"\(owner.group)\", found at the top level")
        }
        throw FHIRResponseError(linkId: linkId, "not a group of \(FHIRQuestionnaire.url)")
      }
      guard seen.insert(linkId).inserted else {
        throw FHIRResponseError(linkId: linkId, "the group appears twice")
      }
      var children: [JSONValue] = []
      for (key, value) in group {
        switch key {
        case "item": children = try array(value, linkId: linkId)
        case "answer": throw FHIRResponseError(linkId: linkId, "a group has no answer")
        case "modifierExtension":
          throw FHIRResponseError(linkId: linkId, "modifier extensions are not understood")
        case _ where itemElements.contains(key) || key.hasPrefix("_"): continue
        default: throw FHIRResponseError(linkId: linkId, "unexpected element \"\(key)\"")
        }
      }
      guard !children.isEmpty else {
        throw FHIRResponseError(linkId: linkId, "a group must contain items")
      }
      for childValue in children {
        let child = try object(childValue, linkId: linkId)
        let childID = try self.linkId(child, element: "item \"\(linkId)\".item")
        guard let (owner, item) = FHIRLayout.itemsByLinkID[childID] else {
          throw FHIRResponseError(linkId: childID, "not an item of \(FHIRQuestionnaire.url)")
        }
        guard owner == linkId || FHIRLayout.formerGroups[childID] == linkId else {
          throw FHIRResponseError(
            linkId: childID, "expected in the group \"\(owner)\", found in \"\(linkId)\"")
        }
        guard seen.insert(childID).inserted else {
          throw FHIRResponseError(linkId: childID, "answered twice")
        }
        try read(child, item: item, into: &sheet)
      }
    }
    if let care = sheet.answers.conservativeWeeks, let weeks = sheet.answers.symptomWeeks,
      care > weeks
    {
      throw FHIRResponseError(
        linkId: "conservative_weeks",
        "\(care) weeks of care is more than the \(weeks) weeks of symptoms")
    }
    return sheet
  }

  /// The R4 QuestionnaireResponse status codes.
  static let statuses = ["in-progress", "completed", "amended", "entered-in-error", "stopped"]

  /// Elements of the resource that do not carry answers (the recommendation is recomputed).
  static let ignoredElements: Set<String> = [
    "id", "meta", "implicitRules", "language", "text", "contained", "extension", "identifier",
    "basedOn", "partOf", "subject", "encounter", "authored", "author", "source",
  ]

  /// Elements of an item besides `linkId`, `answer` and `item` that carry no answer.
  static let itemElements: Set<String> = ["id", "extension", "linkId", "definition", "text"]

  /// The code of the data-absent-reason extension in an item's `extension`, if any.
  static func absentReason(in value: JSONValue, linkId: String) throws(FHIRResponseError)
    -> String?
  {
    guard case .array(let list) = value else {
      throw FHIRResponseError(linkId: linkId, "extension: expected an array")
    }
    for element in list {
      guard case .object(let members) = element,
        members.contains(where: { $0.key == "url" && $0.value == .string(absentReasonURL) })
      else { continue }
      guard let code = members.first(where: { $0.key == "valueCode" }),
        case .string(let text) = code.value
      else {
        throw FHIRResponseError(linkId: linkId, "data-absent-reason without a valueCode")
      }
      return text
    }
    return nil
  }

  /// Reads one answered item into `sheet`.
  static func read(
    _ members: [(key: String, value: JSONValue)], item: FHIRLayout.Item,
    into sheet: inout AnswerSheet
  ) throws(FHIRResponseError) {
    let linkId = item.linkId
    var answers: [JSONValue]?
    for (key, value) in members {
      switch key {
      case "answer": answers = try array(value, linkId: linkId)
      case "item":
        throw FHIRResponseError(linkId: linkId, "a question item has no nested items")
      case "modifierExtension":
        throw FHIRResponseError(linkId: linkId, "modifier extensions are not understood")
      case _ where itemElements.contains(key) || key.hasPrefix("_"): continue
      default: throw FHIRResponseError(linkId: linkId, "unexpected element \"\(key)\"")
      }
    }
    if answers == nil, case .finding(let finding) = item.kind,
      let extensions = members.first(where: { $0.key == "extension" })?.value,
      let code = try absentReason(in: extensions, linkId: linkId)
    {
      switch code {
      case "not-performed": sheet.answers.markNotDone(finding)
      case "not-asked": sheet.folded.insert(finding)
      default:
        throw FHIRResponseError(
          linkId: linkId, "data-absent-reason \"\(code)\": expected not-performed or not-asked")
      }
      return
    }
    guard let answers, answers.count == 1 else {
      throw FHIRResponseError(
        linkId: linkId, "expected exactly one answer, got \(answers?.count ?? 0)")
    }
    let answer = try object(answers[0], linkId: linkId)
    var value: (key: String, value: JSONValue)?
    for member in answer {
      switch member.key {
      case "id", "extension": continue
      case _ where member.key.hasPrefix("_"): continue
      case _ where member.key.hasPrefix("value") && value == nil: value = member
      case "item":
        throw FHIRResponseError(linkId: linkId, "an answer has no nested items here")
      default:
        throw FHIRResponseError(linkId: linkId, "unexpected element \"answer.\(member.key)\"")
      }
    }
    let expected: String
    switch item.kind {
    case .finding: expected = "valueBoolean"
    case .age, .symptomWeeks, .conservativeWeeks: expected = "valueInteger"
    case .sex: expected = "valueCoding"
    case .patientID, .clinician: expected = "valueString"
    }
    guard let value, value.key == expected else {
      throw FHIRResponseError(
        linkId: linkId, "expected \(expected), got \(value.map { $0.key } ?? "no value")")
    }
    do {
      switch item.kind {
      case .finding(let finding):
        guard case .bool(let flag) = value.value else {
          throw FHIRResponseError(
            linkId: linkId, "expected true or false, got \(value.value.typeName)")
        }
        sheet.answers[finding] = flag ? .yes : .no
      case .age:
        sheet.answers.age = try AnswersCodec.integer(
          value.value, key: linkId, range: Answers.ageRange)
      case .symptomWeeks:
        sheet.answers.symptomWeeks = try AnswersCodec.integer(
          value.value, key: linkId, range: Answers.weeksRange)
      case .conservativeWeeks:
        sheet.answers.conservativeWeeks = try AnswersCodec.integer(
          value.value, key: linkId, range: Answers.weeksRange)
      case .sex:
        sheet.answers.sex = try sex(value.value, linkId: linkId)
      case .patientID:
        sheet.patientID = try AnswersCodec.text(value.value, key: linkId)
      case .clinician:
        sheet.clinician = try AnswersCodec.text(value.value, key: linkId)
      }
    } catch let error as AnswersError {
      throw FHIRResponseError(linkId: linkId, error.message)
    } catch let error as FHIRResponseError {
      throw error
    } catch {
      throw FHIRResponseError(linkId: linkId, "\(error)")
    }
  }

  static func sex(_ value: JSONValue, linkId: String) throws(FHIRResponseError) -> Sex {
    guard case .object(let coding) = value else {
      throw FHIRResponseError(linkId: linkId, "expected a Coding, got \(value.typeName)")
    }
    var code: String?
    for (key, member) in coding {
      switch key {
      case "system":
        guard member == .string(FHIRLayout.genderSystem) else {
          throw FHIRResponseError(
            linkId: linkId, "expected the system \(FHIRLayout.genderSystem), got \(show(member))")
        }
      case "code":
        guard case .string(let text) = member else {
          throw FHIRResponseError(linkId: linkId, "expected a code, got \(member.typeName)")
        }
        code = text
      default: continue
      }
    }
    guard let code, let sex = Sex(rawValue: code) else {
      throw FHIRResponseError(
        linkId: linkId,
        "expected the code female, male or other, got \(code.map { "\"\($0)\"" } ?? "none")")
    }
    return sex
  }

  // MARK: Helpers

  static func show(_ value: JSONValue) -> String { AnswersCodec.show(value) }

  static func object(_ value: JSONValue, element: String) throws(FHIRResponseError)
    -> [(key: String, value: JSONValue)]
  {
    guard case .object(let members) = value else {
      throw FHIRResponseError(element: element, "expected an object, got \(value.typeName)")
    }
    return members
  }

  static func object(_ value: JSONValue, linkId: String) throws(FHIRResponseError)
    -> [(key: String, value: JSONValue)]
  {
    guard case .object(let members) = value else {
      throw FHIRResponseError(linkId: linkId, "expected an object, got \(value.typeName)")
    }
    return members
  }

  static func array(_ value: JSONValue, element: String) throws(FHIRResponseError) -> [JSONValue] {
    guard case .array(let elements) = value else {
      throw FHIRResponseError(element: element, "expected an array, got \(value.typeName)")
    }
    return elements
  }

  static func array(_ value: JSONValue, linkId: String) throws(FHIRResponseError) -> [JSONValue] {
    guard case .array(let elements) = value else {
      throw FHIRResponseError(linkId: linkId, "expected an array, got \(value.typeName)")
    }
    return elements
  }

  static func linkId(_ members: [(key: String, value: JSONValue)], element: String)
    throws(FHIRResponseError) -> String
  {
    guard let value = members.first(where: { $0.key == "linkId" })?.value else {
      throw FHIRResponseError(element: element, "an item without a linkId")
    }
    guard case .string(let text) = value, !text.isEmpty else {
      throw FHIRResponseError(element: element, "linkId: expected a string, got \(show(value))")
    }
    return text
  }
}
