import ArgumentParser
import TriageFormats

/// `spine-triage submit`: sends one assessment to the FHIR server (a transaction of conditional
/// creates), through the outbox.
struct SubmitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "submit",
    abstract: "Send an assessment (answers file or draft) to the FHIR server.",
    discussion: """
      The assessment goes to fhir_server_url as a FHIR R4 transaction Bundle whose entries are
      conditional creates (ifNoneExist on each resource's identifier): sending it again never
      makes a duplicate. It is queued in the outbox first ($XDG_STATE_HOME/spine-triage/outbox,
      private): if the server cannot be reached, or answers 5xx or 429, it waits there and
      spine-triage outbox flush (the systemd user timer) retries it with backoff; a 4xx is
      refused and kept, with the server's reason. The bearer token is read from fhir_token_file
      (refused if group or others can read it).
      Exit status: 0 sent (or already sent), 75 waiting in the outbox, 76 refused by the server,
      65 bad data, 66 unreadable input, 78 configuration (no server, token file not private).
      """)

  @Option(help: "The answers file (or draft), or - for standard input.")
  var answers: String

  @OptionGroup(title: "Settings (override the configuration; see spine-triage config --help)")
  var settingsOptions: SettingsOptions

  func run() throws {
    do {
      let settings = try settingsOptions.settings()
      let sheet = try AnswersInput.load(answers)
      _ = try FHIRSubmission.server(settings)
      let client = try FHIRSubmission.client(settings)
      let outbox = try Outbox.open()
      if let note = Exporter.unqualifiedNote(sheet: sheet, settings: settings) {
        StandardStreams.writeError(note + "\n")
      }
      let entry = try FHIRSubmission.submit(
        sheet, settings: settings, outbox: outbox, client: client)
      let (line, status) = FHIRSubmission.report(entry)
      if status == ExitStatus.ok {
        try StandardStreams.writeOutputOrFail(line + "\n")
      } else {
        throw CLIFailure(line, status: status)
      }
    } catch let failure as CLIFailure {
      throw failure.exit()
    }
  }
}
