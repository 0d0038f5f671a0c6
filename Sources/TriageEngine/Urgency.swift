/// How soon imaging is needed. Ordered: `none` < `routine` < `soon` < `urgent` < `emergency`.
public enum Urgency: Int, Sendable, CaseIterable, Comparable, Hashable {
  /// No imaging now: conservative care, safety-net advice and review.
  case none = 0
  /// Scheduled imaging.
  case routine = 1
  /// Within about a week.
  case soon = 2
  /// Within 24 hours.
  case urgent = 3
  /// Same day; send now.
  case emergency = 4

  /// The contract's identifier (`emergency`, `urgent`, `soon`, `routine`, `none`).
  public var id: String {
    switch self {
    case .none: "none"
    case .routine: "routine"
    case .soon: "soon"
    case .urgent: "urgent"
    case .emergency: "emergency"
    }
  }

  /// The word shown on screen.
  public var label: String {
    switch self {
    case .none: "NO IMAGING NOW"
    case .routine: "ROUTINE"
    case .soon: "SOON"
    case .urgent: "URGENT"
    case .emergency: "EMERGENCY"
    }
  }

  /// The default timeframe for this urgency, used when the deciding rule gives none of its own.
  public var defaultTimeframe: String {
    switch self {
    case .none: "Conservative care now, with safety-net advice; review in 4 to 6 weeks"
    case .routine: "Routine: schedule the study"
    case .soon: "Within about 1 week"
    case .urgent: "Within 24 hours"
    case .emergency: "Same day: send now"
    }
  }

  /// The latest time to the study in hours for this urgency, when it is one: 24 for `urgent`,
  /// 168 (1 week) for `soon`; `nil` for same-day emergencies without a set number of hours, for
  /// routine imaging and for no imaging.
  public var defaultTimeframeHours: Int? {
    switch self {
    case .urgent: 24
    case .soon: 168
    case .none, .routine, .emergency: nil
    }
  }

  /// Parses a contract identifier.
  public init?(id: String) {
    guard let match = Urgency.allCases.first(where: { $0.id == id }) else { return nil }
    self = match
  }

  public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.rawValue < rhs.rawValue }
}
