extension RuleBook {
  /// The aorta before the spine: an aneurysm can present as back pain.
  enum Aorta {
    static let plan = PlanSpec(
      imaging: [StudySpec(.ultrasound, .abdominalAorta, .none)],
      alternatives: [
        AlternativeSpec(
          StudySpec(.ctAngiography, .abdominalAorta, .withAndWithout),
          when: "per the local aortic pathway, or ultrasound inconclusive")
      ])

    static let rules: [BookRule] = [
      BookRule(
        .aaa2,
        Rule(
          id: "AAA-2",
          title:
            "Signs of an aortic aneurysm with sudden onset or circulatory compromise: possible rupture or dissection; assess the aorta now, before any spine imaging",
          urgency: .emergency,
          source: "\(aaa); ESVS 2024 abdominal aortic aneurysm guideline",
          year: 2020,
          certainty: .paraphrased,
          timeframe:
            "Now, within 1 hour: bedside ultrasound or CT angiography of the aorta (local pathway) before any spine imaging",
          timeframeHours: 1), aortaFirst: true,
        when: .all([.yes(.aorticSigns), .anyYes([.suddenOnset, .abnormalABC])]),
        evidence: [.of([.suddenOnset, .abnormalABC, .aorticSigns])], plan: plan),
      BookRule(
        .aaa1,
        Rule(
          id: "AAA-1",
          title:
            "Pulsatile abdominal mass or known aortic aneurysm with back pain: assess the aorta before any spine imaging; no spine study comes first",
          urgency: .urgent,
          source: "\(aaa); ESVS 2024 abdominal aortic aneurysm guideline",
          year: 2020,
          certainty: .paraphrased,
          timeframe:
            "Aorta first: bedside ultrasound or CT angiography (local pathway) within 24 hours, at once if the pain is severe or the patient unwell",
          timeframeHours: 24), aortaFirst: true,
        when: .all([.yes(.aorticSigns), .not(.fired(.aaa2))]),
        evidence: [.of([.aorticSigns])], plan: plan),
    ]
  }
}
