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
    arguments: [
      "\u{07}", "\u{1B}", "\u{7F}", "\u{00}", "\u{9B}", "\u{200B}", "\u{202E}", "\u{2066}",
      "\u{200D}", "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{0600}", "\u{E000}",
    ]
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

  /// The keyboard and the answers file accept exactly the same characters
  /// (``FreeText``): every scalar of the BMP and a sample beyond.
  @Test func theKeyboardAcceptsWhatAFileAccepts() throws {
    var checked = 0
    let beyond = [0x1_0000, 0x1_D400, 0x1_F600, 0x2_0000, 0xE_0001, 0xF_0000, 0x10_FFFD]
    for value in Array(0x00...0xFFFF) + beyond {
      guard let scalar = Unicode.Scalar(value) else { continue }
      var state = onField(.patientID)
      press(.enter, in: &state)
      press(typing("ab"), &state)
      press(.character(Character(scalar)), in: &state)
      let typed = state.mode != .editing(.patientID, buffer: "ab")
      let file =
        (try? AnswersCodec.decode(
          Array("{\"patient_id\": \"ab\\u\(hex4(value))\"}".utf8))) != nil
      if value > 0xFFFF {
        // Beyond the BMP the JSON escape needs a surrogate pair; the raw UTF-8 is used.
        let raw =
          (try? AnswersCodec.decode(Array("{\"patient_id\": \"ab\(Character(scalar))\"}".utf8)))
          != nil
        #expect(typed == raw, "U+\(String(value, radix: 16)): keyboard \(typed), file \(raw)")
      } else {
        #expect(typed == file, "U+\(String(value, radix: 16)): keyboard \(typed), file \(file)")
      }
      checked += 1
    }
    #expect(checked == 0x10000 - 0x800 + 7)
  }

  /// Two-column characters (CJK, emoji) typed into a field take two cells: the row stays
  /// aligned and the panel is not pushed.
  @Test func wideCharactersTakeTwoCells() throws {
    var state = onField(.patientID)
    press(.enter, in: &state)
    press(typing("山田-7"), &state)
    press(.enter, in: &state)
    #expect(state.sheet.patientID == "山田-7")
    let screen = Renderer.render(state)
    let row = try #require((0..<screen.rows).first { screen.text(row: $0).contains("山田-7") })
    let start = try #require(
      (0..<screen.columns).first { screen[row, $0].character == "山" })
    #expect(screen[row, start + 1].isContinuation)
    #expect(screen[row, start + 2].character == "田")
    #expect(screen[row, start + 4].character == "-")
    #expect(screen[row, start + 5].character == "7")
    var grid = Screen(rows: 1, columns: 5)
    #expect(grid.put("ab漢c", row: 0, column: 0) == 5)
    #expect(grid.text(row: 0) == "ab漢c")
    // A wide character never straddles the edge.
    var narrow = Screen(rows: 1, columns: 3)
    #expect(narrow.put("ab漢", row: 0, column: 0) == 2)
    #expect(narrow.text(row: 0) == "ab")
  }

  /// The limit counts Unicode scalars, not grapheme clusters (a cluster can hold any number of
  /// combining marks).
  @Test func theLimitCountsScalarsNotClusters() throws {
    var state = onField(.patientID)
    press(.enter, in: &state)
    press(typing("e"), &state)
    for _ in 0..<100 { press(.character("\u{0301}"), in: &state) }
    guard case .editing(_, let buffer) = state.mode else {
      Issue.record("left editing")
      return
    }
    #expect(buffer.unicodeScalars.count == 64)
    #expect(buffer.count == 1)
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

/// `value` as four hexadecimal digits (a JSON `\u` escape).
private func hex4(_ value: Int) -> String {
  let hex = String(value, radix: 16)
  return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
