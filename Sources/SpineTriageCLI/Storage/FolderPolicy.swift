#if canImport(Glibc)
  import Glibc
#endif

/// The one folder policy for every folder that receives patient data (the state folder and its
/// `drafts` and `trash`, the export folder, a folder or file given with `-o`, and any spool
/// folder): SpineTriage sets the mode only of a folder it creates itself (0700). An existing
/// folder is never `chmod`-ed or `chown`-ed: one that does not meet its use's rule is refused,
/// exit 73, with a message naming it and saying what to do.
///
/// Every rule first requires a real folder (a symbolic link is followed, and its target is
/// what is checked, so a link to /proc or to another user's folder is refused).
public enum FolderPolicy {
  /// What a folder is used for, and so what it must be.
  public enum Use: Sendable, Equatable {
    /// A folder SpineTriage keeps (state, drafts, trash, the configured export folder, spool):
    /// owned by this user, and no access at all for group or others (mode 0700 or stricter).
    case keptPrivate
    /// A folder named on the command line for one export (`-o FOLDER`, or the folder of
    /// `-o FILE`): owned by this user or root, and writable by nobody else (the file is written
    /// 0600; others may see that a file exists, never replace, remove or read it). A shared
    /// sticky folder such as /tmp is refused.
    case givenForOneFile
    /// A team's export folder (setting `export_folder_sharing: "group"`): a folder made by an
    /// administrator, owned by this user or root, with the set-group-ID bit (files inherit the
    /// team's group), group-writable, no access for others, and this user in its group. Files
    /// are written 0640 (the team can read them).
    case groupShared
  }

  /// Checks `folder` for `use`; throws exit 73 naming it.
  public static func check(_ folder: String, for use: Use) throws(CLIFailure) {
    if let problem = problem(folder, for: use) {
      throw CLIFailure("\(folder): \(problem)", status: ExitStatus.cannotCreate)
    }
  }

  /// What is wrong with `folder` for `use`, or nil.
  public static func problem(_ folder: String, for use: Use) -> String? {
    var info = stat()
    guard stat(folder, &info) == 0 else {
      return "cannot use the folder: \(AtomicFile.reason(errno))"
    }
    guard (info.st_mode & S_IFMT) == S_IFDIR else { return "exists and is not a folder" }
    let me = geteuid()
    let mode = String(info.st_mode & 0o7777, radix: 8)
    let refusing = "refusing to keep patient data there"
    switch use {
    case .keptPrivate:
      guard info.st_uid == me else {
        return "the folder belongs to another user (uid \(info.st_uid)); \(refusing)"
          + " (remove it, or choose another folder)"
      }
      guard info.st_mode & 0o077 == 0 else {
        return "the folder is open to other users (mode \(mode)); \(refusing), and SpineTriage"
          + " never changes an existing folder's mode (chmod 700 it, or choose a new folder,"
          + " which is created private)"
      }
    case .givenForOneFile:
      guard info.st_uid == me || info.st_uid == 0 else {
        return "the folder belongs to another user (uid \(info.st_uid)); \(refusing)"
      }
      if info.st_mode & S_ISVTX != 0 && info.st_mode & 0o002 != 0 {
        return "a shared folder (mode \(mode), like /tmp); \(refusing) (choose a folder of"
          + " your own)"
      }
      guard info.st_mode & 0o022 == 0 else {
        return "other users can write into this folder (mode \(mode)); \(refusing) (chmod 700"
          + " it, or choose another folder)"
      }
    case .groupShared:
      guard info.st_uid == me || info.st_uid == 0 else {
        return "a group-shared export folder must belong to you or root, not uid \(info.st_uid)"
      }
      guard info.st_mode & S_ISGID != 0, info.st_mode & 0o070 == 0o070,
        info.st_mode & 0o007 == 0
      else {
        return "a group-shared export folder must have mode 2770 (set-group-ID, group"
          + " read-write, nothing for others), not \(mode)"
      }
      guard isMember(of: info.st_gid) else {
        return "you are not in the folder's group (gid \(info.st_gid)); it cannot be shared"
          + " with you"
      }
    }
    return nil
  }

  /// Whether this process is in group `gid`.
  static func isMember(of gid: gid_t) -> Bool {
    if getegid() == gid { return true }
    let count = getgroups(0, nil)
    guard count > 0 else { return false }
    var groups = [gid_t](repeating: 0, count: Int(count))
    let got = getgroups(count, &groups)
    return got > 0 && groups.prefix(Int(got)).contains(gid)
  }
}
