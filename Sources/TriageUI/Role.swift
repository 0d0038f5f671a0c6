import TriageEngine

/// What a cell means; a backend maps roles to colours, or to bold/reverse/underline in
/// monochrome. Meaning never depends on colour alone: every role's text says it too.
public enum Role: Hashable, Sendable {
  case normal
  case title
  case tabActive
  case tabInactive
  case tabDisabled
  case focused
  case answerYes
  case answerNo
  case answerUnknown
  case help
  case border
  /// The urgency label (each urgency has its own colour).
  case urgency(Urgency)
  case stop
  case caution
  case info
  case keyHint
  case message
  case error
  case dim
  /// The FINAL word beside the label: nothing unanswered could change it.
  case final
  /// A provisional decision: its word, and the label of a provisional "no imaging" (never the
  /// green of a final one).
  case provisional
  /// No decision yet (no presenting complaint): its own look, never a decision's colour.
  case incomplete
}
