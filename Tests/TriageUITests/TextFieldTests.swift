import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// The Summary's text fields: patient identifier and clinician.
@Suite("Text fields on the Summary")
struct TextFieldTests {
  func onField(_ field: TextField) -> AppState {
    makeState(on: .summary, focusedOn: .text(field))
  }

  @Test func summaryStartsWithTheTwoFields() {
    let state = makeState(on: .summary)
    #expect(Array(state.currentItems.prefix(2)) == [.text(.patientID), .text(.clinician)])
    guard case .report = state.currentItems[2] else {
      Issue.record("the report follows the fields")
      return
    }
  }

  @Test(arguments: TextField.allCases)
  func enterEditsTypesAndCommits(field: TextField) {
    var state = onField(field)
    #expect(press(.enter, in: &state) == [])
    #expect(state.mode == .editing(field, buffer: ""))
    #expect(press(typing("MRN 42x"), &state) == [])
    #expect(state.mode == .editing(field, buffer: "MRN 42x"))
    #expect(press(.backspace, in: &state) == [])
    #expect(state.mode == .editing(field, buffer: "MRN 42"))
    #expect(press(.enter, in: &state) == [.saveDraft])
    #expect(state.mode == .normal)
    let value = field == .patientID ? state.sheet.patientID : state.sheet.clinician
    #expect(value == "MRN 42")
    // Text fields are not answers: the engine's input is unchanged.
    #expect(state.answers.isEmpty)
  }

  @Test func editingStartsWithTheCurrentText() {
    var state = onField(.clinician)
    state.sheet.clinician = "Dr Lee"
    press(.enter, in: &state)
    #expect(state.mode == .editing(.clinician, buffer: "Dr Lee"))
    press(.delete, .delete, .delete, in: &state)
    press(typing("Kim"), &state)
    press(.enter, in: &state)
    #expect(state.sheet.clinician == "Dr Kim")
  }

  @Test func escapeCancels() {
    var state = onField(.patientID)
    state.sheet.patientID = "A1"
    press(.enter, in: &state)
    press(typing("234"), &state)
    #expect(press(.escape, in: &state) == [])
    #expect(state.mode == .normal)
    #expect(state.sheet.patientID == "A1")
  }

  @Test func tabCommits() {
    var state = onField(.patientID)
    press(.enter, in: &state)
    press(typing("X9"), &state)
    #expect(press(.tab, in: &state) == [.saveDraft])
    #expect(state.mode == .normal)
    #expect(state.sheet.patientID == "X9")
    #expect(state.page == .summary)
  }

  @Test func committingTheSameTextSavesNothing() {
    var state = onField(.patientID)
    state.sheet.patientID = "A1"
    press(.enter, in: &state)
    #expect(press(.enter, in: &state) == [])
    #expect(state.sheet.patientID == "A1")
  }

  @Test func spacesAreTrimmedAndEmptyClears() {
    var state = onField(.patientID)
    press(.enter, in: &state)
    press(typing("  P 7  "), &state)
    press(.enter, in: &state)
    #expect(state.sheet.patientID == "P 7")
    press(.enter, in: &state)
    press(Array(repeating: Key.backspace, count: 3), &state)
    press(typing("   "), &state)
    #expect(press(.enter, in: &state) == [.saveDraft])
    #expect(state.sheet.patientID == nil)
  }

  /// While typing, letters and digits are text: q does not quit, j does not move, 4 does not
  /// change screen, u does not clear.
  @Test func keysAreTextWhileEditing() {
    var state = onField(.clinician)
    press(.enter, in: &state)
    #expect(press(typing("qjh4u? ye"), &state) == [])
    #expect(state.mode == .editing(.clinician, buffer: "qjh4u? ye"))
    #expect(state.page == .summary)
    #expect(state.focusedItem == .text(.clinician))
  }

  @Test func accentedLettersAreAccepted() {
    var state = onField(.clinician)
    press(.enter, in: &state)
    press(typing("Dr Müller-Gaël Ñ"), &state)
    press(.enter, in: &state)
    #expect(state.sheet.clinician == "Dr Müller-Gaël Ñ")
  }

  /// Control keys are not bound while editing: the key map ignores them.
  @Test(arguments: [Key.control(1), .control(7), .ctrlL, .ctrlZ, .function(5), .up, .unknown])
  func controlKeysAreIgnoredWhileEditing(key: Key) {
    var state = onField(.patientID)
    press(.enter, in: &state)
    press(typing("ab"), &state)
    #expect(keyMap.action(for: key, in: state) == nil)
    #expect(press(key, in: &state) == [])
    #expect(state.mode == .editing(.patientID, buffer: "ab"))
  }

  /// Control characters that arrive as characters are refused with a message.
  @Test(
    arguments: ["\u{07}", "\u{1B}", "\u{7F}", "\u{00}", "\u{9B}", "\u{200B}", "\u{0301}"]
      as [Character])
  func controlCharactersAreRefused(character: Character) throws {
    var state = onField(.patientID)
    press(.enter, in: &state)
    press(typing("ab"), &state)
    #expect(press(.character(character), in: &state) == [])
    #expect(state.mode == .editing(.patientID, buffer: "ab"))
    let message = try #require(state.message)
    #expect(message.isError)
  }

  @Test func atMostSixtyFourCharacters() throws {
    var state = onField(.patientID)
    press(.enter, in: &state)
    press(typing(String(repeating: "x", count: 70)), &state)
    #expect(state.mode == .editing(.patientID, buffer: String(repeating: "x", count: 64)))
    #expect(try #require(state.message).text.contains("64"))
    press(.enter, in: &state)
    #expect(state.sheet.patientID?.count == 64)
  }

  @Test(arguments: [Key.character("u"), .backspace, .delete])
  func clearKeysClearTheFieldOutsideEditing(key: Key) {
    var state = onField(.clinician)
    state.sheet.clinician = "Dr Lee"
    #expect(press(key, in: &state) == [.saveDraft])
    #expect(state.sheet.clinician == nil)
    #expect(press(key, in: &state) == [])
  }

  @Test func ctrlCWhileEditingAsksToQuit() {
    var state = onField(.patientID)
    state.answers[.painNeck] = .yes
    press(.enter, in: &state)
    press(typing("abc"), &state)
    #expect(press(.ctrlC, in: &state) == [])
    #expect(state.mode == .confirmQuit)
    #expect(state.sheet.patientID == nil)
  }

  /// While editing the field shows the buffer and the cursor sits after it.
  @Test func editingIsRendered() throws {
    var state = onField(.patientID)
    press(.enter, in: &state)
    press(typing("AB"), &state)
    let screen = Renderer.render(state)
    #expect(screen.text(row: 2) == "▶ Patient identifier: AB_")
    let cursor = try #require(screen.cursor)
    #expect(cursor.row == 2)
    #expect(cursor.column == "▶ Patient identifier: AB".count)
    #expect(screen.text(row: state.layout.helpRow).hasPrefix("Help: Typing: Enter keeps"))
  }
}
