/// The rule code as it was before the declarative book, kept as the ORACLE of the oracle test
/// (`RuleBookOracleTests`) until the book has given identical recommendations: reads ``Facts`` and fires rules into a ``RuleSink``, branch by branch in the
/// reference's precedence (trauma, emergency neurology, urgent, fracture, prior surgery,
/// persistent radiculopathy, default). Every rule's condition only ever gains from a `yes` on a
/// risk finding or a pain site, so a yes never lowers the urgency: no rule fires because a site
/// is *not* known (systemic red flags fire whatever the site; the site chooses the region).
enum LegacyRuleEvaluator {
  static let aorticRules: [RuleID] = [.aaa1, .aaa2]

  /// Rules whose MRI looks for compression of the cord or roots: when MRI is impossible, CT
  /// myelography is the alternative (ACR LBP V4, NICE).
  static let compressionRules: [RuleID] = [
    .ces1, .lbp4, .ca2, .my1, .my2, .tr3, .tr6, .acp2, .inf3, .seh1,
  ]

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
      || (f.isYes(.bilateralDeficit) && rules.contains(.acp2) && !f.hasLow)
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

  static func run<Sink: RuleSink>(_ f: Facts, into sink: inout Sink) {
    trauma(f, &sink)
    aorta(f, &sink)
    caudaEquina(f, &sink)
    cancer(f, &sink)
    myelopathy(f, &sink)
    epiduralHaematoma(f, &sink)
    infection(f, &sink)
    deficit(f, &sink)
    fracture(f, &sink)
    neckRedFlags(f, &sink)
    priorSurgery(f, &sink)
    persistent(f, &sink)
    if sink.topUrgency == .none { noImaging(f, &sink) }
    if sink.wantsNotes { notes(f, &sink) }
  }

  // MARK: Trauma (reference A8, A11)

