import TriageEngine

/// A wall-clock time with its UTC offset, for deadline arithmetic without a calendar library.
struct ClockTime: Hashable {
  /// Days since 1970-01-01 in the local offset.
  var day: Int
  /// Minutes since local midnight.
  var minute: Int
  /// The offset from UTC in minutes.
  var offset: Int

  /// Parses a ``Timestamp`` (`2026-11-29T17:21:05+01:00`); seconds are ignored.
  init?(iso: String) {
    guard let stamp = Timestamp(iso: iso) else { return nil }
    day = Timestamp.days(year: stamp.year, month: stamp.month, day: stamp.day)
    minute = stamp.hour * 60 + stamp.minute
    offset = stamp.offsetMinutes
  }

  private init(day: Int, minute: Int, offset: Int) {
    self.day = day
    self.minute = minute
    self.offset = offset
  }

  /// Minutes since 1970-01-01 00:00 UTC.
  var utcMinutes: Int { day * 1440 + minute - offset }

  /// The same moment at another UTC offset (in minutes).
  func converted(to offset: Int) -> ClockTime {
    ClockTime(day: 0, minute: 0, offset: offset).adding(minutes: utcMinutes + offset)
  }

  /// The same offset, `minutes` later.
  func adding(minutes: Int) -> ClockTime {
    let total = day * 1440 + minute + minutes
    return ClockTime(
      day: total.floorDivided(by: 1440), minute: total - total.floorDivided(by: 1440) * 1440,
      offset: offset)
  }

  /// `2026-11-29T21:21:00+00:00` (seconds are not kept).
  var iso: String {
    func two(_ value: Int) -> String { (value < 10 ? "0" : "") + String(value) }
    let date = civil
    let sign = offset < 0 ? "-" : "+"
    let magnitude = abs(offset)
    return String(date.year) + "-" + two(date.month) + "-" + two(date.day) + "T" + hourMinute
      + ":00" + sign + two(magnitude / 60) + ":" + two(magnitude % 60)
  }

  /// `21:21`.
  var hourMinute: String {
    let hour = minute / 60
    let minutes = minute % 60
    return (hour < 10 ? "0" : "") + "\(hour):" + (minutes < 10 ? "0" : "") + "\(minutes)"
  }

  /// `Mon 30 Nov 2026`.
  var dateText: String { "\(weekday) \(dayOfMonth) \(monthName) \(civil.year)" }

  var dayOfMonth: Int { civil.day }

  var monthName: String {
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
      civil.month - 1]
  }

  /// `Mon` (1970-01-01 was a Thursday).
  var weekday: String {
    ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((day % 7) + 7) % 7]
  }

  /// The civil date of `day`.
  var civil: (year: Int, month: Int, day: Int) {
    let z = day + 719468
    let era = z.floorDivided(by: 146097)
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}

extension Int {
  /// Division rounding towards minus infinity.
  fileprivate func floorDivided(by divisor: Int) -> Int {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}
