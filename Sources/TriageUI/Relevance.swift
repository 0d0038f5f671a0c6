import TriageEngine

/// Which unanswered items matter now, computed from the engine (pure): the items marked as
/// critical, and the items folded away because no answer to them could change the decision.
public enum Relevance {
  /// The findings of `page` folded away for `answers`: unanswered findings not in the engine's
  /// `missing` whose answer, yes or no, changes neither the urgency, the studies, the MRI-safety
  /// stops nor the status, and that the best case (every unanswered finding reassuring) does
  /// not need: an item that could stand between the patient and clearance never folds.
  /// Nothing folds on the Patient page, nor while no presenting complaint is answered.
  ///
  /// What must be documented never folds: an answered item (or one recorded as not done), an
  /// item a fired rule names, from "soon" every red flag and examination sign, and, when the
  /// presentation is urgent or above, every item of every checklist screen (its trauma criteria
  /// and MRI-safety items belong in the record of an urgent scan too). With `among`, only those findings are considered.
  public static func foldable(on page: Page, answers: Answers, among: FindingSet? = nil)
    -> FindingSet
  {
    // The Patient page sets the context (where it hurts, trauma): it never folds.
    guard let screen = page.questionScreen, screen != .presentation else { return FindingSet() }
    // A finding recorded as not done was put to the clinician: it never folds.
    let candidates = QuestionCatalogue.questions(on: screen).filter {
      answers[$0.finding] == .unknown && !answers.isNotDone($0.finding)
        && Visibility.isShown($0.finding, in: answers) && among?.contains($0.finding) != false
    }
    guard !candidates.isEmpty else { return FindingSet() }
    let current = TriageEngine.evaluate(answers)
    guard !isIncomplete(current, answers) else { return FindingSet() }
    // Urgent or above: the whole record is documented, nothing folds. From "soon" (a red-flag
    // pathway: cancer, infection, fracture), the red flags and examination signs never fold.
    guard current.urgency < .urgent else { return FindingSet() }
    if current.urgency >= .soon && (screen == .history || screen == .examination) {
      return FindingSet()
    }
    var named = FindingSet()
    for fired in current.rules { named.formUnion(fired.findingSet) }
    let missing = FindingSet(current.missingFindings)
    // The best case: every unanswered finding given its reassuring answer. An item whose
    // answer that outcome needs (a clearance rule needs all its items) never folds.
    // Numbers not recorded take ordinary values (an adult under 50, a recent episode, no care).
    var best = answers
    best.age = answers.age ?? 30
    best.symptomWeeks = answers.symptomWeeks ?? 1
    best.conservativeWeeks = answers.conservativeWeeks ?? 0
    for question in QuestionCatalogue.questions where answers[question.finding] == .unknown {
      best[question.finding] = question.polarity == .reassuring ? .yes : .no
    }
    let bestCase = TriageEngine.evaluate(best)
    var result = FindingSet()
    for question in candidates
    where !missing.contains(question.finding) && !named.contains(question.finding) {
      var without = best
      without[question.finding] = .unknown
      guard sameDecision(TriageEngine.evaluate(without), bestCase) else { continue }
      var yes = answers
      yes[question.finding] = .yes
      var no = answers
      no[question.finding] = .no
      guard TriageEngine.urgency(of: yes) == current.urgency,
        TriageEngine.urgency(of: no) == current.urgency,
        sameDecision(TriageEngine.evaluate(yes), current),
        sameDecision(TriageEngine.evaluate(no), current)
      else { continue }
      result.insert(question.finding)
    }
    return result
  }

  /// Whether the recommendation is incomplete (no presenting complaint answered): nothing may
  /// look settled, and nothing folds.
  public static func isIncomplete(_ recommendation: Recommendation, _ answers: Answers) -> Bool {
    recommendation.status == .incomplete
  }

  /// Whether two recommendations decide the same: urgency, studies, stops and status.
  static func sameDecision(_ a: Recommendation, _ b: Recommendation) -> Bool {
    a.urgency == b.urgency && a.imaging == b.imaging
      && a.stops.map(\.id) == b.stops.map(\.id) && a.status == b.status
  }

  /// Whether `item` is unanswered and its answer could change the decision (the engine's
  /// `missing`): it carries the critical mark.
  public static func isCritical(_ item: Item, answers: Answers, recommendation: Recommendation)
    -> Bool
  {
    switch item {
    case .finding(let finding):
      answers[finding] == .unknown && !answers.isNotDone(finding)
        && recommendation.missingFindings.contains(finding)
    case .number(let field):
      field.value(in: answers) == nil && recommendation.missingInputs.contains(field.input)
    default: false
    }
  }
}

extension NumberField {
  /// The engine's name for this number in `missing`.
  public var input: NumericInputs {
    switch self {
    case .age: .age
    case .symptomWeeks: .symptomWeeks
    case .conservativeWeeks: .conservativeWeeks
    }
  }
}
