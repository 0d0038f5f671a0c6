import TriageEngine

/// One key binding: the keys, the action, what it does, and where it applies.
public struct KeyBinding: Hashable, Sendable {
  /// Where a binding applies.
  public enum Scope: String, Hashable, Sendable, CaseIterable {
    case anywhere = "Anywhere"
    case finding = "On a finding"
    case number = "On a number"
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

  public init(
    _ keys: [Key], _ action: Action, _ summary: String, scope: Scope = .anywhere,
    label: String? = nil
  ) {
    self.keys = keys
    self.action = action
    self.summary = summary
    self.scope = scope
    self.keyLabel = label ?? keys.map(\.label).joined(separator: " ")
  }
}

/// The key map: data, so that dispatch and the help screen come from one table.
public struct KeyMap: Sendable {
  /// The bindings of the normal mode; item-specific scopes win over `anywhere`.
  public var bindings: [KeyBinding]

  public init(bindings: [KeyBinding]) { self.bindings = bindings }

  /// The standard key map.
  public static let standard: KeyMap = {
    var b: [KeyBinding] = [
      KeyBinding(
        [.character("y")], .answer(.yes), "answer yes, go to the next item", scope: .finding),
      KeyBinding(
        [.character("n")], .answer(.no), "answer no, go to the next item", scope: .finding),
      KeyBinding(
        [.character(" ")], .cycle, "cycle unanswered, yes, no; go to the next item",
        scope: .finding),
      KeyBinding(
        [.character("u"), .backspace, .delete], .clear, "clear (unanswered)", scope: .finding),
      KeyBinding(
        [.enter], .beginEdit, "Enter, digits, Enter: keep and go on; Esc cancels",
        scope: .number),
      KeyBinding(
        [.character("u"), .backspace, .delete], .clear, "clear (not recorded)", scope: .number),
      KeyBinding(
        [.character("0"), .character("7"), .character("8"), .character("9")], .typeDigit(0),
        "say how to type a number (1-6 still switch screens)", scope: .number, label: "0 7 8 9"),
      KeyBinding([.character("f")], .setSex(.female), "female, go to the next item", scope: .sex),
      KeyBinding([.character("m")], .setSex(.male), "male, go to the next item", scope: .sex),
      KeyBinding([.character("o")], .setSex(.other), "other, go to the next item", scope: .sex),
      KeyBinding([.character(" ")], .cycle, "cycle female, male, other, unset", scope: .sex),
      KeyBinding([.character("u"), .backspace, .delete], .clear, "clear", scope: .sex),
      KeyBinding([.enter], .beginEdit, "edit; then Enter keeps, Esc cancels", scope: .text),
      KeyBinding([.character("u"), .backspace, .delete], .clear, "clear", scope: .text),
      KeyBinding(
        [.enter, .character(" ")], .beginEdit, "show or hide the folded items", scope: .folded),
      KeyBinding([.down, .character("j")], .moveDown, "next item"),
      KeyBinding([.up, .character("k")], .moveUp, "previous item"),
      KeyBinding([.pageDown], .pageDown, "page down"),
      KeyBinding([.pageUp], .pageUp, "page up"),
      KeyBinding([.home, .character("g")], .moveTop, "first item"),
      KeyBinding([.end, .character("G")], .moveBottom, "last item"),
      KeyBinding(
        [.tab, .right, .character("l")], .nextPage, "next screen, on its first unanswered item"),
      KeyBinding([.backTab, .left, .character("h")], .previousPage, "previous screen"),
    ]
    for page in Page.allCases {
      b.append(
        KeyBinding(
          [.character(Character(String(page.number)))], .gotoPage(page.number),
          "go to a screen (never types into a number)", label: "1-6"))
    }
    b += [
      KeyBinding(
        [.character("N")], .bulkNo,
        "No to the rest of the screen; y confirms (recorded)"),
      KeyBinding(
        [.character("!")], .nextCritical,
        "next item marked !, across the screens"),
      KeyBinding([.character("e")], .openExportMenu, "export the summary (text, HTML or FHIR)"),
      KeyBinding([.character("p")], .printSummary, "print the text summary (lp)"),
      KeyBinding([.character("?"), .function(1)], .toggleHelp, "help (this screen)"),
      KeyBinding([.ctrlL], .redraw, "redraw the screen"),
      KeyBinding([.ctrlZ], .suspend, "suspend to the shell (fg to return)"),
      KeyBinding(
        [.character("q"), .ctrlC], .requestQuit, "quit (asks first if answers are not exported)"),
    ]
    return KeyMap(bindings: b)
  }()

  /// The scope of the focused item.
  static func scope(of item: Item?) -> KeyBinding.Scope? {
    switch item {
    case .finding: .finding
    case .number: .number
    case .sex: .sex
    case .text: .text
    case .folded: .folded
    case .report, nil: nil
    }
  }

