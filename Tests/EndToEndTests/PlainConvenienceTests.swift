import Foundation
import Testing

/// `--plain` with the conveniences of the screens: `?` explains, `b` goes back, `N` answers No to
/// the rest of the section (recorded as given in bulk), patient identifier and clinician, and an
/// export at the end.
@Suite("--plain conveniences")
struct PlainConvenienceTests {
  func run(_ input: String, folder: TemporaryFolder) throws -> Hardening.Result {
    try Hardening.run(["--plain"], stdin: .pipe(Array(input.utf8)), home: folder)
  }

  func draft(_ folder: TemporaryFolder) throws -> String {
    try String(
      contentsOfFile: try #require(
        Hardening.draftFiles(folder.url.appendingPathComponent("state").path).first),
      encoding: .utf8)
  }

  @Test func helpBackBulkIdentifiersAndExport() throws {
    let folder = try TemporaryFolder()
    // Age, sex, weeks, care; ? on low back pain, then yes; neck pain yes, b back to neck pain
    // and no; N y for the rest of Patient; N y on History, Examination and MRI safety; patient,
    // clinician; export text, then Enter.
    let input = "38\nf\n1\n0\n?\ny\ny\nb\nn\nN\ny\nN\ny\nN\ny\nN\ny\nMRN-77\nDr Ana Souza\nt\n\n"
    let result = try run(input, folder: folder)
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty, "\(result)")
    let out = result.stdout
    // ? explains the question and asks it again.
    #expect(out.contains("   Lumbar or lumbosacral pain"), "\(out)")
    #expect(out.components(separatedBy: "5. Low back pain?").count == 3)
    // b went back to neck pain, which then shows its answer.
    #expect(out.contains("6. Neck pain? (now: yes; Enter keeps it)"), "\(out)")
    // N names how many, and lists the items before it asks.
    #expect(out.contains("No to the 8 unanswered items left in Patient:\n"), "\(out)")
    #expect(out.contains("     - High-energy trauma\n"), "\(out)")
    #expect(out.contains("   Answer No to all 8? [y to confirm]: "), "\(out)")
    #expect(
      out.contains("MRI safety (each must have been asked):\n     - MR-conditional pacemaker"),
      "\(out)")
    #expect(out.contains("Recorded: No to 11 items, given in bulk."))
    #expect(out.contains("RECOMMENDATION  NO IMAGING NOW"))
    let draft = try draft(folder)
    #expect(draft.contains("\"pain_neck\": \"no\""), "\(draft)")
    #expect(draft.contains("\"patient_id\": \"MRN-77\""), "\(draft)")
    #expect(draft.contains("\"clinician\": \"Dr Ana Souza\""), "\(draft)")
    for screen in ["presentation", "history", "examination", "mri_safety"] {
      #expect(draft.contains("\"screen\": \"\(screen)\""), "no bulk record for \(screen)")
    }
    // Neck pain was answered one by one: never in a bulk record.
    #expect(!draft.contains("\"findings\": [\n        \"pain_neck\""))
    // The export says which answers were given in bulk.
    let exports = folder.url.appendingPathComponent("exports")
    let files = try FileManager.default.contentsOfDirectory(atPath: exports.path)
    let text = try #require(files.first { $0.hasSuffix(".txt") })
    let summary = try String(contentsOf: exports.appendingPathComponent(text), encoding: .utf8)
    #expect(summary.contains("ANSWERED NO IN BULK"), "\(summary)")
    #expect(summary.contains("MRN-77"))
    #expect(out.contains("Saved text summary: "))
  }

  /// N answers only what is unanswered, and any answer other than y cancels it.
  @Test func bulkCancelledAndNeverOverAnswers() throws {
    let folder = try TemporaryFolder()
    let input = "45\n\n2\n0\ny\nN\nn\ny\nN\ny\nq\n\n\n\n"
    let result = try run(input, folder: folder)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("Cancelled; nothing answered."))
    let draft = try draft(folder)
    // After the cancel, y answered neck pain yes; N then answered the rest of Patient.
    #expect(draft.contains("\"pain_neck\": \"yes\""), "\(draft)")
    #expect(draft.contains("\"pain_low_back\": \"yes\""), "\(draft)")
    #expect(draft.contains("\"pain_mid_back\": \"no\""), "\(draft)")
    #expect(draft.contains("\"bulk\""), "\(draft)")
  }
}
