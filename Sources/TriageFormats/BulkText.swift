import TriageEngine

/// The words every human-facing output uses for answers given in bulk ("No to the rest"): the
/// Summary screen, the text and HTML summaries and the FHIR response.
public enum BulkText {
  /// The heading of the bulk section.
  public static let heading = "Answered No in bulk (\"No to the rest\", confirmed by the clinician)"

  /// A heading and one sentence per record; empty when nothing was answered in bulk.
  public static func lines(_ bulk: [BulkAnswer]) -> [String] {
    guard !bulk.isEmpty else { return [] }
    return ["", heading.uppercased()] + bulk.map(sentence)
  }

  /// One record in words: screen, how many, when, and which.
  public static func sentence(_ record: BulkAnswer) -> String {
    let count = record.findings.count
    return
      "\(record.screen.title): \(count) answer\(count == 1 ? "" : "s") No at \(time(record.at)): "
      + record.findings.map { label($0) }.joined(separator: "; ") + "."
  }

  /// The short wording of a finding for lists (its label, at most 40 characters).
  public static func label(_ finding: Finding) -> String { finding.question.label }

  /// `2026-11-29T17:20:05+01:00` as `2026-11-29 17:20 +01:00`.
  public static func time(_ stamp: String) -> String {
    guard BulkAnswer.isTimestamp(stamp) else { return stamp }
    let characters = Array(stamp)
    let date = String(characters[0..<10])
    let clock = String(characters[11..<16])
    var offset = String(characters[19...])
    if let dot = offset.firstIndex(of: "."), dot == offset.startIndex {
      offset = String(offset.drop { $0 == "." || $0.isNumber })
    }
    return "\(date) \(clock) \(offset == "Z" ? "UTC" : offset)"
  }
}
