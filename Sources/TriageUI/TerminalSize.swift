/// A terminal size in character cells.
public struct TerminalSize: Hashable, Sendable {
  public var rows: Int
  public var columns: Int

  public init(rows: Int, columns: Int) {
    self.rows = max(0, rows)
    self.columns = max(0, columns)
  }

  /// The smallest size the UI works at.
  public static let minimum = TerminalSize(rows: 24, columns: 80)

  /// Whether the UI fits.
  public var isUsable: Bool { rows >= Self.minimum.rows && columns >= Self.minimum.columns }
}
