import TriageFormats

/// The site's settings, merged from the configuration files, the environment and the command
/// line (later wins), with where each value came from.
///
/// Read by ``SettingsLoader``; consumed where files are written (export folder), printed
/// (printer, paper), documented (site name on the summary, FHIR canonical base) and where drafts
/// are kept (retention). Every value is already validated.
public struct Settings: Sendable, Equatable {
  /// A setting's name: the key in a configuration file.
  public enum Key: String, CaseIterable, Sendable, Hashable {
    case exportFolder = "export_folder"
    case printer
    case paper
    case siteName = "site_name"
    case fhirBaseURL = "fhir_base_url"
    case draftRetentionDays = "draft_retention_days"
    case patientIDSystem = "patient_id_system"
    case clinicianIDSystem = "clinician_id_system"
    case fhirServerURL = "fhir_server_url"
    case fhirTokenFile = "fhir_token_file"
    case fhirClientCertificate = "fhir_client_certificate"
    case fhirClientKey = "fhir_client_key"
    case fhirCAFile = "fhir_ca_file"
    case exportFolderSharing = "export_folder_sharing"
    case sharedTerminal = "shared_terminal"
    case sharedRetentionHours = "shared_retention_hours"
    case idleMinutes = "idle_minutes"

    /// The environment variable that sets it.
    public var environmentVariable: String {
      switch self {
      case .exportFolder: "SPINE_TRIAGE_DIR"
      case .printer: "SPINE_TRIAGE_PRINTER"
      case .paper: "SPINE_TRIAGE_PAPER"
      case .siteName: "SPINE_TRIAGE_SITE_NAME"
      case .fhirBaseURL: "SPINE_TRIAGE_FHIR_BASE_URL"
      case .draftRetentionDays: "SPINE_TRIAGE_RETENTION_DAYS"
      case .patientIDSystem: "SPINE_TRIAGE_PATIENT_ID_SYSTEM"
      case .clinicianIDSystem: "SPINE_TRIAGE_CLINICIAN_ID_SYSTEM"
      case .fhirServerURL: "SPINE_TRIAGE_FHIR_SERVER_URL"
      case .fhirTokenFile: "SPINE_TRIAGE_FHIR_TOKEN_FILE"
      case .fhirClientCertificate: "SPINE_TRIAGE_FHIR_CLIENT_CERTIFICATE"
      case .fhirClientKey: "SPINE_TRIAGE_FHIR_CLIENT_KEY"
      case .fhirCAFile: "SPINE_TRIAGE_FHIR_CA_FILE"
      case .exportFolderSharing: "SPINE_TRIAGE_EXPORT_SHARING"
      case .sharedTerminal: "SPINE_TRIAGE_SHARED_TERMINAL"
      case .sharedRetentionHours: "SPINE_TRIAGE_SHARED_RETENTION_HOURS"
      case .idleMinutes: "SPINE_TRIAGE_IDLE_MINUTES"
      }
    }

    /// The command-line option that sets it (on `spine-triage`, `export` and `config`).
    public var option: String {
      switch self {
      case .exportFolder: "--output-dir"
      case .printer: "--printer"
      case .paper: "--paper"
      case .siteName: "--site-name"
      case .fhirBaseURL: "--fhir-base-url"
      case .draftRetentionDays: "--draft-retention-days"
      case .patientIDSystem: "--patient-id-system"
      case .clinicianIDSystem: "--clinician-id-system"
      case .fhirServerURL: "--fhir-server-url"
      case .fhirTokenFile: "--fhir-token-file"
      case .fhirClientCertificate: "--fhir-client-certificate"
      case .fhirClientKey: "--fhir-client-key"
      case .fhirCAFile: "--fhir-ca-file"
      case .exportFolderSharing: "--export-folder-sharing"
      case .sharedTerminal: "--shared-terminal"
      case .sharedRetentionHours: "--shared-retention-hours"
      case .idleMinutes: "--idle-minutes"
      }
    }
  }

  /// Where a value came from.
  public enum Source: Sendable, Equatable, CustomStringConvertible {
    /// The built-in default.
    case builtIn
    /// A configuration file (its path).
    case file(String)
    /// An environment variable (its name).
    case environment(String)
    /// A command-line option (its name).
    case option(String)

    public var description: String {
      switch self {
      case .builtIn: "default"
      case .file(let path): path
      case .environment(let name): "environment " + name
      case .option(let name): "option " + name
      }
    }
  }

  /// The default FHIR canonical base (a reserved domain: replace it with the site's own).
  public static let defaultFHIRBaseURL = "https://spinetriage.invalid/fhir"
  /// How long a discarded draft is kept, by default, in days (the drafts' own default).
  public static let defaultDraftRetentionDays = DraftStore.defaultRetentionDays
  /// The accepted retention, in days (0: purge the trash at every start).
  public static let draftRetentionRange = 0...3650

