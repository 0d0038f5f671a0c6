/// The rule code: reads ``Facts`` and fires rules into a ``RuleSink``, branch by branch in the
/// reference's precedence (trauma, emergency neurology, urgent, fracture, prior surgery,
/// persistent radiculopathy, default). Every rule's condition only ever gains from a `yes` on a
/// risk finding, so a red flag never lowers the urgency.
enum RuleEvaluator {
  static func run<Sink: RuleSink>(_ f: Facts, into sink: inout Sink) {
    trauma(f, &sink)
    caudaEquina(f, &sink)
    cancer(f, &sink)
    myelopathy(f, &sink)
    infection(f, &sink)
    deficit(f, &sink)
    fracture(f, &sink)
    neckRedFlags(f, &sink)
    priorSurgery(f, &sink)
    persistent(f, &sink)
    if sink.topUrgency == .none { noImaging(f, &sink) }
    if sink.wantsNotes { notes(f, &sink) }
  }

  // MARK: Trauma (reference A8)

  static func trauma<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    let trauma = f.hits(Groups.trauma)
    guard !trauma.isEmpty else { return }
    if f.isYes(.traumaMinor) { sink.fire(.tr5, [.traumaMinor]) }

    if f.isYes(.painNeck) { neckTrauma(f, trauma, &sink) }

