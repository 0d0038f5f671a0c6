/// A key press, decoded by a backend from the terminal's bytes.
public enum Key: Hashable, Sendable {
  /// A printable character.
  case character(Character)
  /// A control character other than Tab, Enter, Backspace and Escape: `control(3)` is Ctrl-C.
  case control(UInt8)
  case up, down, left, right, home, end, pageUp, pageDown
  case tab, backTab, enter, backspace, delete, escape
  /// A function key, F1 to F12.
  case function(Int)
  /// A key the backend could not name.
  case unknown

  /// Ctrl-C.
  public static let ctrlC = Key.control(3)
  /// Ctrl-Z.
  public static let ctrlZ = Key.control(26)
  /// Ctrl-L (redraw).
  public static let ctrlL = Key.control(12)
  /// Ctrl-N (next patient).
  public static let ctrlN = Key.control(14)

  /// How the key is written in the help screen.
  public var label: String {
    switch self {
    case .character(" "): "Space"
    case .character(let c): String(c)
    case .control(let code): "Ctrl-" + String(Character(Unicode.Scalar(code + 64)))
    case .up: "Up"
    case .down: "Down"
    case .left: "Left"
    case .right: "Right"
    case .home: "Home"
    case .end: "End"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .enter: "Enter"
    case .backspace: "Backspace"
    case .delete: "Delete"
    case .escape: "Esc"
    case .function(let n): "F\(n)"
    case .unknown: "?"
    }
  }
}
