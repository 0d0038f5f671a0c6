import TriageEngine
import TriageFormats
import TriageUI

#if canImport(Glibc)
  import Glibc
#endif

/// `spine-triage --plain`: the questionnaire as numbered line-by-line prompts on standard input
/// and output, for screen readers and terminals where curses cannot run. It ends by printing
/// the recommendation in text. The draft is saved after every answer.
enum PlainSession {
  static func run(load: String?, settings: Settings = Settings()) throws(CLIFailure) {
    var sheet = AnswerSheet()
    if let load { sheet = try AnswersInput.load(load) }
    // The same rules as the screens: a private state folder, one draft per consultation, a
    // loaded consultation open in another session refused; the drafts of other consultations
    // are never touched.
    let directories = AppDirectories.current()
    let drafts = try DraftKeeper.open(directories, retentionDays: settings.draftRetentionDays)
    defer { drafts.finish() }
    var notices = try drafts.prepare()
    if load != nil, let notice = try drafts.claimLoaded(sheet) { notices.append(notice) }
    if sheet.consultationID == nil { sheet.consultationID = SystemClock.uuid() }
    let effects = EffectRunner(directories: directories, drafts: drafts, settings: settings)
    var reader = LineReader(descriptor: 0)
    var number = 0
    var stopped = false

    var writeFailed = false
    func say(_ text: String) {
      if !StandardStreams.writeOutput(text) { writeFailed = true }
    }
    /// Asks until a valid answer, end of input, or "q". Returns nil to stop.
    func ask<T>(_ prompt: String, _ parse: (String) -> T??, hint: String) -> T?? {
      number += 1
      while true {
        say("\(number). \(prompt) \(hint): ")
        guard let line = reader.readLine() else {
          say("\n")
          stopped = true
          return nil
        }
        if reader.lastLineWasTooLong {
          say("   Not understood: a line of more than \(LineReader.maxLine) bytes. \(hint).\n")
          continue
        }
        let text = line.trimmingCharacters
        if text == "q" || text == "quit" {
          stopped = true
          return nil
        }
        if let value = parse(text) { return value }
        // Echoed safely: control and format characters (escape sequences) as \u{..}, cut.
        say("   Not understood: '\(AnswersError.printable(text, limit: 20))'. \(hint).\n")
      }
    }

    say(
      "SpineTriage \(SpineTriage.version), plain mode. Decision support only: the clinician decides.\n"
        + "Answer y (yes), n (no), or press Enter to leave a question unanswered (not assessed;"
        + " never taken as no). Type q to stop and see the recommendation.\n")
    for notice in notices { say(AnswersError.printable(notice, limit: 300) + "\n") }
    if load == nil && isatty(0) == 1 {
      // At a terminal, the drafts are offered as in the screens.
      switch PlainDraftOffer.run(drafts: drafts, reader: &reader, say: say) {
      case .resume(let resumed): sheet = resumed
      case .new: break
      case .quit: return
      }
    } else if let waiting = drafts.store?.draftCount(excluding: sheet.consultationID), waiting > 0 {
      say(
        "\(waiting) saved draft\(waiting == 1 ? " is" : "s are") kept for other assessments (not opened here): spine-triage drafts lists them; spine-triage --plain --load FILE resumes one.\n"
      )
    }
    screens: for screen in QuestionScreen.allCases {
      if screen == .neckTrauma && !Page.neckTraumaApplies(sheet.answers) { continue }
      say("\n\(screen.title)\n")
      if screen == .presentation {
        // The Patient page's order: age, sex, weeks of symptoms, weeks of care.
        for item in Page.patient.inputItems {
          switch item {
          case .sex where sheet.answers.sex == nil:
            let sex: Sex?? = ask(
              "Sex (optional)?",
              { text in
                switch text.lowercased() {
                case "f", "female": return .some(.female)
                case "m", "male": return .some(.male)
                case "o", "other": return .some(.other)
                case "", "u": return .some(nil)
                default: return nil
                }
              }, hint: "[f/m/o, Enter to skip]")
            guard let sex else { break screens }
            if let sex {
              sheet.answers.sex = sex
              effects.saveDraft(sheet)
            }
          case .number(let field) where field.value(in: sheet.answers) == nil:
            let range = field.range
            let value: Int?? = ask(
              field.label + "?",
              { text in
                if text.isEmpty || text == "u" { return .some(nil) }
                guard let value = Int(text), range.contains(value) else { return nil }
                if field == .conservativeWeeks, let weeks = sheet.answers.symptomWeeks,
                  value > weeks
                {
                  return nil
                }
                return .some(value)
              }, hint: "[\(range.lowerBound)-\(range.upperBound), Enter to skip]")
            guard let value else { break screens }
            field.set(value, in: &sheet.answers)
            effects.saveDraft(sheet)
          default: break
          }
        }
      }
      for question in QuestionCatalogue.questions(on: screen)
      where sheet.answers[question.finding] == .unknown {
        let answer: Answer?? = ask(
          question.text + "?",
          { text in
            switch text.lowercased() {
            case "y", "yes": return .some(.yes)
            case "n", "no": return .some(.no)
            case "", "u", "unknown", "?": return .some(.unknown)
            default: return nil
            }
          }, hint: "[y/n/Enter]")
        guard let answer else { break screens }
        if let answer, answer != .unknown {
          sheet.answers[question.finding] = answer
          effects.saveDraft(sheet)
        }
      }
    }
    if stopped { say("\nStopped; the recommendation for the answers so far:\n") }
    say("\n" + TextReport.string(TriageEngine.evaluate(sheet.answers)))
    if writeFailed {
      throw CLIFailure(
        "standard output: write failed: \(AtomicFile.reason(errno))", status: ExitStatus.ioError)
    }
  }
}

