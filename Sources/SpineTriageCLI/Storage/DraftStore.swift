import TriageEngine
import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// The autosaved drafts: one per consultation, in the state folder.
///
/// Layout (every folder 0700 and owned by the user, every file 0600):
/// - `drafts/<consultation-id>.json`: the draft, an answers file in the contract's format (so
///   `--load` reads it), replaced atomically at every change. Its `consultation_id` is its name.
///   Keys may be added to the format later (new keys only); a draft is read with the answers
///   codec, so a reader always names what it does not understand.
/// - `drafts/<consultation-id>.lock`: held with `flock` by the one session that has the
///   consultation open, from its first save (or from being offered) to its end. A draft whose
///   lock is held elsewhere is listed as in use and never read, written, moved or offered.
/// - `trash/<consultation-id>-<time>.json`: discarded drafts, kept for ``retentionDays`` and then
///   purged.
/// - `draft.corrupt-<time>.json`: an unreadable draft, set aside (never deleted).
///
/// The draft of version 0.1 (`draft.json`, one for everybody) is moved into `drafts/` at start.
public struct DraftStore: Sendable {
  /// The state folder.
  public let folder: String
  /// How long discarded drafts are kept, in days.
  public let retentionDays: Int

  /// The default retention of discarded drafts, in days.
  public static let defaultRetentionDays = 7

  /// A store in `folder`.
  public init(folder: String, retentionDays: Int = DraftStore.defaultRetentionDays) {
    self.folder = folder
    self.retentionDays = retentionDays
  }

  /// The folder of the drafts.
  public var draftsFolder: String { folder + "/drafts" }
  /// The folder of discarded drafts.
  public var trashFolder: String { folder + "/trash" }
  /// The legacy single draft of version 0.1.
  public var legacyPath: String { folder + "/draft.json" }

  /// The draft of consultation `id`.
  public func path(for id: String) -> String { "\(draftsFolder)/\(id).json" }
  /// The lock of consultation `id`.
  public func lockPath(for id: String) -> String { "\(draftsFolder)/\(id).lock" }

  // MARK: Start

  /// Creates and checks the folders (owned by the user, 0700; exit 73 for a folder that belongs
  /// to someone else), removes orphaned temporary files, moves the legacy draft in, and purges
  /// the trash of drafts older than the retention period. Returns notices for the user.
  public func prepare() throws(CLIFailure) -> [String] {
    try AppDirectories.ensure(folder)
    try AppDirectories.ensure(draftsFolder)
    try AppDirectories.ensure(trashFolder)
    var notices: [String] = []
    removeOrphanedTemporaryFiles()
    if let notice = migrateLegacyDraft() { notices.append(notice) }
    purgeTrash(olderThanDays: retentionDays)
    return notices
  }

  /// What the screens check before their first frame, creating nothing: the folders that
  /// exist are checked like ``prepare()`` does (exit 73 for another user's), and a draft of
  /// version 0.1 is moved in (then everything of ``prepare()`` runs now, so it is offered). The
  /// rest of ``prepare()`` runs after the first frame.
  public func checkExisting() throws(CLIFailure) -> [String] {
    if AtomicFile.exists(legacyPath) { return try prepare() }
    for path in [folder, draftsFolder, trashFolder] where AtomicFile.exists(path) {
      try FolderPolicy.check(path, for: .keptPrivate)
    }
    return []
  }

