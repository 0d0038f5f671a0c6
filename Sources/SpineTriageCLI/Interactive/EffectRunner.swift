import TriageEngine
import TriageFormats
import TriageUI

/// Carries out the UI's effects with the file system: the draft, exports, printing. Every
/// failure comes back as a status message; the assessment in memory is never lost.
final class EffectRunner {
  /// The drafts: this session's consultation and the drafts listed on start.
  let drafts: DraftKeeper
  private let directories: AppDirectories
  private var lastDraftError: String?
  /// The site's settings: export folder, printer, paper, site name.
  private let settings: Settings
  /// When this session's urgency was reached (kept across saves, for front ends whose sheet
  /// does not carry it).
  private var urgencyClock: UrgencyClock?

  /// `sheet` with this session's record of when its urgency was reached, when the sheet has
  /// none (nothing is started: a loaded file that was never changed keeps "not recorded").
  func withClock(_ sheet: AnswerSheet) -> AnswerSheet {
    var sheet = sheet
    if sheet.urgencyClock == nil { sheet.urgencyClock = urgencyClock }
    return sheet
  }

  /// `sheet` after a change of its answers, with the moment its urgency was reached noted: the
  /// sheet's own record (or this session's), started or restarted now when the urgency went
  /// up. Every draft save goes through here.
  func noted(_ sheet: AnswerSheet) -> AnswerSheet {
    var sheet = sheet
    if sheet.urgencyClock == nil { sheet.urgencyClock = urgencyClock }
    sheet.noteUrgency(now: SystemClock.iso8601())
    urgencyClock = sheet.urgencyClock
    return sheet
  }

  init(directories: AppDirectories, drafts: DraftKeeper, settings: Settings = Settings()) {
    self.directories = directories
    self.drafts = drafts
    self.settings = settings
  }

  /// Whether the last save of the draft succeeded.
  var draftIsSaved: Bool { drafts.store != nil && lastDraftError == nil }

  /// Saves the draft; returns a message the first time it fails (and when it recovers).
  @discardableResult
  func saveDraft(_ sheet: AnswerSheet) -> StatusMessage? {
    let sheet = noted(sheet)
    do {
      try drafts.save(sheet)
      if lastDraftError != nil {
        lastDraftError = nil
        return StatusMessage("Draft saved again.")
      }
      return nil
    } catch {
      let first = lastDraftError == nil
      lastDraftError = error.message
      return first ? StatusMessage("Draft not saved: \(error.message)", isError: true) : nil
    }
  }

  /// Leaves the current consultation (its draft stays, its lock is released) for the next
  /// patient's: nothing of this patient's clock or save state carries over.
  func startNextConsultation() {
    drafts.finish()
    urgencyClock = nil
    lastDraftError = nil
  }

  /// Moves the current draft to the trash.
  func discardDraft() { drafts.discardCurrent() }

  /// Writes the summary in `kind`; reports the path or the error.
  func export(_ kind: ExportKind, sheet: AnswerSheet) -> [Action] {
    do {
      let path = try Exporter.write(
        kind, sheet: withClock(sheet), folder: try exportFolder(),
        use: settings.exportFolderUse,
        settings: settings)
      AuditLog.exported(kind.rawValue, sheet: sheet, target: "file " + path)
      // FHIR without the site's identifier systems: said on the same line.
      var note =
        kind == .fhir && Exporter.unqualifiedNote(sheet: sheet, settings: settings) != nil
        ? " (references unqualified: no identifier system configured)" : ""
      // After a FHIR file, the offer to send it to the site's server.
      if kind == .fhir, settings.fhirServerURL != nil { note += "; e s sends it to the server" }
      return [
        .markExported, .report(StatusMessage("Saved \(kind.rawValue) summary\(note):", path: path)),
      ]
    } catch {
      AuditLog.exported(
        kind.rawValue, sheet: sheet, target: "file (export folder)", failure: error.message)
      return [
        .report(StatusMessage("Export failed: \(error.message). Answers kept.", isError: true))
      ]
    }
  }

