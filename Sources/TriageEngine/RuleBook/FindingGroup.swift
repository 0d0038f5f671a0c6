/// A named group of findings that rules test together (for example the NEXUS criteria), written
/// once and read by name in `rules --explain`.
public struct FindingGroup: Sendable, Hashable {
  /// What the group is, in words (for example "the NEXUS criteria").
  public let name: String
  /// The findings of the group.
  public let members: FindingSet

  /// Creates a group.
  public init(_ name: String, _ members: FindingSet) {
    self.name = name
    self.members = members
  }

  /// The union of two groups, named by `name`.
  public func adding(_ other: FindingSet, as name: String) -> FindingGroup {
    FindingGroup(name, members.union(other))
  }
}

extension FindingGroup: ExpressibleByArrayLiteral {
  /// An unnamed group of a few findings, explained by listing them.
  public init(arrayLiteral elements: Finding...) { self.init("", FindingSet(elements)) }
}

extension FindingGroup {
  /// Low back pain or leg radiation.
  public static let lowSite = FindingGroup(
    "low back or leg symptoms", [.painLowBack, .radiatesLeg])
  /// Neck pain or arm radiation.
  public static let neckSite = FindingGroup("neck or arm symptoms", [.painNeck, .radiatesArm])
  /// Pain between the shoulder blades.
  public static let midSite = FindingGroup("interscapular pain", [.painMidBack])
  /// Pain after an injury: the injury entry, or an older form's trauma answer (each implies
  /// the injury).
  public static let trauma = FindingGroup(
    "an injury", [.injury, .traumaMajor, .traumaMinor])
  /// The mechanism of the injury, as answered (an explanation names the one answered).
  public static let mechanism = FindingGroup(
    "the mechanism of the injury",
    [.traumaMajor, .dangerousMechanism, .traumaMinor, .mechanismOther])
  /// A high-energy mechanism: the Canadian rule's dangerous mechanism, or an older form's
  /// high-energy trauma.
  public static let highEnergy = FindingGroup(
    "a dangerous (high-energy) mechanism", [.traumaMajor, .dangerousMechanism])
  /// Midline tenderness of the neck, or at a level an older record did not give.
  public static let cervicalTenderness = FindingGroup(
    "midline tenderness of the neck (or at a level not recorded)",
    [.midlineTendernessCervical, .midlineTenderness])
  /// Midline tenderness of the thoracic or lumbar spine.
  public static let thoracolumbarTenderness = FindingGroup(
    "midline tenderness of the thoracic or lumbar spine", [.midlineTendernessThoracolumbar])
  /// Midline tenderness at any level.
  public static let tenderness = FindingGroup(
    "midline spinal tenderness",
    [.midlineTenderness, .midlineTendernessCervical, .midlineTendernessThoracolumbar])
  /// The core features of cauda equina syndrome.
  public static let cesCore = FindingGroup(
    "bladder or bowel dysfunction, saddle anaesthesia or urinary retention",
    [.bladderBowel, .saddleAnesthesia, .urinaryRetention])
  /// A severe or progressive deficit.
  public static let bothLegsSevere = FindingGroup(
    "severe weakness, or progressive weakness or numbness",
    [.severeWeakness, .progressiveWeakness, .progressiveNumbness])
  /// Cord signs or symptoms.
  public static let myelopathy = FindingGroup(
    "upper motor neuron signs or cord symptoms", [.umnSigns, .myelopathySymptoms])
  /// A severe or progressive deficit, or a deficit of both sides.
  public static let severeOrProgressive = FindingGroup(
    "a severe or progressive deficit, or a deficit of both sides",
    [.progressiveWeakness, .progressiveNumbness, .severeWeakness, .bilateralDeficit])
  /// NICE: radicular pain, limb weakness, difficulty walking, sensory loss, bladder or bowel
  /// dysfunction, signs of cord or cauda equina compression.
  public static let cancerNeuro = FindingGroup(
    "neurological symptoms or signs (radicular pain, weakness, sensory loss, bladder or bowel dysfunction, cord or cauda equina signs)",
    [
      .radiatesLeg, .radiatesArm, .progressiveWeakness, .progressiveNumbness, .severeWeakness,
      .bilateralDeficit, .focalDeficit, .umnSigns, .myelopathySymptoms, .bladderBowel,
      .saddleAnesthesia, .urinaryRetention,
    ])
  /// NICE CG75 symptoms suggestive of spinal metastases that we ask.
  public static let metastasisSymptoms = FindingGroup(
    "symptoms suggesting spinal metastases",
    [
      .painNeck, .painMidBack, .nightPain, .painOnStraining, .midlineTenderness,
      .midlineTendernessCervical, .midlineTendernessThoracolumbar,
    ])
  /// Any neurological deficit.
  public static let neuroDeficit = FindingGroup(
    "a neurological deficit",
    [
      .progressiveWeakness, .progressiveNumbness, .severeWeakness, .bilateralDeficit,
      .focalDeficit, .umnSigns, .myelopathySymptoms, .bladderBowel, .saddleAnesthesia,
      .urinaryRetention,
    ])
  /// Signs of a cord or nerve-root injury.
  public static let cordInjury = FindingGroup(
    "signs of cord or nerve-root injury",
    [.focalDeficit, .severeWeakness, .bilateralDeficit, .umnSigns, .limbParesthesia])
  /// What points a cord or root injury to the neck: arm symptoms, neck pain or tenderness,
  /// paresthesias of the limbs, upper motor neuron signs.
  public static let neckLevel = FindingGroup(
    "arm symptoms, neck pain or tenderness, limb paresthesias or upper motor neuron signs",
    [
      .radiatesArm, .painNeck, .midlineTendernessCervical, .midlineTenderness,
      .limbParesthesia, .umnSigns,
    ])
  /// What points a cord or root injury to the thoracic or lumbar spine.
  public static let thoracolumbarLevel = FindingGroup(
    "back or leg symptoms, or thoracic or lumbar tenderness",
    [.painLowBack, .radiatesLeg, .painMidBack, .midlineTendernessThoracolumbar])
  /// A deficit after an injury that the thoracic and lumbar MRI looks for.
  public static let thoracolumbarDeficit = neuroDeficit.adding(
    [.limbParesthesia], as: "a neurological deficit or limb paresthesias")
  /// Fever, reported or measured.
  public static let fever = FindingGroup("fever", [.feverHistory, .feverMeasured])
  /// Fever or raised inflammatory markers.
  public static let infectionSigns = FindingGroup(
    "fever or raised inflammatory markers", [.feverHistory, .feverMeasured, .abnormalLabs])
  /// Risk factors for spinal infection.
  public static let infectionRisk = FindingGroup(
    "an infection risk factor",
    [.ivDrugUse, .recentInfection, .immunosuppression, .cancerHistory])
  /// The infection risks ACP 2011 names for immediate MRI.
  public static let acpInfection = FindingGroup(
    "IV drug use or a recent infection", [.ivDrugUse, .recentInfection])
  /// Fracture risks of the back (inflammatory arthritis only with an injury: rule TR-7).
  public static let fractureRisk = FindingGroup(
    "a fracture risk", [.traumaMinor, .osteoporosis, .steroids])
  /// Systemic fracture risks (whatever the site).
  public static let systemicFractureRisk = FindingGroup(
    "osteoporosis or long-term steroids", [.osteoporosis, .steroids])
  /// The ACR Back Pain-Child red flags we ask, besides pain for more than 4 weeks and an
  /// abnormal neurological examination: night pain, radicular pain and the systemic flags.
  public static let childRedFlags = FindingGroup(
    "a red flag in a child (night pain, radicular pain, a systemic flag)",
    [
      .nightPain, .radiatesLeg, .radiatesArm, .weightLoss, .feverHistory, .feverMeasured,
      .cancerHistory, .immunosuppression, .recentInfection, .steroids, .osteoporosis,
      .abnormalLabs,
    ])
  /// An abnormal neurological examination in a child.
  public static let childNeuro = FindingGroup(
    "an abnormal neurological examination",
    [
      .focalDeficit, .severeWeakness, .bilateralDeficit, .umnSigns, .progressiveWeakness,
      .progressiveNumbness, .myelopathySymptoms,
    ])
  /// Infection risks that are neck red flags.
  public static let neckInfectionRisk = FindingGroup(
    "IV drug use, immunosuppression or a recent infection",
    [.ivDrugUse, .immunosuppression, .recentInfection])
  /// The five NEXUS criteria (an unresponsive patient has altered alertness); tenderness is
  /// the neck's (or an older record's, level not recorded).
  public static let nexus = FindingGroup(
    "the NEXUS criteria",
    [
      .midlineTenderness, .midlineTendernessCervical, .focalDeficit, .alteredAlertness,
      .intoxication, .distractingInjury,
    ])
  /// The NEXUS criteria other than tenderness: all must be no to clear (with a neck that is
  /// not tender: ``Condition/noNeckTenderness``).
  public static let nexusBesidesTenderness = FindingGroup(
    "the NEXUS criteria other than tenderness",
    [.focalDeficit, .alteredAlertness, .intoxication, .distractingInjury])
  /// The NEXUS criteria asked today (the tenderness by level).
  public static let nexusAsked = FindingGroup(
    "the NEXUS criteria",
    [
      .midlineTendernessCervical, .focalDeficit, .alteredAlertness, .intoxication,
      .distractingInjury,
    ])
  /// The NEXUS criteria, or an unresponsive patient.
  public static let nexusPositive = nexus.adding(
    [.unresponsive], as: "a NEXUS criterion, or unresponsive")
  /// What makes the neck impossible to clear clinically when the patient reports no neck pain.
  public static let unreliableNeck = FindingGroup(
    "an unreliable examination, a deficit, paresthesias or instability",
    [
      .alteredAlertness, .unresponsive, .intoxication, .distractingInjury, .focalDeficit,
      .limbParesthesia, .abnormalABC, .midlineTendernessCervical, .midlineTenderness,
    ])
  /// The answers that must be `no` to clear the neck of a patient without neck pain (with a
  /// neck that is not tender: ``Condition/noNeckTenderness``).
  public static let reliableExamination = FindingGroup(
    "signs of an unreliable examination",
    [.alteredAlertness, .intoxication, .distractingInjury, .focalDeficit])
  /// The Canadian rule's exclusions that must be answered `no` before it can clear the neck.
  public static let ccrExclusions = FindingGroup(
    "the Canadian rule's exclusions",
    [.alteredAlertness, .severeWeakness, .priorSpineSurgery, .inflammatoryArthritis])
  /// The Canadian rule's exclusions, with an unresponsive or unstable patient.
  public static let ccrNotApplicable = ccrExclusions.adding(
    [.unresponsive, .abnormalABC], as: "an exclusion of the Canadian rule")
  /// PECARN high-risk factors (children under 16).
  public static let pecarnHigh = FindingGroup(
    "a PECARN high-risk factor",
    [.unresponsive, .abnormalABC, .focalDeficit, .severeWeakness, .limbParesthesia])
  /// PECARN moderate-risk factors.
  public static let pecarnModerate = FindingGroup(
    "a PECARN moderate-risk factor",
    [
      .alteredAlertness, .painNeck, .midlineTendernessCervical, .midlineTenderness,
      .torsoHeadInjury,
    ])
  /// The PECARN answers that must be `no` to clear a child's neck clinically (as asked today:
  /// the tenderness of the neck).
  public static let pecarnClearance = FindingGroup(
    "the PECARN clearance items",
    [.alteredAlertness, .focalDeficit, .painNeck, .midlineTendernessCervical])
  /// The PECARN clearance items other than tenderness (with a neck that is not tender:
  /// ``Condition/noNeckTenderness``).
  public static let pecarnClearanceBesidesTenderness = FindingGroup(
    "the PECARN clearance items other than tenderness",
    [.alteredAlertness, .focalDeficit, .painNeck])
  /// After high-energy trauma, what calls for thoracic and lumbar imaging besides back pain.
  public static let thoracolumbarConcern = FindingGroup(
    "an unreliable examination",
    [.alteredAlertness, .unresponsive, .intoxication, .distractingInjury])
  /// The Canadian rule's high-risk factors (other than age).
  public static let ccrHighRisk = FindingGroup(
    "a dangerous mechanism or paresthesias", [.dangerousMechanism, .limbParesthesia])
  /// The Canadian rule's low-risk factors.
  public static let ccrLowRisk = FindingGroup(
    "a Canadian rule low-risk factor",
    [.simpleRearEnd, .sittingInED, .ambulatory, .delayedNeckPain])
  /// Spinal pain, tenderness, or an examination that cannot exclude them.
  public static let spinalPain = FindingGroup(
    "spinal pain or tenderness, or an examination that cannot exclude them",
    lowSite.members.union(neckSite.members).union(midSite.members).union(tenderness.members)
      .union(thoracolumbarConcern.members))
  /// Back or interscapular symptoms, an unreliable examination or a deficit (after high-energy
  /// trauma).
  public static let thoracolumbarTrauma = FindingGroup(
    "back symptoms, an unreliable examination or a deficit",
    lowSite.members.union(midSite.members).union(thoracolumbarConcern.members)
      .union(neuroDeficit.members).union([.midlineTendernessThoracolumbar]))
}

extension Condition {
  /// The neck is not tender: its level answered no, or, while the level is unanswered, an
  /// older record's tenderness without a level answered no (the earlier form asked once for
  /// the whole spine, so its no means no tenderness at any level); never with that older
  /// tenderness answered yes.
  public static let noNeckTenderness: Condition = .all([
    .any([
      .no(.midlineTendernessCervical),
      .all([.no(.midlineTenderness), .unanswered(.midlineTendernessCervical)]),
    ]),
    .not(.yes(.midlineTenderness)),
  ])
}
