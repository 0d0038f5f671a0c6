import CProcess

#if canImport(Glibc)
  import Glibc
#endif

/// The local time and fresh identifiers, from the system (kept out of the pure modules).
public enum SystemClock {
  /// Now, as ISO 8601 with the local offset, for example `2026-11-24T21:40:05+01:00`.
  public static func iso8601(_ time: time_t = time(nil)) -> String {
    var text = format("%Y-%m-%dT%H:%M:%S%z", time)
    // strftime writes +0100; ISO 8601 extended format wants +01:00.
    if text.count >= 5 { text.insert(":", at: text.index(text.endIndex, offsetBy: -2)) }
    return text
  }

  /// A compact local timestamp for file names, for example `20261124-214005`.
  public static func fileStamp(_ time: time_t = time(nil)) -> String {
    format("%Y%m%d-%H%M%S", time)
  }

  /// `time` in local time, formatted by strftime.
  static func format(_ pattern: String, _ time: time_t) -> String {
    var seconds = time
    var parts = tm()
    localtime_r(&seconds, &parts)
    var buffer = [CChar](repeating: 0, count: 64)
    let count = strftime(&buffer, buffer.count, pattern, &parts)
    return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// A random (version 4) UUID, lower case: 16 bytes from one `getrandom` call.
  public static func uuid() -> String {
    var bytes = (UInt64(0), UInt64(0))
    if withUnsafeMutableBytes(of: &bytes, { spine_random_bytes($0.baseAddress, 16) }) != 0 {
      var generator = SystemRandomNumberGenerator()
      bytes = (generator.next(), generator.next())
    }
    return withUnsafeMutableBytes(of: &bytes) { raw in
      raw[6] = (raw[6] & 0x0F) | 0x40
      raw[8] = (raw[8] & 0x3F) | 0x80
      let digits = Array("0123456789abcdef".utf8)
      var text: [UInt8] = []
      text.reserveCapacity(36)
      for (index, byte) in raw.enumerated() {
        if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0F)])
      }
      return String(decoding: text, as: UTF8.self)
    }
  }
}
