import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files the program writes: never overwriting, modes 0600/0700, full disks, read-only
/// folders, a file where a folder should be, and the draft (corrupt, kept aside, readable).
@Suite("Hardening: files", .serialized)
struct HardeningFileTests {
  /// A mount point for a tmpfs (root only); unmounted and removed when the value goes away.
  final class Mount {
    let path: String
    private(set) var mounted = false
    /// Kept alive until the file system is unmounted, so it is never removed while mounted.
    private let owner: TemporaryFolder

    init(in folder: TemporaryFolder, name: String, options: String) {
      owner = folder
      path = folder.url.appendingPathComponent(name).path
      try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      let log = folder.url.appendingPathComponent("mount-\(name).log").path
      mounted =
        (try? spawn(["/usr/bin/mount", "-t", "tmpfs", "-o", options, "tmpfs", path], output: log))
        == 0
    }

    deinit {
      if mounted { _ = try? spawn(["/usr/bin/umount", "-l", path], output: "/dev/null") }
    }
  }

  /// Whether a tmpfs can be mounted here (root with CAP_SYS_ADMIN); tried once.
  static let canMount: Bool = {
    guard geteuid() == 0, let folder = try? TemporaryFolder() else { return false }
    return Mount(in: folder, name: "probe", options: "size=16k").mounted
  }()

  func answersFile(_ folder: TemporaryFolder, _ text: String = Hardening.goodAnswers) throws
    -> String
  {
    try folder.file("answers.json", text)
  }

  // MARK: Never overwrite

