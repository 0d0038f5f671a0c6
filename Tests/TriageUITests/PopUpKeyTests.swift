import Foundation
import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// The pop-up modes' keys as data: dispatch, help and status-line hints all come from each
/// pop-up's table of bindings.
@Suite("Pop-up keys")
struct PopUpKeyTests {
  let help = KeyMap.standard.helpLines()

  /// A state in each pop-up mode, reached with keys where keys reach it.
  static func state(in kind: PopUpKeys.Kind) -> AppState {
    var state = makeState(on: .history)
    switch kind {
    case .typingText:
      state = makeState(on: .summary, focusedOn: .text(.patientID))
      press(.enter, in: &state)
    case .typingNumber:
      state = makeState(on: .patient, focusedOn: .number(.age))
      press(.enter, in: &state)
    case .exportMenu: press(key("e"), in: &state)
    case .confirmBulk: press(key("N"), in: &state)
    case .confirmQuit: press(key("y"), key("q"), in: &state)
    case .confirmDiscardDraft:
      press(key("y"), in: &state)
      apply(.markExported, &state)
      press(key("q"), in: &state)
    case .offerDraft:
      var sheet = Vignette.emergency.sheet
      sheet.consultationID = "11111111-1111-4111-8111-111111111111"
      state = AppState(
        sheet: AnswerSheet(), size: .minimum,
        draftOffer: AppState.DraftOffer(sheet: sheet, savedAt: "2025-03-01T09:30:00Z"))
    case .help: press(key("?"), in: &state)
    }
    return state
  }

  /// Every pop-up has its table, and each mode but the normal one is a pop-up.
  @Test(arguments: PopUpKeys.Kind.allCases)
  func everyPopUpHasATable(kind: PopUpKeys.Kind) {
    let state = Self.state(in: kind)
    #expect(PopUpKeys.Kind(state.mode) == kind)
    #expect(keyMap.keys(of: kind).kind == kind)
    #expect(!keyMap.keys(of: kind).bindings.isEmpty)
    #expect(PopUpKeys.Kind(AppState.Mode.normal) == nil)
  }

  /// The dispatch goes through the table: every key of every binding gives its action in the
  /// pop-up's mode, and a key not in the table does what the table says other keys do.
  @Test(arguments: PopUpKeys.Kind.allCases)
  func dispatchFollowsTheTable(kind: PopUpKeys.Kind) {
    let state = Self.state(in: kind)
    let keys = keyMap.keys(of: kind)
    for binding in keys.bindings {
      for key in binding.keys {
        #expect(keyMap.action(for: key, in: state) == binding.action, "\(kind): \(key.label)")
      }
    }
    let other = Key.function(9)
    switch keys.otherKeys {
    case .ignored, .typed: #expect(keyMap.action(for: other, in: state) == nil)
    case .action(let action, _, _): #expect(keyMap.action(for: other, in: state) == action)
    }
  }

