/// The full question catalogue: every finding of the answers file, every red flag, exam sign,
/// region heuristic and risk of the seed article, and the guideline items the seed omits (README,
/// "Where the seed article and the guidelines disagree"), each with its screen, wording and help.
public enum QuestionCatalogue {
  /// Every question in display order (screen by screen).
  public static let questions: [Question] = [
    // MARK: Presentation
    q(
      .painLowBack, "pain_low_back", .presentation, .site, "spec",
      label: "Low back pain",
      "Low back pain",
      "Lumbar or lumbosacral pain: the low back pathway (ACR Low Back Pain)."),
    q(
      .painNeck, "pain_neck", .presentation, .site, "spec",
      label: "Neck pain",
      "Neck pain",
      "Cervical pain: the neck pathway; after trauma, needed to clear the neck."),
    q(
      .painMidBack, "pain_mid_back", .presentation, .site, "seed",
      label: "Pain between the shoulder blades",
      "Pain between the shoulder blades (thoracic)",
      "Lower cervical or upper thoracic; with cancer, a metastasis symptom."),
    q(
      .radiatesLeg, "radiates_leg", .presentation, .risk, "seed",
      label: "Pain radiating into the leg",
      "Pain or numbness radiating into the leg (below the knee)",
      "Leg-dominant radicular pain points to the lumbar spine."),
    q(
      .radiatesArm, "radiates_arm", .presentation, .site, "seed",
      label: "Pain radiating into the arm",
      "Pain or numbness radiating into the arm",
      "Arm radiation points to the cervical spine, even with mid-back pain."),
    q(
      .interventionCandidate, "intervention_candidate", .presentation, .risk, "ACR/ACP",
      label: "Candidate for surgery or injection",
      "Candidate for, and willing to consider, surgery or injection",
      "Routine MRI helps only if it could lead to surgery or injection (ACR)."),
    q(
      .priorSpineSurgery, "prior_spine_surgery", .presentation, .risk, "ACR",
      label: "Previous spine surgery at this level",
      "Previous spine surgery at the painful level",
      "Post-operative spine: MRI with contrast tells scar from disc (ACR)."),
    q(
      .injury, "injury", .presentation, .risk, "review",
      label: "Pain began after an injury",
      "Pain began after an injury (any: fall, collision, sport, assault)",
      "Opens the mechanism and the injury rules (NEXUS, Canadian rule, PECARN)."),
    q(
      .traumaMajor, "trauma_major", .presentation, .risk, "seed",
      label: "High-energy trauma (earlier form)",
      "Onset after significant (high-energy) trauma (earlier form)",
      "From an earlier form: an injury with a high-energy mechanism."),
    q(
      .dangerousMechanism, "dangerous_mechanism", .presentation, .risk, "CCR",
      label: "Dangerous mechanism",
      "Dangerous mechanism (fall >= 1 m, axial load, high speed, rollover)",
      "Canadian rule high risk; also rollover, ejection, bicycle, motor vehicle."),
    q(
      .traumaMinor, "trauma_minor", .presentation, .risk, "ACR",
      label: "Fall from standing height or less",
      "Mechanism: fall from standing height or less",
      "Low-velocity: a fracture risk with osteoporosis, age or steroids (ACR)."),
    q(
      .mechanismOther, "mechanism_other", .presentation, .risk, "review",
      label: "Other mechanism of injury",
      "Mechanism: other (collision, sport, assault, not listed above)",
      "Any injury: the neck and back injury rules apply whatever the mechanism."),
    q(
      .cervicogenicHeadache, "cervicogenic_headache", .presentation, .risk, "ACR",
      label: "Headache arising from the neck",
      "Headache arising from the neck (cervicogenic)",
      "Without a neurological deficit: no imaging first (ACR Cervical)."),
    // MARK: History
    q(
      .nightPain, "night_pain", .history, .risk, "seed",
      label: "Unrelenting night pain",
      "Progressive, unrelenting pain, not relieved by rest, worse at night",
      "Weighs heavily only with a history of cancer (NICE); weak on its own."),
    q(
      .progressiveWeakness, "progressive_weakness", .history, .risk, "seed",
      label: "Progressive limb weakness",
      "Progressive weakness of one or more limbs",
      "A progressive neurological deficit: imaging now (ACP 2007)."),
    q(
      .progressiveNumbness, "progressive_numbness", .history, .risk, "seed",
      label: "Worsening leg numbness",
      "Numbness of a leg that is getting worse",
      "A progressive neurological deficit: imaging now (ACP 2007)."),
    q(
      .bladderBowel, "bladder_bowel", .history, .risk, "seed",
      label: "New bladder or bowel difficulty",
      "Bladder/bowel trouble: new in the last 14 days, or getting worse",
      "Hard to start or control urine/stool; lost flow or rectal feeling (GIRFT)."),
    q(
      .sexualDysfunction, "sexual_dysfunction", .history, .risk, "seed",
      label: "New sexual dysfunction",
      "New erectile or ejaculatory dysfunction",
      "Weak alone: with back pain only, cauda equina is unlikely (GIRFT)."),
    q(
      .weightLoss, "weight_loss", .history, .risk, "seed",
      label: "Unexplained weight loss",
      "Unexplained weight loss",
      "A weak cancer factor (ACP 2011); with age over 50, suspicion of cancer."),
    q(
      .feverHistory, "fever_history", .history, .risk, "seed",
      label: "Fever or sweats",
      "Fever or sweats with the pain",
      "Suspect spinal infection (ACR Suspected Spine Infection, ACP 2011)."),
    q(
      .recentInfection, "recent_infection", .history, .risk, "seed",
      label: "Recent serious infection",
      "Recent serious illness or infection",
      "Bacteraemia, urinary or skin infection, endocarditis: infection risk."),
    q(
      .cancerHistory, "cancer_history", .history, .risk, "seed",
      label: "History of cancer",
      "History of cancer",
      "With spinal pain: MRI whole spine in a week; neuro signs: emergency."),
    q(
      .steroids, "steroids", .history, .risk, "seed",
      label: "Long-term steroids",
      "Long-term corticosteroid use",
      "A fracture risk (ACR Low Back Pain; an informative flag, Downie 2013)."),
    q(
      .tbRisk, "tb_risk", .history, .risk, "seed",
      label: "From a tuberculosis-endemic area",
      "Lives in, or came from, an area where tuberculosis is endemic",
      "Raises the suspicion of spinal infection when there is fever."),
    q(
      .ivDrugUse, "iv_drug_use", .history, .risk, "ACR/ACP",
      label: "Intravenous drug use",
      "Intravenous drug use",
      "A spinal infection risk; with fever, immediate MRI (ACP 2011)."),
    q(
      .immunosuppression, "immunosuppression", .history, .risk, "ACR",
      label: "Immunosuppressed",
      "Immunosuppressed (HIV, transplant, chemo, dialysis, diabetes)",
      "Suspected infection or immunosuppression: MRI appropriate (ACR)."),
    q(
      .osteoporosis, "osteoporosis", .history, .risk, "ACR",
      label: "Osteoporosis",
      "Known osteoporosis",
      "A vertebral fracture risk (ACR Low Back Pain)."),
    q(
      .myelopathySymptoms, "myelopathy_symptoms", .history, .risk, "ACR",
      label: "Clumsy hands or unsteady gait",
      "Clumsy hands, unsteady gait or other cord symptoms",
      "Myelopathy: image the cord level, cervical or thoracic (ACR Myelopathy)."),
    q(
      .painOnStraining, "pain_on_straining", .history, .risk, "NICE",
      label: "Pain worse on straining or coughing",
      "Spinal pain worse on straining, coughing or sneezing",
      "With cancer, a symptom of spinal metastases (NICE)."),
    q(
      .recentSpinalProcedure, "recent_spinal_procedure", .history, .risk, "ACR",
      label: "Recent spinal procedure",
      "Recent spinal surgery, injection or stimulator implant",
      "With fever or raised markers: post-procedure infection (ACR)."),
    q(
      .inflammatoryArthritis, "inflammatory_arthritis", .history, .risk, "ACR",
      label: "Ankylosing spondylitis, DISH, arthritis",
      "Ankylosing spondylitis, DISH or inflammatory arthritis",
      "Rigid spines break with minor trauma: after any injury, CT whole spine."),
    q(
      .vascularDisease, "vascular_disease", .history, .risk, "ACR",
      label: "Vascular disease",
      "Vascular disease (and age over 50)",
      "With neck pain over age 50, consider arterial dissection (ACR Cervical)."),
    q(
      .abnormalLabs, "abnormal_labs", .history, .risk, "ACR",
      label: "Raised ESR, CRP or white cell count",
      "Raised ESR, CRP or white cell count",
      "Raised inflammatory markers support a suspicion of spinal infection."),
    q(
      .xrayDegenerative, "xray_degenerative", .history, .risk, "ACR",
      label: "Degenerative change on neck X-ray",
      "Neck radiographs already show degenerative change",
      "Chronic neck pain with degenerative radiographs: MRI without contrast."),
    q(
      .xrayOPLL, "xray_opll", .history, .risk, "ACR",
      label: "Ossified ligament (OPLL) on neck X-ray",
      "Neck radiographs already show ossified posterior ligament",
      "Ossified posterior longitudinal ligament: CT without contrast (ACR)."),
    q(
      .anticoagulated, "anticoagulated", .history, .risk, "review",
      label: "Anticoagulant or bleeding disorder",
      "On an anticoagulant (warfarin, DOAC, heparin) or bleeding disorder",
      "With sudden severe pain and a new deficit: epidural haematoma, MRI now."),
    q(
      .suddenOnset, "sudden_onset", .history, .risk, "review",
      label: "Sudden severe onset",
      "The pain began suddenly and severely (within minutes)",
      "Epidural haematoma (if anticoagulated) or aortic catastrophe."),
    // MARK: Examination
    q(
      .saddleAnesthesia, "saddle_anesthesia", .examination, .risk, "seed",
      label: "Saddle numbness",
      "Numbness in the groin, genitals or anus (saddle area)",
      "Genital numbness counts here; cauda equina: MRI within 4 hours (GIRFT)."),
    q(
      .urinaryRetention, "urinary_retention", .examination, .risk, "seed",
      label: "Urinary retention (residual 200 mL+)",
      "Enlarged bladder / post-void residual 200 mL or more",
      "A residual of 200 mL or more makes CES likely; less does not exclude it."),
    q(
      .feverMeasured, "fever_measured", .examination, .risk, "seed",
      label: "Temperature 38.0 C or higher",
      "Temperature 38.0 C or higher",
      "Suspect spinal infection (ACR Suspected Spine Infection)."),
    q(
      .lowBodyWeight, "low_body_weight", .examination, .risk, "seed",
      label: "Weight below average for height",
      "Weight below average for height",
      "Not a red flag on its own: the guideline flag is unexplained weight loss."),
    q(
      .umnSigns, "umn_signs", .examination, .risk, "seed",
      label: "Upper motor neuron signs",
      "Brisk reflexes, Babinski, clonus or Hoffmann sign",
      "Cord compression until shown otherwise: image cervical/thoracic cord."),
    q(
      .bilateralDeficit, "bilateral_deficit", .examination, .risk, "seed",
      label: "Weakness or numbness on both sides",
      "Bilateral weakness or sensory loss",
      "Deficit of both sides: immediate imaging (ACP); severe: emergency."),
    q(
      .severeWeakness, "severe_weakness", .examination, .risk, "seed",
      label: "Severe weakness (MRC 3/5 or less)",
      "Weakness against minimal resistance or gravity (MRC 3/5 or less)",
      "A severe neurological deficit: imaging now (ACP 2007)."),
    q(
      .focalDeficit, "focal_deficit", .examination, .risk, "NEXUS",
      label: "Focal neurological deficit",
      "Focal neurological deficit (dermatome, myotome, reflex)",
      "A NEXUS criterion after trauma; a red flag in back pain (NASS)."),
    q(
      .midlineTenderness, "midline_tenderness", .examination, .risk, "NEXUS",
      label: "Midline tenderness, level not recorded",
      "Midline spinal tenderness, level not recorded (earlier form)",
      "Recorded by an earlier form: tenderness at any level. Ask by level."),
    q(
      .midlineTendernessCervical, "midline_tenderness_cervical", .examination, .risk, "NEXUS",
      label: "Midline tenderness: neck",
      "Midline tenderness over the cervical spine (neck)",
      "After an injury a NEXUS criterion (CT neck); with cancer, metastasis?"),
    q(
      .midlineTendernessThoracolumbar, "midline_tenderness_thoracolumbar", .examination, .risk,
      "ACR/EAST",
      label: "Midline tenderness: thoracic or lumbar",
      "Midline tenderness over the thoracic or lumbar spine",
      "After an injury: CT of the thoracic and lumbar spine (ACR, EAST 2018)."),
    q(
      .aorticSigns, "aortic_signs", .examination, .risk, "review",
      label: "Signs of aortic aneurysm",
      "Pulsatile abdominal mass, known aneurysm, tearing pain, shock",
      "Assess the aorta (bedside ultrasound, CT angiography) before the spine."),
    q(
      .abnormalABC, "abnormal_abc", .examination, .risk, "PECARN",
      label: "Abnormal airway, breathing, circulation",
      "Abnormal airway, breathing or circulation (unstable)",
      "After injury: child high risk, neck not cleared. Aorta: think rupture."),
    // MARK: Neck trauma
    q(
      .alteredAlertness, "altered_alertness", .neckTrauma, .risk, "NEXUS",
      label: "Altered alertness (GCS below 15)",
      "GCS below 15, disoriented, or delayed responses",
      "NEXUS: altered alertness means imaging; the Canadian rule does not apply."),
    q(
      .intoxication, "intoxication", .neckTrauma, .risk, "NEXUS",
      label: "Intoxicated",
      "Evidence of intoxication",
      "NEXUS criterion: the neck cannot be cleared clinically; image."),
    q(
      .distractingInjury, "distracting_injury", .neckTrauma, .risk, "NEXUS",
      label: "Painful distracting injury",
      "Painful distracting injury",
      "Long-bone fracture, large laceration, crush, burn: NEXUS criterion."),
    q(
      .limbParesthesia, "limb_paresthesia", .neckTrauma, .risk, "CCR",
      label: "Tingling in the arms or legs",
      "Paresthesias in the extremities",
      "Canadian rule high risk: image."),
    q(
      .unresponsive, "unresponsive", .neckTrauma, .risk, "PECARN",
      label: "GCS 8 or less, or unresponsive",
      "GCS 8 or less, or unresponsive",
      "Children (PECARN): high risk, CT. Adults: altered alertness, image."),
    q(
      .torsoHeadInjury, "torso_head_injury", .neckTrauma, .risk, "PECARN",
      label: "Torso or head injury needing admission",
      "Torso or head injury needing admission",
      "Children (PECARN): moderate risk, radiographs of the neck first."),
    q(
      .simpleRearEnd, "simple_rear_end", .neckTrauma, .reassuring, "CCR",
      label: "Simple rear-end collision",
      "Simple rear-end motor vehicle collision",
      "Canadian rule low risk (not pushed into traffic, not hit by bus, truck)."),
    q(
      .sittingInED, "sitting_in_ed", .neckTrauma, .reassuring, "CCR",
      label: "Sitting in the emergency department",
      "Sitting position in the emergency department",
      "Canadian C-Spine Rule low-risk factor."),
    q(
      .ambulatory, "ambulatory", .neckTrauma, .reassuring, "CCR",
      label: "Walked at any time since the injury",
      "Ambulatory at any time since the injury",
      "Canadian C-Spine Rule low-risk factor."),
    q(
      .delayedNeckPain, "delayed_neck_pain", .neckTrauma, .reassuring, "CCR",
      label: "Delayed onset of neck pain",
      "Delayed onset of neck pain",
      "Canadian C-Spine Rule low-risk factor."),
    q(
      .canRotateNeck, "can_rotate_neck", .neckTrauma, .reassuring, "CCR",
      label: "Rotates the neck 45 degrees both ways",
      "Able to rotate the neck actively 45 degrees left and right",
      "Assess only when a low-risk factor allows it; unable means image."),
    // MARK: MRI safety
    q(
      .pacemakerConditional, "pacemaker_conditional", .mriSafety, .safety, "seed",
      label: "MR-conditional pacemaker or ICD system",
      "Pacemaker/ICD MR-conditional as a system (generator and leads)",
      "Scan only under its labelling, with protocol and monitoring (HRS 2017)."),
    q(
      .pacemakerLegacy, "pacemaker_legacy", .mriSafety, .safety, "seed",
      label: "Pacemaker/ICD not MR-conditional",
      "Pacemaker/ICD not MR-conditional, or labelling unknown",
      "Only under an institutional protocol, no abandoned leads (HRS 2017)."),
    q(
      .abandonedLeads, "abandoned_leads", .mriSafety, .safety, "HRS",
      label: "Abandoned or fractured cardiac leads",
      "Fractured, epicardial or abandoned cardiac leads",
      "MRI not advised: use CT or CT myelography (HRS 2017)."),
    q(
      .cochlearImplant, "cochlear_implant", .mriSafety, .safety, "seed",
      label: "Cochlear implant",
      "Cochlear implant",
      "Model-specific labelling; the magnet may need removal. Identify the model."),
    q(
      .neurostimulator, "neurostimulator", .mriSafety, .safety, "seed",
      label: "Neurostimulator or drug pump",
      "Other active implant (neurostimulator, drug pump)",
      "Check the MR Conditional labelling before scanning."),
    q(
      .orbitalMetal, "orbital_metal", .mriSafety, .safety, "seed",
      label: "Metal in the eye not cleared",
      "Metal in the eye (welding, grinding) not since cleared",
      "Orbital radiographs (or a previous CT) before MRI."),
    q(
      .metalFragments, "metal_fragments", .mriSafety, .safety, "seed",
      label: "Metal fragments or unknown implants",
      "Other metal fragments, shrapnel, or implants of unknown MR status",
      "Metal can move in the magnet: establish its MR status first."),
    q(
      .pregnant, "pregnant", .mriSafety, .safety, "seed",
      label: "Pregnant or possibly pregnant",
      "Pregnant or possibly pregnant",
      "MRI without gadolinium is acceptable at any stage when warranted (ACOG)."),
    q(
      .renalImpairment, "renal_impairment", .mriSafety, .safety, "seed",
      label: "eGFR below 30, dialysis or AKI",
      "eGFR below 30, dialysis, or acute kidney injury",
      "Only matters for contrast: no group I gadolinium agents (ACR-NKF 2021)."),
    q(
      .contrastReaction, "contrast_reaction", .mriSafety, .safety, "seed",
      label: "Previous gadolinium reaction",
      "Previous reaction to gadolinium contrast",
      "Prefer non-contrast MRI; otherwise another agent +/- premedication (ACR)."),
    q(
      .claustrophobia, "claustrophobia", .mriSafety, .safety, "seed",
      label: "Claustrophobia",
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

  /// Findings asked on another screen in an earlier rule set, with that screen: records written
  /// then (a bulk answer on that screen, a FHIR response with the item in that group) still
  /// load.
  public static let formerScreens: [Finding: QuestionScreen] = [
    .abnormalABC: .neckTrauma, .dangerousMechanism: .neckTrauma,
  ]

  /// Whether `finding` is, or was in an earlier rule set, asked on `screen`.
  public static func isAsked(_ finding: Finding, on screen: QuestionScreen) -> Bool {
    question(for: finding).screen == screen || formerScreens[finding] == screen
  }

  /// The question recording `finding`.
  public static func question(for finding: Finding) -> Question {
    byFinding[Int(finding.rawValue)]
  }

  /// The questions asked on `screen`, in display order.
  public static func questions(on screen: QuestionScreen) -> [Question] {
    byScreen[screenIndex(screen)]
  }

  /// The questions of each screen, in the order of ``QuestionScreen/allCases`` (filtered once:
  /// the screens ask for them at every frame).
  private static let byScreen: [[Question]] = QuestionScreen.allCases.map { screen in
    questions.filter { $0.screen == screen }
  }

  private static func screenIndex(_ screen: QuestionScreen) -> Int {
    switch screen {
    case .presentation: 0
    case .history: 1
    case .examination: 2
    case .neckTrauma: 3
    case .mriSafety: 4
    }
  }

  private static func q(
    _ finding: Finding, _ id: String, _ screen: QuestionScreen, _ polarity: Polarity,
    _ origin: String, label: String, _ text: String, _ help: String
  ) -> Question {
    Question(
      finding: finding, id: id, screen: screen, label: label, text: text, help: help,
      polarity: polarity, origin: origin)
  }
}
