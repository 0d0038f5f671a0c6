#if canImport(Glibc)
  import Glibc
#endif

/// Where SpineTriage keeps files: exports in the data folder, drafts in the state folder
/// (XDG Base Directory), each created with mode 0700 so only the user can enter it, and checked
/// at every use with ``FolderPolicy`` (never changed).
public struct AppDirectories: Sendable {
  /// The environment to read (injected for tests).
  public let environment: [String: String]

  public init(environment: [String: String]) { self.environment = environment }

  /// The process environment.
  public static func current() -> AppDirectories {
    var environment: [String: String] = [:]
    for key in [
      "SPINE_TRIAGE_DIR", "XDG_DATA_HOME", "XDG_STATE_HOME", "HOME", "SPINE_TRIAGE_RETENTION_DAYS",
    ] {
      if let value = getenv(key) { environment[key] = String(cString: value) }
    }
    return AppDirectories(environment: environment)
  }

  private func nonEmpty(_ key: String) -> String? {
    guard let value = environment[key], !value.isEmpty else { return nil }
    return value
  }

  /// HOME, which must be an absolute path: a relative one would put patient data wherever the
  /// program happens to be started (issue 20); exit 73.
  private func absoluteHome(for purpose: String) throws(CLIFailure) -> String? {
    guard let home = nonEmpty("HOME") else { return nil }
    guard home.hasPrefix("/") else {
      throw CLIFailure(
        "HOME is not an absolute path (\(home)); refusing to keep \(purpose) relative to the"
          + " current folder", status: ExitStatus.cannotCreate)
    }
    return home
  }

  /// The folder for exports: `SPINE_TRIAGE_DIR`, else `$XDG_DATA_HOME/spine-triage`, else
  /// `~/.local/share/spine-triage`.
  public func exportFolder() throws(CLIFailure) -> String {
    if let folder = nonEmpty("SPINE_TRIAGE_DIR") { return folder }
    if let data = nonEmpty("XDG_DATA_HOME"), data.hasPrefix("/") { return data + "/spine-triage" }
    guard let home = try absoluteHome(for: "exports") else {
      throw CLIFailure(
        "no folder to save into: HOME is not set; set SPINE_TRIAGE_DIR or use -o",
        status: ExitStatus.cannotCreate)
    }
    return home + "/.local/share/spine-triage"
  }

  /// The folder for drafts: `$XDG_STATE_HOME/spine-triage`, else `~/.local/state/spine-triage`.
  public func stateFolder() throws(CLIFailure) -> String {
    if let state = nonEmpty("XDG_STATE_HOME"), state.hasPrefix("/") {
      return state + "/spine-triage"
    }
    guard let home = try absoluteHome(for: "drafts") else {
      throw CLIFailure(
        "no folder for drafts: HOME is not set; set XDG_STATE_HOME", status: ExitStatus.cannotCreate
      )
    }
    return home + "/.local/state/spine-triage"
  }

  /// Creates `folder` and its missing parents (each created here with mode 0700), then checks
  /// it with ``FolderPolicy`` for `use`. An existing folder's mode is never changed.
  public static func ensure(_ folder: String, for use: FolderPolicy.Use = .keptPrivate)
    throws(CLIFailure)
  {
    if use == .groupShared {
      // A team folder is made by an administrator (owner, group, setgid); never created here.
      try FolderPolicy.check(folder, for: use)
      return
    }
    try create(folder)
    try FolderPolicy.check(folder, for: use)
  }

  /// Creates `folder` and its missing parents with mode 0700; existing ones are left as they are.
  static func create(_ folder: String) throws(CLIFailure) {
    var info = stat()
    if stat(folder, &info) == 0 {
      guard (info.st_mode & S_IFMT) == S_IFDIR else {
        throw CLIFailure("\(folder): exists and is not a folder", status: ExitStatus.cannotCreate)
      }
      return
    }
    let parentFolder = parent(of: folder)
    if parentFolder != folder { try create(parentFolder) }
    if mkdir(folder, 0o700) != 0 && errno != EEXIST {
      throw CLIFailure(
        "\(folder): cannot create the folder: \(AtomicFile.reason(errno))",
        status: ExitStatus.cannotCreate)
    }
  }

  /// The last component of `path`.
  public static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// The folder part of `path` ("." for a bare name).
  public static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = String(path[..<slash])
    return folder.isEmpty ? "/" : folder
  }
}
