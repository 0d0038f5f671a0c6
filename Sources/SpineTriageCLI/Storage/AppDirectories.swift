#if canImport(Glibc)
  import Glibc
#endif

/// Where SpineTriage keeps files: exports in the data folder, drafts in the state folder
/// (XDG Base Directory), each created with mode 0700 so only the user can enter it, and checked
/// at every use (owned by the user; set back to 0700 if opened to others).
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

  /// The folder for exports: `SPINE_TRIAGE_DIR`, else `$XDG_DATA_HOME/spine-triage`, else
  /// `~/.local/share/spine-triage`.
  public func exportFolder() throws(CLIFailure) -> String {
    if let folder = nonEmpty("SPINE_TRIAGE_DIR") { return folder }
    if let data = nonEmpty("XDG_DATA_HOME"), data.hasPrefix("/") { return data + "/spine-triage" }
    guard let home = nonEmpty("HOME") else {
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
    guard let home = nonEmpty("HOME") else {
      throw CLIFailure(
        "no folder for drafts: HOME is not set; set XDG_STATE_HOME", status: ExitStatus.cannotCreate
      )
    }
    return home + "/.local/state/spine-triage"
  }

  /// Creates `folder` and its parents (folders created here get mode 0700), then checks that
  /// only this user can reach it: see ``verifyPrivate(_:)``.
  public static func ensure(_ folder: String) throws(CLIFailure) {
    try create(folder)
    try verifyPrivate(folder)
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

  /// Checks a folder that holds patient data (the state folder, the export folder): it must be
  /// a folder owned by this user. If group or others have any access, this user's folder is set
  /// back to 0700. A folder owned by someone else is refused (exit 73): another user could
  /// plant a forged draft there or read what is written.
  public static func verifyPrivate(_ folder: String) throws(CLIFailure) {
    var info = stat()
    guard stat(folder, &info) == 0 else {
      throw CLIFailure(
        "\(folder): cannot use the folder: \(AtomicFile.reason(errno))",
        status: ExitStatus.cannotCreate)
    }
    guard (info.st_mode & S_IFMT) == S_IFDIR else {
      throw CLIFailure("\(folder): exists and is not a folder", status: ExitStatus.cannotCreate)
    }
    guard info.st_uid == geteuid() else {
      throw CLIFailure(
        "\(folder): the folder belongs to another user (uid \(info.st_uid)); refusing to keep patient data there (remove it, or choose another folder)",
        status: ExitStatus.cannotCreate)
    }
    if info.st_mode & 0o077 != 0 {
      guard chmod(folder, 0o700) == 0 else {
        throw CLIFailure(
          "\(folder): the folder is open to other users (mode \(String(info.st_mode & 0o7777, radix: 8))) and cannot be made private: \(AtomicFile.reason(errno))",
          status: ExitStatus.cannotCreate)
      }
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
