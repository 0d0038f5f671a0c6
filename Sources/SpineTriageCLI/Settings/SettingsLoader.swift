import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the settings in order, later wins: the system file (`/etc/spine-triage/config.json`),
/// the user's file (`$XDG_CONFIG_HOME/spine-triage/config.json`, else
/// `~/.config/spine-triage/config.json`), the environment, then command-line options.
///
/// Trust: a configuration file, and the folder that holds it, must belong to root or to the
/// user and be writable by nobody else (no write bit for group or others); otherwise the
/// program stops, exit 78, naming the file or folder (another user could otherwise choose the
/// printer, the export folder or the site name).
///
/// One bad key in a file does not stop the terminal: an unknown key (a newer version's, a
/// typo) or a bad value is reported once per run, on standard error and on the screens' first
/// status line ("warning: FILE: key ...: ...; ignored"), and that key is ignored: the earlier
/// file's value or the built-in default stays, never a guess. The printer is the exception: a
/// bad `printer` blocks printing (a summary must not go to lp's default queue instead of the
/// one the site meant) until a valid one is given. A file that is not JSON, not an object, too
/// large or unreadable stops the program (exit 78): nothing of it can be trusted. Environment
/// variables and options are strict (exit 78 and 64). A missing file is simply skipped.
/// `spine-triage config --check FILE` checks a file (trust and every key) before it is pushed.
public enum SettingsLoader {
  /// The system-wide file.
  public static let systemFile = "/etc/spine-triage/config.json"
  /// An environment variable that replaces ``systemFile`` (tests, a staging machine).
  public static let systemFileVariable = "SPINE_TRIAGE_SYSTEM_CONFIG"
  /// The largest configuration file read.
  public static let maxFileSize = 64 << 10

  /// The environment variables the settings read.
  public static let environmentVariables: [String] =
    Settings.Key.allCases.map(\.environmentVariable) + [
      systemFileVariable, "XDG_CONFIG_HOME", "HOME",
    ]

  /// The process's environment, restricted to ``environmentVariables``.
  public static func processEnvironment() -> [String: String] {
    var environment: [String: String] = [:]
    for name in environmentVariables {
      if let value = getenv(name) { environment[name] = String(cString: value) }
    }
    return environment
  }

  /// The configuration files in the order they are read.
  public static func files(environment: [String: String]) -> [String] {
    func nonEmpty(_ name: String) -> String? {
      guard let value = environment[name], !value.isEmpty else { return nil }
      return value
    }
    var files = [nonEmpty(systemFileVariable) ?? systemFile]
    if let config = nonEmpty("XDG_CONFIG_HOME"), config.hasPrefix("/") {
      files.append(config + "/spine-triage/config.json")
    } else if let home = nonEmpty("HOME") {
      files.append(home + "/.config/spine-triage/config.json")
    }
    return files
  }

  /// The effective settings: files, then `environment`, then `options` (each a key and the text
  /// given on the command line). With `reporting`, each warning (an ignored key) is written to
  /// standard error, once.
  public static func load(
    environment: [String: String], options: [(key: Settings.Key, value: String)] = [],
    reporting: Bool = true
  ) throws(CLIFailure) -> Settings {
    var settings = Settings()
    if let home = environment["HOME"], !home.isEmpty, !home.hasPrefix("/"),
      !(environment["XDG_CONFIG_HOME"] ?? "").hasPrefix("/")
    {
      throw CLIFailure(
        "HOME is not an absolute path (\(home)); refusing to read a configuration relative to"
          + " the current folder", status: ExitStatus.config)
    }
    for path in files(environment: environment) {
      try apply(file: path, to: &settings)
    }
    defer {
      if reporting {
        for warning in settings.warnings {
          StandardStreams.writeError(
            "spine-triage: warning: \(AnswersError.printable(warning, limit: 1000))\n")
        }
      }
    }
    for key in Settings.Key.allCases {
      let name = key.environmentVariable
      // An empty variable counts as unset (as SPINE_TRIAGE_DIR always has).
      guard let value = environment[name], !value.isEmpty else { continue }
      if let problem = SettingsValue.apply(key, .text(value), to: &settings) {
        throw CLIFailure(
          "environment \(name) (\(key.rawValue)): \(problem)", status: ExitStatus.config)
      }
      settings.sources[key] = .environment(name)
      settings.blocked[key] = nil
    }
    for (key, value) in options {
      if let problem = SettingsValue.apply(key, .text(value), to: &settings) {
        throw CLIFailure("option \(key.option): \(problem)", status: ExitStatus.usage)
      }
      settings.sources[key] = .option(key.option)
      settings.blocked[key] = nil
    }
    return settings
  }

