import TriageEngine

/// The questionnaire as a FHIR R4 `Questionnaire` resource: what an EHR needs to render the
/// form, or to read a ``FHIRQuestionnaireResponse``.
///
/// Structure (linkIds are the contract identifiers of `spec/questionnaire.md`, never renamed):
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
    let children = group.items.map(questionItem)
    if group.linkId == QuestionScreen.neckTrauma.rawValue {
      // The NEXUS / Canadian C-Spine questions apply after any trauma (trauma_major OR
      // trauma_minor), whatever the pain site: the cervical spine is assessed after trauma.
      members.append(
        (
          "enableWhen",
          .array([
            enableWhen(Finding.traumaMajor.id, true), enableWhen(Finding.traumaMinor.id, true),
          ])
        ))
      members.append(("enableBehavior", .string("any")))
    }
    members.append(("item", .array(children)))
    return .object(members)
  }

  static func enableWhen(_ question: String, _ answer: Bool) -> JSONValue {
    .object([
      ("question", .string(question)),
      ("operator", .string("=")),
      ("answerBoolean", .bool(answer)),
    ])
  }

  static func questionItem(_ item: FHIRLayout.Item) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = []
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

/// The item tree shared by the Questionnaire, the response and its decoder.
enum FHIRLayout {
  /// The linkId of the group holding the patient identifier and the clinician.
  static let consultation = "consultation"
  /// The code system of `sex`.
  static let genderSystem = "http://hl7.org/fhir/administrative-gender"

  /// What an item records.
  enum Kind: Hashable {
    case patientID, clinician, age, sex, symptomWeeks, conservativeWeeks
    case finding(Finding)

    /// The FHIR item type.
    var fhirType: String {
      switch self {
      case .patientID, .clinician: "string"
      case .age, .symptomWeeks, .conservativeWeeks: "integer"
      case .sex: "choice"
      case .finding: "boolean"
      }
    }
  }

  struct Item {
    let linkId: String
    let text: String
    let kind: Kind
  }

  struct Group {
    let linkId: String
    let text: String
    let items: [Item]
  }

  /// The groups in order: the consultation, then one per screen.
  static let groups: [Group] = {
    var groups = [
      Group(
        linkId: consultation, text: "Consultation",
        items: [
          Item(linkId: "patient_id", text: "Patient identifier", kind: .patientID),
          Item(linkId: "clinician", text: "Clinician", kind: .clinician),
        ])
    ]
    for screen in QuestionScreen.allCases {
      var items: [Item] = []
      if screen == .presentation {
        items = [
          Item(linkId: "age", text: "Age (years)", kind: .age),
          Item(linkId: "sex", text: "Sex", kind: .sex),
          Item(
            linkId: "symptom_weeks", text: "Weeks of the current episode", kind: .symptomWeeks),
          Item(
            linkId: "conservative_weeks",
            text: "Weeks of optimal conservative care already tried without adequate improvement",
            kind: .conservativeWeeks),
        ]
      }
      items += QuestionCatalogue.questions(on: screen).map {
        Item(linkId: $0.id, text: $0.text, kind: .finding($0.finding))
      }
      groups.append(Group(linkId: screen.rawValue, text: screen.title, items: items))
    }
    return groups
  }()

  /// The group and item of every item linkId.
  static let itemsByLinkID: [String: (group: String, item: Item)] = {
    var table: [String: (group: String, item: Item)] = [:]
    for group in groups {
      for item in group.items { table[item.linkId] = (group.linkId, item) }
    }
    return table
  }()

  /// Whether the neck-trauma questions apply (see the Questionnaire's enableWhen): after any
  /// trauma, as the neck-trauma screen (``Page/neckTraumaApplies(_:)`` in the UI).
  static func neckTraumaEnabled(_ answers: Answers) -> Bool {
    answers[.traumaMajor] == .yes || answers[.traumaMinor] == .yes
  }

  /// The Coding of `sex`.
  static func coding(_ sex: Sex) -> JSONValue {
    .object([
      ("system", .string(genderSystem)),
      ("code", .string(sex.rawValue)),
      ("display", .string(DocumentText.sexName(sex))),
    ])
  }
}
