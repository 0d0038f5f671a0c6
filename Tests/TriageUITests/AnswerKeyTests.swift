import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// The answer keys on a finding: y, n, Space (each then moves to the next item), u, Backspace,
/// Delete.
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
    // The focus moved on to the next item.
    #expect(state.focusedItem == .finding(findings(on: .history)[1]))
    // Back on it, the same answer again changes nothing: no draft to save; the focus moves on.
    press(.character("k"), in: &state)
    #expect(press(key, in: &state) == [])
    #expect(state.answers[finding] == answer)
    #expect(state.focusedItem == .finding(findings(on: .history)[1]))
  }

  @Test func yesThenNoReplacesTheAnswer() {
    var (state, finding) = onFinding()
    #expect(press(key("y"), key("k"), key("n"), in: &state) == [.saveDraft, .saveDraft])
    #expect(state.answers[finding] == .no)
  }

  @Test(arguments: [Key.character("u"), .backspace, .delete])
  func clearKeysMakeTheFindingUnanswered(key: Key) {
    var (state, finding) = onFinding()
    press(.character("y"), .character("k"), in: &state)
    #expect(press(key, in: &state) == [.saveDraft])
    #expect(state.answers[finding] == .unknown)
    // Clearing does not move the focus; clearing an unanswered finding changes nothing.
    #expect(state.focusedItem == .finding(finding))
    #expect(press(key, in: &state) == [])
  }

  @Test func spaceCyclesUnknownYesNoUnknown() {
    var (state, finding) = onFinding()
    var seen: [Answer] = []
    for _ in 0..<4 {
      #expect(press(key(" "), in: &state) == [.saveDraft])
      seen.append(state.answers[finding])
      // Space answers and moves on: back to the finding for the next turn.
      press(key("k"), in: &state)
    }
    #expect(seen == [.yes, .no, .unknown, .yes])
  }

  /// y, n and Space each move the focus one item down the page: answering a page is one key
  /// per item.
  @Test func answersWalkDownThePage() {
    var state = makeState(on: .history)
    press(key("n"), key("n"), key(" "), key("y"), in: &state)
    let list = findings(on: .history)
    #expect(state.answers[list[0]] == .no)
    #expect(state.answers[list[1]] == .no)
    #expect(state.answers[list[2]] == .yes)
    #expect(state.answers[list[3]] == .yes)
    #expect(state.focusedItem == .finding(list[4]))
  }

  /// On the last item of a page the focus stays.
  @Test func lastItemKeepsTheFocus() {
    var state = makeState(on: .history)
    press(key("G"), in: &state)
    let last = findings(on: .history).last!
    #expect(state.focusedItem == .finding(last))
    press(key("n"), in: &state)
    #expect(state.answers[last] == .no)
    #expect(state.focusedItem == .finding(last))
  }

  /// The answer goes to the focused finding only.
  @Test func onlyTheFocusedFindingChanges() {
    var state = makeState(on: .history)
    press(key("j"), key("j"), key("y"), key("n"), in: &state)
    let list = findings(on: .history)
    #expect(state.answers[list[2]] == .yes)
    #expect(state.answers[list[3]] == .no)
    #expect(state.answers.answeredCount == 2)
  }

  /// The tab bar's unanswered count follows the answers.
  @Test func unansweredCountFollowsTheAnswers() {
    var state = makeState(on: .history)
    #expect(state.unansweredCount(on: .history) == findings(on: .history).count)
    press(key("y"), key("n"), key(" "), in: &state)
    #expect(state.unansweredCount(on: .history) == findings(on: .history).count - 3)
    press(key("k"), key("u"), in: &state)
    #expect(state.unansweredCount(on: .history) == findings(on: .history).count - 2)
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

/// Typing numbers: Enter, digits, Enter (Esc cancels). Digits alone switch screens.
@Suite("Numeric entry")
struct NumberEntryTests {
  @Test func enterDigitsEnterKeepsTheNumberAndMovesOn() {
    var state = makeState(on: .patient, focusedOn: .number(.age))
    #expect(press([.enter] + typing("45"), &state) == [])
    #expect(state.answers.age == nil)
    #expect(state.mode == .editingNumber(.age, buffer: "45"))
    #expect(press(.enter, in: &state) == [.saveDraft])
    #expect(state.answers.age == 45)
    #expect(state.page == .patient)
    #expect(state.mode == .normal)
    #expect(state.focusedItem == .sex)
  }

  @Test func escapeCancels() {
    var state = makeState(on: .patient, focusedOn: .number(.age))
    press([.enter] + typing("45") + [.enter], &state)
    press(.character("k"), in: &state)
    #expect(press([.enter] + typing("7") + [.escape], &state) == [])
    #expect(state.answers.age == 45)
    #expect(state.mode == .normal)
    #expect(state.focusedItem == .number(.age))
  }

  /// Enter with nothing typed keeps the value as it was.
  @Test func enterWithoutDigitsChangesNothing() {
    var state = makeState(on: .patient, focusedOn: .number(.symptomWeeks))
    #expect(press(.enter, .enter, in: &state) == [])
    #expect(state.answers.symptomWeeks == nil)
    #expect(state.mode == .normal)
  }

  @Test func leadingZeroIsReplaced() {
    var state = makeState(on: .patient, focusedOn: .number(.symptomWeeks))
    press([.enter] + typing("07") + [.enter], &state)
    #expect(state.answers.symptomWeeks == 7)
  }

  @Test func zeroIsAValue() {
    var state = makeState(on: .patient, focusedOn: .number(.conservativeWeeks))
    #expect(press([.enter, key("0"), .enter], &state) == [.saveDraft])
    #expect(state.answers.conservativeWeeks == 0)
  }

  /// A digit that would leave the range is refused with a message naming the range; what was
  /// typed stays.
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
    press([.enter] + typing(typed), &state)
    #expect(press(key(extra), in: &state) == [])
    #expect(state.mode == .editingNumber(field, buffer: typed))
    let message = try #require(state.message)
    #expect(message.isError)
    #expect(message.text.contains(range))
    #expect(message.text.contains(field.label))
    press(.enter, in: &state)
    #expect(field.value(in: state.answers) == value)
  }

  @Test(arguments: [Key.backspace, .delete])
  func backspaceDeletesTheLastDigitTyped(key: Key) {
    var state = makeState(on: .patient, focusedOn: .number(.symptomWeeks))
    press([.enter] + typing("123") + [key], &state)
    #expect(state.mode == .editingNumber(.symptomWeeks, buffer: "12"))
    press([key, key, key], &state)
    #expect(state.mode == .editingNumber(.symptomWeeks, buffer: ""))
    press(typing("4") + [.enter], &state)
    #expect(state.answers.symptomWeeks == 4)
  }

  @Test(arguments: [Key.character("u"), .backspace, .delete])
  func clearKeysClearTheNumber(key: Key) {
    var state = makeState(on: .patient, focusedOn: .number(.age))
    press([.enter] + typing("67") + [.enter, .character("k")], &state)
    #expect(press(key, in: &state) == [.saveDraft])
    #expect(state.answers.age == nil)
    #expect(press(key, in: &state) == [])
  }

  /// The digit trap is gone: on a number, digits 1-6 switch screens and never change an answer.
  @Test(arguments: 1...6)
  func digitOnANumberSwitchesScreens(digit: Int) {
    var state = makeState(on: .patient, focusedOn: .number(.age))
    press(key(Character(String(digit))), in: &state)
    // Neck trauma is refused with a message until trauma is answered.
    #expect(state.page == (digit == 4 ? .patient : Page(rawValue: digit - 1)))
    #expect(state.answers.isEmpty)
    #expect(state.answers.age == nil)
  }

  /// Other digits on a number say how to type one, and change nothing.
  @Test(arguments: [0, 7, 8, 9])
  func otherDigitsExplain(digit: Int) throws {
    var state = makeState(on: .patient, focusedOn: .number(.age))
    #expect(press(key(Character(String(digit))), in: &state) == [])
    #expect(state.page == .patient)
    #expect(state.answers.isEmpty)
    #expect(try #require(state.message).text.contains("Enter"))
  }

  /// More weeks of conservative care than of symptoms is kept, with a warning (and the focus
  /// stays for a correction).
  @Test func careLongerThanSymptomsIsFlagged() throws {
    var state = makeState(on: .patient, focusedOn: .number(.symptomWeeks))
    press([.enter, key("2"), .enter], &state)
    #expect(state.focusedItem == .number(.conservativeWeeks))
    #expect(press([.enter, key("3"), .enter], &state) == [.saveDraft])
    #expect(state.answers.conservativeWeeks == 3)
    let message = try #require(state.message)
    #expect(message.isError)
    #expect(message.text.contains("3 weeks of care"))
    #expect(state.focusedItem == .number(.conservativeWeeks))
  }

  /// The cursor sits after the digits being typed, for screen readers.
  @Test func cursorFollowsTheDigits() throws {
    var state = makeState(on: .patient, focusedOn: .number(.age))
    press([.enter] + typing("45"), &state)
    let screen = Renderer.render(state)
    let cursor = try #require(screen.cursor)
    #expect(cursor.row == 2)
    #expect(screen.text(row: 2).dropFirst(2).hasPrefix("Age (years): 45_"))
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
    // Then the focus moves on to the weeks of symptoms.
    #expect(state.focusedItem == .number(.symptomWeeks))
    press(key("k"), in: &state)
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
    press(.character("m"), .character("k"), in: &state)
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

  @Test func nOnTheWeeksOfConservativeCareRecordsNoneTried() {
    var state = makeState(on: .patient, focusedOn: .number(.conservativeWeeks))
    #expect(press(key("n"), in: &state) == [.saveDraft])
    #expect(state.answers.conservativeWeeks == 0)
    // The focus goes on, as after any answer.
    #expect(state.focusedItem != .number(.conservativeWeeks))
    #expect(state.message?.text.contains("none tried") == true)
    // n on another number records nothing: a number is typed.
    for field in [NumberField.age, .symptomWeeks] {
      var other = makeState(on: .patient, focusedOn: .number(field))
      #expect(press(key("n"), in: &other) == [])
      #expect(field.value(in: other.answers) == nil)
      #expect(other.focusedItem == .number(field))
    }
  }
}
