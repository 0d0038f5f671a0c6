/// Word wrapping for fixed-width text (reports, the plain mode, the terminal UI).
public enum TextWrap {
  /// Wraps `text` to lines of at most `width` characters; the first line is prefixed with
  /// `first`, the others with `rest` (for hanging indents). Words longer than a line are cut.
  public static func lines(_ text: String, width: Int, first: String = "", rest: String = "")
    -> [String]
  {
    var lines: [String] = []
    var current = first
    var currentIsEmpty = true
    let limit = max(width, first.count + 1, rest.count + 1)
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var word = Substring(word)
      let space = currentIsEmpty ? 0 : 1
      if current.count + space + word.count <= limit {
        current += (currentIsEmpty ? "" : " ") + word
        currentIsEmpty = false
        continue
      }
      if !currentIsEmpty {
        lines.append(current)
        current = rest
        currentIsEmpty = true
      }
      while current.count + word.count > limit {
        let take = limit - current.count
        lines.append(current + word.prefix(take))
        word = word.dropFirst(take)
        current = rest
      }
      current += word
      currentIsEmpty = word.isEmpty
    }
    if !currentIsEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
