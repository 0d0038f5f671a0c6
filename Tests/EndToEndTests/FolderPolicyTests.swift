import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The one folder policy (issue 20): SpineTriage sets the mode only of a folder it creates; an
/// existing folder that is not private or not ours is refused (exit 73, named) and left exactly
/// as it was; a team's group-shared export folder is an option, checked. Folders are made here
/// with their modes and owners (another owner, and a second user, when the tests run as root).
@Suite("Folder policy", .serialized)
struct FolderPolicyTests {
  struct Snapshot: Equatable {
    let mode: mode_t
    let uid: uid_t
    let gid: gid_t
    init?(_ path: String) {
      var info = stat()
      guard stat(path, &info) == 0 else { return nil }
      (mode, uid, gid) = (info.st_mode & 0o7777, info.st_uid, info.st_gid)
    }
  }

  static let isRoot = geteuid() == 0

  func folder(_ home: TemporaryFolder, _ name: String, mode: mode_t) throws -> String {
    let path = home.url.appendingPathComponent(name).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    #expect(chmod(path, mode) == 0)
    return path
  }

  func export(_ home: TemporaryFolder, into folder: String, set more: [String: String] = [:])
    throws -> Hardening.Result
  {
    let answers = try home.file("answers.json", Hardening.goodAnswers)
    return try Hardening.run(
      ["export", "--answers", answers, "--format", "text"],
      set: ["SPINE_TRIAGE_DIR": folder].merging(more) { $1 }, home: home)
  }

  @Test(
    "an existing export folder that is not private is refused (73) and never changed",
    arguments: [0o755, 0o750, 0o711, 0o777, 0o2770, 0o1777, 0o705] as [mode_t])
  func notPrivateIsRefused(mode: mode_t) throws {
    let home = try TemporaryFolder()
    let target = try folder(home, "team", mode: mode)
    let before = Snapshot(target)
    let result = try export(home, into: target)
    Hardening.expectFailure(result, status: 73, mentioning: [target])
    #expect(Snapshot(target) == before, "the folder was changed")
    #expect(Hardening.entries(URL(fileURLWithPath: target)).isEmpty)
  }

  @Test("the home folder as the export folder is refused, its mode kept")
  func homeFolder() throws {
    let home = try TemporaryFolder()
    #expect(chmod(home.url.path, 0o755) == 0)
    let result = try export(home, into: home.url.path)
    Hardening.expectFailure(result, status: 73, mentioning: [home.url.path, "never changes"])
    #expect(Snapshot(home.url.path)?.mode == 0o755)
  }

  @Test("/proc and /tmp are refused and left alone (as root /proc belongs to the user)")
  func systemFolders() throws {
    let home = try TemporaryFolder()
    for target in ["/proc", "/tmp", "/proc/self"] {
      let before = Snapshot(target)
      let result = try export(home, into: target)
      Hardening.expectFailure(result, status: 73, mentioning: [target])
      #expect(Snapshot(target) == before, "\(target) changed")
    }
  }

  @Test("a symbolic link is judged by its target, and the target is never changed")
  func symlinks() throws {
    let home = try TemporaryFolder()
    let open = try folder(home, "open", mode: 0o755)
    let link = home.url.appendingPathComponent("link").path
    #expect(symlink(open, link) == 0)
    Hardening.expectFailure(try export(home, into: link), status: 73, mentioning: [link])
    #expect(Snapshot(open)?.mode == 0o755)
    let procLink = home.url.appendingPathComponent("proc-link").path
    #expect(symlink("/proc", procLink) == 0)
    let procBefore = Snapshot("/proc")
    Hardening.expectFailure(try export(home, into: procLink), status: 73, mentioning: [procLink])
    #expect(Snapshot("/proc") == procBefore)
    // A link to a private folder of ours is fine.
    let mine = try folder(home, "mine", mode: 0o700)
    let good = home.url.appendingPathComponent("good-link").path
    #expect(symlink(mine, good) == 0)
    let ok = try export(home, into: good)
    #expect(ok.status == 0, "\(ok)")
    #expect(Hardening.entries(URL(fileURLWithPath: mine)).count == 1)
  }

