import TriageEngine
import TriageFormats

/// A message on the status line.
public struct StatusMessage: Hashable, Sendable {
  /// The text.
  public var text: String
  /// Whether it reports a failure (shown with the error role and an "Error:" prefix).
  public var isError: Bool
  /// A file path said after the text: never cut at its end; when the line is too narrow its
  /// middle is shortened (the folder), so the file name always shows in full.
  public var path: String?

  /// Control and format characters in the text and the path (which may come from the
  /// environment: `SPINE_TRIAGE_DIR`, `HOME`) are shown escaped (`\u{1b}`), never sent to the
  /// terminal.
  public init(_ text: String, isError: Bool = false, path: String? = nil) {
    self.text = AnswersError.printable(text, limit: 4096)
    self.isError = isError
    self.path = path.map { AnswersError.printable($0, limit: 4096) }
  }

  /// The whole message on one line, path included, for line-by-line output (`--plain`).
  public var fullText: String { path.map { "\(text) \($0)" } ?? text }

  /// The message in at most three lines of at most `width` characters: one line whenever the
  /// text fits with the file name whole (the path's folder shortened in the middle); otherwise
  /// the text on its own (never split from its label, at most two lines) and the path on a
  /// line of its own. A failure starts with "Error: "; information never does.
  public func lines(width: Int) -> [String] {
    let width = max(width, 1)
    let head = (isError ? "Error: " : "") + text
    guard let path else {
      return head.count <= width ? [head] : wrapped(head, width: width, limit: 2)
    }
    if head.count + 1 + path.count <= width { return [head + " " + path] }
    let name =
      path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    let room = width - head.count - 1
    if room >= min(path.count, name.count + 4) {
      return [head + " " + StatusMessage.shorten(path, to: room)]
    }
    return wrapped(head, width: width, limit: 2) + [StatusMessage.shorten(path, to: width)]
  }

  /// `text` wrapped to `limit` lines; the last one ends with "..." when text is left over.
  private func wrapped(_ text: String, width: Int, limit: Int) -> [String] {
    var lines = TextWrap.lines(text, width: width)
    if lines.count > limit {
      lines = Array(lines.prefix(limit))
      let last = lines[limit - 1]
      lines[limit - 1] = String(last.prefix(max(0, width - 3))) + "..."
    }
    return lines
  }

  /// `path` in at most `width` characters: the start of the folder, "...", and the whole file
  /// name (only a file name longer than the line is cut, at its start).
  static func shorten(_ path: String, to width: Int) -> String {
    guard path.count > width else { return path }
    let name =
      path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init)
      ?? path
    let room = width - name.count - 4
    if room >= 1 { return String(path.prefix(room)) + ".../" + name }
    return "..." + String(name.suffix(max(0, width - 3)))
  }
}
