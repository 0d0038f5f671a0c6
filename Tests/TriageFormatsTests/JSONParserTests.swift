import Testing
import TriageFormats

/// The strict JSON parser (RFC 8259): valid documents, and every error with its line and column.
@Suite struct JSONParserTests {
  // MARK: Valid documents

  @Test func parsesEveryKindOfValue() throws {
    let text = """
      {"s": "text", "n": -12.5e+3, "i": 45, "t": true, "f": false, "z": null,
       "a": [1, [], {}], "o": {"k": "v"}}
      """
    let value = try JSONParser.parse(text)
    let expected: JSONValue = .object([
      ("s", .string("text")), ("n", .number("-12.5e+3")), ("i", .number("45")),
      ("t", .bool(true)), ("f", .bool(false)), ("z", .null),
      ("a", .array([.number("1"), .array([]), .object([])])),
      ("o", .object([("k", .string("v"))])),
    ])
    #expect(value == expected)
  }

  @Test func keepsKeysInFileOrder() throws {
    guard case .object(let members) = try JSONParser.parse(#"{"b": 1, "a": 2, "c": 3}"#) else {
      Issue.record("expected an object")
      return
    }
    #expect(members.map(\.key) == ["b", "a", "c"])
  }

  @Test(arguments: [
    "0", "-0", "7", "123456789012345678901234567890", "1.5", "1e10", "1E-2", "-0.0e+0",
  ])
  func keepsTheNumberText(text: String) throws {
    #expect(try JSONParser.parse(text) == .number(text))
  }

  @Test func decodesEscapes() throws {
    let value = try JSONParser.parse(#""q\" b\\ s\/ \b\f\n\r\t \u00e9 \ud83d\ude00 \u0041""#)
    #expect(value == .string("q\" b\\ s/ \u{08}\u{0C}\n\r\t é 😀 A"))
  }

  @Test func acceptsRawUTF8() throws {
    #expect(try JSONParser.parse(Array("\"Ça va, 日本, 😀\"".utf8)) == .string("Ça va, 日本, 😀"))
  }

  @Test(arguments: ["42", "\"x\"", "true", "false", "null", "[]", "{}"])
  func acceptsAnyTopLevelValue(text: String) throws {
    _ = try JSONParser.parse(text)
  }

  @Test func acceptsSurroundingWhitespaceOfEveryKind() throws {
    #expect(
      try JSONParser.parse(" \t\r\n{ \"a\" :\r\n 1 }\r\n\t ") == .object([("a", .number("1"))]))
  }

