import Testing
import TriageEngine

/// Properties of the engine over many generated answer sets (deterministic: SplitMix64 seeds).
/// Each property runs over `chunks` slices of `perChunk` sets, so the slices run in parallel.
/// `SPINE_PROPERTY_SETS=100000 swift test --filter PropertyTests` runs the full count.
@Suite struct PropertyTests {
  static let chunks = Array(0..<4)
  static let perChunk: Int = {
    let total = Int(Environment.value("SPINE_PROPERTY_SETS") ?? "") ?? 10_000
    return max(1, total / chunks.count)
  }()

  static func sets(_ chunk: Int) -> [Answers] {
    AnswerGenerator.sets(count: perChunk, seed: 0x5EED_0000 + UInt64(chunk))
  }

  static let risk = Finding.allCases.filter { $0.question.polarity == .risk }
  /// Red flags and pain sites: every one of them is monotone (rule set 2: a site answered yes
  /// chooses the region, it never lowers the urgency).
  static let riskOrSite = Finding.allCases.filter {
    $0.question.polarity == .risk || $0.question.polarity == .site
  }
  static let sites = Finding.allCases.filter { $0.question.polarity == .site } + [.radiatesLeg]
  static let reassuring = Finding.allCases.filter { $0.question.polarity == .reassuring }
  /// Strong red flags: answered yes, never "no imaging", whatever else is answered.
  static let strong: [Finding] = [
    .saddleAnesthesia, .urinaryRetention, .bladderBowel, .severeWeakness, .progressiveWeakness,
    .progressiveNumbness, .bilateralDeficit, .umnSigns, .myelopathySymptoms, .cancerHistory,
    .feverMeasured, .feverHistory, .aorticSigns,
  ]

  /// Collects counterexamples and reports the first few.
  struct Violations {
    let property: String
    var count = 0
    var examples: [String] = []

    init(_ property: String) { self.property = property }

    mutating func add(_ example: @autoclosure () -> String) {
      count += 1
      if examples.count < 5 { examples.append(example()) }
    }

