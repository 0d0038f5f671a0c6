import TriageEngine

/// Recommendations written one after another as compact JSON into one growing buffer that is
/// reused: the `evaluate --jsonl` path, where a line's result is a range of this buffer instead
/// of an array of its own (no allocation, no copy per line once the buffer has grown).
public struct CompactJSONStream: ~Copyable {
  private var writer = CompactRecommendationWriter()

  /// An empty stream.
  public init() {}

  /// The number of bytes written so far.
  public var count: Int { writer.buffer.count }

  /// Appends the compact JSON of `recommendation` (as ``RecommendationJSON/compactBytes(_:)``
  /// gives it), then a line feed when `line` is true, and returns the end of what it wrote.
  public mutating func append(_ recommendation: Recommendation, line: Bool = false) -> Int {
    writer.write(recommendation)
    if line { writer.newline() }
    return writer.buffer.count
  }

  /// Calls `body` with the bytes written, from `start` to `end`.
  public func withBytes<Result>(
    from start: Int, to end: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    try writer.buffer.withBytes(from: start, to: end, body)
  }

  /// Forgets what was written, keeping the memory for the next batch.
  public mutating func removeAll() { writer.removeAll() }
}
