import TriageEngine

/// Answers given in bulk: the screen-wide "No to the rest" of the checklist screens, confirmed
/// by the clinician (the answers file's `bulk` list, README "The answers file").
///
/// The record keeps only the findings still answered that way: a finding answered again one by
/// one leaves the record, so every finding a record names is answered `no` in the sheet.
public struct BulkAnswer: Sendable, Hashable {
  /// The screen the answers were given on.
  public var screen: QuestionScreen
  /// The answer given (the checklist only offers "No to the rest").
  public var answer: Answer
  /// The findings answered, in catalogue order; never empty.
  public var findings: [Finding]
  /// When: ISO 8601 with seconds and an offset, for example `2026-11-29T17:20:00+00:00`.
  public var at: String

  /// Creates a record.
  public init(screen: QuestionScreen, answer: Answer = .no, findings: [Finding], at: String) {
    self.screen = screen
    self.answer = answer
    self.findings = findings
    self.at = at
  }

  /// Whether `text` is an ISO 8601 date and time with seconds and an offset (`Z` or `+hh:mm`),
  /// the form the program writes and FHIR accepts as a `dateTime` (``Timestamp``).
  public static func isTimestamp(_ text: String) -> Bool { Timestamp(iso: text) != nil }

}

extension AnswerSheet {
  /// Which findings were answered in bulk, and when: the record for `finding`, if any.
  public func bulkRecord(for finding: Finding) -> BulkAnswer? {
    bulk.first { $0.findings.contains(finding) }
  }

  /// Drops `finding` from the bulk records (it was answered again one by one); a record left
  /// with no finding is removed.
  public mutating func forgetBulk(_ finding: Finding) {
    guard bulk.contains(where: { $0.findings.contains(finding) }) else { return }
    for index in bulk.indices { bulk[index].findings.removeAll { $0 == finding } }
    bulk.removeAll { $0.findings.isEmpty }
  }
}
