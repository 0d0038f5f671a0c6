import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// One draft per consultation, each held with flock by the session that has it open,
/// through the real binary (tmux for the screens).
@Suite("Drafts: one per consultation, locked (end to end)", .serialized)
struct DraftSessionTests {
  static let idX = "aaaaaaaa-1111-4111-8111-111111111111"
  static let idY = "bbbbbbbb-2222-4222-8222-222222222222"

  static func draft(_ id: String, patient: String) -> String {
    #"{"age": 61, "patient_id": "\#(patient)", "consultation_id": "\#(id)", "findings": {"pain_low_back": "yes", "saddle_anesthesia": "yes"}}"#
  }

  /// Plants a draft of consultation `id` in the state folder `state`.
  static func plant(_ id: String, patient: String, in state: URL) throws -> URL {
    let folder = state.appendingPathComponent("spine-triage/drafts")
    try Hardening.createPrivate(folder, levels: 2)
    let file = folder.appendingPathComponent("\(id).json")
    try Data(draft(id, patient: patient).utf8).write(to: file)
    return file
  }

  static func contains(_ file: URL, _ texts: [String]) -> Bool {
    guard let text = try? String(contentsOf: file, encoding: .utf8) else { return false }
    return texts.allSatisfy { text.contains($0) }
  }

  /// A signal (SIGTERM, SIGHUP, or the terminal closing) while the draft list is on screen
  /// never wipes a draft: the offered draft is never written.
  @Test(
    "a signal while the draft list is shown leaves every draft as it was",
    .enabled(if: TmuxHarness.available), arguments: ["TERM", "HUP", "closed terminal"])
  func signalInTheOffer(_ how: String) throws {
    let tmux = try TmuxHarness(name: "offersig")
    let file = try Self.plant(Self.idX, patient: "PAT-X1", in: tmux.stateFolder)
    let before = try Data(contentsOf: file)
    try tmux.start()
    try tmux.waitFor("PAT-X1, 61 years")
    switch how {
    case "TERM": kill(try tmux.pid(), SIGTERM)
    case "HUP": kill(try tmux.pid(), SIGHUP)
    default: _ = try? tmux.tmux(["kill-server"])
    }
    if how != "closed terminal" {
      let (status, stty) = try tmux.waitForExit()
      #expect(status == 128 + Int(how == "TERM" ? SIGTERM : SIGHUP))
      #expect(terminalRestored(stty))
    } else {
      Thread.sleep(forTimeInterval: 1)
    }
    #expect(try Data(contentsOf: file) == before, "the offered draft was written")
    #expect(Hardening.draftFiles(tmux.stateFolder.path).count == 1, "no new empty draft")
    // Offered again on the next start.
    try tmux.restartServer()
    try tmux.start()
    try tmux.waitFor("PAT-X1, 61 years")
    try tmux.send("q")
    _ = try tmux.waitForExit()
  }

