import ArgumentParser
import TriageEngine
import TriageFormats

/// `spine-triage rules`: the rule table.
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Print the rule table: identifier, urgency, title and source.")

  @Option(help: "Output format: text (a table) or json.")
  var format: OutputFormat = .text

  func run() throws {
    let output: String
    switch format {
    case .text: output = RuleTable.text()
    case .json: output = RuleTable.json() + "\n"
    }
    StandardStreams.writeOutput(output)
  }
}

/// The rule table in text and JSON, also used by README.md.
public enum RuleTable {
  /// A fixed-width table, one rule per block.
  public static func text(width: Int = 100) -> String {
    var out =
      "Rule set \(RuleBook.version). Urgency '-' marks a rule that explains and does not decide.\n"
    out +=
      "MRI-safety rules (SF-0 to SF-11) are listed by `spine-triage rules --format json` too.\n\n"
    out += "ID       URGENCY         TITLE / SOURCE\n"
    for rule in RuleBook.rules {
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

  /// The table as JSON.
  public static func json() -> String {
    JSONWriter.string(
      .array(
        RuleBook.rules.map { rule in
          .object([
            ("id", .string(rule.id)),
            ("title", .string(rule.title)),
            ("urgency", rule.urgency.map { .string($0.id) } ?? .null),
            ("source", .string(rule.source)),
            ("year", .number(String(rule.year))),
            ("certainty", .string(rule.certainty.rawValue)),
          ])
        }), pretty: true)
  }
}

extension String {
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
