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
