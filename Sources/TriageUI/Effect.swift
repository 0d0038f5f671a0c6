import TriageEngine
import TriageFormats

/// Work for the runner to do after an update: the UI core never does I/O itself.
public enum Effect: Hashable, Sendable {
  /// Leave the program.
  case quit
  /// The answers changed: save the draft before reading the next key.
  case saveDraft
  /// Write the summary in this format.
  case export(ExportKind)
  /// Print the text summary.
  case print
  /// Send the assessment to the FHIR server (through the outbox).
  case submit
  /// Suspend the process (Ctrl-Z), then redraw.
  case suspend
  /// Repaint every cell.
  case redraw
  /// Move the current assessment's draft to the trash.
  case discardDraft
  /// Take over the listed draft of this consultation (its lock) and release the others.
  case resumeDraft(String)
  /// Move the listed draft of this consultation to the trash.
  case discardOfferedDraft(String)
  /// Release the listed drafts, untouched (a new assessment starts).
  case declineDrafts
  /// Save this patient's draft, release its consultation and start the next patient (the
  /// runner answers with ``Action/startNextPatient(_:)`` once the draft is saved).
  case nextPatient
}
