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

  // MARK: Dangers on page 1

  /// The findings whose "yes" changes how a study is done, whatever the urgency: an
  /// anticoagulant or bleeding disorder (injections, myelography, bleeding after a fall) and
  /// every MRI-safety item (devices, metal, pregnancy, kidneys, contrast, claustrophobia).
  public static let studyChangingFindings: [Finding] =
    [.anticoagulated] + QuestionCatalogue.questions(on: .mriSafety).map(\.finding)

  /// The "yes" answers that change how the study is done, by short label, in catalogue order:
  /// printed in the decision block of every summary so that they are never only in an answer
  /// list.
  public static func studyChangingYes(_ answers: Answers) -> [String] {
    studyChangingFindings.filter { answers[$0] == .yes }.map(\.question.label)
  }

  /// What is still unknown that could change the decision or how the study is done, in words:
  /// the recommendation's missing answers (one not done says so); then, when a study is planned, an unanswered
  /// anticoagulant question; the MRI-safety screen before an MRI (planned or as an alternative)
  /// and in any urgent or emergency case (an MRI may follow the CT the same day); otherwise
  /// pregnancy (unless male or outside 12 to 55 years), and the kidneys and a contrast reaction
  /// before a study with contrast. Empty only when nothing of the kind is open.
  public static func stillUnknown(_ answers: Answers, _ recommendation: Recommendation)
    -> [String]
  {
    var items = missingWords(recommendation, answers)
    func add(_ finding: Finding) {
      guard answers[finding] == .unknown else { return }
      let label = finding.question.label + (answers.isNotDone(finding) ? " (not done)" : "")
      if !items.contains(label) { items.append(label) }
    }
    let studies = recommendation.imaging + recommendation.alternatives.map(\.study)
    guard !recommendation.imaging.isEmpty else { return items }
    add(.anticoagulated)
    let (unanswered, total) = safetyScreenCounts(answers)
    if unanswered > 0
      && (studies.contains(where: { $0.modality == .mri }) || recommendation.urgency >= .urgent)
    {
      // Before an MRI the whole screen matters (pregnancy, kidneys and contrast included); an
      // urgent or emergency CT may be followed by an MRI the same day.
      items.append(
        "MRI-safety screen: \(unanswered) of \(total) unanswered (needed before any MRI)")
      return items
    }
    if answers.sex != .male && (answers.age.map { (12...55).contains($0) } ?? true) {
      add(.pregnant)
    }
    if studies.contains(where: {
      $0.contrast == .withAndWithout || $0.modality == .ctAngiography
    }) {
      add(.renalImpairment)
      add(.contrastReaction)
    }
    return items
  }

  /// "Still unknown" in one line: the list, or "nothing that could change this" only when it is
  /// empty.
  public static func stillUnknownText(_ answers: Answers, _ recommendation: Recommendation)
    -> String
  {
    let items = stillUnknown(answers, recommendation)
    return items.isEmpty ? "nothing that could change this" : items.joined(separator: "; ")
  }

  /// What a shared terminal's lists of drafts say in place of the patient identifier.
  public static let hiddenPatient = "Patient not shown (shared terminal)"

  /// The patient in a few words for page headers and the identification block: "MRN 4471,
  /// 81 years, female"; what is not recorded is said ("age not recorded").
  public static func patientWords(patientID: String?, answers: Answers) -> String {
    let age = answers.age.map { $0 == 1 ? "1 year" : "\($0) years" } ?? "age not recorded"
    let sex = answers.sex.map { $0.rawValue } ?? "sex not recorded"
    return (patientID.map { "\($0), " } ?? "") + "\(age), \(sex)"
  }

  // MARK: One status wording for lists

  /// The decision with its status first, the same words wherever a decision is listed (the
  /// draft lists of the screens, `--plain` and `spine-triage drafts`, and `--plain`'s running
  /// line): "FINAL: NO IMAGING NOW", "PROVISIONAL, 23 missing: NO IMAGING NOW so far",
  /// "INCOMPLETE: no decision yet", "INCOMPLETE: EMERGENCY so far". A decision that is not
  /// final is never shown as a settled one.
  public static func statusWords(_ recommendation: Recommendation) -> String {
    if hasNoDecision(recommendation) { return "INCOMPLETE: no decision yet" }
    let label = recommendation.label
    switch recommendation.status {
    case .final: return "FINAL: \(label)"
    case .incomplete: return "INCOMPLETE: \(label) so far"
    case .provisional:
      let count = recommendation.missingLabels.count
      return "PROVISIONAL, \(count) missing: \(label) so far"
    }
  }

  /// The presenting complaint in a few words, from the Patient screen's "yes" answers: the pain
  /// sites, then the trauma ("Neck pain; Low-velocity trauma (fall from standing)"), or "no
  /// complaint recorded".
  public static func complaint(_ answers: Answers) -> String {
    let findings: [Finding] = [
      .painLowBack, .painNeck, .painMidBack, .traumaMajor, .traumaMinor,
    ]
    let labels = findings.filter { answers[$0] == .yes }.map(\.question.label)
    return labels.isEmpty ? "no complaint recorded" : labels.joined(separator: "; ")
  }

  /// A saved draft in one line for a list: patient identifier (or "No identifier"), age, sex,
  /// complaint, then the decision with its status (``statusWords(_:)``).
  /// `hidesPatient`: a shared terminal, whose lists name no patient until one is chosen.
  public static func draftRow(_ sheet: AnswerSheet, hidesPatient: Bool = false) -> String {
    let who = patientWords(
      patientID: hidesPatient
        ? hiddenPatient : sheet.patientID.map { AnswersError.printable($0) } ?? "No identifier",
      answers: sheet.answers)
    return "\(who); \(complaint(sheet.answers)); "
      + statusWords(TriageEngine.evaluate(sheet.answers))
  }
}
