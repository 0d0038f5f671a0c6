import ArgumentParser
import TriageEngine
import TriageFormats

/// `spine-triage rules`: the rule table.
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Print the rule table: identifier, urgency, title and source.",
    discussion: """
      --explain ID prints one rule in words: its condition in the questions' own labels, the
      plan, the alternatives, the source and how sure it is (--explain all: every rule, in the
      order they are evaluated). --format json carries every rule's condition tree, plan,
      timeframe and notes.
      """)

  /// The rule table's formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
  }

  @Option(help: "Output format: text (a table), json or markdown.")
  var format: Format = .text

  @Option(help: "Print one rule (for example CES-1), or all, in words.")
  var explain: String?

  func run() throws {
    if let explain {
      guard
        let text = explain.lowercased() == "all"
          ? RuleExplanation.all() : RuleExplanation.text(explain.uppercased())
      else {
        throw CLIFailure(
          "no rule \(AnswersError.printable(explain, limit: 40)) (spine-triage rules lists them)",
          status: ExitStatus.usage
        ).exit()
      }
      try StandardStreams.writeOutputOrFail(text)
      return
    }
    let output: String
    switch format {
    case .text: output = RuleTable.text()
    case .json: output = RuleTable.json() + "\n"
    case .markdown: output = RuleTable.markdown()
    }
    try StandardStreams.writeOutputOrFail(output)
  }
}
