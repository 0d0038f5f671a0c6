/// The triage engine: answers in, recommendation out. Pure: no I/O, no global state, no clock.
public enum TriageEngine {
  /// Evaluates `answers` against the rule set.
  public static func evaluate(_ answers: Answers) -> Recommendation {
    var sink = CollectingSink()
    let fired = BookEvaluator.run(answers, into: &sink)
    let facts = Facts(answers)
    let decision = Decision(sink.firings, plans: sink.plans, urgency: sink.topUrgency)
    let urgency = decision.urgency
    let ordered = decision.ordered
    let deciding = ordered.first { $0.rule.urgency == urgency }
    // The clock is the strictest of the rules that set the urgency (cord compression's 4 hours
    // beside cancer's 24), never null for urgent or emergency; its words go with it.
    // (The first of the strictest, in order.)
    var clock: Rule?
    for firing in ordered where firing.rule.urgency == urgency {
      let rule = firing.rule.rule
      guard let hours = rule.timeframeHours else { continue }
      if let strictest = clock?.timeframeHours, strictest <= hours { continue }
      clock = rule
    }
    var timeframe =
      clock?.timeframe ?? deciding?.rule.rule.timeframe ?? urgency.defaultTimeframe
    let timeframeHours = clock?.timeframeHours ?? urgency.defaultTimeframeHours
    // The aorta is assessed before any spine imaging: when another rule decides the urgency,
    // the aorta is assessed alongside, at once.
    if ordered.contains(where: { RuleBook.aortaFirst.contains($0.rule) })
      && !decision.aortaDecides
    {
      timeframe += "; assess the aorta at once too (bedside ultrasound or CT angiography)"
    }

    let notes = BookEvaluator.regionNotes(answers, imaging: decision.imaging, fired: fired.all)

    let safety = SafetyModifiers.apply(
      facts, urgency: urgency, imaging: decision.imaging, alternatives: decision.alternatives,
      compression: ordered.contains { RuleBook.compression.contains($0.rule) })
    // After a safety substitution the timeframe speaks of the study actually recommended.
    if let replacement = safety.mriReplacedBy,
      !safety.imaging.contains(where: { $0.modality == .mri })
    {
      timeframe = timeframe.replacingWord("MRI", with: replacement.displayName)
    }

    // Only what the questionnaire shows for these answers can be missing: the form
    // then reaches FINAL by answering what it shows.
    let shown = Visibility.shown(answers)
    let (flipped, missingInputs) = Missing.missing(
      answers, shown: shown, fired: fired.indication)
    let pending = sink.pendingFindings.subtracting(answers.yesSet).subtracting(answers.noSet)
      .intersection(shown)
    var missingFindings = pending.isEmpty ? flipped : FindingSet(flipped).union(pending).members
    // Without a presenting complaint, the questions that give one stand first between the
    // patient and any decision, even when one answer alone would not change the urgency
    // (the injury entry opens the mechanism; it decides nothing by itself).
    if !facts.hasPresentingComplaint {
      let entry = Facts.complaint.intersection(shown).subtracting(answers.yesSet)
        .subtracting(answers.noSet)
      if !entry.isEmpty { missingFindings = FindingSet(missingFindings).union(entry).members }
    }
    let status: RecommendationStatus =
      !facts.hasPresentingComplaint
      ? .incomplete
      : (missingFindings.isEmpty && missingInputs.isEmpty ? .final : .provisional)
    return Recommendation(
      urgency: urgency,
      status: status,
      timeframe: timeframe,
      timeframeHours: timeframeHours,
      imaging: safety.imaging,
      alternatives: safety.alternatives,
      rules: deduplicated(ordered, notes),
      safety: safety.items,
      missingFindings: missingFindings,
      missingInputs: missingInputs,
      safetyNet: SafetyNet.advice(facts, urgency: urgency),
      ruleset: RuleBook.version)
  }

  /// The urgency alone, without building the recommendation (no allocation).
  public static func urgency(of answers: Answers) -> Urgency {
    Urgency(rawValue: Int(Missing.outcome(answers).urgency)) ?? .none
  }

