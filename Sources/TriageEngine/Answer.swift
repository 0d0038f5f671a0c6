/// A tri-state answer to a finding: yes, no, or not asked / not examined.
///
/// `unknown` is never treated as `no`: where a `yes` could raise the urgency, the finding is
/// reported in ``Recommendation/missing``.
public enum Answer: String, Sendable, CaseIterable, Hashable {
  case yes
  case no
  case unknown

  /// The next answer when the clinician cycles with Space: unanswered -> yes -> no -> unanswered.
  public var cycled: Answer {
    switch self {
    case .unknown: .yes
    case .yes: .no
    case .no: .unknown
    }
  }
}

/// The patient's sex, as recorded in the answers file (optional).
public enum Sex: String, Sendable, CaseIterable, Hashable {
  case female
  case male
  case other
}
