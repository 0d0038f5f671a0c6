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
  /// When the answers were last changed (key `assessed_at`, ISO 8601 with seconds and an
  /// offset): the time of the assessment, which summaries print apart from the time they are
  /// printed. Written by the screens and `--plain` at every change of an answer; `nil` for an
  /// answers file that never went through them ("not recorded").
  public var assessedAt: String?
  /// The item the clinician touched last (key `last_item`: a finding identifier, or `age`,
  /// `sex`, `symptom_weeks`, `conservative_weeks`, `patient_id`, `clinician`), so that a
  /// resumed draft opens where the clinician stopped. Not an input to the rules.
  public var lastItem: String?

  /// The longest identifier or name accepted, in Unicode scalars (see ``FreeText``).
  public static let maxTextLength = FreeText.maxLength

  /// Creates a sheet.
  public init(
    answers: Answers = Answers(), patientID: String? = nil, clinician: String? = nil,
    consultationID: String? = nil, bulk: [BulkAnswer] = [], urgencyClock: UrgencyClock? = nil,
    assessedAt: String? = nil, lastItem: String? = nil
  ) {
    self.answers = answers
    self.patientID = patientID
    self.clinician = clinician
    self.consultationID = consultationID
    self.bulk = bulk
    self.urgencyClock = urgencyClock
    self.assessedAt = assessedAt
    self.lastItem = lastItem
  }

  /// The identifiers ``lastItem`` may hold: every finding, the numbers, sex and the two text
  /// fields.
  public static func isItemIdentifier(_ id: String) -> Bool {
    nonFindingItems.contains(id) || Finding(id: id) != nil
  }

  /// The items that are not findings, by identifier.
  public static let nonFindingItems = [
    "age", "sex", "symptom_weeks", "conservative_weeks", "patient_id", "clinician",
  ]

  /// Notes a change of the answers at `now` (ISO 8601 with seconds and an offset): the
  /// assessment time becomes `now`, and `item` (an identifier, see ``lastItem``), when given,
  /// becomes the last item touched.
  public mutating func noteAnswered(now: String, item: String? = nil) {
    assessedAt = now
    if let item { lastItem = item }
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
