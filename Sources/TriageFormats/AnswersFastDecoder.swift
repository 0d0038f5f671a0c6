import TriageEngine

/// A fast path for the common answers line (`evaluate --jsonl`): decodes the usual shape straight
/// from the bytes, without a JSON tree. Anything unusual (escapes, non-ASCII, fractions,
/// identifiers, text fields, an out-of-range or inconsistent value, a duplicate key, a syntax
/// error) returns nil, and the caller uses ``AnswersCodec`` — which gives the same result for
/// valid input and the precise error otherwise. A test checks that whenever this returns a
/// sheet, the full decoder returns the same one.
public enum AnswersFastDecoder {
  /// The sheet, or nil to fall back to the full decoder.
  public static func decode(_ bytes: [UInt8]) -> AnswerSheet? {
    bytes.withUnsafeBufferPointer { decode($0) }
  }

  /// The sheet of the bytes in `buffer`, or nil to fall back to the full decoder.
  public static func decode(_ buffer: UnsafeBufferPointer<UInt8>) -> AnswerSheet? {
    answers(buffer).map { AnswerSheet(answers: $0) }
  }

  /// The answers of the bytes in `buffer` (the fast path reads nothing else of a sheet), or nil
  /// to fall back to the full decoder. `evaluate --jsonl` takes these: no sheet is made, copied
  /// and released per line.
  public static func answers(_ buffer: UnsafeBufferPointer<UInt8>) -> Answers? {
    var scanner = Scanner(bytes: buffer)
    return scanner.document()
  }

  struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    /// The bytes `"no"` and the first four of `"yes"`, as words loaded from memory.
    static var quotedNo: UInt32 { UInt32(littleEndian: 0x226F_6E22) }
    static var quotedYes: UInt32 { UInt32(littleEndian: 0x7365_7922) }

    @inline(__always) mutating func skipSpace() {
      while index < bytes.count,
        bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D
      {
        index += 1
      }
    }

    @inline(__always) mutating func take(_ byte: UInt8) -> Bool {
      skipSpace()
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    /// A plain ASCII string without escapes, as a range of the buffer. Scans 8 bytes at a time
    /// for the first quote, backslash, control or non-ASCII byte.
    mutating func plainString() -> Range<Int>? {
      guard take(UInt8(ascii: "\"")) else { return nil }
      let start = index
      let base = bytes.baseAddress.unsafelyUnwrapped
      let count = bytes.count
      var position = index
      while position + 8 <= count {
        let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
        let special = ByteBuffer.escapeBits(word) | (word & 0x8080_8080_8080_8080)
        if special != 0 {
          // The lowest flagged byte is the first special one (a borrow only ever flags bytes
          // after a true match).
          position += special.trailingZeroBitCount >> 3
          break
        }
        position += 8
      }
      while position < count {
        let byte = base[position]
        if byte == UInt8(ascii: "\"") {
          index = position + 1
          return start..<position
        }
        if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return nil }
        position += 1
      }
      return nil
    }