  /// The urgency and the studies the indication rules propose, before the MRI-safety
  /// modifiers and without the `missing` flip test: a cheap look at what an answer changes
  /// (the UI's folding of items that cannot matter).
  public static func studies(of answers: Answers) -> (urgency: Urgency, imaging: [ImagingStudy]) {
    let outcome = outcome(of: answers)
    return (outcome.urgency, outcome.imaging)
  }

  /// The rules that fired, ordered (deciding rules first), and the studies they propose.
  struct Decision {
    let urgency: Urgency
    let ordered: [Firing]
    var imaging: [ImagingStudy] = []
    var alternatives: [Alternative] = []
    /// The spine studies deferred until aortic causes are excluded (listed as alternatives).
    var deferred: [ImagingStudy] = []
    /// Whether a rule assessing the aorta sets the urgency: the aorta is then the only study.
    var aortaDecides = false

    /// The decision on `firings`, whose studies and alternatives are ranges of `plans`.
    init(_ firings: [Firing], plans: Plans, urgency: Urgency) {
      self.urgency = urgency
      // Deciding rules first (highest urgency, then precedence), notes last; firings of the
      // same rank keep their order (an insertion sort: a handful of firings).
      func precedes(_ lhs: Firing, _ rhs: Firing) -> Bool {
        let l = lhs.rule.urgency?.rawValue ?? -1
        let r = rhs.rule.urgency?.rawValue ?? -1
        return l != r ? l > r : lhs.rule.rawValue < rhs.rule.rawValue
      }
      var sorted: [Firing] = []
      sorted.reserveCapacity(firings.count)
      for firing in firings {
        var index = sorted.count
        while index > 0 && precedes(firing, sorted[index - 1]) { index -= 1 }
        sorted.insert(firing, at: index)
      }
      ordered = sorted
      guard urgency > .none else { return }
      imaging.reserveCapacity(plans.imaging.count)
      alternatives.reserveCapacity(plans.alternatives.count)
      for firing in sorted {
        guard let ruleUrgency = firing.rule.urgency, ruleUrgency > .none else { continue }
        for study in plans.imaging(of: firing) where !isCovered(study, by: imaging) {
          imaging.append(study)
        }
        if ruleUrgency == urgency {
          for alternative in plans.alternatives(of: firing)
          where !alternatives.contains(alternative) && !imaging.contains(alternative.study) {
            alternatives.append(alternative)
          }
        }
      }
      // A study added later may cover an earlier one (a whole-spine CT after a cervical CT).
      // (Rebuilt only when a study is covered: no list otherwise.)
      func isCoveredByAnother(_ index: Int, in studies: [ImagingStudy]) -> Bool {
        studies.indices.contains { other in
          other != index && studies[other] != studies[index]
            && covers(studies[other], studies[index])
        }
      }
      if imaging.indices.contains(where: { isCoveredByAnother($0, in: imaging) }) {
        let studies = imaging
        imaging = studies.indices.filter { !isCoveredByAnother($0, in: studies) }.map {
          studies[$0]
        }
      }
      // The aorta before the spine (NICE NG156): when a rule assessing the aorta sets the
      // urgency, the aorta is the only study and a spine study is an alternative once aortic
      // causes are excluded; when a spine rule is more urgent, the aorta is assessed alongside,
      // after it.
      let aorta = imaging.filter { !$0.region.isSpinal }
      guard !aorta.isEmpty else { return }
      let spine = imaging.filter { $0.region.isSpinal }
      aortaDecides = sorted.contains { firing in
        firing.rule.urgency == urgency && plans.imaging(of: firing).contains { !$0.region.isSpinal }
      }
      if aortaDecides {
        imaging = aorta
        deferred = spine
        alternatives =
          alternatives.filter { !$0.study.region.isSpinal }
          + spine.map { Alternative($0, when: "once aortic causes are excluded") }
      } else {
        imaging = spine + aorta
      }
    }
  }

  /// What an answer could change: the urgency and the studies (compared by what they show;
  /// spine studies deferred behind the aorta count).
  struct Outcome {
    let urgency: Urgency
    let imaging: [ImagingStudy]

