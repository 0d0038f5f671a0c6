import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// One session's side of the drafts: it holds the lock of its own consultation (from the first
/// save, or from resuming or loading it) and the locks of the drafts it lists, so that no other
/// session can take them meanwhile. Used by the screens and by `--plain`.
final class DraftKeeper {
  /// The store, or nil when there is no state folder (HOME unset, cannot be created).
  private(set) var store: DraftStore?
  /// Why there is no store.
  private(set) var problem: String?
  /// The lock of the current consultation, once taken.
  private var lock: FileLock?
  private var lockedID: String?
  /// The locks of the drafts listed on start, until one is resumed or all are declined.
  private var offered: [String: FileLock] = [:]

  /// Opens the state folder of `directories`. A folder that belongs to another user is refused
  /// (exit 73); a folder that cannot be created leaves the session without drafts (`problem`).
  /// `retentionDays`, when given, comes from the settings (already validated). With
  /// `createFolder` false (the screens, before their first frame) a missing folder is not
  /// created: ``prepareAfterFirstFrame()`` creates it.
  static func open(
    _ directories: AppDirectories, retentionDays: Int? = nil, createFolder: Bool = true
  ) throws(CLIFailure) -> DraftKeeper {
    let retention =
      retentionDays.map { (days: $0, problem: String?.none) }
      ?? DraftStore.retentionDays(environment: directories.environment)
    let folder: String
    do {
      folder = try directories.stateFolder()
      if createFolder { try AppDirectories.create(folder) }
    } catch {
      return DraftKeeper(store: nil, problem: error.message)
    }
    if createFolder || AtomicFile.exists(folder) {
      try FolderPolicy.check(folder, for: .keptPrivate)
    }
    return DraftKeeper(
      store: DraftStore(folder: folder, retentionDays: retention.days), problem: nil,
      retentionProblem: retention.problem)
  }

  init(store: DraftStore?, problem: String?, retentionProblem: String? = nil) {
    self.store = store
    self.problem = problem
    self.retentionProblem = retentionProblem
  }

  /// A bad `SPINE_TRIAGE_RETENTION_DAYS`, reported at start.
  private let retentionProblem: String?

  deinit { finish() }

  /// The start-up housekeeping (folders, orphaned temporary files, the legacy draft, the
  /// trash); returns notices. A subfolder that belongs to another user is refused (exit 73).
  func prepare() throws(CLIFailure) -> [String] {
    guard let store else { return [] }
    var notices = retentionProblem.map { [$0] } ?? []
    do {
      notices += try store.prepare()
    } catch {
      if error.message.contains("another user") { throw error }
      notices.append("Drafts unavailable: \(error.message)")
    }
    return notices
  }

  /// Before the first frame of the screens: ``DraftStore/checkExisting()`` (nothing created);
  /// a subfolder of another user is refused (exit 73).
  func prepareExisting() throws(CLIFailure) -> [String] {
    guard let store else { return [] }
    var notices = retentionProblem.map { [$0] } ?? []
    do {
      notices += try store.checkExisting()
    } catch {
      if error.message.contains("another user") { throw error }
      notices.append("Drafts unavailable: \(error.message)")
    }
    return notices
  }

  /// After the first frame of the screens: creates the state folder and does the start-up
  /// housekeeping (``prepare()``); returns notices. A folder that cannot be created, or turns
  /// out to be another user's, leaves the session without drafts, as ``open(_:retentionDays:createFolder:)``
  /// would have.
  func prepareAfterFirstFrame() -> [String] {
    guard let store else { return [] }
    do {
      try AppDirectories.ensure(store.folder)
    } catch {
      self.store = nil
      problem = error.message
      return []
    }
    do {
      return try prepare().filter { $0 != retentionProblem }
    } catch {
      self.store = nil
      problem = error.message
      return ["Drafts unavailable: \(error.message)"]
    }
  }

