extension RuleBook {
  /// Neck pain and radiculopathy (ACR Cervical Neck Pain or Radiculopathy).
  enum Neck {
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
          certainty: .paraphrased),
        when: .all([.yes(.cancerHistory), .site(.neck)]),
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
          certainty: .verified),
        when: .all([Infection.signs, .site(.neck)]),
        evidence: [.of(.infectionSigns), .of(.neckSite)],
        plan: PlanSpec(imaging: [StudySpec(.mri, .cervical, .withAndWithout)])),
      // A systemic fracture risk raises the urgency whatever the site (after trauma the neck
      // follows the trauma rules).
      BookRule(
        .fx1,
        Rule(
          id: "FX-1",
          title:
            "A systemic fracture risk (osteoporosis, long-term steroids, inflammatory arthritis) with neck pain: radiographs of the cervical spine; a systemic red flag raises the urgency whatever the site (after trauma the neck follows the trauma rules)",
          urgency: .soon,
          source: "\(acrLBP) variant 6; \(acrCervical) table 1 (secondary)",
          year: 2021,
          certainty: .synthesis,
          timeframe: "Promptly, at this or the next visit (within about 1 week)",
          timeframeHours: 168),
        when: .all([.site(.neck), .anyYes(.systemicFractureRisk)]),
        evidence: [.of(.systemicFractureRisk), .of(.neckSite)],
        plan: PlanSpec(
          imaging: [StudySpec(.radiograph, .cervical, .none)],
          alternatives: [
            AlternativeSpec(
              StudySpec(.mri, .cervical, .without),
              when:
                "to show or date a fracture, or with neurological signs (ACR: usually appropriate)"
            ),
            AlternativeSpec(
              StudySpec(.ct, .cervical, .without),
              when: "radiographs equivocal and MRI contraindicated (ACR: usually appropriate)"),
          ])),
      BookRule(
        .nkRF,
        Rule(
          id: "NK-RF",
          title:
            "Neck pain with a red flag: inflammatory arthritis, an infection risk (IV drug use, immunosuppression, recent infection), or vascular disease over age 50 (consider arterial dissection)",
          urgency: .soon,
          source: "\(acrCervical) table 1 (secondary)",
          year: 2018,
          certainty: .unverified),
        when: .all([
          .site(.neck),
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
          certainty: .paraphrased),
        when: .all([.yes(.priorSpineSurgery), .site(.neck)]),
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
            "The source article sends arm radiation straight to a cervical MRI; the guideline agrees on the region but starts with conservative care."
        ),
        when: .all([
          .conservativeWeeks(.atLeast(6)), .yes(.interventionCandidate), .yes(.radiatesArm),
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
          certainty: .paraphrased),
        when: .all([chronic, .yes(.xrayOPLL)]), evidence: [.of([.painNeck, .xrayOPLL])],
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
          certainty: .paraphrased),
        when: .all([chronic, .yes(.xrayDegenerative)]),
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
          certainty: .paraphrased),
        when: .all([chronic, .not(.yes(.xrayOPLL)), .not(.yes(.xrayDegenerative))]),
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
          certainty: .paraphrased), phase: .fallback,
        when: .all([.site(.neck), .yes(.cervicogenicHeadache)]),
        evidence: [.of([.cervicogenicHeadache])]),
      BookRule(
        .nk1,
        Rule(
          id: "NK-1",
          title: "Non-traumatic neck pain without red flags: conservative care first",
          urgency: Urgency.none,
          source: acrCervical,
          year: 2018,
          certainty: .paraphrased), phase: .fallback, when: .site(.neck), evidence: [.of(.neckSite)]
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
