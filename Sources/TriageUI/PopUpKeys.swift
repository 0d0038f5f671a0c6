/// The keys of one pop-up mode (a question on the status line, a chooser, typing, the help):
/// a table of ``KeyBinding``s in the same shape as the normal mode's ``KeyMap``, from which the
/// dispatch, the pop-up's section of the help screen and its status-line hint all come.
public struct PopUpKeys: Hashable, Sendable {
  /// The pop-up modes: every ``AppState/Mode`` but the normal one.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    case typingText, typingNumber, exportMenu, confirmBulk, confirmQuit, confirmDiscardDraft
    case offerDraft, help

    /// The pop-up of `mode`; nil for the normal mode.
    public init?(_ mode: AppState.Mode) {
      switch mode {
      case .normal: return nil
      case .editing: self = .typingText
      case .editingNumber: self = .typingNumber
      case .exportMenu: self = .exportMenu
      case .confirmBulk: self = .confirmBulk
      case .confirmQuit: self = .confirmQuit
      case .confirmDiscardDraft: self = .confirmDiscardDraft
      case .offerDraft: self = .offerDraft
      case .help: self = .help
      }
    }
  }

  /// What the keys that are not in the table do.
  public enum OtherKeys: Hashable, Sendable {
    /// Nothing.
    case ignored
    /// Every other key does `action`; `summary` says so in the help, `hint` (if any) at the end
    /// of the status-line hint.
    case action(Action, summary: String, hint: String?)
    /// A character is typed (``Action/typeText(_:)``); other keys do nothing.
    case typed(summary: String)
  }

  /// Which pop-up.
  public let kind: Kind
  /// The heading of its section in the help screen.
  public let title: String
  /// Its bindings; no key is in two of them.
  public let bindings: [KeyBinding]
  /// What the other keys do.
  public let otherKeys: OtherKeys

  public init(_ kind: Kind, title: String, _ bindings: [KeyBinding], otherKeys: OtherKeys) {
    self.kind = kind
    self.title = title
    self.bindings = bindings
    self.otherKeys = otherKeys
  }

  /// The action for `key` in this pop-up, or nil when the key does nothing here.
  public func action(for key: Key) -> Action? {
    if let binding = bindings.first(where: { $0.keys.contains(key) }) { return binding.action }
    switch otherKeys {
    case .ignored: return nil
    case .action(let action, _, _): return action
    case .typed:
      if case .character(let character) = key { return .typeText(character) }
      return nil
    }
  }

  /// The status-line hint: the first key and the hint of each binding that has one, those with
  /// the same words merged ("Up/Down choose"), then what the other keys do:
  /// "t text, h HTML, f FHIR; any other key cancels".
  public var hintLine: String {
    var parts: [(keys: [String], words: String)] = []
    for binding in bindings {
      guard let words = binding.hint, let key = binding.keys.first?.label else { continue }
      if parts.last?.words == words {
        parts[parts.count - 1].keys.append(key)
      } else {
        parts.append(([key], words))
      }
    }
    let line = parts.map { $0.keys.joined(separator: "/") + " " + $0.words }
      .joined(separator: ", ")
    guard let other = otherHint else { return line }
    return line.isEmpty ? other : line + "; " + other
  }

  /// The keys spelled out, where there is room (under the MRI-safety list of No to the rest):
  /// the first key and summary of each binding the hint names, then what the other keys do.
  public var explanation: String {
    let named = bindings.compactMap { binding in
      binding.hint == nil ? nil : binding.keys.first.map { "\($0.label): \(binding.summary)" }
    }
    return (named + [otherHint].compactMap { $0 }).joined(separator: "; ")
  }

  /// The status-line words for the other keys ("any other key cancels"), if any.
  public var otherHint: String? {
    if case .action(_, _, let hint) = otherKeys { return hint }
    return nil
  }

  /// The pop-up's section of the help screen: its title, one line per binding, and what the
  /// other keys do.
  public func helpLines() -> [String] {
    var lines = [title] + KeyBinding.helpLines(bindings)
    switch otherKeys {
    case .ignored: break
    case .action(_, let summary, _): lines.append(KeyBinding.helpLine("any other key", summary))
    case .typed(let summary): lines.append(KeyBinding.helpLine("other characters", summary))
    }
    return lines
  }
}
