import Testing
import TriageEngine

@testable import TriageFormats

/// The compact writer's bytes: JSON string literals written with the block scan (16 bytes at a
/// time, the last block overlapping, 8 at a time below 16), and recommendations written one
/// after another into one reused stream.
@Suite struct ByteBufferTests {
  /// The JSON literal of `text`, escaped byte by byte (the reference).
  static func reference(_ text: String) -> [UInt8] {
    var out: [UInt8] = [0x22]
    for byte in text.utf8 {
      switch byte {
      case 0x22: out += Array("\\\"".utf8)
      case 0x5C: out += Array("\\\\".utf8)
      case 0x0A: out += Array("\\n".utf8)
      case 0x0D: out += Array("\\r".utf8)
      case 0x09: out += Array("\\t".utf8)
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
      default: out.append(byte)
      }
    }
    return out + [0x22]
  }

  static func quoted(_ text: String) -> [UInt8] {
    var buffer = ByteBuffer(capacity: 1)
    buffer.appendQuoted(text)
    return buffer.array
  }

  /// Every length from 0 to 70 (the scan's blocks, the overlapping last block, the 8-byte and
  /// byte-by-byte tails), with each kind of byte at each position: a quote, a backslash, a
  /// control byte (the first, the last, a tab, a line feed), and bytes that need no escape
  /// (DEL, a space, a multi-byte character).
  @Test func eachSpecialByteAtEachPositionOfEachLengthIsEscaped() {
    let specials: [String] = ["\"", "\\", "\u{0}", "\u{1F}", "\t", "\n", "\u{7F}", " ", "é"]
    var checked = 0
    for length in 0...70 {
      let plain = String(repeating: "a", count: length)
      #expect(Self.quoted(plain) == Self.reference(plain), "length \(length)")
      for position in 0..<length {
        for special in specials {
          var characters = Array(plain)
          characters[position] = Character(special)
          let text = String(characters)
          #expect(
            Self.quoted(text) == Self.reference(text),
            "length \(length), \(special.debugDescription) at \(position)")
          checked += 1
        }
      }
    }
    #expect(checked == 9 * (70 * 71 / 2))
  }

  /// Recommendations appended to one stream, its memory kept between batches: each range is
  /// the recommendation's compact JSON (with a line feed when asked), before and after the
  /// stream is emptied.
  @Test func aStreamHoldsEachRecommendationAtItsRange() {
    var stream = CompactJSONStream()
    for round in 0..<2 {
      var start = 0
      for (index, answers) in RecommendationJSONTests.samples.enumerated() {
        let recommendation = TriageEngine.evaluate(answers)
        let line = index % 2 == 0
        let end = stream.append(recommendation, line: line)
        let written = stream.withBytes(from: start, to: end) { Array($0) }
        let expected = RecommendationJSON.compactBytes(recommendation) + (line ? [0x0A] : [])
        #expect(written == expected, "round \(round), sample \(index)")
        start = end
      }
      #expect(stream.count == start)
      stream.removeAll()
      #expect(stream.count == 0)
    }
  }
}