  /// Shared-terminal mode, by default: how long drafts and exports are kept (hours) and how long
  /// the screens stay idle before the privacy screen hides them (minutes).
  public static let defaultSharedRetentionHours = 12
  public static let sharedRetentionRange = 1...720
  public static let defaultIdleMinutes = 5
  public static let idleMinutesRange = 1...120

  /// Where exports go; `nil`: the XDG data folder (``AppDirectories/exportFolder()``).
  public var exportFolder: String?
  /// The print queue (a CUPS destination); `nil`: `lp`'s default destination.
  public var printer: String?
  /// The paper printed summaries are laid out for.
  public var paper: PaperSize = .any
  /// The site's name, printed on the summary; `nil`: none.
  public var siteName: String?
  /// The base of the FHIR canonical URLs (Questionnaire, code systems), without a final `/`.
  public var fhirBaseURL: String = Settings.defaultFHIRBaseURL
  /// How long a discarded draft is kept, in days.
  public var draftRetentionDays: Int = Settings.defaultDraftRetentionDays
  /// The URI of the system the patient identifiers belong to (the hospital's MRN namespace);
  /// `nil`: FHIR references to the patient are unqualified (the export says so).
  public var patientIDSystem: String?
  /// The URI of the system the clinician identifiers belong to; `nil`: the clinician field is
  /// only a display name in FHIR, never an identifier.
  public var clinicianIDSystem: String?
  /// The FHIR server `submit` sends to (its base, without a final `/`); `nil`: none.
  public var fhirServerURL: String?
  /// The file holding the bearer token for ``fhirServerURL`` (readable by its owner only).
  public var fhirTokenFile: String?
  /// The TLS client certificate (PEM) for ``fhirServerURL``, if the server asks for one.
  public var fhirClientCertificate: String?
  /// The private key (PEM) of ``fhirClientCertificate`` (readable by its owner only).
  public var fhirClientKey: String?
  /// The CA bundle (PEM) that signs the server's certificate; `nil`: the system store.
  public var fhirCAFile: String?
  /// Whether the export folder is private to the user (the default) or a team's group-shared
  /// folder (``FolderPolicy/Use/groupShared``).
  public var exportFolderIsGroupShared = false
  /// Shared-terminal mode (a terminal several clinicians use): drafts and exports expire after
  /// ``sharedRetentionHours``, lists of drafts show no patient identifier until one is chosen,
  /// and the screens hide behind a privacy screen after ``idleMinutes`` without a key.
  public var sharedTerminal = false
  /// In shared-terminal mode, how long drafts (and the trash) and exports are kept, in hours.
  public var sharedRetentionHours = Settings.defaultSharedRetentionHours
  /// In shared-terminal mode, the minutes without a key before the privacy screen.
  public var idleMinutes = Settings.defaultIdleMinutes
  /// Keys of a configuration file that were ignored, one line each ("FILE: key ...: ...;
  /// ignored"), reported once per run.
  public var warnings: [String] = []
  /// Settings whose configured value was bad and whose feature is therefore refused, with the
  /// problem (only `printer`: printing must not fall back to another queue).
  public var blocked: [Key: String] = [:]
  /// Where each value came from (a key not listed is the built-in default).
  public var sources: [Key: Source] = [:]

  public init() {}

  /// The printer, paper and any reason printing is refused.
  public var printRequest: Printer.Request {
    Printer.Request(printer: printer, paper: paper, blocked: blocked[.printer])
  }

  /// Where `key`'s value came from.
  public func source(of key: Key) -> Source { sources[key] ?? .builtIn }

  /// What the export folder must be (``FolderPolicy``): a folder given on the command line is
  /// checked as one for a single file; the configured one (a file, the environment or the
  /// default) is kept private, or is the team's group-shared folder when configured so.
  public var exportFolderUse: FolderPolicy.Use {
    if case .option = source(of: .exportFolder) { return .givenForOneFile }
    return exportFolderIsGroupShared ? .groupShared : .keptPrivate
  }

  /// The value of one of the optional text settings (systems, server, files); `nil` for the
  /// others.
  public func optionalText(_ key: Key) -> String? {
    switch key {
    case .patientIDSystem: patientIDSystem
    case .clinicianIDSystem: clinicianIDSystem
    case .fhirServerURL: fhirServerURL
    case .fhirTokenFile: fhirTokenFile
    case .fhirClientCertificate: fhirClientCertificate
    case .fhirClientKey: fhirClientKey
    case .fhirCAFile: fhirCAFile
    default: nil
    }
  }
}
