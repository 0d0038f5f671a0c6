import Testing
import TriageEngine

/// Trauma branch: ACR Appropriateness Criteria Suspected Spine Trauma (2019), NEXUS (Hoffman et
/// al., NEJM 2000) and the Canadian C-Spine Rule (Stiell et al., JAMA 2001). CT comes first after
/// significant trauma (ACR, variant 2), never MRI.
enum TraumaVignettes {
  static let neckTrauma = yes("trauma_major", "pain_neck")

  static let all: [Vignette] = [
    Vignette(
      "TR-0: neck pain after a car crash, clearance criteria not yet examined",
      answers(age: 30, weeks: 0, neckTrauma), .emergency,
      main: ct(.cervical), fired: ["TR-0"], notFired: ["TR-1", "NEXUS-0", "CCR-0"]),
    Vignette(
      "TR-0: age not recorded, NEXUS negative: not cleared (ACR V1 is for ages 16 to 64)",
      answers(neckTrauma + Background.nexusNegative), .emergency,
      main: ct(.cervical), fired: ["TR-0"], notFired: ["TR-1"]),
    Vignette(
      "TR-0: NEXUS negative but the Canadian rule not yet assessed: not cleared (rule set 2)",
      answers(age: 30, weeks: 0, neckTrauma + Background.nexusNegative), .emergency,
      main: ct(.cervical), fired: ["TR-0"], notFired: ["TR-1", "NEXUS-0", "CCR-0"]),
    Vignette(
      "TR-1 / NEXUS-0 / CCR-0: 40-year-old, rear-end collision, both rules negative: cleared",
      answers(
        age: 40, weeks: 0,
        neckTrauma + Background.nexusNegative + Background.ccrApplicableLowRisk
          + yes("simple_rear_end", "sitting_in_ed", "can_rotate_neck")),
      .none, main: nil, fired: ["TR-1", "NEXUS-0", "CCR-0"], notFired: ["TR-0", "TR-2", "CCR-1"]),
    Vignette(
      "TR-2 / NEXUS-1: fall from a ladder with midline neck tenderness",
      answers(age: 35, weeks: 0, neckTrauma + yes("midline_tenderness")), .emergency,
      main: ct(.cervical), fired: ["TR-2", "NEXUS-1"], notFired: ["TR-1"]),
    Vignette(
      "TR-2 / NEXUS-1: intoxicated driver with neck pain",
      answers(age: 24, weeks: 0, neckTrauma + yes("intoxication")), .emergency,
      main: ct(.cervical), fired: ["TR-2", "NEXUS-1"]),
    Vignette(
      "TR-2 / CCR-1: 72-year-old fell down stairs, NEXUS negative but age 65 or over",
      answers(age: 72, weeks: 0, neckTrauma + Background.nexusNegative), .emergency,
      main: ct(.cervical), fired: ["TR-2", "CCR-1"], notFired: ["TR-1", "NEXUS-0"]),
    Vignette(
      "TR-2 / CCR-1: 40-year-old diver (axial load), NEXUS negative",
      answers(
        age: 40, weeks: 0,
        neckTrauma + Background.nexusNegative + yes("dangerous_mechanism")),
      .emergency, main: ct(.cervical), fired: ["TR-2", "CCR-1"], notFired: ["TR-1"]),
    Vignette(
      "TR-2 / CCR-1: paresthesias in the hands after a fall",
      answers(age: 30, weeks: 0, neckTrauma + yes("limb_paresthesia")), .emergency,
      main: ct(.cervical), fired: ["TR-2", "CCR-1"]),
    Vignette(
      "TR-2 / CCR-2: no low-risk factor (not rear-end, lying, never walked, immediate pain, tender)",
      answers(
        age: 40, weeks: 0,
        neckTrauma + Background.ccrApplicableLowRisk
          + no("simple_rear_end", "sitting_in_ed", "ambulatory", "delayed_neck_pain")
          + yes("midline_tenderness")),
      .emergency, main: ct(.cervical), fired: ["TR-2", "CCR-2"]),
    Vignette(
      "TR-2 / CCR-3: walked at the scene but cannot rotate the neck 45 degrees; NEXUS negative",
      answers(
        age: 30, weeks: 0,
        neckTrauma + Background.nexusNegative + Background.ccrApplicableLowRisk
          + yes("ambulatory") + no("can_rotate_neck")),
      .emergency, main: ct(.cervical), fired: ["TR-2", "CCR-3"], notFired: ["TR-1", "CCR-0"]),
    Vignette(
      "CCR-NA: GCS 13 after a fall: the Canadian rule does not apply; NEXUS positive",
      answers(age: 50, weeks: 0, neckTrauma + yes("altered_alertness")), .emergency,
      main: ct(.cervical), fired: ["CCR-NA", "NEXUS-1", "TR-2"], notFired: ["CCR-0"]),
    Vignette(
      "CCR-NA / TR-7: ankylosing spondylitis with neck trauma: CT of the whole spine",
      answers(age: 50, weeks: 0, neckTrauma + yes("inflammatory_arthritis")), .emergency,
      main: ct(.wholeSpine), fired: ["CCR-NA", "TR-7"], notFired: ["CCR-0", "TR-1"]),
    Vignette(
      "CCR-NA + CCR-1 / TR-7: ankylosing spondylitis, fell down stairs, NEXUS negative",
      answers(
        age: 55, weeks: 0,
        neckTrauma + Background.nexusNegative
          + yes("inflammatory_arthritis", "dangerous_mechanism")),
      .emergency, main: ct(.wholeSpine), fired: ["CCR-NA", "CCR-1", "TR-2", "TR-7"],
      notFired: ["TR-1", "NEXUS-1"]),
    Vignette(
      "CCR-NA + CCR-3: previous neck fusion, cannot rotate 45 degrees, NEXUS negative: CT",
      answers(
        age: 50, weeks: 0,
        neckTrauma + Background.nexusNegative + yes("prior_spine_surgery", "sitting_in_ed")
          + no("can_rotate_neck", "dangerous_mechanism", "limb_paresthesia")),
      .emergency, main: ct(.cervical), fired: ["CCR-NA", "CCR-3", "TR-2", "TR-8"],
      notFired: ["TR-1"]),
    Vignette(
      "TR-3: neck trauma with a focal deficit (arm weakness): CT now, then MRI cervical",
      answers(age: 45, weeks: 0, neckTrauma + yes("focal_deficit")), .emergency,
      main: ct(.cervical), fired: ["TR-3", "TR-2", "NEXUS-1"],
      alsoImaging: [mri(.cervical)]),
    Vignette(
      "TR-3: neck trauma with bilateral limb weakness (suspected cord injury)",
      answers(age: 60, weeks: 0, neckTrauma + yes("bilateral_deficit")), .emergency,
      main: ct(.cervical), fired: ["TR-3"], alsoImaging: [mri(.cervical)]),
    Vignette(
      "TR-4: motorcyclist thrown from the bike, low back pain, neck not asked: CT neck, thoracic and lumbar",
      answers(age: 25, weeks: 0, yes("trauma_major", "pain_low_back")), .emergency,
      main: ct(.cervical), fired: ["TR-4", "TR-0"], notFired: ["TR-6", "LBP-1"],
      alsoImaging: [ct(.thoracic), ct(.lumbar)]),
    Vignette(
      "TR-4: fall from a roof with thoracic and lumbar pain, neck cleared: CT thoracic and lumbar",
      answers(
        age: 40, weeks: 0,
        yes("trauma_major", "pain_mid_back", "pain_low_back") + no("pain_neck")
          + Background.nexusNegative),
      .emergency, main: ct(.thoracic), fired: ["TR-4", "TR-1"], notFired: ["TR-0"],
      alsoImaging: [ct(.lumbar)]),
    Vignette(
      "TR-6: fall from height, low back pain and numb legs: CT, then MRI thoracic and lumbar",
      answers(
        age: 33, weeks: 0,
        yes("trauma_major", "pain_low_back", "focal_deficit") + Background.noCES),
      .emergency, main: ct(.cervical), fired: ["TR-4", "TR-6", "TR-2"],
      alsoImaging: [ct(.lumbar), mri(.lumbar), mri(.thoracic)]),
    Vignette(
      // Rule set 3 (RV3-1): after any injury an unanswered neck-pain question leaves the neck
      // not cleared, so the neck pain is answered here.
      "TR-5: 80-year-old with osteoporosis fell from standing, no neck pain: not major trauma; LBP-6 radiograph",
      answers(
        age: 80, weeks: 0,
        yes("trauma_minor", "osteoporosis", "pain_low_back") + Background.noCES
          + Background.normalNeuro + Background.noInfection
          + no("cancer_history", "trauma_major", "pain_neck")),
      .soon, main: radiograph(.lumbar), fired: ["TR-5", "LBP-6"], notFired: ["TR-4", "TR-0"]),
  ]
}

