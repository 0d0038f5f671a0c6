import Testing
import TriageEngine

/// Every rule of the rule book has at least one vignette that fires it, and every MRI-safety
/// rule is raised by some case.
@Suite struct RuleCoverageTests {
  static let vignettes =
    TraumaVignettes.all + DecidingVignettes.all + ExplanatoryVignettes.all
    + RuleSet2Vignettes.all + RuleSet3Vignettes.all

  @Test func everyRuleHasAVignetteThatFiresIt() {
    let expected = Set(Self.vignettes.flatMap(\.fired))
    let actual = Set(Self.vignettes.flatMap { TriageEngine.evaluate($0.answers).ruleIDs })
    for rule in RuleBook.rules {
      #expect(expected.contains(rule.id), "no vignette expects \(rule.id) to fire")
      #expect(actual.contains(rule.id), "no vignette fires \(rule.id)")
    }
  }

  @Test func everyDecidingUrgencyTierHasAVignette() {
    let tiers = Set(Self.vignettes.map(\.urgency))
    #expect(tiers == Set(Urgency.allCases))
  }

  @Test func theRuleBookMatchesTheReference() {
    // The deciding rules, with their tier (README, "The rules").
    let expected: [String: Urgency] = [
      "TR-0": .emergency, "TR-1": .none, "TR-2": .emergency, "TR-3": .emergency,
      "TR-4": .emergency, "TR-6": .emergency, "CES-1": .emergency, "LBP-4": .emergency,
      "CA-2": .emergency, "MY-1": .emergency, "INF-3": .emergency, "INF-1": .urgent,
      "INF-2": .urgent, "NK-4": .urgent, "ACP-2": .urgent, "CA-1": .soon, "NK-5": .soon,
      "LBP-7": .soon, "INF-4": .soon, "MY-2": .soon, "LBP-6": .soon, "NK-RF": .soon,
      "LBP-5": .routine, "NK-3": .routine, "LBP-3": .routine, "ACP-3": .routine,
      "NK-2": .routine, "NK-8": .routine, "NK-9": .routine, "NK-7": .routine, "ACP-5": .routine,
      "NK-6": .none, "LBP-1": .none, "LBP-2": .none, "CW-1": .none, "ACP-1": .none,
      "NICE-1": .none, "NK-1": .none,
      // Rule set 2 (CHANGELOG, spine-triage-rules@2)
      "TR-7": .emergency, "TR-8": .emergency, "PECARN-1": .emergency, "PECARN-2": .emergency,
      "PECARN-0": .none, "AAA-2": .emergency, "AAA-1": .urgent, "SEH-1": .emergency,
      "FX-1": .soon,
      // Rule set 3 (reference A12): PED-1 now decides (RV3-3), SEH-2 images (RV3-6)
      "TR-9": .emergency, "PED-4": .emergency, "PED-3": .urgent, "SEH-2": .urgent,
      "PED-2": .soon, "RF-1": .soon, "TH-2": .routine, "PED-1": .none, "TH-1": .none,
      "AX-1": .none, "TR-10": .none,
    ]
    let explanatory = [
      "TR-5", "NEXUS-0", "NEXUS-1", "CCR-0", "CCR-1", "CCR-2", "CCR-3", "CCR-NA", "CES-2",
      "CES-3", "ACP-4", "RG-1", "RG-2", "RG-3", "RG-4", "RG-5", "RG-6", "SEED-1",
      "SEED-5", "SEED-6", "SEED-7",
    ]
    for (id, urgency) in expected {
      #expect(RuleBook.rule(id: id)?.urgency == urgency, "\(id)")
    }
    for id in explanatory {
      let rule = RuleBook.rule(id: id)
      #expect(rule != nil, "\(id) missing")
      #expect(rule?.urgency == nil, "\(id) should only explain")
    }
    #expect(RuleBook.rules.count == expected.count + explanatory.count)
    #expect(Set(RuleBook.rules.map(\.id)).count == RuleBook.rules.count, "duplicate rule ids")
  }

  @Test func everySafetyRuleIsRaisedBySomeCase() {
    let ces = yes("pain_low_back", "saddle_anesthesia")
    let infection = yes("pain_low_back", "fever_measured", "iv_drug_use")
    let cases: [[String: Answer]] = [
      ces,  // SF-0
      infection + no("renal_impairment"),  // SF-1
      infection + yes("renal_impairment", "contrast_reaction"),  // SF-2, SF-3
      infection + yes("pregnant"),  // SF-4
      ces + yes("pacemaker_conditional"),  // SF-5
      ces + yes("pacemaker_legacy"),  // SF-6, SF-11
      ces + yes("abandoned_leads"),  // SF-6
      ces + yes("orbital_metal", "cochlear_implant", "neurostimulator", "claustrophobia"),
    ]
    let raised = Set(
      cases.flatMap { TriageEngine.evaluate(answers(age: 40, weeks: 1, $0)).safetyIDs })
    for number in 0...11 {
      #expect(raised.contains("SF-\(number)"), "SF-\(number) never raised")
    }
  }
}
