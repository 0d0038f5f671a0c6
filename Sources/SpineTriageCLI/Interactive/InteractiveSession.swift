import CursesBackend
import TriageEngine
import TriageFormats
import TriageUI

#if canImport(Glibc)
  import Glibc
#endif

/// The interactive loop: render, present, read a key, update, run the effects. The draft is
/// saved after every change, before the next key is read.
final class InteractiveSession {
  private var state: AppState
  private let terminal: CursesTerminal
  private let keyMap = KeyMap.standard
  private let effects: EffectRunner
  /// Work that waits for the first frame (creating the state folder, purging the trash); its
  /// notices are shown at once.
  private var afterFirstFrame: (() -> [String])?

  /// Shared terminal: the milliseconds without a key before the privacy screen.
  private let idleAfter: Int?

  /// `sharedTerminal`: on a shared terminal, the idle time in milliseconds before the privacy
  /// screen (the draft list then names no patient); nil otherwise.
  init(
    sheet: AnswerSheet, terminal: CursesTerminal, effects: EffectRunner,
    draftOffers: [AppState.DraftOffer], notice: StatusMessage?,
    afterFirstFrame: (() -> [String])? = nil, sharedTerminal idleAfter: Int? = nil
  ) {
    self.terminal = terminal
    self.effects = effects
    self.afterFirstFrame = afterFirstFrame
    self.idleAfter = idleAfter
    state = AppState(sheet: sheet, size: terminal.size, draftOffers: draftOffers)
    state.hidesDraftIdentities = idleAfter != nil
    state.message = notice
  }

  /// Runs until the user quits or a signal arrives; returns the signal, if any.
  func run() -> Int32? {
    while true {
      // The UI core reads no clock: the panel's deadline (dated, OVERDUE once passed), the
      // assessment time and answers given in bulk use this time.
      state.now = SystemClock.iso8601()
      terminal.present(Renderer.render(state, glyphs: terminal.glyphs))
      if let work = afterFirstFrame {
        afterFirstFrame = nil
        let notices = work()
        if !notices.isEmpty {
          _ = Update.apply(.report(StatusMessage(notices.joined(separator: " "))), to: &state)
          continue
        }
      }
      let action: Action
      switch terminal.nextEvent(idleAfter: state.isHidden ? nil : idleAfter) {
      case .idle: action = .hideForPrivacy
      case .key(let key):
        guard let mapped = keyMap.action(for: key, in: state) else { continue }
        action = mapped
        state.now = SystemClock.iso8601()
      case .resize(let size): action = .resize(size)
      case .signal(let signal):
        // The drafts on offer are never written; the session's own draft is saved (a new
        // assessment that holds nothing is not).
        if state.mode != .offerDraft { effects.saveDraft(state.sheet) }
        return signal
      case .endOfInput:
        if state.mode != .offerDraft { effects.saveDraft(state.sheet) }
        return SIGHUP
      }
      let pending = Update.apply(action, to: &state)
      if pending.contains(.saveDraft) {
        // The moment the urgency was reached goes into the draft with the answers.
        state.sheet.noteUrgency(now: SystemClock.iso8601())
      }
      for effect in pending {
        switch effect {
        case .quit:
          return nil
        case .saveDraft:
          if let problem = effects.saveDraft(state.sheet) {
            _ = Update.apply(.report(problem), to: &state)
          }
          state.draftSaved = effects.draftIsSaved
        case .export(let kind):
          for follow in effects.export(kind, sheet: state.sheet) {
            _ = Update.apply(follow, to: &state)
          }
        case .print:
          for follow in effects.print(sheet: state.sheet) {
            _ = Update.apply(follow, to: &state)
          }
        case .submit:
          for follow in effects.submit(sheet: state.sheet) {
            _ = Update.apply(follow, to: &state)
          }
        case .suspend:
          terminal.suspend()
          _ = Update.apply(.resize(terminal.size), to: &state)
        case .redraw:
          terminal.invalidate()
        case .discardDraft:
          effects.discardDraft()
        case .resumeDraft(let id):
          effects.drafts.resume(id)
          // Whether the FHIR server already has this assessment, or it waits in the outbox.
          if let status = effects.submissionStatus(state.sheet) {
            _ = Update.apply(.report(status), to: &state)
          }
        case .discardOfferedDraft(let id):
          if let problem = effects.drafts.discardOffered(id) {
            _ = Update.apply(.report(StatusMessage(problem, isError: true)), to: &state)
          }
        case .declineDrafts:
          effects.drafts.decline()
        case .nextPatient:
          // Only once this patient's draft is on disk: otherwise the answers stay on screen.
          let problem = effects.saveDraft(state.sheet)
          guard effects.draftIsSaved else {
            let reason = problem?.text ?? "the draft could not be saved"
            _ = Update.apply(
              .report(
                StatusMessage(
                  "Next patient not started: \(reason). Export or print this patient first.",
                  isError: true)), to: &state)
            break
          }
          effects.startNextConsultation()
          _ = Update.apply(
            .startNextPatient(AnswerSheet(consultationID: SystemClock.uuid())), to: &state)
        }
      }
    }
  }
}