  @Test("a missing folder and its missing parents are created 0700; a private one is used")
  func createdPrivate() throws {
    let home = try TemporaryFolder()
    let target = home.url.appendingPathComponent("a/b/c").path
    let result = try export(home, into: target)
    #expect(result.status == 0, "\(result)")
    for path in ["a", "a/b", "a/b/c"] {
      #expect(Snapshot(home.url.appendingPathComponent(path).path)?.mode == 0o700, "\(path)")
    }
    let file = result.stdout.trimmingCharacters(in: .newlines)
    #expect(Snapshot(file)?.mode == 0o600)
    let again = try export(home, into: target)
    #expect(again.status == 0, "\(again)")
  }

  @Test("a state folder open to others is refused by the screens' plain mode and by drafts list")
  func stateFolder() throws {
    let home = try TemporaryFolder()
    let state = try folder(home, "state/spine-triage", mode: 0o755)
    let before = Snapshot(state)
    let plain = try Hardening.run(["--plain"], stdin: .pipe(Array("45\nq\n".utf8)), home: home)
    Hardening.expectFailure(plain, status: 73, mentioning: [state])
    let list = try Hardening.run(["drafts", "list"], home: home)
    Hardening.expectFailure(list, status: 73, mentioning: [state])
    #expect(Snapshot(state) == before)
  }

  @Test("-o FILE in a folder others can write into is refused like -o FOLDER")
  func outputFileInSharedFolder() throws {
    let home = try TemporaryFolder()
    let answers = try home.file("answers.json", Hardening.goodAnswers)
    let name = "/tmp/spine-triage-test-\(UUID().uuidString).txt"
    let result = try Hardening.run(
      ["export", "--answers", answers, "--format", "text", "-o", name], home: home)
    Hardening.expectFailure(result, status: 73, mentioning: ["/tmp"])
    #expect(!FileManager.default.fileExists(atPath: name))
    let open = try folder(home, "open", mode: 0o777)
    let inOpen = open + "/x.txt"
    Hardening.expectFailure(
      try Hardening.run(
        ["export", "--answers", answers, "--format", "text", "-o", inOpen], home: home),
      status: 73, mentioning: [open])
    // A file in a folder of ours that only we can write: fine (as before).
    let mine = try folder(home, "mine", mode: 0o755)
    let ok = try Hardening.run(
      ["export", "--answers", answers, "--format", "text", "-o", mine + "/x.txt"], home: home)
    #expect(ok.status == 0, "\(ok)")
  }

  @Test("a group-shared export folder: accepted only as the checked option, files 0640")
  func groupShared() throws {
    let home = try TemporaryFolder()
    let group = ["SPINE_TRIAGE_EXPORT_SHARING": "group"]
    let team = try folder(home, "team", mode: 0o2770)
    // Without the option: refused (not private).
    Hardening.expectFailure(try export(home, into: team), status: 73, mentioning: [team])
    let ok = try export(home, into: team, set: group)
    #expect(ok.status == 0, "\(ok)")
    let file = ok.stdout.trimmingCharacters(in: .newlines)
    #expect(Snapshot(file)?.mode == 0o640, "\(file)")
    #expect(Snapshot(team)?.mode == 0o2770)
    // The option does not make a bad folder acceptable, nor create one.
    for mode in [0o770, 0o2777, 0o2750, 0o2775, 0o700] as [mode_t] {
      let bad = try folder(home, "bad-\(String(mode, radix: 8))", mode: mode)
      Hardening.expectFailure(
        try export(home, into: bad, set: group), status: 73, mentioning: [bad, "2770"])
      #expect(Snapshot(bad)?.mode == mode)
    }
    let missing = home.url.appendingPathComponent("missing").path
    Hardening.expectFailure(
      try export(home, into: missing, set: group), status: 73, mentioning: [missing])
    #expect(!FileManager.default.fileExists(atPath: missing))
    let bad = try Hardening.run(["config"], set: ["SPINE_TRIAGE_EXPORT_SHARING": "team"])
    Hardening.expectFailure(bad, status: 78, mentioning: ["SPINE_TRIAGE_EXPORT_SHARING"])
  }

