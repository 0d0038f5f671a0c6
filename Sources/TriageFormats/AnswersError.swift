import TriageEngine

/// Bad answers: names the key that is wrong and why.
public struct AnswersError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The key path, for example `findings.saddle_anesthesia`, or `(document)`: made safe to
  /// print (control characters escaped, at most 64 characters), since it comes from the input.
  public let key: String
  /// What is wrong.
  public let message: String

  public init(key: String, message: String) {
    self.key = AnswersError.printable(key)
    self.message = message
  }

  /// `text` safe for a one-line message: control characters escaped, cut at 64 characters.
  public static func printable(_ text: String) -> String { printable(text, limit: 64) }

  /// `text` safe for a one-line message on a terminal: control and format characters as
  /// `\u{..}`, cut after `limit` characters with "...".
  public static func printable(_ text: String, limit: Int) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if out.unicodeScalars.count >= limit {
        out += "..."
        break
      }
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator:
        out += "\\u{" + String(scalar.value, radix: 16) + "}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  public var description: String { "\(key): \(message)" }
}
