/// A set of positions below 128 (the indication rules, by their place in the book), visited
/// in ascending order.
struct Positions: Equatable, Sequence {
  /// How many positions a set can hold.
  static let capacity = 128

  private var low: UInt64 = 0
  private var high: UInt64 = 0

  @inline(__always) mutating func insert(_ position: Int) {
    if position < 64 { low |= 1 << UInt64(position) } else { high |= 1 << UInt64(position - 64) }
  }

  @inline(__always) func contains(_ position: Int) -> Bool {
    position < 64 ? (low >> UInt64(position)) & 1 == 1 : (high >> UInt64(position - 64)) & 1 == 1
  }

  @inline(__always) mutating func formUnion(_ other: Positions) {
    low |= other.low
    high |= other.high
  }

  /// The positions in ascending order.
  struct Iterator: IteratorProtocol {
    var low: UInt64
    var high: UInt64

    @inline(__always) mutating func next() -> Int? {
      if low != 0 {
        defer { low &= low - 1 }
        return low.trailingZeroBitCount
      }
      if high != 0 {
        defer { high &= high - 1 }
        return high.trailingZeroBitCount + 64
      }
      return nil
    }
  }

  @inline(__always) func makeIterator() -> Iterator { Iterator(low: low, high: high) }
}
