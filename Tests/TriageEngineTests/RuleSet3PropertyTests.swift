import Testing
import TriageEngine

/// Rule set 3 properties (second clinical review), over the same generated answer sets as
/// ``PropertyTests`` and over every finding, from "no" and from "unknown"
/// (`SPINE_PROPERTY_SETS` sets the count).
@Suite struct RuleSet3PropertyTests {
  typealias Violations = PropertyTests.Violations

  static let tenderness: [Finding] = [
    .midlineTendernessCervical, .midlineTendernessThoracolumbar, .midlineTenderness,
  ]
  /// The ACR Back Pain-Child red flags we ask (with a pain site): night pain, radicular pain,
  /// an abnormal neurological examination, and the systemic flags.
  static let childRedFlags: [Finding] = [
    .nightPain, .radiatesLeg, .radiatesArm, .focalDeficit, .severeWeakness, .bilateralDeficit,
    .umnSigns, .progressiveWeakness, .progressiveNumbness, .myelopathySymptoms, .weightLoss,
    .feverHistory, .feverMeasured, .cancerHistory, .immunosuppression, .recentInfection,
    .steroids, .osteoporosis, .abnormalLabs,
  ]
  static let sites: [Finding] = [.painLowBack, .painNeck, .painMidBack, .radiatesLeg, .radiatesArm]

  @Test(arguments: PropertyTests.chunks)
  func afterAnInjuryTendernessAtAnyLevelNeverGivesNoImaging(chunk: Int) {
    var violations = Violations("tenderness after an injury gave no imaging")
    for base in PropertyTests.sets(chunk) {
      // The injury through the entry, or an older form's answer, whatever else is answered.
      for entry in [Finding.injury, .traumaMajor, .traumaMinor] where base[entry] != .yes {
        var injured = base
        injured[entry] = .yes
        for level in Self.tenderness where injured[level] != .yes {
          var answers = injured
          answers[level] = .yes
          if TriageEngine.urgency(of: answers) == .none {
            violations.add("\(entry.id), \(level.id) (was \(base[level])) [\(describe(answers))]")
          }
        }
        break
      }
    }
    violations.check()
  }

  @Test(arguments: PropertyTests.chunks)
  func aChildWithARedFlagIsImagedAndNeverByAnAdultRule(chunk: Int) {
    var imaged = Violations("a child under 16 with a red flag got no imaging")
    var adult = Violations("an adult-only rule fired or was cited under 16")
    var rng = SplitMix64(seed: 0xC41D_0000 + UInt64(chunk))
    for base in PropertyTests.sets(chunk) {
      var child = base
      child.age = rng.int(in: 0...15)
      if !Self.sites.contains(where: { child[$0] == .yes }) {
        child[Self.sites[rng.int(in: 0...Self.sites.count - 1)]] = .yes
      }
      let plain = TriageEngine.evaluate(child)
      for fired in plain.rules where fired.rule.adultOnly {
        adult.add("\(fired.rule.id) [\(describe(child))]")
      }
      for flag in Self.childRedFlags where child[flag] != .yes {
        var answers = child
        answers[flag] = .yes
        let r = TriageEngine.evaluate(answers)
        if r.urgency == .none {
          imaged.add("\(flag.id) (was \(child[flag])) [\(describe(answers))]")
        }
        for fired in r.rules where fired.rule.adultOnly {
          adult.add("\(fired.rule.id) with \(flag.id) [\(describe(answers))]")
        }
      }
      // Pain for more than 4 weeks is a red flag too.
      var long = child
      long.symptomWeeks = 5 + rng.int(in: 0...50)
      if let care = long.conservativeWeeks, care > long.symptomWeeks! { long.conservativeWeeks = 0 }
      if TriageEngine.urgency(of: long) == .none {
        imaged.add("pain for \(long.symptomWeeks!) weeks [\(describe(long))]")
      }
    }
    imaged.check()
    adult.check()
  }

  @Test(arguments: PropertyTests.chunks)
  func urgentAndEmergencyAlwaysCarryHours(chunk: Int) {
    var violations = Violations("urgent or emergency without timeframe_hours")
    for answers in PropertyTests.sets(chunk) {
      let r = TriageEngine.evaluate(answers)
      if r.urgency >= .urgent && r.timeframeHours == nil {
        violations.add("\(r.urgency.id) [\(describe(answers))]")
      }
      if r.urgency == .emergency, let hours = r.timeframeHours, hours > 24 {
        violations.add("emergency with \(hours) hours [\(describe(answers))]")
      }
    }
    violations.check()
  }

  @Test(arguments: PropertyTests.chunks)
  func noTwoFiredRulesSayOppositeThings(chunk: Int) {
    var opposite = Violations("two fired rules say opposite things")
    var lumbar = Violations("a low-back rule fired without a lumbar presentation")
    var aorta = Violations("a spine study listed as imaging behind the aorta")
    for answers in PropertyTests.sets(chunk) {
      let r = TriageEngine.evaluate(answers)
      let ids = Set(r.ruleIDs)
      for fired in r.rules {
        for other in fired.rule.opposes where ids.contains(other) {
          opposite.add("\(fired.rule.id) with \(other) [\(describe(answers))]")
        }
        if fired.rule.lumbarOnly && answers[.painLowBack] != .yes && answers[.radiatesLeg] != .yes {
          lumbar.add("\(fired.rule.id) [\(describe(answers))]")
        }
      }
      if let main = r.mainStudy, !main.region.isSpinal,
        r.imaging.contains(where: { $0.region.isSpinal })
      {
        aorta.add("\(r.imaging.map(\.displayName)) [\(describe(answers))]")
      }
    }
    opposite.check()
    lumbar.check()
    aorta.check()
  }
}
