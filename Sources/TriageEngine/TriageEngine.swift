/// The triage engine: answers in, recommendation out. Pure: no I/O, no global state, no clock.
public enum TriageEngine {
  /// Evaluates `answers` against the rule set.
  public static func evaluate(_ answers: Answers) -> Recommendation {
    let facts = Facts(answers)
    var sink = CollectingSink()
    RuleEvaluator.run(facts, into: &sink)
    let urgency = sink.topUrgency

    // Deciding rules first (highest urgency, then precedence), notes last.
    let ordered = sink.firings.enumerated().sorted { lhs, rhs in
      let l = lhs.element.rule.rule.urgency?.rawValue ?? -1
      let r = rhs.element.rule.rule.urgency?.rawValue ?? -1
      if l != r { return l > r }
      if lhs.element.rule.rawValue != rhs.element.rule.rawValue {
        return lhs.element.rule.rawValue < rhs.element.rule.rawValue
      }
      return lhs.offset < rhs.offset
    }.map(\.element)

    var imaging: [ImagingStudy] = []
    var alternatives: [Alternative] = []
    if urgency > .none {
      for firing in ordered {
        guard let ruleUrgency = firing.rule.rule.urgency, ruleUrgency > .none else { continue }
        for study in firing.plan.imaging where !isCovered(study, by: imaging) {
          imaging.append(study)
        }
        if ruleUrgency == urgency {
          for alternative in firing.plan.alternatives
          where !alternatives.contains(alternative) && !imaging.contains(alternative.study) {
            alternatives.append(alternative)
          }
        }
      }
    }
    let deciding = ordered.first { $0.rule.rule.urgency == urgency }
    let timeframe = deciding?.rule.rule.timeframe ?? urgency.defaultTimeframe

    var firings = ordered
    firings.append(contentsOf: regionNotes(facts, imaging: imaging, firings: ordered))

    let safety = SafetyModifiers.apply(
      facts, urgency: urgency, imaging: imaging, alternatives: alternatives,
      compression: ordered.contains { compressionRules.contains($0.rule) })

    let (missingFindings, missingInputs) = missing(answers, current: urgency)
    return Recommendation(
      urgency: urgency,
      timeframe: timeframe,
      imaging: safety.imaging,
      alternatives: safety.alternatives,
      rules: deduplicated(firings),
      safety: safety.items,
      missingFindings: missingFindings,
      missingInputs: missingInputs,
      safetyNet: SafetyNet.advice(facts, urgency: urgency),
      ruleset: RuleBook.version)
  }

  /// The urgency alone, without building the recommendation (no allocation).
  public static func urgency(of answers: Answers) -> Urgency {
    var sink = UrgencySink()
    RuleEvaluator.run(Facts(answers), into: &sink)
    return sink.topUrgency
  }

  /// Rules whose MRI looks for compression of the cord or roots: when MRI is impossible, CT
  /// myelography is the alternative (ACR LBP V4, NICE).
  static let compressionRules: [RuleID] = [
    .ces1, .lbp4, .ca2, .my1, .my2, .tr3, .tr6, .acp2, .inf3,
  ]

  /// Whether `study` adds nothing to `studies`: the same study, or a radiograph of a region
  /// already covered by CT or MRI, or an MRI/CT of a region a same-modality study already covers.
  static func isCovered(_ study: ImagingStudy, by studies: [ImagingStudy]) -> Bool {
    studies.contains { existing in
      if existing == study { return true }
      if study.modality == .radiograph {
        return existing.modality != .radiograph && existing.region.covers(study.region)
      }
      return existing.modality == study.modality && existing.region.covers(study.region)
        && (existing.contrast == study.contrast || existing.contrast == .withAndWithout)
    }
  }

  /// The findings whose `yes` can raise the urgency: risk findings and pain sites.
  static let flippable = FindingSet(
    Finding.allCases.filter {
      $0.question.polarity == .risk || $0.question.polarity == .site
    })

  /// Unknown findings (and unrecorded numbers) that would raise the urgency if answered `yes`
  /// (or recorded): each is flipped alone and the rules run again.
  static func missing(_ answers: Answers, current: Urgency) -> ([Finding], NumericInputs) {
    guard current < .emergency else { return ([], []) }
    var findings: [Finding] = []
    let answered = answers.yesSet.union(answers.noSet)
    for finding in Finding.allCases
    where flippable.contains(finding) && !answered.contains(finding) {
      var flipped = answers
      flipped[finding] = .yes
      if urgency(of: flipped) > current { findings.append(finding) }
    }
    var inputs: NumericInputs = []
    func raises(_ change: (inout Answers) -> Void) -> Bool {
      var flipped = answers
      change(&flipped)
      return urgency(of: flipped) > current
    }
    if answers.age == nil, [10, 40, 60, 80].contains(where: { age in raises { $0.age = age } }) {
      inputs.insert(.age)
    }
    if answers.symptomWeeks == nil,
      [1, 52].contains(where: { weeks in raises { $0.symptomWeeks = weeks } })
    {
      inputs.insert(.symptomWeeks)
    }
    if answers.conservativeWeeks == nil,
      raises({ $0.conservativeWeeks = max(6, $0.symptomWeeks ?? 52) })
    {
      inputs.insert(.conservativeWeeks)
    }
    return (findings, inputs)
  }

  /// The region notes (RG-) that explain the studies chosen.
  static func regionNotes(_ f: Facts, imaging: [ImagingStudy], firings: [Firing]) -> [Firing] {
    var notes: [Firing] = []
    func note(_ rule: RuleID, _ findings: FindingSet) {
      notes.append(Firing(rule: rule, findings: findings, inputs: [], plan: Plan()))
    }
    let rules = firings.map(\.rule)
    let regions = imaging.map(\.region)
    func fired(_ candidates: [RuleID]) -> Bool { candidates.contains { rules.contains($0) } }
    if (regions.contains(.lumbar) || regions.contains(.lumbosacral))
      && (f.isYes(.radiatesLeg) || rules.contains(.ces1))
    {
      note(.rg1, f.hits([.radiatesLeg]).union(f.hits(Groups.cesCore)))
    }
    if regions.contains(.cervical) && f.isYes(.radiatesArm) { note(.rg2, [.radiatesArm]) }
    if fired([.my1, .my2])
      || (f.isYes(.bilateralDeficit) && rules.contains(.acp2))
    {
      note(.rg3, f.hits(Groups.myelopathy.union([.bilateralDeficit])))
    }
    if fired([.ca1, .ca2]) { note(.rg4, [.cancerHistory]) }
    if f.hasMid && !imaging.isEmpty { note(.rg5, f.hits([.painMidBack, .radiatesArm])) }
    if fired([.inf1, .inf2, .inf3, .inf4]) {
      note(.rg6, f.hits(Groups.fever.union([.abnormalLabs])))
    }
    return notes
  }

  /// One entry per rule identifier (a rule may fire from two branches): evidence merged.
  static func deduplicated(_ firings: [Firing]) -> [FiredRule] {
    var merged: [(rule: RuleID, findings: FindingSet, inputs: NumericInputs)] = []
    merged.reserveCapacity(firings.count)
    for firing in firings {
      if let index = merged.firstIndex(where: { $0.rule == firing.rule }) {
        merged[index].findings = merged[index].findings.union(firing.findings)
        merged[index].inputs.formUnion(firing.inputs)
      } else {
        merged.append((firing.rule, firing.findings, firing.inputs))
      }
    }
    return merged.map {
      FiredRule(rule: $0.rule.rule, findings: $0.findings.members, inputs: $0.inputs)
    }
  }
}
