import Foundation
import Testing

/// Issue 18 (records) through the real binary: `--plain` as an equal way in (running line,
/// critical marks, bulk lists, who and export after q, one warning when drafts cannot be
/// saved); drafts that resume where the clinician stopped; Ctrl-N for the next patient; an
/// overdue deadline in `evaluate --format text` and the printed summary.
@Suite("The record tells the truth (end to end)", .serialized)
struct RecordTruthEndToEndTests {
  static func draftText(_ state: URL) throws -> [String] {
    try Hardening.draftFiles(state.path).map { try String(contentsOfFile: $0, encoding: .utf8) }
  }

  @Test("--plain: a Now: line after each answer, ! on critical questions, bulk No listed first")
  func plainRunningLine() throws {
    let folder = try TemporaryFolder()
    // Age, sex, weeks, care; low back pain yes; N (lists the rest of Patient) y; night pain
    // no; then q at progressive weakness; the patient identifier, the clinician, and a text
    // export.
    let input = "45\nf\n1\n0\ny\nN\ny\nn\nq\nMRN-18\nDr B. Ilic\nt\n\n"
    let result = try Hardening.run(["--plain"], stdin: .pipe(Array(input.utf8)), home: folder)
    #expect(result.status == 0, "\(result)")
    let out = result.stdout
    // The running line after an answer, with the status first.
    #expect(out.contains("   Now: INCOMPLETE: no decision yet.\n"), "\(out)")
    #expect(out.contains("   Now: PROVISIONAL, "), "\(out)")
    #expect(out.contains("missing: NO IMAGING NOW so far"), "\(out)")
    // Once there is a complaint, the red flags that could change it are marked.
    #expect(out.contains(". ! Progressive weakness of one or more limbs?"), "\(out)")
    // N lists the items before asking.
    let list = try #require(out.range(of: "left in Patient:\n"))
    let ask = try #require(out.range(of: "? [y to confirm]: "))
    #expect(list.upperBound < ask.lowerBound)
    #expect(out[list.upperBound..<ask.lowerBound].contains("     - Neck pain\n"), "\(out)")
    // After q: who, and an export.
    #expect(out.contains("Stopped; the recommendation for the answers so far"))
    #expect(out.contains("Patient identifier (optional"), "\(out)")
    #expect(out.contains("Saved text summary: "), "\(out)")
    let draft = try #require(try Self.draftText(folder.url.appendingPathComponent("state")).first)
    #expect(draft.contains("\"patient_id\": \"MRN-18\""), "\(draft)")
    #expect(draft.contains("\"assessed_at\": \"20"), "\(draft)")
    #expect(draft.contains("\"last_item\": "), "\(draft)")
    // The export prints the assessment time apart from the print time.
    let exports = folder.url.appendingPathComponent("exports")
    let file = try #require(
      try FileManager.default.contentsOfDirectory(atPath: exports.path).first {
        $0.hasSuffix(".txt")
      })
    let summary = try String(contentsOf: exports.appendingPathComponent(file), encoding: .utf8)
    #expect(summary.contains("Assessed:       20"), "\(summary)")
    #expect(summary.contains("(answers last changed)"))
    #expect(summary.contains("Printed:        20"))
    #expect(summary.contains("MRN-18, 45 years, female"))
  }

  @Test("--plain warns once when drafts cannot be saved, and still works")
  func plainWarnsOnce() throws {
    let folder = try TemporaryFolder()
    // A file where the state folder should be: no drafts can be saved.
    let blocker = folder.url.appendingPathComponent("blocked")
    try Data("x".utf8).write(to: blocker)
    let result = try Hardening.run(
      ["--plain"], stdin: .pipe(Array("45\nf\n1\n0\ny\nn\nq\n".utf8)),
      set: ["XDG_STATE_HOME": blocker.path + "/state"], home: folder)
    #expect(result.status == 0, "\(result)")
    let warnings =
      result.stdout.components(separatedBy: "Warning: drafts cannot be saved").count - 1
    #expect(warnings == 1, "\(result.stdout)")
    #expect(result.stdout.contains("export the summary before you quit"))
    #expect(result.stdout.contains("RECOMMENDATION"))
    #expect(!result.stderr.contains("45"), "patient data on stderr")
  }

  /// An emergency reached yesterday: every output says OVERDUE with the date, never "by 11:11".
  @Test("an overdue deadline in evaluate --format text and the printed text summary")
  func overdueOutputs() throws {
    let folder = try TemporaryFolder()
    let answers = folder.url.appendingPathComponent("ces.json")
    // Reached two days ago (UTC): overdue whatever the time of the test.
    let reached = Date().addingTimeInterval(-2 * 86_400)
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    let at = formatter.string(from: reached)
    try Data(
      #"{"age": 45, "sex": "female", "urgency_reached": {"urgency": "emergency", "at": "\#(at)"}, "assessed_at": "\#(at)", "findings": {"pain_low_back": "yes", "saddle_anesthesia": "yes"}}"#
        .utf8
    ).write(to: answers)
    let text = try Hardening.run(["evaluate", "--format", "text", answers.path], home: folder)
    #expect(text.status == 0, "\(text)")
    #expect(text.stdout.contains("Deadline:       OVERDUE: MRI was due by "), "\(text.stdout)")
    #expect(text.stdout.contains("Assessed:       "), "\(text.stdout)")
    #expect(text.stdout.contains("Printed:        "), "\(text.stdout)")
    let out = folder.url.appendingPathComponent("ces.txt").path
    let export = try Hardening.run(
      ["export", "--answers", answers.path, "--format", "text", "-o", out], home: folder)
    #expect(export.status == 0, "\(export)")
    let summary = try String(contentsOfFile: out, encoding: .utf8)
    #expect(summary.contains("DECISION:       EMERGENCY (OVERDUE since "), "\(summary)")
    #expect(summary.contains("OVERDUE: MRI was due by"))
  }

  /// A recorded time in the future, or one without its offset, is bad data: exit 65, one line
  /// that names the key, nothing on standard output, no patient data on standard error.
  @Test(
    "urgency_reached or assessed_at in the future, or without an offset: exit 65",
    arguments: [
      (#""urgency_reached": {"urgency": "emergency", "at": "FUTURE"}"#, "urgency_reached.at"),
      (#""assessed_at": "FUTURE""#, "assessed_at"),
      (#""urgency_reached": {"urgency": "emergency", "at": "2026-11-29T17:21:00"}"#,
        "urgency_reached.at"),
      (#""urgency_reached": {"urgency": "emergency", "at": "2026-11-29T17:21"}"#,
        "urgency_reached.at"),
    ])
  func futureOrOffsetlessTimes(member: String, key: String) throws {
    let folder = try TemporaryFolder()
    let answers = folder.url.appendingPathComponent("bad.json")
    // Two days ahead (UTC): in the future whatever the time of the test.
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    let future = formatter.string(from: Date().addingTimeInterval(2 * 86_400))
    let json =
      #"{"age": 45, "sex": "female", "patient_id": "PAT-SECRET", "#
      + member.replacingOccurrences(of: "FUTURE", with: future)
      + #", "findings": {"pain_low_back": "yes", "saddle_anesthesia": "yes"}}"#
    try Data(json.utf8).write(to: answers)
    for arguments in [
      ["evaluate", "--format", "text", answers.path],
      ["export", "--answers", answers.path, "--format", "text", "-o",
        folder.url.appendingPathComponent("out.txt").path],
    ] {
      let result = try Hardening.run(arguments, home: folder)
      #expect(result.status == 65, "\(arguments): \(result)")
      #expect(result.stdout.isEmpty, "\(result.stdout)")
      let lines = result.stderr.split(separator: "\n")
      #expect(lines.count == 1, "\(result.stderr)")
      #expect(result.stderr.contains(key), "\(result.stderr)")
      #expect(!result.stderr.contains("PAT-SECRET"), "patient data on stderr")
    }
  }

  /// A draft whose last item was "Unexplained weight loss" resumes on it (the help line shows
  /// that item's help), and `drafts list` shows age, sex, complaint and the status words.
  @Test(
    "resume lands on the item touched last; the list rows say who and the status",
    .enabled(if: TmuxHarness.available))
  func resumeWhereStopped() throws {
    let tmux = try TmuxHarness(name: "resumelast")
    let drafts = tmux.stateFolder.appendingPathComponent("spine-triage/drafts")
    // A private state folder (0700): one that others can read is refused.
    try Hardening.createPrivate(drafts, levels: 2)
    let id = "cccccccc-3333-4333-8333-333333333333"
    try Data(
      #"{"age": 67, "sex": "male", "patient_id": "PAT-R1", "consultation_id": "\#(id)", "last_item": "weight_loss", "findings": {"pain_low_back": "yes", "night_pain": "no", "weight_loss": "no"}}"#
        .utf8
    ).write(to: drafts.appendingPathComponent("\(id).json"))
    try tmux.start()
    // The second row of the draft is drawn after the first: wait for it.
    let list = try tmux.waitFor("answers: PROVISIONAL, ")
    #expect(list.contains("PAT-R1, 67 years, male; Low back pain"), "\(list)")
    #expect(list.contains("5 answers: PROVISIONAL, "), "\(list)")
    #expect(!list.contains("(provisional)"))
    try tmux.send("r")
    let screen = try tmux.waitFor("Draft resumed")
    #expect(screen.contains("[2 History"), "\(screen)")
    #expect(screen.contains("A weak cancer factor"), "\(screen)")
    try tmux.send("q", "y")
    _ = try tmux.waitForExit()
  }

  /// Ctrl-N keeps this patient's draft and starts the next one in the same session: two drafts,
  /// two consultations, and nothing of the first patient (its urgency clock) in the second.
  @Test(
    "Ctrl-N saves this patient and starts the next without quitting",
    .enabled(if: TmuxHarness.available))
  func nextPatient() throws {
    let tmux = try TmuxHarness(name: "nextpatient")
    try tmux.start()
    try tmux.waitFor("1 Patient")
    // First patient: saddle numbness (an emergency) on Examination.
    try tmux.send("3", "y")
    try tmux.waitFor("EMERGENCY")
    try tmux.send("C-n")
    try tmux.waitFor("New assessment: the next patient")
    // Second patient: low back pain only.
    try tmux.send("1", "Down", "Down", "Down", "Down", "y")
    try tmux.waitFor("[Y] Low back pain")
    try tmux.send("q", "y")
    let (status, _) = try tmux.waitForExit()
    #expect(status == 0)
    let texts = try Self.draftText(tmux.stateFolder)
    #expect(texts.count == 2, "\(texts)")
    let first = texts.first { $0.contains("saddle_anesthesia") }
    let second = texts.first { $0.contains("pain_low_back") }
    #expect(first != nil && second != nil, "\(texts)")
    #expect(first?.contains("urgency_reached") == true)
    #expect(second?.contains("saddle_anesthesia") == false)
    #expect(second?.contains("urgency_reached") == false, "the first patient's clock carried over")
  }
}
