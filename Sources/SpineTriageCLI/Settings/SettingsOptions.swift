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

  /// The options given, as settings keys and texts.
  func overrides(outputFolder: String? = nil) -> [(key: Settings.Key, value: String)] {
    var list: [(key: Settings.Key, value: String)] = []
    if let outputFolder { list.append((.exportFolder, outputFolder)) }
    if let printer { list.append((.printer, printer)) }
    if let paper { list.append((.paper, paper)) }
    if let siteName { list.append((.siteName, siteName)) }
    if let fhirBaseURL { list.append((.fhirBaseURL, fhirBaseURL)) }
    if let draftRetentionDays { list.append((.draftRetentionDays, draftRetentionDays)) }
    return list
  }

  /// The effective settings with these options.
  func settings(outputFolder: String? = nil) throws(CLIFailure) -> Settings {
    try SettingsLoader.load(
      environment: SettingsLoader.processEnvironment(),
      options: overrides(outputFolder: outputFolder))
  }
}