  /// Removes temporary files left by a killed save (`.NAME.PID.RANDOM.tmp`). A draft's
  /// temporary file is removed only when nobody holds its consultation; any other one only when
  /// the process that wrote it is gone.
  public func removeOrphanedTemporaryFiles() {
    for (dir, isDrafts) in [(folder, false), (draftsFolder, true), (trashFolder, false)] {
      for name in DraftStore.names(in: dir) where name.hasPrefix(".") && name.hasSuffix(".tmp") {
        let parts = name.dropFirst().split(separator: ".")
        // NAME may contain dots: the PID is the third part from the end.
        guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]) else { continue }
        if isDrafts, let id = parts.first, AnswerSheet.isUUID(String(id)) {
          if case .acquired(let lock) = FileLock.tryAcquire(lockPath(for: String(id))) {
            unlink("\(dir)/\(name)")
            if !AtomicFile.exists(path(for: String(id))) { lock.removeAndRelease() }
          }
        } else if kill(pid, 0) != 0 && errno == ESRCH {
          unlink("\(dir)/\(name)")
        }
      }
    }
  }

  /// Moves the legacy `draft.json` into `drafts/` under its consultation identifier (a new one
  /// if it has none), so it is offered like any other; an unreadable one is set aside.
  func migrateLegacyDraft() -> String? {
    guard AtomicFile.exists(legacyPath) else { return nil }
    // One process migrates at a time.
    guard case .acquired(let lock) = FileLock.tryAcquire(folder + "/.migrate.lock") else {
      return nil
    }
    defer { lock.release() }
    guard AtomicFile.exists(legacyPath) else { return nil }
    switch DraftStore.read(legacyPath) {
    case .failure(let problem):
      let aside = DraftStore.moveAside(
        legacyPath, stem: folder + "/draft.corrupt-\(SystemClock.fileStamp())")
      return
        "Draft unreadable; kept as \(aside.map(AppDirectories.fileName) ?? "draft.json") in the state folder. New assessment. (\(problem.message))"
    case .success(var sheet):
      if sheet.consultationID == nil { sheet.consultationID = SystemClock.uuid() }
      let id = sheet.consultationID ?? SystemClock.uuid()
      guard case .acquired(let draftLock) = FileLock.tryAcquire(lockPath(for: id)) else {
        return nil
      }
      defer { draftLock.release() }
      if AtomicFile.exists(path(for: id)) {
        // Already moved once (a crash between the copy and the removal): keep both.
        _ = DraftStore.moveAside(legacyPath, stem: folder + "/draft.old-\(SystemClock.fileStamp())")
        return nil
      }
      do {
        try AtomicFile.write(
          Array(AnswersCodec.encode(sheet).utf8), to: path(for: id), replace: false)
        unlink(legacyPath)
      } catch {
        return "The old draft could not be moved: \(error.message); it stays as draft.json."
      }
      return nil
    }
  }

  // MARK: Listing

  /// A draft found in the folder.
  public struct Entry: Sendable {
    /// The consultation identifier (the file name).
    public let id: String
    /// When it was last saved (ISO 8601, local time).
    public let savedAt: String
    /// The modification time, seconds since the epoch.
    public let modified: Int
    /// The answers, or nil when the draft was not read (see ``state``).
    public let sheet: AnswerSheet?
    /// Whether it was read, or why not.
    public var state: State = .ready
    /// Whether another session holds it.
    public var inUse: Bool { state == .inUse }

    /// Whether a draft was read.
    public enum State: Sendable, Equatable {
      case ready
      /// Open in another session: never read.
      case inUse
      /// Cannot be opened or read now (file descriptors, memory, I/O): not judged.
      case unavailable
      /// Its content is bad (listed read-only, left in place).
      case unreadable
    }
  }

  /// The most drafts offered at start (each offered draft's lock stays open: bounded, so a
  /// folder of thousands of drafts never runs the process out of file descriptors).
  public static let maxOffered = 64

  /// The drafts, newest first (found by `lstat`, which opens nothing).
  ///
  /// - Holding (the screens and `--plain`, `readOnly` false): the newest ``maxOffered`` drafts
  ///   that no other session holds are read while their lock is taken, and those locks are kept
  ///   in `locks` (no other session can take them meanwhile). A draft whose content is bad is
  ///   set aside as `draft.corrupt-*` and reported.
  /// - Read-only (`drafts list`): nothing is created, moved, locked or changed; a draft held
  ///   elsewhere is seen through its lock file, the others are read once and closed.
  ///
  /// A draft that cannot be opened or read now (no file descriptor left, EMFILE; memory; I/O)
  /// is never judged corrupt: it is listed as unavailable and left exactly as it is.
  func list(
    holding locks: inout [String: FileLock], notices: inout [String], readOnly: Bool = false
  ) -> [Entry] {
    var found: [(id: String, modified: Int, savedAt: String)] = []
    for name in DraftStore.names(in: draftsFolder) where name.hasSuffix(".json") {
      let id = String(name.dropLast(5))
      guard AnswerSheet.isUUID(id), id == id.lowercased() else { continue }
      var info = stat()
      guard lstat(path(for: id), &info) == 0 else { continue }
      found.append((id, Int(info.st_mtim.tv_sec), SystemClock.iso8601(info.st_mtim.tv_sec)))
    }
    found.sort { ($0.modified, $0.id) > ($1.modified, $1.id) }
    var entries: [Entry] = []
    var unavailable = 0
    var notOffered = 0
    for draft in found {
      let (id, saved, savedAt) = draft
      func entry(_ sheet: AnswerSheet?, state: Entry.State) -> Entry {
        Entry(id: id, savedAt: savedAt, modified: saved, sheet: sheet, state: state)
      }
      if readOnly {
        if FileLock.isHeldElsewhere(lockPath(for: id)) {
          entries.append(entry(nil, state: .inUse))
          continue
        }
        switch DraftStore.read(path(for: id)) {
        case .success(var sheet):
          sheet.consultationID = id
          entries.append(entry(sheet, state: .ready))
        case .failure(let problem):
          if problem.isCorrupt {
            notices.append("Draft \(id) is unreadable (\(problem.message)); left in place.")
          } else {
            unavailable += 1
          }
          entries.append(entry(nil, state: problem.isCorrupt ? .unreadable : .unavailable))
        }
        continue
      }
      let lock: FileLock
      if let held = locks[id] {
        lock = held
      } else {
        guard locks.count < DraftStore.maxOffered else {
          notOffered += 1
          continue
        }
        switch FileLock.tryAcquire(lockPath(for: id)) {
        case .acquired(let acquired): lock = acquired
        case .busy:
          entries.append(entry(nil, state: .inUse))
          continue
        case .failed:
          unavailable += 1
          continue
        }
      }
      switch DraftStore.read(path(for: id)) {
      case .success(var sheet):
        sheet.consultationID = id
        locks[id] = lock
        entries.append(entry(sheet, state: .ready))
      case .failure(let problem) where !problem.isCorrupt:
        // Not the draft's fault (EMFILE, ENOMEM, EIO): left alone, offered another time.
        unavailable += 1
        if locks[id] === lock { locks[id] = nil }
        lock.release()
      case .failure(let problem):
        let aside = DraftStore.moveAside(
          path(for: id), stem: folder + "/draft.corrupt-\(SystemClock.fileStamp())")
        notices.append(
          "Draft unreadable; kept as \(aside.map(AppDirectories.fileName) ?? id + ".json") in the state folder. (\(problem.message))"
        )
        lock.removeAndRelease()
        locks[id] = nil
      }
    }
    if unavailable > 0 {
      notices.append(
        "\(unavailable) draft\(unavailable == 1 ? "" : "s") could not be opened now (left as"
          + " they are; try again later).")
    }
    if notOffered > 0 {
      notices.append(
        "\(notOffered) older draft\(notOffered == 1 ? " is" : "s are") not listed here"
          + " (spine-triage drafts lists them all).")
    }
    return entries
  }

  /// How many drafts there are, not counting consultation `id` (none are read).
  public func draftCount(excluding id: String?) -> Int {
    DraftStore.names(in: draftsFolder).filter { name in
      name.hasSuffix(".json") && AnswerSheet.isUUID(String(name.dropLast(5)))
        && String(name.dropLast(5)) != id
    }.count
  }

  /// Reads a draft file: a regular file of this user (never a link, FIFO or device), read
  /// without blocking, decoded leniently (a draft may be saved while a number is typed).
  static func read(_ path: String) -> Result<AnswerSheet, DraftProblem> {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      return .failure(DraftProblem("it is missing", isCorrupt: false))
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      return .failure(DraftProblem("it is not a regular file"))
    }
    guard info.st_uid == geteuid() else {
      return .failure(DraftProblem("it belongs to another user"))
    }
    let bytes: [UInt8]
    do {
      bytes = try InputFile.read(path)
    } catch {
      // Cannot open or read it now (66): the system's problem; too large (65): the draft's.
      return .failure(
        DraftProblem(error.message, isCorrupt: error.status != ExitStatus.noInput))
    }
    do {
      return .success(
        try AnswersInput.sheet(
          from: bytes, name: "draft", lenient: true, checksFuture: false))
    } catch {
      return .failure(DraftProblem(error.message))
    }
  }

  /// Why a draft could not be read.
  struct DraftProblem: Error {
    let message: String
    /// Whether the draft itself is bad (its content, or not a regular file of this user), as
    /// opposed to the system failing to open or read it now (EMFILE, ENOMEM, EIO...).
    let isCorrupt: Bool
    init(_ message: String, isCorrupt: Bool = true) {
      self.message = message
      self.isCorrupt = isCorrupt
    }
  }

  // MARK: Changes

  /// Saves `sheet` as the draft of its consultation (atomic replace, 0600). The caller holds
  /// the consultation's lock.
  public func save(_ sheet: AnswerSheet) throws(CLIFailure) {
    guard let id = sheet.consultationID else {
      throw CLIFailure("the assessment has no consultation identifier", status: ExitStatus.ioError)
    }
    try AtomicFile.write(Array(AnswersCodec.encode(sheet).utf8), to: path(for: id), replace: true)
  }

  /// Moves the draft of `id` to the trash (the caller holds its lock); returns the trash path,
  /// or nil when there was no draft. Its time is set to now: the retention counts from here.
  @discardableResult
  public func trash(_ id: String) throws(CLIFailure) -> String? {
    let file = path(for: id)
    guard AtomicFile.exists(file) else { return nil }
    try AppDirectories.ensure(trashFolder)
    guard
      let moved = DraftStore.moveAside(
        file, stem: "\(trashFolder)/\(id)-\(SystemClock.fileStamp())")
    else {
      AuditLog.record(
        "draft-discard", outcome: .failed("failed: " + AtomicFile.reason(errno)),
        consultation: id, clinician: nil, target: "draft " + file)
      throw CLIFailure(
        "\(file): cannot move the draft to the trash: \(AtomicFile.reason(errno))",
        status: ExitStatus.cannotCreate)
    }
    utimensat(AT_FDCWD, moved, nil, 0)
    AtomicFile.syncFolder(draftsFolder)
    AtomicFile.syncFolder(trashFolder)
    AuditLog.record(
      "draft-discard", outcome: .ok("moved to the trash"), consultation: id, clinician: nil,
      target: "trash " + moved)
    return moved
  }

  /// A discarded draft in the trash.
  public struct TrashEntry: Sendable {
    public let path: String
    /// When it was discarded, seconds since the epoch.
    public let discarded: Int
  }

  /// The discarded drafts, oldest first.
  public func trashEntries() -> [TrashEntry] {
    DraftStore.names(in: trashFolder).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
      .compactMap { name in
        let file = "\(trashFolder)/\(name)"
        var info = stat()
        guard lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return TrashEntry(path: file, discarded: Int(info.st_mtim.tv_sec))
      }
      .sorted { $0.discarded < $1.discarded }
  }

  /// Deletes discarded drafts older than `days` days (0: all of them); returns how many, or
  /// nil when the trash is not a real folder of this user (a symbolic link is never followed:
  /// the folder is opened with `O_NOFOLLOW` and every file is judged and removed relative to
  /// it, so nothing outside the trash can be deleted).
  @discardableResult
  public func purgeTrash(olderThanDays days: Int, now: Int = Int(time(nil))) -> Int? {
    purgeTrash(olderThanSeconds: days * 86_400, now: now)
  }

  /// Deletes discarded drafts older than `seconds`; as ``purgeTrash(olderThanDays:now:)``.
  @discardableResult
  public func purgeTrash(olderThanSeconds seconds: Int, now: Int = Int(time(nil))) -> Int? {
    DraftStore.removeFiles(
      in: trashFolder, olderThanSeconds: seconds, now: now,
      audited: ("trash", DraftStore.kept(seconds))
    ) {
      $0.hasSuffix(".json")
    }
  }

  /// Shared terminal: deletes the drafts saved more than `seconds` ago that no session holds
  /// (they are gone, not moved to the trash); returns how many, or nil when the drafts folder is
  /// not a real folder of this user.
  @discardableResult
  public func expireDrafts(olderThanSeconds seconds: Int, now: Int = Int(time(nil))) -> Int? {
    DraftStore.removeFiles(
      in: draftsFolder, olderThanSeconds: seconds, now: now,
      audited: ("draft", "shared terminal, " + DraftStore.kept(seconds))
    ) { name in
      let id = String(name.dropLast(5))
      return name.hasSuffix(".json") && AnswerSheet.isUUID(id)
        && !FileLock.isHeldElsewhere(lockPath(for: id))
    }
  }

  /// How long deleted files were kept, in words: "kept 30 days", "kept 12 hours".
  static func kept(_ seconds: Int) -> String {
    let (count, unit) = seconds % 86_400 == 0 ? (seconds / 86_400, "day") : (seconds / 3600, "hour")
    return "kept \(count) \(unit)\(count == 1 ? "" : "s")"
  }

  /// Deletes the regular files of this user in `folder` (never followed through a symbolic
  /// link; hidden names are never touched) last changed at least `seconds` before `now` and
  /// whose name `chosen` accepts; returns how many, or nil when the folder cannot be opened or,
  /// unless `sharedFolder`, is not this user's. With `audited` (what the files are, how long
  /// they were kept), every file deleted or not deletable is one `purge` record of the audit
  /// trail (the consultation id when the name starts with it).
  static func removeFiles(
    in folder: String, olderThanSeconds seconds: Int, now: Int, sharedFolder: Bool = false,
    audited: (kind: String, kept: String)? = nil, chosen: (String) -> Bool
  ) -> Int? {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return errno == ENOENT ? 0 : nil }
    defer { close(descriptor) }
    var folderInfo = stat()
    guard fstat(descriptor, &folderInfo) == 0, sharedFolder || folderInfo.st_uid == geteuid()
    else { return nil }
    let listing = dup(descriptor)
    guard listing >= 0, let directory = fdopendir(listing) else {
      if listing >= 0 { close(listing) }
      return nil
    }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if !name.hasPrefix(".") { names.append(name) }
    }
    closedir(directory)
    var purged = 0
    for name in names where chosen(name) {
      var info = stat()
      guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0,
        (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid(),
        now - Int(info.st_mtim.tv_sec) >= seconds
      else { continue }
      let removed = unlinkat(descriptor, name, 0) == 0
      let failure = removed ? 0 : errno
      if removed { purged += 1 }
      if let audited {
        let id = String(name.prefix(36))
        AuditLog.record(
          "purge",
          outcome: removed ? .ok("deleted") : .failed("failed: " + AtomicFile.reason(failure)),
          consultation: AnswerSheet.isUUID(id) ? id : nil, clinician: nil,
          target: "\(audited.kind) \(folder)/\(name) (\(audited.kept))")
      }
    }
    if purged > 0 { fsync(descriptor) }
    return purged
  }

  /// Moves `path` to `stem.json` (or `stem-2.json`, ...), never replacing a file kept earlier;
  /// returns the new path, or nil when it could not be moved (the file then stays where it is).
  public static func moveAside(_ path: String, stem: String) -> String? {
    for attempt in 1...100 {
      let candidate = attempt == 1 ? "\(stem).json" : "\(stem)-\(attempt).json"
      if link(path, candidate) == 0 {
        unlink(path)
        return candidate
      }
      if errno != EEXIST { return nil }
    }
    return nil
  }

  /// The names in `folder` (without `.` and `..`), or none.
  static func names(in folder: String) -> [String] {
    guard let directory = opendir(folder) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// The retention period from the environment (`SPINE_TRIAGE_RETENTION_DAYS`, a whole number
  /// of days from 0 to 3650), else the default; a bad value is reported and the default used.
  public static func retentionDays(environment: [String: String]) -> (days: Int, problem: String?) {
    guard let text = environment["SPINE_TRIAGE_RETENTION_DAYS"], !text.isEmpty else {
      return (defaultRetentionDays, nil)
    }
    guard let days = Int(text), (0...3650).contains(days) else {
      return (
        defaultRetentionDays,
        "SPINE_TRIAGE_RETENTION_DAYS must be a whole number of days from 0 to 3650; using \(defaultRetentionDays)"
      )
    }
    return (days, nil)
  }
}
