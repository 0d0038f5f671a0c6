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

  /// `d` records not done (unknown to the rules, said in the summary); `N` then `Y` (Caps Lock)
  /// cancels and answers nothing; the bulk list never includes an item that needs a test.
  @Test func notDoneAndCapsLock() throws {
    let folder = try TemporaryFolder()
    // Age 45, female, 2 weeks, 0 weeks; low back pain yes; N y on Patient; History: progressive
    // night pain not done, then N and Y (Caps Lock): cancelled; q; no names, no export.
    let input = "45\nf\n2\n0\ny\nN\ny\nd\nN\nY\nq\n\n\n\n"
    let result = try run(input, folder: folder)
    #expect(result.status == 0, "\(result)")
    let out = result.stdout
    #expect(out.contains("[y/n/d/Enter; ? b N q]"), "\(out)")
    #expect(out.contains("Cancelled; nothing answered (only a lower-case y confirms)."), "\(out)")
    #expect(
      out.contains(
        "Not included (need a measurement or a test; answer each one): Raised ESR, CRP or white"),
      "\(out)")
    #expect(!out.contains("     - Raised ESR"), "\(out)")
    #expect(out.contains("Not done:       Unrelenting night pain"), "\(out)")
    let draft = try draft(folder)
    #expect(draft.contains("\"night_pain\": \"not_done\""), "\(draft)")
    #expect(!draft.contains("\"screen\": \"history\""), "\(draft)")
  }

  @Test func helpBackBulkIdentifiersAndExport() throws {
    let folder = try TemporaryFolder()
    // Age, sex, weeks, care; ? on low back pain, then yes; neck pain yes, b back to neck pain
    // and no; N y for the rest of Patient; N y on History, Examination and MRI safety, each
    // followed by the items that need a measurement or a test, answered one by one (History:
    // ESR/CRP no, the two neck radiographs not done; Examination: bladder scan, temperature,
    // weight; MRI safety: eGFR); patient, clinician; export text, then Enter.
    let input =
      "38\nf\n1\n0\n?\ny\ny\nb\nn\nN\ny\nN\ny\nn\nd\nd\nN\ny\nn\nn\nn\nN\ny\nn\n"
      + "MRN-77\nDr Ana Souza\nt\n\n"
    let result = try run(input, folder: folder)
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty, "\(result)")
    let out = result.stdout
    // ? explains the question and asks it again.
    #expect(out.contains("   Lumbar or lumbosacral pain"), "\(out)")
    #expect(out.components(separatedBy: "5. ! Low back pain?").count == 3)
    // b went back to neck pain, which then shows its answer.
    #expect(out.contains("6. Neck pain? (now: yes; Enter keeps it)"), "\(out)")
    // N names how many, and lists the items before it asks.
    // (Rule set 3: the injury is asked, its mechanism only after an injury.)
    #expect(out.contains("No to the 7 unanswered items left in Patient:\n"), "\(out)")
    #expect(out.contains("     - Pain began after an injury\n"), "\(out)")
    #expect(!out.contains("     - High-energy trauma\n"), "\(out)")
    #expect(out.contains("   Answer No to all 7? [y to confirm]: "), "\(out)")
    #expect(
      out.contains("MRI safety (each must have been asked):\n     - MR-conditional pacemaker"),
      "\(out)")
    // No to the rest never answers an item that needs a measurement or a test.
    #expect(out.contains("Recorded: No to 10 items, given in bulk."), "\(out)")
    #expect(
      out.contains(
        "   Not included (need a measurement or a test; answer each one): eGFR below 30"),
      "\(out)")
    #expect(out.contains("RECOMMENDATION  NO IMAGING NOW"))
    let draft = try draft(folder)
    #expect(draft.contains("\"pain_neck\": \"no\""), "\(draft)")
    #expect(draft.contains("\"xray_opll\": \"not_done\""), "\(draft)")
    #expect(draft.contains("\"abnormal_labs\": \"no\""), "\(draft)")
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
    #expect(result.stdout.contains("Cancelled; nothing answered (only a lower-case y confirms)."))
    let draft = try draft(folder)
    // After the cancel, y answered neck pain yes; N then answered the rest of Patient.
    #expect(draft.contains("\"pain_neck\": \"yes\""), "\(draft)")
    #expect(draft.contains("\"pain_low_back\": \"yes\""), "\(draft)")
    #expect(draft.contains("\"pain_mid_back\": \"no\""), "\(draft)")
    #expect(draft.contains("\"bulk\""), "\(draft)")
  }
}
