import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the settings in order, later wins: the system file (`/etc/spine-triage/config.json`),
/// the user's file (`$XDG_CONFIG_HOME/spine-triage/config.json`, else
/// `~/.config/spine-triage/config.json`), the environment, then command-line options.
///
/// Strict: an unknown key, a value of the wrong type or out of range, a file that is not a JSON
/// object, or a file that exists but cannot be read is a one-line error naming the file (or the
/// variable, or the option) and the key; nothing runs with a half-read configuration. A missing
/// file is simply skipped.
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
  /// given on the command line).
  public static func load(
    environment: [String: String], options: [(key: Settings.Key, value: String)] = []
  ) throws(CLIFailure) -> Settings {
    var settings = Settings()
    for path in files(environment: environment) {
      try apply(file: path, to: &settings)
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
    }
    for (key, value) in options {
      if let problem = SettingsValue.apply(key, .text(value), to: &settings) {
        throw CLIFailure("option \(key.option): \(problem)", status: ExitStatus.usage)
      }
      settings.sources[key] = .option(key.option)
    }
    return settings
  }

  /// Whether `path` exists (anything but "no such file").
  public static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 || (errno != ENOENT && errno != ENOTDIR)
  }

  /// Applies one file, if it exists.
  static func apply(file path: String, to settings: inout Settings) throws(CLIFailure) {
    guard exists(path) else { return }
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
    for (name, value) in members {
      guard let key = Settings.Key(rawValue: name) else {
        let known = Settings.Key.allCases.map(\.rawValue).joined(separator: ", ")
        throw CLIFailure(
          "\(path): unknown key \"\(AnswersError.printable(name, limit: 40))\" (known: \(known))",
          status: ExitStatus.config)
      }
      if let problem = SettingsValue.apply(key, .json(value), to: &settings) {
        throw CLIFailure("\(path): key \"\(name)\": \(problem)", status: ExitStatus.config)
      }
      settings.sources[key] = .file(path)
    }
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
