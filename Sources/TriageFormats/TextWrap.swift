/// Word wrapping for fixed-width text (reports, the plain mode, the terminal UI).
public enum TextWrap {
  /// Wraps `text` to lines of at most `width` display columns (``DisplayWidth``: a wide
  /// character counts 2); the first line is prefixed with `first`, the others with `rest` (for
  /// hanging indents). Words longer than a line are cut.
  public static func lines(_ text: String, width: Int, first: String = "", rest: String = "")
    -> [String]
  {
    var lines: [String] = []
    var current = first
    var currentIsEmpty = true
    func columns(_ text: some StringProtocol) -> Int { DisplayWidth.columns(of: text) }
    let limit = max(width, columns(first) + 2, columns(rest) + 2)
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var word = Substring(word)
      let space = currentIsEmpty ? 0 : 1
      if columns(current) + space + columns(word) <= limit {
        current += (currentIsEmpty ? "" : " ") + word
        currentIsEmpty = false
        continue
      }
      if !currentIsEmpty {
        lines.append(current)
        current = rest
        currentIsEmpty = true
      }
      while columns(current) + columns(word) > limit {
        let take = DisplayWidth.prefix(word, columns: limit - columns(current))
        lines.append(current + take)
        word = word.dropFirst(take.count)
        current = rest
      }
      current += word
      currentIsEmpty = word.isEmpty
    }
    if !currentIsEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
