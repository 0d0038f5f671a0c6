/// Bytes written into a buffer of fixed room (the SF-0 message): a value with its count, so
/// that no local function captures a changing count (each change would be checked at run
/// time). Writing past the room stops the program.
struct ByteWriter {
  private let buffer: UnsafeMutableBufferPointer<UInt8>
  private(set) var count = 0

  init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    precondition(count + bytes.count <= buffer.count, "the bytes outgrew their room")
    (buffer.baseAddress.unsafelyUnwrapped + count).initialize(from: source, count: bytes.count)
    count += bytes.count
  }

  mutating func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  mutating func append(byte: UInt8) {
    precondition(count < buffer.count, "the bytes outgrew their room")
    buffer[count] = byte
    count += 1
  }
}
