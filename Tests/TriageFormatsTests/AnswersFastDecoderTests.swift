import Testing
import TriageEngine
import TriageFormats

/// The fast path of `evaluate --jsonl` must never disagree with the full decoder: whenever it
/// returns a sheet, the full decoder returns the same sheet; for the usual shape it does return.
@Suite struct AnswersFastDecoderTests {
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static func randomSheet(_ rng: inout Generator) -> AnswerSheet {
    var answers = Answers()
    if Bool.random(using: &rng) { answers.age = Int.random(in: 0...120, using: &rng) }
    if Bool.random(using: &rng) { answers.sex = Sex.allCases.randomElement(using: &rng) }
    let weeks = Int.random(in: 0...520, using: &rng)
    if Bool.random(using: &rng) { answers.symptomWeeks = weeks }
    if Bool.random(using: &rng) {
      answers.conservativeWeeks = Int.random(in: 0...weeks, using: &rng)
    }
    for finding in Finding.allCases where Int.random(in: 0..<3, using: &rng) > 0 {
      answers[finding] = Answer.allCases.randomElement(using: &rng)!
    }
    return AnswerSheet(answers: answers)
  }

  @Test func theUsualShapeTakesTheFastPathAndAgrees() throws {
    var rng = Generator(state: 1)
    for index in 0..<3000 {
      let sheet = Self.randomSheet(&rng)
      for pretty in [false, true] {
        let bytes = Array(AnswersCodec.encode(sheet, pretty: pretty).utf8)
        let fast = try #require(AnswersFastDecoder.decode(bytes), "case \(index)")
        #expect(fast == (try AnswersCodec.decode(bytes)))
        #expect(fast.answers == sheet.answers)
      }
    }
  }

  @Test func mutatedInputNeverDisagreesWithTheFullDecoder() throws {
    var rng = Generator(state: 2)
    let alphabet =
      Array("{}[]\":,0123456789 -.eEtrufalsnoyk\\\u{0}\u{7F}_abcdegip".utf8) + [0xC3, 0xA9, 0xFF]
    var fastHits = 0
    for _ in 0..<20_000 {
      var bytes = Array(
        AnswersCodec.encode(Self.randomSheet(&rng), pretty: Bool.random(using: &rng)).utf8)
      for _ in 0..<Int.random(in: 1...3, using: &rng) {
        guard !bytes.isEmpty else { break }
        let position = Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: bytes[position] = alphabet.randomElement(using: &rng)!
        case 1: bytes.remove(at: position)
        default: bytes.insert(alphabet.randomElement(using: &rng)!, at: position)
        }
      }
      guard let fast = AnswersFastDecoder.decode(bytes) else { continue }
      fastHits += 1
      let full = try? AnswersCodec.decode(bytes)
      #expect(
        full == fast,
        "fast path accepted what the full decoder does not: \(String(decoding: bytes, as: UTF8.self))"
      )
    }
    #expect(fastHits > 100, "the mutations should leave some valid documents")
  }

  @Test(arguments: [
    #"{"age": 45.0}"#, #"{"age": -1}"#, #"{"age": 121}"#, #"{"age": 45, "age": 46}"#,
    #"{"findings": {"pain_neck": "yes", "pain_neck": "no"}}"#, #"{"findings": {"nope": "yes"}}"#,
    #"{"sex": "Female"}"#, #"{"patient_id": "x"}"#, #"{"findings": {"pain_neck": "ye\u0073"}}"#,
    #"{"symptom_weeks": 2, "conservative_weeks": 6}"#, "\u{FEFF}{}", #"{} x"#, "",
    // The answers read as words: cut short, or longer than "yes" and "no".
    #"{"findings": {"pain_neck": "yes"#, #"{"findings": {"pain_neck": "no"#,
    #"{"findings": {"pain_neck": "yesx"}}"#, #"{"findings": {"pain_neck": "noo"}}"#,
    #"{"findings": {"pain_neck": "ye"}}"#,
    // Keys are found by their closing quote alone: an escape, a control or a non-ASCII byte in
    // one is never an identifier, so the full decoder reads it (and names any error).
    #"{"findings": {"pain\u005fneck": "yes"}}"#, #"{"findings": {"pain_neck\"": "yes"}}"#,
    "{\"findings\": {\"pain_neck\u{E9}\": \"yes\"}}",
    "{\"findings\": {\"pain_neck\u{1}\": \"yes\"}}",
    #"{"findings": {"recent_spinal_procedure\"x": "yes"}}"#,
  ])
  func unusualInputFallsBack(text: String) {
    #expect(AnswersFastDecoder.decode(Array(text.utf8)) == nil)
  }

  /// A regression: a 20-digit number trapped (integer overflow, SIGILL) in the fast path. Long runs
  /// of digits (1 to 400, with and without a leading zero, sign, fraction or exponent) in every
  /// number field and in the middle of a finding must give the full decoder's answer, never a
  /// trap.
  @Test func longDigitRunsNeverTrapAndAgreeWithTheFullDecoder() throws {
    var rng = Generator(state: 11)
    var cases = 0
    for key in ["age", "symptom_weeks", "conservative_weeks"] {
      for length in Array(1...40) + [63, 64, 65, 100, 200, 400] {
        for _ in 0..<8 {
          var digits = String(
            (0..<length).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
          switch Int.random(in: 0..<5, using: &rng) {
          case 0: digits = "-" + digits
          case 1: digits += ".0"
          case 2: digits += "e1"
          case 3: digits = "9" + digits
          default: break
          }
          let text = #"{"\#(key)": \#(digits), "findings": {"pain_low_back": "yes"}}"#
          let bytes = Array(text.utf8)
          let fast = AnswersFastDecoder.decode(bytes)
          let full = try? AnswersCodec.decode(bytes)
          if let fast { #expect(fast == full, "\(text)") }
          if full == nil { #expect(fast == nil, "\(text)") }
          cases += 1
        }
      }
    }
    #expect(AnswersFastDecoder.decode(Array(#"{"age":99999999999999999999}"#.utf8)) == nil)
    #expect(cases == 3 * 46 * 8)
  }
}
