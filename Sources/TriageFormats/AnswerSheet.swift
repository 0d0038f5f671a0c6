import TriageEngine

/// An answers file: the engine's ``Answers`` plus the optional identifiers a summary carries.
///
/// The file format is `spec/questionnaire.md` section 1, extended (new keys only) with
/// `patient_id` and `clinician`, both optional strings.
public struct AnswerSheet: Sendable, Hashable {
  /// The answers.
  public var answers: Answers
  /// The patient identifier, if typed (free text, at most 64 characters).
  public var patientID: String?
  /// The clinician's name, if typed (free text, at most 64 characters).
  public var clinician: String?
  /// The consultation identifier (a UUID), issued once per assessment and kept in its draft.
  public var consultationID: String?
  /// The answers given in bulk ("No to the rest"), oldest first.
  public var bulk: [BulkAnswer] = []
  /// When the urgency was reached (key `urgency_reached`), kept in the draft so that deadlines
  /// print as clock times; `nil` until an urgency above "no imaging" is reached on screen.
  public var urgencyClock: UrgencyClock?

  /// The longest identifier or name accepted, in Unicode scalars (see ``FreeText``).
  public static let maxTextLength = FreeText.maxLength

  /// Creates a sheet.
  public init(
    answers: Answers = Answers(), patientID: String? = nil, clinician: String? = nil,
    consultationID: String? = nil, bulk: [BulkAnswer] = [], urgencyClock: UrgencyClock? = nil
  ) {
    self.answers = answers
    self.patientID = patientID
    self.clinician = clinician
    self.consultationID = consultationID
    self.bulk = bulk
    self.urgencyClock = urgencyClock
  }

  /// Whether `text` is a UUID in the 8-4-4-4-12 form of ASCII hexadecimal digits (never
  /// full-width or other digits that `Character.isHexDigit` accepts).
  public static func isUUID(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 36 else { return false }
    for (index, byte) in bytes.enumerated() {
      if index == 8 || index == 13 || index == 18 || index == 23 {
        guard byte == UInt8(ascii: "-") else { return false }
      } else {
        let isHex =
          (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte)
          || (0x61...0x66).contains(byte)
        guard isHex else { return false }
      }
    }
    return true
  }
}

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
