import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// No core dump of patient data, and no folder another user can reach. Checked on the
/// running binary: its limits and its dumpable flag as the kernel shows them in /proc, and the
/// folders it writes into.
@Suite("Process privacy: core dumps off, private folders")
struct ProcessPrivacyTests {
  /// Starts `spine-triage evaluate -` with core dumps allowed by the parent (`ulimit -c
  /// unlimited`), waiting on an open pipe; `asNobody` runs it as uid 65534 (only as root).
  /// Returns the /proc/PID/limits line for cores and the owner of /proc/PID once the program has
  /// started (the files in /proc/PID belong to root while a process is not dumpable).
  func inspectRunningProcess(asNobody: Bool) throws -> (coreLimit: String, procOwner: uid_t) {
    let binary = try Hardening.binary()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    let prefix = asNobody ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    process.arguments =
      ["-c", #"ulimit -c unlimited 2>/dev/null; exec "$@""#, "sh"] + prefix + [
        binary, "evaluate", "-",
      ]
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    try process.run()
    defer {
      try? input.fileHandleForWriting.close()
      process.waitUntilExit()
    }
    let pid = process.processIdentifier
    var limitLine = ""
    var owner: uid_t = 99999
    // Wait until the program itself runs (after the exec of sh and setpriv) and has applied its
    // start-up settings, or 10 seconds.
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
      let limits = (try? String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)) ?? ""
      limitLine =
        limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }.map(String.init)
        ?? ""
      var info = stat()
      if stat("/proc/\(pid)/status", &info) == 0 { owner = info.st_uid }
      // Both limits 0 (the environment may already have a soft limit of 0, and setpriv, still
      // root before its exec, has "evaluate" in its command line too).
      if command.contains("evaluate")
        && limitLine.split(separator: " ").dropFirst(4).prefix(2)
          == ["0", "0"]
        && owner == 0
      {
        break
      }
      usleep(20_000)
    }
    return (limitLine, owner)
  }

  @Test("the running program has RLIMIT_CORE 0 (soft and hard) and is not dumpable")
  func coreDumpsOff() throws {
    let asNobody =
      geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    let (limit, owner) = try inspectRunningProcess(asNobody: asNobody)
    // "Max core file size        0                    0                    bytes"
    let fields = limit.split(separator: " ")
    #expect(fields.count >= 6, "\(limit)")
    #expect(fields.dropFirst(4).prefix(2) == ["0", "0"], "soft and hard limit 0: \(limit)")
    if asNobody || geteuid() != 0 {
      // A dumpable process owns the files in its /proc entry; PR_SET_DUMPABLE 0 gives them to root.
      #expect(owner == 0, "the process is dumpable (its /proc entry is owned by uid \(owner))")
    }
  }

  /// A crash signal in a folder where a core would be written (with the kernel's default
  /// `core_pattern`; a piped pattern sends cores elsewhere, which PR_SET_DUMPABLE 0 also stops):
  /// no core file appears.
  @Test("kill -SEGV leaves no core file")
  func noCoreFileOnCrash() throws {
    let folder = try TemporaryFolder()
    let script =
      #"cd "$0" && ulimit -c unlimited 2>/dev/null; mkfifo in && exec 3<>in && "$@" <&3 & pid=$!; sleep 0.5; kill -SEGV $pid; wait $pid; exit $?"#
    let result = try Hardening.run(
      ["evaluate", "-"], wrapper: ["/bin/sh", "-c", script, folder.url.path], home: folder)
    #expect(result.status == 128 + SIGSEGV, "\(result)")
    let cores = Hardening.entries(folder.url).filter { $0.hasPrefix("core") }
    #expect(cores.isEmpty, "core files: \(cores)")
  }

  /// A regression: on a terminal without an alternate screen (TERM=linux, the bedside console) the
  /// assessment stayed on screen after quitting. It is cleared now, for q and for SIGTERM.
  @Test(
    "TERM=linux (no alternate screen): the assessment is cleared from the screen on exit",
    .enabled(if: TmuxHarness.available), arguments: ["q", "TERM", "SEGV"])
  func clearedWithoutAlternateScreen(_ how: String) throws {
    let tmux = try TmuxHarness(name: "linuxterm")
    try tmux.start(environment: ["TERM": "linux"])
    // Every byte the program writes (issue 20: the scrollback must be erased too).
    let bytesFile = tmux.folder.appendingPathComponent("pty-bytes").path
    _ = try tmux.tmux(["pipe-pane", "-t", "main", "-o", "cat >> \(tmux.quote(bytesFile))"])
    try tmux.waitFor("INCOMPLETE")
    try tmux.send("Tab", "Tab", "y")
    try tmux.waitFor("EMERGENCY")
    if how == "q" {
      try tmux.send("q")
      try tmux.waitFor("Quit?")
      try tmux.send("y")
    } else {
      kill(try tmux.pid(), how == "TERM" ? SIGTERM : SIGSEGV)
    }
    let (_, stty) = try tmux.waitForExit()
    #expect(terminalRestored(stty))
    let screen = try tmux.screen()
    for text in ["EMERGENCY", "SpineTriage", "Numbness in the groin"] {
      #expect(!screen.contains(text), "left on screen: \(text)\n\(screen)")
    }
    // The scrollback is erased (ED 3) after the last frame: nothing to scroll back to.
    var bytes = Data()
    for _ in 0..<50 {
      bytes = (try? Data(contentsOf: URL(fileURLWithPath: bytesFile))) ?? Data()
      if bytes.range(of: Data("\u{1B}[3J".utf8)) != nil { break }
      Thread.sleep(forTimeInterval: 0.1)
    }
    let erase = bytes.range(of: Data("\u{1B}[3J".utf8), options: .backwards)
    let lastFrame = bytes.range(of: Data("EMERGENCY".utf8), options: .backwards)
    #expect(erase != nil, "no \\e[3J after quitting (\(bytes.count) bytes recorded)")
    if let erase, let lastFrame { #expect(erase.lowerBound > lastFrame.lowerBound) }
  }
}
