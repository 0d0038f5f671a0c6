import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// Sends a file to the print system with `lp` and finds out what happened to the job with
/// `lpstat`: both spawned with an argument list (never a shell), in the C locale, their output
/// read through a pipe (never shown on the screen as is) and under a time limit.
///
/// The job title is fixed ("SpineTriage summary"): it shows in print queues and on banner
/// pages, so it never carries patient data (the file name does not either).
public enum Printer {
  /// The job title given to `lp`.
  public static let jobTitle = "SpineTriage summary"

  /// What to print on.
  public struct Request: Sendable, Equatable {
    /// The queue (`lp -d`); `nil` for the system default.
    public var printer: String?
    /// The paper (`lp -o media=`); ``PaperSize/any`` leaves the queue's default.
    public var paper: PaperSize

    public init(printer: String? = nil, paper: PaperSize = .any) {
      self.printer = printer
      self.paper = paper
    }

    /// The `lp` arguments for `path`.
    func arguments(command: String, path: String) -> [String] {
      var arguments = [command, "-t", Printer.jobTitle]
      if let printer { arguments += ["-d", printer] }
      switch paper {
      case .any: break
      case .a4: arguments += ["-o", "media=A4"]
      case .letter: arguments += ["-o", "media=Letter"]
      }
      return arguments + ["--", path]
    }
  }

  /// The outcome of a print request.
  public enum Outcome: Equatable, Sendable {
    /// The print system took the job and it left the queue (it went to the printer).
    case sent(job: String)
    /// The job is accepted and waiting or printing (the queue is working on it).
    case queued(job: String)
    /// The job is accepted but will not print by itself: held, or the printer is stopped. The
    /// reason in words (from the print system).
    case held(job: String, reason: String)
    /// Nothing was printed; the print system's own reason.
    case failed(String)

    /// Whether the summary reached (or is on its way to) the printer.
    public var isPrinted: Bool {
      switch self {
      case .sent, .queued: true
      case .held, .failed: false
      }
    }
  }

  /// Prints `path`: runs `lp` (or `command`, for tests), then watches the job for up to
  /// `settle` seconds with `lpstat` (or `status`): a job that is held, or whose printer is
  /// stopped, is reported as such, never as printed.
  public static func print(
    _ path: String, request: Request = Request(), command: String = "lp",
    status: String = "lpstat", timeout: Int = 10, settle: Double = 3
  ) -> Outcome {
    let run = Subprocess.run(request.arguments(command: command, path: path), timeout: timeout)
    switch run {
    case .failedToStart(let code):
      return .failed(
        code == ENOENT
          ? "\(command) is not installed (no print system)"
          : "cannot run \(command): \(InputFile.describeErrno(code))")
    case .timedOut:
      return .failed("\(command) did not answer within \(timeout) seconds")
    case .finished(let exit, let output, let errors):
      guard exit == 0 else {
        let said = firstLine(errors) ?? firstLine(output)
        return .failed(said.map(printable) ?? "\(command) failed (exit status \(exit))")
      }
      guard let job = jobID(output) else {
        return .queued(job: "(no job number given)")
      }
      return watch(job: job, status: status, settle: settle)
    }
  }

  /// Follows `job` with `lpstat` until it leaves the queue, or `settle` seconds pass.
  static func watch(job: String, status: String, settle: Double) -> Outcome {
    let destination = queue(of: job)
    let deadline = Double(monotonicMilliseconds()) + settle * 1000
    while true {
      // Not completed jobs of the queue, with their alerts (IPP keywords, not translated).
      let jobs = Subprocess.run([status, "-l", "-o", destination], timeout: 5)
      guard case .finished(0, let listing, _) = jobs else { return .queued(job: job) }
      guard let block = jobBlock(job, in: listing) else { return .sent(job: job) }
      if let hold = holdReason(block) { return .held(job: job, reason: hold) }
      if case .finished(0, let printers, _) = Subprocess.run(
        [status, "-p", destination], timeout: 5),
        let stopped = stoppedReason(printers, queue: destination)
      {
        return .held(job: job, reason: stopped)
      }
      if Double(monotonicMilliseconds()) >= deadline { return .queued(job: job) }
      var pause = timespec(tv_sec: 0, tv_nsec: 200_000_000)
      nanosleep(&pause, nil)
    }
  }

  /// The job identifier in `lp`'s answer: "request id is office-12 (1 file(s))".
  static func jobID(_ output: String) -> String? {
    let marker = Array("request id is ")
    let characters = Array(output)
    guard characters.count >= marker.count,
      let start = (0...(characters.count - marker.count)).first(where: {
        Array(characters[$0..<($0 + marker.count)]) == marker
      })
    else { return nil }
    let id = characters[(start + marker.count)...].prefix { !$0.isWhitespace }
    return id.isEmpty ? nil : printable(String(id))
  }

