import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// The private spool of assessments for the FHIR server: `<state folder>/outbox` (0700, checked
/// like the drafts' folder), one file per assessment named by its consultation id, each written
/// atomically (a temporary file, fsync, rename, fsync of the folder), so a crash, a kill -9 or
/// a full disk leaves the previous version whole. An entry is locked (`<id>.lock`, flock, like
/// a draft) while it is being sent, so two terminals never send it at once.
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

  /// Removes the entry for `id`.
  func remove(_ id: String) throws(CLIFailure) {
    guard unlink(path(id)) == 0 || errno == ENOENT else {
      throw CLIFailure(
        "\(path(id)): cannot remove: \(AtomicFile.reason(errno))", status: ExitStatus.ioError)
    }
    AtomicFile.syncFolder(folder)
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
