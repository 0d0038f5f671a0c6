extension RuleBook {
  /// Cancer: suspected spinal metastases and metastatic spinal cord compression (NICE NG234).
  enum Cancer {
    /// The history and the symptoms that suggest metastases.
    static let base: [BookRule.Evidence] = [
      .of([.cancerHistory]), .of(.metastasisSymptoms), .of(.lowSite),
    ]
    /// Suspicion of cancer without a history: several risk factors (ACP 2011).
    static let suspicion: Condition = .all([
      .not(.yes(.cancerHistory)), .yes(.weightLoss),
      .any([.age(.over(50)), .yes(.nightPain)]),
    ])
    /// Suspicion of cancer (ACP 2011): MRI of the painful region, or radiographs with ESR first.
    static let suspicionPlan = PlanSpec(
      regions: .symptoms,
      imaging: [StudySpec(.mri, chosen: .without)],
      alternatives: [
        AlternativeSpec(
          StudySpec(.radiograph, chosen: .none),
          when: "ACP 2011 alternative: radiographs with ESR first, MRI if suspicion remains")
      ])
    static let wholeSpine = PlanSpec(
      imaging: [StudySpec(.mri, .wholeSpine, .without)],
      alternatives: [
        AlternativeSpec(
          StudySpec(.ct, .wholeSpine, .without),
          when: "MRI contraindicated (myelography only at a spinal centre; never plain films)")
      ])

    static let rules: [BookRule] = [
      BookRule(
        .ca2,
        Rule(
          id: "CA-2",
          title:
            "Cancer with spinal pain and neurological symptoms or signs: suspected metastatic spinal cord compression, an oncological emergency",
          urgency: .emergency,
          source: nice,
          year: 2023,
          certainty: .verified,
          timeframe:
            "MRI whole spine as soon as possible, always within 24 hours; contact the MSCC coordinator now",
          timeframeHours: 24), compression: true,
        when: .all([.yes(.cancerHistory), .anyYes(.cancerNeuro)]),
        evidence: base + [.of(.cancerNeuro)], plan: wholeSpine),
      BookRule(
        .ca1,
        Rule(
          id: "CA-1",
          title: "History of cancer with spinal pain: suspected spinal metastases",
          urgency: .soon,
          source: nice,
          year: 2023,
          certainty: .verified,
          timeframe:
            "Contact the MSCC coordinator within 24 hours; MRI whole spine within 1 week, sooner if symptoms progress",
          timeframeHours: 168), when: .yes(.cancerHistory), evidence: base, plan: wholeSpine),
      BookRule(
        .rg4,
        Rule(
          id: "RG-4",
          title: "Known cancer with suspected metastases: image the whole spine",
          urgency: nil,
          source: nice,
          year: 2023,
          certainty: .verified), phase: .region,
        when: .any([.fired(.ca1), .fired(.ca2)]), evidence: [.of([.cancerHistory])]),
    ]
  }
}
