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

    /// The environment variable that sets it.
    public var environmentVariable: String {
      switch self {
      case .exportFolder: "SPINE_TRIAGE_DIR"
      case .printer: "SPINE_TRIAGE_PRINTER"
      case .paper: "SPINE_TRIAGE_PAPER"
      case .siteName: "SPINE_TRIAGE_SITE_NAME"
      case .fhirBaseURL: "SPINE_TRIAGE_FHIR_BASE_URL"
      case .draftRetentionDays: "SPINE_TRIAGE_RETENTION_DAYS"
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
  /// The longest site name, in characters (it shares a printed line with its label).
  public static let maxSiteNameLength = 60

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
  /// Where each value came from (a key not listed is the built-in default).
  public var sources: [Key: Source] = [:]

  public init() {}

  /// Where `key`'s value came from.
  public func source(of key: Key) -> Source { sources[key] ?? .builtIn }

  /// Whether the export folder is the configured one (a file, the environment or the default),
  /// which the program may make private, rather than one given on the command line (refused if
  /// others can write into it, never changed).
  public var exportFolderIsManaged: Bool {
    if case .option = source(of: .exportFolder) { return false }
    return true
  }
}