  /// The keys that are documented nowhere before: w (HTML) in the export chooser, k (keep the
  /// draft) after an export.
  @Test func wAndKAreBindings() {
    #expect(
      keyMap.action(for: key("w"), in: Self.state(in: .exportMenu)) == .export(.html))
    #expect(
      keyMap.action(for: key("k"), in: Self.state(in: .confirmDiscardDraft)) == .keepDraftAndQuit)
    #expect(help.contains { $0.hasPrefix("  h w ") && $0.contains("web") })
    #expect(help.contains { $0.hasPrefix("  n k q Ctrl-C ") && $0.contains("keep the draft") })
  }

  /// Typing into a text field: any character is typed, other keys are ignored.
  @Test func typingTakesEveryCharacter() {
    let state = Self.state(in: .typingText)
    for character in ["q", "y", "?", "é", "1"] as [Character] {
      #expect(keyMap.action(for: .character(character), in: state) == .typeText(character))
    }
    #expect(keyMap.action(for: .up, in: state) == nil)
    let number = Self.state(in: .typingNumber)
    #expect(keyMap.action(for: key("7"), in: number) == .typeDigit(7))
    #expect(keyMap.action(for: key("x"), in: number) == nil)
  }

  /// Every binding of every mode, the normal one and each pop-up, is in the generated help,
  /// under its pop-up's title, with what the other keys do.
  @Test(arguments: PopUpKeys.Kind.allCases)
  func everyBindingIsInTheHelp(kind: PopUpKeys.Kind) throws {
    let keys = keyMap.keys(of: kind)
    let start = try #require(help.firstIndex(of: keys.title), "no section \(keys.title)")
    let section = help[start...].prefix { !$0.isEmpty }
    for binding in keys.bindings {
      #expect(
        section.contains { $0.contains(binding.keyLabel) && $0.contains(binding.summary) },
        "\(kind): \(binding.keyLabel) \(binding.summary) not in the help")
    }
    switch keys.otherKeys {
    case .ignored: break
    case .action(_, let summary, _), .typed(let summary):
      #expect(section.contains { $0.hasSuffix(summary) }, "\(kind): other keys not in the help")
    }
    for binding in keyMap.bindings {
      #expect(help.contains { $0.contains(binding.keyLabel) && $0.contains(binding.summary) })
    }
  }

  /// No two bindings of one mode share a key (in the normal mode: of one scope).
  @Test(arguments: PopUpKeys.Kind.allCases)
  func noKeyIsBoundTwice(kind: PopUpKeys.Kind) {
    var seen: Set<Key> = []
    for binding in keyMap.keys(of: kind).bindings {
      for key in binding.keys {
        #expect(seen.insert(key).inserted, "\(kind): \(key.label) is bound twice")
      }
    }
  }

  @Test(arguments: KeyBinding.Scope.allCases)
  func noKeyIsBoundTwiceInANormalScope(scope: KeyBinding.Scope) {
    var seen: Set<Key> = []
    for binding in keyMap.bindings where binding.scope == scope {
      for key in binding.keys {
        #expect(seen.insert(key).inserted, "\(scope): \(key.label) is bound twice")
      }
    }
  }

  /// Each pop-up's status line ends with the hint generated from its table, and the hint names
  /// the first key and words of every binding that has words for it.
  @Test(arguments: PopUpKeys.Kind.allCases)
  func statusLineIsGeneratedFromTheTable(kind: PopUpKeys.Kind) {
    let state = Self.state(in: kind)
    let keys = keyMap.keys(of: kind)
    let status = Renderer.render(state).text(row: state.layout.statusRow)
    #expect(status.hasSuffix(keys.hintLine), "\(kind): \(status)")
    #expect(status.count <= 80)
    for binding in keys.bindings where binding.hint != nil {
      #expect(keys.hintLine.contains(binding.keys[0].label), "\(kind): \(binding.keyLabel)")
      #expect(keys.hintLine.contains(binding.hint!))
    }
    if let other = keys.otherHint { #expect(keys.hintLine.hasSuffix(other)) }
  }

  /// The hints as they read: keys with the same words merged, the other keys last.
  @Test func hintWording() {
    #expect(
      keyMap.keys(of: .exportMenu).hintLine
        == "t text, h HTML, f FHIR, s send; any other key cancels")
    #expect(keyMap.keys(of: .confirmQuit).hintLine == "y quit, n stay")
    #expect(
      keyMap.keys(of: .offerDraft).hintLine
        == "r resume, d discard (to trash), n new assessment, Up/Down choose, q quit")
    #expect(
      keyMap.keys(of: .confirmDiscardDraft).hintLine == "y discard+quit, n keep+quit, Esc stay")
    #expect(keyMap.keys(of: .help).hintLine == "Up/Down scroll; any other key closes the help")
    #expect(keyMap.keys(of: .typingNumber).hintLine == "Enter keep, Esc cancel, Backspace delete")
  }

  /// The MRI-safety list of No to the rest spells its keys out, from the same table.
  @Test func bulkListSpellsTheKeysOut() {
    var state = makeState(on: .mriSafety)
    press(key("N"), in: &state)
    let explanation = keyMap.keys(of: .confirmBulk).explanation
    #expect(explanation.hasPrefix("y: No to all listed"))
    #expect(Renderer.render(state).text.contains(explanation))
  }

  /// The whole help text, to read in review when a binding changes.
  @Test func helpTextSnapshot() {
    Snapshot.check(help.joined(separator: "\n"), named: "help-text")
  }

  /// Words for people: no identifier with an underscore, and no camel-case identifier, in what
  /// the help and the hints say.
  @Test func wordsForPeople() {
    let said =
      help + PopUpKeys.Kind.allCases.map { keyMap.keys(of: $0).hintLine }
      + [keyMap.keys(of: .confirmBulk).explanation]
    for line in said {
      #expect(!line.contains("_"), "identifier in: \(line)")
      let camel = line.split(separator: " ").contains { word in
        word.first?.isLowercase == true && word.contains { $0.isUppercase }
      }
      #expect(!camel, "identifier in: \(line)")
    }
  }
}

/// README's table of the pop-ups' keys is the one generated from the bindings.
@Suite("README pop-up keys")
struct ReadmePopUpKeysTests {
  static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

  /// The Markdown table of every pop-up's keys: title, keys, words; then the other keys.
  static func table(_ popUps: [PopUpKeys]) -> String {
    var rows = ["| Pop-up | Keys | Action |", "|---|---|---|"]
    for popUp in popUps {
      var title = popUp.title
      var seen: Set<String> = []
      for binding in popUp.bindings where seen.insert(binding.keyLabel).inserted {
        let keys = binding.keyLabel.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
        rows.append(row(title, keys, binding.summary))
        title = ""
      }
      switch popUp.otherKeys {
      case .ignored: break
      case .action(_, let summary, _): rows.append(row("", "any other key", summary))
      case .typed(let summary): rows.append(row("", "other characters", summary))
      }
    }
    return rows.joined(separator: "\n")
  }

  /// A row of a Markdown table; an empty cell is written `| |`.
  static func row(_ cells: String...) -> String {
    "|" + cells.map { $0.isEmpty ? " " : " \($0) " }.joined(separator: "|") + "|"
  }

  @Test func readmeListsEveryPopUpKey() throws {
    let text = try String(contentsOf: Self.readme, encoding: .utf8)
    let table = Self.table(KeyMap.standard.popUps)
    #expect(
      text.contains(table + "\n"), "README's pop-up key table drifted; it should read:\n\(table)")
  }
}
