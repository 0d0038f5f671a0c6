/// The regions a pain site chooses, as bits in ``StudyBits/regionIndex(_:)`` order (cervical,
/// thoracic, lumbar, lumbosacral, whole spine): one definition for the rules' plans and for
/// ``Facts``.
enum SiteRegions {
  static let cervical: Int32 = 1 << 0
  static let thoracic: Int32 = 1 << 1
  static let lumbar: Int32 = 1 << 2
  static let wholeSpine: Int32 = 1 << 4

  /// Cervical for neck or arm symptoms, thoracic for interscapular pain, lumbar for low back or
  /// leg symptoms; the whole spine for all three, or when no site is known yet.
  @inline(__always) static func symptoms(low: Bool, neck: Bool, mid: Bool) -> Int32 {
    let all = low && neck && mid
    let none = !low && !neck && !mid
    if all || none { return wholeSpine }
    return (neck ? cervical : 0) | (mid ? thoracic : 0) | (low ? lumbar : 0)
  }

  /// Thoracic with interscapular pain, lumbar with low back or leg symptoms, the whole spine
  /// with neither.
  @inline(__always) static func back(low: Bool, mid: Bool) -> Int32 {
    let regions = (mid ? thoracic : 0) | (low ? lumbar : 0)
    return regions == 0 ? wholeSpine : regions
  }

  /// The cord level: cervical with neck or arm symptoms alone, thoracic with interscapular pain
  /// alone; otherwise the whole spine.
  @inline(__always) static func cord(low: Bool, neck: Bool, mid: Bool) -> Int32 {
    if low { return wholeSpine }
    if neck && !mid { return cervical }
    if mid && !neck { return thoracic }
    return wholeSpine
  }

  /// The regions of `bits`, in order.
  static func list(_ bits: Int32) -> [SpineRegion] {
    StudyBits.regions.indices.filter { bits & (1 << Int32($0)) != 0 }.map {
      StudyBits.regions[$0]
    }
  }
}