  @Test func acceptsAByteOrderMark() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"age": 45}"#.utf8)
    #expect(try JSONParser.parse(bytes) == .object([("age", .number("45"))]))
  }

  @Test func acceptsNestingUpToTheLimit() throws {
    let depth = JSONParser.maxDepth
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    _ = try JSONParser.parse(text)
  }

  // MARK: Errors, with line and column

  /// Parses `input` expecting a syntax error; returns it.
  func syntaxError(_ input: [UInt8]) -> JSONSyntaxError? {
    do {
      let value = try JSONParser.parse(input)
      Issue.record("expected an error, parsed \(value)")
      return nil
    } catch {
      return error
    }
  }

  func syntaxError(_ input: String) -> JSONSyntaxError? { syntaxError(Array(input.utf8)) }

  @Test func truncatedDocumentPointsAtTheEnd() throws {
    let error = try #require(syntaxError("{\"age\": 45,"))
    #expect(error.line == 1)
    #expect(error.column == 12)
    #expect(error.message.contains("end of input"))

    let multiline = try #require(syntaxError("{\n  \"findings\": {\n    \"pain_neck\": \"yes\""))
    #expect(multiline.line == 3)
    #expect(multiline.column == 23)

    let inString = try #require(syntaxError(#"{"age"#))
    #expect(inString.message.contains("end of input"))
    #expect(inString.line == 1)
  }

  @Test func trailingDataIsAnError() throws {
    let sameLine = try #require(syntaxError("{} x"))
    #expect(sameLine.line == 1)
    #expect(sameLine.column == 4)
    #expect(sameLine.message.contains("after the JSON value"))

    let nextLine = try #require(syntaxError("{\"a\": 1}\n{\"a\": 2}\n"))
    #expect(nextLine.line == 2)
    #expect(nextLine.column == 1)
  }

  @Test func duplicateKeysAreAnErrorAtTheSecondKey() throws {
    let error = try #require(syntaxError("{\"age\": 45,\n  \"age\": 46}"))
    #expect(error.line == 2)
    #expect(error.column == 3)
    #expect(error.message.contains("duplicate key 'age'"))

    let nested = try #require(
      syntaxError(#"{"findings": {"pain_neck": "yes", "pain_neck": "no"}}"#))
    #expect(nested.message.contains("pain_neck"))
    #expect(nested.column == 35)
  }

  @Test func invalidUTF8IsAnError() throws {
    // 0xFF never appears in UTF-8; 0xC3 0x28 is a broken two-byte sequence; 0xED 0xA0 0x80 is
    // an encoded surrogate.
    for bad: [UInt8] in [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80]] {
      let bytes = Array("{\n\"a\": \"x".utf8) + bad + Array("y\"}".utf8)
      let error = try #require(syntaxError(bytes))
      #expect(error.message.contains("UTF-8"), "\(bad)")
      #expect(error.line == 2)
      // Within the string: from its opening quote (column 6) to its closing quote.
      #expect((6...(8 + bad.count + 1)).contains(error.column), "\(bad): column \(error.column)")
    }
    // After an escape, too.
    let escaped = try #require(syntaxError(Array(#""\n"#.utf8) + [0xFF] + Array("\"".utf8)))
    #expect(escaped.message.contains("UTF-8"))

    let outside = try #require(syntaxError([0xFF]))
    #expect(outside.line == 1)
    #expect(outside.column == 1)
  }

  @Test(arguments: [
    #""\x""#, #""\'""#, #""\U0041""#, #""\u12G4""#, #""\u12""#, #""\ud800""#, #""\udc00""#,
    #""\ud800\u0041""#,
  ])
  func badEscapesAreAnError(text: String) throws {
    let error = try #require(syntaxError(text))
    #expect(error.line == 1)
    #expect((2...text.utf8.count).contains(error.column), "column \(error.column)")
    #expect(
      error.message.contains("escape") || error.message.contains("surrogate")
        || error.message.contains("hex"), "\(error.message)")
  }

  @Test func controlCharactersInStringsAreAnError() throws {
    let error = try #require(syntaxError("\"a\tb\""))
    #expect(error.message.contains("control character"))
    #expect(error.column == 3)
  }

  @Test(arguments: ["01", "-01", "00", "[1, 02]"])
  func leadingZerosAreAnError(text: String) throws {
    let error = try #require(syntaxError(text))
    #expect(error.message.contains("leading zero"))
    #expect(error.line == 1)
  }

  @Test func leadingZeroColumnIsAtTheNumber() throws {
    let error = try #require(syntaxError(#"{"age": 045}"#))
    // The number starts at column 9; the error is reported within or just after it.
    #expect((9...12).contains(error.column), "column \(error.column)")
  }

  @Test(arguments: ["1.", "1.e5", "1e", "1e+", "-", "+1", ".5", "0x10", "NaN", "Infinity"])
  func malformedNumbersAreAnError(text: String) {
    _ = syntaxError(text)
  }

  @Test func nestingTooDeepIsAnError() throws {
    let depth = JSONParser.maxDepth + 1
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let error = try #require(syntaxError(text))
    #expect(error.message.contains("nesting"))
    #expect(error.line == 1)
    #expect(error.column == depth)

    let objects =
      String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
    #expect(syntaxError(objects)?.message.contains("nesting") == true)
  }

  @Test func emptyInputIsAnError() throws {
    let empty = try #require(syntaxError(""))
    #expect(empty.line == 1)
    #expect(empty.column == 1)
    let blank = try #require(syntaxError("  \n  "))
    #expect(blank.line == 2)
    #expect(blank.column == 3)
    #expect(blank.message.contains("empty"))
  }

  @Test(arguments: [
    ("{'a': 1}", 1, 2), ("{\"a\" 1}", 1, 6), ("[1 2]", 1, 4), ("[1,]", 1, 4), ("{\"a\": 1,}", 1, 9),
    ("tru", 1, 1), ("nul", 1, 1), ("{\"a\": yes}", 1, 7), ("[\n  1,\n  ,\n]", 3, 3),
  ])
  func structuralErrorsHaveTheirPosition(text: String, line: Int, column: Int) throws {
    let error = try #require(syntaxError(text))
    #expect(error.line == line, "\(error)")
    #expect(error.column == column, "\(error)")
  }

  @Test func errorDescriptionNamesLineAndColumn() throws {
    let error = try #require(syntaxError("{\n  \"a\": tru\n}"))
    #expect(error.description.hasPrefix("line 2, column 8: "))
  }
}
