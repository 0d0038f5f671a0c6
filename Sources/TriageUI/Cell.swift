import TriageEngine
import TriageFormats

/// One character cell.
public struct Cell: Hashable, Sendable {
  public var character: Character
  public var role: Role

  public init(_ character: Character = " ", _ role: Role = .normal) {
    self.character = character
    self.role = role
  }

  /// The character of the cell that holds the right half of a two-column character (it is not
  /// drawn: the terminal advances two columns for the character on its left).
  public static let continuation: Character = "\u{0}"

  /// Whether this cell is the right half of a two-column character.
  public var isContinuation: Bool { character == Cell.continuation }

  /// How many columns `character` takes on a terminal: 2 for East Asian wide characters and
  /// emoji, else 1.
  public static func width(of character: Character) -> Int {
    DisplayWidth.columns(of: character)
  }

  /// How many columns `text` takes.
  public static func width(of text: String) -> Int {
    DisplayWidth.columns(of: text)
  }

  /// How many columns `text` takes.
  public static func width(of text: Substring) -> Int {
    DisplayWidth.columns(of: text)
  }
}