  /// The drafts to offer, newest first, with those open in another session. Their locks are
  /// held until ``resume(_:)`` or ``decline()``. Drafts that hold nothing (no answer, no
  /// identifier) go to the trash instead of being offered.
  func listDrafts(notices: inout [String]) -> [DraftStore.Entry] {
    guard let store else { return [] }
    var entries = store.list(holding: &offered, notices: &notices)
    entries.removeAll { entry in
      guard let sheet = entry.sheet, DraftKeeper.isBlank(sheet) else { return false }
      _ = try? store.trash(entry.id)
      offered.removeValue(forKey: entry.id)?.removeAndRelease()
      return true
    }
    return entries
  }

  /// Whether `sheet` holds nothing worth keeping.
  static func isBlank(_ sheet: AnswerSheet) -> Bool {
    sheet.answers.isEmpty && sheet.patientID == nil && sheet.clinician == nil
  }

  /// Takes over the listed draft `id` and releases the other listed drafts.
  func resume(_ id: String) {
    lock?.release()
    lock = offered.removeValue(forKey: id)
    lockedID = lock == nil ? nil : id
    decline()
  }

  /// Moves the listed draft `id` to the trash; returns a message if that failed.
  func discardOffered(_ id: String) -> String? {
    guard let store, let held = offered.removeValue(forKey: id) else { return nil }
    do {
      try store.trash(id)
    } catch {
      offered[id] = held
      return "Draft not moved to the trash: \(error.message)"
    }
    held.removeAndRelease()
    return nil
  }

  /// Releases the listed drafts, untouched.
  func decline() {
    for (_, held) in offered { held.release() }
    offered = [:]
  }

  /// For `--load`: takes the consultation of the loaded `sheet`. Refused (exit 73) when another
  /// session has it open. If a draft of it exists and holds other answers, that draft goes to
  /// the trash (never lost) and a notice says so.
  func claimLoaded(_ sheet: AnswerSheet) throws(CLIFailure) -> String? {
    guard let store, let id = sheet.consultationID else { return nil }
    switch FileLock.tryAcquire(store.lockPath(for: id)) {
    case .busy:
      throw CLIFailure(
        "consultation \(id) is open in another session; finish it there first (or load a copy without its consultation_id)",
        status: ExitStatus.cannotCreate)
    case .failed(let reason):
      throw CLIFailure(
        "\(store.lockPath(for: id)): cannot lock the draft: \(reason)",
        status: ExitStatus.cannotCreate)
    case .acquired(let acquired):
      lock?.release()
      lock = acquired
      lockedID = id
    }
    guard case .success(let existing) = DraftStore.read(store.path(for: id)) else { return nil }
    var same = existing
    same.consultationID = id
    if same == sheet { return nil }
    guard (try? store.trash(id)) != nil else { return nil }
    return
      "The earlier draft of this consultation is in the trash (kept \(store.retentionDays) days)."
  }

  /// Saves `sheet` as its consultation's draft, taking the lock first. A new assessment that
  /// holds nothing yet is not written. Throws when it could not be saved.
  func save(_ sheet: AnswerSheet) throws(CLIFailure) {
    guard let store else {
      throw CLIFailure(problem ?? "no state folder", status: ExitStatus.cannotCreate)
    }
    guard let id = sheet.consultationID else { return }
    if lockedID != id {
      if DraftKeeper.isBlank(sheet) && !AtomicFile.exists(store.path(for: id)) { return }
      switch FileLock.tryAcquire(store.lockPath(for: id)) {
      case .acquired(let acquired):
        lock?.release()
        lock = acquired
        lockedID = id
      case .busy:
        throw CLIFailure(
          "the consultation is open in another session", status: ExitStatus.cannotCreate)
      case .failed(let reason):
        throw CLIFailure("cannot lock the draft: \(reason)", status: ExitStatus.cannotCreate)
      }
    }
    try store.save(sheet)
  }

  /// Moves the current consultation's draft to the trash (after an export, when asked).
  func discardCurrent() {
    guard let store, let id = lockedID else { return }
    _ = try? store.trash(id)
    lock?.removeAndRelease()
    lock = nil
    lockedID = nil
  }

  /// Releases every lock; the lock file of a consultation without a draft is removed.
  func finish() {
    decline()
    if let store, let id = lockedID, !AtomicFile.exists(store.path(for: id)) {
      lock?.removeAndRelease()
    } else {
      lock?.release()
    }
    lock = nil
    lockedID = nil
  }
}
