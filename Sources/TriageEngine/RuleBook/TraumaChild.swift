extension RuleBook {
  /// Trauma in children under 16: the PECARN cervical-spine rule (2024; not yet externally
  /// validated).
  enum TraumaChild {
    static let child: Condition = .all([.anyYes(.trauma), .age(.below(16))])
    /// Every PECARN clearance item is no, the neck not tender.
    static let cleared: Condition = .all([
      .allNo(.pecarnClearanceBesidesTenderness), .noNeckTenderness,
    ])

    static let rules: [BookRule] = [
      BookRule(
        .pecarn1,
        Rule(
          id: "PECARN-1",
          title:
            "Child under 16 after trauma with a high-risk factor (GCS 8 or less or unresponsive, abnormal airway, breathing or circulation, focal neurological deficit): CT cervical spine",
          urgency: .emergency,
          source: pecarn,
          year: 2024,
          certainty: .paraphrased,
          timeframe: "CT now, within 1 hour, in the emergency department",
          timeframeHours: 1,
          note:
            "The PECARN rule was published in 2024 and is not yet externally validated (sensitivity 94%, negative predictive value 99.9% in 22,430 children); use clinical judgement."
        ),
        when: .all([child, .anyYes(.pecarnHigh)]), evidence: [.of(.trauma), .of(.pecarnHigh)],
        inputs: [.of(.age)], plan: TraumaAdult.cervicalCTPlan),
      BookRule(
        .pecarn2,
        Rule(
          id: "PECARN-2",
          title:
            "Child under 16 after trauma with a moderate-risk factor (altered alertness, neck pain or midline tenderness, torso or head injury needing admission) or with the risk factors not yet answered: radiographs of the cervical spine first",
          urgency: .emergency,
          source: pecarn,
          year: 2024,
          certainty: .paraphrased,
          timeframe:
            "Radiographs now, within 1 hour, in the emergency department; CT if a high-risk factor appears",
          timeframeHours: 1,
          note:
            "The PECARN rule was published in 2024 and is not yet externally validated; radiographs first spare a child the radiation of CT."
        ),
        when: .all([
          child, .not(.fired(.pecarn1)),
          .any([
            .anyYes(.pecarnModerate),
            .all([.anyYes(.highEnergy), .not(cleared)]),
          ]),
        ]),
        evidence: [.of(.trauma), .of(.mechanism), .of(.pecarnModerate)], inputs: [.of(.age)],
        pending: [.of(.pecarnClearance, when: .not(.anyYes(.pecarnModerate)))],
        plan: PlanSpec(
          imaging: [StudySpec(.radiograph, .cervical, .none)],
          alternatives: [
            AlternativeSpec(
              TraumaAdult.cervicalCT, when: "a high-risk factor, or radiographs inadequate")
          ])),
      BookRule(
        .pecarn0,
        Rule(
          id: "PECARN-0",
          title:
            "Child under 16 after trauma with no high- or moderate-risk factor: the rule does not call for imaging of the neck (clinical clearance)",
          urgency: Urgency.none,
          source: pecarn,
          year: 2024,
          certainty: .paraphrased,
          note: "The PECARN rule was published in 2024 and is not yet externally validated.",
          opposes: ["PECARN-1", "PECARN-2", "TR-0", "TR-2"]),
        when: .all([
          child, .not(.fired(.pecarn1)), .not(.fired(.pecarn2)), cleared,
        ]),
        evidence: [.of(.trauma), .of(.mechanism)], inputs: [.of(.age)]),
      BookRule(
        .ped4,
        Rule(
          id: "PED-4",
          title:
            "Child under 16 after an injury with midline tenderness of the thoracic or lumbar spine: radiographs of the thoracic and lumbar spine now; CT if they are abnormal or inadequate",
          urgency: .emergency,
          source:
            "ACR Appropriateness Criteria Suspected Spine Trauma (2019) variant 9; ACR Appropriateness Criteria Back Pain-Child (2017)",
          year: 2019,
          certainty: .synthesis,
          timeframe:
            "Radiographs now, within 1 hour, in the emergency department; CT if abnormal or inadequate",
          timeframeHours: 1,
          note:
            "Radiographs first spare a child the radiation of CT; after a dangerous mechanism, CT."),
        when: .all([child, .anyYes(.thoracolumbarTenderness), .not(.fired(.tr4))]),
        evidence: [.of(.thoracolumbarTenderness), .of(.trauma), .of(.mechanism)],
        inputs: [.of(.age)],
        plan: PlanSpec(
          imaging: [
            StudySpec(.radiograph, .thoracic, .none), StudySpec(.radiograph, .lumbar, .none),
          ],
          alternatives: [
            AlternativeSpec(
              StudySpec(.ct, .thoracic, .without), when: "radiographs abnormal or inadequate"),
            AlternativeSpec(
              StudySpec(.ct, .lumbar, .without), when: "radiographs abnormal or inadequate"),
          ])),
      BookRule(
        .tr10,
        Rule(
          id: "TR-10",
          title:
            "After an injury, no rule calls for imaging on the answers given so far: no imaging now, but the neck and the back are not cleared until the injury questions still unanswered are answered",
          urgency: Urgency.none,
          source: "\(acrTrauma) variants 1 and 9; \(nexus); \(ccr); \(pecarn)",
          year: 2024,
          certainty: .synthesis,
          note:
            "Unanswered injury questions are never taken as negative: the recommendation stays provisional while they could still call for imaging.",
          opposes: ["TR-1", "PECARN-0"]), phase: .fallback,
        when: .all([.anyYes(.trauma), .not(.fired(.tr1)), .not(.fired(.pecarn0))]),
        evidence: [.of(.trauma), .of(.mechanism)]),
    ]
  }
}
