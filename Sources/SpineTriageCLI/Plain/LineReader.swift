import TriageEngine
import TriageFormats
import TriageUI

#if canImport(Glibc)
  import Glibc
#endif

/// Reads lines from a file descriptor without Foundation, in linear time: each byte is scanned
/// once, and a line longer than ``maxLine`` bytes is dropped as it arrives (memory stays
/// bounded) and reported with ``lastLineWasTooLong``.
struct LineReader {
  /// The longest line kept, in bytes (an answer is a few characters).
  static let maxLine = 4096
  let descriptor: Int32
  private var buffer: [UInt8] = []
  /// Where the unread part of `buffer` starts.
  private var start = 0
  /// Up to where the unread part was searched for a newline.
  private var scanned = 0
  private var finished = false
  /// Whether the current line passed the limit (its bytes are being dropped).
  private var overlong = false
  /// Whether the line just returned was too long (it is returned empty).
  private(set) var lastLineWasTooLong = false

  init(descriptor: Int32) { self.descriptor = descriptor }

  /// The next line without its newline, or nil at end of input. A line over ``maxLine``
  /// bytes comes back empty with ``lastLineWasTooLong`` set.
  mutating func readLine() -> String? {
    lastLineWasTooLong = false
    while true {
      if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
        let line = overlong ? "" : String(decoding: buffer[start..<newline], as: UTF8.self)
        lastLineWasTooLong = overlong
        overlong = false
        consume(upTo: newline + 1)
        return line
      }
      scanned = buffer.count
      if buffer.count - start > LineReader.maxLine {
        overlong = true
        consume(upTo: buffer.count)
      }
      if finished {
        if overlong {
          overlong = false
          lastLineWasTooLong = true
          return ""
        }
        guard start < buffer.count else { return nil }
        let line = String(decoding: buffer[start...], as: UTF8.self)
        consume(upTo: buffer.count)
        return line
      }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        finished = true
        continue
      }
      buffer.append(contentsOf: chunk[..<count])
    }
  }

  /// Marks the bytes before `end` as read; the buffer is compacted when it is all read or the
  /// read part is large (amortised linear).
  private mutating func consume(upTo end: Int) {
    start = end
    scanned = end
    if start == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      (start, scanned) = (0, 0)
    } else if start > 1 << 16 {
      buffer.removeSubrange(..<start)
      (start, scanned) = (0, 0)
    }
  }
}
