/// What a rule proposes when it fires, written as data: studies with region selectors and the
/// alternatives, each with the reason a clinician reads.
public struct PlanSpec: Sendable, Hashable {
  /// The regions the studies placed at ``StudySpec/Place/chosen`` are repeated over.
  public var regions: RegionChoice
  /// The studies, in order.
  public var imaging: [StudySpec]
  /// The alternatives, in order.
  public var alternatives: [AlternativeSpec]

  /// Creates a plan.
  public init(
    regions: RegionChoice = .fixed, imaging: [StudySpec], alternatives: [AlternativeSpec] = []
  ) {
    self.regions = regions
    self.imaging = imaging
    self.alternatives = alternatives
  }

  /// No studies (a rule that explains, or one that does not image).
  public static let nothing = PlanSpec(imaging: [])

  /// Which regions a plan's chosen studies cover.
  public indirect enum RegionChoice: Sendable, Hashable {
    /// No chosen region: every study names its own.
    case fixed
    /// The regions of the symptoms: cervical for neck or arm symptoms, thoracic for
    /// interscapular pain, lumbar for low back or leg symptoms; the whole spine for all three or
    /// none.
    case symptoms
    /// The regions of a back-pathway study: thoracic, lumbar, or the whole spine with no site.
    case back
    /// The cord level: cervical or thoracic alone, otherwise the whole spine.
    case cord
    /// The first choice when the condition holds, else the second.
    case either(Condition, RegionChoice, RegionChoice)
  }
}

/// One study of a plan: modality, region (fixed or chosen) and contrast, with an optional
/// condition (a study added only with a deficit, for example).
public struct StudySpec: Sendable, Hashable {
  /// The modality.
  public var modality: Modality
  /// The region.
  public var place: Place
  /// The contrast.
  public var contrast: Contrast
  /// When the study is part of the plan.
  public var when: Condition

  /// A fixed region or the plan's chosen region.
  public enum Place: Sendable, Hashable {
    /// This region.
    case region(SpineRegion)
    /// Each region of the plan's ``PlanSpec/RegionChoice``.
    case chosen
  }

  /// A study of a fixed region.
  public init(
    _ modality: Modality, _ region: SpineRegion, _ contrast: Contrast, when: Condition = .always
  ) {
    self.modality = modality
    self.place = .region(region)
    self.contrast = contrast
    self.when = when
  }

  /// A study of each chosen region.
  public init(_ modality: Modality, chosen contrast: Contrast, when: Condition = .always) {
    self.modality = modality
    self.place = .chosen
    self.contrast = contrast
    self.when = when
  }
}

/// An alternative study and when to choose it.
public struct AlternativeSpec: Sendable, Hashable {
  /// The study.
  public var study: StudySpec
  /// When to choose it, in words.
  public var reason: String

  /// Creates an alternative.
  public init(_ study: StudySpec, when reason: String) {
    self.study = study
    self.reason = reason
  }
}
