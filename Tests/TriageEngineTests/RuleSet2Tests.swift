import Testing
import TriageEngine

/// Rule set 2 (CHANGELOG, spine-triage-rules@2): one case per new or changed rule, written from
/// the published source each rule cites (`spine-triage rules`), checking the urgency, the main
/// study (modality and every region that must be imaged) and the rule identifiers.
enum RuleSet2Vignettes {
  static let alert = no("altered_alertness", "intoxication", "distracting_injury", "focal_deficit")

  static let all: [Vignette] = [
    // The neck is assessed after any trauma, whatever the pain site.
    Vignette(
      "Crash, intoxicated and confused with a distracting injury, neck pain not asked",
      answers(
        age: 30, weeks: 0,
        yes("trauma_major", "intoxication", "altered_alertness", "distracting_injury")),
      .emergency, main: ct(.cervical), fired: ["TR-2", "NEXUS-1", "TR-4"],
      alsoImaging: [ct(.thoracic), ct(.lumbar)]),
    Vignette(
      "Crash, intoxicated, neck pain answered no, low back pain: CT neck added to the TL CT",
      answers(
        age: 30, weeks: 0, yes("trauma_major", "intoxication", "pain_low_back") + no("pain_neck")),
      .emergency, main: ct(.cervical), fired: ["TR-2", "TR-4"],
      alsoImaging: [ct(.thoracic), ct(.lumbar)]),
    Vignette(
      "High-energy trauma, neck pain not asked, NEXUS negative: the neck is not cleared",
      answers(age: 30, weeks: 0, yes("trauma_major") + Background.nexusNegative), .emergency,
      main: ct(.cervical), fired: ["TR-0"], notFired: ["TR-1"]),
    Vignette(
      // Rule set 3 (RV3-2): clearing the neck without neck pain also needs a neck that is not
      // tender (asked by level).
      "High-energy trauma, no neck pain, alert, sober, no distracting injury, neck not tender: neck cleared",
      answers(
        age: 30, weeks: 0,
        yes("trauma_major") + no("pain_neck", "midline_tenderness_cervical") + alert), .none,
      main: nil, fired: ["TR-1"], notFired: ["TR-0", "TR-2"]),
    // Known vertebral disease after any trauma.
    Vignette(
      "Ankylosing spondylitis, fall from standing, back pain, NEXUS negative: CT whole spine",
      answers(
        age: 68, weeks: 0,
        yes("inflammatory_arthritis", "trauma_minor", "pain_low_back") + Background.nexusNegative
          + no("pain_neck")),
      .emergency, main: ct(.wholeSpine), fired: ["TR-7"], notFired: ["TR-1"]),
    Vignette(
      "Ankylosing spondylitis, minor fall, neck pain and a deficit: CT then MRI whole spine",
      answers(
        age: 60, weeks: 0,
        yes("inflammatory_arthritis", "trauma_minor", "pain_neck", "focal_deficit")),
      .emergency, main: ct(.wholeSpine), fired: ["TR-7"], alsoImaging: [mri(.wholeSpine)]),
    // Clear only when every applicable rule is negative.
    Vignette(
      "NEXUS negative, Canadian rule high-risk items answered, rotation not assessed",
      answers(
        age: 40, weeks: 0,
        yes("trauma_minor", "pain_neck", "ambulatory") + Background.nexusNegative
          + Background.ccrApplicableLowRisk),
      .emergency, main: ct(.cervical), fired: ["TR-0"], notFired: ["TR-1", "CCR-0"]),
    Vignette(
      "Previous neck surgery, a fall, neck pain: CT cervical spine (Canadian rule excluded)",
      answers(
        age: 55, weeks: 0,
        yes("prior_spine_surgery", "trauma_minor", "pain_neck") + Background.nexusNegative),
      .emergency, main: ct(.cervical), fired: ["TR-8", "CCR-NA"], notFired: ["TR-1"]),
    // Children follow PECARN.
    Vignette(
      // Rule set 3 (RV3-3): the adult fracture-risk radiograph (LBP-6) no longer applies to a
      // child; the older record's "not tender" means not tender at any level (RV3-2).
      "10-year-old, minor fall, low back pain, no neck pain, alert, not tender: neck not imaged",
      answers(
        age: 10, weeks: 0,
        yes("trauma_minor", "pain_low_back")
          + no("pain_neck", "midline_tenderness", "altered_alertness", "focal_deficit")),
      .none, main: nil, fired: ["PECARN-0"],
      notFired: ["TR-0", "TR-2", "PECARN-2", "LBP-6", "PED-4"]),
    Vignette(
      "10-year-old with neck pain after a fall, NEXUS negative: radiographs, not CT",
      answers(age: 10, weeks: 0, yes("trauma_minor", "pain_neck") + Background.nexusNegative),
      .emergency, main: radiograph(.cervical), fired: ["PECARN-2"], notFired: ["TR-2", "TR-0"]),
    Vignette(
      "8-year-old unresponsive after a crash: CT cervical spine (PECARN high risk)",
      answers(age: 8, weeks: 0, yes("trauma_major", "unresponsive")), .emergency,
      main: ct(.cervical), fired: ["PECARN-1"]),
    // Thoracic and lumbar after high-energy trauma.
    Vignette(
      // Rule set 3 (RV3-2): the neck is cleared only when it is not tender.
      "High-energy trauma with low back pain, neck cleared: CT thoracic and lumbar",
      answers(
        age: 35, weeks: 0,
        yes("trauma_major", "pain_low_back") + no("pain_neck", "midline_tenderness_cervical")
          + alert),
      .emergency, main: ct(.thoracic), fired: ["TR-4"], alsoImaging: [ct(.lumbar)]),
    // Systemic red flags whatever the site.
    Vignette(
      "80-year-old on long-term steroids with neck pain: radiographs of the neck, soon",
      answers(age: 80, weeks: 2, yes("steroids", "pain_neck")), .soon,
      main: radiograph(.cervical), fired: ["FX-1"], notFired: ["NK-1"]),
    Vignette(
      "Neck pain after a recent serious infection: MRI cervical with contrast, soon",
      answers(age: 45, weeks: 1, yes("recent_infection", "pain_neck")), .soon,
      main: mri(.cervical, .withAndWithout), fired: ["NK-RF"], notFired: ["NK-1"]),
    Vignette(
      // Rule set 3 (RV3-8): with no site yet, the fracture-risk rule is FX-1, not the low back
      // rule LBP-6.
      "Osteoporosis with no pain site yet: whole spine radiographs, and incomplete",
      answers(age: 75, weeks: 2, yes("osteoporosis")), .soon,
      main: radiograph(.wholeSpine), fired: ["FX-1"], notFired: ["LBP-1", "LBP-6"]),
    // RV-7: thoracic cord compression is not cauda equina syndrome.
    Vignette(
      "Thoracic pain with severe bilateral weakness: MRI thoracic today, not CES",
      answers(
        age: 62, weeks: 1,
        yes("pain_mid_back", "bilateral_deficit", "severe_weakness") + Background.noCES),
      .emergency, main: mri(.thoracic), fired: ["MY-1"], notFired: ["CES-1", "LBP-4"]),
    Vignette(
      "Low back pain with severe bilateral leg weakness: cauda equina syndrome",
      answers(age: 50, weeks: 1, yes("pain_low_back", "bilateral_deficit", "severe_weakness")),
      .emergency, main: mri(.lumbosacral), fired: ["CES-1"], notFired: ["MY-1"]),
    // Spinal epidural haematoma.
    Vignette(
      "On a DOAC, sudden severe back pain, new leg weakness: emergency MRI",
      answers(
        age: 70, weeks: 0,
        yes("anticoagulated", "sudden_onset", "pain_mid_back", "focal_deficit")),
      .emergency, main: mri(.thoracic), fired: ["SEH-1"]),
    Vignette(
      // Rule set 3 (RV3-6): an urgent MRI of the painful region the same day, not a note.
      "On warfarin, sudden severe back pain, no deficit: urgent MRI within 24 hours",
      answers(
        age: 70, weeks: 0,
        yes("anticoagulated", "sudden_onset", "pain_low_back") + Background.normalNeuro
          + Background.noCES),
      .urgent, main: mri(.lumbar), fired: ["SEH-2"], notFired: ["SEH-1"]),
    // RV-9: the aorta before the spine.
    Vignette(
      "Pulsatile abdominal mass with back pain: aorta first, urgent",
      answers(age: 72, weeks: 1, yes("aortic_signs", "pain_low_back")), .urgent,
      main: ImagingStudy(.ultrasound, .abdominalAorta, .none), fired: ["AAA-1"]),
    Vignette(
      "Known aneurysm and sudden tearing pain: aorta now, emergency",
      answers(age: 72, weeks: 0, yes("aortic_signs", "sudden_onset", "pain_low_back")),
      .emergency, main: ImagingStudy(.ultrasound, .abdominalAorta, .none), fired: ["AAA-2"]),
  ]
}

