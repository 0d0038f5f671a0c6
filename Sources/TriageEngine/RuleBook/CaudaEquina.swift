extension RuleBook {
  /// Cauda equina syndrome (GIRFT national pathway, ACR Low Back Pain variant 4).
  enum CaudaEquina {
    /// A severe or progressive deficit of both legs with a lumbar presentation (above the lumbar
    /// spine it is cord compression).
    static let bothLegs: Condition = .all([
      .yes(.bilateralDeficit), .anyYes(.bothLegsSevere), .site(.lowBack),
    ])
    static let suspected: Condition = .any([.anyYes(.cesCore), bothLegs])
    static let evidence: [BookRule.Evidence] = [
      .of(.cesCore), .of(.bothLegsSevere, when: bothLegs), .of([.bilateralDeficit], when: bothLegs),
      .of([.sexualDysfunction]),
    ]
    static let plan = PlanSpec(
      imaging: [StudySpec(.mri, .lumbosacral, .without)],
      alternatives: [
        AlternativeSpec(
          StudySpec(.mri, .lumbosacral, .withAndWithout),
          when: "if tumour or infection is also suspected (ACR V4 rates it usually appropriate too)"
        ),
        AlternativeSpec(
          StudySpec(.ctMyelogram, .lumbosacral, .none),
          when: "MRI contraindicated or not available in time"),
        AlternativeSpec(
          StudySpec(.ct, .lumbosacral, .without),
          when: "MRI contraindicated and myelography not available"),
      ])

    static let rules: [BookRule] = [
      BookRule(
        .ces1,
        Rule(
          id: "CES-1",
          title: "Suspected cauda equina syndrome",
          urgency: .emergency,
          source: girft,
          year: 2023,
          certainty: .verified,
          timeframe: "MRI as soon as possible, within 4 hours of the request",
          timeframeHours: 4,
          seedDifference:
            "The iCliniq article this aid started from lists bladder, bowel or erectile dysfunction; the national pathway asks for new (within 14 days) or worsening features, adds lost rectal-fullness and urinary-flow sensation, and does not escalate erectile dysfunction alone.",
          seedAbout: [.bladderBowel, .sexualDysfunction]), compression: true, when: suspected,
        evidence: evidence, plan: plan),
      BookRule(
        .lbp4,
        Rule(
          id: "LBP-4",
          title:
            "Low back pain with suspected cauda equina syndrome: MRI lumbosacral spine (without, or without and with, contrast)",
          urgency: .emergency,
          source: "\(acrLBP) variant 4",
          year: 2021,
          certainty: .paraphrased,
          timeframe: "MRI as soon as possible, within 4 hours of the request",
          timeframeHours: 4,
          adultOnly: true,
          lumbarOnly: true), compression: true,
        when: .all([.fired(.ces1), .site(.lowBack), .not(.age(.below(16)))]), evidence: evidence,
        plan: plan),
      BookRule(
        .ces3,
        Rule(
          id: "CES-3",
          title:
            "Emergency MRI of the lumbosacral spine within 4 hours; a bladder scan only if it does not delay MRI (a residual under 200 mL does not exclude cauda equina syndrome); rectal examination not required",
          urgency: nil,
          source: "\(girft) (BMJ Best Practice summary)",
          year: 2023,
          certainty: .paraphrased), when: .fired(.ces1), evidence: evidence),
      BookRule(
        .ces2,
        Rule(
          id: "CES-2",
          title:
            "Back pain with sexual dysfunction as the only other feature is unlikely to be cauda equina syndrome: ask about bladder, bowel and saddle sensation",
          urgency: nil,
          source: girft,
          year: 2023,
          certainty: .verified,
          seedDifference:
            "The iCliniq article this aid started from counts erectile dysfunction as a red flag on its own; the national pathway does not escalate it alone.",
          seedAbout: [.sexualDysfunction],
          opposes: ["CES-1"]),
        when: .all([.not(.fired(.ces1)), .yes(.sexualDysfunction)]),
        evidence: [.of([.sexualDysfunction])]),
    ]
  }
}
