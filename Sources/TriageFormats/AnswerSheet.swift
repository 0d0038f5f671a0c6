import TriageEngine

/// An answers file: the engine's ``Answers`` plus the optional identifiers a summary carries.
///
/// The file format is README's "The answers file", extended (new keys only) with
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
  /// The findings not asked because, when their screen was shown, no answer to them could
  /// change the decision (folded away; key `folded`): "not asked", never "not assessed". Only
  /// unanswered findings; answering one removes it.
  public var folded = FindingSet()

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
