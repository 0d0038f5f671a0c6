import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// The key map as data: scopes, precedence, labels.
@Suite("Key map")
struct KeyMapTests {
  /// The action of `key` with the focus on `item`.
  func action(_ key: Key, on item: Item, page: Page = .patient) -> Action? {
    keyMap.action(for: key, in: makeState(on: page, focusedOn: item))
  }

  @Test func itemScopesWinOverAnywhere() {
    let finding = Item.finding(.painLowBack)
    #expect(action(.character("u"), on: finding) == .clear)
    #expect(action(.backspace, on: finding) == .clear)
    #expect(action(.backspace, on: .number(.age)) == .clear)
    #expect(action(.character("u"), on: .number(.age)) == .clear)
    #expect(action(.enter, on: .number(.age)) == .beginEdit)
    // No digit trap: a digit on a number is a screen.
    #expect(action(.character("3"), on: .number(.age)) == .gotoPage(3))
    #expect(action(.character("N"), on: finding) == .bulkNo)
    #expect(action(.character("N"), on: .number(.age)) == .bulkNo)
    #expect(action(.character("!"), on: .sex) == .nextCritical)
    #expect(action(.character("3"), on: finding) == .gotoPage(3))
    #expect(action(.character("3"), on: .sex) == .gotoPage(3))
    #expect(action(.character(" "), on: .sex) == .cycle)
    #expect(action(.character("f"), on: .sex) == .setSex(.female))
    #expect(action(.character("f"), on: finding) == nil)
    #expect(action(.enter, on: .text(.patientID), page: .summary) == .beginEdit)
    #expect(action(.enter, on: finding) == nil)
    #expect(action(.character("j"), on: .text(.clinician), page: .summary) == .moveDown)
  }

  /// No key means two different things within one scope.
  @Test func noAmbiguousBindings() {
    for scope in KeyBinding.Scope.allCases {
      var actions: [Key: Action] = [:]
      for binding in keyMap.bindings where binding.scope == scope {
        for key in binding.keys {
          if let existing = actions[key] {
            #expect(existing == binding.action, "\(key) is bound twice in \(scope)")
          }
          actions[key] = binding.action
        }
      }
    }
  }

  /// Every page number has a digit.
  @Test(arguments: Page.allCases)
  func everyPageHasADigit(page: Page) {
    #expect(
      action(.character(Character(String(page.number))), on: .finding(.painNeck))
        == .gotoPage(page.number))
  }

  @Test(arguments: [
    (Key.character(" "), "Space"), (.ctrlC, "Ctrl-C"), (.ctrlL, "Ctrl-L"), (.ctrlZ, "Ctrl-Z"),
    (.backTab, "Shift-Tab"), (.pageDown, "PgDn"), (.function(1), "F1"), (.character("q"), "q"),
    (.escape, "Esc"),
  ])
  func keyLabels(key: Key, label: String) {
    #expect(key.label == label)
  }

  @Test func terminalSizeIsUsableFrom80x24() {
    #expect(TerminalSize.minimum == size(80, 24))
    #expect(size(80, 24).isUsable)
    #expect(!size(79, 24).isUsable)
    #expect(!size(80, 23).isUsable)
    #expect(size(-3, -1) == size(0, 0))
  }

  /// The layout: panel below at 80x24, beside from 120 columns.
  @Test func layoutAt80x24And120x40() {
    let narrow = Layout(size(80, 24))
    #expect(!narrow.isWide)
    #expect(narrow.listTop == 2)
    #expect(narrow.listHeight == 15)
    #expect(narrow.helpRow == 17)
    #expect(narrow.panelTop == 18)
    #expect(narrow.panelHeight == 5)
    #expect(narrow.statusRow == 23)
    let wide = Layout(size(120, 40))
    #expect(wide.isWide)
    #expect(wide.panelLeft + wide.panelWidth == 120)
    #expect(wide.listWidth < wide.panelLeft)
    #expect(wide.listHeight == 36)
    #expect(!Layout(size(119, 40)).isWide)
  }
}
