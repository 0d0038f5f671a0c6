extension PopUpKeys {
  /// The standard pop-ups' keys, in the order of their sections in the help screen.
  public static let standard: [PopUpKeys] = [
    typingText, typingNumber, exportMenu, confirmBulk, confirmQuit, confirmDiscardDraft,
    offerDraft, help,
  ]

  /// Typing into a text field (after Enter on it).
  static let typingText = PopUpKeys(
    .typingText, title: "Typing text (after Enter on a text field)",
    [
      KeyBinding([.enter, .tab], .commitEdit, "keep the text", hint: "keep"),
      KeyBinding([.escape], .cancelEdit, "cancel (the text stays as it was)", hint: "cancel"),
      KeyBinding(
        [.backspace, .delete], .deleteText, "delete the last character", hint: "delete"),
      .quit([.ctrlC]),
    ], otherKeys: .typed(summary: "typed into the field (printable characters only)"))

  /// Typing a number (after Enter on it).
  static let typingNumber = PopUpKeys(
    .typingNumber, title: "Typing a number (after Enter on it)",
    [
      KeyBinding(
        [.enter, .tab], .commitEdit, "keep the number, go to the next item", hint: "keep"),
      KeyBinding([.escape], .cancelEdit, "cancel (the number stays as it was)", hint: "cancel"),
      KeyBinding([.backspace, .delete], .deleteDigit, "delete the last digit", hint: "delete"),
    ]
      + (0...9).map { digit in
        KeyBinding(
          [.character(Character(String(digit)))], .typeDigit(digit),
          "type a digit (one out of range is refused)", label: "0-9")
      } + [.quit([.ctrlC])], otherKeys: .ignored)

  /// The export chooser (after e).
  static let exportMenu = PopUpKeys(
    .exportMenu, title: "Export chooser (after e)",
    [
      KeyBinding([.character("t")], .export(.text), "text summary, for printing", hint: "text"),
      KeyBinding(
        [.character("h"), .character("w")], .export(.html), "HTML, a web page (w for web)",
        hint: "HTML"),
      KeyBinding([.character("f")], .export(.fhir), "FHIR R4, for the health record", hint: "FHIR"),
      KeyBinding(
        [.character("s")], .submit, "send to the FHIR server (kept in the outbox)",
        hint: "send"),
      .quit([.ctrlC]),
    ],
    otherKeys: .action(
      .dismiss, summary: "cancel (nothing exported)", hint: "any other key cancels"))

  /// The confirmation of "No to the rest" (after N).
  static let confirmBulk = PopUpKeys(
    .confirmBulk, title: "No to the rest (after N)",
    [
      // Only a lower-case y: with Caps Lock on, N then Y never answers a screen.
      KeyBinding(
        [.character("y")], .confirmBulk, "No to all listed, recorded as given in bulk",
        hint: "yes"),
      .quit([.ctrlC]),
      .redraw,
    ],
    otherKeys: .action(
      .dismiss, summary: "cancel, nothing answered (Y too: Caps Lock safe)",
      hint: "Y or any other key cancels"))

  /// "Quit?" when the answers were not exported.
  static let confirmQuit = PopUpKeys(
    .confirmQuit, title: "Quit? (q or Ctrl-C, answers not exported)",
    [
      KeyBinding(
        [.character("y"), .character("Y"), .character("q"), .ctrlC], .confirmQuit,
        "quit without exporting (the draft is kept if saved)", hint: "quit"),
      KeyBinding([.character("n"), .escape], .cancelQuit, "stay", hint: "stay"),
    ], otherKeys: .action(.cancelQuit, summary: "stay", hint: nil))

  /// Quitting after an export: discard the draft?
  static let confirmDiscardDraft = PopUpKeys(
    .confirmDiscardDraft, title: "Quit after an export (discard the draft?)",
    [
      KeyBinding(
        [.character("y"), .character("d")], .discardDraft,
        "discard the draft (to the trash) and quit", hint: "discard+quit"),
      KeyBinding(
        [.character("n"), .character("k"), .character("q"), .ctrlC], .keepDraftAndQuit,
        "keep the draft and quit (k for keep)", hint: "keep+quit"),
      KeyBinding([.escape], .cancelQuit, "stay", hint: "stay"),
    ], otherKeys: .action(.cancelQuit, summary: "stay", hint: nil))

  /// The saved drafts listed on start.
  static let offerDraft = PopUpKeys(
    .offerDraft, title: "Saved drafts (listed on start)",
    [
      KeyBinding(
        [.character("r"), .character("y"), .enter], .resumeDraft, "resume the chosen draft",
        hint: "resume"),
      KeyBinding(
        [.character("d")], .discardDraft, "discard the chosen draft (to the trash)",
        hint: "discard (to trash)"),
      KeyBinding(
        [.character("n")], .newAssessment, "new assessment (the drafts are kept)",
        hint: "new assessment"),
      KeyBinding([.up, .character("k")], .moveUp, "choose the draft above", hint: "choose"),
      KeyBinding([.down, .character("j")], .moveDown, "choose the draft below", hint: "choose"),
      KeyBinding(
        [.character("q"), .ctrlC], .requestQuit, "quit (the drafts are kept)", hint: "quit"),
      .redraw,
    ], otherKeys: .ignored)

  /// The help screen itself.
  static let help = PopUpKeys(
    .help, title: "This help",
    [
      KeyBinding([.up, .character("k")], .moveUp, "scroll up", hint: "scroll"),
      KeyBinding([.down, .character("j")], .moveDown, "scroll down", hint: "scroll"),
      KeyBinding([.pageDown, .character(" ")], .pageDown, "page down"),
      KeyBinding([.pageUp], .pageUp, "page up"),
      .quit([.ctrlC]),
      .redraw,
    ],
    otherKeys: .action(
      .toggleHelp, summary: "close the help", hint: "any other key closes the help"))
}
