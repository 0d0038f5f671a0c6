/// What a printed or exported document needs besides the answers and the recommendation:
/// everything that varies from one consultation to the next and that a pure renderer cannot
/// compute itself (no clock, no random numbers, no build information in this module).
public struct DocumentContext: Sendable, Hashable {
  /// The program's version, for example `1.0.0`.
  public var programVersion: String
  /// When the document was generated: ISO 8601 with an offset, for example
  /// `2026-11-24T21:40:00+00:00` (also a valid FHIR `dateTime`).
  public var generatedAt: String
  /// The consultation's identifier: a UUID string, for example
  /// `3f6c2a9e-8b1d-4c57-9e2a-71d0b5c4e8f1` (also the FHIR resource id).
  public var consultationID: String
  /// The site's name (from the configuration), printed at the top of the summary; `nil`: none.
  public var siteName: String?
  /// The base of the FHIR canonical URLs (Questionnaire, code systems), without a final `/`.
  public var fhirBaseURL: String = DocumentContext.defaultFHIRBaseURL

  /// The URI of the patient identifiers' system (setting `patient_id_system`); `nil`: the
  /// FHIR `subject` is an unqualified identifier.
  public var patientIDSystem: String?
  /// The URI of the clinician identifiers' system (setting `clinician_id_system`); `nil`: the
  /// clinician field is a display name only, never an identifier.
  public var clinicianIDSystem: String?
  /// The operating-system user who made the export (recorded with the clinician as author).
  public var operatorUser: String?
  /// The commit the program was built from; `nil`: a development build.
  public var commit: String?

  /// The FHIR base used when the site has not configured one (a reserved `.invalid` domain).
  public static let defaultFHIRBaseURL = "https://spinetriage.invalid/fhir"

  /// Creates a context; the caller supplies the time and the identifier.
  public init(
    programVersion: String, generatedAt: String, consultationID: String, siteName: String? = nil
  ) {
    self.programVersion = programVersion
    self.generatedAt = generatedAt
    self.consultationID = consultationID
    self.siteName = siteName
  }
}