    /// Whether `other` differs in urgency, or shows a study this one does not, or the reverse.
    func differs(from other: Outcome) -> Bool {
      urgency != other.urgency
        || other.imaging.contains { !TriageEngine.isCovered($0, by: imaging) }
        || imaging.contains { !TriageEngine.isCovered($0, by: other.imaging) }
    }
  }

  /// The urgency and studies for `answers` (no notes, no safety modifiers).
  static func outcome(of answers: Answers) -> Outcome {
    var sink = PlanSink()
    BookEvaluator.run(answers, into: &sink)
    let decision = Decision(sink.firings, plans: sink.plans, urgency: sink.topUrgency)
    return Outcome(urgency: decision.urgency, imaging: decision.imaging + decision.deferred)
  }

  /// Whether `study` adds nothing to `studies`: the same study, or a radiograph of a region
  /// already covered by CT or MRI, or an MRI/CT of a region a same-modality study already covers.
  static func isCovered(_ study: ImagingStudy, by studies: [ImagingStudy]) -> Bool {
    studies.contains { covers($0, study) }
  }

  /// Whether `wider` shows what `study` would (itself; a wider region of the same modality and
  /// contrast, or with and without contrast; any cross-sectional study for a radiograph).
  static func covers(_ wider: ImagingStudy, _ study: ImagingStudy) -> Bool {
    if wider == study { return true }
    if study.modality == .radiograph {
      return wider.modality != .radiograph && wider.region.covers(study.region)
    }
    return wider.modality == study.modality && wider.region.covers(study.region)
      && (wider.contrast == study.contrast || wider.contrast == .withAndWithout)
  }

  /// One entry per rule identifier (a rule may fire from two branches), in the order of
  /// `firings` then `notes`: evidence merged.
  static func deduplicated(_ firings: [Firing], _ notes: [Firing] = []) -> [FiredRule] {
    let total = firings.count + notes.count
    // The merged entries in order (a handful: a linear search, kept on the stack).
    return withUnsafeTemporaryAllocation(
      of: (rule: RuleID, findings: FindingSet, inputs: NumericInputs).self, capacity: total
    ) { merged in
      var count = 0
      func merge(_ firing: Firing) {
        for index in 0..<count where merged[index].rule == firing.rule {
          merged[index].findings.formUnion(firing.findings)
          merged[index].inputs.formUnion(firing.inputs)
          return
        }
        merged.initializeElement(at: count, to: (firing.rule, firing.findings, firing.inputs))
        count += 1
      }
      for firing in firings { merge(firing) }
      for firing in notes { merge(firing) }
      var rules: [FiredRule] = []
      rules.reserveCapacity(count)
      for index in 0..<count {
        let entry = merged.moveElement(from: index)
        rules.append(
          FiredRule(rule: entry.rule.rule, findingSet: entry.findings, inputs: entry.inputs))
      }
      return rules
    }
  }
}

extension String {
  /// The string with every whole-word `word` replaced by `replacement` (no Foundation).
  func replacingWord(_ word: String, with replacement: String) -> String {
    // ASCII text and word (the timeframes): compared byte by byte.
    if utf8.allSatisfy({ $0 < 0x80 }) && word.utf8.allSatisfy({ $0 < 0x80 }) && !word.isEmpty {
      let bytes = Array(utf8)
      let target = Array(word.utf8)
      func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
      var result = ""
      var index = 0
      var copied = 0
      while index + target.count <= bytes.count {
        let end = index + target.count
        if bytes[index..<end].elementsEqual(target),
          index == 0 || !isLetter(bytes[index - 1]),
          end == bytes.count || !isLetter(bytes[end])
        {
          result += String(decoding: bytes[copied..<index], as: UTF8.self) + replacement
          index = end
          copied = end
        } else {
          index += 1
        }
      }
      return copied == 0 ? self : result + String(decoding: bytes[copied...], as: UTF8.self)
    }
    let characters = Array(self)
    let target = Array(word)
    var result = ""
    var index = 0
    while index < characters.count {
      let end = index + target.count
      if end <= characters.count, Array(characters[index..<end]) == target,
        index == 0 || !characters[index - 1].isLetter,
        end == characters.count || !characters[end].isLetter
      {
        result += replacement
        index = end
      } else {
        result.append(characters[index])
        index += 1
      }
    }
    return result
  }
}
