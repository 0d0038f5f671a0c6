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
