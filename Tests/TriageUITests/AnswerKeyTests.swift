import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// The answer keys on a finding: y, n, Space, u, Backspace, Delete.
@Suite("Answering a finding")
struct FindingAnswerTests {
  /// A state with the focus on the first History finding.
  func onFinding() -> (AppState, Finding) {
    let finding = findings(on: .history)[0]
    return (makeState(on: .history, focusedOn: .finding(finding)), finding)
  }

  @Test(arguments: [
    (Key.character("y"), Answer.yes), (.character("n"), .no),
  ])
  func yesAndNo(key: Key, answer: Answer) {
    var (state, finding) = onFinding()
    #expect(press(key, in: &state) == [.saveDraft])
    #expect(state.answers[finding] == answer)
    // The same answer again changes nothing: no draft to save.
    #expect(press(key, in: &state) == [])
    #expect(state.answers[finding] == answer)
  }

  @Test func yesThenNoReplacesTheAnswer() {
    var (state, finding) = onFinding()
    #expect(press(key("y"), key("n"), in: &state) == [.saveDraft, .saveDraft])
    #expect(state.answers[finding] == .no)
  }

  @Test(arguments: [Key.character("u"), .backspace, .delete])
  func clearKeysMakeTheFindingUnanswered(key: Key) {
    var (state, finding) = onFinding()
    press(.character("y"), in: &state)
    #expect(press(key, in: &state) == [.saveDraft])
    #expect(state.answers[finding] == .unknown)
    // Clearing an unanswered finding changes nothing.
    #expect(press(key, in: &state) == [])
  }

  @Test func spaceCyclesUnknownYesNoUnknown() {
    var (state, finding) = onFinding()
    var seen: [Answer] = []
    for _ in 0..<4 {
      #expect(press(key(" "), in: &state) == [.saveDraft])
      seen.append(state.answers[finding])
    }
    #expect(seen == [.yes, .no, .unknown, .yes])
  }

  /// The answer goes to the focused finding only.
  @Test func onlyTheFocusedFindingChanges() {
    var state = makeState(on: .history)
    press(key("j"), key("j"), key("y"), key("j"), key("n"), in: &state)
    let list = findings(on: .history)
    #expect(state.answers[list[2]] == .yes)
    #expect(state.answers[list[3]] == .no)
    #expect(state.answers.answeredCount == 2)
  }

  /// The tab bar's unanswered count follows the answers.
  @Test func unansweredCountFollowsTheAnswers() {
    var state = makeState(on: .history)
    #expect(state.unansweredCount(on: .history) == 22)
    press(key("y"), key("j"), key("n"), key("j"), key(" "), in: &state)
    #expect(state.unansweredCount(on: .history) == 19)
    press(key("u"), in: &state)
    #expect(state.unansweredCount(on: .history) == 20)
  }

  /// y and n on a row that is not a finding change nothing and say why.
  @Test(arguments: [Item.number(.age), .sex])
  func yesOnANonFindingRowIsExplained(item: Item) {
    var state = makeState(on: .patient, focusedOn: item)
    let effects = apply(.answer(.yes), &state)
    #expect(effects == [])
    #expect(state.answers.isEmpty)
    #expect(state.message?.text.isEmpty == false)
  }

  /// y, n and Space are not bound on a report line (the Summary): nothing happens.
  @Test func answerKeysOnAReportLineDoNothing() {
    var state = makeState(on: .summary)
    press(key("G"), in: &state)
    guard case .report = state.focusedItem else {
      Issue.record("expected a report line, got \(String(describing: state.focusedItem))")
      return
    }
    #expect(press(key("y"), key("n"), in: &state) == [])
    #expect(state.answers.isEmpty)
  }
}

/// Typing numbers: age, weeks of symptoms, weeks of conservative care.
@Suite("Numeric entry")
struct NumberEntryTests {
  @Test func digitsBuildTheNumber() {
    var state = makeState(on: .patient, focusedOn: .number(.age))
    #expect(press(typing("45"), &state) == [.saveDraft, .saveDraft])
    #expect(state.answers.age == 45)
    #expect(state.page == .patient)
  }

  @Test func leadingZeroIsReplaced() {
    var state = makeState(on: .patient, focusedOn: .number(.symptomWeeks))
    press(typing("07"), &state)
    #expect(state.answers.symptomWeeks == 7)
  }

  @Test func zeroIsAValue() {
    var state = makeState(on: .patient, focusedOn: .number(.conservativeWeeks))
    #expect(press(key("0"), in: &state) == [.saveDraft])
    #expect(state.answers.conservativeWeeks == 0)
  }

