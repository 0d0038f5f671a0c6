import TriageEngine

/// The recommendation in plain text for a person (`evaluate --format text`, `--plain`).
public enum TextReport {
  /// The decision-support disclaimer, shown with every recommendation.
  public static let disclaimer =
    "Decision support only: this tool does not replace clinical judgement. Check every rule and"
    + " source listed with this recommendation; the responsible clinician decides."

  /// Which times the report opens with.
  public enum Times: Sendable, Hashable {
    /// None (the recommendation alone).
    case none
    /// When the answers were last changed (the Summary screen).
    case assessed(String?)
    /// When the answers were last changed, and when the report was made (`now`): a report
    /// that stands alone (`evaluate --format text`, `--plain`).
    case assessedAndPrinted(String?)
  }

  /// The recommendation as wrapped lines of at most `width` characters: the times asked for,
  /// the decision and its status first, the deadline as a clock time (with `clock`; dated when
  /// it is not on the day of `now`, OVERDUE once `now` is past it), the studies in order, the
  /// "yes" answers that change how the study is done and the MRI-safety screen (with
  /// `answers`), STOP items and what is still unknown; then the alternatives, the reasons in
  /// words, MRI safety, safety-net advice, and where the advice differs from the source
  /// article.
  public static func lines(
    _ recommendation: Recommendation, answers: Answers? = nil, clock: UrgencyClock? = nil,
    now: String? = nil, times: Times = .none, width: Int = 80
  ) -> [String] {
    var out: [String] = []
    func wrap(_ text: String, _ first: String = "", _ rest: String = "") {
      out += TextWrap.lines(text, width: width, first: first, rest: rest)
    }
    let r = recommendation
    let pad = "                "
    if DecisionText.hasNoDecision(r) {
      wrap(DecisionText.label(r), "RECOMMENDATION  ", pad)
    } else {
      wrap("\(r.label): \(r.timeframe)", "RECOMMENDATION  ", pad)
    }
    wrap(DecisionText.statusLine(r, answers), "Status:         ", pad)
    switch times {
    case .none: break
    case .assessed(let at), .assessedAndPrinted(let at):
      wrap(
        at.map { DocumentText.displayTime($0) + " (answers last changed)" } ?? "not recorded",
        "Assessed:       ", pad)
      if case .assessedAndPrinted = times, let now {
        wrap(DocumentText.displayTime(now), "Printed:        ", pad)
      }
    }
    if let deadline = Deadline.text(r, clock: clock, now: now) {
      wrap(deadline, "Deadline:       ", pad)
    }
    wrap(
      DecisionText.studyOrder(r), r.imaging.count > 1 ? "Study order:    " : "Study:          ", pad
    )
    if let answers {
      let changing = DecisionText.studyChangingYes(answers)
      if !changing.isEmpty {
        wrap("Yes: " + changing.joined(separator: "; "), "Affects study:  ", pad)
      }
      wrap(DecisionText.safetyScreen(answers, r), "MRI safety:     ", pad)
    }
    let stops = r.stops
    for item in stops {
      wrap(item.message, "STOP:           ", pad)
      if let before = item.before { wrap("Before the scan: \(before)", pad, pad) }
    }
    let unknown = answers.map { DecisionText.stillUnknown($0, r) } ?? r.missingLabels
    if !unknown.isEmpty { wrap(unknown.joined(separator: "; "), "Still unknown:  ", pad) }
    if let answers, !answers.notDoneSet.isEmpty {
      let labels = QuestionCatalogue.questions.filter { answers.isNotDone($0.finding) }.map(
        \.label)
      wrap(labels.joined(separator: "; "), "Not done:       ", pad)
    }
    if !r.alternatives.isEmpty {
      out.append("")
      out.append("Alternatives")
      for alternative in r.alternatives {
        wrap("\(alternative.study.displayName): \(alternative.when)", "  - ", "    ")
      }
    }
    out.append("")
    out.append("Why (rules that fired, with their sources)")
    for fired in r.reasons {
      let urgency = fired.rule.urgency.map { " [\($0.label)]" } ?? ""
      wrap("\(fired.rule.id)\(urgency): \(fired.rule.title)", "  ", "      ")
      wrap("Source: \(fired.rule.source)", "      ", "      ")
      let evidence = fired.evidenceLabels
      if !evidence.isEmpty {
        wrap("Because: " + evidence.joined(separator: "; "), "      ", "      ")
      }
      if let note = fired.rule.note { wrap("Note: \(note)", "      ", "      ") }
    }
    if !r.safety.isEmpty {
      out.append("")
      out.append("MRI safety")
      for item in r.safety {
        wrap("\(item.level.rawValue.uppercased()): \(item.message)", "  ", "      ")
        if let before = item.before { wrap("Before the scan: \(before)", "      ", "      ") }
        wrap("Source: \(item.source)", "      ", "      ")
      }
    }
    out.append("")
    let missing = DecisionText.missingWords(r, answers)
    if missing.isEmpty {
      out.append("Missing answers that could change this: none")
    } else {
      wrap(
        missing.joined(separator: "; "),
        "Missing answers that could change this (\(missing.count)): ", "  ")
    }
    if !r.safetyNet.isEmpty {
      out.append("")
      out.append("Safety-net advice")
      for advice in r.safetyNet { wrap(advice, "  - ", "    ") }
    }
    let differences = r.seedDifferences
    if !differences.isEmpty {
      out.append("")
      wrap(DocumentText.differencesHeading)
      for text in differences { wrap(text, "  - ", "    ") }
    }
    out.append("")
    wrap(disclaimer)
    out.append("Rule set: \(r.ruleset)")
    return out
  }

  /// The report as one string with a final newline.
  public static func string(
    _ recommendation: Recommendation, answers: Answers? = nil, clock: UrgencyClock? = nil,
    now: String? = nil, times: Times = .none, width: Int = 80
  ) -> String {
    lines(recommendation, answers: answers, clock: clock, now: now, times: times, width: width)
      .joined(separator: "\n") + "\n"
  }
}
