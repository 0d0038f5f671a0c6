extension RuleBook {
  /// Low back pain (ACR Low Back Pain, ACP/APS, NICE NG59, Choosing Wisely), fracture risk, and
  /// where the seed article differs from the guidelines.
  enum LowBack {
    /// A lumbar presentation (low back pain or leg radiation), age 16 or over or not recorded:
    /// the low back guidelines apply (thoracic pain has its own rules, children theirs).
    static let back: Condition = .all([.site(.lowBack), .not(.age(.below(16)))])
    static let backSites: [BookRule.Evidence] = [.of(.lowSite), .of(.midSite)]
    /// Low-velocity trauma or age over 70 with low back symptoms: a fracture risk of the back.
    static let backTrauma: Condition = .all([
      .any([.yes(.traumaMinor), .age(.over(70))]), back,
    ])
    /// The decision so far is routine or no imaging: a seed difference matters to this patient.
    static let matters: Condition = .decidedAtMost(.routine)
    static let lumbarMRI = PlanSpec(
      imaging: [StudySpec(.mri, .lumbar, .without)],
      alternatives: [
        AlternativeSpec(StudySpec(.ct, .lumbar, .without), when: "MRI contraindicated"),
        AlternativeSpec(
          StudySpec(.ctMyelogram, .lumbar, .none), when: "MRI contraindicated and CT inconclusive"),
      ])

    static let rules: [BookRule] = [
      BookRule(
        .lbp7,
        Rule(
          id: "LBP-7",
          title: "Back pain with suspicion of cancer, infection or immunosuppression: MRI",
          urgency: .soon,
          source: "\(acrLBP) variant 7",
          year: 2021,
          certainty: .paraphrased,
          adultOnly: true,
          lumbarOnly: true),
        arms: [
          BookRule.Arm(
            when: .all([.yes(.cancerHistory), back]), evidence: Cancer.base,
            plan: PlanSpec(imaging: [StudySpec(.mri, .lumbar, .without)])),
          BookRule.Arm(
            when: .all([Cancer.suspicion, back]), evidence: [.of([.weightLoss, .nightPain])],
            inputs: [.of(.age, when: .age(.over(50)))],
            plan: Cancer.suspicionPlan),
          // Infection risk or immunosuppression without signs, with low back pain (other sites:
          // RF-1 and the cervical red-flag rule).
          BookRule.Arm(
            when: .all([.not(Infection.signs), .anyYes(.neckInfectionRisk), back]),
            evidence: [.of(.neckInfectionRisk)],
            plan: Infection.riskWithoutSignsPlan),
        ]),
      BookRule(
        .acp4,
        Rule(
          id: "ACP-4",
          title:
            "Immediate MRI is listed for major cancer risk and for fever with IV drug use or recent infection; the timing follows the more specific guidelines (cancer within 1 week without neurological signs, infection within 24 hours)",
          urgency: nil,
          source: acp2011,
          year: 2011,
          certainty: .paraphrased,
          adultOnly: true),
        arms: [
          BookRule.Arm(
            when: .all([.yes(.cancerHistory), Neck.adult]), evidence: [.of([.cancerHistory])]),
          BookRule.Arm(
            when: .all([Cancer.suspicion, Neck.adult]),
            evidence: [.of([.weightLoss, .nightPain])]),
          BookRule.Arm(
            when: .all([
              .fired(.inf1), .anyYes(.acpInfection), .anyYes(.fever), Neck.adult,
            ]),
            evidence: [.of(.fever), .of(.acpInfection)]),
        ]),
      // Systemic fracture risks raise the urgency whatever the site; low-velocity trauma and age
      // over 70 are fracture risks of the painful back.
      BookRule(
        .lbp6,
        Rule(
          id: "LBP-6",
          title:
            "Low back pain with a fracture risk (a fall from standing height, osteoporosis, age over 70, long-term steroids): radiographs of the painful region",
          urgency: .soon,
          source: "\(acrLBP) variant 6",
          year: 2021,
          certainty: .paraphrased,
          timeframe: "Promptly, at this or the next visit (within about 1 week)",
          timeframeHours: 168,
          note: "ACP 2011 would defer radiographs until after a 1-month trial; this follows ACR.",
          seedDifference:
            "The iCliniq article this aid started from lists long-term steroids as a red flag; the guidelines agree it is a fracture risk.",
          seedAbout: [.steroids],
          adultOnly: true,
          lumbarOnly: true),
        when: .any([backTrauma, .all([.anyYes(.systemicFractureRisk), back])]),
        evidence: [.of(.systemicFractureRisk), .of([.traumaMinor], when: backTrauma)]
          + backSites,
        inputs: [.of(.age, when: .age(.over(70)))],
        plan: PlanSpec(
          regions: .back,
          imaging: [StudySpec(.radiograph, chosen: .none)],
          alternatives: [
            AlternativeSpec(
              StudySpec(.mri, chosen: .without),
              when:
                "to show or date a fracture, or with neurological signs (ACR: usually appropriate)"
            ),
            AlternativeSpec(
              StudySpec(.ct, chosen: .without),
              when: "radiographs equivocal and MRI contraindicated (ACR: usually appropriate)"),
          ])),
      BookRule(
        .lbp5,
        Rule(
          id: "LBP-5",
          title: "Previous lumbar surgery with new or progressing symptoms",
          urgency: .routine,
          source: "\(acrLBP) variant 5",
          year: 2021,
          certainty: .paraphrased,
          adultOnly: true,
          lumbarOnly: true),
        when: .all([.yes(.priorSpineSurgery), back]),
        evidence: [.of(.lowSite), .of([.priorSpineSurgery])],
        plan: PlanSpec(
          regions: .back,
          imaging: [StudySpec(.mri, chosen: .withAndWithout)],
          alternatives: [
            AlternativeSpec(
              StudySpec(.radiograph, chosen: .none),
              when: "alignment, instability or hardware (ACR: usually appropriate)"),
            AlternativeSpec(StudySpec(.mri, chosen: .without), when: "gadolinium contraindicated"),
            AlternativeSpec(
              StudySpec(.ct, chosen: .without),
              when: "fusion or hardware integrity; MRI contraindicated"),
          ])),
      BookRule(
        .lbp3,
        Rule(
          id: "LBP-3",
          title:
            "Persistent low back pain after 6 weeks of optimal care in a surgery or injection candidate",
          urgency: .routine,
          source: "\(acrLBP) variant 3",
          year: 2021,
          certainty: .verified,
          note: "ACP 2011 uses a 1-month trial.",
          seedDifference:
            "The iCliniq article this aid started from says a trial of at least a month; the guidelines use 6 weeks and image only candidates for surgery or injection.",
          seedAbout: [.interventionCandidate],
          adultOnly: true,
          lumbarOnly: true),
        when: .all([
          .conservativeWeeks(.atLeast(6)), .yes(.interventionCandidate), back,
        ]),
        evidence: [.of(.lowSite), .of([.interventionCandidate])],
        inputs: [.of(.conservativeWeeks)], plan: lumbarMRI),
      BookRule(
        .acp3,
        Rule(
          id: "ACP-3",
          title:
            "Persistent radiculopathy or stenosis in a candidate for surgery or epidural injection: MRI preferred",
          urgency: .routine,
          source: "\(acp2007) recommendation 4",
          year: 2007,
          certainty: .verified,
          adultOnly: true,
          lumbarOnly: true),
        when: .all([.fired(.lbp3), .yes(.radiatesLeg)]),
        evidence: [.of(.lowSite), .of([.interventionCandidate])],
        inputs: [.of(.conservativeWeeks)], plan: lumbarMRI),
      // Weak cancer risk factors, after a 1-month trial (ACP 2011).
      BookRule(
        .acp5,
        Rule(
          id: "ACP-5",
          title:
            "Unexplained weight loss, a weak cancer risk factor, after a 1-month trial: radiographs with ESR (age over 50 alone never calls for imaging)",
          urgency: .routine,
          source: acp2011,
          year: 2011,
          certainty: .paraphrased,
          adultOnly: true,
          lumbarOnly: true),
        when: .all([.conservativeWeeks(.atLeast(4)), back, .yes(.weightLoss)]),
        evidence: [.of([.weightLoss])],
        inputs: [.of(.conservativeWeeks), .of(.age, when: .age(.over(50)))],
        plan: PlanSpec(
          imaging: [StudySpec(.radiograph, .lumbosacral, .none)],
          alternatives: [
            AlternativeSpec(
              StudySpec(.mri, .lumbar, .without),
              when: "radiographs negative but clinical suspicion of cancer remains (ACP 2011)")
          ])),
      BookRule(
        .lbp1,
        Rule(
          id: "LBP-1",
          title:
            "Acute low back pain (under 6 weeks), with or without radiculopathy, no red flags: no imaging",
          urgency: Urgency.none,
          source: "\(acrLBP) variant 1",
          year: 2021,
          certainty: .verified,
          adultOnly: true,
          lumbarOnly: true), phase: .fallback,
        when: .all([back, .symptomWeeks(.below(6))]), evidence: [.of(.lowSite)],
        inputs: [.of(.symptomWeeks)]),
      BookRule(
        .cw1,
        Rule(
          id: "CW-1",
          title: "No imaging for low back pain in the first 6 weeks unless red flags are present",
          urgency: Urgency.none,
          source: "Choosing Wisely (AAFP 2012; NASS 2013)",
          year: 2013,
          certainty: .verified,
          adultOnly: true,
          lumbarOnly: true), phase: .fallback,
        when: .all([back, .symptomWeeks(.below(6))]), evidence: [.of(.lowSite)],
        inputs: [.of(.symptomWeeks)]),
      BookRule(
        .lbp2,
        Rule(
          id: "LBP-2",
          title:
            "Subacute or chronic low back pain without red flags or completed conservative care: no imaging",
          urgency: Urgency.none,
          source: "\(acrLBP) variant 2",
          year: 2021,
          certainty: .verified,
          adultOnly: true,
          lumbarOnly: true), phase: .fallback,
        when: .all([back, .symptomWeeks(.atLeast(6))]), evidence: [.of(.lowSite)],
        inputs: [.of(.symptomWeeks)]),
      BookRule(
        .acp1,
        Rule(
          id: "ACP-1",
          title: "Do not routinely image nonspecific low back pain",
          urgency: Urgency.none,
          source: "\(acp2007) recommendation 2",
          year: 2007,
          certainty: .verified,
          adultOnly: true,
          lumbarOnly: true), phase: .fallback, when: back, evidence: [.of(.lowSite)]),
      BookRule(
        .nice1,
        Rule(
          id: "NICE-1",
          title:
            "Do not routinely offer imaging in a non-specialist setting for low back pain with or without sciatica",
          urgency: Urgency.none,
          source: "NICE NG59 1.1.4 (2016, updated 2020); QS155 statement 2",
          year: 2020,
          certainty: .verified,
          adultOnly: true,
          lumbarOnly: true), phase: .fallback, when: back, evidence: [.of(.lowSite)]),
      BookRule(
        .rg1,
        Rule(
          id: "RG-1",
          title:
            "Leg-dominant pain or cauda equina features: image the lumbar or lumbosacral spine",
          urgency: nil,
          source: "\(acrLBP); \(girft)",
          year: 2023,
          certainty: .verified), phase: .region,
        when: .all([
          .planCovers([.lumbar, .lumbosacral]), .any([.yes(.radiatesLeg), .fired(.ces1)]),
        ]),
        evidence: [.of([.radiatesLeg]), .of(.cesCore)]),
      BookRule(
        .ped1,
        Rule(
          id: "PED-1",
          title:
            "Under 16 with back or neck pain and no red flag of the child criteria (constant or night pain, radicular pain, pain for more than 4 weeks, an abnormal neurological examination, a systemic flag): no imaging now; review, and refer to paediatrics if the pain persists",
          urgency: Urgency.none,
          source: "ACR Appropriateness Criteria Back Pain-Child (2017)",
          year: 2017,
          certainty: .paraphrased,
          seedDifference:
            "The iCliniq article this aid started from lists age under 16 as a red flag on its own; no guideline supports that.",
          seedAboutAge: true,
          opposes: ["PED-2", "PED-3"]), phase: .fallback,
        when: .all([
          .age(.below(16)), .any([.site(.lowBack), .site(.neck), .site(.midBack)]),
          .not(.anyYes(.trauma)),
        ]),
        evidence: [.of(.lowSite), .of(.neckSite), .of(.midSite)], inputs: [.of(.age)]),
      BookRule(
        .seed1,
        Rule(
          id: "SEED-1",
          title: "Age over 50 alone does not call for imaging",
          urgency: nil,
          source: "ACP High-Value Care 2011; NASS Choosing Wisely 2013",
          year: 2013,
          certainty: .synthesis,
          seedDifference:
            "The iCliniq article this aid started from lists age under 16 or over 50 as a red flag; the guidelines treat age over 50 as a weak cancer risk factor, never a reason for imaging on its own.",
          seedAboutAge: true,
          opposes: ["ACP-5", "LBP-6"]), phase: .note,
        when: .all([.age(.over(50)), .decidedAtMost(.none)]), evidence: [], inputs: [.of(.age)]),
      BookRule(
        .seed5,
        Rule(
          id: "SEED-5",
          title: "Low body weight alone does not call for imaging",
          urgency: nil,
          source: "ACP/APS 2007; ACP High-Value Care 2011",
          year: 2011,
          certainty: .synthesis,
          seedDifference:
            "The iCliniq article this aid started from lists weight below average for height as an examination sign; the guideline flag is unexplained weight loss.",
          seedAbout: [.lowBodyWeight],
          adultOnly: true), phase: .note,
        when: .all([.yes(.lowBodyWeight), matters, Neck.adult]), evidence: [.of([.lowBodyWeight])]),
      BookRule(
        .seed7,
        Rule(
          id: "SEED-7",
          title: "Night pain without a history of cancer does not call for imaging on its own",
          urgency: nil,
          source: "Downie et al., BMJ 2013; NICE NG234 (2023)",
          year: 2013,
          certainty: .verified,
          seedDifference:
            "The iCliniq article this aid started from lists unrelenting night pain as a red flag; it predicts serious disease poorly except in people with cancer (and in children, where it is a red flag).",
          seedAbout: [.nightPain],
          adultOnly: true,
          opposes: ["PED-2"]), phase: .note,
        when: .all([.yes(.nightPain), .not(.yes(.cancerHistory)), matters, Neck.adult]),
        evidence: [.of([.nightPain])]),
    ]
  }
}
