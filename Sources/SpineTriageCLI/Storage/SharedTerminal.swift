#if canImport(Glibc)
  import Glibc
#endif

/// Shared-terminal mode's housekeeping (setting `shared_terminal`): on a terminal several
/// clinicians use, nothing about a patient is kept longer than `shared_retention_hours`. At
/// every start of the screens, `--plain` and `drafts`, the drafts no session holds, the
/// discarded drafts and this user's exports (`spine-triage-*.txt|html|json` in the export
/// folder) older than that are deleted. The outbox is never touched (``Outbox``): an
/// assessment waiting for the hospital's server is a record in transit; it stays, private,
/// until it is sent or discarded with `spine-triage outbox discard`.
enum SharedTerminal {
  /// What was deleted.
  struct Expired: Equatable {
    var drafts = 0
    var exports = 0

    /// One line for the status line or standard error (no patient data), or nil when nothing
    /// was deleted.
    func notice(hours: Int) -> String? {
      guard drafts + exports > 0 else { return nil }
      func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
      var parts: [String] = []
      if drafts > 0 { parts.append(count(drafts, "draft")) }
      if exports > 0 { parts.append(count(exports, "export")) }
      return "Shared terminal: \(parts.joined(separator: " and ")) older than \(hours) hours"
        + " deleted."
    }
  }

  /// The export files this program writes (``Exporter``): only these are ever expired.
  static func isExport(_ name: String) -> Bool {
    name.hasPrefix("spine-triage-")
      && (name.hasSuffix(".txt") || name.hasSuffix(".html") || name.hasSuffix(".json"))
  }

  /// Deletes what is older than the retention, when the mode is on.
  static func expire(
    _ settings: Settings, drafts: DraftStore?, exportFolder: String?, now: Int = Int(time(nil))
  ) -> Expired {
    guard settings.sharedTerminal else { return Expired() }
    let seconds = settings.sharedRetentionHours * 3600
    var expired = Expired()
    if let drafts {
      expired.drafts += drafts.expireDrafts(olderThanSeconds: seconds, now: now) ?? 0
      expired.drafts += drafts.purgeTrash(olderThanSeconds: seconds, now: now) ?? 0
    }
    if let exportFolder {
      expired.exports =
        DraftStore.removeFiles(
          in: exportFolder, olderThanSeconds: seconds, now: now,
          sharedFolder: settings.exportFolderIsGroupShared,
          audited: ("export", "shared terminal, " + DraftStore.kept(seconds)),
          chosen: isExport) ?? 0
    }
    return expired
  }
}
