import ArgumentParser
import TriageFormats
import TriageUI

/// `spine-triage export`: the printable text, HTML or FHIR summary of an answers file.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the summary of an answers file (or draft) as text, HTML or FHIR.",
    discussion: """
      The file is written atomically with mode 0600 and never overwrites an existing file. \
      Without -o it goes to the configured export folder (export_folder, SPINE_TRIAGE_DIR), \
      else the XDG data folder (~/.local/share/spine-triage), created private (0700); an \
      existing folder must be private and yours (never changed). -o DIR writes inside DIR; \
      -o FILE writes FILE; either folder must be writable by you only. -o - writes to \
      standard output. The path written is printed on standard output.

      Exit status: 0 ok, 64 bad usage, 65 bad data, 66 unreadable input, 73 cannot create, \
      74 write error (disk full).
      """)

  @Option(help: "The answers file (or draft), or - for standard input.")
  var answers: String

  @Option(
    help:
      "text (76 columns, form feeds between pages), html (print CSS) or fhir (a FHIR Bundle)."
  )
  var format: ExportFormat

  @Option(
    name: .shortAndLong, help: "Where to write: a folder, a new file, or - for standard output.")
  var output: String?

  @OptionGroup(title: "Settings (override the configuration; see spine-triage config --help)")
  var settingsOptions: SettingsOptions

  @Flag(
    help:
      "Also send the text summary to the printer with lp (after saving it); says the job number or lp's own error."
  )
  var print = false

  func validate() throws {
    if print && format != .text {
      throw ValidationError("--print sends the text summary: use --format text.")
    }
    if print && output == "-" {
      throw ValidationError("--print needs a saved file: leave out -o - .")
    }
  }

  enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, html, fhir
    var kind: ExportKind {
      switch self {
      case .text: .text
      case .html: .html
      case .fhir: .fhir
      }
    }
  }

  func run() throws {
    do {
      let settings = try settingsOptions.settings()
      var sheet = try AnswersInput.load(answers)
      if sheet.consultationID == nil { sheet.consultationID = SystemClock.uuid() }
      if format == .fhir, let note = Exporter.unqualifiedNote(sheet: sheet, settings: settings) {
        StandardStreams.writeError(note + "\n")
      }
      if output == "-" {
        let text = Exporter.document(
          format.kind, sheet: sheet, generatedAt: SystemClock.iso8601(), settings: settings)
        guard StandardStreams.writeOutput(text) else {
          let reason = AtomicFile.reason(errnoValue())
          AuditLog.exported(
            format.rawValue, sheet: sheet, target: "standard output", failure: reason)
          throw CLIFailure(
            "standard output: write failed: \(reason)", status: ExitStatus.ioError)
        }
        AuditLog.exported(format.rawValue, sheet: sheet, target: "standard output")
        return
      }
      let path: String
      do {
        if let output, !isFolder(output) {
          path = output
          try Exporter.write(
            format.kind, sheet: sheet, to: path, use: .givenForOneFile, settings: settings)
        } else {
          let folder =
            try output ?? settings.exportFolder ?? AppDirectories.current().exportFolder()
          path = try Exporter.write(
            format.kind, sheet: sheet, folder: folder,
            use: output == nil ? settings.exportFolderUse : .givenForOneFile, settings: settings)
        }
      } catch let error as CLIFailure {
        AuditLog.exported(
          format.rawValue, sheet: sheet, target: "file " + (output ?? "(export folder)"),
          failure: error.message)
        throw error
      }
      AuditLog.exported(format.rawValue, sheet: sheet, target: "file " + path)
      StandardStreams.writeOutput(AnswersError.printable(path, limit: 4096) + "\n")
      if print {
        let request = settings.printRequest
        let outcome = Printer.print(path, request: request)
        AuditLog.printed(outcome, queue: request.printer, path: path, sheet: sheet)
        let said = String(EffectRunner.message(outcome, path: path).text.dropLast(" Saved:".count))
        // Completed (printed) or still queued: exit 0, saying which; held, cancelled or
        // failed: 69.
        guard outcome.isAccepted else { throw CLIFailure(said, status: ExitStatus.unavailable) }
        StandardStreams.writeOutput(said + "\n")
      }
    } catch let failure as CLIFailure {
      throw failure.exit()
    }
  }

  private func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }
}

#if canImport(Glibc)
  import Glibc
  func errnoValue() -> Int32 { errno }
#endif