    if f.isYes(.traumaMajor) && (f.isYes(.painLowBack) || f.isYes(.painMidBack)) {
      let regions = thoracolumbarRegions(f)
      let evidence = f.hits([.traumaMajor, .painLowBack, .painMidBack])
      sink.fire(.tr4, evidence, inputs: []) {
        Plan(
          imaging: regions.map { ImagingStudy(.ct, $0, .without) },
          alternatives: [
            Alternative(
              ImagingStudy(.radiograph, regions[0], .none),
              when: "CT not available (radiographs miss many fractures)")
          ])
      }
      let deficit = f.hits(Groups.neuroDeficit)
      if !deficit.isEmpty {
        sink.fire(.tr6, evidence.union(deficit), inputs: []) {
          Plan(
            imaging: regions.map { ImagingStudy(.ct, $0, .without) }
              + regions.map { ImagingStudy(.mri, $0, .without) },
            alternatives: [])
        }
      }
    }
  }

  static func thoracolumbarRegions(_ f: Facts) -> [SpineRegion] {
    var regions: [SpineRegion] = []
    if f.isYes(.painMidBack) { regions.append(.thoracic) }
    if f.isYes(.painLowBack) { regions.append(.lumbar) }
    return regions
  }

  static func neckTrauma<Sink: RuleSink>(_ f: Facts, _ trauma: FindingSet, _ sink: inout Sink) {
    let context = trauma.union([.painNeck])
    let ct = ImagingStudy(.ct, .cervical, .without)
    let ctPlan = {
      Plan(
        imaging: [ct],
        alternatives: [
          Alternative(
            ImagingStudy(.radiograph, .cervical, .none),
            when: "CT not available, or its reconstructions are not optimal")
        ])
    }

    // NEXUS
    let nexusPositive = f.hits(Groups.nexus)
    let nexusNegative = f.allNo(Groups.nexus)

    // Canadian C-Spine Rule
    let exclusions = f.hits(Groups.ccrExclusions)
    let childExcluded = f.age.map { $0 < 16 } ?? false
    let notApplicable = !exclusions.isEmpty || childExcluded
    let applicableKnown =
      f.allNo(Groups.ccrExclusions) && (f.age.map { $0 >= 16 } ?? false)
    var highRisk = f.hits(Groups.ccrHighRisk)
    let oldAge = f.age.map { $0 >= 65 } ?? false
    let highRiskAllNo = f.allNo(Groups.ccrHighRisk) && (f.age.map { $0 < 65 } ?? false)
    let lowRisk = f.hits(Groups.ccrLowRisk)
    let lowRiskAny = !lowRisk.isEmpty || f.isNo(.midlineTenderness)
    let lowRiskNone = f.allNo(Groups.ccrLowRisk) && f.isYes(.midlineTenderness)
    var ccrPositive = false
    if notApplicable {
      sink.fire(.ccrNotApplicable, exclusions, inputs: childExcluded ? .age : [])
    }
    // The exclusions (GCS below 15, severe weakness, known vertebral disease, previous neck
    // surgery) stop the rule from clearing the spine, never from asking for imaging: those
    // patients are at higher risk, so a high-risk factor still means imaging. Children stay
    // outside the rule altogether.
    if !childExcluded {
      if !highRisk.isEmpty || oldAge {
        ccrPositive = true
        highRisk = highRisk.union(context)
        sink.fire(.ccrHighRisk, highRisk, inputs: oldAge ? .age : [])
      }
      if lowRiskNone {
        ccrPositive = true
        sink.fire(.ccrNoLowRisk, context)
      } else if lowRiskAny && f.isNo(.canRotateNeck) {
        ccrPositive = true
        sink.fire(.ccrCannotRotate, context)
      }
    }
    let ccrNegative =
      applicableKnown && highRiskAllNo && lowRiskAny && f.isYes(.canRotateNeck)

    if !nexusPositive.isEmpty { sink.fire(.nexusPositive, nexusPositive.union(context)) }

    if !nexusPositive.isEmpty || ccrPositive {
      let evidence = context.union(nexusPositive).union(f.hits(Groups.ccrHighRisk))
      sink.fire(.tr2, evidence, inputs: oldAge ? .age : [], plan: ctPlan)
    } else if (nexusNegative || ccrNegative) && (f.age.map { (16..<65).contains($0) } ?? false) {
      if nexusNegative { sink.fire(.nexusNegative, context) }
      if ccrNegative { sink.fire(.ccrNegative, context.union(lowRisk).union([.canRotateNeck])) }
      sink.fire(.tr1, context, inputs: .age)
    } else {
      sink.fire(.tr0, context, inputs: f.age == nil ? .age : [], plan: ctPlan)
    }

    let cord = f.hits(Groups.cordInjury)
    if !cord.isEmpty {
      sink.fire(.tr3, context.union(cord), inputs: []) {
        Plan(
          imaging: [ct, ImagingStudy(.mri, .cervical, .without)],
          alternatives: [
            Alternative(
              ImagingStudy(.ctMyelogram, .cervical, .none),
              when: "MRI contraindicated")
          ])
      }
    }
  }

  // MARK: Emergency neurology (reference A3, A4, A6)

  static func caudaEquina<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    var evidence = f.hits(Groups.cesCore)
    // GIRFT: severe or progressive deficit of both legs (legs: low back or leg symptoms, or no
    // site given).
    let severity = f.hits(Groups.bothLegsSevere)
    if f.isYes(.bilateralDeficit) && !severity.isEmpty && (f.hasLow || !f.hasNeck) {
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
      let region = f.lowBackRegion
      sink.fire(.lbp7, evidence, inputs: f.ageOver(50) ? .age : []) {
        Plan(
          imaging: [ImagingStudy(.mri, region, .without)],
          alternatives: [
            Alternative(
              ImagingStudy(.radiograph, region, .none),
              when: "ACP 2011 alternative: radiographs with ESR first, MRI if suspicion remains")
          ])
      }
      sink.fire(.acp4, evidence)
    }
  }

  static func myelopathy<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    var evidence = f.hits(Groups.myelopathy)
    // A severe or progressive deficit of both sides with neck or arm symptoms is a cord
    // compression until shown otherwise (RG-3); below the neck it is the CES rule's.
    let severity = f.hits(Groups.bothLegsSevere)
    let cordDeficit = f.isYes(.bilateralDeficit) && !severity.isEmpty && f.hasNeck
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
    if !cordDeficit, let weeks = f.answers.symptomWeeks, weeks >= 4 {
      sink.fire(.my2, evidence, inputs: .symptomWeeks, plan: plan)
    } else {
      sink.fire(.my1, evidence, inputs: .symptomWeeks, plan: plan)
    }
  }

  // MARK: Infection (reference A5)

  static func infection<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    let fever = f.hits(Groups.fever)
    let labs = f.hits([.abnormalLabs])
    let signs = fever.union(labs)
    var risks = f.hits(Groups.infectionRisk)
    if !fever.isEmpty && f.isYes(.tbRisk) { risks.insert(.tbRisk) }
    let region = f.symptomRegion
    let mri = ImagingStudy(.mri, region, .withAndWithout)
    let plan = {
      Plan(
        imaging: [mri],
        alternatives: [
          Alternative(
            ImagingStudy(.mri, region, .without), when: "gadolinium contraindicated or declined"),
          Alternative(ImagingStudy(.ct, region, .without), when: "MRI contraindicated"),
        ])
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
                ImagingStudy(.ctMyelogram, region, .none), when: "MRI contraindicated"),
            ])
        }
      }
    }
    // ACR LBP V7: infection risk or immunosuppression without signs, in the low back branch.
    let riskOnly = f.hits([.ivDrugUse, .immunosuppression, .recentInfection])
    if !suspected && !riskOnly.isEmpty && (f.hasLow || f.noSite || f.hasMid) {
      let lowRegion = f.lowBackRegion
      sink.fire(.lbp7, riskOnly, inputs: []) {
        Plan(
          imaging: [ImagingStudy(.mri, lowRegion, .withAndWithout)],
          alternatives: [
            Alternative(
              ImagingStudy(.mri, lowRegion, .without), when: "gadolinium contraindicated")
          ])
      }
    }
  }

  // MARK: Severe or progressive deficit (ACP-2)

  static func deficit<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    let evidence = f.hits(Groups.severeOrProgressive)
    guard !evidence.isEmpty else { return }
    let cordLevel = f.isYes(.umnSigns) || f.isYes(.myelopathySymptoms)
    let region = cordLevel ? f.cordRegion : f.symptomRegion
    sink.fire(.acp2, evidence, inputs: []) {
      Plan(
        imaging: [ImagingStudy(.mri, region, .without)],
        alternatives: [
          Alternative(ImagingStudy(.ctMyelogram, region, .none), when: "MRI contraindicated")
        ])
    }
  }

  // MARK: Fracture risk (LBP-6)

  static func fracture<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    let risk = f.hits(Groups.fractureRisk)
    let elderly = f.ageOver(70)
    guard !risk.isEmpty || elderly else { return }
    guard f.hasLow || f.hasMid || f.noSite else { return }
    let region = f.hasMid && !f.hasLow ? SpineRegion.thoracic : .lumbar
    sink.fire(.lbp6, risk, inputs: elderly ? .age : []) {
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
  }

  // MARK: Neck red flags (ACR cervical table 1)

  static func neckRedFlags<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    guard f.hasNeck else { return }
    var evidence = f.hits([.inflammatoryArthritis, .ivDrugUse, .immunosuppression])
    let vascular = f.isYes(.vascularDisease) && f.ageOver(50)
    if vascular { evidence.insert(.vascularDisease) }
    guard !evidence.isEmpty else { return }
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
      return Plan(imaging: [ImagingStudy(.mri, .cervical, .without)], alternatives: alternatives)
    }
  }

  // MARK: Prior surgery (LBP-5, NK-3)

  static func priorSurgery<Sink: RuleSink>(_ f: Facts, _ sink: inout Sink) {
    guard f.isYes(.priorSpineSurgery) else { return }
    if f.hasLow || f.hasMid || f.noSite {
      let region = f.lowBackRegion == .cervical ? SpineRegion.lumbar : f.lowBackRegion
      sink.fire(.lbp5, f.lowSite.union(f.midSite).union([.priorSpineSurgery]), inputs: []) {
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
    let care = f.answers.conservativeWeeks ?? 0
    let candidate = f.isYes(.interventionCandidate)
    if care >= 6 && candidate && (f.hasLow || f.noSite) {
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
    if f.isYes(.painNeck), care >= 6, let weeks = f.answers.symptomWeeks, weeks >= 12 {
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
    if care >= 4 && (f.hasLow || f.noSite) && (f.isYes(.weightLoss) || f.ageOver(50)) {
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
    if f.hasLow || f.hasMid || f.noSite {
      let evidence = f.lowSite.union(f.midSite)
      if let weeks = f.answers.symptomWeeks {
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
    if let age = f.age, age < 16 { sink.fire(.ped1, [], inputs: .age) }
    if f.ageOver(50) { sink.fire(.seed1, [], inputs: .age) }
    if f.isYes(.lowBodyWeight) { sink.fire(.seed5, [.lowBodyWeight]) }
    if f.isYes(.tbRisk) { sink.fire(.seed6, [.tbRisk]) }
    if f.isYes(.nightPain) && !f.isYes(.cancerHistory) { sink.fire(.seed7, [.nightPain]) }
  }
}
