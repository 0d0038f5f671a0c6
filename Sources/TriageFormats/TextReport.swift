import TriageEngine

/// The recommendation in plain text for a person (`evaluate --format text`, `--plain`).
public enum TextReport {
  /// The decision-support disclaimer, shown with every recommendation.
  public static let disclaimer =
    "Decision support only: this tool does not replace clinical judgement. Check every rule and"
    + " source listed with this recommendation; the responsible clinician decides."

  /// The recommendation as wrapped lines of at most `width` characters.
  public static func lines(_ recommendation: Recommendation, width: Int = 80) -> [String] {
    var out: [String] = []
    func wrap(_ text: String, _ first: String = "", _ rest: String = "") {
      out += TextWrap.lines(text, width: width, first: first, rest: rest)
    }
    wrap(
      "\(recommendation.label): \(recommendation.timeframe)", "RECOMMENDATION  ", "                "
    )
    if let main = recommendation.mainStudy {
      wrap(main.displayName, "Main study:     ", "                ")
      for study in recommendation.imaging.dropFirst() {
        wrap(study.displayName, "Also:           ", "                ")
      }
    } else {
      out.append("Main study:     none (no imaging now)")
    }
    if !recommendation.alternatives.isEmpty {
      out.append("")
      out.append("Alternatives")
      for alternative in recommendation.alternatives {
        wrap("\(alternative.study.displayName): \(alternative.when)", "  - ", "    ")
      }
    }
    out.append("")
    out.append("Why (rules that fired, with their sources)")
    for fired in recommendation.rules {
      let urgency = fired.rule.urgency.map { " [\($0.label)]" } ?? ""
      wrap("\(fired.rule.id)\(urgency): \(fired.rule.title)", "  ", "      ")
      wrap("Source: \(fired.rule.source)", "      ", "      ")
      let evidence = fired.evidence
      if !evidence.isEmpty {
        wrap("Because: " + evidence.joined(separator: ", "), "      ", "      ")
      }
      if let note = fired.rule.note { wrap("Note: \(note)", "      ", "      ") }
    }
    if !recommendation.safety.isEmpty {
      out.append("")
      out.append("MRI safety")
      for item in recommendation.safety {
        wrap("\(item.id) \(item.level.rawValue.uppercased()): \(item.message)", "  ", "      ")
        if let before = item.before { wrap("Before the scan: \(before)", "      ", "      ") }
        wrap("Source: \(item.source)", "      ", "      ")
      }
    }
    out.append("")
    if recommendation.missing.isEmpty {
      out.append("Missing answers that could raise the urgency: none")
    } else {
      wrap(
        recommendation.missing.joined(separator: ", "),
        "Missing answers that could raise the urgency (\(recommendation.missing.count)): ", "  ")
    }
    if !recommendation.safetyNet.isEmpty {
      out.append("")
      out.append("Safety-net advice")
      for advice in recommendation.safetyNet { wrap(advice, "  - ", "    ") }
    }
    out.append("")
    wrap(disclaimer)
    out.append("Rule set: \(recommendation.ruleset)")
    return out
  }

  /// The report as one string with a final newline.
  public static func string(_ recommendation: Recommendation, width: Int = 80) -> String {
    lines(recommendation, width: width).joined(separator: "\n") + "\n"
  }
}