    func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
      guard range.count == text.utf8CodeUnitCount else { return false }
      let expected = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
      return bytes[range].elementsEqual(expected)
    }

    /// A whole number of at most 3 digits, no sign, fraction, exponent or leading zero.
    mutating func smallInteger() -> Int? {
      skipSpace()
      let start = index
      var value = 0
      // Never more than 4 digits are accumulated (a longer run is left to the full decoder), so
      // no run of digits can overflow.
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
        guard index - start < 3 else { return nil }
        value = value * 10 + Int(bytes[index] - 0x30)
        index += 1
      }
      let count = index - start
      guard count >= 1, count <= 3, !(count > 1 && bytes[start] == 0x30) else { return nil }
      if index < bytes.count,
        bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "e")
          || bytes[index] == UInt8(ascii: "E")
      {
        return nil
      }
      return value
    }

    /// A finding's answer: the usual `"no"` and `"yes"` right after the colon compared as
    /// words here, anything else (spaces, `true`, `false`, `"unknown"`) read by
    /// ``otherAnswer()``.
    @inline(__always) mutating func answer() -> Answer? { quotedWord() ?? otherAnswer() }

    /// `"no"` or `"yes"` at `index`, each compared as a word, or nil (nothing read).
    @inline(__always) mutating func quotedWord() -> Answer? {
      guard index + 5 <= bytes.count else { return nil }
      let word = UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + index)
        .loadUnaligned(as: UInt32.self)
      if word == Self.quotedNo {
        index += 4
        return .no
      }
      if word == Self.quotedYes && bytes[index + 4] == UInt8(ascii: "\"") {
        index += 5
        return .yes
      }
      return nil
    }

    @inline(never) mutating func otherAnswer() -> Answer? {
      skipSpace()
      guard index < bytes.count else { return nil }
      if let word = quotedWord() { return word }
      if bytes[index] == UInt8(ascii: "t") {
        return literal("true") ? .yes : nil
      }
      if bytes[index] == UInt8(ascii: "f") {
        return literal("false") ? .no : nil
      }
      guard let range = plainString() else { return nil }
      if equals(range, "yes") { return .yes }
      if equals(range, "no") { return .no }
      if equals(range, "unknown") { return .unknown }
      return nil
    }

    mutating func literal(_ word: StaticString) -> Bool {
      let count = word.utf8CodeUnitCount
      guard index + count <= bytes.count else { return false }
      let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
      guard bytes[index..<(index + count)].elementsEqual(expected) else { return false }
      index += count
      return true
    }

    mutating func findings(into answers: inout Answers) -> Bool {
      guard take(UInt8(ascii: "{")) else { return false }
      // Each finding's answer, set in one step at the end (a finding appears once).
      var yes = FindingSet()
      var no = FindingSet()
      var unknown = FindingSet()
      let table = FindingTable.shared
      if take(UInt8(ascii: "}")) { return true }
      let base = bytes.baseAddress.unsafelyUnwrapped
      while true {
        // The key, found by its first word (written here, not called). A key is no finding's
        // identifier unless it, its quote and an answer fit in what is left, so fewer than
        // eight bytes after the opening quote fall back. A finding answered twice falls back.
        if index < bytes.count && base[index] != UInt8(ascii: "\"") { skipSpace() }
        guard index < bytes.count, base[index] == UInt8(ascii: "\""),
          let (finding, length) = table.key(at: base + index + 1, count: bytes.count - index - 1)
        else { return false }
        index += length + 2
        guard take(UInt8(ascii: ":")), !yes.union(no).union(unknown).contains(finding),
          let value = answer()
        else { return false }
        switch value {
        case .yes: yes.insert(finding)
        case .no: no.insert(finding)
        case .unknown: unknown.insert(finding)
        }
        if take(UInt8(ascii: ",")) { continue }
        guard take(UInt8(ascii: "}")) else { return false }
        answers.set(yes: yes, no: no, unknown: unknown)
        return true
      }
    }

    mutating func document() -> Answers? {
      guard take(UInt8(ascii: "{")) else { return nil }
      var answers = Answers()
      var seen: UInt8 = 0
      if !take(UInt8(ascii: "}")) {
        while true {
          guard let key = plainString(), take(UInt8(ascii: ":")) else { return nil }
          let bit: UInt8
          if equals(key, "age") {
            bit = 1
            guard let value = smallInteger(), Answers.ageRange.contains(value) else { return nil }
            answers.age = value
          } else if equals(key, "symptom_weeks") {
            bit = 2
            guard let value = smallInteger(), Answers.weeksRange.contains(value) else { return nil }
            answers.symptomWeeks = value
          } else if equals(key, "conservative_weeks") {
            bit = 4
            guard let value = smallInteger(), Answers.weeksRange.contains(value) else { return nil }
            answers.conservativeWeeks = value
          } else if equals(key, "sex") {
            bit = 8
            guard let range = plainString() else { return nil }
            if equals(range, "female") {
              answers.sex = .female
            } else if equals(range, "male") {
              answers.sex = .male
            } else if equals(range, "other") {
              answers.sex = .other
            } else {
              return nil
            }
          } else if equals(key, "findings") {
            bit = 16
            guard findings(into: &answers) else { return nil }
          } else {
            return nil
          }
          guard seen & bit == 0 else { return nil }
          seen |= bit
          if take(UInt8(ascii: ",")) { continue }
          guard take(UInt8(ascii: "}")) else { return nil }
          break
        }
      }
      skipSpace()
      guard index == bytes.count else { return nil }
      if let care = answers.conservativeWeeks, let weeks = answers.symptomWeeks,
        care > weeks
      {
        return nil
      }
      return answers
    }
  }
}
