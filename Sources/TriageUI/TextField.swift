import TriageEngine

/// The free-text fields of the Summary page.
public enum TextField: Hashable, Sendable, CaseIterable {
  case patientID, clinician

  /// The label on the page.
  public var label: String {
    switch self {
    case .patientID: "Patient identifier"
    case .clinician: "Clinician"
    }
  }

  /// The help line.
  public var help: String {
    switch self {
    case .patientID: "Optional, printed on the summary. Enter edits; Enter keeps, Esc cancels."
    case .clinician: "Optional: your name for the signature. Enter edits; Esc cancels."
    }
  }
}
