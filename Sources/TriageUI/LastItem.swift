import TriageEngine
import TriageFormats

extension Item {
  /// The identifier kept in the draft as the last item touched (`last_item`): a finding's
  /// contract identifier, `age`, `sex`, `symptom_weeks`, `conservative_weeks`, `patient_id` or
  /// `clinician`; nil for rows that are not questions.
  public var identifier: String? {
    switch self {
    case .finding(let finding): finding.id
    case .number(let field): field.id
    case .sex: "sex"
    case .text(.patientID): "patient_id"
    case .text(.clinician): "clinician"
    case .report, .folded: nil
    }
  }

  /// The item named by `identifier` (see ``identifier``).
  public init?(identifier: String) {
    if let finding = Finding(id: identifier) {
      self = .finding(finding)
    } else if let field = NumberField.allCases.first(where: { $0.id == identifier }) {
      self = .number(field)
    } else {
      switch identifier {
      case "sex": self = .sex
      case "patient_id": self = .text(.patientID)
      case "clinician": self = .text(.clinician)
      default: return nil
      }
    }
  }

  /// The page the item is on.
  var page: Page {
    switch self {
    case .finding(let finding):
      Page.allCases.first { $0.questionScreen == finding.question.screen } ?? .patient
    case .number, .sex: .patient
    case .text, .report: .summary
    case .folded: .patient
    }
  }
}

extension AppState {
  /// Puts the page and the focus on the item the clinician touched last (the sheet's
  /// `lastItem`), so that a resumed draft opens where they stopped; does nothing without one,
  /// or when its page does not apply to the answers any more.
  public mutating func focusOnLastItem() {
    guard let id = sheet.lastItem, let item = Item(identifier: id),
      item.page.isEnabled(for: answers)
    else { return }
    page = item.page
    Update.refocus(on: item, &self)
  }

  /// Notes that `item` was just changed: it becomes the last item touched, and, for an answer
  /// (not a typed name), the assessment time becomes the time of the key (``now``, when the
  /// runner set it).
  mutating func noteTouched(_ item: Item?) {
    guard let id = item?.identifier else { return }
    if case .text = item {
      sheet.lastItem = id
    } else if let now {
      sheet.noteAnswered(now: now, item: id)
    } else {
      sheet.lastItem = id
    }
  }
}