  static func trauma<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    let trauma = f.hits(Groups.trauma)
    guard !trauma.isEmpty else { return }
    if f.isYes(.traumaMinor) { sink.fire(.tr5, [.traumaMinor]) }
    knownVertebralDisease(f, trauma, &sink)
    // The cervical spine is assessed after any trauma, whatever the pain-site answers.
    if let age = f.age, age < 16 {
      pediatricNeck(f, trauma, &sink)
    } else {
      adultNeck(f, trauma, &sink)
    }
    thoracolumbar(f, &sink)
  }

  /// Known vertebral disease (ankylosing spondylitis, DISH, inflammatory arthritis) after any
  /// trauma with spinal pain: CT of the whole spine, never cleared by a clinical rule.
  static func knownVertebralDisease<Sink: RuleSink>(
    _ f: Facts, _ trauma: FindingSet, _ sink: inout Sink
  ) {
    guard f.knownVertebralDiseaseTrauma else { return }
    let pain = f.spinalPain
    let deficit = f.hits(Groups.neuroDeficit)
    let evidence = trauma.union([.inflammatoryArthritis]).union(pain).union(deficit)
    sink.fire(.tr7, evidence, inputs: []) {
      var imaging = [ImagingStudy(.ct, .wholeSpine, .without)]
      if !deficit.isEmpty { imaging.append(ImagingStudy(.mri, .wholeSpine, .without)) }
      return Plan(
        imaging: imaging,
        alternatives: [
          Alternative(
            ImagingStudy(.mri, .wholeSpine, .without),
            when: "CT negative and pain persists, or any neurological deficit")
        ])
    }
  }

  static let cervicalCT = ImagingStudy(.ct, .cervical, .without)
  static func cervicalCTPlan() -> Plan {
    Plan(
      imaging: [cervicalCT],
      alternatives: [
        Alternative(
          ImagingStudy(.radiograph, .cervical, .none),
          when: "CT not available, or its reconstructions are not optimal")
      ])
  }

  /// Adults: NEXUS and the Canadian C-Spine Rule. With neck pain (or, after high-energy trauma,
  /// neck pain not yet asked) the neck is cleared only when both are negative; without neck pain
  /// only a reliable examination clears it.
  static func adultNeck<Sink: RuleSink>(_ f: Facts, _ trauma: FindingSet, _ sink: inout Sink) {
    let major = f.isYes(.traumaMajor)
    let neckPain = f.answer(.painNeck)
    let full = neckPain == .yes || (major && neckPain == .unknown)
    let context = trauma.union(f.hits([.painNeck]))
    let adult = f.age.map { (16..<65).contains($0) } ?? false
    let oldAge = f.age.map { $0 >= 65 } ?? false

    guard full else {
      // No neck pain (or low-velocity trauma with neck pain not asked): an unreliable
      // examination, a deficit, paresthesias or instability still mean imaging.
      let positive = f.hits(Groups.unreliableNeck)
      let nexusPositive = f.hits(Groups.nexus.union([.unresponsive]))
      if !nexusPositive.isEmpty { sink.fire(.nexusPositive, nexusPositive.union(context)) }
      if !positive.isEmpty {
        sink.fire(.tr2, context.union(positive), inputs: [], plan: cervicalCTPlan)
      } else if major {
        if f.allNo(Groups.reliableExamination) && adult {
          sink.fire(.tr1, context, inputs: .age)
        } else {
          sink.fire(.tr0, context, inputs: f.age == nil ? .age : [], plan: cervicalCTPlan)
          sink.pending(f.unknown(Groups.reliableExamination))
        }
      }
      return
    }

    // NEXUS
    let nexusPositive = f.hits(Groups.nexus.union([.unresponsive]))
    let nexusNegative = f.allNo(Groups.nexus)
    // Canadian C-Spine Rule
    let exclusions = f.hits(Groups.ccrExclusions.union([.unresponsive, .abnormalABC]))
    if !exclusions.isEmpty { sink.fire(.ccrNotApplicable, exclusions) }
    var ccrPositive = false
    // The exclusions stop the rule from clearing the neck, never from asking for imaging.
    let highRisk = f.hits(Groups.ccrHighRisk)
    if !highRisk.isEmpty || oldAge {
      ccrPositive = true
      sink.fire(.ccrHighRisk, highRisk.union(context), inputs: oldAge ? .age : [])
    }
    let lowRisk = f.hits(Groups.ccrLowRisk)
    let lowRiskAny = !lowRisk.isEmpty || f.isNo(.midlineTenderness)
    let lowRiskNone = f.allNo(Groups.ccrLowRisk) && f.isYes(.midlineTenderness)
    if lowRiskNone {
      ccrPositive = true
      sink.fire(.ccrNoLowRisk, context.union([.midlineTenderness]))
    } else if lowRiskAny && f.isNo(.canRotateNeck) {
      ccrPositive = true
      sink.fire(.ccrCannotRotate, context)
    }
    let ccrNegative =
      exclusions.isEmpty && f.allNo(Groups.ccrExclusions) && f.allNo(Groups.ccrHighRisk)
      && adult && lowRiskAny && f.isYes(.canRotateNeck)

    if !nexusPositive.isEmpty { sink.fire(.nexusPositive, nexusPositive.union(context)) }
    let unstable = f.hits([.abnormalABC])
    let priorNeckSurgery = f.isYes(.priorSpineSurgery) && f.isYes(.painNeck)
    if priorNeckSurgery {
      sink.fire(.tr8, context.union([.priorSpineSurgery]), inputs: [], plan: cervicalCTPlan)
    }
    if !nexusPositive.isEmpty || ccrPositive || !unstable.isEmpty {
      let evidence = context.union(nexusPositive).union(highRisk).union(unstable)
      sink.fire(.tr2, evidence, inputs: oldAge ? .age : [], plan: cervicalCTPlan)
    } else if nexusNegative && ccrNegative {
      sink.fire(.nexusNegative, context)
      sink.fire(.ccrNegative, context.union(lowRisk).union([.canRotateNeck]))
      sink.fire(.tr1, context, inputs: .age)
    } else if !priorNeckSurgery && !f.knownVertebralDiseaseTrauma {
      // (Known vertebral disease: the whole-spine CT of TR-7 covers the neck.)
      sink.fire(.tr0, context, inputs: f.age == nil ? .age : [], plan: cervicalCTPlan)
      // Everything still unanswered that clearance needs, reassuring answers included.
      var clearance = Groups.nexus.union(Groups.ccrExclusions).union(Groups.ccrHighRisk)
        .union([.canRotateNeck])
      if !lowRiskAny { clearance = clearance.union(Groups.ccrLowRisk) }
      if neckPain == .unknown { clearance.insert(.painNeck) }
      sink.pending(f.unknown(clearance))
    }

    let cord = f.hits(Groups.cordInjury)
    if !cord.isEmpty {
      sink.fire(.tr3, context.union(cord), inputs: []) {
        Plan(
          imaging: [cervicalCT, ImagingStudy(.mri, .cervical, .without)],
          alternatives: [
            Alternative(
              ImagingStudy(.ctMyelogram, .cervical, .none),
              when: "MRI contraindicated")
          ])
      }
    }
  }

  /// Children under 16: the PECARN cervical-spine rule (2024; not yet externally validated).
  static func pediatricNeck<Sink: RuleSink>(
    _ f: Facts, _ trauma: FindingSet, _ sink: inout Sink
  ) {
    let high = f.hits(Groups.pecarnHigh)
    let moderate = f.hits(Groups.pecarnModerate)
    if !high.isEmpty {
      sink.fire(.pecarn1, trauma.union(high), inputs: .age, plan: cervicalCTPlan)
    } else if !moderate.isEmpty || (f.isYes(.traumaMajor) && !f.allNo(Groups.pecarnClearance)) {
      if moderate.isEmpty { sink.pending(f.unknown(Groups.pecarnClearance)) }
      sink.fire(.pecarn2, trauma.union(moderate), inputs: .age) {
        Plan(
          imaging: [ImagingStudy(.radiograph, .cervical, .none)],
          alternatives: [
            Alternative(cervicalCT, when: "a high-risk factor, or radiographs inadequate")
          ])
      }
    } else if f.allNo(Groups.pecarnClearance) {
      sink.fire(.pecarn0, trauma, inputs: .age)
    }
  }

  /// High-energy trauma: CT of the thoracic and lumbar spine (non-contiguous fractures).
  static func thoracolumbar<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    guard f.isYes(.traumaMajor) else { return }
    let deficit = f.hits(Groups.neuroDeficit)
    let concern = f.lowSite.union(f.midSite).union(f.hits(Groups.thoracolumbarConcern))
      .union(deficit)
    guard !concern.isEmpty else { return }
    let evidence = concern.union([.traumaMajor])
    let ct = [ImagingStudy(.ct, .thoracic, .without), ImagingStudy(.ct, .lumbar, .without)]
    sink.fire(.tr4, evidence, inputs: []) {
      Plan(
        imaging: ct,
        alternatives: [
          Alternative(
            ImagingStudy(.radiograph, .lumbar, .none),
            when: "CT not available (radiographs miss many fractures)")
        ])
    }
    if !deficit.isEmpty {
      sink.fire(.tr6, evidence, inputs: []) {
        Plan(
          imaging: ct + [
            ImagingStudy(.mri, .thoracic, .without), ImagingStudy(.mri, .lumbar, .without),
          ],
          alternatives: [])
      }
    }
  }

  // MARK: Emergency neurology (reference A3, A4, A6)

  static func caudaEquina<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    var evidence = f.hits(Groups.cesCore)
    // GIRFT: severe or progressive deficit of both legs, with a lumbar presentation (low back or
    // leg symptoms); above the lumbar spine it is cord compression (MY-1).
    let severity = f.hits(Groups.bothLegsSevere)
    if f.isYes(.bilateralDeficit) && !severity.isEmpty && f.hasLow {
      evidence = evidence.union(severity).union([.bilateralDeficit])
    }
    guard !evidence.isEmpty else {
      if f.isYes(.sexualDysfunction) { sink.fire(.ces2, [.sexualDysfunction]) }
      return
    }
    if f.isYes(.sexualDysfunction) { evidence.insert(.sexualDysfunction) }
    let plan = {
      Plan(
        imaging: [ImagingStudy(.mri, .lumbosacral, .without)],
        alternatives: [
          Alternative(
            ImagingStudy(.mri, .lumbosacral, .withAndWithout),
            when:
              "if tumour or infection is also suspected (ACR V4 rates it usually appropriate too)"),
          Alternative(
            ImagingStudy(.ctMyelogram, .lumbosacral, .none),
            when: "MRI contraindicated or not available in time"),
          Alternative(
            ImagingStudy(.ct, .lumbosacral, .without),
            when: "MRI contraindicated and myelography not available"),
        ])
    }
    sink.fire(.ces1, evidence, inputs: [], plan: plan)
    sink.fire(.lbp4, evidence, inputs: [], plan: plan)
    sink.fire(.ces3, evidence)
  }

  static func cancer<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    let wholeSpine = ImagingStudy(.mri, .wholeSpine, .without)
    let alternatives = [
      Alternative(
        ImagingStudy(.ct, .wholeSpine, .without),
        when: "MRI contraindicated (myelography only at a spinal centre; never plain films)")
    ]
    if f.isYes(.cancerHistory) {
      let neuro = f.hits(Groups.cancerNeuro)
      let symptoms = f.hits(Groups.metastasisSymptoms)
      let base = FindingSet([.cancerHistory]).union(symptoms).union(f.lowSite)
      if !neuro.isEmpty {
        sink.fire(.ca2, base.union(neuro), inputs: []) {
          Plan(imaging: [wholeSpine], alternatives: alternatives)
        }
      }
      sink.fire(.ca1, base, inputs: []) {
        Plan(imaging: [wholeSpine], alternatives: alternatives)
      }
      if f.hasNeck {
        sink.fire(.nk5, base.union(f.neckSite), inputs: []) {
          Plan(imaging: [ImagingStudy(.mri, .cervical, .withAndWithout)], alternatives: [])
        }
      }
      if f.hasLow {
        sink.fire(.lbp7, base, inputs: []) {
          Plan(imaging: [ImagingStudy(.mri, .lumbar, .without)], alternatives: [])
        }
      }
      sink.fire(.acp4, [.cancerHistory])
      return
    }
    // Suspicion of cancer without a history: multiple risk factors (ACP 2011).
    if f.isYes(.weightLoss) && (f.ageOver(50) || f.isYes(.nightPain)) {
      let evidence = f.hits([.weightLoss, .nightPain])
      let regions = f.symptomRegions
      sink.fire(.lbp7, evidence, inputs: f.ageOver(50) ? .age : []) {
        Plan.across(regions) { region in
          Plan(
            imaging: [ImagingStudy(.mri, region, .without)],
            alternatives: [
              Alternative(
                ImagingStudy(.radiograph, region, .none),
                when: "ACP 2011 alternative: radiographs with ESR first, MRI if suspicion remains")
            ])
        }
      }
      sink.fire(.acp4, evidence)
    }
  }

  static func myelopathy<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    var evidence = f.hits(Groups.myelopathy)
    // A severe or progressive deficit of both sides with neck, arm or interscapular symptoms
    // (or no site yet) is cord compression until shown otherwise; with a lumbar presentation
    // the cauda equina rule fires too.
    let severity = f.hits(Groups.bothLegsSevere)
    let cordDeficit =
      f.isYes(.bilateralDeficit) && !severity.isEmpty && (f.hasNeck || f.hasMid || !f.hasLow)
    if cordDeficit { evidence = evidence.union(severity).union([.bilateralDeficit]) }
    guard !evidence.isEmpty else { return }
    let region = f.cordRegion
    let plan = {
      Plan(
        imaging: [ImagingStudy(.mri, region, .without)],
        alternatives: [
          Alternative(
            ImagingStudy(.mri, region, .withAndWithout),
            when: "if tumour, inflammation or infection is suspected"),
          Alternative(ImagingStudy(.ctMyelogram, region, .none), when: "MRI contraindicated"),
        ])
    }
    // Unknown duration is treated as acute: never assume the slower tempo.
    if !cordDeficit, let weeks = f.symptomWeeks, weeks >= 4 {
      sink.fire(.my2, evidence, inputs: .symptomWeeks, plan: plan)
    } else {
      sink.fire(.my1, evidence, inputs: .symptomWeeks, plan: plan)
    }
  }

  // MARK: Aorta before the spine (reference A11, RV-9)

  static func aorta<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    guard f.isYes(.aorticSigns) else { return }
    let plan = {
      Plan(
        imaging: [ImagingStudy(.ultrasound, .abdominalAorta, .none)],
        alternatives: [
          Alternative(
            ImagingStudy(.ctAngiography, .abdominalAorta, .withAndWithout),
            when: "per the local aortic pathway, or ultrasound inconclusive")
        ])
    }
    let catastrophe = f.hits([.suddenOnset, .abnormalABC])
    if !catastrophe.isEmpty {
      sink.fire(.aaa2, catastrophe.union([.aorticSigns]), inputs: [], plan: plan)
    } else {
      sink.fire(.aaa1, [.aorticSigns], inputs: [], plan: plan)
    }
  }

  // MARK: Spinal epidural haematoma (reference A11, RV-8)

  static func epiduralHaematoma<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    guard f.isYes(.anticoagulated) && f.isYes(.suddenOnset) else { return }
    let deficit = f.hits(Groups.neuroDeficit)
    let evidence = FindingSet([.anticoagulated, .suddenOnset])
    guard !deficit.isEmpty else {
      sink.fire(.seh2, evidence)
      return
    }
    let regions = f.symptomRegions
    let sites = f.lowSite.union(f.neckSite).union(f.midSite)
    sink.fire(.seh1, evidence.union(deficit).union(sites), inputs: []) {
      Plan.across(regions) { region in
        Plan(
          imaging: [ImagingStudy(.mri, region, .without)],
          alternatives: [
            Alternative(ImagingStudy(.ctMyelogram, region, .none), when: "MRI contraindicated"),
            Alternative(ImagingStudy(.ct, region, .without), when: "MRI not available at once"),
          ])
      }
    }
  }

  // MARK: Infection (reference A5)

  static func infection<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    let fever = f.hits(Groups.fever)
    let labs = f.hits([.abnormalLabs])
    let signs = fever.union(labs)
    var risks = f.hits(Groups.infectionRisk)
    if !fever.isEmpty && f.isYes(.tbRisk) { risks.insert(.tbRisk) }
    let regions = f.symptomRegions
    let plan = {
      Plan.across(regions) { region in
        Plan(
          imaging: [ImagingStudy(.mri, region, .withAndWithout)],
          alternatives: [
            Alternative(
              ImagingStudy(.mri, region, .without), when: "gadolinium contraindicated or declined"),
            Alternative(ImagingStudy(.ct, region, .without), when: "MRI contraindicated"),
          ])
      }
    }
    var suspected = false
    if !signs.isEmpty {
      if !risks.isEmpty || (!fever.isEmpty && !labs.isEmpty) {
        suspected = true
        sink.fire(.inf1, signs.union(risks), inputs: [], plan: plan)
        if !f.hits(Groups.acpInfection).isEmpty && !fever.isEmpty {
          sink.fire(.acp4, fever.union(f.hits(Groups.acpInfection)))
        }
      }
      if f.isYes(.recentSpinalProcedure) {
        suspected = true
        sink.fire(.inf2, signs.union([.recentSpinalProcedure]), inputs: [], plan: plan)
      }
      if !suspected {
        suspected = true
        sink.fire(.inf4, signs, inputs: [], plan: plan)
      }
      if f.hasNeck {
        sink.fire(.nk4, signs.union(f.neckSite), inputs: []) {
          Plan(imaging: [ImagingStudy(.mri, .cervical, .withAndWithout)], alternatives: [])
        }
      }
      let deficit = f.hits(Groups.neuroDeficit)
      if !deficit.isEmpty {
        sink.fire(.inf3, signs.union(risks).union(deficit), inputs: []) {
          Plan(
            imaging: [ImagingStudy(.mri, .wholeSpine, .withAndWithout)],
            alternatives: [
              Alternative(
                ImagingStudy(.mri, .wholeSpine, .without),
                when: "gadolinium contraindicated or declined"),
              Alternative(
                ImagingStudy(.ctMyelogram, .wholeSpine, .none), when: "MRI contraindicated"),
            ])
        }
      }
    }
    // ACR LBP V7: infection risk or immunosuppression without signs, whatever the site (the neck
    // alone is the cervical red-flag rule's).
    let riskOnly = f.hits(Groups.neckInfectionRisk)
    if !suspected && !riskOnly.isEmpty && !f.neckOnly {
      let regions = f.symptomRegions
      sink.fire(.lbp7, riskOnly, inputs: []) {
        Plan.across(regions) { region in
          Plan(
            imaging: [ImagingStudy(.mri, region, .withAndWithout)],
            alternatives: [
              Alternative(
                ImagingStudy(.mri, region, .without), when: "gadolinium contraindicated")
            ])
        }
      }
    }
  }

  // MARK: Severe or progressive deficit (ACP-2)

  static func deficit<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    let evidence = f.hits(Groups.severeOrProgressive)
    guard !evidence.isEmpty else { return }
    let cordLevel = f.isYes(.umnSigns) || f.isYes(.myelopathySymptoms)
    let regions = cordLevel ? [f.cordRegion] : f.symptomRegions
    sink.fire(.acp2, evidence, inputs: []) {
      Plan.across(regions) { region in
        Plan(
          imaging: [ImagingStudy(.mri, region, .without)],
          alternatives: [
            Alternative(ImagingStudy(.ctMyelogram, region, .none), when: "MRI contraindicated")
          ])
      }
    }
  }

  // MARK: Fracture risk (LBP-6, FX-1): whatever the site

  static func fracture<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    let risk = f.hits(Groups.fractureRisk)
    let elderly = f.ageOver(70)
    // Systemic fracture risks (osteoporosis, long-term steroids, inflammatory arthritis) raise
    // the urgency whatever the site; low-velocity trauma and age over 70 are fracture risks of
    // the painful back (ACR Low Back Pain V6; at the neck, trauma is the trauma rules', and age
    // alone is not a neck red flag).
    let systemic = risk.subtracting([.traumaMinor])
    let systemicRisk = !systemic.isEmpty
    let backTrauma = (f.isYes(.traumaMinor) || elderly) && (f.hasLow || f.hasMid)
    guard systemicRisk || backTrauma else { return }
    let inputs: NumericInputs = elderly ? .age : []
    func plan(_ region: SpineRegion) -> Plan {
      Plan(
        imaging: [ImagingStudy(.radiograph, region, .none)],
        alternatives: [
          Alternative(
            ImagingStudy(.mri, region, .without),
            when:
              "to show or date a fracture, or with neurological signs (ACR: usually appropriate)"),
          Alternative(
            ImagingStudy(.ct, region, .without),
            when: "radiographs equivocal and MRI contraindicated (ACR: usually appropriate)"),
        ])
    }
    if backTrauma || (systemicRisk && !f.neckOnly) {
      let regions = f.backRegions
      let evidence = (backTrauma ? risk : systemic).union(f.lowSite).union(f.midSite)
      sink.fire(.lbp6, evidence, inputs: inputs) { Plan.across(regions, plan) }
    }
    if f.hasNeck && systemicRisk {
      sink.fire(.fx1, systemic.union(f.neckSite), inputs: []) { plan(.cervical) }
    }
  }

  // MARK: Neck red flags (ACR cervical table 1)

  static func neckRedFlags<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    guard f.hasNeck else { return }
    let infection = f.hits(Groups.neckInfectionRisk)
    var evidence = f.hits([.inflammatoryArthritis]).union(infection)
    let vascular = f.isYes(.vascularDisease) && f.ageOver(50)
    if vascular { evidence.insert(.vascularDisease) }
    guard !evidence.isEmpty else { return }
    let contrast: Contrast = infection.isEmpty ? .without : .withAndWithout
    sink.fire(.nkRF, evidence.union(f.neckSite), inputs: vascular ? .age : []) {
      var alternatives = [
        Alternative(ImagingStudy(.radiograph, .cervical, .none), when: "as a first look")
      ]
      if vascular {
        alternatives.append(
          Alternative(
            ImagingStudy(.mri, .cervical, .withAndWithout),
            when: "with CT or MR angiography of the neck if arterial dissection is suspected"))
      }
      return Plan(imaging: [ImagingStudy(.mri, .cervical, contrast)], alternatives: alternatives)
    }
  }

  // MARK: Prior surgery (LBP-5, NK-3)

  static func priorSurgery<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    guard f.isYes(.priorSpineSurgery) else { return }
    if f.hasLow || f.hasMid {
      let regions = f.backRegions
      sink.fire(.lbp5, f.lowSite.union(f.midSite).union([.priorSpineSurgery]), inputs: []) {
        Plan.across(regions) { region in
          Plan(
            imaging: [ImagingStudy(.mri, region, .withAndWithout)],
            alternatives: [
              Alternative(
                ImagingStudy(.radiograph, region, .none),
                when: "alignment, instability or hardware (ACR: usually appropriate)"),
              Alternative(ImagingStudy(.mri, region, .without), when: "gadolinium contraindicated"),
              Alternative(
                ImagingStudy(.ct, region, .without),
                when: "fusion or hardware integrity; MRI contraindicated"),
            ])
        }
      }
    }
    if f.hasNeck {
      sink.fire(.nk3, f.neckSite.union([.priorSpineSurgery]), inputs: []) {
        Plan(
          imaging: [ImagingStudy(.radiograph, .cervical, .none)],
          alternatives: [
            Alternative(ImagingStudy(.ct, .cervical, .without), when: "fusion or hardware"),
            Alternative(
              ImagingStudy(.mri, .cervical, .withAndWithout),
              when: "new neurological symptoms (ACR: may be appropriate)"),
          ])
      }
    }
  }

  // MARK: Persistent symptoms after conservative care

  static func persistent<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    let care = f.conservativeWeeks ?? 0
    let candidate = f.isYes(.interventionCandidate)
    if care >= 6 && candidate && f.hasLow {
      let plan = {
        Plan(
          imaging: [ImagingStudy(.mri, .lumbar, .without)],
          alternatives: [
            Alternative(ImagingStudy(.ct, .lumbar, .without), when: "MRI contraindicated"),
            Alternative(
              ImagingStudy(.ctMyelogram, .lumbar, .none),
              when: "MRI contraindicated and CT inconclusive"),
          ])
      }
      let evidence = f.lowSite.union([.interventionCandidate])
      sink.fire(.lbp3, evidence, inputs: .conservativeWeeks, plan: plan)
      if f.isYes(.radiatesLeg) {
        sink.fire(.acp3, evidence, inputs: .conservativeWeeks, plan: plan)
      }
    }
    if care >= 6 && candidate && f.isYes(.radiatesArm) {
      sink.fire(.nk2, [.radiatesArm, .interventionCandidate], inputs: .conservativeWeeks) {
        Plan(
          imaging: [ImagingStudy(.mri, .cervical, .without)],
          alternatives: [
            Alternative(ImagingStudy(.ct, .cervical, .without), when: "MRI contraindicated"),
            Alternative(ImagingStudy(.radiograph, .cervical, .none), when: "as a first look"),
          ])
      }
    }
    if f.isYes(.painNeck), care >= 6, let weeks = f.symptomWeeks, weeks >= 12 {
      let inputs: NumericInputs = [.symptomWeeks, .conservativeWeeks]
      if f.isYes(.xrayOPLL) {
        sink.fire(.nk9, [.painNeck, .xrayOPLL], inputs: inputs) {
          Plan(
            imaging: [ImagingStudy(.ct, .cervical, .without)],
            alternatives: [
              Alternative(
                ImagingStudy(.mri, .cervical, .without), when: "cord signal or soft tissue")
            ])
        }
      }
      if f.isYes(.xrayDegenerative) {
        sink.fire(.nk8, [.painNeck, .xrayDegenerative], inputs: inputs) {
          Plan(
            imaging: [ImagingStudy(.mri, .cervical, .without)],
            alternatives: [
              Alternative(ImagingStudy(.ct, .cervical, .without), when: "MRI contraindicated")
            ])
        }
      }
      if !f.isYes(.xrayOPLL) && !f.isYes(.xrayDegenerative) {
        sink.fire(.nk7, [.painNeck], inputs: inputs) {
          Plan(
            imaging: [ImagingStudy(.radiograph, .cervical, .none)],
            alternatives: [
              Alternative(
                ImagingStudy(.mri, .cervical, .without),
                when: "radiographs show degenerative change and symptoms persist (NK-8)")
            ])
        }
      }
    }
    // ACP 2011: weak cancer risk factors, after a 1-month trial.
    if care >= 4 && f.hasLow && (f.isYes(.weightLoss) || f.ageOver(50)) {
      sink.fire(
        .acp5, f.hits([.weightLoss]),
        inputs: f.ageOver(50) ? [.age, .conservativeWeeks] : .conservativeWeeks
      ) {
        Plan(
          imaging: [ImagingStudy(.radiograph, .lumbosacral, .none)],
          alternatives: [
            Alternative(
              ImagingStudy(.mri, .lumbar, .without),
              when: "radiographs negative but clinical suspicion of cancer remains (ACP 2011)")
          ])
      }
    }
  }

  // MARK: Default: no imaging now

  static func noImaging<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    if f.hasLow || f.hasMid {
      let evidence = f.lowSite.union(f.midSite)
      if let weeks = f.symptomWeeks {
        if weeks < 6 {
          sink.fire(.lbp1, evidence, inputs: .symptomWeeks)
          sink.fire(.cw1, evidence, inputs: .symptomWeeks)
        } else {
          sink.fire(.lbp2, evidence, inputs: .symptomWeeks)
        }
      }
      sink.fire(.acp1, evidence)
      sink.fire(.nice1, evidence)
    }
    if f.hasNeck {
      if f.isYes(.cervicogenicHeadache) { sink.fire(.nk6, [.cervicogenicHeadache]) }
      sink.fire(.nk1, f.neckSite)
    }
  }

  // MARK: Notes: region heuristics and where the seed differs

  static func notes<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    // Where the seed article would have imaged and the guidelines do not: only when that
    // difference matters to this patient (the decision is routine or no imaging).
    let mattersToDecision = sink.topUrgency <= .routine
    if let age = f.age, age < 16, f.hits(Groups.trauma).isEmpty, mattersToDecision {
      sink.fire(.ped1, [], inputs: .age)
    }
    if f.ageOver(50) && mattersToDecision { sink.fire(.seed1, [], inputs: .age) }
    if f.isYes(.lowBodyWeight) && mattersToDecision { sink.fire(.seed5, [.lowBodyWeight]) }
    if f.isYes(.tbRisk) { sink.fire(.seed6, f.hits([.tbRisk]).union(f.hits(Groups.fever))) }
    if f.isYes(.nightPain) && !f.isYes(.cancerHistory) && mattersToDecision {
      sink.fire(.seed7, [.nightPain])
    }
  }
}
extension RuleBook {
  /// The rule table as it was before the book (for the oracle test).
  // swift-format-ignore
  static func legacyRule(_ id: RuleID) -> Rule {
    func r(_ code: String, _ title: String, _ urgency: Urgency?, _ source: String, _ year: Int,
           _ certainty: Certainty, timeframe: String? = nil, hours: Int? = nil,
           note: String? = nil, seed: String? = nil) -> Rule {
      Rule(id: code, title: title, urgency: urgency, source: source, year: year,
           certainty: certainty, timeframe: timeframe, timeframeHours: hours, note: note,
           seedDifference: seed)
    }
    let traumaSeed = "The source article advises MRI after significant trauma; the trauma guidelines put CT first and keep MRI for suspected cord, nerve-root or ligament injury."
    switch id {
    case .tr0: return r("TR-0", "After trauma the cervical spine is not cleared until the NEXUS and Canadian C-Spine criteria are answered: image until cleared", .emergency, "\(acrTrauma); \(nexus); \(ccr); \(east)", 2019, .synthesis, timeframe: "CT cervical spine now, in the emergency department, unless the neck is cleared", note: "Unanswered clearance criteria, and an unanswered neck-pain question after high-energy trauma, are never taken as negative.")
    case .tr7: return r("TR-7", "Known ankylosing spondylitis, DISH or inflammatory arthritis after any trauma, even minor, with spinal pain: CT of the whole spine now; never cleared by NEXUS or the Canadian rule, never plain films", .emergency, "\(ccr) (excludes known vertebral disease); \(asFracture)", 2021, .paraphrased, timeframe: "CT whole spine now, in the emergency department; MRI next if CT is negative and pain persists, or with any deficit", note: "Rigid spines break with trivial trauma; the fractures are unstable, often at several levels, and missed by radiographs. MRI finds occult fractures after a negative CT.")
    case .tr8: return r("TR-8", "Previous neck surgery with neck pain after trauma: the Canadian rule does not apply, so CT cervical spine", .emergency, "\(ccr) (excludes previous neck surgery); \(acrTrauma) variant 2", 2019, .synthesis, timeframe: "CT now, in the emergency department")
    case .tr2: return r("TR-2", "Trauma with imaging indicated by NEXUS or the Canadian C-Spine Rule: CT cervical spine first", .emergency, "\(acrTrauma) variant 2", 2019, .verified, timeframe: "CT now, in the emergency department", note: "Either rule indicating imaging is enough; the neck is cleared only when every applicable rule is negative.", seed: traumaSeed)
    case .tr3: return r("TR-3", "Suspected cord or nerve-root injury after trauma: MRI cervical spine after CT", .emergency, "\(acrTrauma) variant 3", 2019, .verified, timeframe: "CT now, then MRI as the next study")
    case .tr4: return r("TR-4", "High-energy trauma with back pain, tenderness, an unreliable examination or a deficit: CT of the thoracic and lumbar spine (fractures are often at several levels)", .emergency, "\(acrTrauma) variant 9", 2019, .paraphrased, timeframe: "CT now, in the emergency department (reformats of a body CT will do)", seed: traumaSeed)
    case .tr6: return r("TR-6", "Thoracolumbar trauma with a neurological abnormality: MRI after CT", .emergency, "\(acrTrauma) variant 10", 2019, .paraphrased, timeframe: "CT now, then MRI as the next study")
    case .pecarn1: return r("PECARN-1", "Child under 16 after trauma with a high-risk factor (GCS 8 or less or unresponsive, abnormal airway, breathing or circulation, focal neurological deficit): CT cervical spine", .emergency, pecarn, 2024, .paraphrased, timeframe: "CT now, in the emergency department", note: "The PECARN rule was published in 2024 and is not yet externally validated (sensitivity 94%, negative predictive value 99.9% in 22,430 children); use clinical judgement.")
    case .pecarn2: return r("PECARN-2", "Child under 16 after trauma with a moderate-risk factor (altered alertness, neck pain or midline tenderness, torso or head injury needing admission) or with the risk factors not yet answered: radiographs of the cervical spine first", .emergency, pecarn, 2024, .paraphrased, timeframe: "Radiographs now, in the emergency department; CT if a high-risk factor appears", note: "The PECARN rule was published in 2024 and is not yet externally validated; radiographs first spare a child the radiation of CT.")
    case .tr1: return r("TR-1", "The neck is cleared after trauma (age 16 to 64): NEXUS and the Canadian C-Spine Rule are both negative, or, without neck pain, the examination is reliable; the trauma rules do not call for imaging of the neck", Urgency.none, "\(acrTrauma) variant 1", 2019, .verified)
    case .pecarn0: return r("PECARN-0", "Child under 16 after trauma with no high- or moderate-risk factor: the rule does not call for imaging of the neck (clinical clearance)", Urgency.none, pecarn, 2024, .paraphrased, note: "The PECARN rule was published in 2024 and is not yet externally validated.")
    case .tr5: return r("TR-5", "Low-velocity trauma is not the high-energy trauma pathway: the fracture-risk rule applies", nil, acrLBP, 2021, .verified)
    case .nexusPositive: return r("NEXUS-1", "NEXUS: a high-risk criterion is present (midline tenderness, focal deficit, altered alertness, intoxication or distracting injury)", nil, nexus, 2000, .verified)
    case .nexusNegative: return r("NEXUS-0", "NEXUS: all five low-risk criteria are met", nil, nexus, 2000, .verified)
    case .ccrHighRisk: return r("CCR-1", "Canadian C-Spine Rule: a high-risk factor (age 65 or over, dangerous mechanism or paresthesias) means imaging", nil, ccr, 2003, .verified)
    case .ccrNoLowRisk: return r("CCR-2", "Canadian C-Spine Rule: no low-risk factor allows a safe range-of-motion assessment, so image", nil, ccr, 2003, .verified)
    case .ccrCannotRotate: return r("CCR-3", "Canadian C-Spine Rule: unable to rotate the neck 45 degrees left and right, so image", nil, ccr, 2003, .verified)
    case .ccrNegative: return r("CCR-0", "Canadian C-Spine Rule: no high-risk factor, a low-risk factor, and the neck rotates 45 degrees: the rule does not call for imaging", nil, ccr, 2003, .verified)
    case .ccrNotApplicable: return r("CCR-NA", "Canadian C-Spine Rule does not apply (GCS below 15, unstable, age under 16, severe weakness, known vertebral disease or previous neck surgery): it cannot clear the neck", nil, ccr, 2003, .verified)
    case .aaa2: return r("AAA-2", "Signs of an aortic aneurysm with sudden onset or circulatory compromise: possible rupture or dissection; assess the aorta now, before any spine imaging", .emergency, aaa, 2020, .paraphrased, timeframe: "Now: bedside ultrasound or CT angiography of the aorta (local pathway) before any spine imaging")
    case .ces1: return r("CES-1", "Suspected cauda equina syndrome", .emergency, girft, 2023, .verified, timeframe: "MRI as soon as possible, within 4 hours of the request", hours: 4, seed: "The source article lists bladder, bowel or erectile dysfunction; the national pathway asks for new (within 14 days) or worsening features, adds lost rectal-fullness and urinary-flow sensation, and does not escalate erectile dysfunction alone.")
    case .lbp4: return r("LBP-4", "Low back pain with suspected cauda equina syndrome: MRI lumbosacral spine (without, or without and with, contrast)", .emergency, "\(acrLBP) variant 4", 2021, .paraphrased, timeframe: "MRI as soon as possible, within 4 hours of the request", hours: 4)
    case .ces3: return r("CES-3", "Emergency MRI of the lumbosacral spine within 4 hours; a bladder scan only if it does not delay MRI (a residual under 200 mL does not exclude cauda equina syndrome); rectal examination not required", nil, "\(girft) (BMJ Best Practice summary)", 2023, .paraphrased)
    case .ces2: return r("CES-2", "Back pain with sexual dysfunction as the only other feature is unlikely to be cauda equina syndrome: ask about bladder, bowel and saddle sensation", nil, girft, 2023, .verified, seed: "The source article counts erectile dysfunction as a red flag on its own; the national pathway does not escalate it alone.")
    case .ca2: return r("CA-2", "Cancer with spinal pain and neurological symptoms or signs: suspected metastatic spinal cord compression, an oncological emergency", .emergency, nice, 2023, .verified, timeframe: "MRI whole spine as soon as possible, always within 24 hours; contact the MSCC coordinator now", hours: 24)
    case .my1: return r("MY-1", "Acute myelopathy or cord compression (upper motor neuron signs or cord symptoms of recent or unknown onset, or a severe or progressive deficit of both sides above the lumbar spine)", .emergency, "\(acrMyelopathy) variant 1", 2020, .verified, timeframe: "MRI today (same day)", seed: "The source article suggests a thoracic MRI only if the lumbar MRI is negative; the cord ends at L1-L2, so the cord level is imaged first.")
    case .seh1: return r("SEH-1", "Anticoagulated or bleeding disorder, sudden severe spinal pain and a new neurological deficit: suspected spinal epidural haematoma", .emergency, seh, 2011, .paraphrased, timeframe: "MRI now (same day); the outcome depends on the time to decompression", note: "Reverse the anticoagulation and contact the spinal surgeons while the scan is arranged.")
    case .inf3: return r("INF-3", "Suspected spinal infection with a neurological deficit: possible epidural abscess", .emergency, "\(acrInfection) variant 1", 2021, .synthesis, timeframe: "MRI today (same day); whole spine for skip lesions")
    case .aaa1: return r("AAA-1", "Pulsatile abdominal mass or known aortic aneurysm with back pain: assess the aorta before any spine imaging; no spine study comes first", .urgent, aaa, 2020, .paraphrased, timeframe: "Aorta first: bedside ultrasound or CT angiography (local pathway) within 24 hours, at once if the pain is severe or the patient unwell", hours: 24)
    case .inf1: return r("INF-1", "Suspected spinal infection: fever or raised markers with an infection risk factor", .urgent, "\(acrInfection) variant 1; \(acp2011)", 2021, .verified)
    case .inf2: return r("INF-2", "Suspected infection after a recent spinal procedure (surgery, injection, stimulator)", .urgent, "\(acrInfection) variant 2", 2021, .verified)
    case .nk4: return r("NK-4", "Neck pain with suspected infection: MRI cervical spine without and with contrast", .urgent, acrCervical, 2018, .verified)
    case .acp2: return r("ACP-2", "Severe or progressive neurological deficit: imaging now", .urgent, "\(acp2007) recommendation 3", 2007, .verified)
    case .ca1: return r("CA-1", "History of cancer with spinal pain: suspected spinal metastases", .soon, nice, 2023, .verified, timeframe: "Contact the MSCC coordinator within 24 hours; MRI whole spine within 1 week, sooner if symptoms progress", hours: 168)
    case .nk5: return r("NK-5", "Neck pain with known malignancy: MRI (without, or without and with, contrast)", .soon, acrCervical, 2018, .paraphrased)
    case .lbp7: return r("LBP-7", "Back pain with suspicion of cancer, infection or immunosuppression: MRI", .soon, "\(acrLBP) variant 7", 2021, .paraphrased)
    case .acp4: return r("ACP-4", "Immediate MRI is listed for major cancer risk and for fever with IV drug use or recent infection; the timing follows the more specific guidelines (cancer within 1 week without neurological signs, infection within 24 hours)", nil, acp2011, 2011, .paraphrased)
    case .inf4: return r("INF-4", "Fever or raised inflammatory markers with spinal pain and no risk factor: exclude spinal infection", .soon, "\(acrInfection) variant 1 ('with or without fever')", 2021, .synthesis)
    case .my2: return r("MY-2", "Chronic myelopathy (cord signs or symptoms for 4 weeks or more)", .soon, "\(acrMyelopathy) variant 2", 2020, .verified)
    case .lbp6: return r("LBP-6", "Fracture risk (low-velocity trauma, osteoporosis, age over 70, long-term steroids, ankylosing spondylitis or inflammatory arthritis): radiographs of the painful region", .soon, "\(acrLBP) variant 6", 2021, .paraphrased, timeframe: "Promptly, at this or the next visit (within about 1 week)", hours: 168, note: "ACP 2011 would defer radiographs until after a 1-month trial; this follows ACR.", seed: "The source article lists long-term steroids as a red flag; the guidelines agree it is a fracture risk.")
    case .fx1: return r("FX-1", "A systemic fracture risk (osteoporosis, long-term steroids, inflammatory arthritis) with neck pain: radiographs of the cervical spine; a systemic red flag raises the urgency whatever the site (after trauma the neck follows the trauma rules)", .soon, "\(acrLBP) variant 6; \(acrCervical) table 1 (secondary)", 2021, .synthesis, timeframe: "Promptly, at this or the next visit (within about 1 week)", hours: 168)
    case .nkRF: return r("NK-RF", "Neck pain with a red flag: inflammatory arthritis, an infection risk (IV drug use, immunosuppression, recent infection), or vascular disease over age 50 (consider arterial dissection)", .soon, "\(acrCervical) table 1 (secondary)", 2018, .unverified)
    case .lbp5: return r("LBP-5", "Previous lumbar surgery with new or progressing symptoms", .routine, "\(acrLBP) variant 5", 2021, .paraphrased)
    case .nk3: return r("NK-3", "Previous cervical surgery with new or increasing symptoms", .routine, acrCervical, 2018, .paraphrased)
    case .lbp3: return r("LBP-3", "Persistent low back pain after 6 weeks of optimal care in a surgery or injection candidate", .routine, "\(acrLBP) variant 3", 2021, .verified, note: "ACP 2011 uses a 1-month trial.", seed: "The source article says a trial of at least a month; the guidelines use 6 weeks and image only candidates for surgery or injection.")
    case .acp3: return r("ACP-3", "Persistent radiculopathy or stenosis in a candidate for surgery or epidural injection: MRI preferred", .routine, "\(acp2007) recommendation 4", 2007, .verified)
    case .nk2: return r("NK-2", "Cervical radiculopathy after 6 weeks of conservative care in an intervention candidate", .routine, acrCervical, 2018, .verified, seed: "The source article sends arm radiation straight to a cervical MRI; the guideline agrees on the region but starts with conservative care.")
    case .nk8: return r("NK-8", "Chronic neck pain with degenerative change on radiographs: MRI cervical without contrast", .routine, acrCervical, 2018, .paraphrased)
    case .nk9: return r("NK-9", "Chronic neck pain with ossification of the posterior longitudinal ligament: CT cervical without contrast", .routine, acrCervical, 2018, .paraphrased)
    case .nk7: return r("NK-7", "Chronic neck pain (12 weeks or more) despite 6 weeks of care: radiographs first", .routine, acrCervical, 2018, .paraphrased)
    case .acp5: return r("ACP-5", "A weak cancer risk factor (unexplained weight loss or age over 50) after a 1-month trial: radiographs with ESR", .routine, acp2011, 2011, .paraphrased, seed: "The source article lists age over 50 as a red flag; the guidelines treat it as a weak factor.")
    case .nk6: return r("NK-6", "Cervicogenic headache without neurological deficit: no imaging first", Urgency.none, acrCervical, 2018, .paraphrased)
    case .lbp1: return r("LBP-1", "Acute low back pain (under 6 weeks), with or without radiculopathy, no red flags: no imaging", Urgency.none, "\(acrLBP) variant 1", 2021, .verified)
    case .lbp2: return r("LBP-2", "Subacute or chronic low back pain without red flags or completed conservative care: no imaging", Urgency.none, "\(acrLBP) variant 2", 2021, .verified)
    case .cw1: return r("CW-1", "No imaging for low back pain in the first 6 weeks unless red flags are present", Urgency.none, "Choosing Wisely (AAFP 2012; NASS 2013)", 2013, .verified)
    case .acp1: return r("ACP-1", "Do not routinely image nonspecific low back pain", Urgency.none, "\(acp2007) recommendation 2", 2007, .verified)
    case .nice1: return r("NICE-1", "Do not routinely offer imaging in a non-specialist setting for low back pain with or without sciatica", Urgency.none, "NICE NG59 1.1.4 (2016, updated 2020); QS155 statement 2", 2020, .verified)
    case .nk1: return r("NK-1", "Non-traumatic neck pain without red flags: conservative care first", Urgency.none, acrCervical, 2018, .paraphrased)
    case .rg1: return r("RG-1", "Leg-dominant pain or cauda equina features: image the lumbar or lumbosacral spine", nil, "\(acrLBP); \(girft)", 2023, .verified)
    case .rg2: return r("RG-2", "Arm radiation: image the cervical spine", nil, acrCervical, 2018, .paraphrased)
    case .rg3: return r("RG-3", "Upper motor neuron signs or a deficit of both sides: image the cord level (cervical with or without thoracic), the whole spine if the level is unclear", nil, acrMyelopathy, 2020, .synthesis, seed: "The source article suggests a thoracic MRI only if the lumbar MRI is negative; the cord ends at L1-L2, so a lumbar-first sequence loses time.")
    case .rg4: return r("RG-4", "Known cancer with suspected metastases: image the whole spine", nil, nice, 2023, .verified)
    case .rg5: return r("RG-5", "Pain between the shoulder blades comes from the lower cervical or upper thoracic spine; with arm radiation, the cervical spine", nil, "\(seed) heuristic; NICE CG75 (thoracic pain with cancer)", 2022, .unverified)
    case .rg6: return r("RG-6", "Suspected infection: image the symptomatic segment; the whole spine if an epidural abscess is suspected", nil, acrInfection, 2021, .paraphrased)
    case .ped1: return r("PED-1", "Under 16: the adult back-pain rules are not validated in children; without red flags imaging is not advised; refer to paediatrics if pain persists", nil, "ACR Appropriateness Criteria Back Pain-Child (2017)", 2017, .verified, seed: "The source article lists age under 16 as a red flag on its own; no guideline supports that.")
    case .seh2: return r("SEH-2", "Anticoagulated or bleeding disorder with sudden severe spinal pain and no deficit yet: warn the patient that new weakness or numbness needs emergency MRI (possible epidural haematoma)", nil, seh, 2011, .paraphrased)
    case .seed1: return r("SEED-1", "Age over 50 alone does not call for imaging", nil, "ACP High-Value Care 2011; NASS Choosing Wisely 2013", 2013, .synthesis, seed: "The source article lists age under 16 or over 50 as a red flag; the guidelines treat age over 50 as a weak cancer risk factor, a reason for radiographs after a 1-month trial at most.")
    case .seed5: return r("SEED-5", "Low body weight alone does not call for imaging", nil, "ACP/APS 2007; ACP High-Value Care 2011", 2011, .synthesis, seed: "The source article lists weight below average for height as an examination sign; the guideline flag is unexplained weight loss.")
    case .seed6: return r("SEED-6", "Residence where tuberculosis is endemic raises the suspicion of spinal infection when there is fever", nil, "\(seed); no imaging-guideline anchor", 2022, .unverified, seed: "The source article lists residence where tuberculosis is endemic as a red flag; no imaging guideline names it, so it counts only together with fever.")
    case .seed7: return r("SEED-7", "Night pain without a history of cancer does not call for imaging on its own", nil, "Downie et al., BMJ 2013; NICE NG234 (2023)", 2013, .verified, seed: "The source article lists unrelenting night pain as a red flag; it predicts serious disease poorly except in people with cancer.")
    }
  }
}
