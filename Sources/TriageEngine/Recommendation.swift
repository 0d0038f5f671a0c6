/// A rule that fired, with the findings and numbers that fired it: the rationale a clinician reads.
public struct FiredRule: Sendable, Hashable {
  /// The rule (identifier, title, urgency, source).
  public let rule: Rule
  /// The findings answered `yes` that fired it, as a set (no list is made until one is read).
  public let findingSet: FindingSet
  /// The numbers (age, weeks) that fired it.
  public let inputs: NumericInputs

  /// The findings answered `yes` that fired it, in catalogue order.
  public var findings: [Finding] { findingSet.members }

  /// The evidence as contract identifiers: findings, then numbers.
  public var evidence: [String] { findings.map(\.id) + inputs.ids }
  /// The evidence in words (short labels), for people.
  public var evidenceLabels: [String] { findings.map(\.question.label) + inputs.labels }
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

/// An MRI-safety item (the `SF-` rules).
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
  /// The findings that raised it, as a set (no list is made until one is read).
  public let findingSet: FindingSet

  /// The findings that raised it, in catalogue order.
  public var findings: [Finding] { findingSet.members }
}

/// How far the recommendation can be relied on (README, "The answers file").
public enum RecommendationStatus: String, Sendable, Hashable, CaseIterable {
  /// Nothing unanswered could change it.
  case final
  /// Answers that could raise the urgency, add a study or a region, or stand between the patient
  /// and clearance are missing.
  case provisional
  /// No presenting complaint yet: no pain site and no trauma answered yes.
  case incomplete

  /// The word shown to a clinician: `FINAL`, `PROVISIONAL`, `INCOMPLETE`.
  public var label: String { rawValue.uppercased() }
}

/// The engine's output: the shape of the recommendation JSON (README, "The answers file").
public struct Recommendation: Sendable, Hashable {
  /// How soon.
  public let urgency: Urgency
  /// Final, provisional or incomplete.
  public let status: RecommendationStatus
  /// The timeframe, in words (of the study actually recommended).
  public let timeframe: String
  /// The latest time to the study in hours, when the timeframe is one (4 for suspected cauda
  /// equina syndrome, 24 for urgent, 168 for soon); front ends turn it into a clock time from
  /// the moment the urgency was reached.
  public let timeframeHours: Int?
  /// The recommended studies, the main one first; empty when `urgency` is `none`.
  public let imaging: [ImagingStudy]
  /// What to do instead, and when.
  public let alternatives: [Alternative]
  /// Every rule that fired, deciding rules first.
  public let rules: [FiredRule]
  /// MRI-safety items, stops first.
  public let safety: [SafetyItem]
  /// Unknown findings whose answer could raise the urgency, add a study or a region, or stand
  /// between the patient and clearance.
  public let missingFindings: [Finding]
  /// Numbers not recorded whose value could change the recommendation.
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
  /// The missing answers in words (short labels), for people.
  public var missingLabels: [String] {
    missingFindings.map(\.question.label) + missingInputs.labels
  }
  /// The rules that explain the decision (everything but the notes on where the source article
  /// differs, which belong in a closing section).
  public var reasons: [FiredRule] { rules.filter { !$0.rule.isSeedNote } }
  /// Where this advice differs from the iCliniq article this aid started from: one plain
  /// sentence for each difference this patient's answers touch (a yes answer the difference is
  /// about among the rule's evidence, or the age the rule used), each once.
  public var seedDifferences: [String] {
    var seen: [String] = []
    for fired in rules {
      guard let text = fired.rule.seedDifference, !seen.contains(text) else { continue }
      let touched =
        !fired.findingSet.intersection(fired.rule.seedAbout).isEmpty
        || (fired.rule.seedAboutAge && fired.inputs.contains(.age))
      if touched { seen.append(text) }
    }
    return seen
  }
  /// The status in words with what it rests on, for example "PROVISIONAL: 3 answers that could
  /// change this are missing".
  public var statusLine: String {
    switch status {
    case .final: return "FINAL: no unanswered question could change this recommendation"
    case .provisional:
      let count = missingFindings.count + missingInputs.labels.count
      return "PROVISIONAL: \(count) answer\(count == 1 ? "" : "s") that could change this "
        + (count == 1 ? "is" : "are") + " missing"
    case .incomplete:
      return "INCOMPLETE: no presenting complaint yet (no pain site and no trauma answered yes)"
    }
  }
  /// The safety items that stop the scan.
  public var stops: [SafetyItem] { safety.filter { $0.level == .stop } }
}
