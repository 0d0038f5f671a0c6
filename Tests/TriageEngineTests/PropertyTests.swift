import Testing
import TriageEngine

/// Properties of the engine over many generated answer sets (deterministic: SplitMix64 seeds).
/// Each property runs over `chunks` slices of `perChunk` sets, so the slices run in parallel.
@Suite struct PropertyTests {
  static let chunks = Array(0..<4)
  static let perChunk = 2500

  static func sets(_ chunk: Int) -> [Answers] {
    AnswerGenerator.sets(count: perChunk, seed: 0x5EED_0000 + UInt64(chunk))
  }

  static let risk = Finding.allCases.filter { $0.question.polarity == .risk }
  /// Pain sites choose the branch (polarity `.site`): not red flags, but an unknown site that
  /// would raise the urgency must still be in `missing`.
  static let riskOrSite = Finding.allCases.filter {
    $0.question.polarity == .risk || $0.question.polarity == .site
  }
  static let reassuring = Finding.allCases.filter { $0.question.polarity == .reassuring }

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

  // MARK: Monotonicity

  // Every `.risk` finding is monotone. The pain sites are `.site` (they move the patient to
  // another branch, e.g. from the default low-back branch to the neck branch) and are not
  // checked here; `missing` still lists an unknown site that would raise the urgency.

  @Test(arguments: chunks)
  func aRiskFindingAnsweredYesNeverLowersTheUrgency(chunk: Int) {
    var violations = Violations("risk finding to yes lowered the urgency")
    for answers in Self.sets(chunk) {
      let base = TriageEngine.urgency(of: answers)
      for finding in Self.risk where answers[finding] != .yes {
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

  // MARK: Missing

  @Test(arguments: chunks)
  func missingListsExactlyTheUnknownsThatWouldRaiseTheUrgency(chunk: Int) {
    var notListed = Violations("unknown risk finding raises the urgency but is not in missing")
    var wronglyListed = Violations("finding in missing that would not raise the urgency")
    var noRaises = Violations("unknown risk finding answered no raised the urgency")
    for answers in Self.sets(chunk) {
      let recommendation = TriageEngine.evaluate(answers)
      let base = recommendation.urgency
      let missing = Set(recommendation.missingFindings)
      for finding in Self.riskOrSite where answers[finding] == .unknown {
        var toYes = answers
        toYes[finding] = .yes
        let raised = TriageEngine.urgency(of: toYes) > base
        if raised && !missing.contains(finding) {
          notListed.add("\(finding.id) at \(base.id) [\(describe(answers))]")
        }
        if !raised && missing.contains(finding) {
          wronglyListed.add("\(finding.id) at \(base.id) [\(describe(answers))]")
        }
        var toNo = answers
        toNo[finding] = .no
        let after = TriageEngine.urgency(of: toNo)
        if after > base {
          noRaises.add("\(finding.id): \(base.id) -> \(after.id) [\(describe(answers))]")
        }
      }
      for finding in missing where answers[finding] != .unknown {
        wronglyListed.add("\(finding.id) is answered \(answers[finding]) [\(describe(answers))]")
      }
    }
    notListed.check()
    wronglyListed.check()
    noRaises.check()
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
      if !recommendation.rules.contains(where: { $0.rule.urgency != nil }) {
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

      // Safety net exactly for none and routine.
      if recommendation.safetyNet.isEmpty != (urgency > .routine) {
        safetyNet.add("\(recommendation.safetyNet.count) items \(context)")
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

  @Test func theGeneratorProducesEveryUrgency() {
    // A sanity check on the generator: the properties are only as good as the cases.
    var counts: [Urgency: Int] = [:]
    for chunk in Self.chunks {
      for answers in Self.sets(chunk) { counts[TriageEngine.urgency(of: answers), default: 0] += 1 }
    }
    let total = Self.chunks.count * Self.perChunk
    for urgency in Urgency.allCases {
      #expect(
        counts[urgency, default: 0] * 50 >= total,
        "\(urgency.id): \(counts[urgency, default: 0]) of \(total) sets")
    }
  }
}
