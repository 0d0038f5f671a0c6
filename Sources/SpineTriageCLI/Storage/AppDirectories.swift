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
  /// only this user can reach it: see ``verifyPrivate(_:fix:)``.
  public static func ensure(_ folder: String, fix: Bool = true) throws(CLIFailure) {
    try create(folder)
    try verifyPrivate(folder, fix: fix)
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

  /// Checks a folder that holds patient data. It must be a folder owned by this user (another
  /// user's folder is refused, exit 73: they could plant a forged draft or read what is
  /// written), and no other user may write into it. With `fix` (the folders SpineTriage keeps:
  /// the state folder, its subfolders and the configured export folder) this user's folder
  /// open to group or others is set back to 0700; without it (a folder given with `-o` or
  /// `--output-dir`) a folder others can write into is refused and its mode left alone. A shared
  /// sticky folder such as /tmp is always refused, never changed.
  public static func verifyPrivate(_ folder: String, fix: Bool = true) throws(CLIFailure) {
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
    let mode = String(info.st_mode & 0o7777, radix: 8)
    if info.st_mode & S_ISVTX != 0 && info.st_mode & 0o002 != 0 {
      throw CLIFailure(
        "\(folder): a shared folder (mode \(mode), like /tmp); refusing to keep patient data there (choose a folder of your own)",
        status: ExitStatus.cannotCreate)
    }
    if fix && info.st_mode & 0o077 != 0 {
      guard chmod(folder, 0o700) == 0 else {
        throw CLIFailure(
          "\(folder): the folder is open to other users (mode \(mode)) and cannot be made private: \(AtomicFile.reason(errno))",
          status: ExitStatus.cannotCreate)
      }
    } else if !fix && info.st_mode & 0o022 != 0 {
      throw CLIFailure(
        "\(folder): other users can write into this folder (mode \(mode)); refusing to keep patient data there (chmod 700 it, or choose another folder)",
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
