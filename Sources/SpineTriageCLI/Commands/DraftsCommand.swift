import ArgumentParser
import TriageEngine
import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// `spine-triage drafts`: lists, shows, discards and purges the saved drafts.
struct DraftsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drafts",
    abstract: "List the saved drafts (one per consultation); show, discard or purge them.",
    discussion: """
      Drafts live in the state folder ($XDG_STATE_HOME/spine-triage, else \
      ~/.local/state/spine-triage). A draft open in another session is listed as in use and never \
      read or changed. Discarded drafts go to the trash and are purged after draft_retention_days \
      (configuration, or SPINE_TRIAGE_RETENTION_DAYS; default 7; see spine-triage config).
      """,
    subcommands: [List.self, Show.self, Discard.self, Purge.self],
    defaultSubcommand: List.self)

  /// A path (from the environment) safe to print: control characters escaped.
  static func shown(_ path: String) -> String { AnswersError.printable(path, limit: 4096) }

  /// The settings of the drafts commands (the configuration and the environment).
  static func settings() throws(CLIFailure) -> Settings {
    try SettingsLoader.load(environment: SettingsLoader.processEnvironment())
  }

  /// Opens the store (checks the folders; nothing is created by listing).
  static func store() throws(CLIFailure) -> DraftStore {
    let directories = AppDirectories.current()
    let folder = try directories.stateFolder()
    let settings = try settings()
    let store = DraftStore(folder: folder, retentionDays: settings.draftRetentionDays)
    for existing in [folder, store.draftsFolder, store.trashFolder]
    where AtomicFile.exists(existing) {
      try FolderPolicy.check(existing, for: .keptPrivate)
    }
    return store
  }

  /// The draft named by `id` (a full consultation identifier, or its first characters when
  /// they name one draft).
  static func resolve(_ id: String, in store: DraftStore) throws(CLIFailure) -> String {
    let ids = DraftStore.names(in: store.draftsFolder).filter { $0.hasSuffix(".json") }
      .map { String($0.dropLast(5)) }.filter { AnswerSheet.isUUID($0) }
    return try ConsultationPrefix.resolve(
      id, among: ids, what: "draft", plural: "drafts", listedBy: "drafts")
  }

  /// `spine-triage drafts list` (the default).
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List the drafts, newest first, and the trash.")

    func run() throws {
      do {
        let store = try DraftsCommand.store()
        // Shared terminal: no patient identifier in the list (drafts show ID names it).
        let hidesPatients = try DraftsCommand.settings().sharedTerminal
        // Read-only: nothing is created, locked, moved or changed.
        var locks: [String: FileLock] = [:]
        var notices: [String] = []
        let entries =
          AtomicFile.exists(store.draftsFolder)
          ? store.list(holding: &locks, notices: &notices, readOnly: true) : []
        var out = "Drafts in \(DraftsCommand.shown(store.draftsFolder)):\n"
        if entries.isEmpty { out += "  none\n" }
        for entry in entries {
          let time = String(entry.savedAt.prefix(16).map { $0 == "T" ? " " : $0 })
          guard let sheet = entry.sheet else {
            let why =
              switch entry.state {
              case .inUse: "in use in another session"
              case .unreadable: "unreadable (left in place)"
              default: "could not be opened now"
              }
            out += "  \(entry.id)  \(time)  \(why)\n"
            continue
          }
          // Who (identifier, age, sex), the complaint, and the decision with its status in the
          // words every list uses.
          out +=
            "  \(entry.id)  \(time)  \(sheet.answers.answeredCount) answers  \(DecisionText.draftRow(sheet, hidesPatient: hidesPatients))\n"
        }
        for notice in notices { out += "Note: \(AnswersError.printable(notice, limit: 300))\n" }
        let trash = store.trashEntries()
        out +=
          "Trash: \(trash.count) discarded draft\(trash.count == 1 ? "" : "s"), purged after \(store.retentionDays) days (spine-triage drafts purge).\n"
        try StandardStreams.writeOutputOrFail(out)
      } catch let failure as CLIFailure {
        throw failure.exit()
      }
    }
  }

  /// `spine-triage drafts show ID`.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Print a draft: its identifiers, answers file and recommendation.")

    @Argument(help: "The consultation identifier (or its first characters).")
    var id: String

    func run() throws {
      do {
        let store = try DraftsCommand.store()
        let id = try DraftsCommand.resolve(id, in: store)
        guard case .acquired(let lock) = FileLock.tryAcquire(store.lockPath(for: id)) else {
          throw CLIFailure(
            "draft \(id) is open in another session; it is not shown",
            status: ExitStatus.cannotCreate)
        }
        defer { lock.release() }
        let sheet: AnswerSheet
        switch DraftStore.read(store.path(for: id)) {
        case .success(let read): sheet = read
        case .failure(let problem):
          throw CLIFailure("draft \(id): \(problem.message)", status: ExitStatus.dataError)
        }
        var out = "Draft \(id) (\(DraftsCommand.shown(store.path(for: id))))\n"
        out += "Patient: \(sheet.patientID.map { AnswersError.printable($0) } ?? "not recorded")\n"
        out +=
          "Clinician: \(sheet.clinician.map { AnswersError.printable($0) } ?? "not recorded")\n"
        out += "Answers: \(sheet.answers.answeredCount)\n\n"
        out += TextReport.string(
          TriageEngine.evaluate(sheet.answers), answers: sheet.answers, clock: sheet.urgencyClock,
          now: SystemClock.iso8601(), times: .assessedAndPrinted(sheet.assessedAt))
        try StandardStreams.writeOutputOrFail(out)
      } catch let failure as CLIFailure {
        throw failure.exit()
      }
    }
  }

  /// `spine-triage drafts discard ID`.
  struct Discard: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "discard", abstract: "Move a draft to the trash (purged after the retention).")

    @Argument(help: "The consultation identifier (or its first characters).")
    var id: String

    func run() throws {
      do {
        let store = try DraftsCommand.store()
        let id = try DraftsCommand.resolve(id, in: store)
        guard case .acquired(let lock) = FileLock.tryAcquire(store.lockPath(for: id)) else {
          throw CLIFailure(
            "draft \(id) is open in another session; not discarded",
            status: ExitStatus.cannotCreate)
        }
        let moved = try store.trash(id)
        lock.removeAndRelease()
        try StandardStreams.writeOutputOrFail(
          "Moved to the trash: \(DraftsCommand.shown(moved ?? id)) (purged after \(store.retentionDays) days)\n"
        )
      } catch let failure as CLIFailure {
        throw failure.exit()
      }
    }
  }

  /// `spine-triage drafts purge [--older-than DAYS]`.
  struct Purge: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "purge",
      abstract: "Delete discarded drafts from the trash (by default those past the retention).")

    @Option(
      name: .customLong("older-than"),
      help: "Delete those discarded at least this many days ago (0: all of them).")
    var olderThan: Int?

    func validate() throws {
      if let olderThan, !(0...3650).contains(olderThan) {
        throw ValidationError("--older-than takes a number of days from 0 to 3650.")
      }
    }

    func run() throws {
      do {
        let store = try DraftsCommand.store()
        let settings = try DraftsCommand.settings()
        // Shared terminal: what is older than the retention goes first, as at every start.
        let folder = settings.exportFolder ?? (try? AppDirectories.current().exportFolder())
        let expired = SharedTerminal.expire(settings, drafts: store, exportFolder: folder)
        if let notice = expired.notice(hours: settings.sharedRetentionHours) {
          try StandardStreams.writeOutputOrFail(notice + "\n")
        }
        let days = olderThan ?? store.retentionDays
        guard let purged = store.purgeTrash(olderThanDays: days) else {
          throw CLIFailure(
            "\(store.trashFolder): not a folder of yours (a symbolic link is never followed);"
              + " nothing purged", status: ExitStatus.cannotCreate)
        }
        let left = store.trashEntries().count
        try StandardStreams.writeOutputOrFail(
          "Purged \(purged) discarded draft\(purged == 1 ? "" : "s") (discarded \(days) or more days ago); \(left) left in the trash.\n"
        )
      } catch let failure as CLIFailure {
        throw failure.exit()
      }
    }
  }
}
