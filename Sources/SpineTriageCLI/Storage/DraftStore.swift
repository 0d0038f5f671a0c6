import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// The autosaved draft: one answers file (the contract's format, so `--load` reads it too) in
/// the state folder, mode 0600, replaced atomically at every change.
public struct DraftStore: Sendable {
  /// The draft file.
  public let path: String
  /// The folder it lives in.
  public let folder: String

  /// A store in `folder`.
  public init(folder: String) {
    self.folder = folder
    path = folder + "/draft.json"
  }

  /// What was found on start.
  public enum Found {
    /// A readable draft, its modification time and how many answers it holds.
    case draft(AnswerSheet, savedAt: String, answers: Int)
    /// An unreadable draft, moved aside (never deleted) to this path.
    case corrupt(reason: String, keptAt: String)
  }

  /// Looks for a draft. A corrupt one is renamed aside and reported.
  public func find() -> Found? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    do {
      let bytes = try InputFile.read(path)
      let sheet = try AnswersInput.sheet(from: bytes, name: path, lenient: true)
      return .draft(
        sheet, savedAt: SystemClock.iso8601(info.st_mtim.tv_sec),
        answers: sheet.answers.answeredCount)
    } catch {
      guard
        let aside = DraftStore.moveAside(
          path, stem: folder + "/draft.corrupt-\(SystemClock.fileStamp())")
      else {
        return .corrupt(reason: error.message, keptAt: path)
      }
      return .corrupt(reason: error.message, keptAt: aside)
    }
  }

  /// Saves `sheet` (atomic replace, 0600).
  public func save(_ sheet: AnswerSheet) throws(CLIFailure) {
    try AppDirectories.ensure(folder)
    try AtomicFile.write(Array(AnswersCodec.encode(sheet).utf8), to: path, replace: true)
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

  /// Deletes the draft (after a finished, exported assessment, when the user agrees).
  public func discard() {
    unlink(path)
  }
}
