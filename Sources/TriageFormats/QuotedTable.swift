/// Texts written as JSON string literals once, at first use, and kept for the life of the
/// program: the compact writer copies an identifier's literal in one block instead of
/// escaping it again on every line.
struct QuotedTable: @unchecked Sendable {
  private let bytes: UnsafePointer<UInt8>
  private let starts: UnsafePointer<Int>

  /// The literals of `texts`, in order (the memory is never freed).
  init(_ texts: [String]) {
    self.init(
      fragments: texts.map { text in
        var buffer = ByteBuffer(capacity: text.utf8.count + 2)
        buffer.appendQuoted(text)
        return buffer.array
      })
  }

  /// Fragments of JSON kept as they are, in order (the memory is never freed).
  init(fragments: [[UInt8]]) {
    var starts: [Int] = [0]
    for fragment in fragments { starts.append(starts[starts.count - 1] + fragment.count) }
    let all = Array(fragments.joined())
    // 32 bytes of padding: any entry's first 32 bytes are readable (``ByteBuffer/appendPadded``).
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: all.count + 32)
    bytes.initialize(from: all, count: all.count)
    (bytes + all.count).initialize(repeating: 0, count: 32)
    let startsCopy = UnsafeMutablePointer<Int>.allocate(capacity: starts.count)
    startsCopy.initialize(from: starts, count: starts.count)
    self.bytes = UnsafePointer(bytes)
    self.starts = UnsafePointer(startsCopy)
  }

  /// Appends the literal of the text at `index` to `buffer`.
  @inline(__always) func write(_ index: Int, to buffer: inout ByteBuffer) {
    let start = starts[index]
    buffer.appendPadded(bytes + start, count: starts[index + 1] - start)
  }
}
