import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// External tools the document tests drive: a real CUPS queue (cups-pdf, set up by
/// `.ci/cups-setup.sh`), poppler's `pdfinfo`/`pdftotext`/`pdftoppm`, and headless Chromium.
/// Under CI (`CI=true`) a missing tool fails the tests; on a developer's machine without them
/// the tests are skipped with a reason.
enum DocumentTools {
  static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// The path of `name` on PATH, if any.
  static func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  /// Runs a tool; returns its exit status and standard output.
  @discardableResult
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (
    status: Int32, output: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(which(arguments[0])))
    process.arguments = Array(arguments.dropFirst())
    var env = ProcessInfo.processInfo.environment
    env["LC_ALL"] = "C"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// Whether the cups-pdf test queues exist (`.ci/cups-setup.sh`).
  static let hasQueues: Bool = {
    guard which("lpstat") != nil, which("pdfinfo") != nil else { return false }
    return (try? run(["lpstat", "-p", "spine-a4", "spine-letter"]).status) == 0
  }()

  static let hasChromium: Bool = which("chromium") != nil && which("pdfinfo") != nil

  /// The repository's folder (for the fixtures).
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func fixture(_ name: String) -> String {
    repository.appendingPathComponent("Tests/Fixtures/\(name).json").path
  }

  /// Where cups-pdf writes the jobs of this user.
  static var pdfFolder: String {
    let user = String(cString: getpwuid(getuid()).pointee.pw_name)
    return "/var/spool/cups-pdf/out/\(user)"
  }

  /// The PDF cups-pdf wrote for `job` (for example `spine-a4-12`), waiting up to 20 seconds.
  static func pdf(forJob job: String) throws -> String {
    let number = try #require(job.split(separator: "-").last)
    for _ in 0..<100 {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: pdfFolder)) ?? []
      if let name = names.first(where: { $0.hasSuffix("job_\(number).pdf") }) {
        let path = pdfFolder + "/" + name
        // Written completely: the size stays the same for a moment.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        usleep(200_000)
        let again = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > 0 && size == again { return path }
      }
      usleep(200_000)
    }
    Issue.record("no PDF for job \(job) in \(pdfFolder)")
    throw CancellationError()
  }

  /// The non-blank lines of each page of a PDF (pdftotext keeps one text line per line).
  static func pdfPages(_ path: String) throws -> [[String]] {
    let text = try run(["pdftotext", "-layout", path, "-"]).output
    var pages = text.components(separatedBy: "\u{0C}").map {
      $0.split(separator: "\n").map(String.init).filter {
        !$0.trimmingCharacters(in: .whitespaces).isEmpty
      }
    }
    while pages.last?.isEmpty == true { pages.removeLast() }
    return pages
  }

  /// The non-blank lines of each page of a text summary.
  static func textPages(_ text: String) -> [[String]] {
    text.components(separatedBy: "\u{0C}").map {
      $0.split(separator: "\n").map(String.init).filter {
        !$0.trimmingCharacters(in: .whitespaces).isEmpty
      }
    }
  }

  /// The job identifier in `spine-triage export --print`'s answer.
  static func job(in output: String) -> String? {
    guard let range = output.range(of: "job ") else { return nil }
    let rest = output[range.upperBound...]
    return String(rest.prefix { !$0.isWhitespace && $0 != ")" && $0 != "," })
  }
}

@Suite(
  "Printing through a real CUPS queue",
  .enabled(
    if: DocumentTools.hasQueues || DocumentTools.isCI, "no cups-pdf test queues (.ci/cups-setup.sh)"
  ),
  .serialized)
struct PrintingTests {
  static let fixtures = ["emergency-ces", "cancer-safety-stops", "neck-trauma", "no-imaging"]

  /// Prints `fixture` with `export --print` on `queue`; returns the run and the saved text.
  func printFixture(_ fixture: String, on queue: String, paper: String = "any") throws -> (
    CLI.Result, String
  ) {
    let folder = try TemporaryFolder()
    let result = try CLI.run([
      "export", "--answers", DocumentTools.fixture(fixture), "--format", "text", "-o",
      folder.url.path, "--print", "--printer", queue, "--paper", paper,
    ])
    let saved = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
    let text = (try? String(contentsOfFile: saved, encoding: .utf8)) ?? ""
    return (result, text)
  }

