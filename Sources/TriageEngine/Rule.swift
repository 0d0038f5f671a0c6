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
///
/// A value type over one shared, immutable storage: copying a rule (into each fired rule of a
/// recommendation) is one reference count, not one per text.
public struct Rule: Sendable, Hashable {
  /// The fields, kept once per rule.
  private struct Fields: Hashable {
    let id: String
    let title: String
    let urgency: Urgency?
    let source: String
    let year: Int
    let certainty: Certainty
    let timeframe: String?
    let timeframeHours: Int?
    let note: String?
    let seedDifference: String?
    let seedAbout: FindingSet
    let seedAboutAge: Bool
    let adultOnly: Bool
    let lumbarOnly: Bool
    let opposes: [String]
  }

  /// The storage every copy of a rule shares (never changed after it is made).
  private final class Storage: Sendable {
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private let storage: Storage

  /// The rule's identifier, for example `CES-1`.
  public var id: String { storage.fields.id }
  /// What the rule says, for a clinician.
  public var title: String { storage.fields.title }
  /// The urgency the rule sets, or `nil` for a rule that only explains (region, seed notes).
  public var urgency: Urgency? { storage.fields.urgency }
  /// The source, with its year.
  public var source: String { storage.fields.source }
  /// The year of the source.
  public var year: Int { storage.fields.year }
  /// How sure the reference is of the source.
  public var certainty: Certainty { storage.fields.certainty }
  /// The rule's own timeframe, when it is more specific than the urgency's default.
  public var timeframe: String? { storage.fields.timeframe }
  /// The latest time to the study in hours, when the rule's timeframe is one (4 for suspected
  /// cauda equina syndrome); `nil` to use the urgency's default.
  public var timeframeHours: Int? { storage.fields.timeframeHours }
  /// What the clinician must know about the rule (for example that it is not yet validated), in
  /// plain words.
  public var note: String? { storage.fields.note }
  /// Where the seed article differs from the guideline this rule follows, in plain words, for
  /// the closing section of a summary ("Where this advice differs from the source article").
  public var seedDifference: String? { storage.fields.seedDifference }
  /// What the seed difference is about: it is shown only when one of these findings is
  /// answered yes among the rule's evidence (or, with ``seedAboutAge``, when the rule used the
  /// age), so a record never explains a difference this patient's answers do not touch.
  public var seedAbout: FindingSet { storage.fields.seedAbout }
  /// Whether the seed difference is about the age (shown when the rule used the age).
  public var seedAboutAge: Bool { storage.fields.seedAboutAge }
  /// Whether the rule comes from a guideline for adults (16 and over): it never fires, and is
  /// never cited, under 16 (ACR Back Pain-Child applies instead).
  public var adultOnly: Bool { storage.fields.adultOnly }
  /// Whether the rule is about low back pain: it fires only with a lumbar presentation (low
  /// back pain or leg radiation), never for thoracic or neck pain alone.
  public var lumbarOnly: Bool { storage.fields.lumbarOnly }
  /// The rules whose text says the opposite of this one (for example "age alone does not call
  /// for imaging" and a radiograph for age): the two never fire together (an engine property).
  public var opposes: [String] { storage.fields.opposes }
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
    storage = Storage(
      Fields(
        id: id,
        title: title,
        urgency: urgency,
        source: source,
        year: year,
        certainty: certainty,
        timeframe: timeframe,
        timeframeHours: timeframeHours,
        note: note,
        seedDifference: seedDifference,
        seedAbout: seedAbout,
        seedAboutAge: seedAboutAge,
        adultOnly: adultOnly,
        lumbarOnly: lumbarOnly,
        opposes: opposes))
  }

  /// A key for tables of rules: every copy of a rule has its key; equal rules made apart have
  /// different keys, so a table found by it must fall back to comparing rules on a miss.
  public var sharedKey: ObjectIdentifier { ObjectIdentifier(storage) }

  /// Whether two rules have the same fields (the same storage, or equal texts and values).
  public static func == (lhs: Rule, rhs: Rule) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }
}
