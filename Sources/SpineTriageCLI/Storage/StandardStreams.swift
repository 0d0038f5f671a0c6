#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Unbuffered writes to the standard streams, retried on partial writes and `EINTR`.
public enum StandardStreams {
  /// Writes `text` to standard output; returns false if the write failed.
  @discardableResult
  public static func writeOutput(_ text: String) -> Bool { write(text, to: 1) }

  /// Writes `text` to standard error.
  public static func writeError(_ text: String) { _ = write(text, to: 2) }

  /// Writes all of `text` to `descriptor`.
  public static func write(_ text: String, to descriptor: Int32) -> Bool {
    var text = text
    return text.withUTF8 { buffer in writeAll(buffer, to: descriptor) }
  }

  /// Writes all of `buffer` to `descriptor`.
  public static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
    guard var pointer = buffer.baseAddress else { return true }
    var remaining = buffer.count
    while remaining > 0 {
      let written = Glibc.write(descriptor, pointer, remaining)
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      pointer += written
      remaining -= written
    }
    return true
  }
}
