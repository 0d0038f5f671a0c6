import TriageEngine

/// The JSON of every rule of the book as the compact writer writes it, written once: the
/// members before the rule's findings and those after. A fired rule of the book is then two
/// block copies instead of escaping its title, source and notes on every line.
struct RuleTexts: @unchecked Sendable {
  /// One rule's texts: its head and its tail (a trivial value: no reference counting).
  struct Entry {
    let head: UnsafeBufferPointer<UInt8>
    let tail: UnsafeBufferPointer<UInt8>

    /// Appends the members before the findings.
    @inline(__always) func writeHead(to buffer: inout ByteBuffer) {
      buffer.append(head.baseAddress.unsafelyUnwrapped, count: head.count)
    }

    /// Appends the members after the findings and the closing brace.
    @inline(__always) func writeTail(to buffer: inout ByteBuffer) {
      buffer.append(tail.baseAddress.unsafelyUnwrapped, count: tail.count)
    }
  }

  private static let size = 256
  private let entries: UnsafeMutablePointer<Entry>
  private let rules: UnsafeMutablePointer<Rule>
  /// Open-addressed by an FNV-1a hash of the identifier: the entry's index plus one, 0 empty.
  private let slots: UnsafeMutablePointer<UInt8>
  /// The same, open-addressed by the rule's ``TriageEngine/Rule/sharedKey`` (the book's own
  /// copies, which the engine fires, are found without reading the identifier).
  private let keySlots: UnsafeMutablePointer<UInt8>
  private let keys: UnsafeMutablePointer<ObjectIdentifier>

  static let shared = RuleTexts(RuleID.allCases.map(\.rule))

  /// The texts of `rules` (the memory is never freed).
  init(_ rules: [Rule]) {
    precondition(rules.count < Self.size / 2, "the table needs free slots")
    entries = .allocate(capacity: max(rules.count, 1))
    self.rules = .allocate(capacity: max(rules.count, 1))
    slots = .allocate(capacity: Self.size)
    slots.initialize(repeating: 0, count: Self.size)
    keySlots = .allocate(capacity: Self.size)
    keySlots.initialize(repeating: 0, count: Self.size)
    keys = .allocate(capacity: max(rules.count, 1))
    for (index, rule) in rules.enumerated() {
      var head = ByteBuffer(capacity: 512)
      CompactRecommendationWriter.writeHead(of: rule, to: &head)
      var tail = ByteBuffer(capacity: 512)
      CompactRecommendationWriter.writeTail(of: rule, to: &tail)
      (entries + index).initialize(
        to: Entry(head: Self.keep(head.array), tail: Self.keep(tail.array)))
      (self.rules + index).initialize(to: rule)
      var slot = Self.slot(Array(rule.id.utf8))
      while slots[slot] != 0 { slot = (slot + 1) & (Self.size - 1) }
      slots[slot] = UInt8(index + 1)
      (keys + index).initialize(to: rule.sharedKey)
      slot = Self.slot(rule.sharedKey)
      while keySlots[slot] != 0 { slot = (slot + 1) & (Self.size - 1) }
      keySlots[slot] = UInt8(index + 1)
    }
  }

  /// A slot for a rule's key: bits of its address, mixed.
  @inline(__always) private static func slot(_ key: ObjectIdentifier) -> Int {
    let bits = UInt64(UInt(bitPattern: key))
    return Int(truncatingIfNeeded: ((bits >> 4) &* 0x9E37_79B9_7F4A_7C15) >> 56) & (size - 1)
  }

  private static func keep(_ bytes: [UInt8]) -> UnsafeBufferPointer<UInt8> {
    let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
    copy.initialize(from: bytes, count: bytes.count)
    return UnsafeBufferPointer(start: copy, count: bytes.count)
  }

  private static func slot<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return Int(value & UInt64(size - 1))
  }

  /// The texts of `rule` if it is a rule of the book (every member the same), else nil.
  @inline(__always) func texts(of rule: Rule) -> Entry? {
    let key = rule.sharedKey
    var keySlot = Self.slot(key)
    while keySlots[keySlot] != 0 {
      let index = Int(keySlots[keySlot]) - 1
      if keys[index] == key { return entries[index] }
      keySlot = (keySlot + 1) & (Self.size - 1)
    }
    // A rule made apart from the book: by its identifier, then every member.
    var id = rule.id
    var slot = id.withUTF8 { Self.slot($0) }
    while slots[slot] != 0 {
      let index = Int(slots[slot]) - 1
      if rules[index].id == rule.id { return rules[index] == rule ? entries[index] : nil }
      slot = (slot + 1) & (Self.size - 1)
    }
    return nil
  }
}
