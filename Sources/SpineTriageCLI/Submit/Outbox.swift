import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// The private spool of assessments for the FHIR server: `<state folder>/outbox` (0700, checked
/// like the drafts' folder), one file per assessment named by its consultation id, each written
/// atomically (a temporary file, fsync, rename, fsync of the folder), so a crash, a kill -9 or
/// a full disk leaves the previous version whole. An entry is locked (`<id>.lock`, flock, like
/// a draft) while it is being sent, so two terminals never send it at once.
///
/// Nothing expires here, not even on a shared terminal: an assessment waiting for the
/// hospital's server is a record in transit, not a convenience copy. `shared_retention_hours`
/// (``SharedTerminal``) never touches this folder; an entry leaves it only through
/// `outbox discard` (``discard(_:)``), and once sent only the server's resource ids are kept.
/// The audit trail records both (`submit` and `outbox-discard`).
struct Outbox {
  /// The folder.
  let folder: String

  /// The outbox of the current user (created private).
  static func open(_ directories: AppDirectories = .current()) throws(CLIFailure) -> Outbox {
    let folder = try directories.stateFolder() + "/outbox"
    try AppDirectories.ensure(folder)
    return Outbox(folder: folder)
  }

  func path(_ id: String) -> String { "\(folder)/\(id).json" }
  func lockPath(_ id: String) -> String { "\(folder)/\(id).lock" }

  /// The entry for `id`, if any (an unreadable or damaged file is an error naming it).
  func entry(_ id: String) throws(CLIFailure) -> OutboxEntry? {
    let file = path(id)
    guard AtomicFile.exists(file) else { return nil }
    let bytes: [UInt8]
    do {
      bytes = try InputFile.read(file)
    } catch {
      throw CLIFailure(error.message, status: ExitStatus.ioError)
    }
    guard let entry = OutboxEntry.decode(bytes), entry.consultationID == id else {
      throw CLIFailure("\(file): not an outbox entry (left as it is)", status: ExitStatus.dataError)
    }
    return entry
  }

  /// Every entry, oldest first; damaged files are listed in `damaged`.
  func entries() -> (entries: [OutboxEntry], damaged: [String]) {
    guard let directory = opendir(folder) else { return ([], []) }
    defer { closedir(directory) }
    var ids: [String] = []
    while let item = readdir(directory) {
      let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name.hasSuffix(".json") else { continue }
      let id = String(name.dropLast(5))
      if AnswerSheet.isUUID(id) { ids.append(id) }
    }
    var entries: [OutboxEntry] = []
    var damaged: [String] = []
    for id in ids {
      if let entry = try? entry(id) { entries.append(entry) } else { damaged.append(path(id)) }
    }
    entries.sort { $0.queuedAt < $1.queuedAt }
    return (entries, damaged)
  }

  /// Writes `entry` (atomically, replacing the previous version).
  func save(_ entry: OutboxEntry) throws(CLIFailure) {
    try AtomicFile.write(entry.encoded(), to: path(entry.consultationID), replace: true)
  }

  /// Removes `entry` (`outbox discard`, the only way an entry leaves the outbox): one
  /// `outbox-discard` record of the audit trail, removed or not.
  func discard(_ entry: OutboxEntry) throws(CLIFailure) {
    let file = path(entry.consultationID)
    let target =
      "outbox \(file) (\(entry.state.rawValue), \(entry.tries) tr\(entry.tries == 1 ? "y" : "ies"))"
    guard unlink(file) == 0 || errno == ENOENT else {
      let reason = AtomicFile.reason(errno)
      AuditLog.record(
        "outbox-discard", outcome: .failed("failed: " + reason),
        consultation: entry.consultationID, clinician: entry.clinician, target: target)
      throw CLIFailure("\(file): cannot remove: \(reason)", status: ExitStatus.ioError)
    }
    AtomicFile.syncFolder(folder)
    AuditLog.record(
      "outbox-discard", outcome: .ok(entry.state == .sent ? "discarded" : "discarded unsent"),
      consultation: entry.consultationID, clinician: entry.clinician, target: target)
  }

  /// Takes the entry's lock, or `nil` when another process holds it.
  func lock(_ id: String) throws(CLIFailure) -> FileLock? {
    switch FileLock.tryAcquire(lockPath(id)) {
    case .acquired(let lock): return lock
    case .busy: return nil
    case .failed(let reason):
      throw CLIFailure("\(lockPath(id)): cannot lock: \(reason)", status: ExitStatus.cannotCreate)
    }
  }
}
