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
    case .emergency: "Now: within 4 hours"
    }
  }

  /// The latest time to the study in hours for this urgency: 4 for an `emergency` whose rule
  /// sets no clock of its own (every emergency rule of the book sets one), 24 for `urgent`, 168
  /// (1 week) for `soon`; `nil` for routine imaging and for no imaging. Never `nil` for urgent
  /// or emergency.
  public var defaultTimeframeHours: Int? {
    switch self {
    case .emergency: 4
    case .urgent: 24
    case .soon: 168
    case .none, .routine: nil
    }
  }

  /// Parses a contract identifier.
  public init?(id: String) {
    guard let match = Urgency.allCases.first(where: { $0.id == id }) else { return nil }
    self = match
  }

  public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.rawValue < rhs.rawValue }
}
