/// One key binding: the keys, the action, what it does, and where it applies. The normal mode's
/// ``KeyMap`` and every pop-up's ``PopUpKeys`` are tables of these.
public struct KeyBinding: Hashable, Sendable {
  /// Where a binding of the normal mode applies (a pop-up's bindings apply anywhere).
  public enum Scope: String, Hashable, Sendable, CaseIterable {
    case anywhere = "Anywhere"
    case finding = "On a finding"
    case number = "On a number"
    /// The weeks of conservative care, where n means none tried (the other number keys apply).
    case careWeeks = "On weeks of conservative care (and the number keys)"
    case sex = "On Sex"
    case text = "On a text field"
    case folded = "On the folded row"
  }

  /// The keys that trigger it.
  public let keys: [Key]
  /// The action.
  public let action: Action
  /// What it does, for the help screen.
  public let summary: String
  /// Where it applies.
  public let scope: Scope
  /// How the keys are written in the help screen (defaults to the keys' labels).
  public let keyLabel: String
  /// The words said after its first key in a pop-up's status-line hint ("quit" in "y quit");
  /// nil when the hint leaves it out.
  public let hint: String?

  public init(
    _ keys: [Key], _ action: Action, _ summary: String, scope: Scope = .anywhere,
    label: String? = nil, hint: String? = nil
  ) {
    self.keys = keys
    self.action = action
    self.summary = summary
    self.scope = scope
    self.keyLabel = label ?? keys.map(\.label).joined(separator: " ")
    self.hint = hint
  }

  /// What quitting does, the same words wherever Ctrl-C (or q) asks to quit.
  static let quitSummary = "quit (asks first if answers are not exported)"

  /// `keys` ask to quit (the quit confirmation follows when answers were not exported).
  static func quit(_ keys: [Key], hint: String? = nil) -> KeyBinding {
    KeyBinding(keys, .requestQuit, quitSummary, hint: hint)
  }

  /// Ctrl-L redraws the screen.
  static let redraw = KeyBinding([.ctrlL], .redraw, "redraw the screen")

  /// The help screen's lines for `bindings`: keys then words, one line per binding (bindings
  /// that read the same, such as one per digit, once).
  static func helpLines(_ bindings: [KeyBinding]) -> [String] {
    var seen: Set<String> = []
    var lines: [String] = []
    for binding in bindings where seen.insert(binding.keyLabel + binding.summary).inserted {
      lines.append(helpLine(binding.keyLabel, binding.summary))
    }
    return lines
  }

  /// One line of the help screen: the keys in a column, then the words.
  static func helpLine(_ keys: String, _ words: String) -> String {
    "  " + keys.padded(to: 22) + words
  }
}

extension String {
  /// The string padded with spaces (or cut) to `width` characters.
  func padded(to width: Int) -> String {
    count >= width ? String(prefix(width)) : self + String(repeating: " ", count: width - count)
  }
}
