import TriageEngine

/// A deadline in words, from the recommendation's hours, the moment its urgency was reached and
/// the time it is read (`now`): a deadline on another day than `now` gives its date, and one that
/// has passed says OVERDUE, so an emergency reached yesterday never reads as hours left today.
public enum Deadline {
  /// Where the deadline stands at a moment.
  public enum Standing: Sendable, Hashable {
    /// Still ahead: due today (the day of `now`, in the offset of the moment it was reached).
    case today
    /// Still ahead, on another day.
    case later
    /// Passed: due this many minutes ago.
    case overdue(minutes: Int)
    /// The time it is read is not known: the date is always given.
    case unknown
  }

  /// Where the deadline stands at `now` (ISO 8601 with an offset); `nil` without hours or a
  /// recorded moment.
  public static func standing(_ recommendation: Recommendation, clock: UrgencyClock?, now: String?)
    -> Standing?
  {
    guard let hours = recommendation.timeframeHours, let clock,
      let start = ClockTime(iso: clock.reachedAt)
    else { return nil }
    let end = start.adding(minutes: hours * 60)
    guard let now = now.flatMap(ClockTime.init(iso:)) else { return .unknown }
    let late = now.utcMinutes - end.utcMinutes
    if late > 0 { return .overdue(minutes: late) }
    return now.converted(to: end.offset).day == end.day ? .today : .later
  }

  /// Whether the deadline has passed at `now`.
  public static func isOverdue(
    _ recommendation: Recommendation, clock: UrgencyClock?, now: String?
  ) -> Bool {
    if case .overdue = standing(recommendation, clock: clock, now: now) { return true }
    return false
  }

  /// For example "MRI by 21:21 today, 4 hours from 17:21, when the urgency was reached"; on
  /// another day "MRI by 17:21 on Mon 30 Nov 2026, 24 hours from 17:21 on Sun 29 Nov 2026, when
  /// the urgency was reached"; once passed "OVERDUE: MRI was due by 11:11 on Tue 1 Dec 2026, 20
  /// hours ago (4 hours from 07:11 on Tue 1 Dec 2026, when the urgency was reached)". `nil` when
  /// the recommendation has no deadline in hours. Without a recorded moment (an answers file
  /// that never went through the screens), the hours are given and the missing time is said.
  public static func text(_ recommendation: Recommendation, clock: UrgencyClock?, now: String?)
    -> String?
  {
    guard let hours = recommendation.timeframeHours else { return nil }
    let study = recommendation.mainStudy?.modality.displayName ?? "Imaging"
    let span =
      hours == 168
      ? "1 week"
      : hours % 24 == 0 && hours >= 48
        ? "\(hours / 24) days" : hours == 1 ? "1 hour" : "\(hours) hours"
    guard let clock, let start = ClockTime(iso: clock.reachedAt),
      let standing = standing(recommendation, clock: clock, now: now)
    else {
      return "\(study) within \(span) of the moment the urgency was reached"
        + " (that moment was not recorded)"
    }
    let end = start.adding(minutes: hours * 60)
    let from =
      end.day == start.day && standing != .unknown
      ? start.hourMinute : "\(start.hourMinute) on \(start.dateText)"
    switch standing {
    case .today:
      return "\(study) by \(end.hourMinute) today, \(span) from \(from),"
        + " when the urgency was reached"
    case .later, .unknown:
      return "\(study) by \(end.hourMinute) on \(end.dateText), \(span) from \(from),"
        + " when the urgency was reached"
    case .overdue(let minutes):
      return "OVERDUE: \(study) was due by \(end.hourMinute) on \(end.dateText),"
        + " \(ago(minutes)) (\(span) from \(start.hourMinute) on \(start.dateText), when the"
        + " urgency was reached)"
    }
  }

  /// The deadline as an ISO 8601 date and time in the offset of the moment the urgency was
  /// reached (a FHIR `dateTime`), for example `2026-11-29T21:21:00+00:00`; `nil` without hours
  /// or a recorded moment.
  public static func dateTime(_ recommendation: Recommendation, clock: UrgencyClock?) -> String? {
    guard let hours = recommendation.timeframeHours, let clock,
      let start = ClockTime(iso: clock.reachedAt)
    else { return nil }
    return start.adding(minutes: hours * 60).iso
  }

  /// The short form for the panel: "by 21:21" today, "by Mon 30 Nov 17:21" on another day,
  /// "OVERDUE since 11:11" or "OVERDUE since Tue 1 Dec 11:11" once passed; `nil` without hours
  /// or a recorded moment.
  public static func short(_ recommendation: Recommendation, clock: UrgencyClock?, now: String?)
    -> String?
  {
    guard let hours = recommendation.timeframeHours, let clock,
      let start = ClockTime(iso: clock.reachedAt),
      let standing = standing(recommendation, clock: clock, now: now)
    else { return nil }
    let end = start.adding(minutes: hours * 60)
    let dated = "\(end.weekday) \(end.dayOfMonth) \(end.monthName) \(end.hourMinute)"
    switch standing {
    case .today: return "by \(end.hourMinute)"
    case .later, .unknown: return "by \(dated)"
    case .overdue:
      let sameDay =
        now.flatMap(ClockTime.init(iso:)).map { $0.converted(to: end.offset).day == end.day }
        ?? false
      return "OVERDUE since " + (sameDay ? end.hourMinute : dated)
    }
  }

  /// "20 hours ago", "5 minutes ago", "3 days ago".
  static func ago(_ minutes: Int) -> String {
    func plural(_ count: Int, _ unit: String) -> String {
      "\(count) \(unit)\(count == 1 ? "" : "s") ago"
    }
    if minutes < 120 { return plural(minutes, "minute") }
    if minutes < 48 * 60 { return plural(minutes / 60, "hour") }
    return plural(minutes / 1440, "day")
  }
}