@Suite struct RuleSet2Tests {
  @Test(arguments: RuleSet2Vignettes.all)
  func vignette(_ vignette: Vignette) { vignette.check() }

  @Test func knownVertebralDiseaseIsNeverSentForPlainFilms() {
    let r = TriageEngine.evaluate(
      answers(age: 68, weeks: 0, yes("inflammatory_arthritis", "trauma_minor", "pain_low_back")))
    #expect(!r.imaging.contains { $0.modality == .radiograph })
    #expect(!r.alternatives.contains { $0.study.modality == .radiograph })
  }

  @Test func aChildsNeckIsNotImagedWhenPECARNIsNegative() {
    let r = TriageEngine.evaluate(
      answers(
        age: 10, weeks: 0,
        yes("trauma_minor", "pain_low_back")
          + no("pain_neck", "midline_tenderness", "altered_alertness", "focal_deficit")))
    #expect(!r.imaging.contains { $0.region.covers(.cervical) })
  }

  @Test func noPainSiteIsIncompleteNotLowBackPain() {
    // The 80-year-old on long-term steroids: SOON with no site, SOON with neck pain.
    let noSite = TriageEngine.evaluate(answers(age: 80, weeks: 2, yes("steroids")))
    let neck = TriageEngine.evaluate(answers(age: 80, weeks: 2, yes("steroids", "pain_neck")))
    #expect(noSite.status == .incomplete)
    #expect(noSite.urgency == .soon)
    #expect(neck.urgency >= noSite.urgency)
    let empty = TriageEngine.evaluate(Answers())
    #expect(empty.status == .incomplete)
    #expect(empty.rules.allSatisfy { $0.rule.urgency != Urgency.none })
  }

