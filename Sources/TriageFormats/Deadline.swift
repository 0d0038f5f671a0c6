import TriageEngine

/// A deadline in words, from the recommendation's hours and the moment its urgency was reached.
public enum Deadline {
  /// For example "MRI by 21:21, 4 hours from 17:21, when the urgency was reached", or, on
  /// another day, "MRI by 17:21 on Mon 30 Nov 2026, 24 hours from 17:21 on Sun 29 Nov 2026,
  /// when the urgency was reached". `nil` when the recommendation has no deadline in hours.
  /// Without a recorded moment (an answers file that never went through the screens), the
  /// hours are given and the missing time is said.
  public static func text(_ recommendation: Recommendation, clock: UrgencyClock?) -> String? {
    guard let hours = recommendation.timeframeHours else { return nil }
    let study = recommendation.mainStudy?.modality.displayName ?? "Imaging"
    let span =
      hours == 168
      ? "1 week" : hours % 24 == 0 && hours >= 48 ? "\(hours / 24) days" : "\(hours) hours"
    guard let clock, let start = ClockTime(iso: clock.reachedAt) else {
      return "\(study) within \(span) of the moment the urgency was reached"
        + " (that moment was not recorded)"
    }
    let end = start.adding(minutes: hours * 60)
    if end.day == start.day {
      return "\(study) by \(end.hourMinute), \(span) from \(start.hourMinute),"
        + " when the urgency was reached"
    }
    return "\(study) by \(end.hourMinute) on \(end.dateText), \(span) from"
      + " \(start.hourMinute) on \(start.dateText), when the urgency was reached"
  }

  /// The short form for the panel: "by 21:21" or "by Mon 30 Nov 17:21"; `nil` without hours or
  /// a recorded moment.
  public static func short(_ recommendation: Recommendation, clock: UrgencyClock?) -> String? {
    guard let hours = recommendation.timeframeHours, let clock,
      let start = ClockTime(iso: clock.reachedAt)
    else { return nil }
    let end = start.adding(minutes: hours * 60)
    if end.day == start.day { return "by \(end.hourMinute)" }
    return "by \(end.weekday) \(end.dayOfMonth) \(end.monthName) \(end.hourMinute)"
  }
}
