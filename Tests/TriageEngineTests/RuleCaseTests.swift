import Testing
import TriageEngine

/// One vignette per deciding rule (except trauma: `TraumaRuleTests`). Every case is written
/// from the published source the rule cites (`spine-triage rules`): the urgency tier, the main
/// study (modality, region, contrast) and the rule identifiers a clinician should see.
enum DecidingVignettes {
  static let lowBack = yes("pain_low_back")
  static let sciatica = yes("pain_low_back", "radiates_leg")
  static let neck = yes("pain_neck")
  static let clean = Background.noRedFlags

  // MARK: Cauda equina (A3; ACR LBP V4)

  static let caudaEquina: [Vignette] = [
    Vignette(
      "CES-1 / LBP-4: sciatica with saddle numbness and a post-void residual of 300 mL",
      answers(age: 45, weeks: 1, sciatica + yes("saddle_anesthesia", "urinary_retention")),
      .emergency, main: mri(.lumbosacral), fired: ["CES-1", "LBP-4", "CES-3"]),
    Vignette(
      "CES-1: new difficulty passing urine with low back pain (GIRFT, 14 days)",
      answers(age: 38, weeks: 1, lowBack + yes("bladder_bowel")), .emergency,
      main: mri(.lumbosacral), fired: ["CES-1", "LBP-4"]),
    Vignette(
      "CES-1: severe weakness of both legs with low back pain (GIRFT)",
      answers(age: 52, weeks: 1, lowBack + yes("bilateral_deficit", "severe_weakness")),
      .emergency, main: mri(.lumbosacral), fired: ["CES-1", "LBP-4"]),
    Vignette(
      "CES-1: saddle numbness reported with no pain site recorded: still an emergency",
      answers(age: 60, yes("saddle_anesthesia")), .emergency,
      main: mri(.lumbosacral), fired: ["CES-1"]),
    Vignette(
      "CES-2: low back pain with new erectile dysfunction as the only other feature",
      answers(age: 40, weeks: 2, care: 0, lowBack + clean + yes("sexual_dysfunction")), .none,
      main: nil, fired: ["CES-2", "LBP-1"], notFired: ["CES-1", "LBP-4", "CES-3"]),
  ]

  // MARK: Cancer (A4; ACR LBP V7; ACR cervical NK-5)

  static let cancer: [Vignette] = [
    Vignette(
      "CA-2: breast cancer, thoracic pain and progressive leg weakness (MSCC)",
      answers(age: 62, weeks: 2, yes("cancer_history", "pain_mid_back", "progressive_weakness")),
      .emergency, main: mri(.wholeSpine), fired: ["CA-2", "CA-1", "ACP-2"]),
    Vignette(
      "CA-2: prostate cancer with back pain and new sciatica (radicular pain)",
      answers(age: 71, weeks: 1, sciatica + yes("cancer_history")), .emergency,
      main: mri(.wholeSpine), fired: ["CA-2"]),
    Vignette(
      "CA-1: prostate cancer with new low back pain at night, neurology normal",
      answers(
        age: 70, weeks: 3,
        lowBack + yes("cancer_history", "night_pain") + Background.normalNeuro
          + Background.noCES + no("radiates_leg", "radiates_arm")),
      .soon, main: mri(.wholeSpine), fired: ["CA-1", "LBP-7", "ACP-4"],
      notFired: ["CA-2", "SEED-7"]),
    Vignette(
      "NK-5: lung cancer with neck pain, neurology normal",
      answers(
        age: 66, weeks: 2,
        neck + yes("cancer_history") + Background.normalNeuro + Background.noCES
          + no("radiates_leg", "radiates_arm")),
      .soon, main: mri(.wholeSpine), fired: ["NK-5", "CA-1"],
      alsoImaging: [mri(.cervical, .withAndWithout)]),
    Vignette(
      "LBP-7: 62-year-old with unexplained weight loss and back pain (multiple cancer risks)",
      answers(
        age: 62, weeks: 3,
        lowBack + yes("weight_loss") + no("cancer_history")
          + Background.normalNeuro + Background.noCES),
      .soon, main: mri(.lumbar), fired: ["LBP-7", "ACP-4"], notFired: ["CA-1"]),
    Vignette(
      "LBP-7: kidney-transplant recipient (immunosuppressed) with back pain, no fever",
      answers(
        age: 50, weeks: 2,
        lowBack + yes("immunosuppression") + no("fever_history", "fever_measured", "abnormal_labs")
          + Background.normalNeuro + Background.noCES),
      .soon, main: mri(.lumbar, .withAndWithout), fired: ["LBP-7"], notFired: ["INF-1"]),
  ]

