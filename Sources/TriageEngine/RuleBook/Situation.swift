/// What compiled conditions are evaluated against: the answers as bit sets and numbers, the
/// rules fired so far, the urgency decided so far, and (for region notes) the regions planned.
struct Situation {
  var yes: FindingSet
  var no: FindingSet
  /// Age, weeks of symptoms, weeks of conservative care; `Int32.min` when not recorded.
  var numbers: SIMD4<Int32>
  var fired = FiredRules()
  var decided: Int32 = 0
  /// The regions of the studies planned, as bits (``StudyBits/regionIndex(_:)``).
  var planRegions: Int32 = 0
  var planned = false

  static let unrecorded = Int32.min

  init(_ answers: Answers) {
    yes = answers.yesSet
    no = answers.noSet
    numbers = SIMD4(
      answers.age.map { Int32(clamping: $0) } ?? Self.unrecorded,
      answers.symptomWeeks.map { Int32(clamping: $0) } ?? Self.unrecorded,
      answers.conservativeWeeks.map { Int32(clamping: $0) } ?? Self.unrecorded, 0)
  }

  @inline(__always) var hasLow: Bool { !yes.intersection(Self.low).isEmpty }
  @inline(__always) var hasNeck: Bool { !yes.intersection(Self.neck).isEmpty }
  @inline(__always) var hasMid: Bool { !yes.intersection(Self.mid).isEmpty }

  // The site groups' members as plain bit sets (reading a group would copy its name).
  static let low = FindingGroup.lowSite.members
  static let neck = FindingGroup.neckSite.members
  static let mid = FindingGroup.midSite.members
}
