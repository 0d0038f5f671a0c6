#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered writer to a file descriptor, for streaming output (`evaluate --jsonl`).
public struct BufferedOutput {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private let capacity: Int
  /// Whether a write has failed (the rest is dropped).
  public private(set) var failed = false
  /// The `errno` of the failed write.
  public private(set) var failureCode: Int32 = 0

  /// A writer to `descriptor` that flushes every `capacity` bytes.
  public init(descriptor: Int32, capacity: Int = 1 << 16) {
    self.descriptor = descriptor
    self.capacity = capacity
    buffer.reserveCapacity(capacity + 4096)
  }

  /// Appends `text`.
  public mutating func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= capacity { flush() }
  }

  /// Appends UTF-8 `bytes`.
  public mutating func write(bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= capacity { flush() }
  }

  /// Appends the UTF-8 bytes in `bytes`; a run as long as the buffer or longer is written
  /// straight from where it is (after what is buffered), without a copy.
  public mutating func write(bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count >= capacity else {
      buffer.append(contentsOf: bytes)
      if buffer.count >= capacity { flush() }
      return
    }
    flush()
    guard !failed else { return }
    if !StandardStreams.writeAll(bytes, to: descriptor) {
      failed = true
      failureCode = errno
    }
  }

  /// Writes out what is buffered.
  public mutating func flush() {
    guard !buffer.isEmpty, !failed else {
      buffer.removeAll(keepingCapacity: true)
      return
    }
    let ok = buffer.withUnsafeBufferPointer { StandardStreams.writeAll($0, to: descriptor) }
    if !ok {
      failed = true
      failureCode = errno
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
