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
    /// Why printing is refused (a bad `printer` in a configuration file: the summary must not
    /// go to another queue instead); nil to print.
    public var blocked: String?

    public init(printer: String? = nil, paper: PaperSize = .any, blocked: String? = nil) {
      self.printer = printer
      self.paper = paper
      self.blocked = blocked
    }

    /// The `lp` arguments for `path` (nil: `lp` reads standard input).
    func arguments(command: String, path: String?) -> [String] {
      var arguments = [command, "-t", Printer.jobTitle]
      if let printer { arguments += ["-d", printer] }
      switch paper {
      case .any: break
      case .a4: arguments += ["-o", "media=A4"]
      case .letter: arguments += ["-o", "media=Letter"]
      }
      return arguments + (path.map { ["--", $0] } ?? [])
    }
  }

  /// The outcome of a print request.
  public enum Outcome: Equatable, Sendable {
    /// The print system reports the job completed (state `completed`,
    /// `job-completed-successfully`): the only outcome called printed.
    case sent(job: String)
    /// The job is accepted and still waiting or printing when the follow-up ended: not yet
    /// printed, and not said to be.
    case queued(job: String)
    /// The job is accepted but will not print by itself: held, or the printer is stopped. The
    /// reason in words (from the print system).
    case held(job: String, reason: String)
    /// Nothing was printed; the print system's own reason.
    case failed(String)

    /// Whether the print system reports the job completed.
    public var isPrinted: Bool {
      if case .sent = self { return true }
      return false
    }

    /// Whether the job is completed or still on its way (not held, cancelled or failed).
    public var isAccepted: Bool {
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
    print(
      source: .file(path), request: request, command: command, status: status,
      timeout: timeout, settle: settle)
  }

  /// What `lp` prints: a saved file, or the document itself through a pipe (no file at all:
  /// printing works without a writable home or export folder).
  public enum Source: Sendable {
    case file(String)
    case pipe([UInt8])
  }

  /// The largest document sent through the pipe (it fits in the pipe's buffer, so writing it
  /// never waits on `lp`).
  public static let maxPipedBytes = 60 * 1024

  /// Prints `source` (see ``print(_:request:command:status:timeout:settle:)``).
  public static func print(
    source: Source, request: Request = Request(), command: String = "lp",
    status: String = "lpstat", timeout: Int = 10, settle: Double = 3
  ) -> Outcome {
    if let blocked = request.blocked {
      return .failed("the configured printer is not valid (\(printable(blocked)))")
    }
    let run: Subprocess.Result
    switch source {
    case .file(let path):
      run = Subprocess.run(request.arguments(command: command, path: path), timeout: timeout)
    case .pipe(let bytes):
      guard bytes.count <= maxPipedBytes else {
        return .failed("the summary is too large to print without saving it")
      }
      run = Subprocess.run(
        request.arguments(command: command, path: nil), input: bytes, timeout: timeout)
    }
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
      // lp said yes but gave no job number (or one that is not "QUEUE-NUMBER"): nothing can
      // be followed, so nothing is claimed.
      guard let job = jobID(output) else {
        return .failed("\(command) gave no valid job number; the summary may not have been queued")
      }
      return watch(job: job, status: status, settle: settle)
    }
  }

  /// Follows `job` with `lpstat` until it leaves the queue, or `settle` seconds pass. A job
  /// that left the queue is printed only when the print system says it completed
  /// (``finished(job:)``); cancelled, aborted or missing is not printed.
  static func watch(job: String, status: String, settle: Double) -> Outcome {
    let destination = queue(of: job)
    let deadline = Double(monotonicMilliseconds()) + settle * 1000
    while true {
      // Not completed jobs of the queue, with their alerts (IPP keywords, not translated).
      let jobs = Subprocess.run([status, "-l", "-o", destination], timeout: 5)
      guard case .finished(0, let listing, _) = jobs else { return .queued(job: job) }
      guard let block = jobBlock(job, in: listing) else { return finished(job: job) }
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

  /// What happened to `job`, which left the queue: its IPP `job-state`, asked of the print
  /// system with `ipptool` (Get-Job-Attributes; `lpstat` shows the same alerts for a completed
  /// and a cancelled job, so it cannot tell them apart). Printed only when `completed`;
  /// `canceled`, `aborted` or a job the print system no longer knows is not printed. Without
  /// `ipptool` the completion cannot be confirmed, and is not claimed.
  static func finished(job: String) -> Outcome {
    switch jobState(job) {
    case .some("completed"): return .sent(job: job)
    case .some("canceled"): return .failed("job \(job) was cancelled; nothing was printed")
    case .some("aborted"): return .failed("job \(job) was aborted by the print system")
    case .some(""): return .failed("job \(job) is no longer known to the print system")
    case .some(let other): return .queued(job: "\(job), \(printable(other))")
    case .none: return .queued(job: "\(job), completion not confirmed: ipptool is missing")
    }
  }

  /// The IPP request `ipptool` sends (read from its standard input).
  static let jobStateRequest = """
    {
    OPERATION Get-Job-Attributes
    GROUP operation-attributes-tag
    ATTR charset attributes-charset utf-8
    ATTR naturalLanguage attributes-natural-language en
    ATTR uri job-uri $uri
    ATTR keyword requested-attributes job-state
    DISPLAY job-state
    }

    """

  /// The print server `ipptool` asks: `CUPS_SERVER` when it names a host, else localhost.
  static var server: String {
    if let value = getenv("CUPS_SERVER").map({ String(cString: $0) }), !value.hasPrefix("/"),
      !value.isEmpty, value.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "/" })
    {
      return value
    }
    return "localhost"
  }

  /// `job`'s IPP job-state ("completed", "canceled", ...), "" when the print system does not
  /// know the job, nil when it cannot be asked (no `ipptool`).
  static func jobState(_ job: String) -> String? {
    guard let dash = job.lastIndex(of: "-") else { return "" }
    let number = job[job.index(after: dash)...]
    let run = Subprocess.run(
      ["ipptool", "-c", "ipp://\(server)/jobs/\(number)", "/dev/stdin"],
      input: Array(jobStateRequest.utf8), timeout: 5)
    guard case .finished(_, let output, _) = run else { return nil }
    let lines = output.split(separator: "\n").map { String($0).trimmingCharacters }
    guard lines.first == "job-state" else { return "" }
    return lines.count > 1 ? lines[1] : ""
  }

  /// Whether `id` is a job identifier as CUPS makes them, "QUEUE-NUMBER": a queue name that
  /// is a valid destination (never starting with `-`, so it can never read as an option of
  /// `lpstat`), a dash, and a number.
  static func isValidJobID(_ id: String) -> Bool {
    guard let dash = id.lastIndex(of: "-") else { return false }
    let queue = String(id[..<dash])
    let number = id[id.index(after: dash)...]
    return !number.isEmpty && number.count <= 10 && number.allSatisfy { $0.isASCII && $0.isNumber }
      && SettingsValue.printerProblem(queue) == nil
  }

  /// The job identifier in `lp`'s answer: "request id is office-12 (1 file(s))"; nil when
  /// there is none, or it is not a valid job identifier (``isValidJobID(_:)``).
  static func jobID(_ output: String) -> String? {
    let marker = Array("request id is ")
    let characters = Array(output)
    guard characters.count >= marker.count,
      let start = (0...(characters.count - marker.count)).first(where: {
        Array(characters[$0..<($0 + marker.count)]) == marker
      })
    else { return nil }
    let id = String(characters[(start + marker.count)...].prefix { !$0.isWhitespace })
    return isValidJobID(id) ? id : nil
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
