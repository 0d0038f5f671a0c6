import Testing
import TriageEngine

/// The rules that explain without deciding: region choice, the paediatric note, and where the
/// seed article differs from the guidelines (README, "Where the seed article and the guidelines
/// disagree"). The trauma notes (TR-5, NEXUS-*, CCR-*) are in `TraumaVignettes`, CES-2/CES-3/ACP-4
/// in `DecidingVignettes`.
enum ExplanatoryVignettes {
  static let clean = Background.noRedFlags

  static let all: [Vignette] = [
    Vignette(
      "RG-1: leg-dominant pain with progressive numbness: lumbar spine",
      answers(
        age: 44, weeks: 2,
        yes("pain_low_back", "radiates_leg", "progressive_numbness") + Background.noCES),
      .urgent, main: mri(.lumbar), fired: ["RG-1", "ACP-2"]),
    Vignette(
      "RG-2: arm radiation with progressive weakness: cervical spine, not lumbar",
      answers(age: 51, weeks: 2, yes("pain_neck", "radiates_arm", "progressive_weakness")),
      .urgent, main: mri(.cervical), fired: ["RG-2", "ACP-2"]),
    Vignette(
      "RG-3: bilateral hand numbness with neck pain and brisk reflexes: cervical cord",
      answers(
        age: 63, weeks: 2, yes("pain_neck", "bilateral_deficit", "umn_signs", "myelopathy_symptoms")
      ),
      .emergency, main: mri(.cervical), fired: ["RG-3", "MY-1"]),
    Vignette(
      "RG-4: known myeloma with back pain: whole spine, not just lumbar",
      answers(age: 67, weeks: 2, yes("pain_low_back", "cancer_history")), .soon,
      main: mri(.wholeSpine), fired: ["RG-4", "CA-1"]),
    Vignette(
      "RG-5: interscapular pain with arm radiation and progressive weakness: cervical spine",
      answers(
        age: 47, weeks: 2, yes("pain_mid_back", "radiates_arm", "progressive_weakness")),
      .urgent, main: mri(.cervical), fired: ["RG-5", "ACP-2"]),
    Vignette(
      "RG-5: breast cancer with pain between the shoulder blades (a MSCC symptom)",
      answers(age: 70, weeks: 2, yes("pain_mid_back", "cancer_history")), .soon,
      main: mri(.wholeSpine), fired: ["RG-5", "RG-4", "CA-1"]),
    Vignette(
      "RG-6: fever, raised CRP and thoracic pain: symptomatic segment, with contrast",
      answers(age: 59, weeks: 1, yes("pain_mid_back", "fever_measured", "abnormal_labs")),
      .urgent, main: mri(.thoracic, .withAndWithout), fired: ["RG-6", "INF-1"]),
    Vignette(
      "PED-1: 12-year-old with 2 weeks of back pain and no red flags",
      answers(age: 12, weeks: 2, care: 0, yes("pain_low_back") + clean), .none, main: nil,
      fired: ["PED-1"]),
    Vignette(
      "SEED-1: 55-year-old with 2 weeks of back pain: age over 50 alone is not a trigger",
      answers(age: 55, weeks: 2, care: 0, yes("pain_low_back") + clean), .none, main: nil,
      fired: ["SEED-1", "LBP-1"]),
    Vignette(
      "SEED-5: thin but not losing weight: low body weight is not a red flag",
      answers(age: 30, weeks: 2, care: 0, yes("pain_low_back", "low_body_weight") + clean),
      .none, main: nil, fired: ["SEED-5", "LBP-1"]),
    Vignette(
      "SEED-6: came from a TB-endemic area, back pain, no fever: no escalation on its own",
      answers(age: 30, weeks: 2, care: 0, yes("pain_low_back") + clean + yes("tb_risk")),
      .none, main: nil, fired: ["SEED-6", "LBP-1"], notFired: ["INF-1", "LBP-7"]),
    Vignette(
      "SEED-6: TB-endemic residence with fever and back pain: suspected infection (INF-1)",
      answers(
        age: 30, weeks: 2,
        yes("pain_low_back", "tb_risk", "fever_history") + Background.normalNeuro
          + Background.noCES + no("iv_drug_use", "recent_infection", "immunosuppression")
          + no("cancer_history")),
      .urgent, main: mri(.lumbar, .withAndWithout), fired: ["SEED-6", "INF-1"],
      notFired: ["INF-4"]),
    Vignette(
      "SEED-7: night pain without a history of cancer: poor accuracy, not a trigger",
      answers(age: 40, weeks: 2, care: 0, yes("pain_low_back") + clean + yes("night_pain")),
      .none, main: nil, fired: ["SEED-7", "LBP-1"]),
  ]
}

@Suite struct ExplanatoryRuleTests {
  @Test(arguments: ExplanatoryVignettes.all)
  func vignette(_ vignette: Vignette) { vignette.check() }

  @Test func explanatoryRulesComeAfterTheDecidingOnes() {
    let recommendation = TriageEngine.evaluate(
      answers(age: 45, weeks: 1, yes("pain_low_back", "radiates_leg", "saddle_anesthesia")))
    let urgencies = recommendation.rules.map { $0.rule.urgency }
    guard let firstNote = urgencies.firstIndex(where: { $0 == nil }) else {
      Issue.record("expected explanatory rules (CES-3, RG-1)")
      return
    }
    #expect(urgencies[firstNote...].allSatisfy { $0 == nil })
    #expect(recommendation.rules.first?.rule.id == "CES-1")
  }

  @Test func firedRulesReportTheirEvidence() throws {
    let recommendation = TriageEngine.evaluate(
      answers(age: 45, weeks: 1, yes("pain_low_back", "saddle_anesthesia", "urinary_retention")))
    let ces = try #require(recommendation.rules.first { $0.rule.id == "CES-1" })
    #expect(ces.evidence.contains("saddle_anesthesia"))
    #expect(ces.evidence.contains("urinary_retention"))
    #expect(ces.rule.source.contains("GIRFT"))
  }

  @Test func seedDifferencesCarryAPlainExplanation() {
    // Where the seed article differs from the guidelines, the rule says so once, in plain words, for
    // the closing section; no reference codes or working notes in any clinician text. (ACP-5
    // lost its note in rule set 3, RV3-10: it no longer images for age alone, so SEED-1 alone
    // says that age over 50 is not a reason to image.)
    for id in [
      "CES-1", "CES-2", "LBP-3", "LBP-6", "TR-2", "TR-4", "RG-3", "SEED-1", "SEED-5", "SEED-6",
      "SEED-7", "PED-1", "NK-2",
    ] {
      let rule = RuleBook.rule(id: id)
      #expect(rule?.seedDifference?.isEmpty == false, "\(id) should say where the seed differs")
    }
    let texts =
      (RuleBook.rules + RuleBook.safetyRules).flatMap {
        [$0.title, $0.note ?? "", $0.seedDifference ?? "", $0.timeframe ?? ""]
      } + QuestionCatalogue.questions.flatMap { [$0.label, $0.text, $0.help] }
    for text in texts {
      for code in ["reference D", "(D", "RG-", "NK-", "LBP-", "seed lists", "the seed", "SF-"] {
        #expect(!text.contains(code), "working note or code '\(code)' in: \(text)")
      }
    }
  }

  @Test func everyQuestionHasAShortLabel() {
    for question in QuestionCatalogue.questions {
      #expect(!question.label.isEmpty && question.label.count <= 40, "\(question.id)")
      #expect(!question.label.contains("_"), "\(question.id)")
    }
  }
}
