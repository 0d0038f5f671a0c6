import Foundation

/// A small deterministic generator (xorshift64), so that random inputs reproduce from a seed.
struct Xorshift: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed | 1 }

  mutating func next() -> UInt64 {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return state
  }

  /// The variable that sets the seed of the random end-to-end tests, to reproduce a run.
  static let seedVariable = "SPINE_TEST_SEED"

  /// A generator for the random test `name`: seeded from ``seedVariable`` when it is set,
  /// otherwise from a fresh random seed. The seed is printed, and returned for failure messages,
  /// so that any run can be repeated with `SPINE_TEST_SEED=<seed> swift test --filter <name>`.
  static func seeded(for name: String) -> (generator: Xorshift, seed: UInt64) {
    let given = ProcessInfo.processInfo.environment[seedVariable].flatMap { UInt64($0) }
    let seed = given ?? UInt64.random(in: 1...UInt64.max)
    print("\(name): seed \(seed) (\(seedVariable)=\(seed) repeats this run)")
    return (Xorshift(seed: seed), seed)
  }
}