  @Test(
    "the text summary prints unchanged on A4 and Letter: same pages, no line wrapped",
    arguments: fixtures, ["spine-a4", "spine-letter"])
  func fits(_ fixture: String, _ queue: String) throws {
    try #require(
      DocumentTools.hasQueues, "the cups-pdf test queues are missing (.ci/cups-setup.sh)")
    let (result, text) = try printFixture(fixture, on: queue)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("Printed: job \(queue)-") || result.stdout.contains("Queued"))
    let job = try #require(DocumentTools.job(in: result.stdout))
    let pdf = try DocumentTools.pdf(forJob: job)
    let info = try DocumentTools.run(["pdfinfo", pdf]).output
    #expect(info.contains(queue == "spine-a4" ? "(A4)" : "(letter)"), "\(info)")
    let printed = try DocumentTools.pdfPages(pdf)
    let expected = DocumentTools.textPages(text)
    // The same number of pages, and on each page as many lines as the text has: a line too
    // wide for the paper would wrap into two, a page too long would spill onto another.
    #expect(printed.map(\.count) == expected.map(\.count), "\(fixture) on \(queue)")
    // The job title, which cups-pdf puts in the file name, carries no patient data.
    #expect(pdf.contains("SpineTriage_summary"))
    #expect(!pdf.contains("DEMO"))
  }

  @Test("the check can fail: the old 80-column layout wraps on A4")
  func oldLayoutWraps() throws {
    try #require(
      DocumentTools.hasQueues, "the cups-pdf test queues are missing (.ci/cups-setup.sh)")
    let folder = try TemporaryFolder()
    let lines = (1...20).map { "\($0) " + String(repeating: "x", count: 80 - 1 - "\($0)".count) }
    let path = try folder.file("wide.txt", lines.joined(separator: "\n") + "\n")
    let answer = try DocumentTools.run(["lp", "-d", "spine-a4", "-t", "wide", "--", path]).output
    let job = try #require(
      DocumentTools.job(in: answer.replacingOccurrences(of: "request id is ", with: "job ")))
    let pages = try DocumentTools.pdfPages(try DocumentTools.pdf(forJob: job))
    #expect(pages.map(\.count).reduce(0, +) > 20)
  }

  @Test("a held job is not reported as printed: exit 69 and the reason")
  func held() throws {
    try #require(
      DocumentTools.hasQueues, "the cups-pdf test queues are missing (.ci/cups-setup.sh)")
    defer { _ = try? DocumentTools.run(["cancel", "-a", "spine-held"]) }
    let (result, _) = try printFixture("emergency-ces", on: "spine-held")
    #expect(result.status == 69, "\(result)")
    #expect(result.stderr.contains("Not printed: job spine-held-"))
    #expect(result.stderr.contains("held"))
    #expect(!result.stdout.contains("Printed"))
  }

  @Test("a stopped printer: the job waits, not printed, and says why")
  func stopped() throws {
    try #require(
      DocumentTools.hasQueues, "the cups-pdf test queues are missing (.ci/cups-setup.sh)")
    defer { _ = try? DocumentTools.run(["cancel", "-a", "spine-stopped"]) }
    let (result, _) = try printFixture("no-imaging", on: "spine-stopped")
    #expect(result.status == 69, "\(result)")
    #expect(result.stderr.contains("printer spine-stopped is stopped"))
    #expect(result.stderr.contains("stopped for the printing tests"))
  }

  @Test(
    "lp's own error, not a guess",
    arguments: [
      ("spine-rejecting", "not accepting jobs"), ("spine-no-such-queue", "does not exist"),
    ])
  func lpError(_ queue: String, _ words: String) throws {
    try #require(
      DocumentTools.hasQueues, "the cups-pdf test queues are missing (.ci/cups-setup.sh)")
    let (result, text) = try printFixture("emergency-ces", on: queue)
    #expect(result.status == 69, "\(result)")
    #expect(result.stderr.contains("Not printed: lp: "))
    #expect(result.stderr.contains(words), "\(result.stderr)")
    // The summary was saved all the same; its path was printed first.
    #expect(!text.isEmpty)
  }
}

@Suite(
  "HTML summary in headless Chromium",
  .enabled(if: DocumentTools.hasChromium || DocumentTools.isCI, "chromium or poppler-utils missing")
)
struct ChromiumTests {
  @Test(
    "prints on A4 and Letter: decision, patient and page x of y on page 1, the header on every page",
    arguments: ["emergency-ces", "cancer-safety-stops"], ["a4", "letter"])
  func render(_ fixture: String, _ paper: String) throws {
    try #require(DocumentTools.hasChromium, "chromium and poppler-utils are needed")
    let folder = try TemporaryFolder()
    let html = folder.url.appendingPathComponent("summary.html").path
    let pdf = folder.url.appendingPathComponent("summary.pdf").path
    let export = try CLI.run([
      "export", "--answers", DocumentTools.fixture(fixture), "--format", "html", "--paper", paper,
      "-o", html,
    ])
    #expect(export.status == 0, "\(export)")
    let profile = folder.url.appendingPathComponent("profile").path
    try DocumentTools.run(
      [
        "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
        "--user-data-dir=\(profile)", "--print-to-pdf=\(pdf)", "file://\(html)",
      ], environment: ["HOME": folder.url.path])
    let info = try DocumentTools.run(["pdfinfo", pdf]).output
    #expect(info.contains(paper == "a4" ? "(A4)" : "(letter)"), "\(info)")
    let pages = try DocumentTools.pdfPages(pdf)
    #expect((1...3).contains(pages.count), "\(pages.count) pages")
    let patient = fixture == "emergency-ces" ? "Patient: DEMO-0001" : "Patient not recorded"
    let first = pages.first?.prefix(20).joined(separator: "\n") ?? ""
    #expect(first.contains(patient))
    #expect(first.contains("DECISION"))
    #expect(first.contains("PROVISIONAL") || first.contains("FINAL"))
    for (index, page) in pages.enumerated() {
      let header = page.prefix(2).joined(separator: " ")
      #expect(header.contains(patient), "page \(index + 1): \(header)")
      #expect(
        header.contains("page \(index + 1) of \(pages.count)"), "page \(index + 1): \(header)")
    }
  }
}

