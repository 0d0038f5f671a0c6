/// The one rule for every free text: the patient identifier and the clinician (answers files,
/// drafts, the keyboard) and the site name (settings), so that what is typed is what is shown
/// and printed, on one line, with nothing hidden.
///
/// - Length, in display columns (``DisplayWidth``: a CJK character or an emoji counts 2): at
///   most ``maxColumns`` for the patient and the clinician, ``maxSiteColumns`` for the site;
///   and at most ``maxLength`` Unicode scalars (a combining mark takes no column, so scalars
///   are bounded too).
/// - Refused: control characters (C0, C1, DEL), format characters (Cf: bidirectional overrides
///   and isolates, zero-width spaces and joiners, the byte order mark), line and paragraph
///   separators, private-use, unassigned, surrogate and noncharacter code points, and the
///   invisible letters: every `Default_Ignorable_Code_Point` (the Hangul fillers U+115F,
///   U+1160, U+3164 and U+FFA0, the combining grapheme joiner U+034F, variation selectors,
///   tag characters), every `White_Space` character other than the plain space U+0020 (no-break
///   and ideographic spaces, en and em spaces), and the Braille blank U+2800 (a symbol that
///   draws nothing; no Unicode property marks blank glyphs, so it is named).
public enum FreeText {
  /// The most Unicode scalars in a patient or clinician field (also FHIR's `maxLength`).
  public static let maxLength = 64
  /// The most display columns of a patient identifier or a clinician.
  public static let maxColumns = 64
  /// The most display columns of the site name (it shares a printed line with the patient).
  public static let maxSiteColumns = 60

  /// Whether `scalar` may appear in a free-text field.
  public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    switch properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse,
      .unassigned:
      return false
    default:
      if properties.isNoncharacterCodePoint || properties.isDefaultIgnorableCodePoint {
        return false
      }
      if properties.isWhitespace && scalar != " " { return false }
      return scalar.value != 0x2800
    }
  }

  /// What is wrong with `text` (in words, without echoing it), or nil when it is acceptable,
  /// for a field of at most `maxColumns` display columns.
  public static func problem(_ text: String, maxColumns: Int = FreeText.maxColumns) -> String? {
    var count = 0
    for scalar in text.unicodeScalars {
      count += 1
      if count > maxLength { return "longer than \(maxLength) characters" }
      guard isAllowed(scalar) else { return "contains \(describe(scalar))" }
    }
    let columns = DisplayWidth.columns(of: text)
    if columns > maxColumns {
      return "wider than \(maxColumns) columns (\(columns); a wide character such as CJK counts 2)"
    }
    return nil
  }

  /// The kind of a refused character, with its code point (never the surrounding text).
  public static func describe(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    switch scalar.properties.generalCategory {
    case .control: return "a control character (\(code))"
    case .format: return "an invisible formatting character such as a bidi override (\(code))"
    case .lineSeparator, .paragraphSeparator: return "a line or paragraph separator (\(code))"
    case .privateUse, .unassigned, .surrogate:
      return "a character that cannot be shown (\(code))"
    default:
      if scalar.properties.isNoncharacterCodePoint {
        return "a character that cannot be shown (\(code))"
      }
      if scalar.properties.isWhitespace { return "a space other than the plain space (\(code))" }
      return "an invisible character (\(code))"
    }
  }
}

/// How many columns text takes on a terminal or a fixed-width printout: 2 for East Asian wide
/// characters (CJK, Hangul, fullwidth forms) and emoji, 1 otherwise; a grapheme cluster counts
/// as its first scalar (combining marks take no column of their own). The same table serves the
/// screens, the printed summary and the free-text rule.
public enum DisplayWidth {
  /// The columns of one character.
  public static func columns(of character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 1 }
    return isWide(first.value) ? 2 : 1
  }

  /// The columns of `text`.
  public static func columns(of text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + columns(of: $1) }
  }

  /// The columns of `text`: for ASCII without a carriage return (which joins a following line
  /// feed into one character), one a byte, without breaking the text into characters.
  public static func columns(of text: String) -> Int {
    isPlainASCII(text.utf8) ? text.utf8.count : text.reduce(0) { $0 + columns(of: $1) }
  }

  /// The columns of `text` (as for a `String`).
  public static func columns(of text: Substring) -> Int {
    isPlainASCII(text.utf8) ? text.utf8.count : text.reduce(0) { $0 + columns(of: $1) }
  }

  static func isPlainASCII(_ bytes: some Collection<UInt8>) -> Bool {
    !bytes.contains { $0 >= 0x80 || $0 == 0x0D }
  }

  /// The longest prefix of `text` that fits in `width` columns.
  public static func prefix(_ text: some StringProtocol, columns width: Int) -> String {
    var used = 0
    var result = ""
    for character in text {
      let next = columns(of: character)
      guard used + next <= width else { break }
      used += next
      result.append(character)
    }
    return result
  }

  /// Whether a scalar takes two columns (East Asian wide ranges and emoji).
  public static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F000...0x10FFFF:
      return true
    default: return false
    }
  }
}
