/// When the questionnaire shows an item.
public enum ShowCondition: Sendable, Hashable {
  /// Always shown.
  case always
  /// Shown when any of these findings is answered yes (FHIR `enableWhen` with
  /// `enableBehavior: any`).
  case anyYes(FindingSet)
  /// No longer asked (a question of an earlier rule set, answered in an older answers file):
  /// shown only when it has an answer, so the record never hides what was recorded (FHIR: the
  /// `questionnaire-hidden` extension, an answer may still be carried).
  case recordedOnly
}

extension ShowCondition {
  /// When the item is asked, in words (the README's question table, `questionnaire`).
  public var words: String {
    switch self {
    case .always: return "always"
    case .anyYes(let openers):
      let labels = openers.members.map { $0.question.label }
      let list =
        labels.count <= 1
        ? labels.joined() : labels.dropLast().joined(separator: ", ") + " or " + labels.last!
      return "when yes: " + list
    case .recordedOnly: return "no longer asked; shown when an older record answered it"
    }
  }
}

/// Which items the questionnaire shows for given answers: the one definition behind the screens,
/// `--plain`, the FHIR Questionnaire's `enableWhen` and the FHIR response, and the engine's
/// `missing` (an unanswered item the form does not show is never listed as missing, so FINAL is
/// reachable by answering what is shown). Pure.
public enum Visibility {
  /// The findings whose `yes` opens the neck-trauma questions: any trauma.
  public static let afterTrauma: FindingSet = [.traumaMajor, .traumaMinor]

  /// When `finding` is shown.
  public static func condition(for finding: Finding) -> ShowCondition {
    table[Int(finding.rawValue)]
  }

  /// Whether the questionnaire shows `finding` for `answers`.
  public static func isShown(_ finding: Finding, in answers: Answers) -> Bool {
    switch condition(for: finding) {
    case .always: true
    case .anyYes(let openers): !answers.yesSet.intersection(openers).isEmpty
    case .recordedOnly: answers[finding] != .unknown
    }
  }

  /// Every finding the questionnaire shows for `answers`.
  public static func shown(_ answers: Answers) -> FindingSet {
    var result = FindingSet()
    for finding in Finding.allCases where isShown(finding, in: answers) { result.insert(finding) }
    return result
  }

  /// Whether `screen` shows any item for `answers` (a screen with nothing to show is skipped).
  public static func isShown(_ screen: QuestionScreen, in answers: Answers) -> Bool {
    QuestionCatalogue.questions(on: screen).contains { isShown($0.finding, in: answers) }
  }

  /// The table, by finding: the neck-trauma screen after any trauma (the cervical spine is
  /// assessed after trauma whatever the pain site); abnormal airway, breathing or circulation
  /// also with signs of an aortic aneurysm (circulatory compromise means possible rupture).
  static let table: [ShowCondition] = Finding.allCases.map { finding in
    switch finding {
    case .abnormalABC: .anyYes(afterTrauma.union([.aorticSigns]))
    default:
      QuestionCatalogue.question(for: finding).screen == .neckTrauma
        ? .anyYes(afterTrauma) : .always
    }
  }
}
