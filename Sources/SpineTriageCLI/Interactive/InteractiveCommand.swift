import CursesBackend
import TriageFormats
import TriageUI

#if canImport(Glibc)
  import Glibc
#endif

/// Starts the checklist UI: loads answers or offers the draft, starts curses, runs the session,
/// and restores the terminal on every way out.
enum InteractiveCommand {
  static func run(load: String?, settings: Settings, noColor: Bool) throws(CLIFailure) -> Int32? {
    guard isatty(0) == 1, isatty(1) == 1 else {
      throw CLIFailure(
        "standard input and output must be a terminal for the checklist screens: use --plain for line-by-line prompts, or evaluate FILE",
        status: ExitStatus.unavailable)
    }
    let directories = AppDirectories.current()
    var sheet = AnswerSheet()
    // A file given with --load is read first, and the state folder checked (a folder of another
    // user: exit 73), before curses starts; no draft is touched until the terminal is up, so a
    // failed start changes nothing.
    if let load { sheet = try AnswersInput.load(load, lenient: true) }
    // Without --load, the state folder is only checked before the first frame (the drafts to
    // offer are read from it if it exists); it is created, and the trash purged, after the
    // first frame. A loaded consultation takes its lock in it before, so it is made first.
    let lazyFolders = load == nil
    let drafts = try DraftKeeper.open(
      directories, retentionDays: settings.draftRetentionDays, createFolder: !lazyFolders)
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal(noColor: noColor)
    } catch {
      throw CLIFailure("cannot start the terminal UI: \(error)", status: ExitStatus.unavailable)
    }
    let effects = EffectRunner(directories: directories, drafts: drafts, settings: settings)
    var offers: [AppState.DraftOffer] = []
    // Ignored configuration keys, said once on the first status line too (standard error is
    // hidden behind the screens).
    var notices: [String] = settings.warnings.map { "Configuration: \($0)." }
    do {
      notices += try lazyFolders ? drafts.prepareExisting() : drafts.prepare()
      // Shared terminal: what is older than the retention goes first (nothing is created).
      let expired = SharedTerminal.expire(
        settings, drafts: drafts.store,
        exportFolder: settings.exportFolder ?? (try? directories.exportFolder()))
      if let notice = expired.notice(hours: settings.sharedRetentionHours) {
        notices.append(notice)
      }
      if let load {
        if let notice = try drafts.claimLoaded(sheet) { notices.append(notice) }
        notices.insert("Loaded \(load): \(sheet.answers.answeredCount) answers.", at: 0)
      } else {
        let entries = drafts.listDrafts(notices: &notices)
        offers = entries.map {
          AppState.DraftOffer(id: $0.id, sheet: $0.sheet, savedAt: $0.savedAt)
        }
        let inUse = entries.filter(\.inUse).count
        if inUse > 0 && inUse == entries.count {
          notices.append(
            inUse == 1
              ? "1 draft is open in another session (not shown)."
              : "\(inUse) drafts are open in other sessions (not shown).")
        }
      }
    } catch {
      drafts.finish()
      terminal.restore()
      throw error
    }
    if sheet.consultationID == nil { sheet.consultationID = SystemClock.uuid() }
    let notice = notices.isEmpty ? nil : StatusMessage(notices.joined(separator: " "))

    let session = InteractiveSession(
      sheet: sheet, terminal: terminal, effects: effects, draftOffers: offers, notice: notice,
      afterFirstFrame: lazyFolders ? drafts.prepareAfterFirstFrame : nil,
      sharedTerminal: settings.sharedTerminal ? settings.idleMinutes * 60_000 : nil)
    let signal = session.run()
    drafts.finish()
    terminal.restore()
    return signal
  }
}
