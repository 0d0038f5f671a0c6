import TriageEngine

/// The drawing characters: Unicode when the locale is UTF-8, ASCII otherwise.
public struct Glyphs: Hashable, Sendable {
  public let horizontal: Character
  public let vertical: Character
  public let topLeft: Character
  public let topRight: Character
  public let bottomLeft: Character
  public let bottomRight: Character
  public let pointer: Character
  public let ellipsis: String
  public let scrollUp: Character
  public let scrollDown: Character

  /// Box-drawing characters.
  public static let unicode = Glyphs(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
    pointer: "▶", ellipsis: "…", scrollUp: "▲", scrollDown: "▼")
  /// Plain ASCII.
  public static let ascii = Glyphs(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
    pointer: ">", ellipsis: "...", scrollUp: "^", scrollDown: "v")
}
