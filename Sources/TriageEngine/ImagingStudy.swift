/// Intravenous contrast (contract identifiers).
public enum Contrast: String, Sendable, CaseIterable, Hashable {
  /// Without IV contrast.
  case without
  /// Without and then with IV contrast (gadolinium for MRI).
  case withAndWithout = "with_and_without"
  /// Not applicable (radiographs, myelography's intrathecal contrast is implied).
  case none
}

/// One imaging study: modality, region and contrast.
public struct ImagingStudy: Sendable, Hashable {
  public var modality: Modality
  public var region: SpineRegion
  public var contrast: Contrast

  /// Creates a study.
  public init(_ modality: Modality, _ region: SpineRegion, _ contrast: Contrast) {
    self.modality = modality
    self.region = region
    self.contrast = contrast
  }

  /// How many studies there are: every modality, region and contrast.
  public static var count: Int { StudyBits.count }

  /// The study's place among them (0 up to ``count``), modality first, then region, then
  /// contrast, each in the order of its `allCases`: tables of studies are indexed by it.
  @inline(__always) public var place: Int { StudyBits.index(self) }

  /// The study at `place` (0 up to ``count``).
  public init(place: Int) {
    precondition((0..<Self.count).contains(place), "no study at place \(place)")
    self = StudyBits.study(at: place)
  }

  /// For example "MRI lumbosacral spine without contrast".
  public var displayName: String {
    let base = "\(modality.displayName) \(region.displayName)"
    if modality == .ctAngiography { return base }
    switch contrast {
    case .without: return base + " without contrast"
    case .withAndWithout: return base + " without and with contrast"
    case .none: return base
    }
  }
}

/// An alternative study and when to use it.
public struct Alternative: Sendable, Hashable {
  public var study: ImagingStudy
  public var when: String

  /// Creates an alternative.
  public init(_ study: ImagingStudy, when: String) {
    self.study = study
    self.when = when
  }
}
