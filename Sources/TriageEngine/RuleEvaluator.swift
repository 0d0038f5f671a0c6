/// The rule code: reads ``Facts`` and fires rules into a ``RuleSink``, branch by branch in the
/// reference's precedence (trauma, emergency neurology, urgent, fracture, prior surgery,
/// persistent radiculopathy, default). Every rule's condition only ever gains from a `yes` on a
/// risk finding or a pain site, so a yes never lowers the urgency: no rule fires because a site
/// is *not* known (systemic red flags fire whatever the site; the site chooses the region).
enum RuleEvaluator {
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
