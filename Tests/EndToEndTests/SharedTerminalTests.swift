import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Shared-terminal mode (`shared_terminal`): drafts and exports expire after
/// `shared_retention_hours`, lists of drafts name no patient until one is chosen, and the
/// screens hide behind a privacy screen after `idle_minutes` without a key.
@Suite("Shared terminal", .serialized)
struct SharedTerminalTests {
  static let shared = ["SPINE_TRIAGE_SHARED_TERMINAL": "true"]

  /// Sets a file's modification time `hours` into the past.
  static func age(_ path: String, hours: Int) {
    var times = [
      timespec(tv_sec: time(nil) - hours * 3600, tv_nsec: 0),
      timespec(tv_sec: time(nil) - hours * 3600, tv_nsec: 0),
    ]
    #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
  }

  @Test func oldDraftsAndExportsExpireOthersStay() throws {
    let home = try TemporaryFolder()
    let state = home.url.appendingPathComponent("state")
    let old = try DraftSessionTests.plant(DraftSessionTests.idX, patient: "PAT-OLD", in: state)
    let recent = try DraftSessionTests.plant(
      DraftSessionTests.idY, patient: "PAT-NEW", in: state)
    Self.age(old.path, hours: 13)
    Self.age(recent.path, hours: 11)
    let exports = home.url.appendingPathComponent("exports")
    try Hardening.createPrivate(exports, levels: 1)
    var files: [String: Int] = [
      "spine-triage-20261201-0900-aaaa.txt": 13, "spine-triage-20261201-0900-aaaa.html": 20,
      "spine-triage-20261202-0800-bbbb.json": 2, "ward-list.txt": 100,
    ]
    for (name, hours) in files {
      let path = exports.appendingPathComponent(name).path
      #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
      Self.age(path, hours: hours)
    }

    // Not shared: nothing expires.
    let plain = try Hardening.run(["drafts", "purge"], home: home)
    #expect(plain.status == 0, "\(plain)")
    #expect(Hardening.draftFiles(state.path).count == 2)
    #expect(Hardening.entries(exports).count == 4)

    let purge = try Hardening.run(["drafts", "purge"], set: Self.shared, home: home)
    #expect(purge.status == 0, "\(purge)")
    #expect(
      purge.stdout.contains("Shared terminal: 1 draft and 2 exports older than 12 hours deleted."),
      "\(purge)")
    #expect(!FileManager.default.fileExists(atPath: old.path))
    #expect(FileManager.default.fileExists(atPath: recent.path))
    files = [:]
    #expect(
      Set(Hardening.entries(exports))
        == ["spine-triage-20261202-0800-bbbb.json", "ward-list.txt"],
      "only our own old exports go; another file in the folder is never touched")
    // A shorter retention, set for this run.
    let short = try Hardening.run(
      ["drafts", "purge"], set: Self.shared.merging(["SPINE_TRIAGE_SHARED_RETENTION_HOURS": "1"]) {
        $1
      }, home: home)
    #expect(short.stdout.contains("1 draft and 1 export older than 1 hours"), "\(short)")
    #expect(Hardening.draftFiles(state.path).isEmpty)
  }

  @Test func draftListsNameNoPatient() throws {
    let home = try TemporaryFolder()
    let state = home.url.appendingPathComponent("state")
    _ = try DraftSessionTests.plant(DraftSessionTests.idX, patient: "PAT-SECRET", in: state)
    let list = try Hardening.run(["drafts"], set: Self.shared, home: home)
    #expect(list.status == 0, "\(list)")
    #expect(!list.stdout.contains("PAT-SECRET"), "\(list)")
    #expect(list.stdout.contains("Patient not shown (shared terminal)"), "\(list)")
    // Chosen by its identifier, the draft names its patient.
    let show = try Hardening.run(["drafts", "show", "aaaa"], set: Self.shared, home: home)
    #expect(show.stdout.contains("Patient: PAT-SECRET"), "\(show)")
  }

  @Test func badSettingsAreOneLineErrors() throws {
    for (name, value, words) in [
      ("SPINE_TRIAGE_SHARED_TERMINAL", "maybe", "must be true or false"),
      ("SPINE_TRIAGE_SHARED_RETENTION_HOURS", "0", "from 1 to 720"),
      ("SPINE_TRIAGE_IDLE_MINUTES", "1e3", "from 1 to 120"),
    ] {
      let result = try Hardening.run(["config"], set: [name: value])
      #expect(result.status == 78, "\(name)=\(value): \(result)")
      #expect(result.stderr.contains(words) && result.stderrIsOneLine, "\(result)")
    }
    let shown = try Hardening.run(
      ["config"], set: ["SPINE_TRIAGE_SHARED_TERMINAL": "true", "SPINE_TRIAGE_IDLE_MINUTES": "3"])
    #expect(shown.stdout.contains("shared_terminal"), "\(shown)")
    #expect(shown.stdout.contains("environment SPINE_TRIAGE_IDLE_MINUTES"), "\(shown)")
  }

  /// The real program in tmux: after one idle minute the screens hide; the key that brings them
  /// back answers nothing.
  @Test(.enabled(if: TmuxHarness.available))
  func theScreensHideAfterTheIdleTime() throws {
    let tmux = try TmuxHarness(name: "privacy")
    try tmux.start(arguments: ["--shared-terminal", "true", "--idle-minutes", "1"])
    try tmux.waitFor("INCOMPLETE")
    try tmux.send("Tab")
    try tmux.send("y")
    try tmux.waitFor("[Y]")
    let answered = try tmux.screen()
    try tmux.waitFor("hidden for privacy", timeout: 90)
    let hidden = try tmux.screen()
    #expect(!hidden.contains("[Y]") && !hidden.contains("INCOMPLETE") && !hidden.contains("Age"))
    try tmux.send("y")
    try tmux.waitFor("[Y]")
    let back = try tmux.screen()
    #expect(back == answered, "the key that revealed the screens changed them:\n\(back)")
    try tmux.send("q")
    try tmux.send("y")
    _ = try tmux.waitForExit()
  }
}