  /// The action for `key` in `state`, or nil when the key does nothing there.
  public func action(for key: Key, in state: AppState) -> Action? {
    switch state.mode {
    case .help:
      switch key {
      case .down, .character("j"): return .moveDown
      case .up, .character("k"): return .moveUp
      case .pageDown, .character(" "): return .pageDown
      case .pageUp: return .pageUp
      case .ctrlC: return .requestQuit
      case .ctrlL: return .redraw
      default: return .toggleHelp
      }
    case .confirmQuit:
      switch key {
      case .character("y"), .character("Y"), .character("q"), .ctrlC: return .confirmQuit
      default: return .cancelQuit
      }
    case .editing:
      switch key {
      case .enter, .tab: return .commitEdit
      case .escape: return .cancelEdit
      case .backspace, .delete: return .deleteText
      case .ctrlC: return .requestQuit
      case .character(let c): return .typeText(c)
      default: return nil
      }
    case .editingNumber:
      switch key {
      case .character(let c) where c.isASCII && c.isNumber:
        return .typeDigit(Int(String(c))!)
      case .backspace, .delete: return .deleteDigit
      case .enter, .tab: return .commitEdit
      case .escape: return .cancelEdit
      case .ctrlC: return .requestQuit
      default: return nil
      }
    case .confirmBulk:
      switch key {
      case .character("y"), .character("Y"): return .confirmBulk
      case .ctrlC: return .requestQuit
      case .ctrlL: return .redraw
      default: return .dismiss
      }
    case .offerDraft:
      switch key {
      case .character("r"), .character("y"), .enter: return .resumeDraft
      case .character("d"): return .discardDraft
      case .character("n"): return .newAssessment
      case .down, .character("j"): return .moveDown
      case .up, .character("k"): return .moveUp
      case .character("q"), .ctrlC: return .requestQuit
      case .ctrlL: return .redraw
      default: return nil
      }
    case .confirmDiscardDraft:
      switch key {
      case .character("y"), .character("d"): return .discardDraft
      case .character("n"), .character("k"), .character("q"), .ctrlC: return .keepDraftAndQuit
      default: return .cancelQuit
      }
    case .exportMenu:
      switch key {
      case .character("t"): return .export(.text)
      case .character("h"), .character("w"): return .export(.html)
      case .character("f"): return .export(.fhir)
      case .ctrlC: return .requestQuit
      default: return .dismiss
      }
    case .normal:
      let scope = KeyMap.scope(of: state.focusedItem)
      if let scope,
        let binding = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) })
      {
        return binding.action
      }
      return bindings.first { $0.scope == .anywhere && $0.keys.contains(key) }?.action
    }
  }

  /// The help screen, generated from the bindings: one line per action and scope.
  public func helpLines() -> [String] {
    var lines = [
      "SpineTriage keys (generated from the key map)", "",
    ]
    for scope in KeyBinding.Scope.allCases {
      let scoped = bindings.filter { $0.scope == scope }
      guard !scoped.isEmpty else { continue }
      lines.append(scope.rawValue)
      var seen: [String] = []
      for binding in scoped where !seen.contains(binding.keyLabel + binding.summary) {
        seen.append(binding.keyLabel + binding.summary)
        lines.append("  " + binding.keyLabel.padded(to: 22) + binding.summary)
      }
      lines.append("")
    }
    lines += [
      "Export chooser (after e)",
      "  t h f                 text, HTML or FHIR response; any other key cancels",
      "",
      "Typing a number (after Enter)",
      "  0-9 Backspace         type, delete a digit",
      "  Enter Esc             keep and go to the next item / cancel",
      "",
      "After N (No to the rest)",
      "  y                     No to the items named; any other key cancels",
      "",
      "Answers: [ ] unanswered (never taken as no), [Y] yes, [N] no,",
      "[n] no given in bulk (N, then y), [!] unanswered and could change the decision",
      "(a number marked ! likewise). Items that cannot change the recommendation now",
      "are folded into one row (Enter on it shows them).",
      "Tab bar: the number after a screen, as in 3 Exam (4), counts its unanswered",
      "  items; '-' means the screen does not apply to this patient.",
      "The panel shows the recommendation for the answers so far, at every key:",
      "  FINAL; PROVISIONAL (answers that could change it are missing); INCOMPLETE",
      "  (no complaint yet). 'by 21:21' is the deadline for the study.",
      "Missing critical answers: unanswered questions whose answer could raise the",
      "  urgency, add a study or region, or stop clearance (listed on 6 Summary).",
      "MRI safety: 'not screened' until screen 5 is answered; a STOP must be resolved",
      "  before MRI.",
      "Decision support only: the Summary lists every rule and its source.",
      "",
      "Press any key to close this help.",
    ]
    return lines
  }
}

extension String {
  /// The string padded with spaces (or cut) to `width` characters.
  func padded(to width: Int) -> String {
    count >= width ? String(prefix(width)) : self + String(repeating: " ", count: width - count)
  }
}