    func check(sourceLocation: SourceLocation = #_sourceLocation) {
      #expect(
        count == 0,
        "\(property): \(count) counterexamples, for example:\n\(examples.joined(separator: "\n"))",
        sourceLocation: sourceLocation)
    }
  }

  /// The spinal regions a recommendation images (a whole-spine study shows every region).
  static func regions(_ r: Recommendation) -> Set<SpineRegion> { regions(r.imaging) }

  /// The spinal regions the indication rules image for `answers` (no `missing` computation).
  static func regions(of answers: Answers) -> Set<SpineRegion> {
    regions(TriageEngine.studies(of: answers).imaging)
  }

  static func regions(_ imaging: [ImagingStudy]) -> Set<SpineRegion> {
    var shown = Set<SpineRegion>()
    for study in imaging where study.region.isSpinal {
      for region in SpineRegion.allCases where study.region.covers(region) {
        shown.insert(region)
      }
    }
    return shown
  }

  // MARK: Monotonicity

  @Test(arguments: chunks)
  func aYesNeverLowersTheUrgency(chunk: Int) {
    // Over every red flag and every pain site, from no and from unknown.
    var violations = Violations("a finding answered yes lowered the urgency")
    for answers in Self.sets(chunk) {
      let base = TriageEngine.urgency(of: answers)
      for finding in Self.riskOrSite where answers[finding] != .yes {
        var flipped = answers
        flipped[finding] = .yes
        let after = TriageEngine.urgency(of: flipped)
        if after < base {
          violations.add(
            "\(finding.id) \(answers[finding]) -> yes: \(base.id) -> \(after.id) [\(describe(answers))]"
          )
        }
      }
    }
    violations.check()
  }

  @Test(arguments: chunks)
  func aYesNeverRemovesARegionAlreadyImaged(chunk: Int) {
    // The one exception by design: with no pain site yet (status incomplete) a systemic red flag
    // images the whole spine, and the first site answered yes narrows it to that site.
    var violations = Violations("a finding answered yes removed a region already imaged")
    for answers in Self.sets(chunk) {
      let shown = Self.regions(of: answers)
      guard !shown.isEmpty else { continue }
      let noSite = !Self.sites.contains { answers[$0] == .yes }
      for finding in Self.riskOrSite where answers[finding] != .yes {
        if noSite && Self.sites.contains(finding) { continue }
        var flipped = answers
        flipped[finding] = .yes
        let after = Self.regions(of: flipped)
        let lost = shown.subtracting(after)
        if !lost.isEmpty {
          violations.add(
            "\(finding.id) -> yes lost \(lost.map(\.rawValue).sorted()) [\(describe(answers))]")
        }
      }
    }
    violations.check()
  }

  @Test(arguments: chunks)
  func anUnknownIsNeverMoreReassuringThanNo(chunk: Int) {
    var violations = Violations("unknown gave a lower urgency than the reassuring answer")
    for answers in Self.sets(chunk) {
      let base = TriageEngine.urgency(of: answers)
      for finding in Finding.allCases where answers[finding] == .unknown {
        // The reassuring answer: no for a red flag or a site, yes for a reassuring item.
        let reassuring: Answer = finding.question.polarity == .reassuring ? .yes : .no
        var answered = answers
        answered[finding] = reassuring
        let after = TriageEngine.urgency(of: answered)
        if after > base {
          violations.add(
            "\(finding.id) unknown (\(base.id)) -> \(reassuring) (\(after.id)) [\(describe(answers))]"
          )
        }
      }
    }
    violations.check()
  }

  @Test(arguments: chunks)
  func aReassuringFindingIsNeverAssumed(chunk: Int) {
    // Taking away a reassuring yes (to no, or to unknown) never lowers the urgency.
    var violations = Violations("reassuring finding taken away lowered the urgency")
    for answers in Self.sets(chunk) {
      let base = TriageEngine.urgency(of: answers)
      for finding in Self.reassuring where answers[finding] == .yes {
        for replacement in [Answer.no, .unknown] {
          var flipped = answers
          flipped[finding] = replacement
          let after = TriageEngine.urgency(of: flipped)
          if after < base {
            violations.add(
              "\(finding.id) yes -> \(replacement): \(base.id) -> \(after.id) [\(describe(answers))]"
            )
          }
        }
      }
    }
    violations.check()
  }

  @Test(arguments: chunks)
  func aStrongRedFlagNeverGivesNoImaging(chunk: Int) {
    var violations = Violations("a strong red flag answered yes gave no imaging")
    for answers in Self.sets(chunk) {
      for finding in Self.strong where answers[finding] == .yes {
        if TriageEngine.urgency(of: answers) == .none {
          violations.add("\(finding.id) [\(describe(answers))]")
        }
      }
    }
    violations.check()
  }

  // MARK: Missing and status

  @Test(arguments: chunks)
  func missingListsEveryUnknownThatCouldChangeTheDecision(chunk: Int) {
    var raises = Violations("an unknown that raises the urgency is not in missing")
    var clears = Violations(
      "an unknown that stands between the patient and clearance is not in missing")
    var adds = Violations("an unknown that adds a region is not in missing")
    var answered = Violations("an answered finding is in missing")
    var status = Violations("status does not match missing and the presenting complaint")
    for answers in Self.sets(chunk) {
      let recommendation = TriageEngine.evaluate(answers)
      let base = recommendation.urgency
      let missing = Set(recommendation.missingFindings)
      // The regions the rules image, spine studies deferred behind the aorta included (they are
      // the alternatives "once aortic causes are excluded").
      let shown = Self.regions(recommendation).union(Self.regions(of: answers))
      // Only what the form shows can be missing (an item it hides: VisibilityPropertyTests).
      for finding in Finding.allCases
      where answers[finding] == .unknown && Visibility.isShown(finding, in: answers) {
        guard finding.question.polarity != .safety else { continue }
        var toYes = answers
        toYes[finding] = .yes
        var toNo = answers
        toNo[finding] = .no
        let yes = TriageEngine.studies(of: toYes)
        let no = TriageEngine.urgency(of: toNo)
        if yes.urgency > base && !missing.contains(finding) {
          raises.add("\(finding.id) at \(base.id) [\(describe(answers))]")
        }
        if (no < base || yes.urgency < base) && !missing.contains(finding) {
          clears.add("\(finding.id) at \(base.id) [\(describe(answers))]")
        }
        if !Self.regions(yes.imaging).subtracting(shown).isEmpty && !missing.contains(finding) {
          adds.add("\(finding.id) at \(base.id) [\(describe(answers))]")
        }
      }
      for finding in missing where answers[finding] != .unknown {
        answered.add("\(finding.id) is answered \(answers[finding]) [\(describe(answers))]")
      }
      let presenting =
        Self.sites.contains { answers[$0] == .yes } || answers[.traumaMajor] == .yes
        || answers[.traumaMinor] == .yes || answers[.injury] == .yes
      let expected: RecommendationStatus =
        !presenting ? .incomplete : recommendation.missing.isEmpty ? .final : .provisional
      if recommendation.status != expected {
        status.add("\(recommendation.status) instead of \(expected) [\(describe(answers))]")
      }
    }
    raises.check()
    clears.check()
    adds.check()
    answered.check()
    status.check()
  }

  @Test(arguments: chunks)
  func missingListsTheUnrecordedNumbersThatWouldRaiseTheUrgency(chunk: Int) {
    // A number not recorded is never taken as the value that lowers the urgency: if any value
    // would raise it, the number is in `missing`.
    var violations = Violations("an unrecorded number raises the urgency but is not in missing")
    for answers in Self.sets(chunk).prefix(600) {
      let recommendation = TriageEngine.evaluate(answers)
      let base = recommendation.urgency
      func check(_ id: String, _ values: [Int], _ set: (inout Answers, Int) -> Void) {
        for value in values {
          var changed = answers
          set(&changed, value)
          if TriageEngine.urgency(of: changed) > base {
            if !recommendation.missing.contains(id) {
              violations.add("\(id) = \(value) raises \(base.id) [\(describe(answers))]")
            }
            return
          }
        }
      }
      if answers.age == nil { check("age", Array(Answers.ageRange)) { $0.age = $1 } }
      if answers.symptomWeeks == nil {
        let weeks = Array(0...60) + [104, 260, 520]
        check("symptom_weeks", weeks.filter { $0 >= (answers.conservativeWeeks ?? 0) }) {
          $0.symptomWeeks = $1
        }
      }
      if answers.conservativeWeeks == nil {
        check("conservative_weeks", Array(0...min(answers.symptomWeeks ?? 520, 60))) {
          $0.conservativeWeeks = $1
        }
      }
    }
    violations.check()
  }

  // MARK: Consistency of the recommendation

  @Test(arguments: chunks)
  func theRecommendationIsConsistent(chunk: Int) {
    var rules = Violations("fired rules")
    var imaging = Violations("imaging versus urgency")
    var stops = Violations("stop with an MRI still planned and nothing to do first")
    var safetyNet = Violations("safety net")
    var fast = Violations("urgency(of:) differs from evaluate")
    var contradiction = Violations("a fired rule's text contradicts the result")
    for answers in Self.sets(chunk) {
      let recommendation = TriageEngine.evaluate(answers)
      let urgency = recommendation.urgency
      let context = "\(urgency.id) [\(describe(answers))]"

      // Every fired rule is identified and sourced; the result is the highest deciding urgency.
      for fired in recommendation.rules {
        if fired.rule.id.isEmpty || fired.rule.source.isEmpty || fired.rule.title.isEmpty {
          rules.add("unnamed or unsourced rule \(fired.rule) \(context)")
        }
        if let ruleUrgency = fired.rule.urgency, ruleUrgency > urgency {
          rules.add("\(fired.rule.id) is \(ruleUrgency.id) above the result \(context)")
        }
      }
      let highest = recommendation.rules.compactMap(\.rule.urgency).max() ?? .none
      if highest != urgency { rules.add("max over fired rules is \(highest.id) \(context)") }
      // A decision is always explained, except "no imaging" before any pain site is answered
      // (incomplete, or trauma without a site yet: the missing sites are listed instead).
      let hasSite = Self.sites.contains { answers[$0] == .yes }
      if (hasSite || urgency > .none)
        && !recommendation.rules.contains(where: { $0.rule.urgency != nil })
      {
        rules.add("no deciding rule fired \(context)")
      }
      let ids = recommendation.rules.map(\.rule.id)
      if Set(ids).count != ids.count { rules.add("a rule is listed twice \(ids) \(context)") }

      // No imaging exactly when the urgency is none; no duplicate study.
      if urgency == .none && !recommendation.imaging.isEmpty {
        imaging.add("none with imaging \(recommendation.imaging) \(context)")
      }
      if urgency > .none && recommendation.imaging.isEmpty {
        imaging.add("no imaging \(context)")
      }
      if Set(recommendation.imaging).count != recommendation.imaging.count {
        imaging.add("duplicate study \(recommendation.imaging) \(context)")
      }

      // A stop never leaves the main MRI without saying what must happen before it.
      if recommendation.mainStudy?.modality == .mri {
        for stop in recommendation.stops where (stop.before ?? "").isEmpty {
          stops.add("\(stop.id) \(context)")
        }
      }
      for item in recommendation.safety where item.id.isEmpty || item.source.isEmpty {
        stops.add("unnamed or unsourced safety item \(item) \(context)")
      }

      // Safety net for none and routine, and while an urgent MRI is awaited for sudden pain on
      // an anticoagulant (the deficit of an epidural haematoma may follow); never for
      // emergencies.
      let awaited =
        urgency == .urgent && answers[.anticoagulated] == .yes && answers[.suddenOnset] == .yes
      if recommendation.safetyNet.isEmpty != (urgency > .routine && !awaited) {
        safetyNet.add("\(recommendation.safetyNet.count) items \(context)")
      }

      // A rule's text never contradicts the result: nothing that fired says "no imaging" (or
      // that the patient is cleared) while a study is recommended.
      if !recommendation.imaging.isEmpty {
        for fired in recommendation.rules {
          let title = fired.rule.title.lowercased()
          let clearance = ["TR-1", "PECARN-0"].contains(fired.rule.id)
          // A neck rule outside the trauma branch may image the neck for its own reason (chronic
          // neck pain with ossification of the ligament on radiographs: CT); the clearance says
          // only that the injury rules do not call for it.
          let neckRuleImages = recommendation.rules.contains {
            $0.rule.id.hasPrefix("NK-") && ($0.rule.urgency ?? .none) > .none
          }
          let neckImaged =
            recommendation.imaging.contains { $0.region.covers(.cervical) } && !neckRuleImages
          if title.contains("no imaging") || title.contains("cleared: no")
            || (fired.rule.urgency == Urgency.none && !clearance)
            || (clearance && neckImaged
              && recommendation.imaging.contains {
                $0.region == .cervical && $0.modality == .ct
              })
          {
            contradiction.add("\(fired.rule.id) under \(recommendation.imaging) \(context)")
          }
        }
      }
      if recommendation.ruleset != "spine-triage-rules@3" {
        rules.add("rule set \(recommendation.ruleset) \(context)")
      }

      if TriageEngine.urgency(of: answers) != urgency {
        fast.add("urgency(of:) is \(TriageEngine.urgency(of: answers).id) \(context)")
      }
    }
    rules.check()
    imaging.check()
    stops.check()
    safetyNet.check()
    fast.check()
    contradiction.check()
  }

  // MARK: MRI safety

  static let safety = Finding.allCases.filter { $0.question.polarity == .safety }

  @Test(arguments: chunks)
  func mriSafetyAnswersChangeHowNotHowUrgently(chunk: Int) {
    var urgency = Violations("an MRI-safety answer changed the urgency")
    var gadolinium = Violations("pregnant with a gadolinium study planned")
    for answers in Self.sets(chunk) {
      let base = TriageEngine.urgency(of: answers)
      for finding in Self.safety {
        for answer in Answer.allCases where answer != answers[finding] {
          var changed = answers
          changed[finding] = answer
          let after = TriageEngine.urgency(of: changed)
          if after != base {
            urgency.add(
              "\(finding.id) -> \(answer): \(base.id) -> \(after.id) [\(describe(answers))]")
          }
        }
      }
      if answers[.pregnant] == .yes {
        let recommendation = TriageEngine.evaluate(answers)
        if recommendation.imaging.contains(where: { $0.contrast == .withAndWithout }) {
          gadolinium.add("\(recommendation.imaging) [\(describe(answers))]")
        }
      }
    }
    urgency.check()
    gadolinium.check()
  }

  @Test(arguments: chunks)
  func everyYesSafetyAnswerHasASafetyItem(chunk: Int) {
    var violations = Violations("a safety answer yes without a safety item")
    var unscreened = Violations("an urgent MRI with an incomplete safety screen and no caution")
    for answers in Self.sets(chunk) {
      let recommendation = TriageEngine.evaluate(answers)
      for finding in Self.safety where answers[finding] == .yes {
        if !recommendation.safety.contains(where: { $0.findings.contains(finding) }) {
          violations.add("\(finding.id) [\(describe(answers))]")
        }
      }
      let open = Self.safety.contains { answers[$0] == .unknown }
      if open && recommendation.urgency >= .urgent
        && recommendation.imaging.contains(where: { $0.modality == .mri })
        && !recommendation.safety.contains(where: { $0.id == "SF-0" && $0.level == .caution })
      {
        unscreened.add("[\(describe(answers))]")
      }
    }
    violations.check()
    unscreened.check()
  }

  @Test func theGeneratorProducesEveryUrgency() {
    // A sanity check on the generator: the properties are only as good as the cases.
    var counts: [Urgency: Int] = [:]
    for chunk in Self.chunks {
      for answers in Self.sets(chunk) { counts[TriageEngine.urgency(of: answers), default: 0] += 1 }
    }
    let total = Self.chunks.count * Self.perChunk
    // At least 1% of the sets for each urgency (rule set 3 images no more for age alone, so
    // routine imaging is about 2% of the generated sets).
    for urgency in Urgency.allCases {
      #expect(
        counts[urgency, default: 0] * 100 >= total,
        "\(urgency.id): \(counts[urgency, default: 0]) of \(total) sets")
    }
  }
}
