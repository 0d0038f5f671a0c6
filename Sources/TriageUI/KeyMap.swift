import TriageEngine

/// The key map: data, so that dispatch and the help screen come from one table per mode (the
/// normal mode's bindings, and each pop-up's ``PopUpKeys``).
public struct KeyMap: Sendable {
  /// The bindings of the normal mode; item-specific scopes win over `anywhere`.
  public var bindings: [KeyBinding]
  /// The keys of each pop-up mode, in the order of their sections in the help screen.
  public var popUps: [PopUpKeys]

  public init(bindings: [KeyBinding], popUps: [PopUpKeys] = PopUpKeys.standard) {
    self.bindings = bindings
    self.popUps = popUps
  }

  /// The keys of the pop-up `kind`.
  public func keys(of kind: PopUpKeys.Kind) -> PopUpKeys {
    guard let keys = popUps.first(where: { $0.kind == kind }) else {
      preconditionFailure("the key map has no keys for the pop-up \(kind)")
    }
    return keys
  }

  /// The standard key map.
  public static let standard: KeyMap = {
    var b: [KeyBinding] = [
      KeyBinding(
        [.character("y"), .character("Y")], .answer(.yes),
        "answer yes, go to the next item (Y: this item only)", scope: .finding),
      KeyBinding(
        [.character("n")], .answer(.no), "answer no, go to the next item", scope: .finding),
      KeyBinding(
        [.character("d"), .character("D")], .markNotDone,
        "not done (could not do or measure it), next item", scope: .finding),
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
        [.character("n")], .answer(.no), "none tried (0 weeks), go to the next item",
        scope: .careWeeks),
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
        "No to the rest: lists them; lower-case y confirms"),
      KeyBinding(
        [.character("!")], .nextCritical,
        "next item marked !, across the screens"),
      KeyBinding([.character("e")], .openExportMenu, "export the summary (text, HTML or FHIR)"),
      KeyBinding([.character("p")], .printSummary, "print the text summary (lp)"),
      KeyBinding(
        [.ctrlN], .nextPatient, "keep this patient's draft, start the next patient"),
      KeyBinding([.character("?"), .function(1)], .toggleHelp, "help (this screen)"),
      .redraw,
      KeyBinding([.ctrlZ], .suspend, "suspend to the shell (fg to return)"),
      .quit([.character("q"), .ctrlC]),
    ]
    return KeyMap(bindings: b)
  }()

  /// The scope of the focused item.
  static func scope(of item: Item?) -> KeyBinding.Scope? {
    switch item {
    case .finding: .finding
    case .number(.conservativeWeeks): .careWeeks
    case .number: .number
    case .sex: .sex
    case .text: .text
    case .folded: .folded
    case .report, nil: nil
    }
  }

  /// The action for `key` in `state`, or nil when the key does nothing there.
  public func action(for key: Key, in state: AppState) -> Action? {
    // On the privacy screen any key only shows the screens again: it never answers an item
    // the clinician could not see.
    if state.isHidden { return .reveal }
    // While "Terminal too small" is shown nothing else is: only quit (and its question) and
    // help act, so no key can change what the clinician cannot see.
    if !state.size.isUsable {
      switch (state.mode, key) {
      case (.confirmQuit, _), (.confirmDiscardDraft, _):
        return PopUpKeys.Kind(state.mode).flatMap { keys(of: $0).action(for: key) }
      case (_, .character("q")), (_, .ctrlC): return .requestQuit
      case (.help, _): return .toggleHelp
      case (_, .character("?")), (_, .function(1)): return .toggleHelp
      default: return nil
      }
    }
    if let kind = PopUpKeys.Kind(state.mode) { return keys(of: kind).action(for: key) }
    let scope = KeyMap.scope(of: state.focusedItem)
    // The weeks of conservative care take the number keys too.
    for scope in [scope, scope == .careWeeks ? .number : nil].compactMap({ $0 }) {
      if let binding = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) {
        return binding.action
      }
    }
    return bindings.first { $0.scope == .anywhere && $0.keys.contains(key) }?.action
  }

  /// The help screen, generated from the bindings: one line per action and scope, then a
  /// section per pop-up.
  public func helpLines() -> [String] {
    var lines = [
      "SpineTriage keys (generated from the key map)", "",
    ]
    for scope in KeyBinding.Scope.allCases {
      let scoped = bindings.filter { $0.scope == scope }
      guard !scoped.isEmpty else { continue }
      lines += [scope.rawValue] + KeyBinding.helpLines(scoped) + [""]
    }
    for popUp in popUps { lines += popUp.helpLines() + [""] }
    lines += [
      "Answers: [ ] unanswered (never taken as no), [Y] yes, [N] no, [-] not done,",
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
      "Press any key to close this help.",
    ]
    return lines
  }
}
