import ArgumentParser
import TriageEngine
import TriageFormats

/// `spine-triage evaluate FILE`: answers JSON in, recommendation out.
struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Evaluate an answers file and print the recommendation.",
    discussion: """
      FILE is an answers file (see "The answers file" in the README, or spine-triage
      questionnaire), or - for standard input.
      With --jsonl, every line of the input is one answers object and every output line is one
      recommendation, or an error object naming the line and the key; the batch goes on and the
      exit status is 65 if any line was bad. --jobs N evaluates lines on N threads (default: the
      cores available); the output stays in input order.

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

  @Option(
    help:
      "With --jsonl: threads evaluating lines (default: the cores available); output stays in input order."
  )
  var jobs: Int?

  func validate() throws {
    if !jsonl && file == nil {
      throw ValidationError("Missing expected argument '<file>' (use - for standard input).")
    }
    if let jobs, jobs < 1 || jobs > 1024 {
      throw ValidationError("--jobs must be between 1 and 1024.")
    }
    if jobs != nil && !jsonl {
      throw ValidationError("--jobs applies to --jsonl only.")
    }
    if jsonl && format == .text {
      throw ValidationError("--jsonl writes JSON lines; --format text is not available with it.")
    }
  }

  func run() throws {
    if jsonl {
      let status = try JSONLinesEvaluator.run(path: file ?? "-", jobs: jobs)
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
      // For a person: the deadline against the time now (dated, OVERDUE once passed), and the
      // assessment time apart from the time of this report.
      output = TextReport.string(
        recommendation, answers: sheet.answers, clock: sheet.urgencyClock,
        now: SystemClock.iso8601(), times: .assessedAndPrinted(sheet.assessedAt))
    }
    if !StandardStreams.writeOutput(output) {
      throw CLIFailure("standard output: write failed", status: ExitStatus.ioError).exit()
    }
  }
}
