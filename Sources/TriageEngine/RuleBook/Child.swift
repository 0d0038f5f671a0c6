extension RuleBook {
  /// Children under 16 with back or neck pain: the ACR Back Pain-Child criteria (the adult
  /// back-pain guidelines are not for children: NICE NG59 is for 16 and over, ACP and ACR Low
  /// Back Pain are adult). Red flags: constant or night pain, radicular pain, pain for more than
  /// 4 weeks, an abnormal neurological examination, and the systemic flags.
  enum Child {
    static let child: Condition = .age(.below(16))
    static let anySite: Condition = .any([.site(.lowBack), .site(.neck), .site(.midBack)])
    static let source = "ACR Appropriateness Criteria Back Pain-Child (2017)"

    static let rules: [BookRule] = [
      BookRule(
        .ped3,
        Rule(
          id: "PED-3",
          title:
            "Child under 16 with an abnormal neurological examination: MRI of the painful region (without contrast; with contrast if tumour or infection is suspected)",
          urgency: .urgent,
          source: source,
          year: 2017,
          certainty: .paraphrased,
          timeframe:
            "MRI within 24 hours; emergency pathways (cauda equina, cord compression) first",
          timeframeHours: 24), compression: true,
        when: .all([child, .anyYes(.childNeuro)]),
        evidence: [.of(.childNeuro), .of(.lowSite), .of(.neckSite), .of(.midSite)],
        inputs: [.of(.age)],
        plan: PlanSpec(
          regions: .symptoms,
          imaging: [StudySpec(.mri, chosen: .without)],
          alternatives: [
            AlternativeSpec(
              StudySpec(.mri, chosen: .withAndWithout),
              when: "if tumour or infection is suspected")
          ])),
      BookRule(
        .ped2,
        Rule(
          id: "PED-2",
          title:
            "Child under 16 with back or neck pain and a red flag (night pain, radicular pain, pain for more than 4 weeks, a systemic flag): radiographs of the painful region; MRI if there are neurological signs or the flags persist with normal radiographs",
          urgency: .soon,
          source: source,
          year: 2017,
          certainty: .paraphrased,
          timeframe: "Radiographs within about 1 week",
          timeframeHours: 168),
        when: .all([
          child, anySite, .any([.anyYes(.childRedFlags), .symptomWeeks(.over(4))]),
        ]),
        evidence: [.of(.childRedFlags), .of(.lowSite), .of(.neckSite), .of(.midSite)],
        inputs: [.of(.age), .of(.symptomWeeks, when: .symptomWeeks(.over(4)))],
        plan: PlanSpec(
          regions: .symptoms,
          imaging: [StudySpec(.radiograph, chosen: .none)],
          alternatives: [
            AlternativeSpec(
              StudySpec(.mri, chosen: .without),
              when: "neurological signs, or the red flags persist with normal radiographs")
          ])),
    ]
  }
}
