import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Drafts under file-descriptor exhaustion, a read-only `drafts list`, and a purge that never
/// follows a symbolic link (issue 20: with `ulimit -n 1024` and 5,000 drafts, starting and
/// `drafts list` moved 400 valid drafts to `draft.corrupt-*`).
@Suite("Drafts: descriptors, read-only list, purge", .serialized)
struct DraftExhaustionTests {
  static let count = 3000

  /// A state folder with `count` valid drafts (0700 folders, 0600 files).
  static func plantMany(_ count: Int, in state: URL) throws -> URL {
    let drafts = state.appendingPathComponent("spine-triage/drafts")
    try Hardening.createPrivate(drafts, levels: 2)
    for index in 0..<count {
      let id = String(format: "%08x-0000-4000-8000-%012x", index, index)
      let text =
        #"{"age": 50, "patient_id": "P-\#(index)", "consultation_id": "\#(id)", "findings": {"pain_neck": "yes"}}"#
      let file = drafts.appendingPathComponent("\(id).json")
      guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8)) else {
        throw HarnessError("cannot plant \(file.path)")
      }
      chmod(file.path, 0o600)
    }
    return drafts
  }

  /// Everything in the state folder with its mode, for before/after comparison.
  static func inventory(_ folder: URL) -> [String: mode_t] {
    var result: [String: mode_t] = [:]
    let root = folder.path
    guard let walker = FileManager.default.enumerator(atPath: root) else { return result }
    while let name = walker.nextObject() as? String {
      result[name] = Hardening.mode(root + "/" + name)
    }
    result["."] = Hardening.mode(root)
    return result
  }

  /// `ulimit -n N` then the program.
  static func limited(_ descriptors: Int) -> [String] {
    ["/bin/sh", "-c", "ulimit -n \(descriptors) && exec \"$@\"", "sh"]
  }

  @Test("drafts list with ulimit -n 40 and 3,000 drafts: read-only, nothing marked corrupt")
  func listUnderExhaustion() throws {
    let home = try TemporaryFolder()
    let state = home.url.appendingPathComponent("state")
    _ = try Self.plantMany(Self.count, in: state)
    let before = Self.inventory(state)
    for descriptors in [40, 12] {
      let result = try Hardening.run(
        ["drafts", "list"], wrapper: Self.limited(descriptors), home: home)
      #expect(result.status == 0, "ulimit -n \(descriptors): \(result.stderr)")
      #expect(!result.crashed)
      #expect(Self.inventory(state) == before, "drafts list changed the state folder")
      #expect(!result.stdout.contains("unreadable"), "\(result.stdout.suffix(400))")
    }
    // Without a limit, every draft is listed with its patient.
    let full = try Hardening.run(["drafts", "list"], home: home)
    #expect(full.status == 0)
    #expect(full.stdout.components(separatedBy: " answers  ").count - 1 == Self.count)
    #expect(Self.inventory(state) == before)
  }

  @Test("drafts list changes no mode, creates no lock file, moves no corrupt draft")
  func listIsReadOnly() throws {
    let home = try TemporaryFolder()
    let state = home.url.appendingPathComponent("state")
    let drafts = try Self.plantMany(3, in: state)
    let bad = drafts.appendingPathComponent("0000000f-0000-4000-8000-00000000000f.json")
    try Data("{not json".utf8).write(to: bad)
    chmod(bad.path, 0o600)
    let before = Self.inventory(state)
    let result = try Hardening.run(["drafts", "list"], home: home)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("unreadable (left in place)"), "\(result)")
    #expect(Self.inventory(state) == before, "changed: \(Self.inventory(state))")
  }

  @Test(
    "the screens start with ulimit -n 48 and 3,000 drafts: no draft is marked corrupt",
    .enabled(if: TmuxHarness.available))
  func screensUnderExhaustion() throws {
    let tmux = try TmuxHarness(name: "emfile")
    _ = try Self.plantMany(Self.count, in: tmux.stateFolder)
    let before = Hardening.draftFiles(tmux.stateFolder.path).count
    try tmux.startShell(columns: 100, rows: 30)
    try tmux.typeCommand("ulimit -n 48; " + tmux.commandLine() + "; echo EXIT=$?")
    _ = try tmux.waitFor("P-\(Self.count - 1)", timeout: 30)
    try tmux.send("q")
    _ = try tmux.waitFor("EXIT=", timeout: 15)
    let names =
      (try? FileManager.default.contentsOfDirectory(
        atPath: tmux.stateFolder.appendingPathComponent("spine-triage").path)) ?? []
    #expect(!names.contains { $0.hasPrefix("draft.corrupt") }, "\(names)")
    #expect(Hardening.draftFiles(tmux.stateFolder.path).count == before)
  }

  @Test("drafts purge never follows a symbolic link to another folder")
  func purgeNeverFollowsASymlink() throws {
    let home = try TemporaryFolder()
    let state = home.url.appendingPathComponent("state/spine-triage")
    try Hardening.createPrivate(state.appendingPathComponent("drafts"), levels: 2)
    let outside = home.url.appendingPathComponent("outside")
    try Hardening.createPrivate(outside)
    let victim = outside.appendingPathComponent("old-record.json")
    try Data("{}".utf8).write(to: victim)
    // Thirty days old.
    var times = [
      timespec(tv_sec: time(nil) - 30 * 86_400, tv_nsec: 0),
      timespec(tv_sec: time(nil) - 30 * 86_400, tv_nsec: 0),
    ]
    #expect(utimensat(AT_FDCWD, victim.path, &times, 0) == 0)
    #expect(symlink(outside.path, state.appendingPathComponent("trash").path) == 0)
    let purge = try Hardening.run(["drafts", "purge", "--older-than", "0"], home: home)
    Hardening.expectFailure(purge, status: 73, mentioning: ["trash", "symbolic link"])
    #expect(FileManager.default.fileExists(atPath: victim.path), "a file outside was deleted")
    // Nor at start (the trash is purged at every start).
    let plain = try Hardening.run(
      ["--plain"], stdin: .pipe(Array("q\n".utf8)), set: ["SPINE_TRIAGE_RETENTION_DAYS": "0"],
      home: home)
    #expect(!plain.crashed)
    #expect(FileManager.default.fileExists(atPath: victim.path), "a file outside was deleted")
  }
}
