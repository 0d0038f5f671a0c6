extension RuleBook {
  /// Neck pain and radiculopathy (ACR Cervical Neck Pain or Radiculopathy).
  enum Neck {
    /// Age 16 or over, or not recorded: the adult guidelines (ACR Cervical, ACR Low Back Pain).
    static let adult: Condition = .not(.age(.below(16)))
    /// Radiographs of `region` for a fracture risk (ACR Low Back Pain variant 6).
    static func radiographs(_ region: SpineRegion) -> PlanSpec {
      PlanSpec(
        imaging: [StudySpec(.radiograph, region, .none)],
        alternatives: [
          AlternativeSpec(
            StudySpec(.mri, region, .without),
            when:
              "to show or date a fracture, or with neurological signs (ACR: usually appropriate)"),
          AlternativeSpec(
            StudySpec(.ct, region, .without),
            when: "radiographs equivocal and MRI contraindicated (ACR: usually appropriate)"),
        ])
    }
    static let vascular: Condition = .all([.yes(.vascularDisease), .age(.over(50))])
    /// Six weeks of care, twelve of symptoms.
    static let chronic: Condition = .all([
      .yes(.painNeck), .conservativeWeeks(.atLeast(6)), .symptomWeeks(.atLeast(12)),
    ])
    static let chronicInputs: [BookRule.InputUse] = [.of([.symptomWeeks, .conservativeWeeks])]

    static let rules: [BookRule] = [
      BookRule(
        .nk5,
        Rule(
          id: "NK-5",
          title: "Neck pain with known malignancy: MRI (without, or without and with, contrast)",
          urgency: .soon,
          source: acrCervical,
          year: 2018,
          certainty: .paraphrased,
          adultOnly: true),
        when: .all([.yes(.cancerHistory), .site(.neck), adult]),
        evidence: Cancer.base + [.of(.neckSite)],
        plan: PlanSpec(imaging: [StudySpec(.mri, .cervical, .withAndWithout)])),
      BookRule(
        .nk4,
        Rule(
          id: "NK-4",
          title: "Neck pain with suspected infection: MRI cervical spine without and with contrast",
          urgency: .urgent,
          source: acrCervical,
          year: 2018,
          certainty: .verified,
          adultOnly: true),
        when: .all([Infection.signs, .site(.neck), adult]),
        evidence: [.of(.infectionSigns), .of(.neckSite)],
        plan: PlanSpec(imaging: [StudySpec(.mri, .cervical, .withAndWithout)])),
      // A systemic fracture risk raises the urgency whatever the site (after trauma the neck
      // follows the trauma rules).
      BookRule(
        .fx1,
        Rule(
          id: "FX-1",
          title:
            "A fracture risk with neck or thoracic pain, or before a pain site is answered (osteoporosis or long-term steroids; with thoracic pain also a fall from standing height or age over 70): radiographs of the painful region; a systemic red flag raises the urgency whatever the site (after an injury the neck follows the trauma rules)",
          urgency: .soon,
          source: "\(acrLBP) variant 6; \(acrCervical) table 1 (secondary)",
          year: 2021,
          certainty: .synthesis,
          timeframe: "Promptly, at this or the next visit (within about 1 week)",
          timeframeHours: 168,
          adultOnly: true),
        arms: [
          BookRule.Arm(
            when: .all([.site(.neck), .anyYes(.systemicFractureRisk), adult]),
            evidence: [.of(.systemicFractureRisk), .of(.neckSite)],
            plan: radiographs(.cervical)),
          BookRule.Arm(
            when: .all([
              .site(.midBack), .not(.site(.lowBack)), adult,
              .any([.anyYes(.fractureRisk), .age(.over(70))]),
            ]),
            evidence: [.of(.fractureRisk), .of(.midSite)],
            inputs: [.of(.age, when: .age(.over(70)))], plan: radiographs(.thoracic)),
          BookRule.Arm(
            when: .all([
              .anyYes(.systemicFractureRisk), adult,
              .not(.any([.site(.lowBack), .site(.neck), .site(.midBack)])),
            ]),
            evidence: [.of(.systemicFractureRisk)], plan: radiographs(.wholeSpine)),
        ]),
      BookRule(
        .nkRF,
        Rule(
          id: "NK-RF",
          title:
            "Neck pain with a red flag: inflammatory arthritis, an infection risk (IV drug use, immunosuppression, recent infection), or vascular disease over age 50 (consider arterial dissection)",
          urgency: .soon,
          source: "\(acrCervical) table 1 (secondary)",
          year: 2018,
          certainty: .unverified,
          adultOnly: true),
        when: .all([
          .site(.neck), adult,
          .any([.anyYes([.inflammatoryArthritis]), .anyYes(.neckInfectionRisk), vascular]),
        ]),
        evidence: [
          .of([.inflammatoryArthritis]), .of(.neckInfectionRisk),
          .of([.vascularDisease], when: vascular), .of(.neckSite),
        ],
        inputs: [.of(.age, when: vascular)],
        plan: PlanSpec(
          imaging: [
            StudySpec(.mri, .cervical, .without, when: .not(.anyYes(.neckInfectionRisk))),
            StudySpec(.mri, .cervical, .withAndWithout, when: .anyYes(.neckInfectionRisk)),
          ],
          alternatives: [
            AlternativeSpec(StudySpec(.radiograph, .cervical, .none), when: "as a first look"),
            AlternativeSpec(
              StudySpec(.mri, .cervical, .withAndWithout, when: vascular),
              when: "with CT or MR angiography of the neck if arterial dissection is suspected"),
          ])),
      BookRule(
        .nk3,
        Rule(
          id: "NK-3",
          title: "Previous cervical surgery with new or increasing symptoms",
          urgency: .routine,
          source: acrCervical,
          year: 2018,
          certainty: .paraphrased,
          adultOnly: true),
        when: .all([.yes(.priorSpineSurgery), .site(.neck), adult]),
        evidence: [.of(.neckSite), .of([.priorSpineSurgery])],
        plan: PlanSpec(
          imaging: [StudySpec(.radiograph, .cervical, .none)],
          alternatives: [
            AlternativeSpec(StudySpec(.ct, .cervical, .without), when: "fusion or hardware"),
            AlternativeSpec(
              StudySpec(.mri, .cervical, .withAndWithout),
              when: "new neurological symptoms (ACR: may be appropriate)"),
          ])),
      BookRule(
        .nk2,
        Rule(
          id: "NK-2",
          title:
            "Cervical radiculopathy after 6 weeks of conservative care in an intervention candidate",
          urgency: .routine,
          source: acrCervical,
          year: 2018,
          certainty: .verified,
          seedDifference:
            "The iCliniq article this aid started from sends arm radiation straight to a cervical MRI; the guideline agrees on the region but starts with conservative care.",
          seedAbout: [.radiatesArm],
          adultOnly: true),
        when: .all([
          .conservativeWeeks(.atLeast(6)), .yes(.interventionCandidate), .yes(.radiatesArm),
          adult,
        ]),
        evidence: [.of([.radiatesArm, .interventionCandidate])],
        inputs: [.of(.conservativeWeeks)],
        plan: PlanSpec(
          imaging: [StudySpec(.mri, .cervical, .without)],
          alternatives: [
            AlternativeSpec(StudySpec(.ct, .cervical, .without), when: "MRI contraindicated"),
            AlternativeSpec(StudySpec(.radiograph, .cervical, .none), when: "as a first look"),
          ])),
      BookRule(
        .nk9,
        Rule(
          id: "NK-9",
          title:
            "Chronic neck pain with ossification of the posterior longitudinal ligament: CT cervical without contrast",
          urgency: .routine,
          source: acrCervical,
          year: 2018,
          certainty: .paraphrased,
          adultOnly: true),
        when: .all([chronic, .yes(.xrayOPLL), adult]), evidence: [.of([.painNeck, .xrayOPLL])],
        inputs: chronicInputs,
        plan: PlanSpec(
          imaging: [StudySpec(.ct, .cervical, .without)],
          alternatives: [
            AlternativeSpec(
              StudySpec(.mri, .cervical, .without), when: "cord signal or soft tissue")
          ])),
      BookRule(
        .nk8,
        Rule(
          id: "NK-8",
          title:
            "Chronic neck pain with degenerative change on radiographs: MRI cervical without contrast",
          urgency: .routine,
          source: acrCervical,
          year: 2018,
          certainty: .paraphrased,
          adultOnly: true),
        when: .all([chronic, .yes(.xrayDegenerative), adult]),
        evidence: [.of([.painNeck, .xrayDegenerative])], inputs: chronicInputs,
        plan: PlanSpec(
          imaging: [StudySpec(.mri, .cervical, .without)],
          alternatives: [
            AlternativeSpec(StudySpec(.ct, .cervical, .without), when: "MRI contraindicated")
          ])),
      BookRule(
        .nk7,
        Rule(
          id: "NK-7",
          title: "Chronic neck pain (12 weeks or more) despite 6 weeks of care: radiographs first",
          urgency: .routine,
          source: acrCervical,
          year: 2018,
          certainty: .paraphrased,
          adultOnly: true),
        when: .all([chronic, .not(.yes(.xrayOPLL)), .not(.yes(.xrayDegenerative)), adult]),
        evidence: [.of([.painNeck])], inputs: chronicInputs,
        plan: PlanSpec(
          imaging: [StudySpec(.radiograph, .cervical, .none)],
          alternatives: [
            AlternativeSpec(
              StudySpec(.mri, .cervical, .without),
              when: "radiographs show degenerative change and symptoms persist (NK-8)")
          ])),
      BookRule(
        .nk6,
        Rule(
          id: "NK-6",
          title: "Cervicogenic headache without neurological deficit: no imaging first",
          urgency: Urgency.none,
          source: acrCervical,
          year: 2018,
          certainty: .paraphrased,
          adultOnly: true), phase: .fallback,
        when: .all([.site(.neck), .yes(.cervicogenicHeadache), adult]),
        evidence: [.of([.cervicogenicHeadache])]),
      BookRule(
        .nk1,
        Rule(
          id: "NK-1",
          title: "Non-traumatic neck pain without red flags: conservative care first",
          urgency: Urgency.none,
          source: acrCervical,
          year: 2018,
          certainty: .paraphrased,
          adultOnly: true,
          opposes: ["TR-0", "TR-1", "TR-2", "TR-3", "TR-8", "PECARN-0", "PECARN-1", "PECARN-2"]),
        phase: .fallback,
        when: .all([.site(.neck), .not(.anyYes(.trauma)), adult]), evidence: [.of(.neckSite)]
      ),
      BookRule(
        .rg2,
        Rule(
          id: "RG-2",
          title: "Arm radiation: image the cervical spine",
          urgency: nil,
          source: acrCervical,
          year: 2018,
          certainty: .paraphrased), phase: .region,
        when: .all([.planCovers([.cervical]), .yes(.radiatesArm)]),
        evidence: [.of([.radiatesArm])]),
    ]
  }
}