  /// The queue of a job identifier: "office-12" is job 12 of "office".
  static func queue(of job: String) -> String {
    guard let dash = job.lastIndex(of: "-") else { return job }
    return String(job[..<dash])
  }

  /// The lines `lpstat -l -o` prints for `job` (its line and the indented ones after it).
  static func jobBlock(_ job: String, in listing: String) -> [Substring]? {
    let lines = listing.split(separator: "\n", omittingEmptySubsequences: true)
    guard
      let start = lines.firstIndex(where: { $0.split(separator: " ").first.map(String.init) == job }
      )
    else { return nil }
    var block = [lines[start]]
    for line in lines[(start + 1)...] {
      guard line.first == "\t" || line.first == " " else { break }
      block.append(line)
    }
    return block
  }

  /// Why a job is held, from its alerts (`job-hold-until-specified`, `job-held-...`).
  static func holdReason(_ block: [Substring]) -> String? {
    for line in block {
      let text = String(line).trimmingCharacters
      guard text.hasPrefix("Alerts:") else { continue }
      let alerts = text.dropFirst("Alerts:".count).split(separator: " ").map(String.init)
      if let held = alerts.first(where: { $0.contains("hold") || $0.contains("held") }) {
        return "held by the print system (\(printable(held)))"
      }
    }
    return nil
  }

  /// "printer office is stopped" with the reason `lpstat -p` gives, when it is disabled.
  static func stoppedReason(_ listing: String, queue: String) -> String? {
    let lines = listing.split(separator: "\n", omittingEmptySubsequences: true)
    guard let index = lines.firstIndex(where: { $0.hasPrefix("printer \(queue) ") }),
      lines[index].contains(" disabled")
    else { return nil }
    var reason = "printer \(printable(queue)) is stopped"
    if index + 1 < lines.count, lines[index + 1].first == "\t" {
      let said = String(lines[index + 1]).trimmingCharacters
      if !said.isEmpty { reason += " (\(printable(said)))" }
    }
    return reason
  }

  static func firstLine(_ text: String) -> String? {
    text.split(separator: "\n").map { String($0).trimmingCharacters }.first { !$0.isEmpty }
  }

  /// Text from the print system made safe for the status line.
  static func printable(_ text: String) -> String {
    var text = AnswersError.printable(text, limit: 120)
    while text.hasSuffix(".") { text.removeLast() }
    return text
  }

  static func monotonicMilliseconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
  }
}

/// A child process run with an argument list, standard input from /dev/null, its standard
/// output and error read through pipes (bounded), under a time limit.
enum Subprocess {
  enum Result: Equatable {
    case failedToStart(Int32)
    case timedOut
    case finished(Int32, String, String)
  }

  /// The most output kept from each stream.
  static let limit = 64 * 1024

  static func run(_ arguments: [String], timeout: Int) -> Result {
    var outPipe: [Int32] = [-1, -1]
    var errPipe: [Int32] = [-1, -1]
    guard pipe(&outPipe) == 0 else { return .failedToStart(errno) }
    guard pipe(&errPipe) == 0 else {
      close(outPipe[0])
      close(outPipe[1])
      return .failedToStart(errno)
    }
    // Only the child's own ends, duplicated onto 1 and 2, stay open in it.
    for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    // The C locale: messages and listings in the words this code reads.
    var environment: [String] = []
    var index = 0
    while let entry = environ[index] {
      let text = String(cString: entry)
      if !text.hasPrefix("LC_ALL=") && !text.hasPrefix("LANGUAGE=") { environment.append(text) }
      index += 1
    }
    environment.append("LC_ALL=C")
    var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer { for pointer in envp { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, &envp)
    close(outPipe[1])
    close(errPipe[1])
    defer {
      close(outPipe[0])
      close(errPipe[0])
    }
    guard spawned == 0 else { return .failedToStart(spawned) }

    var output: [UInt8] = []
    var errors: [UInt8] = []
    var open = [true, true]
    let deadline = Printer.monotonicMilliseconds() + timeout * 1000
    while open[0] || open[1] {
      let left = deadline - Printer.monotonicMilliseconds()
      if left <= 0 {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return .timedOut
      }
      var fds = [
        pollfd(fd: open[0] ? outPipe[0] : -1, events: Int16(POLLIN), revents: 0),
        pollfd(fd: open[1] ? errPipe[0] : -1, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, 2, Int32(min(left, 1000)))
      if ready < 0 && errno != EINTR { break }
      for (slot, fd) in [outPipe[0], errPipe[0]].enumerated() where open[slot] {
        guard fds[slot].revents != 0 else { continue }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
          if slot == 0 {
            if output.count < limit { output += chunk[..<count] }
          } else if errors.count < limit {
            errors += chunk[..<count]
          }
        } else if count == 0 || errno != EINTR {
          open[slot] = false
        }
      }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exited = (status & 0x7F) == 0
    let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return .finished(
      code, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
  }
}
