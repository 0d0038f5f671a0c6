/// A compact set of findings (a 128-bit bitset), used for answers and for the findings that fired
/// a rule. Value type, no allocation.
public struct FindingSet: Sendable, Hashable {
  @usableFromInline var low: UInt64 = 0
  @usableFromInline var high: UInt64 = 0

  /// The empty set.
  @inlinable public init() {}

  /// The set whose bits are `low` (findings 0 to 63) and `high` (64 to 127).
  init(low: UInt64, high: UInt64) {
    self.low = low
    self.high = high
  }

  /// A set holding the given findings.
  @inlinable public init(_ findings: [Finding]) {
    for finding in findings { insert(finding) }
  }

  /// Whether the set holds `finding`.
  @inlinable @inline(__always) public func contains(_ finding: Finding) -> Bool {
    let index = Int(finding.rawValue)
    return index < 64 ? (low >> UInt64(index)) & 1 == 1 : (high >> UInt64(index - 64)) & 1 == 1
  }

  /// Adds `finding`.
  @inlinable @inline(__always) public mutating func insert(_ finding: Finding) {
    let index = Int(finding.rawValue)
    if index < 64 { low |= 1 << UInt64(index) } else { high |= 1 << UInt64(index - 64) }
  }

  /// Removes `finding`.
  @inlinable @inline(__always) public mutating func remove(_ finding: Finding) {
    let index = Int(finding.rawValue)
    if index < 64 { low &= ~(1 << UInt64(index)) } else { high &= ~(1 << UInt64(index - 64)) }
  }

  /// Whether the set is empty.
  @inlinable public var isEmpty: Bool { low == 0 && high == 0 }

  /// How many findings the set holds.
  @inlinable public var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }

  /// Adds the members of `other`.
  @inlinable @inline(__always) public mutating func formUnion(_ other: FindingSet) {
    low |= other.low
    high |= other.high
  }

  /// The union of two sets.
  @inlinable public func union(_ other: FindingSet) -> FindingSet {
    var result = self
    result.low |= other.low
    result.high |= other.high
    return result
  }

  /// The findings in catalogue order.
  public var members: [Finding] {
    var result: [Finding] = []
    result.reserveCapacity(count)
    forEachRawValue { index in
      if let finding = Finding(rawValue: UInt8(index)) { result.append(finding) }
    }
    return result
  }

  /// Calls `body` with each finding, in catalogue order (no list).
  @inlinable @inline(__always) public func forEachMember(_ body: (Finding) -> Void) {
    forEachRawValue { body(Finding(rawValue: UInt8($0)).unsafelyUnwrapped) }
  }

  /// The raw value of each finding, in catalogue order, for a `for` loop (no array; no closure,
  /// which would box the variables the loop changes).
  @inlinable var rawValues: RawValues { RawValues(low: low, high: high) }

  /// The raw values of a set's findings, lowest first.
  @usableFromInline struct RawValues: Sequence, IteratorProtocol {
    @usableFromInline var low: UInt64
    @usableFromInline var high: UInt64

    @inlinable init(low: UInt64, high: UInt64) {
      self.low = low
      self.high = high
    }

    @inlinable @inline(__always) mutating func next() -> Int? {
      if low != 0 {
        defer { low &= low - 1 }
        return low.trailingZeroBitCount
      }
      guard high != 0 else { return nil }
      defer { high &= high - 1 }
      return high.trailingZeroBitCount + 64
    }
  }

  /// Calls `body` with the raw value of each finding, in catalogue order (no array).
  @inlinable @inline(__always) func forEachRawValue(_ body: (Int) -> Void) {
    // (Two loops: a list of the two words to loop over costs a thousand instructions a JSONL
    // line more.)
    var bits = low
    while bits != 0 {
      body(bits.trailingZeroBitCount)
      bits &= bits - 1
    }
    bits = high
    while bits != 0 {
      body(bits.trailingZeroBitCount + 64)
      bits &= bits - 1
    }
  }
}

extension FindingSet {
  /// The findings in both sets.
  @inlinable public func intersection(_ other: FindingSet) -> FindingSet {
    var result = self
    result.low &= other.low
    result.high &= other.high
    return result
  }

  /// The findings of this set that are not in `other`.
  @inlinable public func subtracting(_ other: FindingSet) -> FindingSet {
    var result = self
    result.low &= ~other.low
    result.high &= ~other.high
    return result
  }

  /// Whether every finding of `other` is in this set.
  @inlinable public func isSuperset(of other: FindingSet) -> Bool {
    intersection(other) == other
  }
}

extension FindingSet: ExpressibleByArrayLiteral {
  /// A set written as a literal, for example `[.saddleAnesthesia, .urinaryRetention]`.
  public init(arrayLiteral elements: Finding...) { self.init(elements) }
}
