/// How sure the reference is of a rule's source (reference section F).
public enum Certainty: String, Sendable, Hashable {
  /// Verified verbatim in the stored source text.
  case verified = "V"
  /// Paraphrased or reproduced by a reliable secondary source.
  case paraphrased = "P"
  /// Not verified (recall or a non-authoritative source).
  case unverified = "U"
  /// Our own synthesis of several sources (reference "suggested precedence").
  case synthesis = "S"
}

/// The metadata of one rule: identifier, title, urgency, source and year, and what the seed
/// article said where it disagrees with the guideline.
public struct Rule: Sendable, Hashable {
  /// The rule's identifier, for example `CES-1`.
  public let id: String
  /// What the rule says, for a clinician.
  public let title: String
  /// The urgency the rule sets, or `nil` for a rule that only explains (region, seed notes).
  public let urgency: Urgency?
  /// The source, with its year.
  public let source: String
  /// The year of the source.
  public let year: Int
  /// How sure the reference is of the source.
  public let certainty: Certainty
  /// The rule's own timeframe, when it is more specific than the urgency's default.
  public let timeframe: String?
  /// Where the seed article differs: what it said and what we follow (reference section D).
  public let note: String?
}
