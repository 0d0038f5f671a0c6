import TriageEngine
import TriageFormats

/// The rule table in text and JSON, also used by README.md.
public enum RuleTable {
  /// A fixed-width table, one rule per block.
  public static func text(width: Int = 100) -> String {
    var out =
      "Rule set \(RuleBook.version). Urgency '-' marks a rule that explains and does not decide.\n"
    out += "Source certainty: V verified, P paraphrased, U unverified, S our synthesis.\n\n"
    out += "ID       URGENCY         TITLE / SOURCE\n"
    for rule in RuleBook.rules + RuleBook.safetyRules {
      let id = rule.id.padding(8)
      let urgency = (rule.urgency?.label ?? "-").padding(15)
      let lines = TextWrap.lines(
        rule.title, width: width, first: id + " " + urgency + " ",
        rest: String(repeating: " ", count: 25))
      out += lines.joined(separator: "\n") + "\n"
      out +=
        TextWrap.lines(
          "Source: \(rule.source) [\(rule.certainty.rawValue)]", width: width,
          first: String(repeating: " ", count: 25), rest: String(repeating: " ", count: 25)
        ).joined(separator: "\n") + "\n"
    }
    return out
  }

  /// The table as Markdown (for README.md).
  public static func markdown() -> String {
    var out = "| ID | Urgency | Rule | Source | Certainty |\n|---|---|---|---|---|\n"
    for rule in RuleBook.rules + RuleBook.safetyRules {
      let cells = [
        rule.id, rule.urgency?.label ?? "-", rule.title, rule.source, rule.certainty.rawValue,
      ].map { $0.split(separator: "|").joined(separator: "/") }
      out += "| " + cells.joined(separator: " | ") + " |\n"
    }
    return out
  }

  /// The table as JSON: metadata, condition tree, plan, timeframe and notes of every rule.
  public static func json() -> String { JSONWriter.string(RuleBookJSON.json(), pretty: true) }
}

extension String {
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
