import TriageEngine

/// An in-memory screen: a grid of cells and where the real cursor goes. Rendering writes here;
/// a backend copies it to the terminal; tests read it as text.
public struct Screen: Hashable, Sendable {
  public let rows: Int
  public let columns: Int
  public private(set) var cells: [Cell]
  /// Where the terminal's cursor should sit (the focused row, for screen readers).
  public var cursor: (row: Int, column: Int)? {
    get { cursorRow.map { ($0, cursorColumn) } }
    set {
      cursorRow = newValue?.row
      cursorColumn = newValue?.column ?? 0
    }
  }
  private var cursorRow: Int?
  private var cursorColumn = 0

  /// A blank screen.
  public init(rows: Int, columns: Int) {
    self.rows = max(0, rows)
    self.columns = max(0, columns)
    cells = Array(repeating: Cell(), count: self.rows * self.columns)
  }

  /// The cell at (row, column).
  public subscript(row: Int, column: Int) -> Cell {
    get { cells[row * columns + column] }
    set { cells[row * columns + column] = newValue }
  }

  /// Writes `text` at (row, column) with `role`, clipped to `width` columns (and the screen).
  /// Returns the column after the last character written.
  /// When `ellipsis` is given and the text does not fit, it ends with the ellipsis so that a
  /// cut is never silent.
  @discardableResult
  public mutating func put(
    _ text: String, row: Int, column: Int, role: Role = .normal, width: Int? = nil,
    ellipsis: String? = nil
  ) -> Int {
    guard row >= 0, row < rows, column < columns else { return column }
    let limit = min(columns, column + max(0, width ?? columns))
    var text = text
    if let ellipsis, Cell.width(of: text) > limit - column, limit - column > ellipsis.count {
      // Cut to the columns left for the text before the ellipsis.
      var room = limit - column - ellipsis.count
      var cut = ""
      for character in text {
        let needed = Cell.width(of: character)
        if needed > room { break }
        cut.append(character)
        room -= needed
      }
      text = cut + ellipsis
    }
    var x = column
    for character in text {
      // A two-column character takes this cell and the next (never half of it at the edge).
      let needed = Cell.width(of: character)
      if x + needed > limit { break }
      if x >= 0 { self[row, x] = Cell(character == "\t" ? " " : character, role) }
      if needed == 2 && x + 1 >= 0 { self[row, x + 1] = Cell(Cell.continuation, role) }
      x += needed
    }
    return x
  }

  /// Fills `count` cells of a row from `column` with `character` and `role`.
  public mutating func fill(
    row: Int, column: Int, count: Int, with character: Character = " ", role: Role = .normal
  ) {
    guard row >= 0, row < rows else { return }
    let start = max(0, column)
    let end = min(columns, column + count)
    guard start < end else { return }
    for x in start..<end { self[row, x] = Cell(character, role) }
  }

  /// What the terminal shows for cell (row, column): nothing for the right half of a
  /// two-column character, a space for a stray half whose character was overwritten.
  public func shown(row: Int, column: Int) -> Character? {
    let cell = self[row, column]
    guard cell.isContinuation else { return cell.character }
    if column > 0, Cell.width(of: self[row, column - 1].character) == 2 { return nil }
    return " "
  }

  /// The text of one row, trailing spaces removed.
  public func text(row: Int) -> String {
    var line = String((0..<columns).compactMap { shown(row: row, column: $0) })
    while line.last == " " { line.removeLast() }
    return line
  }

  /// The whole screen as text, one line per row (for snapshots).
  public var text: String { (0..<rows).map { text(row: $0) }.joined(separator: "\n") }

  /// Whether any cell of the screen has `role`.
  public func contains(role: Role) -> Bool { cells.contains { $0.role == role } }

  /// The text of the cells with `role`, row by row (for checking semantic roles).
  public func text(with role: Role) -> [String] {
    (0..<rows).compactMap { row in
      let line = String(
        (0..<columns).filter { self[row, $0].role == role }.compactMap {
          shown(row: row, column: $0)
        })
      return line.isEmpty ? nil : line
    }
  }

  public static func == (lhs: Screen, rhs: Screen) -> Bool {
    lhs.rows == rhs.rows && lhs.columns == rhs.columns && lhs.cells == rhs.cells
      && lhs.cursorRow == rhs.cursorRow && lhs.cursorColumn == rhs.cursorColumn
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(rows)
    hasher.combine(columns)
    hasher.combine(cells)
  }
}
