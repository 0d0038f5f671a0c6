import Testing
import TriageFormats

@testable import SpineTriageCLI

/// Consultation identifiers: random version 4 UUIDs, lower case, from one `getrandom` call.
@Suite struct SystemClockTests {
  @Test func uuidsAreVersion4LowerCaseAndDistinct() {
    var seen = Set<String>()
    for _ in 0..<2000 {
      let id = SystemClock.uuid()
      #expect(AnswerSheet.isUUID(id), "\(id)")
      #expect(id == id.lowercased())
      let bytes = Array(id.utf8)
      #expect(bytes.count == 36)
      #expect([8, 13, 18, 23].allSatisfy { bytes[$0] == UInt8(ascii: "-") })
      // Version 4, RFC 4122 variant (8, 9, a or b).
      #expect(bytes[14] == UInt8(ascii: "4"))
      #expect("89ab".utf8.contains(bytes[19]))
      seen.insert(id)
    }
    #expect(seen.count == 2000)
  }

  /// Every hexadecimal digit appears in every free position over many identifiers: the bytes
  /// are random, not partly constant.
  @Test func everyFreeDigitVaries() {
    var digits = [Set<UInt8>](repeating: [], count: 36)
    for _ in 0..<4000 {
      for (index, byte) in SystemClock.uuid().utf8.enumerated() { digits[index].insert(byte) }
    }
    for index in 0..<36 where ![8, 13, 14, 18, 19, 23].contains(index) {
      #expect(digits[index].count == 16, "position \(index): \(digits[index].count) digits")
    }
    #expect(digits[19].count == 4)
  }
}
