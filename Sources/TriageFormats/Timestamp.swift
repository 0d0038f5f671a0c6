/// The one parser for the date-times SpineTriage reads (`urgency_reached.at`, `bulk[].at`) and
/// lays out (deadlines, printed times): ISO 8601 extended format with seconds and an offset,
/// `2026-11-29T17:21:05+01:00`, `2026-11-29T17:21:05.250Z`, as FHIR's `dateTime` with a time.
///
/// Strict: exactly `YYYY-MM-DDThh:mm:ss`, an optional fraction of 1 to 9 digits, then `Z` or
/// `+hh:mm`/`-hh:mm`; a real calendar date (no 31 February; 29 February only in leap years),
/// hours 00 to 23, minutes and seconds 00 to 59, an offset of at most 14:00 with minutes 00 to
/// 59; at most ``maxLength`` bytes. Anything else is not a timestamp.
public struct Timestamp: Sendable, Hashable {
  /// The civil date and time as written (local to ``offsetMinutes``).
  public let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
  /// The offset from UTC, in minutes (east positive).
  public let offsetMinutes: Int

  /// The longest text accepted (`2026-11-29T17:21:05.123456789+01:00` is 35 bytes).
  public static let maxLength = 35
  /// How far in the future a recorded moment may be (clocks of two machines differ): 5 minutes.
  public static let allowedClockSkewSeconds = 300

  /// Parses `text`, or nil when it is not a timestamp of the form above.
  public init?(iso text: String) {
    let c = Array(text.utf8.prefix(Timestamp.maxLength + 1))
    guard c.count >= 20, c.count <= Timestamp.maxLength else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        guard index < c.count, (48...57).contains(c[index]) else { return nil }
        value = value * 10 + Int(c[index] - 48)
      }
      return value
    }
    func byte(_ index: Int, _ ascii: Unicode.Scalar) -> Bool {
      index < c.count && c[index] == UInt8(ascii: ascii)
    }
    guard let year = number(0..<4), byte(4, "-"), let month = number(5..<7), byte(7, "-"),
      let day = number(8..<10), byte(10, "T"), let hour = number(11..<13), byte(13, ":"),
      let minute = number(14..<16), byte(16, ":"), let second = number(17..<19),
      year >= 1, (1...12).contains(month), day >= 1,
      day <= Timestamp.daysIn(month: month, year: year), hour <= 23, minute <= 59, second <= 59
    else { return nil }
    var index = 19
    if byte(index, ".") {
      index += 1
      let start = index
      while index < c.count, (48...57).contains(c[index]) { index += 1 }
      guard (1...9).contains(index - start) else { return nil }
    }
    var offset = 0
    if byte(index, "Z") {
      index += 1
    } else {
      guard byte(index, "+") || byte(index, "-"), let hours = number(index + 1..<index + 3),
        byte(index + 3, ":"), let minutes = number(index + 4..<index + 6), minutes <= 59,
        hours * 60 + minutes <= 14 * 60
      else { return nil }
      offset = (hours * 60 + minutes) * (byte(index, "-") ? -1 : 1)
      index += 6
    }
    guard index == c.count else { return nil }
    (self.year, self.month, self.day) = (year, month, day)
    (self.hour, self.minute, self.second) = (hour, minute, second)
    offsetMinutes = offset
  }

  /// Seconds since 1970-01-01T00:00:00Z.
  public var secondsSinceEpoch: Int {
    (Timestamp.days(year: year, month: month, day: day) * 1440 + hour * 60 + minute
      - offsetMinutes) * 60 + second
  }

  /// Why `text` is not an acceptable recorded moment at `now` (seconds since the epoch), in
  /// words that never echo it, or nil when it is: a timestamp of the form above, not later than
  /// `now` plus ``allowedClockSkewSeconds``. Without `now`, only the form is checked.
  public static func problem(_ text: String, now: Int?) -> String? {
    guard let stamp = Timestamp(iso: text) else {
      if text.utf8.count > maxLength {
        return "expected a date and time like 2026-11-29T17:21:00+00:00, got a string of"
          + " \(text.utf8.count) bytes (at most \(maxLength))"
      }
      return "expected a date and time like 2026-11-29T17:21:00+00:00 (a real date, seconds"
        + " and an offset of at most 14:00)"
    }
    if let now, stamp.secondsSinceEpoch > now + allowedClockSkewSeconds {
      return "is in the future (more than \(allowedClockSkewSeconds / 60) minutes after now)"
    }
    return nil
  }

  /// Whether `year` is a leap year (Gregorian).
  public static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days in `month` of `year`.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days from 1970-01-01 to a civil date (H. Hinnant's algorithm).
  public static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }
}

/// The one rule for numbers read as whole numbers (answers, settings): the JSON number's text
/// must denote exactly an integer in range. `45`, `45.0` and `4.5e1` are 45; `45.5`,
/// `45.00000000000000000001` and `1e-400` are not whole numbers (never rounded, never read as
/// 0); a number whose magnitude exceeds 18 digits is out of range whatever the range.
public enum WholeNumber {
  /// What a number's text denotes.
  public enum Reading: Equatable, Sendable {
    /// An exact integer.
    case integer(Int)
    /// Not an integer (a fraction remains), or not a number at all.
    case notWhole
    /// An integer too large to hold.
    case tooLarge
  }

  /// Reads a JSON number's text (`-?digits(.digits)?([eE][+-]?digits)?`) exactly, in decimal.
  public static func read(_ text: String) -> Reading {
    var bytes = Array(text.utf8)[...]
    var negative = false
    if bytes.first == UInt8(ascii: "-") {
      negative = true
      bytes = bytes.dropFirst()
    }
    var digits: [UInt8] = []
    var exponent = 0
    var sawDigit = false
    while let b = bytes.first, (48...57).contains(b) {
      digits.append(b - 48)
      sawDigit = true
      bytes = bytes.dropFirst()
    }
    guard sawDigit else { return .notWhole }
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      var fraction = false
      while let b = bytes.first, (48...57).contains(b) {
        digits.append(b - 48)
        exponent -= 1
        fraction = true
        bytes = bytes.dropFirst()
      }
      guard fraction else { return .notWhole }
    }
    if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      var sign = 1
      if let s = bytes.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
        sign = s == UInt8(ascii: "-") ? -1 : 1
        bytes = bytes.dropFirst()
      }
      var value = 0
      var any = false
      while let b = bytes.first, (48...57).contains(b) {
        // Saturate: an exponent beyond a million decides the answer alone.
        value = min(value * 10 + Int(b - 48), 1_000_000)
        any = true
        bytes = bytes.dropFirst()
      }
      guard any else { return .notWhole }
      exponent += sign * value
    }
    guard bytes.isEmpty else { return .notWhole }
    // Drop leading zeros, then move trailing zeros into the exponent.
    while digits.first == 0 { digits.removeFirst() }
    guard !digits.isEmpty else { return .integer(0) }
    while digits.last == 0 {
      digits.removeLast()
      exponent += 1
    }
    guard exponent >= 0 else { return .notWhole }
    guard digits.count + exponent <= 18 else { return .tooLarge }
    var value = 0
    for digit in digits { value = value * 10 + Int(digit) }
    for _ in 0..<exponent { value *= 10 }
    return .integer(negative ? -value : value)
  }
}
