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

  /// Moves the current draft to the trash.
  func discardDraft() { drafts.discardCurrent() }

  /// Writes the summary in `kind`; reports the path or the error.
  func export(_ kind: ExportKind, sheet: AnswerSheet) -> [Action] {
    do {
      let path = try Exporter.write(
        kind, sheet: sheet, folder: try exportFolder(), managed: settings.exportFolderIsManaged,
        settings: settings)
      return [.markExported, .report(StatusMessage("Saved \(kind.rawValue) summary: \(path)"))]
    } catch {
      return [
        .report(StatusMessage("Export failed: \(error.message). Answers kept.", isError: true))
      ]
    }
  }

  private func exportFolder() throws(CLIFailure) -> String {
    if let folder = settings.exportFolder { return folder }
    return try directories.exportFolder()
  }

  /// Saves the text summary, then sends it to `lp`.
  func print(sheet: AnswerSheet) -> [Action] {
    let path: String
    do {
      path = try Exporter.write(
        .text, sheet: sheet, folder: try exportFolder(), managed: settings.exportFolderIsManaged,
        settings: settings)
    } catch {
      return [
        .report(StatusMessage("Print failed: \(error.message). Answers kept.", isError: true))
      ]
    }
    switch Printer.print(path, destination: settings.printer, paper: settings.paper) {
    case .queued:
      return [.markExported, .report(StatusMessage("Sent to the printer; also saved: \(path)"))]
    case .unavailable(let reason):
      return [
        .markExported,
        .report(
          StatusMessage("Not printed (\(reason)); the summary is saved at \(path)", isError: true)),
      ]
    }
  }
}
