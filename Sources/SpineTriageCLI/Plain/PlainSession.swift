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
    let expired = SharedTerminal.expire(
      settings, drafts: drafts.store,
      exportFolder: settings.exportFolder ?? (try? directories.exportFolder()))
    if let notice = expired.notice(hours: settings.sharedRetentionHours) { notices.append(notice) }
    if load != nil, let notice = try drafts.claimLoaded(sheet) { notices.append(notice) }
    if sheet.consultationID == nil { sheet.consultationID = SystemClock.uuid() }
    let effects = EffectRunner(directories: directories, drafts: drafts, settings: settings)
    var reader = LineReader(descriptor: 0)
    var writeFailed = false
    func say(_ text: String) {
      if !StandardStreams.writeOutput(text) { writeFailed = true }
    }

    say(
      "SpineTriage \(SpineTriage.version), plain mode. Decision support only: the clinician decides.\n"
        + "Answer y (yes), n (no), d (not done: could not be done or measured), or press Enter"
        + " to leave a question unanswered (not assessed; never taken as no). ? explains the"
        + " question, b goes back, N answers No to the rest of the section (never an item that"
        + " needs a measurement or a test), q stops and shows the recommendation. A question marked ! could"
        + " change the decision; after each answer a line starting Now: gives the"
        + " recommendation so far and its status.\n")
    for notice in notices { say(AnswersError.printable(notice, limit: 300) + "\n") }
    if load == nil && isatty(0) == 1 {
      // At a terminal, the drafts are offered as in the screens.
      switch PlainDraftOffer.run(
        drafts: drafts, hidesPatients: settings.sharedTerminal, reader: &reader, say: say)
      {
      case .resume(let resumed): sheet = resumed
      case .new: break
      case .quit: return
      }
    } else if let waiting = drafts.store?.draftCount(excluding: sheet.consultationID), waiting > 0 {
      say(
        "\(waiting) saved draft\(waiting == 1 ? " is" : "s are") kept for other assessments (not opened here): spine-triage drafts lists them; spine-triage --plain --load FILE resumes one.\n"
      )
    }

    var questionnaire = PlainQuestionnaire(sheet: sheet)
    var outcome = PlainQuestionnaire.Outcome.finished
    // Said once: when the drafts cannot be saved, the answers live only in this session.
    var draftWarned = false
    func warnDraft(_ reason: String) {
      guard !draftWarned else { return }
      draftWarned = true
      say(
        "Warning: drafts cannot be saved (\(AnswersError.printable(reason, limit: 200))). The"
          + " answers are kept only until this session ends: export the summary before you"
          + " quit.\n")
    }
    if drafts.store == nil { warnDraft(drafts.problem ?? "no state folder") }
    func saveDraft() {
      if let message = effects.saveDraft(questionnaire.sheet), message.isError {
        warnDraft(message.text)
      }
    }
    /// One short line after each answer: the recommendation so far, its status, the study and
    /// the deadline.
    func sayStanding() {
      let sheet = effects.withClock(questionnaire.sheet)
      let recommendation = TriageEngine.evaluate(sheet.answers)
      var line = "   Now: " + DecisionText.statusWords(recommendation)
      if let study = recommendation.mainStudy { line += "; " + study.displayName }
      if let deadline = Deadline.short(
        recommendation, clock: sheet.urgencyClock, now: SystemClock.iso8601())
      {
        line += "; " + deadline
      }
      say(line + ".\n")
    }
    while let step = questionnaire.next() {
      if let title = questionnaire.newSection { say("\n\(title)\n") }
      let number = questionnaire.number(of: step)
      var answered = false
      while !answered {
        // ! marks a question whose answer could change the decision (as on the screens).
        let critical = step.isCritical(TriageEngine.evaluate(questionnaire.sheet.answers))
        say("\(number). \(critical ? "! " : "")\(questionnaire.prompt(step)) \(step.hint): ")
        guard let line = reader.readLine() else {
          say("\n")
          outcome = .endOfInput
          break
        }
        if reader.lastLineWasTooLong {
          say("   Not understood: a line of more than \(LineReader.maxLine) bytes. \(step.hint).\n")
          continue
        }
        let text = line.trimmingCharacters
        switch text {
        case "q", "quit":
          outcome = .stopped
        case "?":
          say("   " + step.help + "\n")
          continue
        case "b":
          if !questionnaire.back() { say("   This is the first question.\n") }
          answered = true
          continue
        case "N" where step.isFinding:
          let rest = questionnaire.restOfSection(from: step)
          let measured = questionnaire.measuredLeft(from: step)
          let screen = step.screen
          guard !rest.isEmpty else {
            say("   Nothing left in \(screen.title) that No to the rest may answer.\n")
            continue
          }
          // The items are named before the question: each must have been asked.
          say(
            "   No to the \(rest.count) unanswered item\(rest.count == 1 ? "" : "s") left in \(screen.title)"
              + (screen == .mriSafety ? " (each must have been asked)" : "") + ":\n"
              + rest.map { "     - " + BulkText.label($0) + "\n" }.joined()
              + (measured.isEmpty
                ? ""
                : "   Not included (need a measurement or a test; answer each one): "
                  + measured.map { BulkText.label($0) }.joined(separator: "; ") + "\n")
              + "   Answer No to \(rest.count == 1 ? "it" : "all \(rest.count)")? [y to confirm]: ")
          guard let confirm = reader.readLine() else {
            say("\n")
            outcome = .endOfInput
            break
          }
          // Only a lower-case y: with Caps Lock on, Y never answers a section.
          if confirm.trimmingCharacters == "y" {
            questionnaire.answerRestNo(rest, screen: screen, at: SystemClock.iso8601())
            saveDraft()
            say(
              "   Recorded: No to \(rest.count) item\(rest.count == 1 ? "" : "s"), given in bulk.\n"
            )
            sayStanding()
            answered = true
          } else {
            say("   Cancelled; nothing answered (only a lower-case y confirms).\n")
          }
          continue
        default:
          guard let value = step.parse(text, questionnaire.sheet.answers) else {
            // Echoed safely: control and format characters (escape sequences) as \u{..}, cut.
            say("   Not understood: '\(AnswersError.printable(text, limit: 20))'. \(step.hint).\n")
            continue
          }
          if questionnaire.record(step, value) {
            questionnaire.noteAnswered(step, at: SystemClock.iso8601())
            saveDraft()
          }
          sayStanding()
          answered = true
          continue
        }
        break
      }
      if outcome != .finished { break }
    }
    sheet = questionnaire.sheet
    if outcome != .finished { say("\nStopped; the recommendation for the answers so far:\n") }
    sheet = effects.withClock(sheet)
    say(
      "\n"
        + TextReport.string(
          TriageEngine.evaluate(sheet.answers), answers: sheet.answers, clock: sheet.urgencyClock,
          now: SystemClock.iso8601(), times: .assessedAndPrinted(sheet.assessedAt)))

    // At the end of the questionnaire or after q (not at the end of input): who, and an export.
    if outcome != .endOfInput {
      func askText(_ label: String, _ current: String?) -> String?? {
        while true {
          say(
            "\(label) (optional, printed on the summary)\(current.map { _ in ", Enter keeps it" } ?? ", Enter to skip"): "
          )
          guard let line = reader.readLine() else {
            say("\n")
            return nil
          }
          let text = line.trimmingSpaces
          if text.isEmpty { return .some(current) }
          if let problem = FreeText.problem(text) {
            say("   Not accepted: \(problem).\n")
            continue
          }
          return .some(text)
        }
      }
      ending: do {
        guard let patient = askText("Patient identifier", sheet.patientID) else { break ending }
        guard let clinician = askText("Clinician", sheet.clinician) else { break ending }
        if patient != sheet.patientID || clinician != sheet.clinician {
          sheet.patientID = patient
          sheet.clinician = clinician
          questionnaire.setNames(patientID: patient, clinician: clinician)
          saveDraft()
        }
        while true {
          say("Export the summary? t text, h HTML, f FHIR, Enter for none: ")
          guard let line = reader.readLine() else {
            say("\n")
            break ending
          }
          let kind: ExportKind?
          switch line.trimmingCharacters.lowercased() {
          case "t", "text": kind = .text
          case "h", "html": kind = .html
          case "f", "fhir": kind = .fhir
          case "", "n", "no": break ending
          default:
            say("   Not understood. t, h, f or Enter.\n")
            continue
          }
          for action in effects.export(kind!, sheet: sheet) {
            if case .report(let message) = action {
              say((message.isError ? "Error: " : "") + message.fullText + "\n")
            }
          }
        }
      }
    }
    if writeFailed {
      throw CLIFailure(
        "standard output: write failed: \(AtomicFile.reason(errno))", status: ExitStatus.ioError)
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
