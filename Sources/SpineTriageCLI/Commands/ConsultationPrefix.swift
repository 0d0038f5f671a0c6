import TriageFormats

/// A consultation named on the command line by its id or the id's first characters
/// (`drafts show`, `drafts discard`, `outbox discard`).
enum ConsultationPrefix {
  /// The one id of `ids` that starts with `given` (any case); exit 66 naming `what` ("draft",
  /// "outbox entry") when none or several do, or `given` is empty.
  static func resolve(
    _ given: String, among ids: [String], what: String, plural: String, listedBy command: String
  ) throws(CLIFailure) -> String {
    let wanted = given.lowercased()
    let matches = ids.filter { $0.hasPrefix(wanted) }
    guard !wanted.isEmpty, matches.count == 1, let match = matches.first else {
      throw CLIFailure(
        matches.isEmpty
          ? "no \(what) \(AnswersError.printable(given)) (spine-triage \(command) lists them)"
          : "\(AnswersError.printable(given)) names \(matches.count) \(plural); give more characters",
        status: ExitStatus.noInput)
    }
    return match
  }
}