  // MARK: Myelopathy (A6; RG-3)

  static let myelopathy: [Vignette] = [
    Vignette(
      "MY-1: clumsy hands and a Hoffmann sign for a week, with neck pain",
      answers(age: 58, weeks: 1, neck + yes("myelopathy_symptoms", "umn_signs")), .emergency,
      main: mri(.cervical), fired: ["MY-1", "RG-3"], notFired: ["MY-2"]),
    Vignette(
      "MY-1: cord signs of unknown duration are treated as acute",
      answers(age: 58, neck + yes("umn_signs")), .emergency,
      main: mri(.cervical), fired: ["MY-1"], notFired: ["MY-2"]),
    Vignette(
      "MY-2: unsteady gait and brisk reflexes for 6 months (chronic myelopathy)",
      answers(age: 68, weeks: 26, neck + yes("myelopathy_symptoms", "umn_signs")), .soon,
      main: mri(.cervical), fired: ["MY-2", "RG-3"], notFired: ["MY-1"]),
    Vignette(
      "MY-1 / RG-3: interscapular pain with a Babinski sign: thoracic cord",
      answers(age: 50, weeks: 2, yes("pain_mid_back", "umn_signs")), .emergency,
      main: mri(.thoracic), fired: ["MY-1", "RG-3"]),
    Vignette(
      "MY-1 / RG-3: low back pain with clonus: a lumbar MRI cannot explain it, whole spine",
      answers(age: 55, weeks: 1, lowBack + yes("umn_signs")), .emergency,
      main: mri(.wholeSpine), fired: ["MY-1", "RG-3"]),
  ]

  // MARK: Infection (A5; ACR cervical NK-4; ACP 2011)

  static let infection: [Vignette] = [
    Vignette(
      "INF-3: IV drug user with fever, back pain and leg weakness (epidural abscess?)",
      answers(
        age: 34, weeks: 1,
        lowBack + yes("iv_drug_use", "fever_measured", "focal_deficit")),
      .emergency, main: mri(.wholeSpine, .withAndWithout),
      fired: ["INF-3", "INF-1", "ACP-4", "RG-6"]),
    Vignette(
      "INF-1: diabetic with 38.6 C and back pain, neurology normal",
      answers(
        age: 61, weeks: 1,
        lowBack + yes("immunosuppression", "fever_measured") + Background.normalNeuro
          + Background.noCES + no("cancer_history")),
      .urgent, main: mri(.lumbar, .withAndWithout), fired: ["INF-1", "RG-6"],
      notFired: ["INF-3", "INF-4"]),
    Vignette(
      "INF-1 / ACP-4: IV drug user with fever and back pain",
      answers(
        age: 29, weeks: 1,
        lowBack + yes("iv_drug_use", "fever_history") + Background.normalNeuro + Background.noCES),
      .urgent, main: mri(.lumbar, .withAndWithout), fired: ["INF-1", "ACP-4"]),
    Vignette(
      "INF-1: fever with raised CRP and back pain, even without a risk factor",
      answers(
        age: 45, weeks: 1,
        lowBack + yes("fever_measured", "abnormal_labs") + Background.normalNeuro
          + Background.noCES),
      .urgent, main: mri(.lumbar, .withAndWithout), fired: ["INF-1"]),
    Vignette(
      "INF-2: fever three weeks after a lumbar discectomy",
      answers(
        age: 47, weeks: 3,
        lowBack
          + yes("recent_spinal_procedure", "prior_spine_surgery", "fever_history")
          + Background.normalNeuro + Background.noCES),
      .urgent, main: mri(.lumbar, .withAndWithout), fired: ["INF-2", "LBP-5"]),
    Vignette(
      "NK-4: neck pain with fever in an IV drug user",
      answers(
        age: 36, weeks: 1,
        neck + yes("iv_drug_use", "fever_measured") + Background.normalNeuro + Background.noCES),
      .urgent, main: mri(.cervical, .withAndWithout), fired: ["NK-4", "INF-1"]),
    Vignette(
      "INF-4: fever and back pain with no infection risk factor",
      answers(
        age: 40, weeks: 1,
        lowBack + yes("fever_history") + Background.normalNeuro + Background.noCES
          + no("iv_drug_use", "recent_infection", "immunosuppression", "cancer_history")
          + no("abnormal_labs", "recent_spinal_procedure", "tb_risk")),
      .soon, main: mri(.lumbar, .withAndWithout), fired: ["INF-4"], notFired: ["INF-1"]),
  ]