  /// Sends the assessment to the FHIR server (through the outbox); the status line says
  /// "sent", "waiting (n tries)" or "refused: reason". A shorter timeout than the command's:
  /// the screen waits for it.
  func submit(sheet: AnswerSheet) -> [Action] {
    do {
      var client = try FHIRSubmission.client(settings)
      client.connectTimeout = 5
      client.timeout = 20
      let entry = try FHIRSubmission.submit(
        withClock(sheet), settings: settings, outbox: try Outbox.open(directories),
        client: client)
      return [
        .markExported,
        .report(
          StatusMessage(
            "FHIR server: " + EffectRunner.submissionWords(entry), isError: entry.state != .sent)),
      ]
    } catch {
      return [.report(StatusMessage("Not sent: \(error.message). Answers kept.", isError: true))]
    }
  }

  /// "sent", "waiting (2 tries): the outbox retries it", "refused: HTTP 401; kept in the
  /// outbox".
  static func submissionWords(_ entry: OutboxEntry) -> String {
    switch entry.state {
    case .sent: return "sent"
    case .waiting:
      return entry.summary + ": " + (entry.reason ?? "not sent yet") + "; the outbox retries it"
    case .refused: return entry.summary + "; kept in the outbox"
    }
  }

  /// The FHIR server's state of this consultation, if it was ever sent ("FHIR server: sent").
  func submissionStatus(_ sheet: AnswerSheet) -> StatusMessage? {
    guard settings.fhirServerURL != nil, let id = sheet.consultationID,
      let outbox = try? Outbox.open(directories), let entry = try? outbox.entry(id)
    else { return nil }
    return StatusMessage(
      "FHIR server: " + EffectRunner.submissionWords(entry), isError: entry.state == .refused)
  }

  private func exportFolder() throws(CLIFailure) -> String {
    if let folder = settings.exportFolder { return folder }
    return try directories.exportFolder()
  }

  /// Saves the text summary, then sends it to `lp`.
  /// When the copy cannot be saved (no writable home or export folder), the summary still
  /// prints: `lp` reads it from a pipe, and the status line says it was not saved.
  func print(sheet: AnswerSheet) -> [Action] {
    let path: String
    do {
      path = try Exporter.write(
        .text, sheet: withClock(sheet), folder: try exportFolder(),
        use: settings.exportFolderUse,
        settings: settings)
    } catch {
      let text = Exporter.document(
        .text, sheet: withClock(sheet), generatedAt: SystemClock.iso8601(), settings: settings)
      AuditLog.exported(
        "text", sheet: sheet, target: "file (export folder)", failure: error.message)
      let outcome = Printer.print(source: .pipe(Array(text.utf8)), request: printRequest)
      AuditLog.printed(outcome, queue: printRequest.printer, path: nil, sheet: sheet)
      var message = EffectRunner.message(outcome, path: "")
      message = StatusMessage(
        String(message.text.dropLast(" Saved:".count)) + " No copy saved: \(error.message).",
        isError: !outcome.isAccepted)
      return [.report(message)]
    }
    AuditLog.exported("text", sheet: sheet, target: "file " + path)
    let outcome = Printer.print(path, request: printRequest)
    AuditLog.printed(outcome, queue: printRequest.printer, path: path, sheet: sheet)
    return [.markExported, .report(EffectRunner.message(outcome, path: path))]
  }

  /// The printer and paper from the settings.
  var printRequest: Printer.Request { settings.printRequest }

  /// What the status line says after printing: the job number, or the print system's own
  /// reason; a held job or a stopped printer is never reported as printed. The saved path
  /// always follows (the status line shortens its middle, never its end).
  static func message(_ outcome: Printer.Outcome, path: String) -> StatusMessage {
    switch outcome {
    case .sent(let job):
      return StatusMessage("Printed: job \(job) went to the printer. Saved:", path: path)
    case .queued(let job):
      return StatusMessage("Queued for printing (job \(job)). Saved:", path: path)
    case .held(let job, let reason):
      return StatusMessage(
        "Not printed: job \(job) waits, \(reason). Saved:", isError: true, path: path)
    case .failed(let reason):
      return StatusMessage("Not printed: \(reason). Saved:", isError: true, path: path)
    }
  }
}