/// Reads lines from a file descriptor without Foundation, in linear time: each byte is scanned
/// once, and a line longer than ``maxLine`` bytes is dropped as it arrives (memory stays
/// bounded) and reported with ``lastLineWasTooLong``.
struct LineReader {
  /// The longest line kept, in bytes (an answer is a few characters).
  static let maxLine = 4096
  let descriptor: Int32
  private var buffer: [UInt8] = []
  /// Where the unread part of `buffer` starts.
  private var start = 0
  /// Up to where the unread part was searched for a newline.
  private var scanned = 0
  private var finished = false
  /// Whether the current line passed the limit (its bytes are being dropped).
  private var overlong = false
  /// Whether the line just returned was too long (it is returned empty).
  private(set) var lastLineWasTooLong = false

  init(descriptor: Int32) { self.descriptor = descriptor }

  /// The next line without its newline, or nil at end of input. A line over ``maxLine``
  /// bytes comes back empty with ``lastLineWasTooLong`` set.
  mutating func readLine() -> String? {
    lastLineWasTooLong = false
    while true {
      if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
        let line = overlong ? "" : String(decoding: buffer[start..<newline], as: UTF8.self)
        lastLineWasTooLong = overlong
        overlong = false
        consume(upTo: newline + 1)
        return line
      }
      scanned = buffer.count
      if buffer.count - start > LineReader.maxLine {
        overlong = true
        consume(upTo: buffer.count)
      }
      if finished {
        if overlong {
          overlong = false
          lastLineWasTooLong = true
          return ""
        }
        guard start < buffer.count else { return nil }
        let line = String(decoding: buffer[start...], as: UTF8.self)
        consume(upTo: buffer.count)
        return line
      }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        finished = true
        continue
      }
      buffer.append(contentsOf: chunk[..<count])
    }
  }

  /// Marks the bytes before `end` as read; the buffer is compacted when it is all read or the
  /// read part is large (amortised linear).
  private mutating func consume(upTo end: Int) {
    start = end
    scanned = end
    if start == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      (start, scanned) = (0, 0)
    } else if start > 1 << 16 {
      buffer.removeSubrange(..<start)
      (start, scanned) = (0, 0)
    }
  }
}

extension String {
  var trimmingCharacters: String {
    var text = Substring(self)
    while let first = text.first, first.isWhitespace { text.removeFirst() }
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return String(text)
  }
}