  // MARK: Severe or progressive deficit (ACP 2007 Rec 3)

  static let deficit: [Vignette] = [
    Vignette(
      "ACP-2: sciatica with a progressive foot drop, no cauda equina features",
      answers(age: 45, weeks: 3, sciatica + yes("progressive_weakness") + Background.noCES),
      .urgent, main: mri(.lumbar), fired: ["ACP-2", "RG-1"], notFired: ["CES-1"]),
    Vignette(
      "ACP-2: arm pain with MRC 3/5 triceps weakness",
      answers(
        age: 50, weeks: 2,
        yes("pain_neck", "radiates_arm", "severe_weakness") + no("umn_signs", "bilateral_deficit")),
      .urgent, main: mri(.cervical), fired: ["ACP-2", "RG-2"]),
  ]

  // MARK: Fracture risk (ACR LBP V6)

  static let fracture: [Vignette] = [
    Vignette(
      "LBP-6: on long-term prednisolone with new low back pain",
      answers(
        age: 55, weeks: 1,
        lowBack + yes("steroids") + Background.normalNeuro + Background.noCES
          + no("cancer_history", "trauma_major")),
      .soon, main: radiograph(.lumbar), fired: ["LBP-6"]),
    Vignette(
      "LBP-6: 76-year-old (elderly) with new low back pain and no other flag",
      answers(age: 76, weeks: 1, care: 0, lowBack + clean), .soon,
      main: radiograph(.lumbar), fired: ["LBP-6"], notFired: ["LBP-1"]),
    Vignette(
      // Rule set 3 (RV3-8): thoracic pain is not a low back presentation, so the fracture-risk
      // radiograph is FX-1's, not LBP-6's.
      "FX-1: osteoporosis and pain between the shoulder blades: thoracic radiographs",
      answers(age: 68, weeks: 1, yes("pain_mid_back", "osteoporosis") + Background.normalNeuro),
      .soon, main: radiograph(.thoracic), fired: ["FX-1", "RG-5"], notFired: ["LBP-6"]),
  ]

  // MARK: Neck red flags (ACR cervical table 1)

  static let neckRedFlags: [Vignette] = [
    Vignette(
      "NK-RF: ankylosing spondylitis with new neck pain, no trauma",
      answers(age: 45, weeks: 2, neck + yes("inflammatory_arthritis") + no("trauma_major")),
      .soon, main: mri(.cervical), fired: ["NK-RF"], notFired: ["NK-1"]),
    Vignette(
      "NK-RF: 60-year-old with vascular disease and new neck pain (dissection?)",
      answers(age: 60, weeks: 1, neck + yes("vascular_disease") + no("trauma_major")),
      .soon, main: mri(.cervical), fired: ["NK-RF"]),
  ]

  // MARK: Prior surgery (ACR LBP V5, cervical NK-3)

  static let priorSurgery: [Vignette] = [
    Vignette(
      "LBP-5: previous L4-5 fusion with new leg pain",
      answers(
        age: 55, weeks: 8, care: 2,
        sciatica + yes("prior_spine_surgery") + Background.noCES + Background.noInfection
          + no("cancer_history", "progressive_weakness", "severe_weakness", "bilateral_deficit")),
      .routine, main: mri(.lumbar, .withAndWithout), fired: ["LBP-5"]),
    Vignette(
      "NK-3: previous anterior cervical fusion with new neck pain",
      answers(
        age: 57, weeks: 6, care: 2,
        neck + yes("prior_spine_surgery") + no("trauma_major", "cancer_history")),
      .routine, main: radiograph(.cervical), fired: ["NK-3"]),
  ]

  // MARK: Persistent symptoms after conservative care (ACR V3, ACP Rec 4, cervical NK-2/7/8/9)

