import TriageEngine

/// When this consultation's urgency was reached, kept with the answers (in the draft and in
/// the answers file as `urgency_reached`) so that a deadline can be printed as a clock time:
/// "MRI by 21:21, 4 hours from 17:21, when the urgency was reached".
///
/// It holds the highest urgency reached so far and the moment it was first reached. A higher
/// urgency restarts it; the same or a lower urgency, and any later edit, never move it (the
/// earlier moment gives the stricter deadline).
public struct UrgencyClock: Sendable, Hashable {
  /// The highest urgency reached in this consultation.
  public var urgency: Urgency
  /// When it was first reached: ISO 8601 with an offset, for example
  /// `2026-11-29T17:21:00+00:00`.
  public var reachedAt: String

  /// Creates a clock.
  public init(urgency: Urgency, reachedAt: String) {
    self.urgency = urgency
    self.reachedAt = reachedAt
  }

  /// The clock after the answers changed and the recommendation's urgency is now `urgency`, at
  /// `now` (ISO 8601): started when an urgency above "no imaging" is first reached, restarted
  /// when the urgency goes up, otherwise unchanged.
  public static func updated(_ clock: UrgencyClock?, urgency: Urgency, now: String)
    -> UrgencyClock?
  {
    guard urgency > .none else { return clock }
    guard let clock, clock.urgency >= urgency else {
      return UrgencyClock(urgency: urgency, reachedAt: now)
    }
    return clock
  }
}

extension AnswerSheet {
  /// Updates ``urgencyClock`` for the urgency of the current answers at `now` (ISO 8601): call
  /// after every change of the answers, before the draft is saved.
  public mutating func noteUrgency(now: String) {
    let urgency = TriageEngine.evaluate(answers).urgency
    urgencyClock = UrgencyClock.updated(urgencyClock, urgency: urgency, now: now)
  }
}
