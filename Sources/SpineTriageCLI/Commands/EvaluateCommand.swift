import ArgumentParser
import TriageEngine
import TriageFormats

/// `spine-triage evaluate FILE`: answers JSON in, recommendation out.
struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Evaluate an answers file and print the recommendation.",
    discussion: """
      FILE is an answers file (spec/questionnaire.md), or - for standard input.
      With --jsonl, every line of the input is one answers object and every output line is one
      recommendation, or an error object naming the line and the key; the batch goes on and the
      exit status is 65 if any line was bad.
      Exit status: 0 ok, 64 bad usage, 65 bad data, 66 unreadable input.
      """)

  @Argument(help: "The answers file, or - for standard input (default with --jsonl: -).")
  var file: String?

  @Option(help: "Output format: json (the contract) or text (for a person).")
  var format: OutputFormat = .json

  @Flag(help: "Read one answers object per line; write one result per line.")
  var jsonl = false

  @Flag(help: "Print JSON on one line.")
  var compact = false

  func validate() throws {
    if !jsonl && file == nil {
      throw ValidationError("Missing expected argument '<file>' (use - for standard input).")
    }
    if jsonl && format == .text {
      throw ValidationError("--jsonl writes JSON lines; --format text is not available with it.")
    }
  }

  func run() throws {
    if jsonl {
      let status = try JSONLinesEvaluator.run(path: file ?? "-")
      if status != 0 { throw ExitCode(status) }
      return
    }
    let path = file ?? "-"
    let sheet: AnswerSheet
    do {
      sheet = try AnswersInput.load(path)
    } catch {
      throw error.exit()
    }
    let recommendation = TriageEngine.evaluate(sheet.answers)
    let output: String
    switch format {
    case .json: output = RecommendationJSON.string(recommendation, pretty: !compact) + "\n"
    case .text:
      output = TextReport.string(
        recommendation, answers: sheet.answers, clock: sheet.urgencyClock)
    }
    if !StandardStreams.writeOutput(output) {
      throw CLIFailure("standard output: write failed", status: ExitStatus.ioError).exit()
    }
  }
}
