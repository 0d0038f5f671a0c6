import ArgumentParser

/// The command-line options that override the configuration (on `spine-triage`, `export` and
/// `config`); each is validated like the same key in a file.
struct SettingsOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Print queue for p (a CUPS destination; default: lp's own).", valueName: "queue"))
  var printer: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Paper the summary is laid out for: a4, letter or any (default: any).", valueName: "paper"))
  var paper: String?

  @Option(
    name: .customLong("site-name"),
    help: ArgumentHelp("The site's name, printed on the summary.", valueName: "name"))
  var siteName: String?

  @Option(
    name: .customLong("fhir-base-url"),
    help: ArgumentHelp(
      "Base of the FHIR canonical URLs (Questionnaire, code systems).", valueName: "url"))
  var fhirBaseURL: String?

  @Option(
    name: .customLong("draft-retention-days"),
    help: ArgumentHelp(
      "Days a discarded draft is kept in the trash (0 to 3650).", valueName: "days"))
  var draftRetentionDays: String?

  @Option(
    name: .customLong("patient-id-system"),
    help: ArgumentHelp(
      "URI of the patient identifiers' system (the hospital's MRN), for FHIR.", valueName: "uri"))
  var patientIDSystem: String?

  @Option(
    name: .customLong("clinician-id-system"),
    help: ArgumentHelp(
      "URI of the clinician identifiers' system, for FHIR.", valueName: "uri"))
  var clinicianIDSystem: String?

  @Option(
    name: .customLong("fhir-server-url"),
    help: ArgumentHelp("The FHIR server submit sends to (https).", valueName: "url"))
  var fhirServerURL: String?

  @Option(
    name: .customLong("fhir-token-file"),
    help: ArgumentHelp(
      "File holding the server's bearer token (readable by you only).", valueName: "file"))
  var fhirTokenFile: String?

  @Option(
    name: .customLong("fhir-client-certificate"),
    help: ArgumentHelp("TLS client certificate (PEM) for the server.", valueName: "file"))
  var fhirClientCertificate: String?

  @Option(
    name: .customLong("fhir-client-key"),
    help: ArgumentHelp(
      "Private key (PEM) of the client certificate (readable by you only).", valueName: "file"))
  var fhirClientKey: String?

  @Option(
    name: .customLong("fhir-ca-file"),
    help: ArgumentHelp(
      "CA certificates (PEM) for the server; default: the system store.", valueName: "file"))
  var fhirCAFile: String?

  @Option(
    name: .customLong("export-folder-sharing"),
    help: ArgumentHelp(
      "private (the default) or group: the export folder is a team folder (mode 2770).",
      valueName: "sharing"))
  var exportFolderSharing: String?

  @Option(
    name: .customLong("shared-terminal"),
    help: ArgumentHelp(
      "true on a terminal several clinicians use: drafts and exports expire, draft lists hide"
        + " patient identifiers, the screens hide after an idle time.", valueName: "true|false"))
  var sharedTerminal: String?

  @Option(
    name: .customLong("shared-retention-hours"),
    help: ArgumentHelp(
      "Shared terminal: hours drafts and exports are kept (1 to 720; default 12).",
      valueName: "hours"))
  var sharedRetentionHours: String?

  @Option(
    name: .customLong("idle-minutes"),
    help: ArgumentHelp(
      "Shared terminal: minutes without a key before the privacy screen (1 to 120; default 5).",
      valueName: "minutes"))
  var idleMinutes: String?

  /// The options given, as settings keys and texts.
  func overrides(outputFolder: String? = nil) -> [(key: Settings.Key, value: String)] {
    var list: [(key: Settings.Key, value: String)] = []
    if let outputFolder { list.append((.exportFolder, outputFolder)) }
    if let printer { list.append((.printer, printer)) }
    if let paper { list.append((.paper, paper)) }
    if let siteName { list.append((.siteName, siteName)) }
    if let fhirBaseURL { list.append((.fhirBaseURL, fhirBaseURL)) }
    if let draftRetentionDays { list.append((.draftRetentionDays, draftRetentionDays)) }
    if let patientIDSystem { list.append((.patientIDSystem, patientIDSystem)) }
    if let clinicianIDSystem { list.append((.clinicianIDSystem, clinicianIDSystem)) }
    if let fhirServerURL { list.append((.fhirServerURL, fhirServerURL)) }
    if let fhirTokenFile { list.append((.fhirTokenFile, fhirTokenFile)) }
    if let fhirClientCertificate { list.append((.fhirClientCertificate, fhirClientCertificate)) }
    if let fhirClientKey { list.append((.fhirClientKey, fhirClientKey)) }
    if let fhirCAFile { list.append((.fhirCAFile, fhirCAFile)) }
    if let exportFolderSharing { list.append((.exportFolderSharing, exportFolderSharing)) }
    if let sharedTerminal { list.append((.sharedTerminal, sharedTerminal)) }
    if let sharedRetentionHours { list.append((.sharedRetentionHours, sharedRetentionHours)) }
    if let idleMinutes { list.append((.idleMinutes, idleMinutes)) }
    return list
  }

  /// The effective settings with these options.
  func settings(outputFolder: String? = nil) throws(CLIFailure) -> Settings {
    try SettingsLoader.load(
      environment: SettingsLoader.processEnvironment(),
      options: overrides(outputFolder: outputFolder))
  }
}
