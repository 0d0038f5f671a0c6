import TriageEngine
import TriageFormats

/// What the user asked for: keys become actions through the ``KeyMap``; ``Update`` applies them.
public enum Action: Hashable, Sendable {
  case moveUp, moveDown, pageUp, pageDown, moveTop, moveBottom
  case nextPage, previousPage
  /// Jump to the page with this number (1-based, as shown in the tab bar).
  case gotoPage(Int)
  /// Answer the focused finding (yes, no, or clear with `.unknown`).
  case answer(Answer)
  /// Record the focused finding as not done (could not be done or measured), then move on.
  case markNotDone
  /// Space: unanswered -> yes -> no -> unanswered (sex: female -> male -> other -> unset).
  case cycle
  /// Clear the focused item (finding, number, sex or text field).
  case clear
  /// Type a digit into the number being edited.
  case typeDigit(Int)
  /// Delete the last digit of the number being edited.
  case deleteDigit
  /// Set the sex field.
  case setSex(Sex)
  /// Start editing the focused text field or number (Enter); on the folded row, show or hide
  /// the folded items.
  case beginEdit
  /// Type a character into the text field being edited.
  case typeText(Character)
  /// Delete the last character of the text field being edited.
  case deleteText
  /// Keep the edited text or number (a number then moves the focus to the next item).
  case commitEdit
  /// Drop the edited text or number.
  case cancelEdit
  /// N: ask to answer No to every unanswered finding of the screen.
  case bulkNo
  /// y after N: answer them No, recorded as given in bulk.
  case confirmBulk
  /// Jump to the next unanswered item whose answer could change the decision, across screens.
  case nextCritical
  case toggleHelp
  /// q or Ctrl-C: quit, asking first when answers would be lost.
  case requestQuit
  case confirmQuit
  case cancelQuit
  /// Open the export chooser.
  case openExportMenu
  /// Export the summary to a file.
  case export(ExportKind)
  /// Send the assessment to the site's FHIR server (from the export chooser).
  case submit
  /// Send the text summary to the printer.
  case printSummary
  /// Ctrl-Z: suspend to the shell.
  case suspend
  /// Redraw the whole screen (Ctrl-L).
  case redraw
  /// The terminal changed size.
  case resize(TerminalSize)
  /// A result reported back by the runner (export, print, draft), shown on the status line.
  case report(StatusMessage)
  /// Mark the answers as exported (no quit confirmation needed).
  case markExported
  /// Dismiss a message or overlay.
  case dismiss
  /// Resume the draft offered on start.
  case resumeDraft
  /// Discard the offered draft (start a new assessment), or the exported one on quitting.
  case discardDraft
  /// Quit and keep the draft.
  case keepDraftAndQuit
  /// Start a new assessment, leaving the listed drafts as they are.
  case newAssessment
  /// Ctrl-N: save this patient's draft and start the next patient, without quitting.
  case nextPatient
  /// The runner saved the draft: start the next patient with this empty sheet (a new
  /// consultation identifier).
  case startNextPatient(AnswerSheet)
  /// Shared terminal: the screens were idle too long; hide them behind the privacy screen.
  case hideForPrivacy
  /// Any key on the privacy screen: show the screens again (the key does nothing else).
  case reveal
}

/// The export formats offered from the UI.
public enum ExportKind: String, Hashable, Sendable, CaseIterable {
  case text
  case html
  case fhir
}
