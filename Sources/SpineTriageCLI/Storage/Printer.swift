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
