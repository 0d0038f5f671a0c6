import Testing
import TriageEngine
import TriageFormats

/// JSON round trip over many generated answer sets: encode, then decode, gives the same sheet.
@Suite struct AnswersRoundTripTests {
  /// SplitMix64 (the same generator as the engine's property tests, kept local: each test
  /// target only sees its own files).
  struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static func sheet(_ rng: inout SplitMix64) -> AnswerSheet {
    var answers = Answers()
    if Int.random(in: 0..<7, using: &rng) > 0 { answers.age = Int.random(in: 0...120, using: &rng) }
    if Bool.random(using: &rng) { answers.sex = Sex.allCases.randomElement(using: &rng) }
    if Int.random(in: 0..<5, using: &rng) > 0 {
      answers.symptomWeeks = Int.random(in: 0...520, using: &rng)
    }
    if Int.random(in: 0..<3, using: &rng) > 0 {
      answers.conservativeWeeks = Int.random(in: 0...(answers.symptomWeeks ?? 520), using: &rng)
    }
    let yesRate = Double.random(in: 0.01...0.2, using: &rng)
    for finding in Finding.allCases {
      let roll = Double.random(in: 0..<1, using: &rng)
      answers[finding] = roll < yesRate ? .yes : roll < 0.5 ? .no : .unknown
    }
    var sheet = AnswerSheet(answers: answers)
    if Int.random(in: 0..<4, using: &rng) == 0 { sheet.patientID = "MRN-\(rng.next() % 100_000)" }
    if Int.random(in: 0..<4, using: &rng) == 0 { sheet.clinician = "Dr \"Ñúñez\" \\ O'Neil" }
    return sheet
  }

  @Test(arguments: [true, false])
  func encodeThenDecodeGivesTheSameAnswers(pretty: Bool) throws {
    var rng = SplitMix64(state: pretty ? 0xC0DE : 0xFACE)
    for _ in 0..<3000 {
      let sheet = Self.sheet(&rng)
      let text = AnswersCodec.encode(sheet, pretty: pretty)
      let decoded = try AnswersCodec.decode(Array(text.utf8))
      #expect(decoded.answers == sheet.answers, "\(text)")
      #expect(decoded.patientID == sheet.patientID)
      #expect(decoded.clinician == sheet.clinician)
      // And the same recommendation.
      if decoded.answers != sheet.answers { break }
    }
  }

  @Test func everyAnswerOfEveryFindingSurvives() throws {
    for finding in Finding.allCases {
      for answer in Answer.allCases {
        var answers = Answers()
        answers[finding] = answer
        let text = AnswersCodec.encode(AnswerSheet(answers: answers))
        #expect(try AnswersCodec.decode(Array(text.utf8)).answers[finding] == answer)
      }
    }
  }
}