@Suite(
  "Printing from the screens (tmux)", .serialized,
  .enabled(if: TmuxHarness.available && (DocumentTools.hasQueues || DocumentTools.isCI)))
struct ScreenPrintingTests {
  @Test("p: the job number, then the saved file name in full, at 80x24")
  func printed() throws {
    try #require(
      DocumentTools.hasQueues, "the cups-pdf test queues are missing (.ci/cups-setup.sh)")
    let tmux = try TmuxHarness(name: "print")
    try tmux.start(arguments: [
      "--load", DocumentTools.fixture("emergency-ces"), "--printer", "spine-letter", "--paper",
      "letter",
    ])
    try tmux.waitFor("EMERGENCY")
    try tmux.send("p")
    let screen = try tmux.waitFor("Printed: job spine-letter-")
    #expect(screen.contains(".txt"))
    #expect(!screen.contains("Error:"))
    // The file name on screen is whole: it names a file that exists.
    let name = try #require(
      screen.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "\n" })
        .first { $0.hasPrefix("spine-triage-") && $0.hasSuffix(".txt") })
    let saved = try FileManager.default.contentsOfDirectory(atPath: tmux.exportFolder.path)
    #expect(saved.contains(String(name)))
    try tmux.send("q")
    try tmux.send("n")
    _ = try tmux.waitForExit()
  }

  @Test("p on a queue that refuses jobs: lp's own error, never 'printed', the path kept")
  func refused() throws {
    try #require(
      DocumentTools.hasQueues, "the cups-pdf test queues are missing (.ci/cups-setup.sh)")
    let tmux = try TmuxHarness(name: "print-refused")
    try tmux.start(arguments: [
      "--load", DocumentTools.fixture("emergency-ces"), "--printer", "spine-rejecting",
    ])
    try tmux.waitFor("EMERGENCY")
    try tmux.send("p")
    let screen = try tmux.waitFor("is not accepting jobs")
    #expect(screen.contains("Error: Not printed: lp: Destination"))
    #expect(!screen.contains("Printed:"))
    #expect(screen.contains(".txt"))
    try tmux.send("q")
    try tmux.send("n")
    _ = try tmux.waitForExit()
  }

  @Test("the moment the urgency was reached goes into the draft and stays")
  func urgencyClockInTheDraft() throws {
    let tmux = try TmuxHarness(name: "clock")
    try tmux.start()
    try tmux.waitFor("INCOMPLETE")
    try tmux.send("Down", "Down", "Down", "Down", "y")  // Low back pain
    try tmux.waitFor("[Y] Low back pain")
    try tmux.send("3", "y")  // saddle anaesthesia
    let screen = try tmux.waitFor("EMERGENCY")
    #expect(screen.contains("by "))
    // Polled for, never slept: the draft with the clock, ...
    var first = ""
    let saved = TmuxHarness.poll {
      first = (try? String(contentsOf: tmux.draftFile, encoding: .utf8)) ?? ""
      return first.contains("\"urgency_reached\"") && first.contains("\"emergency\"")
    }
    #expect(saved, "no clock in the draft: \(first)")
    let at = first.components(separatedBy: "\"at\"").dropFirst().first?.prefix(30) ?? ""
    // ... a wall clock past the recorded second (a clock restarted by the next edit would then
    // differ), ...
    let reached = try #require(Self.time(in: String(at)), "no time in \(at)")
    #expect(TmuxHarness.poll { Date().timeIntervalSince(reached) >= 1.5 })
    try tmux.send("Down", "n")  // an unrelated edit later
    // ... and the draft saved after that edit.
    var second = first
    let edited = TmuxHarness.poll {
      second = (try? String(contentsOf: tmux.draftFile, encoding: .utf8)) ?? first
      return second != first && second.contains("\"urgency_reached\"")
    }
    #expect(edited, "the edit was not saved: \(second)")
    #expect(second.components(separatedBy: "\"at\"").dropFirst().first?.prefix(30) == at)
    try tmux.send("q")
    try tmux.send("y")
    _ = try tmux.waitForExit()
  }

  /// The time in a draft's `"at": "2026-11-29T17:21:00+00:00"` (the text after the key).
  static func time(in text: String) -> Date? {
    let parts = text.split(separator: "\"")
    guard parts.count >= 2 else { return nil }
    return ISO8601DateFormatter().date(from: String(parts[1]))
  }
}