  @Test(
    "export never overwrites: exit 73, the existing file unchanged byte for byte, no temporary file"
  )
  func neverOverwrites() throws {
    let folder = try TemporaryFolder()
    let answers = try answersFile(folder)
    let out = folder.url.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let original = Hardening.garbage(count: 5000, seed: 3)
    let target = out.appendingPathComponent("summary.txt").path
    try Data(original).write(to: URL(fileURLWithPath: target))
    chmod(target, 0o644)
    for format in ["text", "html", "fhir"] {
      let result = try Hardening.run(
        ["export", "--answers", answers, "--format", format, "-o", target], home: folder)
      Hardening.expectFailure(result, status: 73, mentioning: [target, "exists"])
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: target)) == Data(original),
        "\(format): the file changed")
      #expect(Hardening.mode(target) == 0o644, "the existing file's mode changed")
    }
    // A symbolic link to an existing file, and a dangling one: neither is followed nor replaced.
    let victim = try folder.file("victim.txt", "keep me\n")
    let link = out.appendingPathComponent("link.txt").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
    let dangling = out.appendingPathComponent("dangling.txt").path
    try FileManager.default.createSymbolicLink(
      atPath: dangling, withDestinationPath: folder.url.appendingPathComponent("nowhere.txt").path)
    for path in [link, dangling] {
      let result = try Hardening.run(
        ["export", "--answers", answers, "--format", "text", "-o", path], home: folder)
      Hardening.expectFailure(result, status: 73, mentioning: [path])
    }
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me\n")
    #expect(
      !FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("nowhere.txt").path)
    )
    #expect(
      Hardening.entries(out) == ["dangling.txt", "link.txt", "summary.txt"],
      "left behind: \(Hardening.entries(out))")
  }

  // MARK: Modes

  @Test("exports are 0600 and created folders 0700, even with umask 000")
  func modes() throws {
    let folder = try TemporaryFolder()
    let answers = try answersFile(folder)
    let umask0 = ["/bin/sh", "-c", "umask 000; exec \"$@\"", "sh"]
    let nested = folder.url.appendingPathComponent("deep/er/exports").path
    for (index, format) in ["text", "html", "fhir"].enumerated() {
      let result = try Hardening.run(
        ["export", "--answers", answers, "--format", format], set: ["SPINE_TRIAGE_DIR": nested],
        wrapper: umask0, home: folder)
      #expect(result.status == 0, "\(result)")
      #expect(result.stderr.isEmpty, "\(result)")
      let path = result.stdout.trimmingCharacters(in: .newlines)
      #expect(path.hasPrefix(nested + "/"), "\(result)")
      #expect(
        Hardening.mode(path) == 0o600, "\(path): \(String(Hardening.mode(path) ?? 0, radix: 8))")
      #expect(Hardening.entries(URL(fileURLWithPath: nested)).count == index + 1)
    }
    for created in ["deep", "deep/er", "deep/er/exports"] {
      let path = folder.url.appendingPathComponent(created).path
      #expect(
        Hardening.mode(path) == 0o700, "\(created): \(String(Hardening.mode(path) ?? 0, radix: 8))")
    }
    // -o FILE and -o DIR.
    let file = folder.url.appendingPathComponent("named.html").path
    let named = try Hardening.run(
      ["export", "--answers", answers, "--format", "html", "-o", file], wrapper: umask0,
      home: folder)
    #expect(named.status == 0, "\(named)")
    #expect(named.stdout == file + "\n")
    #expect(Hardening.mode(file) == 0o600)
    #expect(Hardening.temporaryLeftovers(folder.url).isEmpty, "\(Hardening.entries(folder.url))")

    // The draft of a plain session: state folders 0700, draft 0600.
    let plain = try Hardening.run(
      ["--plain"], stdin: .pipe(Array("45\n\n\ny\n".utf8)), wrapper: umask0, home: folder)
    #expect(plain.status == 0, "\(plain)")
    let state = folder.url.appendingPathComponent("state").path
    #expect(Hardening.mode(state) == 0o700)
    #expect(Hardening.mode(state + "/spine-triage") == 0o700)
    #expect(Hardening.mode(state + "/spine-triage/drafts") == 0o700)
    #expect(Hardening.mode(state + "/spine-triage/trash") == 0o700)
    let drafts = Hardening.draftFiles(state)
    #expect(drafts.count == 1, "\(Hardening.entries(folder.url))")
    for draft in drafts { #expect(Hardening.mode(draft) == 0o600) }
  }

  // MARK: Full disk

  @Test("a full standard output: exit 74 naming the disk full, for export -o - and every writer")
  func devFull() throws {
    let folder = try TemporaryFolder()
    let answers = try answersFile(folder)
    for format in ["text", "html", "fhir"] {
      let result = try Hardening.run(
        ["export", "--answers", answers, "--format", format, "-o", "-"], stdout: .path("/dev/full"),
        home: folder)
      Hardening.expectFailure(result, status: 74, mentioning: ["standard output", "disk full"])
    }
    #expect(
      !FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("exports").path))
    let evaluate = try Hardening.run(
      ["evaluate", answers], stdout: .path("/dev/full"), home: folder)
    Hardening.expectFailure(evaluate, status: 74, mentioning: ["standard output"])
    let jsonl = try Hardening.run(
      ["evaluate", "--jsonl", answers], stdout: .path("/dev/full"), home: folder)
    Hardening.expectFailure(jsonl, status: 74, mentioning: ["standard output"])
  }

  @Test("rules, questionnaire and --plain to a full standard output exit 74, not 0")
  func devFullOtherWriters() throws {
    let folder = try TemporaryFolder()
    for arguments in [
      ["rules"], ["rules", "--format", "markdown"], ["questionnaire"],
      ["questionnaire", "--format", "text"],
    ] {
      let result = try Hardening.run(arguments, stdout: .path("/dev/full"), home: folder)
      Hardening.expectFailure(result, status: 74, mentioning: ["standard output"])
    }
    let plain = try Hardening.run(
      ["--plain"], stdin: .pipe(Array("45\n".utf8)), stdout: .path("/dev/full"), home: folder)
    Hardening.expectFailure(plain, status: 74, mentioning: ["standard output"])
  }

  @Test(
    "a full file system: exit 74 naming the disk full, no temporary file left",
    .enabled(if: HardeningFileTests.canMount, "needs mount -t tmpfs (root)"))
  func fullFileSystem() throws {
    let folder = try TemporaryFolder()
    let answers = try answersFile(folder)
    let mount = Mount(in: folder, name: "full", options: "size=64k,mode=0700")
    try #require(mount.mounted)
    // Fill it.
    let filler = open(mount.path + "/filler", O_WRONLY | O_CREAT, 0o600)
    var block = [UInt8](repeating: 0x41, count: 4096)
    while block.withUnsafeMutableBytes({ write(filler, $0.baseAddress, $0.count) }) > 0 {}
    close(filler)
    for format in ["text", "html", "fhir"] {
      let result = try Hardening.run(
        ["export", "--answers", answers, "--format", format, "-o", mount.path], home: folder)
      Hardening.expectFailure(result, status: 74, mentioning: [mount.path, "disk full"])
    }
    #expect(
      Hardening.entries(URL(fileURLWithPath: mount.path)) == ["filler"],
      "left behind: \(Hardening.entries(URL(fileURLWithPath: mount.path)))")
  }

  // MARK: Read-only folder

  @Test("a read-only output folder: exit 73 with a clear message, nothing left in it")
  func readOnlyFolder() throws {
    let folder = try TemporaryFolder()
    let answers = try answersFile(folder)
    // Mode 0755: a read-only folder of this user (a tmpfs is 1777 by default, a shared folder
    // like /tmp, which is refused before any write is tried).
    let mount = Mount(in: folder, name: "ro", options: "ro,mode=0755")
    #expect(mount.mounted == Self.canMount)
    // Without mount permission, a folder in /proc stands in (nothing can be created there).
    let target = mount.mounted ? mount.path : "/proc/self"
    let words = mount.mounted ? ["read-only"] : []
    let before = Hardening.entries(URL(fileURLWithPath: target))
    let direct = try Hardening.run(
      ["export", "--answers", answers, "--format", "text", "-o", target], home: folder)
    Hardening.expectFailure(direct, status: 73, mentioning: [target] + words)
    let named = try Hardening.run(
      ["export", "--answers", answers, "--format", "html", "-o", target + "/summary.html"],
      home: folder)
    Hardening.expectFailure(named, status: 73, mentioning: [target + "/summary.html"] + words)
    let environment = try Hardening.run(
      ["export", "--answers", answers, "--format", "fhir"],
      set: ["SPINE_TRIAGE_DIR": target + "/sub"], home: folder)
    Hardening.expectFailure(environment, status: 73, mentioning: [target + "/sub"] + words)
    if mount.mounted {
      #expect(Hardening.entries(URL(fileURLWithPath: target)) == before)
    }
  }

  @Test(
    "SPINE_TRIAGE_DIR or -o naming a regular file (or a path under one): exit 73, the file unchanged"
  )
  func folderIsAFile() throws {
    let folder = try TemporaryFolder()
    let answers = try answersFile(folder)
    let file = try folder.file("not-a-folder", "precious\n")
    for (arguments, environment, mention) in [
      (["export", "--answers", answers, "--format", "text"], ["SPINE_TRIAGE_DIR": file], file),
      (
        ["export", "--answers", answers, "--format", "text"], ["SPINE_TRIAGE_DIR": file + "/sub"],
        file
      ),
      (
        ["export", "--answers", answers, "--format", "text", "-o", file + "/out.txt"], [:],
        file + "/out.txt"
      ),
      (
        [
          "export", "--answers", answers, "--format", "text", "-o",
          folder.url.path + "/missing/out.txt",
        ], [:], "missing/out.txt"
      ),
    ] {
      let result = try Hardening.run(arguments, set: environment, home: folder)
      Hardening.expectFailure(result, status: 73, mentioning: [mention])
    }
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "precious\n")
    #expect(Hardening.temporaryLeftovers(folder.url).isEmpty, "\(Hardening.entries(folder.url))")
  }

  @Test(
    "in the UI, an export into a regular file fails on the status line; the assessment stays",
    .enabled(if: TmuxHarness.available))
  func uiExportFailure() throws {
    let tmux = try TmuxHarness(name: "hexport")
    try FileManager.default.createDirectory(at: tmux.folder, withIntermediateDirectories: true)
    let file = tmux.folder.appendingPathComponent("file").path
    try Data("x".utf8).write(to: URL(fileURLWithPath: file))
    try tmux.start(columns: 160, rows: 30, environment: ["SPINE_TRIAGE_DIR": file])
    try tmux.waitFor("INCOMPLETE")
    try tmux.send("Tab", "Tab", "y")  // Examination: saddle anaesthesia
    try tmux.waitFor("EMERGENCY")
    try tmux.send("e", "t")
    let screen = try tmux.waitFor("Export failed")
    #expect(screen.contains("EMERGENCY"), "the assessment stays: \(screen)")
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "x")
    try tmux.send("q")
    try tmux.waitFor("Quit?")
    try tmux.send("y")
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 0)
    #expect(terminalRestored(stty))
  }

  // MARK: Drafts

  @Test(
    "a corrupt draft: the UI starts, says it could not be read and where it was kept; the bytes are kept; q exits 0",
    .enabled(if: TmuxHarness.available))
  func corruptDraft() throws {
    let tmux = try TmuxHarness(name: "hcorrupt")
    let drafts = tmux.stateFolder.appendingPathComponent("spine-triage")
    try Hardening.createPrivate(drafts)
    let garbage = Hardening.garbage(count: 777, seed: 11)
    try Data(garbage).write(to: tmux.draftFile)
    try tmux.start()
    let screen = try tmux.waitFor("Draft unreadable")
    #expect(screen.contains("INCOMPLETE"), "a new assessment starts: \(screen)")
    // At the minimum size (80x24) the message must still say where the bytes were kept.
    #expect(screen.contains("draft.corrupt-"), "the location is not visible at 80x24:\n\(screen)")
    let kept = Hardening.entries(drafts).filter {
      $0.hasPrefix("draft.corrupt-") && $0.hasSuffix(".json")
    }
    #expect(kept.count == 1, "\(Hardening.entries(drafts))")
    if let name = kept.first {
      #expect(
        try Data(contentsOf: drafts.appendingPathComponent(name)) == Data(garbage),
        "the original bytes")
    }
    try tmux.send("q")
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 0)
    #expect(terminalRestored(stty), "stty after exit: \(stty)")
    #expect(Hardening.entries(drafts).contains { $0.hasPrefix("draft.corrupt-") }, "never deleted")
  }

  @Test(
    "a corrupt draft never replaces an earlier kept-aside draft of the same second",
    .enabled(if: TmuxHarness.available))
  func corruptDraftNeverOverwritesAnEarlierOne() throws {
    let tmux = try TmuxHarness(name: "hcorrupt2")
    let drafts = tmux.stateFolder.appendingPathComponent("spine-triage")
    try Hardening.createPrivate(drafts)
    // Earlier kept-aside drafts named for this second and the next few (the program's stamp).
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone.current
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    let now = Date()
    var earlier: [String] = []
    for offset in 0..<6 {
      let name =
        "draft.corrupt-\(formatter.string(from: now.addingTimeInterval(Double(offset)))).json"
      try Data("EARLIER \(offset)".utf8).write(to: drafts.appendingPathComponent(name))
      earlier.append(name)
    }
    let garbage = Array("{\"age\": ".utf8)
    try Data(garbage).write(to: tmux.draftFile)
    try tmux.start()
    try tmux.waitFor("Draft unreadable")
    for (offset, name) in earlier.enumerated() {
      let text = try? String(contentsOf: drafts.appendingPathComponent(name), encoding: .utf8)
      #expect(text == "EARLIER \(offset)", "\(name) was overwritten: \(text ?? "(gone)")")
    }
    let all = Hardening.entries(drafts)
    let keptNew = all.contains { name in
      (try? Data(contentsOf: drafts.appendingPathComponent(name))) == Data(garbage)
    }
    #expect(keptNew, "the new corrupt bytes are kept somewhere: \(all)")
    try tmux.send("q")
    let (status, _) = try tmux.waitForExit()
    #expect(status == 0)
  }

  @Test(
    "a draft the UI saved is always readable: more weeks of care than of symptoms is offered again, not called corrupt",
    .enabled(if: TmuxHarness.available))
  func draftWithMoreCareThanSymptomsIsReadable() throws {
    let tmux = try TmuxHarness(name: "hcare")
    try tmux.start(columns: 120, rows: 30)
    try tmux.waitFor("INCOMPLETE")
    // Age 45, weeks of symptoms 2, weeks of care 6, low back pain yes.
    // (The focus stays on the weeks of care after the warning.)
    try tmux.send(
      "Enter", "4", "5", "Enter", "Down", "Enter", "2", "Enter", "Enter", "6", "Enter", "Down", "y")
    try tmux.waitFor("[Y] Low back pain")
    kill(try tmux.pid(), SIGKILL)
    _ = try tmux.waitForExit()
    // `evaluate` stays strict and names the inconsistency; the UI reads its own draft.
    let check = try Hardening.run(["evaluate", tmux.draftFile.path])
    #expect(check.status == 65 && check.stderr.contains("conservative_weeks"), "\(check)")
    try tmux.restartServer()
    try tmux.start(columns: 120, rows: 30)
    let screen = try tmux.hardeningScreen(containing: "r resume", timeout: 3) ?? tmux.screen()
    #expect(screen.contains("r resume"), "the draft is not offered:\n\(screen)")
    #expect(!screen.contains("Draft unreadable"), "\(screen)")
  }

  @Test("--plain cannot save a draft that --load then refuses (care weeks over symptom weeks)")
  func plainDraftIsReadable() throws {
    let folder = try TemporaryFolder()
    let result = try Hardening.run(
      ["--plain"], stdin: .pipe(Array("45\n2\n6\ny\n".utf8)), home: folder)
    #expect(result.status == 0, "\(result)")
    let draft = try #require(
      Hardening.draftFiles(folder.url.appendingPathComponent("state").path).first)
    let check = try Hardening.run(["evaluate", draft], home: folder)
    #expect(check.status == 0, "the plain session saved a draft that is refused: \(check)")
  }
}
