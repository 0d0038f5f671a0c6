import TriageEngine

/// Findings by the bytes of their identifier, for the fast answers decoder: an open-addressed
/// table of 256 slots indexed by a hash of the identifier's first word, each slot the finding's
/// index plus one (0 for an empty slot), checked byte for byte with the closing quote after it.
/// Built once and never freed, so a lookup touches no reference count and no dictionary.
struct FindingTable: @unchecked Sendable {
  private static let size = 256
  /// Every identifier's bytes end to end; identifier `n` runs from `starts[n]` to `starts[n + 1]`.
  private let bytes: UnsafeMutablePointer<UInt8>
  private let starts: UnsafeMutablePointer<Int>
  /// Each finding by its index in `Finding.allCases` (no `init(rawValue:)` call per lookup).
  private let findings: UnsafeMutablePointer<Finding>
  /// Each identifier's first word (its first eight bytes, or all of a shorter one followed by
  /// zeros), and the slots, indexed by a hash of that word alone.
  private let firstWords: UnsafeMutablePointer<UInt64>
  private let wordSlots: UnsafeMutablePointer<UInt8>

  static let shared = FindingTable()

  private init() {
    let identifiers = Finding.allCases.map { Array($0.id.utf8) }
    precondition(identifiers.count < Self.size / 2, "the table needs free slots")
    let total = identifiers.reduce(0) { $0 + $1.count }
    bytes = .allocate(capacity: max(total, 1))
    starts = .allocate(capacity: identifiers.count + 1)
    findings = .allocate(capacity: identifiers.count)
    findings.initialize(from: Finding.allCases, count: identifiers.count)
    var offset = 0
    for (index, identifier) in identifiers.enumerated() {
      starts[index] = offset
      (bytes + offset).initialize(from: identifier, count: identifier.count)
      offset += identifier.count
    }
    starts[identifiers.count] = offset
    firstWords = .allocate(capacity: identifiers.count)
    wordSlots = .allocate(capacity: Self.size)
    wordSlots.initialize(repeating: 0, count: Self.size)
    for (index, identifier) in identifiers.enumerated() {
      var word: UInt64 = 0
      for (position, byte) in identifier.prefix(8).enumerated() {
        word |= UInt64(byte) << UInt64(8 * position)
      }
      (firstWords + index).initialize(to: word)
      var slot = Self.wordSlot(word)
      while wordSlots[slot] != 0 { slot = (slot + 1) & (Self.size - 1) }
      wordSlots[slot] = UInt8(index + 1)
    }
  }

  /// The eight bytes at `offset` from `pointer`.
  @inline(__always) private static func word(_ pointer: UnsafePointer<UInt8>, _ offset: Int)
    -> UInt64
  {
    UnsafeRawPointer(pointer + offset).loadUnaligned(as: UInt64.self)
  }

  /// A slot for a first word: its bits mixed by one multiplication.
  @inline(__always) private static func wordSlot(_ word: UInt64) -> Int {
    Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> 56)
  }

  /// The finding whose identifier, then a closing quote, starts at `key` (the `count` bytes
  /// from `key` on are readable), and the identifier's length; nil when no identifier and
  /// quote start there. Found by the key's first word alone: no scan for the quote first.
  /// Nil too when fewer than eight bytes are left (no key and what must follow it fit there).
  @inline(__always)
  func key(at key: UnsafePointer<UInt8>, count: Int) -> (finding: Finding, length: Int)? {
    guard count >= 8 else { return nil }
    var word = UnsafeRawPointer(key).loadUnaligned(as: UInt64.self)
    // A key shorter than a word: its quote is in the word (the first flagged byte; a borrow
    // flags only bytes after a true match); what follows it is cleared.
    let ones: UInt64 = 0x0101_0101_0101_0101
    let quoted = word ^ (ones &* 0x22)
    let quotes = (quoted &- ones) & ~quoted & 0x8080_8080_8080_8080
    if quotes != 0 {
      let length = quotes.trailingZeroBitCount >> 3
      word &= length == 0 ? 0 : ~0 >> UInt64(64 - 8 * length)
    }
    var slot = Self.wordSlot(word)
    while wordSlots[slot] != 0 {
      let raw = Int(wordSlots[slot]) - 1
      if firstWords[raw] == word {
        let start = starts[raw]
        let length = starts[raw + 1] - start
        // The rest of the identifier (eight bytes at a time, the last eight read where they
        // overlap), then its closing quote.
        if length < count && key[length] == UInt8(ascii: "\"") {
          var offset = 8
          while offset + 8 < length && Self.word(bytes + start, offset) == Self.word(key, offset) {
            offset += 8
          }
          if length <= 8
            || (offset + 8 >= length
              && Self.word(bytes + start, length - 8) == Self.word(key, length - 8))
          {
            return (findings[raw], length)
          }
        }
      }
      slot = (slot + 1) & (Self.size - 1)
    }
    return nil
  }
}
