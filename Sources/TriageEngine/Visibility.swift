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
  /// Shown unless this question of an earlier form is answered no: that no already answers
  /// the item (FHIR `enableWhen` with `!=` false). An older record's "midline tenderness, level
  /// not recorded: no" means no tenderness at any level, so the levels are not asked again.
  case unlessNo(Finding)
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
    case .unlessNo(let earlier):
      return "unless an older record answered \u{201C}\(earlier.question.label)\u{201D} no"
    }
  }
}

/// Which items the questionnaire shows for given answers: the one definition behind the screens,
/// `--plain`, the FHIR Questionnaire's `enableWhen` and the FHIR response, and the engine's
/// `missing` (an unanswered item the form does not show is never listed as missing, so FINAL is
/// reachable by answering what is shown). Pure.
public enum Visibility {
  /// The findings whose `yes` means the pain began after an injury: the injury entry, and the
  /// trauma answers of an earlier form (each implies the injury). They open the mechanism and
  /// the neck-trauma questions.
  public static let afterInjury: FindingSet = [.injury, .traumaMajor, .traumaMinor]

  /// `answers` with what an earlier form's answers imply made explicit: `trauma_major` or
  /// `trauma_minor` answered yes implies the injury (an unanswered injury entry becomes yes). The
  /// rules read the injury the same way either way; a record that must satisfy the form's
  /// `enableWhen` (the FHIR response) carries the implied answer.
  public static func withImpliedAnswers(_ answers: Answers) -> Answers {
    var result = answers
    if answers[.injury] == .unknown
      && !answers.yesSet.intersection([.traumaMajor, .traumaMinor]).isEmpty
    {
      result[.injury] = .yes
    }
    return result
  }

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
    case .unlessNo(let earlier): answers[earlier] != .no
    }
  }

  /// Whether a record of `answers` lists `finding` among the answers: every question of the
  /// current form (answered or not assessed), and a question of an earlier form only when it was
  /// answered.
  public static func isListed(_ finding: Finding, in answers: Answers) -> Bool {
    condition(for: finding) != .recordedOnly || answers[finding] != .unknown
  }

  /// Every finding the questionnaire shows for `answers`.
  /// (The table read by kind, once: a bit-set union per kind instead of a test per finding, at
  /// every evaluation.)
  public static func shown(_ answers: Answers) -> FindingSet {
    let kinds = Kinds.table
    var result = kinds.always
    for group in kinds.opened where !answers.yesSet.intersection(group.openers).isEmpty {
      result = result.union(group.members)
    }
    result = result.union(kinds.recordedOnly.intersection(answers.yesSet.union(answers.noSet)))
    for (finding, earlier) in kinds.unlessNo where !answers.noSet.contains(earlier) {
      result.insert(finding)
    }
    return result
  }

  /// The show conditions of ``table`` by kind.
  struct Kinds {
    var always = FindingSet()
    /// The findings shown when any of `openers` is yes, one entry per set of openers.
    var opened: [(openers: FindingSet, members: FindingSet)] = []
    var recordedOnly = FindingSet()
    var unlessNo: [(finding: Finding, earlier: Finding)] = []

    static let table: Kinds = {
      var kinds = Kinds()
      for finding in Finding.allCases {
        switch condition(for: finding) {
        case .always: kinds.always.insert(finding)
        case .anyYes(let openers):
          if let index = kinds.opened.firstIndex(where: { $0.openers == openers }) {
            kinds.opened[index].members.insert(finding)
          } else {
            kinds.opened.append((openers, [finding]))
          }
        case .recordedOnly: kinds.recordedOnly.insert(finding)
        case .unlessNo(let earlier): kinds.unlessNo.append((finding, earlier))
        }
      }
      return kinds
    }()
  }

  /// Whether `screen` shows any item for `answers` (a screen with nothing to show is skipped).
  public static func isShown(_ screen: QuestionScreen, in answers: Answers) -> Bool {
    QuestionCatalogue.questions(on: screen).contains { isShown($0.finding, in: answers) }
  }

  /// The table, by finding: after an injury, the mechanism and the neck-trauma screen (the
  /// cervical spine is assessed after any injury whatever the pain site); abnormal airway,
  /// breathing or circulation also with signs of an aortic aneurysm (circulatory compromise means
  /// possible rupture); the questions of an earlier form (high-energy trauma, midline tenderness
  /// without a level) only when an older record answered them; the tenderness by level unless
  /// such a record answered tenderness without a level no (no tenderness at any level).
  static let table: [ShowCondition] = Finding.allCases.map { finding in
    switch finding {
    case .traumaMajor, .midlineTenderness: .recordedOnly
    case .midlineTendernessCervical, .midlineTendernessThoracolumbar: .unlessNo(.midlineTenderness)
    case .dangerousMechanism, .traumaMinor, .mechanismOther: .anyYes(afterInjury)
    case .abnormalABC: .anyYes(afterInjury.union([.aorticSigns]))
    default:
      QuestionCatalogue.question(for: finding).screen == .neckTrauma
        ? .anyYes(afterInjury) : .always
    }
  }
}
