/// A strict JSON parser (RFC 8259) that reports the line and column of every error, rejects
/// duplicate keys, invalid UTF-8 and trailing data, and limits nesting depth.
///
/// Hand-written rather than `JSONDecoder` because the contract requires naming the line and the
/// key of bad input, rejecting duplicate keys, and a fast streaming `--jsonl` path.
public struct JSONParser {
  /// The deepest nesting accepted.
  public static let maxDepth = 64

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private var depth = 0
  private let checksDuplicates: Bool

  private init(_ bytes: [UInt8], checksDuplicates: Bool) {
    self.bytes = bytes
    self.checksDuplicates = checksDuplicates
  }

  /// Parses one JSON document from `bytes`. With `checksDuplicates: false` the caller checks
  /// duplicate keys itself (the answers codec does, cheaply, by identifier).
  public static func parse(_ bytes: [UInt8], checksDuplicates: Bool = true) throws(JSONSyntaxError)
    -> JSONValue
  {
    var parser = JSONParser(bytes, checksDuplicates: checksDuplicates)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
    parser.skipWhitespace()
    guard parser.index < bytes.count else {
      throw parser.error("empty input: expected a JSON value")
    }
    let value = try parser.parseValue()
    parser.skipWhitespace()
    guard parser.index == bytes.count else {
      throw parser.error("unexpected data after the JSON value")
    }
    return value
  }

  /// Parses one JSON document from a string.
  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  private func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(message: message, line: line, column: index - lineStart + 1)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
    guard index < bytes.count else { throw error("unexpected end of input: the JSON is truncated") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw error("unexpected character \(describe(bytes[index])): expected a JSON value")
    }
  }

  private func describe(_ byte: UInt8) -> String {
    byte >= 0x20 && byte < 0x7F
      ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
  }

  private mutating func literal(_ word: String) throws(JSONSyntaxError) {
    let expected = word.utf8
    let count = expected.count
    guard index + count <= bytes.count, bytes[index..<index + count].elementsEqual(expected) else {
      throw error("invalid literal: expected '\(word)'")
    }
    index += count
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > JSONParser.maxDepth {
      throw error("nesting deeper than \(JSONParser.maxDepth) levels")
    }
  }

  private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    var seen = Set<String>()
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input inside an object") }
      guard bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a key in double quotes")
      }
      let keyError = error("")
      let key = try parseString()
      if checksDuplicates
        && (members.count < 8
          ? members.contains(where: { $0.key == key }) : !seen.insert(key).inserted)
      {
        throw JSONSyntaxError(
          message: "duplicate key '\(AnswersError.printable(key))'", line: keyError.line,
          column: keyError.column)
      }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after the key '\(AnswersError.printable(key))'")
      }
      index += 1
      skipWhitespace()
      let value = try parseValue()
      if checksDuplicates && members.count == 7 { seen = Set(members.map(\.key) + [key]) }
      members.append((key, value))
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input inside an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        depth -= 1
        return .object(members)
      }
      throw error("expected ',' or '}' in an object")
    }
  }

  private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue())
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input inside an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        depth -= 1
        return .array(elements)
      }
      throw error("expected ',' or ']' in an array")
    }
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    func digits(_ parser: inout JSONParser) -> Int {
      let begin = parser.index
      while parser.index < parser.bytes.count,
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.index])
      {
        parser.index += 1
      }
      return parser.index - begin
    }
    let intStart = index
    let intDigits = digits(&self)
    guard intDigits > 0 else { throw error("invalid number: expected a digit") }
    if intDigits > 1 && bytes[intStart] == UInt8(ascii: "0") {
      throw error("invalid number: leading zero")
    }
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits(&self) > 0 else { throw error("invalid number: expected a digit after '.'") }
    }
    if index < bytes.count
      && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E"))
    {
      index += 1
      if index < bytes.count
        && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"))
      {
        index += 1
      }
      guard digits(&self) > 0 else { throw error("invalid number: expected an exponent") }
    }
    return .number(String(decoding: bytes[start..<index], as: UTF8.self))
  }

  private mutating func parseString() throws(JSONSyntaxError) -> String {
    index += 1
    var scalars = String.UnicodeScalarView()
    let runStart = index
    var plain = true
    var ascii = true
    while true {
      guard index < bytes.count else { throw error("unexpected end of input inside a string") }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        if plain && ascii {
          // ASCII needs no UTF-8 validation (the common case: identifiers and answers).
          let text = String(decoding: bytes[runStart..<index], as: UTF8.self)
          index += 1
          return text
        }
        if plain {
          guard let text = String(validating: bytes[runStart..<index], as: UTF8.self) else {
            throw error("invalid UTF-8 in a string")
          }
          index += 1
          return text
        }
        index += 1
        return String(scalars)
      }
      if byte < 0x20 { throw error("control character in a string (escape it)") }
      if byte >= 0x80 { ascii = false }
      if byte == UInt8(ascii: "\\") {
        if plain {
          guard let text = String(validating: bytes[runStart..<index], as: UTF8.self) else {
            throw error("invalid UTF-8 in a string")
          }
          scalars.append(contentsOf: text.unicodeScalars)
          plain = false
        }
        index += 1
        guard index < bytes.count else { throw error("unexpected end of input in an escape") }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800...0xDBFF).contains(code) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
              bytes[index + 1] == UInt8(ascii: "u")
            else { throw error("unpaired surrogate in a \\u escape") }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00...0xDFFF).contains(code) {
            throw error("unpaired surrogate in a \\u escape")
          }
          guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
          scalars.append(scalar)
        default: throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
        }
        continue
      }
      if !plain {
        // Copy a run of unescaped bytes, validating UTF-8.
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""),
          bytes[index] != UInt8(ascii: "\\"),
          bytes[index] >= 0x20
        {
          index += 1
        }
        guard let text = String(validating: bytes[start..<index], as: UTF8.self) else {
          throw error("invalid UTF-8 in a string")
        }
        scalars.append(contentsOf: text.unicodeScalars)
        continue
      }
      index += 1
    }
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("invalid hex digit in a \\u escape")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }
}
