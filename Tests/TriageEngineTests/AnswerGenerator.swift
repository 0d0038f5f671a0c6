import TriageEngine

/// SplitMix64: a small, fast, seeded PRNG, so every property run sees the same answer sets.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `range`.
  mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

  /// `true` with probability `p`.
  mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}

/// Generates realistic answer sets: most findings unknown or no, a few yes, a pain site most of
/// the time, and a share of neck-trauma presentations with the clearance criteria answered.
enum AnswerGenerator {
  static let sites: [Finding] = [.painLowBack, .painNeck, .painMidBack, .radiatesLeg, .radiatesArm]
  static let neckTraumaScreen: [Finding] =
    Finding.allCases.filter {
      $0.question.screen == .neckTrauma
    } + [
      .midlineTendernessCervical, .midlineTendernessThoracolumbar, .focalDeficit,
      .severeWeakness, .priorSpineSurgery, .inflammatoryArthritis, .abnormalABC,
      .dangerousMechanism, .mechanismOther,
    ]

  static func answers(_ rng: inout SplitMix64) -> Answers {
    var result = Answers()
    result.age = rng.chance(0.15) ? nil : rng.int(in: 0...120)
    result.sex = rng.chance(0.3) ? nil : Sex.allCases[rng.int(in: 0...2)]
    if !rng.chance(0.2) {
      result.symptomWeeks = rng.chance(0.8) ? rng.int(in: 0...30) : rng.int(in: 0...520)
    }
    if !rng.chance(0.3) {
      let most = result.symptomWeeks ?? 30
      result.conservativeWeeks = rng.int(in: 0...most)
    }
    // Each set has its own rates, so both sparse and busy presentations appear.
    let yesRate = Double(rng.int(in: 1...10)) / 100
    let noRate = Double(rng.int(in: 10...60)) / 100
    for finding in Finding.allCases {
      if rng.chance(yesRate) {
        result[finding] = .yes
      } else if rng.chance(noRate) {
        result[finding] = .no
      }
    }
    if rng.chance(0.8) { result[sites[rng.int(in: 0...sites.count - 1)]] = .yes }
    if rng.chance(0.2) {
      // An injury, with the NEXUS / Canadian rule items mostly answered: through the injury
      // entry (a fall from standing height as one mechanism), or an older form's trauma answer.
      let entry: Finding = [.injury, .injury, .injury, .traumaMajor, .traumaMinor][
        rng.int(in: 0...4)]
      result[entry] = .yes
      if entry == .injury && rng.chance(0.3) { result[.traumaMinor] = .yes }
      // An older form's tenderness without a level, now and then.
      if rng.chance(0.1) { result[.midlineTenderness] = rng.chance(0.5) ? .yes : .no }
      // Neck pain answered yes, no, or not asked (the neck is assessed after any trauma).
      result[.painNeck] = [Answer.yes, .yes, .no, .unknown][rng.int(in: 0...3)]
      for finding in neckTraumaScreen {
        let roll = rng.int(in: 0...99)
        result[finding] = roll < 12 ? .yes : roll < 80 ? .no : .unknown
      }
    }
    return result
  }

  /// `count` answer sets from `seed`.
  static func sets(count: Int, seed: UInt64) -> [Answers] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in answers(&rng) }
  }
}
