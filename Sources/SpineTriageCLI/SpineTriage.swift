import ArgumentParser

#if canImport(Glibc)
  import Glibc
#endif

/// The `spine-triage` command: the terminal UI by default, and the non-interactive commands.
public struct SpineTriage: ParsableCommand {
  /// The program's version (``BuildInfo/version``).
  public static let version = BuildInfo.version

  public static let configuration = CommandConfiguration(
    commandName: "spine-triage",
    abstract: "Bedside decision support for spine imaging (low back and neck pain).",
    discussion: """
      With no subcommand, opens the checklist screens in the terminal (keyboard only; ? for \
      help). Decision support only: it shows every rule it used and its source; the clinician \
      decides.

      Settings (export folder, printer, paper, site name, FHIR base URL, draft retention) come \
      from /etc/spine-triage/config.json, then ~/.config/spine-triage/config.json, then the \
      environment, then options: see spine-triage config --help.

      Exit status: 0 ok, 64 bad usage, 65 bad data, 66 unreadable input, 69 no usable \
      terminal, 73 cannot create a file, 74 write error, 78 bad configuration.
      """,
    version: BuildInfo.versionText,
    subcommands: [
      EvaluateCommand.self, RulesCommand.self, ExportCommand.self, QuestionnaireCommand.self,
      DraftsCommand.self, SubmitCommand.self, OutboxCommand.self,
      ConfigCommand.self,
    ])

  @Option(name: .long, help: "Open an answers file (or a draft) for review or completion.")
  var load: String?

  @Flag(
    name: .long,
    help: "Line-by-line prompts on standard input and output (screen readers, no curses).")
  var plain = false

  @Option(
    name: .customLong("output-dir"),
    help:
      "Folder for exports from the UI (default: the configured export_folder or SPINE_TRIAGE_DIR, else the XDG data folder)."
  )
  var outputDir: String?

  @Flag(name: .customLong("no-color"), help: "Monochrome (also when NO_COLOR is set).")
  var noColor = false

  @OptionGroup(title: "Settings (override the configuration; see spine-triage config --help)")
  var settingsOptions: SettingsOptions

  public init() {}

  public func run() throws {
    try SpineTriage.start(startArguments)
  }

  /// The options as parsed by the argument parser, in the form the hand parser gives them.
  var startArguments: StartArguments {
    var start = StartArguments()
    start.load = load
    start.plain = plain
    start.noColor = noColor
    start.overrides = settingsOptions.overrides(outputFolder: outputDir)
    return start
  }

  /// Opens the screens (or the plain prompts), with the configuration and the options.
  static func start(_ arguments: StartArguments) throws {
    let noColorEnv = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
    do {
      let settings = try SettingsLoader.load(
        environment: SettingsLoader.processEnvironment(), options: arguments.overrides)
      if arguments.plain {
        try PlainSession.run(load: arguments.load, settings: settings)
        return
      }
      if let signal = try InteractiveCommand.run(
        load: arguments.load, settings: settings, noColor: arguments.noColor || noColorEnv)
      {
        // Terminated by a signal: the draft is saved and the terminal restored; die the same way.
        raiseWithDefaultAction(signal)
      }
    } catch {
      throw error.exit()
    }
  }
}

/// Restores the default disposition of `signal` and raises it, so the exit status says why.
func raiseWithDefaultAction(_ number: Int32) {
  signal(number, SIG_DFL)
  raise(number)
  exit(128 + number)
}

extension SpineTriage {
  /// Parses the command line and runs; usage errors are one line on standard error (exit 64),
  /// `--help` and `--version` print in full on standard output.
  public static func runMain(arguments: [String]? = nil) -> Never {
    // Before anything is read: no core file of patient data, whatever happens next.
    ProcessGuard.disableCoreDumps()
    ProcessMemory.releaseLoaderTables()
    // The bedside path, `spine-triage` with no arguments or only the options of the screens
    // (`--load FILE`, `--plain`, settings), starts without the argument parser: its reflection
    // costs more than drawing the first screen. Anything else goes to the argument parser.
    if arguments == nil, let start = StartArguments.parse(Array(CommandLine.arguments.dropFirst()))
    {
      do {
        try SpineTriage.start(start)
        Glibc.exit(0)
      } catch let code as ExitCode {
        Glibc.exit(code.rawValue)
      } catch {
        StandardStreams.writeError("spine-triage: \(error)\n")
        Glibc.exit(1)
      }
    }
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      Glibc.exit(0)
    } catch let code as ExitCode {
      Glibc.exit(code.rawValue)
    } catch {
      let status = exitCode(for: error)
      if status == .success {
        StandardStreams.writeOutput(fullMessage(for: error) + "\n")
        Glibc.exit(0)
      }
      let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
      StandardStreams.writeError(
        "spine-triage: \(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)"
          + " (see spine-triage --help)\n")
      Glibc.exit(status.rawValue)
    }
  }
}
