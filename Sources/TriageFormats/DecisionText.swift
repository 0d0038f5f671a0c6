import TriageEngine

/// The decision in words, shared by every human-facing output (the panel, the Summary screen,
/// `evaluate --format text`, `--plain`, the text and HTML summaries), so they all say the same
/// thing: the label (never a green "no imaging" before there is a complaint), the study order,
/// and the state of the MRI-safety screen.
public enum DecisionText {
  /// Whether there is no decision to show yet: no presenting complaint and nothing that raises
  /// the urgency. (A red flag without a complaint still shows its urgency: incomplete never
  /// hides an emergency.)
  public static func hasNoDecision(_ recommendation: Recommendation) -> Bool {
    recommendation.status == .incomplete && recommendation.urgency == .none
  }

  /// The decision's headline: the urgency label, or `INCOMPLETE: NO DECISION YET` while there is
  /// no decision (an empty form is never "no imaging").
  public static func label(_ recommendation: Recommendation) -> String {
    hasNoDecision(recommendation) ? "INCOMPLETE: NO DECISION YET" : recommendation.label
  }

  /// The studies in the order they are done: "CT cervical spine without contrast first, then
  /// MRI cervical spine without contrast"; "none now" without imaging.
  public static func studyOrder(_ recommendation: Recommendation) -> String {
    let names = recommendation.imaging.map(\.displayName)
    switch names.count {
    case 0:
      return hasNoDecision(recommendation)
        ? "none yet: no decision until a complaint is answered" : "none (no imaging now)"
    case 1: return names[0]
    default: return names[0] + " first, then " + names.dropFirst().joined(separator: ", then ")
    }
  }

  /// The MRI-safety questions not answered, and how many there are.
  public static func safetyScreenCounts(_ answers: Answers) -> (unanswered: Int, total: Int) {
    let questions = QuestionCatalogue.questions(on: .mriSafety)
    return (questions.filter { answers[$0.finding] == .unknown }.count, questions.count)
  }

  /// The MRI-safety screen in a few words: "11 of 11 unanswered (not screened)", "2 STOP; 3 of
  /// 11 unanswered", "screened: no STOP". (The count comes first and keeps its place, so a
  /// terminal redraws a digit, not the line, as the screen is answered.)
  public static func safetyScreen(_ answers: Answers, _ recommendation: Recommendation) -> String {
    let (unanswered, total) = safetyScreenCounts(answers)
    let stops = recommendation.stops.count
    if unanswered == total && stops == 0 {
      return "\(total) of \(total) unanswered (not screened)"
    }
    var parts: [String] = []
    if stops > 0 { parts.append("\(stops) STOP") }
    if unanswered > 0 { parts.append("\(unanswered) of \(total) unanswered") }
    if parts.isEmpty { return "screened: no STOP" }
    return parts.joined(separator: "; ")
  }
}
