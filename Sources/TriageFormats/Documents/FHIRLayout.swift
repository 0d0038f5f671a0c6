import TriageEngine

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

  /// The condition of a group: the union of its items' "shown when any of these is yes", or nil
  /// when an item of it is always shown (a group is enabled when any of its items may be).
  static func groupCondition(_ group: Group) -> FindingSet? {
    var union = FindingSet()
    for item in group.items {
      guard case .finding(let finding) = item.kind else { return nil }
      guard let openers = openers(finding) else { return nil }
      union = union.union(openers)
    }
    return union.isEmpty ? nil : union
  }

  /// The answers whose `yes` enables `finding` in FHIR, or nil when it is always enabled (or
  /// hidden): the ``Visibility`` condition without the item itself (an item answered yes stays
  /// shown on the screens; FHIR cannot refer an item to itself).
  static func openers(_ finding: Finding) -> FindingSet? {
    guard case .anyYes(let openers) = finding.question.shownWhen else { return nil }
    return openers.subtracting([finding])
  }

  /// Items that an earlier rule set's Questionnaire held in another group, by linkId: a response
  /// written then is still read.
  static let formerGroups: [String: String] = Dictionary(
    uniqueKeysWithValues: QuestionCatalogue.formerScreens.map { ($0.key.id, $0.value.rawValue) })

  /// The Coding of `sex`.
  static func coding(_ sex: Sex) -> JSONValue {
    .object([
      ("system", .string(genderSystem)),
      ("code", .string(sex.rawValue)),
      ("display", .string(DocumentText.sexName(sex))),
    ])
  }
}