  @Test("another user's folder is refused, never taken over (root: chown to another uid)")
  func anotherOwner() throws {
    guard Self.isRoot else { return }
    let home = try TemporaryFolder()
    let theirs = try folder(home, "theirs", mode: 0o700)
    #expect(chown(theirs, 65534, 65534) == 0)
    Hardening.expectFailure(
      try export(home, into: theirs), status: 73, mentioning: [theirs, "another user"])
    #expect(Snapshot(theirs)?.uid == 65534)
    let team = try folder(home, "team", mode: 0o2770)
    #expect(chown(team, 65534, 65534) == 0)
    Hardening.expectFailure(
      try export(home, into: team, set: ["SPINE_TRIAGE_EXPORT_SHARING": "group"]), status: 73,
      mentioning: [team])
  }

  @Test("a second user (nobody, as root): root's folders are refused, the user's own work")
  func secondUser() throws {
    guard Self.isRoot, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
      return
    }
    let home = try TemporaryFolder()
    #expect(chmod(home.url.path, 0o755) == 0)
    #expect(chown(home.url.path, 65534, 65534) == 0)
    let answers = try home.file("answers.json", Hardening.goodAnswers)
    let nobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    func run(_ folder: String) throws -> Hardening.Result {
      try Hardening.run(
        ["export", "--answers", answers, "--format", "text"], set: ["SPINE_TRIAGE_DIR": folder],
        wrapper: nobody, home: home)
    }
    // root's private folder: another user's.
    let rootOwned = try folder(home, "root-owned", mode: 0o700)
    #expect(chown(rootOwned, 0, 0) == 0)
    Hardening.expectFailure(try run(rootOwned), status: 73, mentioning: [rootOwned])
    // Created by the user: private and theirs.
    let mine = home.url.appendingPathComponent("mine").path
    let ok = try run(mine)
    #expect(ok.status == 0, "\(ok)")
    #expect(Snapshot(mine)?.uid == 65534 && Snapshot(mine)?.mode == 0o700)
    // A team folder owned by root, group nogroup (the user's), 2770: with the option only.
    let team = try folder(home, "team", mode: 0o2770)
    #expect(chown(team, 0, 65534) == 0)
    #expect(chmod(team, 0o2770) == 0)
    Hardening.expectFailure(try run(team), status: 73, mentioning: [team])
    let shared = try Hardening.run(
      ["export", "--answers", answers, "--format", "text"],
      set: ["SPINE_TRIAGE_DIR": team, "SPINE_TRIAGE_EXPORT_SHARING": "group"], wrapper: nobody,
      home: home)
    #expect(shared.status == 0, "\(shared)")
  }

  /// `ulimit -f 1` with SIGXFSZ at its default action (the test runner may ignore it, and an
  /// ignored signal stays ignored through sh): the first write past 512 bytes kills.
  static let fileSizeLimit = [
    "/usr/bin/env", "--default-signal=XFSZ", "/bin/sh", "-c", "ulimit -f 1 && exec \"$@\"", "sh",
  ]

  /// Killed in the middle of writing an export (SIGXFSZ from `ulimit -f 1`: the write of the
  /// summary's first kilobyte kills the process, as `kill -9` would at that moment), nothing is
  /// left: the file is written unnamed (O_TMPFILE) and linked into place only when complete.
  @Test(
    "killed while writing an export: no hidden temporary file with the summary is left",
    arguments: ["text", "html", "fhir"])
  func killedMidWrite(format: String) throws {
    let home = try TemporaryFolder()
    let answers = try home.file("answers.json", Hardening.goodAnswers)
    let target = home.url.appendingPathComponent("exports")
    let result = try Hardening.run(
      ["export", "--answers", answers, "--format", format],
      set: ["SPINE_TRIAGE_DIR": target.path],
      wrapper: Self.fileSizeLimit, home: home)
    #expect(result.signaled, "\(result)")
    #expect(Hardening.entries(target).isEmpty, "left behind: \(Hardening.entries(target))")
    // The same into a folder given with -o.
    let given = try folder(home, "given", mode: 0o700)
    _ = try Hardening.run(
      ["export", "--answers", answers, "--format", format, "-o", given],
      wrapper: Self.fileSizeLimit, home: home)
    #expect(Hardening.entries(URL(fileURLWithPath: given)).isEmpty)
  }
}
