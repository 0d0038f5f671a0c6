extension RuleBook {
  /// The MRI-safety rules, applied after the indication rules (``SafetyModifiers``). They never
  /// change the urgency; they change the modality or contrast, or say what must happen before
  /// the scan. Each cites one source, the same in `spine-triage rules` and in the record.
  public enum Safety {
    /// Screening items that can stop or change an MRI.
    static let screen: [Finding] = QuestionCatalogue.questions(on: .mriSafety).map(\.finding)
    /// The answers that stop an MRI until something is done.
    static let stops: [Finding] = [
      .pacemakerLegacy, .abandonedLeads, .orbitalMetal, .cochlearImplant, .neurostimulator,
      .metalFragments,
    ]

    public static let sf0 = SafetyRule(
      Rule(
        id: "SF-0",
        title:
          "MRI safety screen incomplete: unanswered screening items are listed, never taken as no",
        urgency: nil, source: "ACR Manual on MR Safety (2020)", year: 2020,
        certainty: .synthesis),
      when: .any(screen.map(Condition.unanswered)))
    public static let sf1 = SafetyRule(
      Rule(
        id: "SF-1",
        title: "Contrast planned, renal function normal: any gadolinium agent, group II preferred",
        urgency: nil, source: "ACR Manual on Contrast Media (2023)", year: 2023,
        certainty: .paraphrased),
      when: .no(.renalImpairment))
    public static let sf2 = SafetyRule(
      Rule(
        id: "SF-2",
        title:
          "eGFR below 30, dialysis or AKI: no group I gadolinium agent; group II acceptable (caution); renal function unknown with contrast planned: check it (info)",
        urgency: nil,
        source:
          "ACR-NKF consensus on gadolinium (Weinreb et al., Radiology 2021); ACR Manual on Contrast Media (2023)",
        year: 2021, certainty: .verified),
      when: .not(.no(.renalImpairment)))
    public static let sf3 = SafetyRule(
      Rule(
        id: "SF-3",
        title:
          "Previous gadolinium reaction: non-contrast MRI if adequate, else another agent with or without premedication",
        urgency: nil, source: "ACR Manual on Contrast Media (2023)", year: 2023,
        certainty: .unverified),
      when: .yes(.contrastReaction))
    public static let sf4 = SafetyRule(
      Rule(
        id: "SF-4",
        title:
          "Pregnancy: MRI without gadolinium at any stage when warranted; contrast removed from the plan; CT only when justified",
        urgency: nil,
        source:
          "ACOG Committee Opinion 723 (2017, reaffirmed 2021); ACR Manual on Contrast Media (2023)",
        year: 2021, certainty: .verified),
      when: .yes(.pregnant))
    public static let sf5 = SafetyRule(
      Rule(
        id: "SF-5",
        title:
          "MR-conditional pacemaker or defibrillator system: only within its labelling, with protocol and monitoring (caution)",
        urgency: nil,
        source: "HRS expert consensus on MRI and CIEDs (Indik et al., Heart Rhythm 2017)",
        year: 2017, certainty: .verified),
      when: .yes(.pacemakerConditional))
    public static let sf6 = SafetyRule(
      Rule(
        id: "SF-6",
        title:
          "Non-conditional pacemaker: stop until protocol, device check and no abandoned leads; abandoned, fractured or epicardial leads: MRI replaced by CT or CT myelography",
        urgency: nil,
        source:
          "HRS expert consensus on MRI and CIEDs (Indik et al., Heart Rhythm 2017); MagnaSafe (Russo et al., NEJM 2017)",
        year: 2017, certainty: .unverified),
      when: .any([.yes(.pacemakerLegacy), .yes(.abandonedLeads)]))
    public static let sf7 = SafetyRule(
      Rule(
        id: "SF-7",
        title:
          "Metal in the orbit not cleared: stop until orbital radiographs or a previous CT exclude a retained foreign body",
        urgency: nil,
        source:
          "Seidenwurm et al., AJNR 2000; Murphy and Brunberg, AJR (orbital foreign body screening)",
        year: 2000, certainty: .verified),
      when: .yes(.orbitalMetal))
    public static let sf8 = SafetyRule(
      Rule(
        id: "SF-8", title: "Cochlear implant: stop until the model and its MR labelling are known",
        urgency: nil, source: "Manufacturer MRI guidelines (Advanced Bionics, Cochlear)",
        year: 2023, certainty: .verified),
      when: .yes(.cochlearImplant))
    public static let sf9 = SafetyRule(
      Rule(
        id: "SF-9",
        title:
          "Active implant, metal fragments or implants of unknown MR status: stop until their MR status is established",
        urgency: nil, source: "ASTM F2503 MR safety marking (2023); ACR Manual on MR Safety (2020)",
        year: 2023, certainty: .verified),
      when: .any([.yes(.neurostimulator), .yes(.metalFragments)]))
    public static let sf10 = SafetyRule(
      Rule(
        id: "SF-10",
        title:
          "Claustrophobia: coaching, positioning, wide bore, anxiolysis; CT if MRI is impossible (caution)",
        urgency: nil, source: "Munn et al., Radiography 2015; Dewey et al., JMRI 2007", year: 2015,
        certainty: .verified),
      when: .yes(.claustrophobia))
    public static let sf11 = SafetyRule(
      Rule(
        id: "SF-11",
        title:
          "A safety stop in an urgent or emergency case: CT, with CT myelography at a spinal centre, if MRI cannot be done safely in time; never plain films",
        urgency: nil, source: "ACR Low Back Pain V4 (2021); NICE NG234 (2023)", year: 2023,
        certainty: .paraphrased),
      when: .any(stops.map(Condition.yes)))

    /// Every safety rule, in order.
    public static let all: [SafetyRule] = [
      sf0, sf1, sf2, sf3, sf4, sf5, sf6, sf7, sf8, sf9, sf10, sf11,
    ]
  }

  /// Every MRI-safety rule's metadata, for the rule table.
  public static var safetyRules: [Rule] { Safety.all.map(\.rule) }
}
