/// Writes JSON text with keys in the order given, compact or indented. Works on UTF-8 bytes:
/// strings are copied in runs and only `"`, `\` and control characters are escaped.
public struct JSONWriter {
  private var bytes: [UInt8] = []
  private let indent: Bool
  private var level = 0

  /// A writer; `pretty` indents with two spaces.
  public init(pretty: Bool) {
    indent = pretty
    bytes.reserveCapacity(4096)
  }

  /// The text written so far.
  public var output: String { String(decoding: bytes, as: UTF8.self) }

  /// The JSON text of `value`.
  public static func string(_ value: JSONValue, pretty: Bool) -> String {
    var writer = JSONWriter(pretty: pretty)
    writer.write(value)
    return writer.output
  }

  /// Appends `value`.
  public mutating func write(_ value: JSONValue) {
    switch value {
    case .null: append("null")
    case .bool(let flag): append(flag ? "true" : "false")
    case .number(let text): append(text)
    case .string(let text): appendQuoted(text)
    case .array(let elements):
      if elements.isEmpty {
        append("[]")
        return
      }
      bytes.append(UInt8(ascii: "["))
      level += 1
      for (offset, element) in elements.enumerated() {
        if offset > 0 { bytes.append(UInt8(ascii: ",")) }
        newline()
        write(element)
      }
      level -= 1
      newline()
      bytes.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty {
        append("{}")
        return
      }
      bytes.append(UInt8(ascii: "{"))
      level += 1
      for (offset, member) in members.enumerated() {
        if offset > 0 { bytes.append(UInt8(ascii: ",")) }
        newline()
        appendQuoted(member.key)
        append(indent ? ": " : ":")
        write(member.value)
      }
      level -= 1
      newline()
      bytes.append(UInt8(ascii: "}"))
    }
  }

  private mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  private mutating func newline() {
    guard indent else { return }
    bytes.append(UInt8(ascii: "\n"))
    for _ in 0..<level { bytes.append(contentsOf: [0x20, 0x20]) }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// Appends `text` as a JSON string literal.
  private mutating func appendQuoted(_ text: String) {
    JSONWriter.appendQuoted(text, to: &bytes)
  }

  /// Appends `text` as a JSON string literal to UTF-8 `bytes`. Scans 8 bytes at a time: a word
  /// with no quote, backslash or control byte is copied as it is.
  static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { source in
      guard let base = source.baseAddress else { return }
      let count = source.count
      var runStart = 0
      var index = 0
      while index < count {
        if index + 8 <= count {
          let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
          if !needsEscape(word) {
            index += 8
            continue
          }
        }
        let byte = source[index]
        guard byte == 0x22 || byte == 0x5C || byte < 0x20 else {
          index += 1
          continue
        }
        if runStart < index {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
        }
        index += 1
        runStart = index
        switch byte {
        case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
        case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        default:
          bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
          bytes.append(JSONWriter.hexDigits[Int(byte >> 4)])
          bytes.append(JSONWriter.hexDigits[Int(byte & 0x0F)])
        }
      }
      if runStart < count {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<count]))
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Whether any byte of `word` is a quote, a backslash or a control byte (below 0x20).
  @inline(__always) static func needsEscape(_ word: UInt64) -> Bool {
    ByteBuffer.escapeBits(word) != 0
  }
}
