/// One rule of the book, as one value: its identifier and metadata (``Rule``), the phase it is
/// evaluated in, and one or more arms, each a condition with the evidence it reports, the
/// numbers it used, the unanswered findings that stand between the patient and clearance, and
/// the plan it proposes. A rule fires once for each arm whose condition holds.
public struct BookRule: Sendable {
  /// The identifier (its position in ``RuleID`` is its precedence).
  public let id: RuleID
  /// The metadata: code, title, urgency, source, year, certainty, timeframe, notes.
  public let rule: Rule
  /// When the rule is evaluated.
  public let phase: Phase
  /// The arms: a condition and what firing on it reports and proposes.
  public let arms: [Arm]
  /// Whether the rule's MRI looks for compression of the cord or roots (when MRI is
  /// impossible, CT myelography is the alternative).
  public let looksForCompression: Bool
  /// Whether the rule assesses the aorta, which comes before any spine imaging.
  public let aortaFirst: Bool

  /// When a rule is evaluated.
  public enum Phase: Sendable, Hashable {
    /// With the indication rules, in book order.
    case indication
    /// Only when no indication rule set an urgency above "no imaging now".
    case fallback
    /// For the record only (seed differences, age notes): never changes the decision.
    case note
    /// After the decision, explaining the regions of the studies chosen.
    case region
  }

  /// One condition of a rule, with what firing on it reports and proposes.
  public struct Arm: Sendable {
    /// When the arm fires.
    public let condition: Condition
    /// The findings reported as the reason: the `yes` answers among each group whose condition
    /// holds.
    public let evidence: [Evidence]
    /// The numbers reported as used.
    public let inputs: [InputUse]
    /// Unanswered findings that, together, stand between the patient and clearance.
    public let pending: [Evidence]
    /// The studies and alternatives proposed.
    public let plan: PlanSpec

    /// Creates an arm.
    public init(
      when condition: Condition, evidence: [Evidence], inputs: [InputUse] = [],
      pending: [Evidence] = [], plan: PlanSpec = .nothing
    ) {
      self.condition = condition
      self.evidence = evidence
      self.inputs = inputs
      self.pending = pending
      self.plan = plan
    }
  }

  /// A group of findings reported (its `yes` answers, or for ``Arm/pending`` its unanswered
  /// ones), when a condition holds.
  public struct Evidence: Sendable, Hashable {
    /// The findings.
    public let group: FindingGroup
    /// When they are reported.
    public let when: Condition

    /// The findings of `group`, reported when `condition` holds.
    public static func of(_ group: FindingGroup, when condition: Condition = .always) -> Evidence {
      Evidence(group: group, when: condition)
    }
  }

  /// Numbers reported as used, when a condition holds.
  public struct InputUse: Sendable, Hashable {
    /// The numbers.
    public let inputs: NumericInputs
    /// When they are reported.
    public let when: Condition

    /// The numbers `inputs`, reported when `condition` holds.
    public static func of(_ inputs: NumericInputs, when condition: Condition = .always) -> InputUse
    {
      InputUse(inputs: inputs, when: condition)
    }
  }

  /// A rule with several arms.
  public init(
    _ id: RuleID, _ rule: Rule, phase: Phase = .indication, compression: Bool = false,
    aortaFirst: Bool = false, arms: [Arm]
  ) {
    self.id = id
    self.rule = rule
    self.phase = phase
    self.arms = arms
    self.looksForCompression = compression
    self.aortaFirst = aortaFirst
  }

  /// A rule with one arm.
  public init(
    _ id: RuleID, _ rule: Rule, phase: Phase = .indication, compression: Bool = false,
    aortaFirst: Bool = false, when condition: Condition, evidence: [Evidence],
    inputs: [InputUse] = [], pending: [Evidence] = [], plan: PlanSpec = .nothing
  ) {
    self.init(
      id, rule, phase: phase, compression: compression, aortaFirst: aortaFirst,
      arms: [
        Arm(when: condition, evidence: evidence, inputs: inputs, pending: pending, plan: plan)
      ])
  }
}
