/// The rules fired so far in one evaluation (a bit set over ``RuleID``).
struct FiredRules: Hashable {
  /// How many rules a set can hold (raw identifiers 0 to 127).
  static let capacity = 128

  private var low: UInt64 = 0
  private var high: UInt64 = 0

  @inline(__always) func contains(_ rule: RuleID) -> Bool { contains(rawValue: rule.rawValue) }

  @inline(__always) func contains(rawValue index: Int) -> Bool {
    index < 64 ? (low >> UInt64(index)) & 1 == 1 : (high >> UInt64(index - 64)) & 1 == 1
  }

  @inline(__always) mutating func insert(_ rule: RuleID) { insert(rawValue: rule.rawValue) }

  @inline(__always) mutating func remove(_ rule: RuleID) { remove(rawValue: rule.rawValue) }

  @inline(__always) mutating func insert(rawValue index: Int) {
    if index < 64 { low |= 1 << UInt64(index) } else { high |= 1 << UInt64(index - 64) }
  }

  @inline(__always) mutating func remove(rawValue index: Int) {
    if index < 64 { low &= ~(1 << UInt64(index)) } else { high &= ~(1 << UInt64(index - 64)) }
  }
}
