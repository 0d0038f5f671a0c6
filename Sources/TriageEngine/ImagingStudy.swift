/// An imaging modality (contract identifiers).
public enum Modality: String, Sendable, CaseIterable, Hashable {
  case mri
  case ct
  case ctMyelogram = "ct_myelogram"
  case radiograph
  /// Bedside ultrasound (rule set 2: the abdominal aorta before any spine study).
  case ultrasound
  /// CT angiography (rule set 2: the aorta, per the local pathway).
  case ctAngiography = "ct_angiography"

  /// How a clinician reads it.
  public var displayName: String {
    switch self {
    case .mri: "MRI"
    case .ct: "CT"
    case .ctMyelogram: "CT myelogram"
    case .radiograph: "Radiographs"
    case .ultrasound: "Bedside ultrasound"
    case .ctAngiography: "CT angiography"
    }
  }
}

/// A region to image (contract identifiers): the spinal regions, and (rule set 2) the abdominal
/// aorta, assessed before any spine study when an aneurysm is suspected.
public enum SpineRegion: String, Sendable, CaseIterable, Hashable {
  case cervical
  case thoracic
  case lumbar
  case lumbosacral
  case wholeSpine = "whole_spine"
  case abdominalAorta = "abdominal_aorta"

  /// Whether this is a region of the spine (not the aorta).
  public var isSpinal: Bool { self != .abdominalAorta }

  /// How a clinician reads it.
  public var displayName: String {
    switch self {
    case .cervical: "cervical spine"
    case .thoracic: "thoracic spine"
    case .lumbar: "lumbar spine"
    case .lumbosacral: "lumbosacral spine"
    case .wholeSpine: "whole spine"
    case .abdominalAorta: "abdominal aorta"
    }
  }

  /// Whether a study of this region also shows `other`.
  public func covers(_ other: SpineRegion) -> Bool {
    if self == other { return true }
    if self == .wholeSpine { return other.isSpinal }
    switch (self, other) {
    case (.lumbar, .lumbosacral), (.lumbosacral, .lumbar): return true
    default: return false
    }
  }
}

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