  /// Two sessions on one state folder: the first resumes draft X; the second is not offered X
  /// (it is in use), never shows its patient, and keeps its own draft. Both drafts survive.
  @Test(
    "two instances on one state folder: both drafts survive, neither sees the other's patient",
    .enabled(if: TmuxHarness.available))
  func twoInstances() throws {
    let first = try TmuxHarness(name: "twoA")
    let second = try TmuxHarness(name: "twoB")
    let shared = ["XDG_STATE_HOME": first.stateFolder.path]
    let fileX = try Self.plant(Self.idX, patient: "PAT-X2", in: first.stateFolder)
    try first.start()
    try first.waitFor("PAT-X2, 61 years")
    try first.send("r")
    try first.waitFor("Draft resumed")
    try first.send("Down", "Down", "Down", "Down", "Down", "y")  // neck pain: yes
    try first.waitFor("[Y] Neck pain")

    try second.start(environment: shared)
    let screen = try second.waitFor("open in another session")
    #expect(!screen.contains("PAT-X2"), "the second session sees the first one's patient")
    #expect(!screen.contains("r resume"), "a draft in use is offered")
    try second.send("Down", "Down", "Down", "Down", "y")  // low back pain: yes
    try second.waitFor("[Y] Low back pain")
    // The first session saves again while the second runs.
    try first.send("y")  // the focus moved on from neck pain
    try first.waitFor("[Y] Pain between the shoulder blades")
    kill(try first.pid(), SIGTERM)
    _ = try first.waitForExit()
    try second.send("q", "y")
    _ = try second.waitForExit()

    let drafts = Hardening.draftFiles(first.stateFolder.path)
    #expect(drafts.count == 2, "\(drafts)")
    #expect(
      Self.contains(
        fileX, ["PAT-X2", "\"pain_neck\": \"yes\"", "\"pain_mid_back\": \"yes\"", Self.idX]))
    let other = drafts.filter { !$0.contains(Self.idX) }
    #expect(other.count == 1)
    if let other = other.first {
      #expect(Self.contains(URL(fileURLWithPath: other), ["\"pain_low_back\": \"yes\""]))
      #expect(!Self.contains(URL(fileURLWithPath: other), ["PAT-X2"]))
    }
  }

  /// Discard from the list moves the draft to the trash; `n` starts a new assessment and keeps
  /// the draft; the version 0.1 `draft.json` is offered (migrated, never lost).
  @Test(
    "the legacy draft.json is offered; n keeps it, d moves it to the trash",
    .enabled(if: TmuxHarness.available))
  func legacyDraftAndDiscard() throws {
    let tmux = try TmuxHarness(name: "legacy")
    let folder = tmux.stateFolder.appendingPathComponent("spine-triage")
    try Hardening.createPrivate(folder)
    try Data(#"{"age": 50, "patient_id": "OLD-7", "findings": {"pain_neck": "yes"}}"#.utf8)
      .write(to: folder.appendingPathComponent("draft.json"))
    try tmux.start()
    try tmux.waitFor("OLD-7, 50 years")
    try tmux.send("n")
    try tmux.waitFor("New assessment")
    try tmux.send("q")
    _ = try tmux.waitForExit()
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("draft.json").path))
    let drafts = Hardening.draftFiles(tmux.stateFolder.path)
    #expect(drafts.count == 1 && Self.contains(URL(fileURLWithPath: drafts[0]), ["OLD-7"]))

    try tmux.restartServer()
    try tmux.start()
    try tmux.waitFor("OLD-7, 50 years")
    try tmux.send("d")
    try tmux.waitFor("trash")
    try tmux.send("q")
    _ = try tmux.waitForExit()
    #expect(Hardening.draftFiles(tmux.stateFolder.path).isEmpty)
    let trash = Hardening.entries(folder.appendingPathComponent("trash"))
    #expect(trash.count == 1, "\(trash)")
  }

  /// A regression: a FIFO as the draft gave a blank screen and a dead keyboard. Drafts are opened
  /// only when `lstat` says they are regular files of this user; a FIFO is set aside unopened.
  @Test(
    "a FIFO as the draft (legacy or per consultation): set aside, the screens start, q works",
    .enabled(if: TmuxHarness.available), arguments: ["legacy", "consultation"])
  func fifoDraft(_ kind: String) throws {
    let tmux = try TmuxHarness(name: "fifodraft")
    let folder = tmux.stateFolder.appendingPathComponent("spine-triage")
    let drafts = folder.appendingPathComponent("drafts")
    try Hardening.createPrivate(drafts, levels: 2)
    let path =
      kind == "legacy"
      ? folder.appendingPathComponent("draft.json").path
      : drafts.appendingPathComponent("\(Self.idX).json").path
    #expect(mkfifo(path, 0o600) == 0)
    try tmux.start()
    let screen = try tmux.waitFor("Draft unreadable", timeout: 5)
    #expect(screen.contains("INCOMPLETE"), "\(screen)")
    try tmux.send("q")
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 0)
    #expect(terminalRestored(stty))
    #expect(!FileManager.default.fileExists(atPath: path))
    let kept = Hardening.entries(folder).filter { $0.hasPrefix("draft.corrupt-") }
    #expect(kept.count == 1, "\(Hardening.entries(folder))")
  }

  /// `--plain` never overwrites another consultation's draft; orphaned temporary files go.
  @Test("--plain keeps other drafts and removes orphaned temporary files")
  func plainKeepsOtherDrafts() throws {
    let folder = try TemporaryFolder()
    let state = folder.url.appendingPathComponent("state")
    let fileX = try Self.plant(Self.idX, patient: "PAT-X3", in: state)
    let before = try Data(contentsOf: fileX)
    let drafts = state.appendingPathComponent("spine-triage/drafts")
    let orphan = drafts.appendingPathComponent(".\(Self.idY).json.999999.12345.tmp")
    try Data(Self.draft(Self.idY, patient: "PAT-Y").utf8).write(to: orphan)
    let result = try Hardening.run(
      ["--plain"], stdin: .pipe(Array("45\n\n8\n6\ny\nq\n".utf8)), home: folder)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("1 saved draft is kept"), "\(result)")
    #expect(!result.stdout.contains("PAT-X3"))
    #expect(try Data(contentsOf: fileX) == before)
    #expect(Hardening.draftFiles(state.path).count == 2)
    #expect(!FileManager.default.fileExists(atPath: orphan.path), "orphaned temporary file kept")
  }

  /// `--plain` at a terminal offers the drafts as numbered lines (patient, time, answers,
  /// recommendation); one held by another session is counted, never shown.
  @Test(
    "--plain at a terminal lists the drafts: resume one, discard one, or start new",
    .enabled(if: TmuxHarness.available))
  func plainOffer() throws {
    let tmux = try TmuxHarness(name: "plainoffer")
    let fileX = try Self.plant(Self.idX, patient: "PAT-X7", in: tmux.stateFolder)
    let fileY = try Self.plant(Self.idY, patient: "PAT-Y7", in: tmux.stateFolder)
    try tmux.start(arguments: ["--plain"], columns: 160)
    var screen = try tmux.waitFor("Resume which draft?")
    #expect(
      screen.contains("PAT-X7, 61 years, sex not recorded; Low back pain; saved"), "\(screen)")
    // The status first, in the words every list uses; never "EMERGENCY (provisional)".
    #expect(screen.contains("3 answers: PROVISIONAL, "), "\(screen)")
    #expect(screen.contains("missing: EMERGENCY so far"), "\(screen)")
    #expect(!screen.contains("(provisional)"), "\(screen)")
    // d2 discards the second; 1 resumes the first; then a first answer and q.
    let second = screen.contains("2. PAT-Y7") ? fileY : fileX
    let first = second == fileY ? fileX : fileY
    try tmux.send("d2", "Enter")
    try tmux.waitFor("moved to the trash")
    try tmux.send("1", "Enter")
    screen = try tmux.waitFor("Draft resumed: 3 answers.")
    // q shows the recommendation, then asks who (Enter keeps) and offers an export (Enter: none).
    try tmux.send("q", "Enter")
    try tmux.waitFor("Patient identifier (optional")
    try tmux.send("Enter")
    try tmux.waitFor("Clinician (optional")
    try tmux.send("Enter")
    try tmux.waitFor("Export the summary?")
    try tmux.send("Enter")
    let (status, _) = try tmux.waitForExit()
    #expect(status == 0)
    #expect(!FileManager.default.fileExists(atPath: second.path))
    #expect(FileManager.default.fileExists(atPath: first.path))
    #expect(Hardening.draftFiles(tmux.stateFolder.path) == [first.path])
  }

  /// `--plain --load` of a draft resumes its consultation: the same draft is updated, no copy.
  @Test("--plain --load of a draft continues that draft")
  func plainResumesADraft() throws {
    let folder = try TemporaryFolder()
    let state = folder.url.appendingPathComponent("state")
    let fileX = try Self.plant(Self.idX, patient: "PAT-X6", in: state)
    let result = try Hardening.run(
      ["--plain", "--load", fileX.path], stdin: .pipe(Array("\n\n\nn\ny\nq\n".utf8)),
      home: folder)
    #expect(result.status == 0, "\(result)")
    #expect(!result.stdout.contains("saved draft"), "\(result)")
    #expect(Hardening.draftFiles(state.path) == [fileX.path])
    #expect(
      Self.contains(fileX, ["PAT-X6", "\"pain_neck\": \"no\"", "\"pain_mid_back\": \"yes\""]))
  }

  /// `--load` of a consultation open in another session is refused (73); the draft is untouched.
  @Test("--load of a consultation held by another session: exit 73, nothing touched")
  func loadHeldConsultation() throws {
    let folder = try TemporaryFolder()
    let state = folder.url.appendingPathComponent("state")
    let fileX = try Self.plant(Self.idX, patient: "PAT-X4", in: state)
    let lockPath = state.appendingPathComponent("spine-triage/drafts/\(Self.idX).lock").path
    let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o600)
    #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
    defer { close(descriptor) }
    let copy = try folder.file("copy.json", Self.draft(Self.idX, patient: "PAT-X4"))
    let result = try Hardening.run(
      ["--plain", "--load", copy], stdin: .pipe(Array("q\n".utf8)), home: folder)
    Hardening.expectFailure(result, status: 73, mentioning: ["another session"])
    #expect(try Data(contentsOf: fileX) == Data(Self.draft(Self.idX, patient: "PAT-X4").utf8))

    // `drafts` lists it as in use without its patient, and will not show or discard it.
    let list = try Hardening.run(["drafts"], home: folder)
    #expect(list.status == 0, "\(list)")
    #expect(list.stdout.contains("\(Self.idX)"), "\(list)")
    #expect(list.stdout.contains("in use in another session"))
    #expect(!list.stdout.contains("PAT-X4"))
    Hardening.expectFailure(
      try Hardening.run(["drafts", "show", "aaaaaaaa"], home: folder), status: 73,
      mentioning: ["another session"])
    Hardening.expectFailure(
      try Hardening.run(["drafts", "discard", Self.idX], home: folder), status: 73,
      mentioning: ["another session"])
  }

  /// `drafts` lists, shows, discards and purges (`--older-than`), with the retention setting.
  @Test("spine-triage drafts: list, show, discard, purge --older-than, retention")
  func draftsCommand() throws {
    let folder = try TemporaryFolder()
    let state = folder.url.appendingPathComponent("state")
    _ = try Self.plant(Self.idX, patient: "PAT-X5", in: state)
    _ = try Self.plant(Self.idY, patient: "PAT-Y5", in: state)
    let list = try Hardening.run(["drafts"], home: folder)
    #expect(list.status == 0, "\(list)")
    #expect(list.stdout.contains("PAT-X5") && list.stdout.contains("PAT-Y5"))
    #expect(list.stdout.contains("3 answers  PAT-X5, "), "\(list)")
    #expect(list.stdout.contains(": EMERGENCY"), "\(list)")
    #expect(!list.stdout.contains("(provisional)"), "\(list)")
    let show = try Hardening.run(["drafts", "show", "aaaa"], home: folder)
    #expect(show.status == 0 && show.stdout.contains("Patient: PAT-X5"), "\(show)")
    #expect(show.stdout.contains("EMERGENCY"))
    let discard = try Hardening.run(["drafts", "discard", Self.idX], home: folder)
    #expect(discard.status == 0, "\(discard)")
    let trash = state.appendingPathComponent("spine-triage/trash")
    let trashed = Hardening.entries(trash)
    #expect(trashed.count == 1)
    // Discarded 3 days ago: kept by the default 7 days, purged by --older-than 2 and by a
    // retention of 2 days.
    let old = trash.appendingPathComponent(trashed[0]).path
    var times = [
      timespec(tv_sec: time(nil) - 3 * 86_400, tv_nsec: 0),
      timespec(tv_sec: time(nil) - 3 * 86_400, tv_nsec: 0),
    ]
    #expect(utimensat(AT_FDCWD, old, &times, 0) == 0)
    let keep = try Hardening.run(["drafts", "purge"], home: folder)
    #expect(keep.stdout.contains("Purged 0"), "\(keep)")
    let retention = try Hardening.run(
      ["drafts", "purge"], set: ["SPINE_TRIAGE_RETENTION_DAYS": "2"], home: folder)
    #expect(retention.stdout.contains("Purged 1"), "\(retention)")
    #expect(Hardening.entries(trash).isEmpty)
    let bad = try Hardening.run(["drafts", "purge", "--older-than", "-1"], home: folder)
    #expect(bad.status == 64, "\(bad)")
    #expect(Hardening.draftFiles(state.path).count == 1)
  }

  /// Folders: our own folder opened to others is refused and never changed (issue 20: the
  /// program sets the mode only of folders it creates); a folder of another user is refused
  /// with exit 73 before anything is read or written.
  @Test("a planted 0777 folder is refused and left alone; a folder of another user too (73)")
  func plantedFolders() throws {
    let folder = try TemporaryFolder()
    let state = folder.url.appendingPathComponent("state/spine-triage")
    let exports = folder.url.appendingPathComponent("exports")
    for made in [state, state.appendingPathComponent("drafts"), exports] {
      try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
      #expect(chmod(made.path, 0o777) == 0)
    }
    let plain = try Hardening.run(["--plain"], stdin: .pipe(Array("45\nq\n".utf8)), home: folder)
    Hardening.expectFailure(plain, status: 73, mentioning: [state.path, "open to other users"])
    #expect(Hardening.mode(state.path) == 0o777)
    let answers = try folder.file("answers.json", Hardening.goodAnswers)
    let export = try Hardening.run(
      ["export", "--answers", answers, "--format", "text"], home: folder)
    Hardening.expectFailure(export, status: 73, mentioning: [exports.path])
    #expect(Hardening.mode(exports.path) == 0o777)
    for made in [state, state.appendingPathComponent("drafts"), exports] {
      #expect(chmod(made.path, 0o700) == 0)
    }
    // A folder given with -o is the user's choice: refused when others can write into it, and
    // never changed; /tmp (shared, sticky) is refused and left alone.
    let given = folder.url.appendingPathComponent("given")
    try FileManager.default.createDirectory(at: given, withIntermediateDirectories: true)
    #expect(chmod(given.path, 0o777) == 0)
    Hardening.expectFailure(
      try Hardening.run(
        ["export", "--answers", answers, "--format", "text", "-o", given.path], home: folder),
      status: 73, mentioning: [given.path, "other users can write"])
    #expect(Hardening.mode(given.path) == 0o777)
    #expect(Hardening.entries(given).isEmpty)
    let tmpMode = Hardening.mode("/tmp")
    Hardening.expectFailure(
      try Hardening.run(
        ["export", "--answers", answers, "--format", "text", "-o", "/tmp"], home: folder),
      status: 73, mentioning: ["/tmp"])
    #expect(Hardening.mode("/tmp") == tmpMode)

    // Another user's folder (needs root to create).
    guard geteuid() == 0 else { return }
    for owned in [state, exports] { #expect(chown(owned.path, 65534, 65534) == 0) }
    Hardening.expectFailure(
      try Hardening.run(["--plain"], stdin: .pipe(Array("45\nq\n".utf8)), home: folder),
      status: 73, mentioning: ["another user", state.path])
    Hardening.expectFailure(
      try Hardening.run(["export", "--answers", answers, "--format", "text"], home: folder),
      status: 73, mentioning: ["another user", exports.path])
    Hardening.expectFailure(
      try Hardening.run(["drafts"], home: folder), status: 73, mentioning: ["another user"])
  }

  /// The screens refuse another user's state folder before curses starts.
  @Test(
    "the screens refuse a state folder of another user: exit 73, one line, terminal untouched",
    .enabled(if: TmuxHarness.available && geteuid() == 0))
  func screensRefuseForeignFolder() throws {
    let tmux = try TmuxHarness(name: "foreign")
    let state = tmux.stateFolder.appendingPathComponent("spine-triage")
    try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
    #expect(chown(state.path, 65534, 65534) == 0)
    try tmux.start(columns: 200)
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 73)
    #expect(terminalRestored(stty))
    #expect(try tmux.screen().contains("belongs to another user"))
  }
}
