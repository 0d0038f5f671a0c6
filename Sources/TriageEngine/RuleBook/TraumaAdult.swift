extension RuleBook {
  /// After an injury, age 16 or over or not recorded (NEXUS, the Canadian C-Spine Rule, ACR
  /// Suspected Spine Trauma), and the thoracolumbar and cord rules after an injury at any age.
  enum TraumaAdult {
    static let traumaSeed =
      "The iCliniq article this aid started from advises MRI after significant trauma; the trauma guidelines put CT first and keep MRI for suspected cord, nerve-root or ligament injury."

    /// After any trauma, the adult neck rules (age 16 or over, or not recorded).
    static let adultTrauma: Condition = .all([.anyYes(.trauma), .not(.age(.below(16)))])
    /// Neck pain answered yes, or not asked (after any injury an unanswered neck-pain question
    /// never clears the neck): the full assessment.
    static let neckAssessed: Condition = .any([.yes(.painNeck), .unanswered(.painNeck)])
    /// The full assessment (NEXUS and the Canadian rule).
    static let full: Condition = .all([adultTrauma, neckAssessed])
    /// Neck pain answered no.
    static let partial: Condition = .all([adultTrauma, .not(neckAssessed)])
    /// The injury, the mechanism answered and a neck-pain yes.
    static let context: [BookRule.Evidence] = [.of(.trauma), .of(.mechanism), .of([.painNeck])]
    /// No midline tenderness of the neck (an older record's tenderness without a level: its
    /// yes counts as tenderness, its no as no tenderness at any level).
    static let noNeckTenderness: Condition = .noNeckTenderness
    /// NEXUS negative: every criterion is no, the neck not tender.
    static let nexusNegative: Condition = .all([
      .allNo(.nexusBesidesTenderness), noNeckTenderness,
    ])
    static let adult: Condition = .age(.from(16, below: 65))
    /// Cord or root signs after an injury pointing to the neck (arm symptoms, neck pain or
    /// tenderness, limb paresthesias, upper motor neuron signs) or to no other level: TR-3
    /// images the neck, so the neck is never called cleared beside them.
    static let cordSignsToTheNeck: Condition = .all([
      .anyYes(.trauma), .anyYes(.cordInjury),
      .any([.anyYes(.neckLevel), .not(.any([.site(.lowBack), .site(.midBack)]))]),
    ])
    static let oldAge: Condition = .age(.atLeast(65))
    static let lowRiskAny: Condition = .any([.anyYes(.ccrLowRisk), noNeckTenderness])
    static let lowRiskNone: Condition = .all([.allNo(.ccrLowRisk), .anyYes(.cervicalTenderness)])
    /// The Canadian rule clears the neck.
    static let ccrNegative: Condition = .all([
      .not(.anyYes(.ccrNotApplicable)), .allNo(.ccrExclusions), .allNo(.ccrHighRisk), adult,
      lowRiskAny, .yes(.canRotateNeck),
    ])
    /// Both rules clear the neck and no rule asked for imaging.
    static let cleared: Condition = .all([full, .not(.fired(.tr2)), nexusNegative, ccrNegative])
    /// Everything clearance needs, reassuring answers included.
    static let neckClearance = FindingGroup(
      "the NEXUS and Canadian rule items",
      FindingGroup.nexusAsked.members.union(FindingGroup.ccrExclusions.members)
        .union(FindingGroup.ccrHighRisk.members).union([.canRotateNeck, .painNeck]))

    static let cervicalCT = StudySpec(.ct, .cervical, .without)
    /// CT of the neck; radiographs if CT is not available, never with known vertebral disease
    /// (a rigid spine's fractures are missed by radiographs: TR-7).
    static let cervicalCTPlan = PlanSpec(
      imaging: [cervicalCT],
      alternatives: [
        AlternativeSpec(
          StudySpec(.radiograph, .cervical, .none, when: .not(.yes(.inflammatoryArthritis))),
          when: "CT not available, or its reconstructions are not optimal")
      ])
    static let thoracolumbarCT = [
      StudySpec(.ct, .thoracic, .without), StudySpec(.ct, .lumbar, .without),
    ]
    static let thoracolumbarCTPlan = PlanSpec(
      imaging: thoracolumbarCT,
      alternatives: [
        AlternativeSpec(
          StudySpec(.radiograph, .lumbar, .none),
          when: "CT not available (radiographs miss many fractures)")
      ])
    /// "CT now": within 1 hour once a risk factor is found (NICE NG232: cervical CT within 1
    /// hour of a risk factor).
    static let ctNow = "CT now, within 1 hour, in the emergency department"
    static let ctClock = "NICE NG232 Head injury (2023): CT within 1 hour of a risk factor"

    static let rules: [BookRule] = [
      BookRule(
        .tr5,
        Rule(
          id: "TR-5",
          title:
            "Low-velocity trauma is not the high-energy trauma pathway: the fracture-risk rule applies",
          urgency: nil,
          source: acrLBP,
          year: 2021,
          certainty: .verified),
        when: .yes(.traumaMinor), evidence: [.of([.traumaMinor])]),
      BookRule(
        .tr7,
        Rule(
          id: "TR-7",
          title:
            "Known ankylosing spondylitis, DISH or inflammatory arthritis after any injury, even minor, with spinal pain: CT of the whole spine now; never cleared by NEXUS or the Canadian rule, never plain films",
          urgency: .emergency,
          source: "\(ccr) (excludes known vertebral disease); \(asFracture)",
          year: 2021,
          certainty: .paraphrased,
          timeframe:
            "CT whole spine now, within 1 hour, in the emergency department; MRI next if CT is negative and pain persists, or with any deficit",
          timeframeHours: 1,
          note:
            "Rigid spines break with trivial trauma; the fractures are unstable, often at several levels, and missed by radiographs. MRI finds occult fractures after a negative CT."
        ),
        when: .all([.yes(.inflammatoryArthritis), .anyYes(.trauma), .anyYes(.spinalPain)]),
        evidence: [
          .of(.trauma), .of([.inflammatoryArthritis]), .of(.spinalPain), .of(.neuroDeficit),
        ],
        plan: PlanSpec(
          imaging: [
            StudySpec(.ct, .wholeSpine, .without),
            StudySpec(.mri, .wholeSpine, .without, when: .anyYes(.neuroDeficit)),
          ],
          alternatives: [
            AlternativeSpec(
              StudySpec(.mri, .wholeSpine, .without),
              when: "CT negative and pain persists, or any neurological deficit")
          ])),
      BookRule(
        .nexusPositive,
        Rule(
          id: "NEXUS-1",
          title:
            "NEXUS: a high-risk criterion is present (midline tenderness, focal deficit, altered alertness, intoxication or distracting injury)",
          urgency: nil,
          source: nexus,
          year: 2000,
          certainty: .verified,
          adultOnly: true),
        when: .all([adultTrauma, .anyYes(.nexusPositive)]),
        evidence: [.of(.nexusPositive)] + context),
      BookRule(
        .ccrNotApplicable,
        Rule(
          id: "CCR-NA",
          title:
            "Canadian C-Spine Rule does not apply (GCS below 15, unstable, age under 16, severe weakness, known vertebral disease or previous neck surgery): it cannot clear the neck",
          urgency: nil,
          source: ccr,
          year: 2003,
          certainty: .verified,
          adultOnly: true),
        when: .all([full, .anyYes(.ccrNotApplicable)]), evidence: [.of(.ccrNotApplicable)]),
      BookRule(
        .ccrHighRisk,
        Rule(
          id: "CCR-1",
          title:
            "Canadian C-Spine Rule: a high-risk factor (age 65 or over, dangerous mechanism or paresthesias) means imaging",
          urgency: nil,
          source: ccr,
          year: 2003,
          certainty: .verified,
          adultOnly: true),
        when: .all([full, .any([.anyYes(.ccrHighRisk), oldAge])]),
        evidence: [.of(.ccrHighRisk)] + context, inputs: [.of(.age, when: oldAge)]),
      BookRule(
        .ccrNoLowRisk,
        Rule(
          id: "CCR-2",
          title:
            "Canadian C-Spine Rule: no low-risk factor allows a safe range-of-motion assessment, so image",
          urgency: nil,
          source: ccr,
          year: 2003,
          certainty: .verified,
          adultOnly: true),
        when: .all([full, lowRiskNone]), evidence: context + [.of(.cervicalTenderness)]),
      BookRule(
        .ccrCannotRotate,
        Rule(
          id: "CCR-3",
          title:
            "Canadian C-Spine Rule: unable to rotate the neck 45 degrees left and right, so image",
          urgency: nil,
          source: ccr,
          year: 2003,
          certainty: .verified,
          adultOnly: true),
        when: .all([full, lowRiskAny, .no(.canRotateNeck)]), evidence: context),
      BookRule(
        .tr8,
        Rule(
          id: "TR-8",
          title:
            "Previous neck surgery with neck pain after trauma: the Canadian rule does not apply, so CT cervical spine",
          urgency: .emergency,
          source: "\(ccr) (excludes previous neck surgery); \(acrTrauma) variant 2",
          year: 2019,
          certainty: .synthesis,
          timeframe: ctNow,
          timeframeHours: 1,
          adultOnly: true),
        when: .all([full, .yes(.priorSpineSurgery), .yes(.painNeck)]),
        evidence: context + [.of([.priorSpineSurgery])], plan: cervicalCTPlan),
      BookRule(
        .tr2,
        Rule(
          id: "TR-2",
          title:
            "After an injury, imaging indicated by NEXUS or the Canadian C-Spine Rule (tenderness of the neck included, whatever the pain site): CT cervical spine first",
          urgency: .emergency,
          source: "\(acrTrauma) variant 2",
          year: 2019,
          certainty: .verified,
          timeframe: ctNow,
          timeframeHours: 1,
          note:
            "Either rule indicating imaging is enough; the neck is cleared only when every applicable rule is negative.",
          seedDifference: traumaSeed,
          seedAbout: FindingGroup.highEnergy.members,
          adultOnly: true),
        arms: [
          BookRule.Arm(
            when: .all([partial, .anyYes(.unreliableNeck)]),
            evidence: context + [.of(.unreliableNeck)], plan: cervicalCTPlan),
          BookRule.Arm(
            when: .all([
              full,
              .any([
                .anyYes(.nexusPositive), .fired(.ccrHighRisk), .fired(.ccrNoLowRisk),
                .fired(.ccrCannotRotate), .yes(.abnormalABC),
              ]),
            ]),
            evidence: context + [.of(.nexusPositive), .of(.ccrHighRisk), .of([.abnormalABC])],
            inputs: [.of(.age, when: oldAge)], plan: cervicalCTPlan),
        ]),
      BookRule(
        .nexusNegative,
        Rule(
          id: "NEXUS-0",
          title: "NEXUS: all five low-risk criteria are met",
          urgency: nil,
          source: nexus,
          year: 2000,
          certainty: .verified,
          adultOnly: true,
          opposes: ["NEXUS-1"]), when: cleared, evidence: context),
      BookRule(
        .ccrNegative,
        Rule(
          id: "CCR-0",
          title:
            "Canadian C-Spine Rule: no high-risk factor, a low-risk factor, and the neck rotates 45 degrees: the rule does not call for imaging",
          urgency: nil,
          source: ccr,
          year: 2003,
          certainty: .verified,
          adultOnly: true,
          opposes: ["CCR-1", "CCR-2", "CCR-3", "CCR-NA"]),
        when: cleared, evidence: context + [.of(.ccrLowRisk), .of([.canRotateNeck])]),
      BookRule(
        .tr1,
        Rule(
          id: "TR-1",
          title:
            "The neck is cleared after the injury (age 16 to 64): NEXUS and the Canadian C-Spine Rule are both negative, or, without neck pain, the examination is reliable and the neck not tender; the trauma rules do not call for imaging of the neck",
          urgency: Urgency.none,
          source: "\(acrTrauma) variant 1",
          year: 2019,
          certainty: .verified,
          adultOnly: true,
          opposes: ["TR-0", "TR-2", "TR-3", "TR-7", "TR-8", "PECARN-1", "PECARN-2"]),
        arms: [
          BookRule.Arm(
            when: .all([
              partial, .not(.fired(.tr2)), .allNo(.reliableExamination), noNeckTenderness,
              adult, .not(cordSignsToTheNeck), .not(.fired(.tr7)),
            ]),
            evidence: context, inputs: [.of(.age)]),
          BookRule.Arm(
            when: .all([cleared, .not(cordSignsToTheNeck), .not(.fired(.tr7))]),
            evidence: context, inputs: [.of(.age)]),
        ]),
      BookRule(
        .tr0,
        Rule(
          id: "TR-0",
          title:
            "After an injury the cervical spine is not cleared until the NEXUS and Canadian C-Spine criteria are answered: image until cleared",
          urgency: .emergency,
          source: "\(acrTrauma); \(nexus); \(ccr); \(east)",
          year: 2019,
          certainty: .synthesis,
          timeframe:
            "CT cervical spine now, within 1 hour, in the emergency department, unless the neck is cleared",
          timeframeHours: 1,
          note:
            "Unanswered clearance criteria, and an unanswered neck-pain question after an injury, are never taken as negative.",
          adultOnly: true),
        arms: [
          BookRule.Arm(
            when: .all([
              partial, .anyYes(.highEnergy), .not(.fired(.tr2)), .not(.fired(.tr1)),
            ]),
            evidence: context, inputs: [.of(.age, when: .unrecorded(.age))],
            pending: [.of(.reliableExamination), .of([.midlineTendernessCervical])],
            plan: cervicalCTPlan),
          // (Known vertebral disease: the whole-spine CT of TR-7 covers the neck.)
          BookRule.Arm(
            when: .all([
              full, .not(.fired(.tr2)), .not(.fired(.tr1)), .not(.fired(.tr8)),
              .not(.fired(.tr7)),
            ]),
            evidence: context, inputs: [.of(.age, when: .unrecorded(.age))],
            pending: [.of(neckClearance), .of(.ccrLowRisk, when: .not(lowRiskAny))],
            plan: cervicalCTPlan),
        ]),
      BookRule(
        .tr3,
        Rule(
          id: "TR-3",
          title:
            "Suspected cord or nerve-root injury after an injury, at any age, with signs pointing to the neck (arm symptoms, neck pain or tenderness, limb paresthesias, upper motor neuron signs) or to no other level: MRI of the cervical spine (after CT in adults); in children this covers cord injury without a fracture on CT or radiographs",
          urgency: .emergency,
          source: "\(acrTrauma) variant 3; \(pecarn)",
          year: 2019,
          certainty: .synthesis,
          timeframe:
            "CT now, within 1 hour, then MRI as the next study (MRI first in a child without a CT indication)",
          timeframeHours: 1), compression: true,
        when: cordSignsToTheNeck,
        evidence: context + [.of(.cordInjury), .of(.neckLevel)],
        plan: PlanSpec(
          imaging: [
            StudySpec(.ct, .cervical, .without, when: .not(.age(.below(16)))),
            StudySpec(.mri, .cervical, .without),
          ],
          alternatives: [
            AlternativeSpec(StudySpec(.ctMyelogram, .cervical, .none), when: "MRI contraindicated")
          ])),
      BookRule(
        .tr4,
        Rule(
          id: "TR-4",
          title:
            "An injury with a dangerous (high-energy) mechanism and back pain, thoracic or lumbar tenderness, an unreliable examination or a deficit: CT of the thoracic and lumbar spine (fractures are often at several levels)",
          urgency: .emergency,
          source: "\(acrTrauma) variant 9",
          year: 2019,
          certainty: .paraphrased,
          timeframe:
            "CT now, within 1 hour, in the emergency department (reformats of a body CT will do)",
          timeframeHours: 1,
          seedDifference: traumaSeed,
          seedAbout: FindingGroup.highEnergy.members),
        when: .all([.anyYes(.trauma), .anyYes(.highEnergy), .anyYes(.thoracolumbarTrauma)]),
        evidence: [.of(.thoracolumbarTrauma), .of(.trauma), .of(.mechanism)],
        plan: thoracolumbarCTPlan),
      BookRule(
        .tr9,
        Rule(
          id: "TR-9",
          title:
            "After an injury, any mechanism, midline tenderness of the thoracic or lumbar spine: CT of the thoracic and lumbar spine, whatever the pain-site answers",
          urgency: .emergency,
          source:
            "\(acrTrauma) variants 9 and 10; EAST practice management guideline, thoracolumbar spine (2018)",
          year: 2019,
          certainty: .paraphrased,
          timeframe:
            "CT now, within 1 hour, in the emergency department (reformats of a body CT will do)",
          timeframeHours: 1,
          adultOnly: true),
        when: .all([adultTrauma, .anyYes(.thoracolumbarTenderness)]),
        evidence: [.of(.thoracolumbarTenderness), .of(.trauma), .of(.mechanism)],
        plan: thoracolumbarCTPlan),
      BookRule(
        .tr6,
        Rule(
          id: "TR-6",
          title:
            "After an injury, a neurological deficit with back or leg symptoms, thoracic or lumbar tenderness, or a thoracolumbar CT indication: MRI of the thoracic and lumbar spine",
          urgency: .emergency,
          source: "\(acrTrauma) variants 3 and 10",
          year: 2019,
          certainty: .synthesis,
          timeframe: "MRI as soon as possible, within 4 hours (after the CT when one is indicated)",
          timeframeHours: 4), compression: true,
        when: .all([
          .anyYes(.trauma), .anyYes(.thoracolumbarDeficit),
          .any([.anyYes(.thoracolumbarLevel), .fired(.tr4), .fired(.tr9)]),
        ]),
        evidence: [
          .of(.thoracolumbarDeficit), .of(.thoracolumbarLevel), .of(.trauma), .of(.mechanism),
        ],
        plan: PlanSpec(
          imaging: [StudySpec(.mri, .thoracic, .without), StudySpec(.mri, .lumbar, .without)],
          alternatives: [
            AlternativeSpec(StudySpec(.ctMyelogram, .thoracic, .none), when: "MRI contraindicated")
          ])),
    ]
  }
}