@Suite struct TraumaRuleTests {
  @Test(arguments: TraumaVignettes.all)
  func vignette(_ vignette: Vignette) { vignette.check() }

  @Test func majorTraumaNeverStartsWithMRI() {
    for vignette in TraumaVignettes.all where vignette.answers[.traumaMajor] == .yes {
      let recommendation = TriageEngine.evaluate(vignette.answers)
      #expect(recommendation.mainStudy?.modality != .mri, "\(vignette.name)")
    }
  }

  @Test func unansweredClearanceCriteriaAreMissing() {
    // Neck pain after trauma, NEXUS negative: the Canadian rule still stands between the
    // patient and clearance (rule set 2), and its open items, reassuring ones included, are
    // listed.
    let notCleared = TriageEngine.evaluate(
      answers(age: 30, weeks: 0, TraumaVignettes.neckTrauma + Background.nexusNegative))
    #expect(notCleared.urgency == .emergency)
    #expect(notCleared.status == .provisional)
    for id in ["dangerous_mechanism", "limb_paresthesia", "can_rotate_neck"] {
      #expect(notCleared.missing.contains(id), "\(id)")
    }
  }

  @Test func nexusNegativeInAnElderlyPatientStillImages() {
    // CCR: age 65 or over is a high-risk factor whatever NEXUS says.
    let recommendation = TriageEngine.evaluate(
      answers(age: 65, weeks: 0, TraumaVignettes.neckTrauma + Background.nexusNegative))
    #expect(recommendation.urgency == .emergency)
    #expect(recommendation.ruleIDs.contains("CCR-1"))
  }

  @Test func childrenFollowPECARNNotTheAdultRules() {
    // Under 16 the adult rules do not apply (rule set 2: PECARN, not yet externally validated).
    let recommendation = TriageEngine.evaluate(
      answers(age: 12, weeks: 0, TraumaVignettes.neckTrauma + yes("dangerous_mechanism")))
    #expect(recommendation.ruleIDs.contains("PECARN-2"))
    #expect(!recommendation.ruleIDs.contains("CCR-1"))
    #expect(!recommendation.ruleIDs.contains("TR-2"))
    #expect(recommendation.mainStudy == radiograph(.cervical))
    let note = RuleBook.rule(id: "PECARN-2")?.note ?? ""
    #expect(note.contains("not yet externally validated"))
  }

  @Test func trauma3ListsCTMyelogramWhenMRIContraindicated() {
    let recommendation = TriageEngine.evaluate(
      answers(age: 45, weeks: 0, TraumaVignettes.neckTrauma + yes("focal_deficit")))
    #expect(recommendation.alternatives.contains { $0.study == ctMyelogram(.cervical) })
  }
}
