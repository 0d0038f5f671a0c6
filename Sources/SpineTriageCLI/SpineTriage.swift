import ArgumentParser

/// The `spine-triage` command: the terminal UI by default, and the non-interactive commands.
public struct SpineTriage: ParsableCommand {
  public static let version = "0.1.0"

  public static let configuration = CommandConfiguration(
    commandName: "spine-triage",
    abstract: "Bedside decision support for spine imaging (low back and neck pain).",
    discussion: """
      With no subcommand, opens the checklist UI in the terminal.
      Decision support only: it shows every rule it used and its source; the clinician decides.
      """,
    version: version,
    subcommands: [EvaluateCommand.self, RulesCommand.self])

  public init() {}

  public func run() throws {
    throw CLIFailure(
      "the terminal UI is not available in this build", status: ExitStatus.unavailable
    ).exit()
  }
}
