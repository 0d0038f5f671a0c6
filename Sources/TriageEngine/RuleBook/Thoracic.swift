extension RuleBook {
  /// Thoracic (interscapular) pain, and spinal pain outside the low back with a red flag: the
  /// low back guidelines are not about them (ACR Low Back Pain's scope), and thoracic pain weighs
  /// more as a red flag (cancer, infection, fracture, the aorta).
  enum Thoracic {
    /// Thoracic pain without a lumbar presentation, age 16 or over or not recorded.
    static let thoracicOnly: Condition = .all([
      .site(.midBack), .not(.site(.lowBack)), .not(.age(.below(16))),
    ])
    /// Spinal pain outside the low back (neck, thoracic), or no site answered yet, age 16 or
    /// over or not recorded.
    static let outsideLowBack: Condition = .all([.not(.site(.lowBack)), .not(.age(.below(16)))])
    static let weighs =
      "Thoracic pain carries more weight as a red flag than low back pain (cancer, infection, fracture, the aorta)."

    static let rules: [BookRule] = [
      BookRule(
        .rf1,
        Rule(
          id: "RF-1",
          title:
            "Spinal pain outside the low back (neck or thoracic, or no site yet) with a red flag: suspicion of cancer (unexplained weight loss with age over 50 or night pain), or an infection risk or immunosuppression without signs: MRI of the painful region",
          urgency: .soon,
          source:
            "\(acrCervical) table 1 (secondary); NICE NG234 (thoracic pain with cancer); \(acrInfection); \(acp2011)",
          year: 2023,
          certainty: .synthesis,
          timeframe: "Within about 1 week",
          timeframeHours: 168,
          note: weighs,
          adultOnly: true),
        arms: [
          BookRule.Arm(
            when: .all([Cancer.suspicion, outsideLowBack]),
            evidence: [.of([.weightLoss, .nightPain]), .of(.neckSite), .of(.midSite)],
            inputs: [.of(.age, when: .age(.over(50)))],
            plan: Cancer.suspicionPlan),
          BookRule.Arm(
            when: .all([
              .not(Infection.signs), .anyYes(.neckInfectionRisk), outsideLowBack,
              .not(.site(.neckOnly)),
            ]),
            evidence: [.of(.neckInfectionRisk), .of(.midSite)],
            plan: Infection.riskWithoutSignsPlan),
        ]),
      BookRule(
        .th2,
        Rule(
          id: "TH-2",
          title:
            "Thoracic pain after previous surgery at that level, with new or progressing symptoms: MRI of the thoracic spine",
          urgency: .routine,
          source: "\(acrLBP) variant 5 (by analogy; no thoracic variant)",
          year: 2021,
          certainty: .synthesis,
          adultOnly: true),
        when: .all([.yes(.priorSpineSurgery), thoracicOnly]),
        evidence: [.of(.midSite), .of([.priorSpineSurgery])],
        plan: PlanSpec(
          imaging: [StudySpec(.mri, .thoracic, .withAndWithout)],
          alternatives: [
            AlternativeSpec(
              StudySpec(.radiograph, .thoracic, .none),
              when: "alignment, instability or hardware"),
            AlternativeSpec(
              StudySpec(.mri, .thoracic, .without), when: "gadolinium contraindicated"),
          ])),
      BookRule(
        .th1,
        Rule(
          id: "TH-1",
          title:
            "Thoracic pain without a red flag: no imaging now; review, and ask again about cancer, infection, fracture risk and the aorta, which weigh more with thoracic pain",
          urgency: Urgency.none,
          source:
            "\(acrLBP) (scope: thoracic pain is not covered); NICE NG234 (thoracic pain with cancer)",
          year: 2023,
          certainty: .synthesis,
          note: weighs,
          adultOnly: true), phase: .fallback,
        when: thoracicOnly, evidence: [.of(.midSite)]),
      BookRule(
        .ax1,
        Rule(
          id: "AX-1",
          title:
            "Inflammatory back pain (ankylosing spondylitis, axial spondyloarthritis or another inflammatory arthritis) without an injury: refer to rheumatology; no routine spine imaging (it is a fracture risk only after an injury)",
          urgency: Urgency.none,
          source:
            "ASAS-EULAR recommendations for axial spondyloarthritis (2022); \(acrLBP) variant 2; NICE NG59 1.1.4",
          year: 2022,
          certainty: .paraphrased,
          adultOnly: true,
          opposes: ["LBP-6", "FX-1", "TR-7"]), phase: .fallback,
        when: .all([
          .yes(.inflammatoryArthritis), .not(.anyYes(.trauma)), .not(.age(.below(16))),
          .any([.site(.lowBack), .site(.midBack)]),
        ]),
        evidence: [.of([.inflammatoryArthritis]), .of(.lowSite), .of(.midSite)]),
      BookRule(
        .rg5,
        Rule(
          id: "RG-5",
          title:
            "Pain between the shoulder blades comes from the lower cervical or upper thoracic spine; with arm radiation, the cervical spine",
          urgency: nil,
          source: "\(seed) heuristic; NICE CG75 (thoracic pain with cancer)",
          year: 2022,
          certainty: .unverified), phase: .region,
        when: .all([.site(.midBack), .planned]), evidence: [.of([.painMidBack, .radiatesArm])]),
    ]
  }
}
