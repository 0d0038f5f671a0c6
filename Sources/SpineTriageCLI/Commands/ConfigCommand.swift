import ArgumentParser
import TriageFormats

/// `spine-triage config`: the effective settings and where each came from.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Show the effective settings and where each came from.",
    discussion: """
      Settings are read in this order, later wins: /etc/spine-triage/config.json (or the file \
      named by SPINE_TRIAGE_SYSTEM_CONFIG), then $XDG_CONFIG_HOME/spine-triage/config.json \
      (~/.config/spine-triage/config.json), then the environment, then options. A file is a JSON \
      object with these keys: export_folder (absolute folder), export_folder_sharing (private \
      or group), printer (print queue), paper (a4, letter or any), site_name (printed on the \
      summary, at most 60 columns), fhir_base_url (https URL, no final /), \
      draft_retention_days (0 to 3650). Environment: SPINE_TRIAGE_DIR, \
      SPINE_TRIAGE_EXPORT_SHARING, SPINE_TRIAGE_PRINTER, SPINE_TRIAGE_PAPER, \
      SPINE_TRIAGE_SITE_NAME, SPINE_TRIAGE_FHIR_BASE_URL, SPINE_TRIAGE_RETENTION_DAYS. A file \
      and its folder must belong to root or to you and be writable by nobody else, else exit \
      78. In a file, an unknown key or a bad value is reported once and ignored (a bad printer \
      blocks printing); a bad variable or option is an error (exit 78 or 64). Check a file \
      with --check before pushing it to the terminals.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Option(help: "text (a table) or json.")
  var format: Format = .text

  @Option(
    name: .customLong("output-dir"),
    help: ArgumentHelp("Folder for exports.", valueName: "folder"))
  var outputDir: String?

  @Option(
    name: .customLong("check"),
    help: ArgumentHelp(
      "Check a configuration file before it is pushed to the terminals: who may write it, its JSON and every key (exit 78 if anything is wrong).",
      valueName: "file"))
  var check: String?

  @OptionGroup var options: SettingsOptions

  func run() throws {
    if let check {
      let problems = SettingsLoader.problems(checking: check)
      guard problems.isEmpty else {
        var text = ""
        for problem in problems { text += "\(CLIFailure.printable(problem))\n" }
        try StandardStreams.writeOutputOrFail(text)
        throw CLIFailure(
          "\(check): \(problems.count) problem\(problems.count == 1 ? "" : "s"); do not push it",
          status: ExitStatus.config
        ).exit()
      }
      try StandardStreams.writeOutputOrFail("\(CLIFailure.printable(check)): OK\n")
      return
    }
    do {
      let settings = try options.settings(outputFolder: outputDir)
      let environment = SettingsLoader.processEnvironment()
      let rows = Self.rows(settings, directories: AppDirectories.current())
      switch format {
      case .text:
        var text = "Effective settings (later wins: files, environment, options):\n"
        let width = Settings.Key.allCases.map(\.rawValue.count).max() ?? 0
        let valueWidth = min(rows.map(\.value.count).max() ?? 0, 44)
        for row in rows {
          text +=
            "  " + pad(row.key, width) + "  " + pad(row.value, valueWidth) + "  "
            + row.source + "\n"
        }
        text += "Configuration files, in order:\n"
        for path in SettingsLoader.files(environment: environment) {
          text += "  \(path): \(SettingsLoader.exists(path) ? "read" : "not present")\n"
        }
        try StandardStreams.writeOutputOrFail(text)
      case .json:
        let json = JSONValue.object([
          (
            "settings",
            .object(
              rows.map { row in
                (
                  row.key,
                  .object([
                    ("value", row.json), ("source", .string(row.source)),
                  ])
                )
              })
          ),
          (
            "files",
            .array(
              SettingsLoader.files(environment: environment).map { path in
                .object([("path", .string(path)), ("present", .bool(SettingsLoader.exists(path)))])
              })
          ),
        ])
        try StandardStreams.writeOutputOrFail(JSONWriter.string(json, pretty: true) + "\n")
      }
    } catch let failure as CLIFailure {
      throw failure.exit()
    }
  }

  struct Row {
    let key: String
    let value: String
    let json: JSONValue
    let source: String
  }

  /// One row per setting: the key, the value in words, the value as JSON, the source.
  static func rows(_ settings: Settings, directories: AppDirectories) -> [Row] {
    Settings.Key.allCases.map { key in
      let source = settings.source(of: key).description
      switch key {
      case .exportFolder:
        if let folder = settings.exportFolder {
          return Row(key: key.rawValue, value: folder, json: .string(folder), source: source)
        }
        let folder = (try? directories.exportFolder()) ?? "(none: HOME is not set)"
        return Row(
          key: key.rawValue, value: folder, json: .string(folder),
          source: "default (SPINE_TRIAGE_DIR, else the XDG data folder)")
      case .printer:
        if settings.blocked[.printer] != nil {
          return Row(
            key: key.rawValue, value: "(printing blocked: the configured value is invalid)",
            json: .null, source: source)
        }
        return Row(
          key: key.rawValue, value: settings.printer ?? "(lp's default destination)",
          json: settings.printer.map(JSONValue.string) ?? .null, source: source)
      case .paper:
        return Row(
          key: key.rawValue, value: settings.paper.rawValue,
          json: .string(settings.paper.rawValue), source: source)
      case .siteName:
        return Row(
          key: key.rawValue, value: settings.siteName ?? "(none)",
          json: settings.siteName.map(JSONValue.string) ?? .null, source: source)
      case .fhirBaseURL:
        return Row(
          key: key.rawValue, value: settings.fhirBaseURL, json: .string(settings.fhirBaseURL),
          source: source)
      case .draftRetentionDays:
        return Row(
          key: key.rawValue, value: String(settings.draftRetentionDays),
          json: .number(String(settings.draftRetentionDays)), source: source)
      case .patientIDSystem, .clinicianIDSystem, .fhirServerURL, .fhirTokenFile,
        .fhirClientCertificate, .fhirClientKey, .fhirCAFile:
        let value = settings.optionalText(key)
        let none =
          switch key {
          case .patientIDSystem, .clinicianIDSystem: "(none: FHIR references are unqualified)"
          case .fhirServerURL: "(none: submit is off)"
          case .fhirCAFile: "(the system's CA store)"
          default: "(none)"
          }
        return Row(
          key: key.rawValue, value: value ?? none, json: value.map(JSONValue.string) ?? .null,
          source: source)
      case .exportFolderSharing:
        let value = settings.exportFolderIsGroupShared ? "group" : "private"
        return Row(key: key.rawValue, value: value, json: .string(value), source: source)
      case .sharedTerminal:
        return Row(
          key: key.rawValue, value: settings.sharedTerminal ? "true" : "false",
          json: .bool(settings.sharedTerminal), source: source)
      case .sharedRetentionHours:
        return Row(
          key: key.rawValue, value: String(settings.sharedRetentionHours),
          json: .number(String(settings.sharedRetentionHours)), source: source)
      case .idleMinutes:
        return Row(
          key: key.rawValue, value: String(settings.idleMinutes),
          json: .number(String(settings.idleMinutes)), source: source)
      }
    }
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
