extension RuleBook {
  /// Spinal infection (ACR Suspected Spine Infection).
  enum Infection {
    static let signs: Condition = .anyYes(.infectionSigns)
    /// The risk factors (tuberculosis residence counts only with fever).
    static let risks: [BookRule.Evidence] = [
      .of(.infectionRisk), .of([.tbRisk], when: .anyYes(.fever)),
    ]
    /// An infection risk without signs: MRI of the painful region with contrast.
    static let riskWithoutSignsPlan = PlanSpec(
      regions: .symptoms,
      imaging: [StudySpec(.mri, chosen: .withAndWithout)],
      alternatives: [
        AlternativeSpec(StudySpec(.mri, chosen: .without), when: "gadolinium contraindicated")
      ])
    static let plan = PlanSpec(
      regions: .symptoms,
      imaging: [StudySpec(.mri, chosen: .withAndWithout)],
      alternatives: [
        AlternativeSpec(
          StudySpec(.mri, chosen: .without), when: "gadolinium contraindicated or declined"),
        AlternativeSpec(StudySpec(.ct, chosen: .without), when: "MRI contraindicated"),
      ])

    static let rules: [BookRule] = [
      BookRule(
        .inf1,
        Rule(
          id: "INF-1",
          title:
            "Suspected spinal infection: fever or raised markers with an infection risk factor",
          urgency: .urgent,
          source: "\(acrInfection) variant 1; \(acp2011)",
          year: 2021,
          certainty: .verified),
        when: .all([
          signs,
          .any([
            .anyYes(.infectionRisk), .all([.anyYes(.fever), .yes(.tbRisk)]),
            .all([.anyYes(.fever), .yes(.abnormalLabs)]),
          ]),
        ]),
        evidence: [.of(.infectionSigns)] + risks, plan: plan),
      BookRule(
        .inf2,
        Rule(
          id: "INF-2",
          title:
            "Suspected infection after a recent spinal procedure (surgery, injection, stimulator)",
          urgency: .urgent,
          source: "\(acrInfection) variant 2",
          year: 2021,
          certainty: .verified),
        when: .all([signs, .yes(.recentSpinalProcedure)]),
        evidence: [.of(.infectionSigns), .of([.recentSpinalProcedure])], plan: plan),
      BookRule(
        .inf4,
        Rule(
          id: "INF-4",
          title:
            "Fever or raised inflammatory markers with spinal pain and no risk factor: exclude spinal infection",
          urgency: .soon,
          source: "\(acrInfection) variant 1 ('with or without fever')",
          year: 2021,
          certainty: .synthesis),
        when: .all([signs, .not(.fired(.inf1)), .not(.fired(.inf2))]),
        evidence: [.of(.infectionSigns)], plan: plan),
      BookRule(
        .inf3,
        Rule(
          id: "INF-3",
          title:
            "Suspected spinal infection with a neurological deficit: possible epidural abscess",
          urgency: .emergency,
          source: "\(acrInfection) variant 1",
          year: 2021,
          certainty: .synthesis,
          timeframe: "MRI as soon as possible, within 4 hours; whole spine for skip lesions",
          timeframeHours: 4), compression: true,
        when: .all([signs, .anyYes(.neuroDeficit)]),
        evidence: [.of(.infectionSigns)] + risks + [.of(.neuroDeficit)],
        plan: PlanSpec(
          imaging: [StudySpec(.mri, .wholeSpine, .withAndWithout)],
          alternatives: [
            AlternativeSpec(
              StudySpec(.mri, .wholeSpine, .without),
              when: "gadolinium contraindicated or declined"),
            AlternativeSpec(
              StudySpec(.ctMyelogram, .wholeSpine, .none), when: "MRI contraindicated"),
          ])),
      BookRule(
        .rg6,
        Rule(
          id: "RG-6",
          title:
            "Suspected infection: image the symptomatic segment; the whole spine if an epidural abscess is suspected",
          urgency: nil,
          source: acrInfection,
          year: 2021,
          certainty: .paraphrased), phase: .region,
        when: .any([.fired(.inf1), .fired(.inf2), .fired(.inf3), .fired(.inf4)]),
        evidence: [.of(.infectionSigns)]),
      BookRule(
        .seed6,
        Rule(
          id: "SEED-6",
          title:
            "Residence where tuberculosis is endemic raises the suspicion of spinal infection when there is fever",
          urgency: nil,
          source: "\(seed); no imaging-guideline anchor",
          year: 2022,
          certainty: .unverified,
          seedDifference:
            "The source article lists residence where tuberculosis is endemic as a red flag; no imaging guideline names it, so it counts only together with fever."
        ), phase: .note,
        when: .yes(.tbRisk), evidence: [.of([.tbRisk]), .of(.fever)]),
    ]
  }
}
