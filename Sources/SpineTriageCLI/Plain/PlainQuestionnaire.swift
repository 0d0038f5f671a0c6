import TriageEngine
import TriageFormats
import TriageUI

/// The questions of `--plain` in the screens' order, with going back (`b`) and "No to the rest
/// of the section" (`N`), over an answer sheet. No I/O: ``PlainSession`` reads and writes.
struct PlainQuestionnaire {
  /// How the questionnaire ended.
  enum Outcome { case finished, stopped, endOfInput }

  /// One question.
  enum Step: Hashable {
    case number(NumberField)
    case sex
    case finding(Finding)

    /// The section it belongs to.
    var screen: QuestionScreen {
      if case .finding(let finding) = self { return finding.question.screen }
      return .presentation
    }

    /// The identifier kept as the draft's last item (`last_item`).
    var identifier: String {
      switch self {
      case .number(let field): field.id
      case .sex: "sex"
      case .finding(let finding): finding.id
      }
    }

    /// Whether its answer could change the decision now (the screens' `!` mark): a missing
    /// finding or number of `recommendation`.
    func isCritical(_ recommendation: Recommendation) -> Bool {
      switch self {
      case .finding(let finding): recommendation.missingFindings.contains(finding)
      case .number(let field): recommendation.missing.contains(field.id)
      case .sex: false
      }
    }

    var isFinding: Bool {
      if case .finding = self { return true }
      return false
    }

    /// What may be typed.
    var hint: String {
      switch self {
      case .number(let field):
        "[\(field.range.lowerBound)-\(field.range.upperBound), Enter to skip]"
      case .sex: "[f/m/o, Enter to skip]"
      case .finding: "[y/n/d/Enter; ? b N q]"
      }
    }

    /// What the question means (`?`).
    var help: String {
      switch self {
      case .number(let field): field.meaning
      case .sex: "Optional: female, male or other. u clears it."
      case .finding(let finding): finding.question.help
      }
    }

    /// The answer typed, `.keep` for Enter, or nil when not understood.
    func parse(_ text: String, _ answers: Answers) -> Value? {
      let lower = text.lowercased()
      if text.isEmpty { return .keep }
      switch self {
      case .number(let field):
        if lower == "u" { return .number(nil) }
        guard let value = Int(text), field.range.contains(value) else { return nil }
        if field == .conservativeWeeks, let weeks = answers.symptomWeeks, value > weeks {
          return nil
        }
        return .number(value)
      case .sex:
        switch lower {
        case "f", "female": return .sex(.female)
        case "m", "male": return .sex(.male)
        case "o", "other": return .sex(.other)
        case "u": return .sex(nil)
        default: return nil
        }
      case .finding:
        switch lower {
        case "y", "yes": return .answer(.yes)
        case "n", "no": return .answer(.no)
        case "u", "unknown": return .answer(.unknown)
        case "d", "not done": return .notDone
        default: return nil
        }
      }
    }
  }

  /// An answer typed.
  enum Value {
    case number(Int?)
    case sex(Sex?)
    case answer(Answer)
    /// Not done: the clinician could not do or measure it (unknown to the rules).
    case notDone
    /// Enter: leave it as it is (unanswered stays unanswered).
    case keep
  }

  private(set) var sheet: AnswerSheet
  /// The questions asked so far, in order (for `b`).
  private var asked: [Step] = []
  /// The question gone back to, if any.
  private var revisiting: Step?
  private var section: QuestionScreen?
  /// The title of the section the last ``next()`` entered, if it entered one.
  private(set) var newSection: String?

  init(sheet: AnswerSheet) { self.sheet = sheet }

  /// Every question for the answers so far: the Patient page's order, then the findings of
  /// each screen, each only while the questionnaire shows it (``Visibility``: the neck-trauma
  /// questions after trauma), as on the screens.
  var steps: [Step] {
    let answers = sheet.answers
    var steps: [Step] = Page.patient.inputItems(for: answers).compactMap { item in
      switch item {
      case .number(let field): .number(field)
      case .sex: .sex
      case .finding(let finding): .finding(finding)
      default: nil
      }
    }
    for screen in QuestionScreen.allCases where screen != .presentation {
      steps += QuestionCatalogue.questions(on: screen)
        .filter { Visibility.isShown($0.finding, in: answers) }
        .map { .finding($0.finding) }
    }
    return steps
  }

  /// Whether `step` has an answer.
  func isAnswered(_ step: Step) -> Bool {
    switch step {
    case .number(let field): field.value(in: sheet.answers) != nil
    case .sex: sheet.answers.sex != nil
    case .finding(let finding):
      sheet.answers[finding] != .unknown || sheet.answers.isNotDone(finding)
    }
  }

