/// A rule's condition, written as data: what must be true of the answers (and of the rules
/// already fired) for the rule to fire. Evaluated by the book's loop and printed in words by
/// `spine-triage rules --explain`.
///
/// Unknown is never no: ``yes(_:)`` holds only for a `yes`, ``no(_:)`` only for a `no`, and a
/// number bound never holds for a number not recorded.
public indirect enum Condition: Sendable, Hashable {
  /// Always true (a rule that fires whenever its branch is reached).
  case always
  /// The finding is answered yes.
  case yes(Finding)
  /// The finding is answered no.
  case no(Finding)
  /// The finding is not answered.
  case unanswered(Finding)
  /// At least one finding of the group is answered yes.
  case anyYes(FindingGroup)
  /// Every finding of the group is answered no.
  case allNo(FindingGroup)
  /// A pain site (or combination of sites) is answered yes.
  case site(Site)
  /// A recorded number lies within a bound (never true when the number is not recorded).
  case number(Measure, Bound)
  /// The number is not recorded.
  case unrecorded(Measure)
  /// Another rule has already fired in this evaluation (it is earlier in the book).
  case fired(RuleID)
  /// The urgency decided so far is at most this one (fallback and note rules).
  case decidedAtMost(Urgency)
  /// The plan holds a study of one of these regions (region notes, after the decision).
  case planCovers([SpineRegion])
  /// The plan holds at least one study (region notes, after the decision).
  case planned
  /// Every condition holds.
  case all([Condition])
  /// At least one condition holds.
  case any([Condition])
  /// The condition does not hold.
  case not(Condition)

  /// A pain site, or a combination the rules test.
  public enum Site: String, Sendable, Hashable, CaseIterable {
    /// Low back pain or leg radiation.
    case lowBack
    /// Neck pain or arm radiation.
    case neck
    /// Pain between the shoulder blades.
    case midBack
    /// Neck or arm symptoms and no other site.
    case neckOnly
  }

  /// A number the rules read.
  public enum Measure: String, Sendable, Hashable, CaseIterable {
    /// Age in years.
    case age
    /// Weeks of the current episode.
    case symptomWeeks
    /// Weeks of conservative care already tried.
    case conservativeWeeks

    /// The input, as reported in a fired rule.
    public var input: NumericInputs {
      switch self {
      case .age: .age
      case .symptomWeeks: .symptomWeeks
      case .conservativeWeeks: .conservativeWeeks
      }
    }
  }

  /// A bound on a number.
  public enum Bound: Sendable, Hashable {
    /// Below the value.
    case below(Int)
    /// At least the value.
    case atLeast(Int)
    /// Above the value.
    case over(Int)
    /// At least the first value and below the second.
    case from(Int, below: Int)

    /// Whether `value` lies within the bound.
    @inline(__always) public func contains(_ value: Int) -> Bool {
      switch self {
      case .below(let limit): value < limit
      case .atLeast(let limit): value >= limit
      case .over(let limit): value > limit
      case .from(let lower, let upper): value >= lower && value < upper
      }
    }
  }
}

extension Condition {
  /// The age lies within `bound` (false when not recorded).
  public static func age(_ bound: Bound) -> Condition { .number(.age, bound) }
  /// The weeks of symptoms lie within `bound` (false when not recorded).
  public static func symptomWeeks(_ bound: Bound) -> Condition { .number(.symptomWeeks, bound) }
  /// The weeks of conservative care lie within `bound` (false when not recorded).
  public static func conservativeWeeks(_ bound: Bound) -> Condition {
    .number(.conservativeWeeks, bound)
  }
}
