/// The screens of the questionnaire, in order.
public enum QuestionScreen: String, Sendable, CaseIterable, Hashable {
  case presentation
  case history
  case examination
  case neckTrauma = "neck_trauma"
  case mriSafety = "mri_safety"

  /// The screen's title.
  public var title: String {
    switch self {
    case .presentation: "Patient"
    case .history: "History"
    case .examination: "Examination"
    case .neckTrauma: "Neck trauma"
    case .mriSafety: "MRI safety"
    }
  }
}

/// What a `yes` means for the patient's risk.
public enum Polarity: Sendable, Hashable {
  /// `yes` is a concerning finding: turning it from `no` to `yes` never lowers the urgency.
  case risk
  /// Where it hurts (low back, neck, between the shoulder blades, arm radiation): it chooses the
  /// branch and the region, it is not a red flag. An unknown site that could raise the urgency is
  /// still listed in `missing`.
  case site
  /// `yes` is reassuring (the Canadian C-Spine Rule's low-risk factors and neck rotation): an
  /// unanswered reassuring finding is never taken as `yes`.
  case reassuring
  /// An MRI-safety item: changes how to image, never how urgently.
  case safety
}

/// One question of the catalogue: identifier, screen, wording for a clinician and help.
public struct Question: Sendable, Hashable {
  /// The finding this question records.
  public let finding: Finding
  /// The stable public identifier.
  public let id: String
  /// The screen it is asked on.
  public let screen: QuestionScreen
  /// A short label (at most 40 characters) for lists and printouts: missing answers, the
  /// findings behind a rule, answers by screen. Never the identifier.
  public let label: String
  /// The full wording shown on the checklist.
  public let text: String
  /// A one-line help text: what counts as `yes`, and why it is asked.
  public let help: String
  /// What a `yes` means for the urgency.
  public let polarity: Polarity
  /// Where the question comes from (`spec`, `seed`, or a guideline), for the catalogue listing.
  public let origin: String
  /// When the questionnaire shows it (``Visibility``).
  public var shownWhen: ShowCondition { Visibility.condition(for: finding) }
}
