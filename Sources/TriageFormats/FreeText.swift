/// The one rule for the free-text fields (patient identifier, clinician), applied alike to
/// answers files, drafts and the keyboard: at most ``maxLength`` Unicode scalars (not grapheme
/// clusters, which can hold any number of combining marks), and no character that is invisible
/// or changes how the rest is shown: no control characters (C0, C1, DEL), no format characters
/// (Cf: bidirectional overrides and isolates, zero-width spaces and joiners, the byte order
/// mark), no line or paragraph separators, no private-use, unassigned or noncharacter code
/// points.
public enum FreeText {
  /// The longest text accepted, in Unicode scalars.
  public static let maxLength = 64

  /// Whether `scalar` may appear in a free-text field.
  public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse,
      .unassigned:
      return false
    default:
      return !scalar.properties.isNoncharacterCodePoint
    }
  }

  /// What is wrong with `text` (in words, without echoing it), or nil when it is acceptable.
  public static func problem(_ text: String) -> String? {
    var count = 0
    for scalar in text.unicodeScalars {
      count += 1
      if count > maxLength { return "longer than \(maxLength) characters" }
      guard isAllowed(scalar) else { return "contains \(describe(scalar))" }
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
    default: return "a character that cannot be shown (\(code))"
    }
  }
}
