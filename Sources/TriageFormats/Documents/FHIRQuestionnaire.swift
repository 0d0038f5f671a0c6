import TriageEngine

/// The questionnaire as a FHIR R4 `Questionnaire` resource: what an EHR needs to render the
/// form, or to read a ``FHIRQuestionnaireResponse``.
///
/// Structure (linkIds are the answers file's identifiers, README "The answers file", never
/// renamed):
/// - a `consultation` group: `patient_id` and `clinician` (`string`, at most 64 characters);
/// - one `group` per ``QuestionScreen``, linkId its raw value (`presentation`, `history`,
///   `examination`, `neck_trauma`, `mri_safety`), text its title. The `presentation` group
///   starts with the numbers, as the Patient screen does: `age`, `symptom_weeks` and
///   `conservative_weeks` (`integer`, with the core `minValue`/`maxValue` extensions) and `sex`
///   (`choice`, codes of `http://hl7.org/fhir/administrative-gender`);
/// - in each screen group, one `boolean` item per finding (linkId the finding identifier, text
///   the question). A checklist of booleans records an explicit No (`valueBoolean: false`); an
///   unknown finding is simply not answered.
///
/// The recommendation is not part of the questionnaire: it is computed, and travels with the
/// response (see ``FHIRQuestionnaireResponse``).
public enum FHIRQuestionnaire {
  /// The canonical URL under the default base (``DocumentContext/defaultFHIRBaseURL``).
  public static let url = url(base: DocumentContext.defaultFHIRBaseURL)

  /// The canonical URL under a site's FHIR base.
  public static func url(base: String) -> String { base + "/Questionnaire/" + id }

  /// The canonical reference with version under a site's FHIR base.
  public static func canonical(base: String) -> String { url(base: base) + "|" + version }
  /// The questionnaire's business version: the rule set's version, so that a response names the
  /// rules that interpreted it.
  public static let version = RuleBook.version
  /// The resource id.
  public static let id = "spine-imaging-triage"
  /// The computer-friendly name (FHIR invariant que-0).
  public static let name = "SpineImagingTriage"
  /// The human title.
  public static let title = "Spine imaging triage"
  /// The canonical reference with version, as a response's `questionnaire` element carries it.
  public static var canonical: String { "\(url)|\(version)" }

  /// The Questionnaire resource; `date` (a FHIR dateTime, for example the release date) is
  /// left out when `nil`; `base` is the site's FHIR canonical base.
  public static func json(date: String? = nil, base: String = DocumentContext.defaultFHIRBaseURL)
    -> JSONValue
  {
    var members: [(key: String, value: JSONValue)] = [
      ("resourceType", .string("Questionnaire")),
      ("id", .string(id)),
      ("meta", FHIRShared.meta(profile: FHIRShared.sdcQuestionnaire)),
      ("text", narrative()),
      ("url", .string(url(base: base))),
      ("version", .string(version)),
      ("name", .string(name)),
      ("title", .string(title)),
      ("status", .string("active")),
      ("subjectType", .array([.string("Patient")])),
    ]
    if let date { members.append(("date", .string(date))) }
    members.append(
      (
        "description",
        .string(
          "Bedside spine-imaging decision aid: presentation, red flags, examination, neck trauma"
            + " (NEXUS and Canadian C-Spine Rule) and MRI safety. Every finding is yes, no or"
            + " not assessed (left unanswered). Decision support only: it does not replace"
            + " clinical judgement; the responsible clinician decides.")
      ))
    members.append(("item", .array(FHIRLayout.groups.map(groupItem))))
    return .object(members)
  }

  /// The Questionnaire resource as JSON text.
  public static func string(
    date: String? = nil, base: String = DocumentContext.defaultFHIRBaseURL, pretty: Bool = true
  ) -> String {
    JSONWriter.string(json(date: date, base: base), pretty: pretty)
  }