  /// Whether `path` exists (anything but "no such file").
  public static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 || (errno != ENOENT && errno != ENOTDIR)
  }

  /// Applies one file, if it exists: trusted (else exit 78), a JSON object (else exit 78); a
  /// bad key is a warning and is ignored (a bad printer blocks printing).
  static func apply(file path: String, to settings: inout Settings) throws(CLIFailure) {
    guard exists(path) else { return }
    let members = try members(of: path)
    for (key, problem) in check(members, path: path, into: &settings) {
      settings.warnings.append("\(path): \(problem); ignored")
      if key == .printer {
        settings.blocked[.printer] = "\(path): key \"printer\": \(problem)"
        settings.printer = nil
        settings.sources[.printer] = .file(path)
      }
    }
  }

  /// The members of the JSON object in the trusted file `path`.
  static func members(of path: String) throws(CLIFailure) -> [(key: String, value: JSONValue)] {
    let bytes = try read(path)
    let json: JSONValue
    do {
      json = try JSONParser.parse(bytes)
    } catch {
      throw CLIFailure("\(path): \(error.description)", status: ExitStatus.config)
    }
    guard case .object(let members) = json else {
      throw CLIFailure(
        "\(path): must be a JSON object of settings, not \(json.typeName)",
        status: ExitStatus.config)
    }
    return members
  }

  /// Applies every good key of `members` to `settings`; returns the bad ones with their
  /// problem (the key is nil when it is unknown).
  static func check(
    _ members: [(key: String, value: JSONValue)], path: String, into settings: inout Settings
  ) -> [(key: Settings.Key?, problem: String)] {
    var problems: [(key: Settings.Key?, problem: String)] = []
    for (name, value) in members {
      guard let key = Settings.Key(rawValue: name) else {
        let known = Settings.Key.allCases.map(\.rawValue).joined(separator: ", ")
        problems.append(
          (
            nil,
            "unknown key \"\(AnswersError.printable(name, limit: 40))\" (this version knows:"
              + " \(known))"
          ))
        continue
      }
      var candidate = settings
      if let problem = SettingsValue.apply(key, .json(value), to: &candidate) {
        problems.append((key, "key \"\(name)\": \(problem)"))
        continue
      }
      settings = candidate
      settings.sources[key] = .file(path)
      settings.blocked[key] = nil
    }
    return problems
  }

  /// `config --check FILE`: every problem of `path` (trust, syntax, each key), or none.
  public static func problems(checking path: String) -> [String] {
    do {
      let members = try members(of: path)
      var settings = Settings()
      return check(members, path: path, into: &settings).map { "\(path): \($0.problem)" }
    } catch {
      return [error.message]
    }
  }

  /// Whether a configuration file or its folder could have been written by another user: it
  /// must belong to root or to this user, with no write bit for group or others.
  static func trustProblem(_ info: stat, kind: String) -> String? {
    let me = geteuid()
    guard info.st_uid == 0 || info.st_uid == me else {
      return "the \(kind) belongs to another user (uid \(info.st_uid)); a configuration must"
        + " belong to root or to you"
    }
    guard info.st_mode & 0o022 == 0 else {
      return
        "other users can write to the \(kind) (mode \(String(info.st_mode & 0o7777, radix: 8)));"
        + " a configuration must be writable by its owner only (chmod go-w)"
    }
    return nil
  }

  /// Reads a configuration file whole: a regular file of at most ``maxFileSize`` bytes.
  static func read(_ path: String) throws(CLIFailure) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      throw CLIFailure(
        "\(path): cannot read the configuration: \(InputFile.describeErrno(errno))",
        status: ExitStatus.config)
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw CLIFailure(
        "\(path): is not a regular file, not a configuration file", status: ExitStatus.config)
    }
    if let problem = trustProblem(info, kind: "file") {
      throw CLIFailure("\(path): not trusted: \(problem)", status: ExitStatus.config)
    }
    let folder = AppDirectories.parent(of: path)
    var folderInfo = stat()
    if stat(folder, &folderInfo) == 0, let problem = trustProblem(folderInfo, kind: "folder") {
      throw CLIFailure(
        "\(folder): not trusted (it holds \(path)): \(problem)", status: ExitStatus.config)
    }
    guard Int(info.st_size) <= maxFileSize else {
      throw CLIFailure(
        "\(path): too large for a configuration file (at most \(maxFileSize >> 10) KiB)",
        status: ExitStatus.config)
    }
    do {
      return try InputFile.readAll(descriptor: descriptor, name: path)
    } catch {
      throw CLIFailure(error.message, status: ExitStatus.config)
    }
  }
}