  static let persistent: [Vignette] = [
    Vignette(
      "LBP-3 / ACP-3: 10 weeks of sciatica, 8 weeks of physiotherapy, wants surgery if indicated",
      answers(age: 42, weeks: 10, care: 8, sciatica + yes("intervention_candidate") + clean),
      .routine, main: mri(.lumbar), fired: ["LBP-3", "ACP-3", "RG-1"],
      notFired: ["LBP-2", "ACP-1"]),
    Vignette(
      "LBP-3: chronic low back pain after 6 weeks of care, injection candidate, no sciatica",
      answers(
        age: 44, weeks: 12, care: 6,
        lowBack + yes("intervention_candidate") + no("radiates_leg") + clean),
      .routine, main: mri(.lumbar), fired: ["LBP-3"], notFired: ["ACP-3"]),
    Vignette(
      "NK-2: cervical radiculopathy for 8 weeks, 6 weeks of care, surgical candidate",
      answers(
        age: 48, weeks: 8, care: 6,
        yes("pain_neck", "radiates_arm", "intervention_candidate") + clean),
      .routine, main: mri(.cervical), fired: ["NK-2", "RG-2"]),
    Vignette(
      "NK-8: chronic neck pain, radiographs show degenerative change",
      answers(age: 49, weeks: 16, care: 8, neck + yes("xray_degenerative") + clean), .routine,
      main: mri(.cervical), fired: ["NK-8"], notFired: ["NK-7"]),
    Vignette(
      "NK-9: chronic neck pain, radiographs show OPLL",
      answers(age: 49, weeks: 20, care: 10, neck + yes("xray_opll") + clean), .routine,
      main: ct(.cervical), fired: ["NK-9"], notFired: ["NK-7"]),
    Vignette(
      "NK-7: chronic neck pain for 14 weeks despite care, no radiographs yet",
      answers(age: 45, weeks: 14, care: 8, neck + clean), .routine,
      main: radiograph(.cervical), fired: ["NK-7"], notFired: ["NK-1"]),
    Vignette(
      // Rule set 3 (RV3-10): age over 50 alone never images; ACP-5 needs a second risk factor.
      "SEED-1: 58-year-old, back pain for 6 weeks, 4 weeks of care, no other risk: no imaging",
      answers(age: 58, weeks: 6, care: 4, lowBack + clean), .none,
      main: nil, fired: ["SEED-1"], notFired: ["ACP-5", "LBP-7"]),
    Vignette(
      "ACP-5: 40-year-old with unexplained weight loss after a 1-month trial",
      answers(age: 40, weeks: 5, care: 4, lowBack + clean + yes("weight_loss")), .routine,
      main: radiograph(.lumbosacral), fired: ["ACP-5"], notFired: ["LBP-7"]),
  ]

  // MARK: No imaging now (ACR V1/V2, ACP Rec 2, NICE NG59, Choosing Wisely, cervical NK-1/6)

  static let noImaging: [Vignette] = [
    Vignette(
      "LBP-1 / CW-1: 35-year-old, 2 weeks of low back pain and sciatica, no red flags",
      answers(age: 35, weeks: 2, care: 0, sciatica + clean), .none, main: nil,
      fired: ["LBP-1", "CW-1", "ACP-1", "NICE-1"], notFired: ["LBP-2"]),
    Vignette(
      "LBP-2: 40-year-old, 10 weeks of low back pain, 2 weeks of care, not a candidate",
      answers(
        age: 40, weeks: 10, care: 2, lowBack + clean + no("intervention_candidate")), .none,
      main: nil, fired: ["LBP-2", "ACP-1", "NICE-1"], notFired: ["LBP-1", "CW-1"]),
    Vignette(
      "LBP-2: 6 months of back pain, 8 weeks of care, declines surgery and injections",
      answers(
        age: 39, weeks: 26, care: 8, sciatica + clean + no("intervention_candidate")), .none,
      main: nil, fired: ["LBP-2"], notFired: ["LBP-3", "ACP-3"]),
    Vignette(
      "NK-1: 30-year-old, 2 weeks of non-traumatic neck pain, no red flags",
      answers(age: 30, weeks: 2, care: 0, neck + clean), .none, main: nil, fired: ["NK-1"]),
    Vignette(
      "NK-6: cervicogenic headache with a normal neurological examination",
      answers(age: 36, weeks: 4, care: 0, neck + yes("cervicogenic_headache") + clean), .none,
      main: nil, fired: ["NK-6", "NK-1"]),
  ]

  static let all =
    caudaEquina + cancer + myelopathy + infection + deficit + fracture + neckRedFlags
    + priorSurgery + persistent + noImaging
}

@Suite struct RuleCaseTests {
  @Test(arguments: DecidingVignettes.all)
  func vignette(_ vignette: Vignette) { vignette.check() }