  /// The question to ask next: the one gone back to, else the first not yet asked nor
  /// answered; nil at the end.
  mutating func next() -> Step? {
    newSection = nil
    guard
      let step = revisiting ?? steps.first(where: { !asked.contains($0) && !isAnswered($0) })
    else { return nil }
    if step.screen != section {
      section = step.screen
      newSection = step.screen.title
    }
    return step
  }

  /// The question's number (its place among all the questions).
  func number(of step: Step) -> Int { (steps.firstIndex(of: step) ?? 0) + 1 }

  /// The question, with its current answer when it has one.
  func prompt(_ step: Step) -> String {
    let text: String
    var now: String?
    switch step {
    case .number(let field):
      text = field.label + "?"
      now = field.value(in: sheet.answers).map(String.init)
    case .sex:
      text = "Sex (optional)?"
      now = sheet.answers.sex?.rawValue
    case .finding(let finding):
      text = finding.question.text + "?"
      let answer = sheet.answers[finding]
      now =
        sheet.answers.isNotDone(finding)
        ? "not done" : answer == .unknown ? nil : answer.rawValue
    }
    return now.map { "\(text) (now: \($0); Enter keeps it)" } ?? text
  }

  /// Records `value` for `step`; returns whether the answers changed.
  mutating func record(_ step: Step, _ value: Value) -> Bool {
    if !asked.contains(step) { asked.append(step) }
    revisiting = nil
    let before = sheet
    switch (step, value) {
    case (_, .keep): break
    case (.number(let field), .number(let number)): field.set(number, in: &sheet.answers)
    case (.sex, .sex(let sex)): sheet.answers.sex = sex
    case (.finding(let finding), .answer(let answer)):
      if sheet.answers[finding] != answer || sheet.answers.isNotDone(finding) {
        sheet.answers[finding] = answer
        sheet.forgetBulk(finding)
      }
    case (.finding(let finding), .notDone):
      if !sheet.answers.isNotDone(finding) {
        sheet.answers.markNotDone(finding)
        sheet.forgetBulk(finding)
      }
    default: break
    }
    return sheet != before
  }

  /// Notes that the answer to `step` changed at `at` (ISO 8601): the assessment time and the
  /// last item touched, kept in the draft.
  mutating func noteAnswered(_ step: Step, at: String) {
    sheet.noteAnswered(now: at, item: step.identifier)
  }

  /// Sets the patient identifier and the clinician (typed at the end).
  mutating func setNames(patientID: String?, clinician: String?) {
    sheet.patientID = patientID
    sheet.clinician = clinician
  }

  /// Goes back to the question asked before the current one; false at the first.
  mutating func back() -> Bool {
    let index = revisiting.flatMap { asked.firstIndex(of: $0) } ?? asked.count
    guard index > 0 else { return false }
    revisiting = asked[index - 1]
    section = nil
    return true
  }

  /// The unanswered findings of `step`'s section from `step` on that No to the rest may answer:
  /// never one recorded as not done, nor one whose answer needs a measurement or a test.
  func restOfSection(from step: Step) -> [Finding] {
    unansweredOfSection(from: step).filter { !$0.needsMeasurement }
  }

  /// The unanswered findings of `step`'s section from `step` on that need a measurement or a
  /// test: No to the rest leaves them to be answered one by one.
  func measuredLeft(from step: Step) -> [Finding] {
    unansweredOfSection(from: step).filter(\.needsMeasurement)
  }

  private func unansweredOfSection(from step: Step) -> [Finding] {
    let all = steps
    guard let start = all.firstIndex(of: step) else { return [] }
    return all[start...].compactMap { item in
      guard case .finding(let finding) = item, finding.question.screen == step.screen,
        sheet.answers[finding] == .unknown, !sheet.answers.isNotDone(finding)
      else { return nil }
      return finding
    }
  }

  /// Answers `findings` No, recorded as given in bulk at `at`.
  mutating func answerRestNo(_ findings: [Finding], screen: QuestionScreen, at: String) {
    let fresh = findings.filter {
      sheet.answers[$0] == .unknown && !sheet.answers.isNotDone($0) && !$0.needsMeasurement
    }
    guard !fresh.isEmpty else { return }
    // Only the question where N was typed joins the history: b goes back to it.
    if let first = fresh.first, !asked.contains(.finding(first)) { asked.append(.finding(first)) }
    for finding in fresh { sheet.answers[finding] = .no }
    sheet.bulk.append(BulkAnswer(screen: screen, answer: .no, findings: fresh, at: at))
    sheet.noteAnswered(now: at, item: fresh[0].id)
    revisiting = nil
  }
}
