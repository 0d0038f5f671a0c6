import CursesBackend
import TriageFormats
import TriageUI

#if canImport(Glibc)
  import Glibc
#endif

/// Starts the checklist UI: loads answers or offers the draft, starts curses, runs the session,
/// and restores the terminal on every way out.
enum InteractiveCommand {
  static func run(load: String?, outputFolder: String?, noColor: Bool) throws(CLIFailure) -> Int32?
  {
    guard isatty(0) == 1, isatty(1) == 1 else {
      throw CLIFailure(
        "standard input and output must be a terminal for the checklist screens: use --plain for line-by-line prompts, or evaluate FILE",
        status: ExitStatus.unavailable)
    }
    let directories = AppDirectories.current()
    let effects = EffectRunner(directories: directories, outputFolder: outputFolder)
    var sheet = AnswerSheet()
    var offer: AppState.DraftOffer?
    var notice: StatusMessage?
    // A file given with --load is read first (its errors come before curses starts); the
    // terminal is started before any draft is touched, so a failed start changes nothing.
    if let load { sheet = try AnswersInput.load(load, lenient: true) }
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal(noColor: noColor)
    } catch {
      throw CLIFailure("cannot start the terminal UI: \(error)", status: ExitStatus.unavailable)
    }
    if let load {
      if let drafts = effects.draftStore, AtomicFile.exists(drafts.path) {
        let aside = DraftStore.moveAside(
          drafts.path, stem: drafts.folder + "/draft.replaced-\(SystemClock.fileStamp())")
        notice = StatusMessage(
          "Loaded \(load). The previous draft was kept as \(aside.map(AppDirectories.fileName) ?? "draft.json")."
        )
      } else {
        notice = StatusMessage("Loaded \(load): \(sheet.answers.answeredCount) answers.")
      }
    } else if let found = effects.draftStore?.find() {
      switch found {
      case .draft(let draft, let savedAt, let count):
        if count > 0 || draft.patientID != nil {
          offer = AppState.DraftOffer(sheet: draft, savedAt: savedAt)
        }
      case .corrupt(let reason, let keptAt):
        notice = StatusMessage(
          "Draft unreadable; kept as \(AppDirectories.fileName(keptAt)) in the state folder. New assessment. (\(reason))",
          isError: true)
      }
    }
    if sheet.consultationID == nil { sheet.consultationID = SystemClock.uuid() }
    if var offered = offer?.sheet, offered.consultationID == nil {
      offered.consultationID = SystemClock.uuid()
      offer?.sheet = offered
    }

    let session = InteractiveSession(
      sheet: sheet, terminal: terminal, effects: effects, draftOffer: offer, notice: notice)
    let signal = session.run()
    terminal.restore()
    return signal
  }
}
