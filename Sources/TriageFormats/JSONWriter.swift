/// Writes JSON text with keys in the order given, compact or indented.
public struct JSONWriter {
  /// The text written so far.
  public private(set) var output = ""
  private let indent: Bool
  private var level = 0
  private var needsComma: [Bool] = [false]

  /// A writer; `pretty` indents with two spaces.
  public init(pretty: Bool) { indent = pretty }

  /// The JSON text of `value`.
  public static func string(_ value: JSONValue, pretty: Bool) -> String {
    var writer = JSONWriter(pretty: pretty)
    writer.write(value)
    return writer.output
  }

  /// Appends `value`.
  public mutating func write(_ value: JSONValue) {
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .number(let text): output += text
    case .string(let text): JSONWriter.appendQuoted(text, to: &output)
    case .array(let elements):
      if elements.isEmpty {
        output += "[]"
        return
      }
      output += "["
      level += 1
      for (offset, element) in elements.enumerated() {
        if offset > 0 { output += "," }
        newline()
        write(element)
      }
      level -= 1
      newline()
      output += "]"
    case .object(let members):
      if members.isEmpty {
        output += "{}"
        return
      }
      output += "{"
      level += 1
      for (offset, member) in members.enumerated() {
        if offset > 0 { output += "," }
        newline()
        JSONWriter.appendQuoted(member.key, to: &output)
        output += indent ? ": " : ":"
        write(member.value)
      }
      level -= 1
      newline()
      output += "}"
    }
  }

  private mutating func newline() {
    guard indent else { return }
    output += "\n"
    output += String(repeating: "  ", count: level)
  }

  /// Appends `text` as a JSON string literal.
  public static func appendQuoted(_ text: String, to output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
