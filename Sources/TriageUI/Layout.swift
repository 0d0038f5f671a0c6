/// Where each part of the UI goes for a terminal size: computed, never stored, so update and
/// render agree.
public struct Layout: Hashable, Sendable {
  /// The terminal size.
  public let size: TerminalSize
  /// Whether the recommendation panel sits beside the lists (wide) or below them (80x24).
  public let isWide: Bool
  /// The first row of the item list.
  public let listTop: Int
  /// How many item rows are visible.
  public let listHeight: Int
  /// The width of the item list.
  public let listWidth: Int
  /// The first row of the help text for the focused item.
  public let helpRow: Int
  /// How many rows the help text has.
  public let helpHeight: Int
  /// How wide the help text is.
  public let helpWidth: Int
  /// The panel's rectangle.
  public let panelTop: Int
  public let panelLeft: Int
  public let panelHeight: Int
  public let panelWidth: Int
  /// The row of the key hints and messages.
  public let statusRow: Int

  /// The columns from which the panel goes beside the lists.
  public static let wideColumns = 120

  public init(_ size: TerminalSize) {
    self.size = size
    let rows = max(size.rows, 1)
    let columns = max(size.columns, 1)
    isWide = columns >= Layout.wideColumns
    listTop = 2
    statusRow = rows - 1
    if isWide {
      panelWidth = min(64, max(44, columns * 3 / 8))
      panelLeft = columns - panelWidth
      panelTop = 2
      helpHeight = 1
      helpRow = rows - 2
      helpWidth = columns
      panelHeight = max(0, helpRow - panelTop)
      listWidth = columns - panelWidth - 1
      listHeight = max(0, helpRow - listTop)
    } else {
      panelWidth = columns
      panelLeft = 0
      panelHeight = 5
      panelTop = rows - 1 - panelHeight
      helpHeight = 1
      helpRow = panelTop - helpHeight
      helpWidth = columns
      listWidth = columns
      listHeight = max(0, helpRow - listTop)
    }
  }
}
