extension RuleBook {
  /// Cord compression: myelopathy (ACR Myelopathy), spinal epidural haematoma, and a severe or
  /// progressive deficit (ACP).
  enum CordCompression {
    /// A severe or progressive deficit of both sides with neck, arm or interscapular symptoms
    /// (or no site yet): cord compression until shown otherwise.
    static let cordDeficit: Condition = .all([
      .yes(.bilateralDeficit), .anyYes(.bothLegsSevere),
      .any([.site(.neck), .site(.midBack), .not(.site(.lowBack))]),
    ])
    static let plan = PlanSpec(
      regions: .cord,
      imaging: [StudySpec(.mri, chosen: .without)],
      alternatives: [
        AlternativeSpec(
          StudySpec(.mri, chosen: .withAndWithout),
          when: "if tumour, inflammation or infection is suspected"),
        AlternativeSpec(StudySpec(.ctMyelogram, chosen: .none), when: "MRI contraindicated"),
      ])
    static let bleed: Condition = .all([.yes(.anticoagulated), .yes(.suddenOnset)])

    static let rules: [BookRule] = [
      // Unknown duration is treated as acute: never assume the slower tempo.
      BookRule(
        .my2,
        Rule(
          id: "MY-2",
          title: "Chronic myelopathy (cord signs or symptoms for 4 weeks or more)",
          urgency: .soon,
          source: "\(acrMyelopathy) variant 2",
          year: 2020,
          certainty: .verified), compression: true,
        when: .all([.anyYes(.myelopathy), .not(cordDeficit), .symptomWeeks(.atLeast(4))]),
        evidence: [.of(.myelopathy)], inputs: [.of(.symptomWeeks)], plan: plan),
      BookRule(
        .my1,
        Rule(
          id: "MY-1",
          title:
            "Acute myelopathy or cord compression (upper motor neuron signs or cord symptoms of recent or unknown onset, or a severe or progressive deficit of both sides above the lumbar spine)",
          urgency: .emergency,
          source: "\(acrMyelopathy) variant 1",
          year: 2020,
          certainty: .verified,
          timeframe:
            "MRI as soon as possible, within 4 hours (a progressing cord deficit, like cauda equina syndrome)",
          timeframeHours: 4,
          seedDifference:
            "The iCliniq article this aid started from suggests a thoracic MRI only if the lumbar MRI is negative; the cord ends at L1-L2, so the cord level is imaged first.",
          seedAbout: [.umnSigns, .myelopathySymptoms, .bilateralDeficit]), compression: true,
        when: .all([.any([.anyYes(.myelopathy), cordDeficit]), .not(.fired(.my2))]),
        evidence: [
          .of(.myelopathy), .of(.bothLegsSevere, when: cordDeficit),
          .of([.bilateralDeficit], when: cordDeficit),
        ],
        inputs: [.of(.symptomWeeks)], plan: plan),
      BookRule(
        .seh1,
        Rule(
          id: "SEH-1",
          title:
            "Anticoagulated or bleeding disorder, sudden severe spinal pain and a new neurological deficit: suspected spinal epidural haematoma",
          urgency: .emergency,
          source: "\(seh); Domenicucci et al. 2017 (outcome by hours to decompression)",
          year: 2011,
          certainty: .paraphrased,
          timeframe:
            "MRI as soon as possible, within 4 hours; the outcome depends on the time to decompression",
          timeframeHours: 4,
          note:
            "Reverse the anticoagulation and contact the spinal surgeons while the scan is arranged."
        ), compression: true,
        when: .all([bleed, .anyYes(.neuroDeficit)]),
        evidence: [
          .of([.anticoagulated, .suddenOnset]), .of(.neuroDeficit), .of(.lowSite), .of(.neckSite),
          .of(.midSite),
        ],
        plan: PlanSpec(
          regions: .symptoms,
          imaging: [StudySpec(.mri, chosen: .without)],
          alternatives: [
            AlternativeSpec(StudySpec(.ctMyelogram, chosen: .none), when: "MRI contraindicated"),
            AlternativeSpec(StudySpec(.ct, chosen: .without), when: "MRI not available at once"),
          ])),
      BookRule(
        .seh2,
        Rule(
          id: "SEH-2",
          title:
            "Anticoagulated or bleeding disorder with sudden severe spinal pain and no deficit yet: urgent MRI of the painful region the same day, because the deficit of an epidural haematoma follows the pain within hours; consider aortic causes",
          urgency: .urgent,
          source:
            "\(seh); Domenicucci et al. 2017; ESC 2014 aortic guideline (abrupt severe back pain is a high-risk feature)",
          year: 2011,
          certainty: .paraphrased,
          timeframe:
            "MRI of the painful region the same day, within 24 hours; at once if weakness, numbness or bladder symptoms appear",
          timeframeHours: 24),
        compression: true,
        when: .all([bleed, .not(.anyYes(.neuroDeficit))]),
        evidence: [
          .of([.anticoagulated, .suddenOnset]), .of(.lowSite), .of(.neckSite), .of(.midSite),
        ],
        plan: PlanSpec(
          regions: .symptoms,
          imaging: [StudySpec(.mri, chosen: .without)],
          alternatives: [
            AlternativeSpec(StudySpec(.ctMyelogram, chosen: .none), when: "MRI contraindicated"),
            AlternativeSpec(
              StudySpec(.ct, chosen: .without), when: "MRI not available within 24 hours"),
          ])),
      BookRule(
        .acp2,
        Rule(
          id: "ACP-2",
          title: "Severe or progressive neurological deficit: imaging now",
          urgency: .urgent,
          source: "\(acp2007) recommendation 3",
          year: 2007,
          certainty: .verified,
          adultOnly: true), compression: true,
        when: .all([.anyYes(.severeOrProgressive), .not(.age(.below(16)))]),
        evidence: [.of(.severeOrProgressive)],
        plan: PlanSpec(
          regions: .either(.any([.yes(.umnSigns), .yes(.myelopathySymptoms)]), .cord, .symptoms),
          imaging: [StudySpec(.mri, chosen: .without)],
          alternatives: [
            AlternativeSpec(StudySpec(.ctMyelogram, chosen: .none), when: "MRI contraindicated")
          ])),
      BookRule(
        .rg3,
        Rule(
          id: "RG-3",
          title:
            "Upper motor neuron signs or a deficit of both sides: image the cord level (cervical with or without thoracic), the whole spine if the level is unclear",
          urgency: nil,
          source: acrMyelopathy,
          year: 2020,
          certainty: .synthesis,
          seedDifference:
            "The iCliniq article this aid started from suggests a thoracic MRI only if the lumbar MRI is negative; the cord ends at L1-L2, so the cord level is imaged first.",
          seedAbout: [.umnSigns, .myelopathySymptoms, .bilateralDeficit]), phase: .region,
        when: .any([
          .fired(.my1), .fired(.my2),
          .all([.yes(.bilateralDeficit), .fired(.acp2), .not(.site(.lowBack))]),
        ]),
        evidence: [.of(.myelopathy), .of([.bilateralDeficit])]),
    ]
  }
}
