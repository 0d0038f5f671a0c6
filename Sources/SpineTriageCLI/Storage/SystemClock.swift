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

  /// A random (version 4) UUID, lower case.
  public static func uuid() -> String {
    var generator = SystemRandomNumberGenerator()
    var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = bytes.map { byte in
      let text = String(byte, radix: 16)
      return text.count == 1 ? "0" + text : text
    }.joined()
    let characters = Array(hex)
    func part(_ range: Range<Int>) -> String { String(characters[range]) }
    return [part(0..<8), part(8..<12), part(12..<16), part(16..<20), part(20..<32)].joined(
      separator: "-")
  }
}