  /// The human-readable narrative: the title and the groups with their number of questions.
  static func narrative() -> JSONValue {
    var html = "<p><b>\(FHIRShared.escape(title))</b> (rule set \(FHIRShared.escape(version)))."
    html += " Every finding is yes, no or not assessed. Decision support only.</p><ul>"
    for group in FHIRLayout.groups {
      html +=
        "<li>\(FHIRShared.escape(group.text)): \(group.items.count) question"
        + (group.items.count == 1 ? "" : "s") + "</li>"
    }
    return FHIRShared.narrative(html + "</ul>")
  }

  static func groupItem(_ group: FHIRLayout.Group) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("linkId", .string(group.linkId)),
      ("text", .string(group.text)),
      ("type", .string("group")),
    ]
    // enableWhen from the one definition of what the form shows (``Visibility``): the group
    // carries the union of its items' conditions, an item its own when it is narrower.
    let condition = FHIRLayout.groupCondition(group)
    let children = group.items.map { questionItem($0, within: condition) }
    if let condition { members += enableWhen(condition) }
    members.append(("item", .array(children)))
    return .object(members)
  }

  /// `enableWhen` (and `enableBehavior` when there are several) for "any of these is yes".
  static func enableWhen(_ openers: FindingSet) -> [(key: String, value: JSONValue)] {
    let conditions = openers.members.map { finding in
      JSONValue.object([
        ("question", .string(finding.id)),
        ("operator", .string("=")),
        ("answerBoolean", .bool(true)),
      ])
    }
    var members: [(key: String, value: JSONValue)] = [("enableWhen", .array(conditions))]
    if conditions.count > 1 { members.append(("enableBehavior", .string("any"))) }
    return members
  }

  /// `enableWhen` for "unless this question of an earlier form is answered no": `!=` false
  /// holds when it is not answered or answered yes.
  static func enableWhen(unlessNo earlier: Finding) -> [(key: String, value: JSONValue)] {
    let condition = JSONValue.object([
      ("question", .string(earlier.id)),
      ("operator", .string("!=")),
      ("answerBoolean", .bool(false)),
    ])
    return [("enableWhen", .array([condition]))]
  }

  /// The SDC extension for an item not displayed: a question of an earlier rule set, whose
  /// answer an older record may still carry.
  static let hiddenExtension: JSONValue = .object([
    ("url", .string("http://hl7.org/fhir/StructureDefinition/questionnaire-hidden")),
    ("valueBoolean", .bool(true)),
  ])

  static func questionItem(_ item: FHIRLayout.Item, within group: FindingSet?) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = []
    if case .finding(let finding) = item.kind, finding.question.shownWhen == .recordedOnly {
      members.append(("extension", .array([hiddenExtension])))
    }
    func range(_ range: ClosedRange<Int>) {
      members.append(
        (
          "extension",
          .array([
            .object([
              ("url", .string("http://hl7.org/fhir/StructureDefinition/minValue")),
              ("valueInteger", .number(String(range.lowerBound))),
            ]),
            .object([
              ("url", .string("http://hl7.org/fhir/StructureDefinition/maxValue")),
              ("valueInteger", .number(String(range.upperBound))),
            ]),
          ])
        ))
    }
    switch item.kind {
    case .age: range(Answers.ageRange)
    case .symptomWeeks, .conservativeWeeks: range(Answers.weeksRange)
    default: break
    }
    members.append(("linkId", .string(item.linkId)))
    if let code = FHIRItemCode.json(item.linkId) { members.append(("code", code)) }
    members += [
      ("text", .string(item.text)),
      ("type", .string(item.kind.fhirType)),
    ]
    if case .finding(let finding) = item.kind,
      let openers = FHIRLayout.openers(finding), openers != group
    {
      members += enableWhen(openers)
    }
    if case .finding(let finding) = item.kind,
      case .unlessNo(let earlier) = finding.question.shownWhen
    {
      members += enableWhen(unlessNo: earlier)
    }
    switch item.kind {
    case .patientID, .clinician:
      members.append(("maxLength", .number(String(AnswerSheet.maxTextLength))))
    case .sex:
      members.append(
        (
          "answerOption",
          .array(Sex.allCases.map { .object([("valueCoding", FHIRLayout.coding($0))]) })
        ))
    default: break
    }
    return .object(members)
  }
}
