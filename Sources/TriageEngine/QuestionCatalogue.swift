/// The full question catalogue: every finding of `spec/questionnaire.md`, every red flag, exam
/// sign, region heuristic and risk of the seed article, and the guideline items the seed omits
/// (reference D19), each with its screen, wording and help.
public enum QuestionCatalogue {
  /// Every question in display order (screen by screen).
  public static let questions: [Question] = [
    // MARK: Presentation
    q(
      .painLowBack, "pain_low_back", .presentation, .site, "spec",
      "Low back pain",
      "Lumbar or lumbosacral pain: the low back branch (ACR Low Back Pain)."),
    q(
      .painNeck, "pain_neck", .presentation, .site, "spec",
      "Neck pain",
      "Cervical pain: the neck branch (ACR Cervical Neck Pain)."),
    q(
      .painMidBack, "pain_mid_back", .presentation, .site, "seed",
      "Pain between the shoulder blades (thoracic)",
      "Seed: lower cervical or upper thoracic; with cancer, a metastasis symptom."),
    q(
      .radiatesLeg, "radiates_leg", .presentation, .risk, "seed",
      "Pain or numbness radiating into the leg (below the knee)",
      "Leg-dominant radicular pain points to the lumbar spine (RG-1)."),
    q(
      .radiatesArm, "radiates_arm", .presentation, .site, "seed",
      "Pain or numbness radiating into the arm",
      "Arm radiation points to the cervical spine (RG-2), even with mid-back pain"),
    q(
      .interventionCandidate, "intervention_candidate", .presentation, .risk, "ACR/ACP",
      "Candidate for, and willing to consider, surgery or injection",
      "ACR V3, ACP: routine MRI only if it could lead to surgery or injection."),
    q(
      .priorSpineSurgery, "prior_spine_surgery", .presentation, .risk, "ACR",
      "Previous spine surgery at the painful level",
      "Post-operative spine: ACR LBP V5 / Cervical (contrast: scar or disc)."),
    q(
      .traumaMajor, "trauma_major", .presentation, .risk, "seed",
      "Onset after significant (high-energy) trauma",
      "Fall from height, vehicle crash, diving: CT first, not MRI (ACR Trauma)."),
    q(
      .traumaMinor, "trauma_minor", .presentation, .risk, "ACR",
      "Onset after low-velocity trauma (fall from standing height)",
      "A fracture risk with osteoporosis, age or steroids (ACR LBP V6)."),
    q(
      .cervicogenicHeadache, "cervicogenic_headache", .presentation, .risk, "ACR",
      "Headache arising from the neck (cervicogenic)",
      "Without neurological deficit: no imaging first (ACR Cervical, NK-6)."),
    // MARK: History
    q(
      .nightPain, "night_pain", .history, .risk, "seed",
      "Progressive, unrelenting pain, not relieved by rest, worse at night",
      "Seed red flag; weighs heavily only with a history of cancer (NICE, D7)."),
    q(
      .progressiveWeakness, "progressive_weakness", .history, .risk, "seed",
      "Progressive weakness of one or more limbs",
      "A progressive neurological deficit: imaging now (ACP 2007 Rec 3)."),
    q(
      .progressiveNumbness, "progressive_numbness", .history, .risk, "seed",
      "Numbness of a leg that is getting worse",
      "A progressive neurological deficit (seed; ACP 2007 Rec 3)."),
    q(
      .bladderBowel, "bladder_bowel", .history, .risk, "seed",
      "New (14 days) or worsening bladder or bowel difficulty",
      "Hard to start or control urine/stool; lost flow or rectal feeling (GIRFT)."
    ),
    q(
      .sexualDysfunction, "sexual_dysfunction", .history, .risk, "seed",
      "New erectile or ejaculatory dysfunction, or genital numbness",
      "Alone with back pain unlikely CES (GIRFT): ask bladder and saddle too."),
    q(
      .weightLoss, "weight_loss", .history, .risk, "seed",
      "Unexplained weight loss",
      "A weak cancer factor (ACP 2011); with age over 50, suspicion of cancer."),
    q(
      .feverHistory, "fever_history", .history, .risk, "seed",
      "Fever or sweats with the pain",
      "Suspect spinal infection (ACR Suspected Spine Infection, ACP 2011)."),
    q(
      .recentInfection, "recent_infection", .history, .risk, "seed",
      "Recent serious illness or infection",
      "Bacteraemia, urinary or skin infection, endocarditis: infection risk."),
    q(
      .cancerHistory, "cancer_history", .history, .risk, "seed",
      "History of cancer",
      "With spinal pain: MRI whole spine in a week; neuro signs: emergency."),
    q(
      .steroids, "steroids", .history, .risk, "seed",
      "Long-term corticosteroid use",
      "A fracture risk (ACR LBP V6; an informative flag, Downie 2013)."),
    q(
      .tbRisk, "tb_risk", .history, .risk, "seed",
      "Lives in, or came from, an area where tuberculosis is endemic",
      "Seed item; an unanchored infection-risk modifier (reference D6)."),
    q(
      .ivDrugUse, "iv_drug_use", .history, .risk, "ACR/ACP",
      "Intravenous drug use",
      "A spinal infection risk; with fever, immediate MRI (ACP 2011)."),
    q(
      .immunosuppression, "immunosuppression", .history, .risk, "ACR",
      "Immunosuppressed (HIV, transplant, chemo, dialysis, diabetes)",
      "ACR LBP V7: suspected infection or immunosuppression: MRI appropriate."),
    q(
      .osteoporosis, "osteoporosis", .history, .risk, "ACR",
      "Known osteoporosis",
      "A vertebral fracture risk (ACR LBP V6)."),
    q(
      .myelopathySymptoms, "myelopathy_symptoms", .history, .risk, "ACR",
      "Clumsy hands, unsteady gait or other cord symptoms",
      "Myelopathy: image the cord level, cervical or thoracic (ACR Myelopathy)."),
    q(
      .painOnStraining, "pain_on_straining", .history, .risk, "NICE",
      "Spinal pain worse on straining, coughing or sneezing",
      "With cancer, a symptom of spinal metastases (NICE CG75/NG234)."),
    q(
      .recentSpinalProcedure, "recent_spinal_procedure", .history, .risk, "ACR",
      "Recent spinal surgery, injection or stimulator implant",
      "With fever or raised markers: post-procedure infection (ACR V2)."),
    q(
      .inflammatoryArthritis, "inflammatory_arthritis", .history, .risk, "ACR",
      "Ankylosing spondylitis, DISH or inflammatory arthritis",
      "Neck red flag (systemic disease); excludes the Canadian C-Spine Rule."),
    q(
      .vascularDisease, "vascular_disease", .history, .risk, "ACR",
      "Vascular disease (and age over 50)",
      "ACR cervical red flag: with neck pain consider arterial dissection."),
    q(
      .abnormalLabs, "abnormal_labs", .history, .risk, "ACR",
      "Raised ESR, CRP or white cell count",
      "Abnormal inflammatory markers support a suspicion of spinal infection."),
    q(
      .xrayDegenerative, "xray_degenerative", .history, .risk, "ACR",
      "Neck radiographs already show degenerative change",
      "Chronic neck pain, degenerative radiographs: MRI without contrast (NK-8)."),
    q(
      .xrayOPLL, "xray_opll", .history, .risk, "ACR",
      "Neck radiographs already show ossified posterior ligament",
      "OPLL on radiographs: CT without contrast (NK-9)."),
    // MARK: Examination
    q(
      .saddleAnesthesia, "saddle_anesthesia", .examination, .risk, "seed",
      "Numbness in the groin, genital or anal (saddle) area",
      "Suspected cauda equina syndrome: emergency MRI within 4 hours (GIRFT)."),
    q(
      .urinaryRetention, "urinary_retention", .examination, .risk, "seed",
      "Enlarged bladder / post-void residual 200 mL or more",
      "PVR >= 200 mL makes CES likely; a lower PVR does not exclude it (GIRFT)."),
    q(
      .feverMeasured, "fever_measured", .examination, .risk, "seed",
      "Temperature 38.0 C or higher",
      "Suspect spinal infection (ACR Suspected Spine Infection)."),
    q(
      .lowBodyWeight, "low_body_weight", .examination, .risk, "seed",
      "Weight below average for height",
      "Seed sign, not an anchored flag: the flag is unexplained weight loss (D5)."),
    q(
      .umnSigns, "umn_signs", .examination, .risk, "seed",
      "Brisk reflexes, Babinski, clonus or Hoffmann sign",
      "Upper motor neuron signs: cord compression; image cervical/thoracic."),
    q(
      .bilateralDeficit, "bilateral_deficit", .examination, .risk, "seed",
      "Bilateral weakness or sensory loss",
      "Deficit of both sides: immediate imaging (ACP); severe: emergency."),
    q(
      .severeWeakness, "severe_weakness", .examination, .risk, "seed",
      "Weakness against minimal resistance or gravity (MRC 3/5 or less)",
      "A severe neurological deficit: imaging now (ACP 2007 Rec 3)."),
    q(
      .focalDeficit, "focal_deficit", .examination, .risk, "NEXUS",
      "Focal neurological deficit (dermatome, myotome, reflex)",
      "A NEXUS criterion after trauma; a NASS red flag in back pain."),
    q(
      .midlineTenderness, "midline_tenderness", .examination, .risk, "NEXUS",
      "Midline spinal tenderness",
      "A NEXUS criterion after trauma; with cancer, a spinal metastasis symptom."),
    // MARK: Neck trauma
    q(
      .alteredAlertness, "altered_alertness", .neckTrauma, .risk, "NEXUS",
      "GCS below 15, disoriented, or delayed responses",
      "NEXUS: altered alertness means imaging; the Canadian rule does not apply."),
    q(
      .intoxication, "intoxication", .neckTrauma, .risk, "NEXUS",
      "Evidence of intoxication",
      "NEXUS criterion: imaging indicated."),
    q(
      .distractingInjury, "distracting_injury", .neckTrauma, .risk, "NEXUS",
      "Painful distracting injury",
      "Long-bone fracture, large laceration, crush, burn: NEXUS criterion."),
    q(
      .dangerousMechanism, "dangerous_mechanism", .neckTrauma, .risk, "CCR",
      "Dangerous mechanism (fall >= 1 m, axial load, high speed, rollover)",
      "CCR high risk: image (also ejection, bicycle, recreational vehicle)."
    ),
    q(
      .limbParesthesia, "limb_paresthesia", .neckTrauma, .risk, "CCR",
      "Paresthesias in the extremities",
      "CCR high risk: image (also ejection, bicycle, recreational vehicle)."),
    q(
      .simpleRearEnd, "simple_rear_end", .neckTrauma, .reassuring, "CCR",
      "Simple rear-end motor vehicle collision",
      "CCR low-risk (not pushed into traffic, not hit by bus, truck, at speed)."),
    q(
      .sittingInED, "sitting_in_ed", .neckTrauma, .reassuring, "CCR",
      "Sitting position in the emergency department",
      "Canadian C-Spine Rule low-risk factor."),
    q(
      .ambulatory, "ambulatory", .neckTrauma, .reassuring, "CCR",
      "Ambulatory at any time since the injury",
      "Canadian C-Spine Rule low-risk factor."),
    q(
      .delayedNeckPain, "delayed_neck_pain", .neckTrauma, .reassuring, "CCR",
      "Delayed onset of neck pain",
      "Canadian C-Spine Rule low-risk factor."),
    q(
      .canRotateNeck, "can_rotate_neck", .neckTrauma, .reassuring, "CCR",
      "Able to rotate the neck actively 45 degrees left and right",
      "Assess only when a low-risk factor allows it; unable means image (CCR)."),
    // MARK: MRI safety
    q(
      .pacemakerConditional, "pacemaker_conditional", .mriSafety, .safety, "seed",
      "Pacemaker/ICD MR-conditional as a system (generator and leads)",
      "Scan only under its labelling, with protocol and monitoring (HRS 2017)."),
    q(
      .pacemakerLegacy, "pacemaker_legacy", .mriSafety, .safety, "seed",
      "Pacemaker/ICD not MR-conditional, or labelling unknown",
      "Only under an institutional protocol, no abandoned leads (HRS 2017)."),
    q(
      .abandonedLeads, "abandoned_leads", .mriSafety, .safety, "HRS",
      "Fractured, epicardial or abandoned cardiac leads",
      "MRI not advised: use CT or CT myelography (HRS 2017)."),
    q(
      .cochlearImplant, "cochlear_implant", .mriSafety, .safety, "seed",
      "Cochlear implant",
      "Model-specific labelling; the magnet may need removal. Identify the model."),
    q(
      .neurostimulator, "neurostimulator", .mriSafety, .safety, "seed",
      "Other active implant (neurostimulator, drug pump)",
      "Check the MR Conditional labelling (ASTM F2503) before scanning."),
    q(
      .orbitalMetal, "orbital_metal", .mriSafety, .safety, "seed",
      "Metal in the eye (welding, grinding) not since cleared",
      "Orbital radiographs (or a previous CT) before MRI."),
    q(
      .metalFragments, "metal_fragments", .mriSafety, .safety, "seed",
      "Other metal fragments, shrapnel, or implants of unknown MR status",
      "Metal can move in the magnet: establish MR status first (ASTM F2503)."),
    q(
      .pregnant, "pregnant", .mriSafety, .safety, "seed",
      "Pregnant or possibly pregnant",
      "MRI without gadolinium is acceptable at any stage when warranted (ACOG)."),
    q(
      .renalImpairment, "renal_impairment", .mriSafety, .safety, "seed",
      "eGFR below 30, dialysis, or acute kidney injury",
      "Only matters for contrast: no group I gadolinium agents (ACR-NKF 2021)."),
    q(
      .contrastReaction, "contrast_reaction", .mriSafety, .safety, "seed",
      "Previous reaction to gadolinium contrast",
      "Prefer non-contrast MRI; otherwise another agent +/- premedication (ACR)."),
    q(
      .claustrophobia, "claustrophobia", .mriSafety, .safety, "seed",
      "Claustrophobia",
      "About 1-2% of scans stop early: coaching, wide bore, anxiolysis."),
  ]

  /// The question for each finding, indexed by the finding's raw value.
  static let byFinding: [Question] = {
    var table = [Question?](repeating: nil, count: Finding.allCases.count)
    for question in questions { table[Int(question.finding.rawValue)] = question }
    return table.map { $0! }
  }()

  /// Findings by public identifier.
  static let findingsByID: [String: Finding] = Dictionary(
    uniqueKeysWithValues: questions.map { ($0.id, $0.finding) })

  /// The question recording `finding`.
  public static func question(for finding: Finding) -> Question {
    byFinding[Int(finding.rawValue)]
  }

  /// The questions asked on `screen`, in display order.
  public static func questions(on screen: QuestionScreen) -> [Question] {
    questions.filter { $0.screen == screen }
  }

  private static func q(
    _ finding: Finding, _ id: String, _ screen: QuestionScreen, _ polarity: Polarity,
    _ origin: String, _ text: String, _ help: String
  ) -> Question {
    Question(
      finding: finding, id: id, screen: screen, text: text, help: help, polarity: polarity,
      origin: origin)
  }
}