  /// A digit that would leave the range is refused with a message naming the range; the value
  /// stays as it was.
  @Test(arguments: [
    (NumberField.age, "45", Character("9"), 45, "0 to 120"),
    (NumberField.age, "12", Character("1"), 12, "0 to 120"),
    (NumberField.symptomWeeks, "520", Character("0"), 520, "0 to 520"),
    (NumberField.conservativeWeeks, "53", Character("0"), 53, "0 to 520"),
  ])
  func outOfRangeDigitIsRejected(
    field: NumberField, typed: String, extra: Character, value: Int, range: String
  ) throws {
    var state = makeState(on: .patient, focusedOn: .number(field))
    press(typing(typed), &state)
    #expect(field.value(in: state.answers) == value)
    #expect(press(key(extra), in: &state) == [])
    #expect(field.value(in: state.answers) == value)
    let message = try #require(state.message)
    #expect(message.isError)
    #expect(message.text.contains(range))
    #expect(message.text.contains(field.label))
    // The message goes at the next key.
    press(key("j"), in: &state)
    #expect(state.message == nil)
  }

  @Test(arguments: [Key.backspace, .delete])
  func backspaceDeletesTheLastDigit(key: Key) {
    var state = makeState(on: .patient, focusedOn: .number(.symptomWeeks))
    press(typing("123"), &state)
    #expect(press(key, in: &state) == [.saveDraft])
    #expect(state.answers.symptomWeeks == 12)
    press(key, in: &state)
    #expect(state.answers.symptomWeeks == 1)
    #expect(press(key, in: &state) == [.saveDraft])
    #expect(state.answers.symptomWeeks == nil)
    // Nothing left to delete: no change, no save.
    #expect(press(key, in: &state) == [])
  }

  @Test func uClearsTheNumber() {
    var state = makeState(on: .patient, focusedOn: .number(.age))
    press(typing("67"), &state)
    #expect(press(.character("u"), in: &state) == [.saveDraft])
    #expect(state.answers.age == nil)
    #expect(press(.character("u"), in: &state) == [])
  }

  /// Digits on a number type the number: they never jump to a screen.
  @Test(arguments: 1...6)
  func digitsOnANumberDoNotChangeScreen(digit: Int) {
    var state = makeState(on: .patient, focusedOn: .number(.conservativeWeeks))
    press(key(Character(String(digit))), in: &state)
    #expect(state.page == .patient)
    #expect(state.answers.conservativeWeeks == digit)
  }

  /// More weeks of conservative care than of symptoms is kept, with a warning.
  @Test func careLongerThanSymptomsIsFlagged() throws {
    var state = makeState(on: .patient, focusedOn: .number(.symptomWeeks))
    press(key("2"), key("j"), in: &state)
    #expect(state.focusedItem == .number(.conservativeWeeks))
    #expect(press(key("3"), in: &state) == [.saveDraft])
    #expect(state.answers.conservativeWeeks == 3)
    let message = try #require(state.message)
    #expect(message.isError)
    #expect(message.text.contains("3 weeks of care"))
  }

  /// The cursor sits after the digits, for screen readers.
  @Test func cursorFollowsTheDigits() throws {
    var state = makeState(on: .patient, focusedOn: .number(.age))
    press(typing("45"), &state)
    let screen = Renderer.render(state)
    let cursor = try #require(screen.cursor)
    #expect(cursor.row == 2)
    #expect(screen.text(row: 2) == "▶ Age (years): 45")
    #expect(cursor.column == "▶ Age (years): 45".count)
  }
}

/// The sex row: f, m, o, Space, u.
@Suite("Sex")
struct SexEntryTests {
  @Test(arguments: [
    (Character("f"), Sex.female), ("m", .male), ("o", .other),
  ])
  func letterSetsSex(letter: Character, sex: Sex) {
    var state = makeState(on: .patient, focusedOn: .sex)
    #expect(press(key(letter), in: &state) == [.saveDraft])
    #expect(state.answers.sex == sex)
    #expect(press(key(letter), in: &state) == [])
  }

  @Test func spaceCyclesFemaleMaleOtherUnset() {
    var state = makeState(on: .patient, focusedOn: .sex)
    var seen: [Sex?] = []
    for _ in 0..<5 {
      #expect(press(key(" "), in: &state) == [.saveDraft])
      seen.append(state.answers.sex)
    }
    #expect(seen == [.female, .male, .other, nil, .female])
  }

  @Test(arguments: [Key.character("u"), .backspace, .delete])
  func clearKeysUnsetSex(key: Key) {
    var state = makeState(on: .patient, focusedOn: .sex)
    press(.character("m"), in: &state)
    #expect(press(key, in: &state) == [.saveDraft])
    #expect(state.answers.sex == nil)
    #expect(press(key, in: &state) == [])
  }

  /// On the sex row, y and n are not sex keys; f, m, o do not answer findings elsewhere.
  @Test func sexKeysOnlyOnTheSexRow() {
    var state = makeState(on: .patient, focusedOn: .sex)
    press(key("y"), key("n"), in: &state)
    #expect(state.answers.isEmpty)
    press(key("j"), key("j"), key("j"), in: &state)
    guard case .finding = state.focusedItem else {
      Issue.record("expected a finding")
      return
    }
    press(key("f"), key("m"), key("o"), in: &state)
    #expect(state.answers.isEmpty)
    #expect(state.answers.sex == nil)
  }
}