  @Test func unansweredNeckPainAfterMajorTraumaIsMissing() {
    let r = TriageEngine.evaluate(answers(age: 30, weeks: 0, yes("trauma_major", "pain_low_back")))
    #expect(r.missing.contains("pain_neck"))
    #expect(r.status == .provisional)
  }

  @Test func statusAndTimeframeHours() {
    let ces = TriageEngine.evaluate(
      answers(age: 40, weeks: 1, yes("pain_low_back", "saddle_anesthesia")))
    #expect(ces.timeframeHours == 4)
    let mscc = TriageEngine.evaluate(
      answers(age: 60, weeks: 2, yes("cancer_history", "pain_low_back", "focal_deficit")))
    #expect(mscc.timeframeHours == 24)
    let infection = TriageEngine.evaluate(
      answers(age: 40, weeks: 1, yes("pain_low_back", "fever_measured", "iv_drug_use")))
    #expect(infection.urgency == .urgent)
    #expect(infection.timeframeHours == 24)
    let routine = TriageEngine.evaluate(
      answers(age: 40, weeks: 2, yes("pain_low_back") + Background.noRedFlags))
    #expect(routine.timeframeHours == nil)
  }

  @Test func aFullyAnsweredRoutinePatientIsFinal() {
    var all: [String: Answer] = [:]
    for question in QuestionCatalogue.questions { all[question.id] = .no }
    let r = TriageEngine.evaluate(
      answers(age: 38, sex: .male, weeks: 2, care: 0, all + yes("pain_low_back")))
    #expect(r.urgency == .none)
    #expect(r.status == .final)
    #expect(r.missing.isEmpty)
  }

  @Test func safetyAnswersNeverDisappear() {
    // Legacy pacemaker with neck trauma (CT first): an info item for any later MRI.
    let trauma = TriageEngine.evaluate(
      answers(
        age: 40, weeks: 0, yes("trauma_major", "pain_neck", "intoxication", "pacemaker_legacy")))
    let item = trauma.safety.first { $0.findings.contains(.pacemakerLegacy) }
    #expect(item?.level == .info)
    #expect(item?.message.contains("Before any later MRI") == true)
    #expect(item?.message.contains("labelling is unknown") == true)
    // eGFR below 30 with a non-contrast MRI: "if contrast is added".
    let ces = TriageEngine.evaluate(
      answers(age: 40, weeks: 1, yes("pain_low_back", "saddle_anesthesia", "renal_impairment")))
    #expect(ces.safety.contains { $0.findings.contains(.renalImpairment) && $0.level == .info })
    // Unscreened emergency MRI: a caution naming what is unanswered, in words.
    let caution = ces.safety.first { $0.id == "SF-0" }
    #expect(caution?.level == .caution)
    #expect(caution?.message.contains("cochlear implant") == true)
    #expect(caution?.message.contains("_") == false)
  }

  @Test func aSafetySubstitutionSpeaksOfTheStudyRecommended() {
    let r = TriageEngine.evaluate(
      answers(age: 40, weeks: 1, yes("pain_low_back", "saddle_anesthesia", "abandoned_leads")))
    #expect(r.mainStudy?.modality == .ctMyelogram)
    #expect(!r.timeframe.contains("MRI"))
    #expect(r.timeframe.contains("CT myelogram"))
    #expect(r.timeframeHours == 4)
  }
}