  @Test func cesOfferCTMyelographyAsTheAlternative() {
    // ACR V4: CT myelography when MRI is contraindicated; non-contrast MRI acceptable (CES-3).
    let recommendation = TriageEngine.evaluate(
      answers(age: 45, weeks: 1, yes("pain_low_back", "saddle_anesthesia")))
    #expect(recommendation.alternatives.contains { $0.study == ctMyelogram(.lumbosacral) })
    #expect(recommendation.timeframe.contains("4 hours"))
  }

  @Test func isolatedSexualDysfunctionWithUnaskedBladderListsTheCESQuestions() {
    // GIRFT: ask about bladder, bowel and saddle sensation; unknown is never taken as no.
    let recommendation = TriageEngine.evaluate(
      answers(age: 40, weeks: 2, yes("pain_low_back", "sexual_dysfunction")))
    #expect(recommendation.urgency < .emergency)
    for id in ["bladder_bowel", "saddle_anesthesia", "urinary_retention"] {
      #expect(recommendation.missing.contains(id), "\(id) should be missing")
    }
  }

  @Test func cancerImagingNeverFallsBackToPlainFilms() {
    // NICE: never plain films to exclude MSCC; CT when MRI is contraindicated.
    let recommendation = TriageEngine.evaluate(
      answers(age: 62, weeks: 2, yes("cancer_history", "pain_mid_back", "progressive_weakness")))
    #expect(!recommendation.alternatives.contains { $0.study.modality == .radiograph })
    #expect(recommendation.alternatives.contains { $0.study == ct(.wholeSpine) })
    #expect(recommendation.timeframe.contains("24 hours"))
  }

  @Test func ageAloneOver50IsNotATrigger() {
    // Age over 50 alone is a weak factor (ACR Low Back Pain 2021, variant 1: LBP-1); acute pain without red flags stays no imaging.
    let recommendation = TriageEngine.evaluate(
      answers(age: 55, weeks: 2, care: 0, yes("pain_low_back") + Background.noRedFlags))
    #expect(recommendation.urgency == .none)
    #expect(recommendation.ruleIDs.contains("SEED-1"))
  }

  @Test func noImagingComesWithASafetyNet() {
    let recommendation = TriageEngine.evaluate(
      answers(age: 35, weeks: 2, care: 0, yes("pain_low_back") + Background.noRedFlags))
    #expect(recommendation.urgency == .none)
    #expect(!recommendation.safetyNet.isEmpty)
    #expect(recommendation.safetyNet.contains { $0.contains("saddle") })
  }

  @Test func unrecordedAgeIsMissingWhenItCouldRaiseTheUrgency() {
    // An elderly patient would get fracture-risk radiographs (LBP-6).
    let recommendation = TriageEngine.evaluate(
      answers(weeks: 2, care: 0, yes("pain_low_back") + Background.noRedFlags))
    #expect(recommendation.missing.contains("age"))
  }

  @Test func bilateralSevereDeficitWithArmSymptoms() {
    // Severe weakness of both legs is a GIRFT emergency (CES-1) with low back or leg symptoms,
    // or with no site; with arm radiation (a neck site) a severe bilateral deficit is a cord
    // compression until shown otherwise: MY-1, emergency, at the cord level (RG-3).
    let recommendation = TriageEngine.evaluate(
      answers(
        age: 56, weeks: 1,
        yes("pain_mid_back", "radiates_arm", "bilateral_deficit", "severe_weakness")))
    #expect(recommendation.urgency == .emergency)
    #expect(recommendation.ruleIDs.contains("MY-1"))
    #expect(recommendation.ruleIDs.contains("RG-3"))
    #expect(!recommendation.ruleIDs.contains("CES-1"))
    #expect(recommendation.mainStudy?.modality == .mri)
  }

  @Test func redundantStudiesAreMerged() {
    // INF-1 and NK-4 both ask for MRI cervical with and without contrast: one study.
    let recommendation = TriageEngine.evaluate(
      answers(age: 36, weeks: 1, yes("pain_neck", "iv_drug_use", "fever_measured")))
    #expect(recommendation.imaging.filter { $0 == mri(.cervical, .withAndWithout) }.count == 1)
    // LBP-6 radiographs add nothing to an MRI of the same region (INF-1).
    let fracture = TriageEngine.evaluate(
      answers(
        age: 61, weeks: 1,
        yes("pain_low_back", "osteoporosis", "fever_measured", "immunosuppression")))
    #expect(fracture.mainStudy == mri(.lumbar, .withAndWithout))
    #expect(!fracture.imaging.contains(radiograph(.lumbar)))
  }
}
