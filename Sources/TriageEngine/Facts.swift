/// The answers seen through the rules' eyes: derived facts computed once per evaluation.
///
/// Helpers return the findings answered `yes` among a group (what fired a rule), so a rule both
/// tests and reports its evidence from one expression.
struct Facts {
  let answers: Answers
  let yes: FindingSet
  let no: FindingSet

  /// Findings answered `yes` at each site.
  let lowSite: FindingSet
  let neckSite: FindingSet
  let midSite: FindingSet

  init(_ answers: Answers) {
    self.answers = answers
    yes = answers.yesSet
    no = answers.noSet
    lowSite = yes.intersection(Groups.lowSite)
    neckSite = yes.intersection(Groups.neckSite)
    midSite = yes.intersection(Groups.midSite)
  }

  @inline(__always) func isYes(_ finding: Finding) -> Bool { yes.contains(finding) }
  @inline(__always) func isNo(_ finding: Finding) -> Bool { no.contains(finding) }
  /// The findings of `group` answered yes.
  @inline(__always) func hits(_ group: FindingSet) -> FindingSet { yes.intersection(group) }
  /// Whether every finding of `group` is answered no.
  @inline(__always) func allNo(_ group: FindingSet) -> Bool { no.isSuperset(of: group) }

  var age: Int? { answers.age }
  var hasLow: Bool { !lowSite.isEmpty }
  var hasNeck: Bool { !neckSite.isEmpty }
  var hasMid: Bool { !midSite.isEmpty }
  var noSite: Bool { !hasLow && !hasNeck && !hasMid }

  /// `age > limit`, false when age is not recorded (callers list `age` in missing via the flip test).
  @inline(__always) func ageOver(_ limit: Int) -> Bool { (answers.age ?? Int.min) > limit }

  /// The region a symptom-driven study should cover (RG-1, RG-2, RG-5); whole spine when the
  /// symptoms point to several regions or to none.
  var symptomRegion: SpineRegion {
    let arm = isYes(.radiatesArm)
    let cervical = hasNeck || (hasMid && arm)
    let thoracic = hasMid && !arm
    let lumbar = hasLow
    switch (cervical, thoracic, lumbar) {
    case (true, false, false): return .cervical
    case (false, true, false): return .thoracic
    case (false, false, true): return .lumbar
    default: return .wholeSpine
    }
  }

  /// The cord level for upper-motor-neuron signs or bilateral deficits (RG-3): cervical with
  /// neck or arm symptoms, thoracic with interscapular pain alone, else the whole spine.
  var cordRegion: SpineRegion {
    if hasNeck && !hasMid { return .cervical }
    if hasMid && !hasNeck && !isYes(.radiatesArm) { return .thoracic }
    return .wholeSpine
  }

  /// The region for a study that belongs to the low back branch: lumbar unless the symptoms
  /// point elsewhere.
  var lowBackRegion: SpineRegion {
    let region = symptomRegion
    return region == .wholeSpine && noSite ? .lumbar : region
  }
}

/// The finding groups the rules test, written once.
enum Groups {
  static let lowSite: FindingSet = [.painLowBack, .radiatesLeg]
  static let neckSite: FindingSet = [.painNeck, .radiatesArm]
  static let midSite: FindingSet = [.painMidBack]
  static let trauma: FindingSet = [.traumaMajor, .traumaMinor]
  static let cesCore: FindingSet = [.bladderBowel, .saddleAnesthesia, .urinaryRetention]
  static let bothLegsSevere: FindingSet = [
    .severeWeakness, .progressiveWeakness, .progressiveNumbness,
  ]
  static let myelopathy: FindingSet = [.umnSigns, .myelopathySymptoms]
  static let severeOrProgressive: FindingSet = [
    .progressiveWeakness, .progressiveNumbness, .severeWeakness, .bilateralDeficit,
  ]
  /// NICE: radicular pain, limb weakness, difficulty walking, sensory loss, bladder or bowel
  /// dysfunction, signs of cord or cauda equina compression.
  static let cancerNeuro: FindingSet = [
    .radiatesLeg, .radiatesArm, .progressiveWeakness, .progressiveNumbness, .severeWeakness,
    .bilateralDeficit, .focalDeficit, .umnSigns, .myelopathySymptoms, .bladderBowel,
    .saddleAnesthesia, .urinaryRetention,
  ]
  /// NICE CG75 symptoms suggestive of spinal metastases that we ask.
  static let metastasisSymptoms: FindingSet = [
    .painNeck, .painMidBack, .nightPain, .painOnStraining, .midlineTenderness,
  ]
  static let neuroDeficit: FindingSet = [
    .progressiveWeakness, .progressiveNumbness, .severeWeakness, .bilateralDeficit, .focalDeficit,
    .umnSigns, .myelopathySymptoms, .bladderBowel, .saddleAnesthesia, .urinaryRetention,
  ]
  static let cordInjury: FindingSet = [
    .focalDeficit, .severeWeakness, .bilateralDeficit, .umnSigns,
  ]
  static let fever: FindingSet = [.feverHistory, .feverMeasured]
  static let infectionRisk: FindingSet = [
    .ivDrugUse, .recentInfection, .immunosuppression, .cancerHistory,
  ]
  static let acpInfection: FindingSet = [.ivDrugUse, .recentInfection]
  static let fractureRisk: FindingSet = [.traumaMinor, .osteoporosis, .steroids]
  static let nexus: FindingSet = [
    .midlineTenderness, .focalDeficit, .alteredAlertness, .intoxication, .distractingInjury,
  ]
  static let ccrExclusions: FindingSet = [
    .alteredAlertness, .severeWeakness, .priorSpineSurgery, .inflammatoryArthritis,
  ]
  static let ccrHighRisk: FindingSet = [.dangerousMechanism, .limbParesthesia]
  static let ccrLowRisk: FindingSet = [.simpleRearEnd, .sittingInED, .ambulatory, .delayedNeckPain]
}
