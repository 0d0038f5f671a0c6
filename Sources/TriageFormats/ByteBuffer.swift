/// A growing run of bytes that the compact writer appends to with block copies (no per-byte
/// append, no uniqueness check): the `evaluate --jsonl` hot path. Owns its memory.
struct ByteBuffer: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// The bytes written, as an array.
  var array: [UInt8] {
    [UInt8](unsafeUninitializedCapacity: count) { target, initialized in
      if count > 0 { target.baseAddress!.initialize(from: base, count: count) }
      initialized = count
    }
  }

  /// Calls `body` with the bytes from `start` to `end` (within what was written).
  func withBytes<Result>(
    from start: Int, to end: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    precondition(0 <= start && start <= end && end <= count, "a range outside the bytes written")
    return try body(UnsafeBufferPointer(start: base + start, count: end - start))
  }

  /// Forgets the bytes written, keeping the memory.
  mutating func removeAll() { count = 0 }

  /// Makes room for `extra` more bytes.
  @inline(__always) mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(count + extra) }
  }

  @inline(never) private mutating func grow(_ needed: Int) {
    let newCapacity = max(needed, 2 * capacity)
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    bigger.initialize(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity = newCapacity
  }

  @inline(__always) mutating func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  @inline(__always) mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
    reserve(length)
    (base + count).initialize(from: source, count: length)
    count += length
  }

  /// Appends `length` bytes from `source`, whose first 32 bytes are readable whatever `length`
  /// (a table padded for it): a run of up to 32 bytes is copied as two blocks of 16 (past
  /// `length` into room reserved, then written over), without a call to `memcpy`.
  @inline(__always) mutating func appendPadded(_ source: UnsafePointer<UInt8>, count length: Int) {
    guard length <= 32 else { return append(source, count: length) }
    reserve(32)
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(base + count)
    to.storeBytes(of: from.loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
    to.storeBytes(
      of: from.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self), toByteOffset: 16,
      as: SIMD16<UInt8>.self)
    count += length
  }

  @inline(__always) mutating func append(_ text: StaticString) {
    append(text.utf8Start, count: text.utf8CodeUnitCount)
  }

  /// Appends `text` as written (it must need no escaping: identifiers, numbers).
  @inline(__always) mutating func appendPlain(_ text: String) {
    var text = text
    text.withUTF8 { source in
      if let address = source.baseAddress { append(address, count: source.count) }
    }
  }

  /// Appends `text` as a JSON string literal. Scans 16 bytes at a time; a text with no quote,
  /// backslash or control byte (almost every one) is copied in one block.
  mutating func appendQuoted(_ text: String) {
    // Read in place when the text is contiguous UTF-8 (always, for a native or literal
    // string): no copy of the string, so no reference count taken and dropped.
    if let done: Void = text.utf8.withContiguousStorageIfAvailable({ appendQuoted(bytes: $0) }) {
      return done
    }
    var text = text
    text.withUTF8 { appendQuoted(bytes: $0) }
  }

  /// Appends the UTF-8 `source` as a JSON string literal.
  @inline(__always) private mutating func appendQuoted(bytes source: UnsafeBufferPointer<UInt8>) {
    guard let address = source.baseAddress, source.count > 0 else {
      append("\"\"")
      return
    }
    if !Self.needsEscape(address, source.count) {
      reserve(source.count + 2)
      base[count] = 0x22
      (base + count + 1).initialize(from: address, count: source.count)
      count += source.count + 1
      base[count] = 0x22
      count += 1
    } else {
      appendEscaped(source)
    }
  }

  /// Whether any of the `length` bytes at `address` is a quote, a backslash or a control byte.
  @inline(__always) static func needsEscape(_ address: UnsafePointer<UInt8>, _ length: Int)
    -> Bool
  {
    var index = 0
    // 16 bytes at a time (one vector compare each); a shorter text 8 at a time, then by byte.
    let quote = SIMD16<UInt8>(repeating: 0x22)
    let backslash = SIMD16<UInt8>(repeating: 0x5C)
    let space = SIMD16<UInt8>(repeating: 0x20)
    var special = SIMDMask<SIMD16<Int8>>(repeating: false)
    if length >= 16 {
      // Whole blocks, then the last 16 bytes (overlapping the last block): no tail loop.
      func check(_ offset: Int) {
        let bytes = UnsafeRawPointer(address + offset).loadUnaligned(as: SIMD16<UInt8>.self)
        special .|= (bytes .== quote) .| (bytes .== backslash) .| (bytes .< space)
      }
      while index + 16 <= length {
        check(index)
        index += 16
      }
      if index < length { check(length - 16) }
      // (The mask's 16 bytes read as two words: `any` is a call that reduces lane by lane.)
      let lanes = unsafeBitCast(special, to: SIMD2<UInt64>.self)
      return lanes[0] | lanes[1] != 0
    }
    var found: UInt64 = 0
    while index + 8 <= length {
      found |= escapeBits(UnsafeRawPointer(address + index).loadUnaligned(as: UInt64.self))
      index += 8
    }
    if found != 0 { return true }
    while index < length {
      let byte = address[index]
      if byte == 0x22 || byte == 0x5C || byte < 0x20 { return true }
      index += 1
    }
    return false
  }

  /// The high bit of each byte of `word` that is a quote, a backslash or a control byte
  /// (below 0x20); zero when there is none.
  @inline(__always) static func escapeBits(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
    let quote = zeroByte(word ^ (ones &* 0x22))
    let backslash = zeroByte(word ^ (ones &* 0x5C))
    let control = (word &- ones &* 0x20) & ~word & highs
    return quote | backslash | control
  }

  private static let hexDigits: StaticString = "0123456789abcdef"

  /// The slow path: a text with something to escape, byte by byte.
  @inline(never) private mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
    append(0x22)
    for byte in source {
      switch byte {
      case 0x22: append("\\\"")
      case 0x5C: append("\\\\")
      case 0x0A: append("\\n")
      case 0x0D: append("\\r")
      case 0x09: append("\\t")
      case 0..<0x20:
        append("\\u00")
        append(Self.hexDigits.utf8Start[Int(byte >> 4)])
        append(Self.hexDigits.utf8Start[Int(byte & 0x0F)])
      default: append(byte)
      }
    }
    append(0x22)
  }
}
