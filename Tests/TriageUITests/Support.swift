import Testing
import TriageEngine
import TriageFormats
import TriageUI

// Shared helpers for the TriageUI tests: key presses go through the standard key map, so every
// test of the update also tests the bindings.

/// The standard key map.
let keyMap = KeyMap.standard

/// Presses `keys` in order: each becomes an action through ``KeyMap/standard`` (keys the map
/// ignores do nothing) and is applied. Returns the effects of all the keys, in order.
@discardableResult
func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
  var effects: [Effect] = []
  for key in keys {
    guard let action = keyMap.action(for: key, in: state) else { continue }
    effects += Update.apply(action, to: &state)
  }
  return effects
}

/// Presses `keys` in order (variadic form).
@discardableResult
func press(_ keys: Key..., in state: inout AppState) -> [Effect] {
  press(keys, &state)
}

/// The keys for typing `text`, one `.character` per character.
func typing(_ text: String) -> [Key] { text.map { Key.character($0) } }

/// The key for a character.
func key(_ character: Character) -> Key { .character(character) }

/// Applies `action` directly (for actions no key produces, such as resize and markExported).
@discardableResult
func apply(_ action: Action, _ state: inout AppState) -> [Effect] {
  Update.apply(action, to: &state)
}

/// A size.
func size(_ columns: Int, _ rows: Int) -> TerminalSize {
  TerminalSize(rows: rows, columns: columns)
}

extension AppState {
  /// Puts the focus on `item` of the current page (its row among the rows shown).
  mutating func focus(on item: Item) {
    if let index = items(on: page).firstIndex(of: item) { focus[page.rawValue] = index }
  }

  /// The focused row index on the current page.
  var focusIndex: Int { focus[page.rawValue] }
  /// The first visible row on the current page.
  var scrollTop: Int { scroll[page.rawValue] }
  /// The items of the current page.
  var currentItems: [Item] { items(on: page) }
  /// Whether the focused row is inside the visible list.
  var focusIsVisible: Bool {
    let height = max(1, layout.listHeight)
    return focusIndex >= scrollTop && focusIndex < scrollTop + height
  }
}

/// The findings of a page, in display order.
func findings(on page: Page) -> [Finding] {
  page.inputItems.compactMap { item in
    if case .finding(let finding) = item { return finding }
    return nil
  }
}

/// The row of `finding` on its page.
func row(of finding: Finding, on page: Page) -> Int {
  page.inputItems.firstIndex(of: .finding(finding))!
}

/// A state on `page` with the focus on `item` (set directly; the item must be on the page).
func makeState(
  on page: Page, focusedOn item: Item? = nil, answers: Answers = Answers(),
  size: TerminalSize = .minimum
) -> AppState {
  var state = AppState(sheet: AnswerSheet(answers: answers), size: size)
  state.page = page
  if let item, let index = state.items(on: page).firstIndex(of: item) {
    state.focus[page.rawValue] = index
  }
  return state
}

/// Answers that open the neck-trauma page (minor trauma with neck pain).
func traumaWithNeckPain() -> Answers {
  Answers(findings: [.traumaMinor: .yes, .painNeck: .yes])
}

/// The clinical vignettes used by the render tests.
enum Vignette: String, CaseIterable, Sendable, CustomTestStringConvertible {
  /// Cauda equina features after major trauma with neck pain: EMERGENCY, with an MRI-safety stop
  /// and a caution.
  case emergency
  /// Minor neck trauma cleared by NEXUS and the Canadian C-Spine Rule: NO IMAGING NOW.
  case noImaging

  var testDescription: String { rawValue }

  var answers: Answers {
    switch self {
    case .emergency:
      return Answers(
        age: 45, sex: .male, symptomWeeks: 1,
        findings: [
          .painLowBack: .yes, .painNeck: .yes, .traumaMajor: .yes, .bladderBowel: .yes,
          .saddleAnesthesia: .yes, .urinaryRetention: .no, .pacemakerLegacy: .yes,
          .claustrophobia: .yes, .alteredAlertness: .no,
        ])
    case .noImaging:
      var answers = Answers(age: 30, symptomWeeks: 0)
      for finding in [
        Finding.painNeck, .traumaMinor, .simpleRearEnd, .sittingInED, .ambulatory,
        .delayedNeckPain, .canRotateNeck,
      ] {
        answers[finding] = .yes
      }
      for finding in [
        Finding.traumaMajor, .alteredAlertness, .intoxication, .distractingInjury,
        .midlineTenderness, .limbParesthesia, .dangerousMechanism, .progressiveWeakness,
        .focalDeficit, .umnSigns, .myelopathySymptoms, .severeWeakness, .bilateralDeficit,
        .cancerHistory, .feverHistory, .osteoporosis, .steroids, .inflammatoryArthritis,
        .priorSpineSurgery,
      ] {
        answers[finding] = .no
      }
      return answers
    }
  }

  var urgency: Urgency { self == .emergency ? .emergency : .none }

  var sheet: AnswerSheet {
    AnswerSheet(
      answers: answers, patientID: self == .emergency ? "MRN-0042" : nil,
      clinician: self == .emergency ? "Dr Ana Souza" : nil)
  }
}

/// A small deterministic generator (SplitMix64) for the invariant tests.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
