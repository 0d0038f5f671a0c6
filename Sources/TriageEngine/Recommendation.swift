/// A rule that fired, with the findings and numbers that fired it: the rationale a clinician reads.
public struct FiredRule: Sendable, Hashable {
  /// The rule (identifier, title, urgency, source).
  public let rule: Rule
  /// The findings answered `yes` that fired it.
  public let findings: [Finding]
  /// The numbers (age, weeks) that fired it.
  public let inputs: NumericInputs

  /// The evidence as contract identifiers: findings, then numbers.
  public var evidence: [String] { findings.map(\.id) + inputs.ids }
}

/// How serious an MRI-safety item is.
public enum SafetyLevel: String, Sendable, Hashable, Comparable {
  /// Do not scan until resolved: the item changes the imaging or says what must happen first.
  case stop
  /// Scan with precautions.
  case caution
  /// For information.
  case info

  var rank: Int {
    switch self {
    case .stop: 0
    case .caution: 1
    case .info: 2
    }
  }

  public static func < (lhs: SafetyLevel, rhs: SafetyLevel) -> Bool { lhs.rank < rhs.rank }
}

/// An MRI-safety item (reference A10, `SF-` rules).
public struct SafetyItem: Sendable, Hashable {
  /// The rule identifier, for example `SF-4`.
  public let id: String
  /// How serious it is.
  public let level: SafetyLevel
  /// What to do.
  public let message: String
  /// For a `stop` that leaves an MRI in the plan: what must happen before the scan.
  public let before: String?
  /// The source, with its year.
  public let source: String
  /// The findings that raised it.
  public let findings: [Finding]
}

/// The engine's output: the shape of `spec/questionnaire.md` section 3.
public struct Recommendation: Sendable, Hashable {
  /// How soon.
  public let urgency: Urgency
  /// The timeframe, in words.
  public let timeframe: String
  /// The recommended studies, the main one first; empty when `urgency` is `none`.
  public let imaging: [ImagingStudy]
  /// What to do instead, and when.
  public let alternatives: [Alternative]
  /// Every rule that fired, deciding rules first.
  public let rules: [FiredRule]
  /// MRI-safety items, stops first.
  public let safety: [SafetyItem]
  /// Unknown findings that could raise the urgency if they were `yes`.
  public let missingFindings: [Finding]
  /// Numbers not recorded that could raise the urgency.
  public let missingInputs: NumericInputs
  /// For `none` and `routine`: what should bring the patient back.
  public let safetyNet: [String]
  /// The rule set's version.
  public let ruleset: String

  /// The word shown on screen.
  public var label: String { urgency.label }
  /// The main study, if any.
  public var mainStudy: ImagingStudy? { imaging.first }
  /// The contract's `missing` list: finding identifiers, then numbers.
  public var missing: [String] { missingFindings.map(\.id) + missingInputs.ids }
  /// The safety items that stop the scan.
  public var stops: [SafetyItem] { safety.filter { $0.level == .stop } }
}
