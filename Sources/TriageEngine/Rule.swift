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
  /// The latest time to the study in hours, when the rule's timeframe is one (4 for suspected
  /// cauda equina syndrome); `nil` to use the urgency's default.
  public let timeframeHours: Int?
  /// What the clinician must know about the rule (for example that it is not yet validated), in
  /// plain words.
  public let note: String?
  /// Where the seed article differs from the guideline this rule follows, in plain words, for
  /// the closing section of a summary ("Where this advice differs from the source article").
  public let seedDifference: String?
  /// What the seed difference is about: it is shown only when one of these findings is
  /// answered yes among the rule's evidence (or, with ``seedAboutAge``, when the rule used the
  /// age), so a record never explains a difference this patient's answers do not touch.
  public let seedAbout: FindingSet
  /// Whether the seed difference is about the age (shown when the rule used the age).
  public let seedAboutAge: Bool
  /// Whether the rule comes from a guideline for adults (16 and over): it never fires, and is
  /// never cited, under 16 (ACR Back Pain-Child applies instead).
  public let adultOnly: Bool
  /// Whether the rule is about low back pain: it fires only with a lumbar presentation (low
  /// back pain or leg radiation), never for thoracic or neck pain alone.
  public let lumbarOnly: Bool
  /// The rules whose text says the opposite of this one (for example "age alone does not call
  /// for imaging" and a radiograph for age): the two never fire together (an engine property).
  public let opposes: [String]
  /// Whether the rule only explains where the seed article differs: shown in the closing
  /// section, never among the reasons for the decision.
  public var isSeedNote: Bool { id.hasPrefix("SEED-") }

  /// Creates a rule.
  public init(
    id: String, title: String, urgency: Urgency?, source: String, year: Int,
    certainty: Certainty, timeframe: String? = nil, timeframeHours: Int? = nil,
    note: String? = nil, seedDifference: String? = nil, seedAbout: FindingSet = [],
    seedAboutAge: Bool = false, adultOnly: Bool = false, lumbarOnly: Bool = false,
    opposes: [String] = []
  ) {
    self.seedAbout = seedAbout
    self.seedAboutAge = seedAboutAge
    self.adultOnly = adultOnly
    self.lumbarOnly = lumbarOnly
    self.opposes = opposes
    self.id = id
    self.title = title
    self.urgency = urgency
    self.source = source
    self.year = year
    self.certainty = certainty
    self.timeframe = timeframe
    self.timeframeHours = timeframeHours
    self.note = note
    self.seedDifference = seedDifference
  }
}
