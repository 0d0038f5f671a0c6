import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// Key fuzzing through `Update` and `Renderer` at random sizes from 1x1 to 300x100.
///
/// CI runs `SPINE_FUZZ_KEYS` keys (default 20,000); the full proof is
/// `SPINE_FUZZ_KEYS=1000000 swift test --filter randomKeysAtRandomSizes` (TESTING.md).
/// After every key: no crash; the focus is within the page's items; the answers change only
/// through answer actions; the page is never a disabled neck-trauma page; the panel on screen
/// shows the engine's label for the current answers.
@Suite("Key fuzzing")
struct KeyFuzzTests {
  static var count: Int {
    if let text = Environment.value("SPINE_FUZZ_KEYS"), let value = Int(text) { return value }
    return 20_000
  }

  /// Random keys: printable, control, escape, function keys, with the bound keys weighted.
  static func randomKey(_ rng: inout SplitMix64) -> Key {
    switch Int.random(in: 0..<10, using: &rng) {
    case 0:
      return .control(UInt8.random(in: 0...31, using: &rng))
    case 1:
      return .function(Int.random(in: 1...12, using: &rng))
    case 2:
      let scalar = Unicode.Scalar(UInt32.random(in: 0x20...0x2FF, using: &rng)) ?? " "
      return .character(Character(scalar))
    default:
      return InvariantTests.keys.randomElement(using: &rng)!
    }
  }

  @Test func randomKeysAtRandomSizes() {
    var rng = SplitMix64(seed: 0xF022_2026)
    var state = AppState(sheet: AnswerSheet(), size: size(80, 24))
    state.now = "2026-11-29T17:20:00+00:00"
    var violations: [String] = []
    for step in 0..<Self.count {
      let action: Action?
      if Int.random(in: 0..<50, using: &rng) == 0 {
        action = .resize(
          size(Int.random(in: 1...300, using: &rng), Int.random(in: 1...100, using: &rng)))
      } else {
        action = KeyMap.standard.action(for: Self.randomKey(&rng), in: state)
      }
      guard let action else { continue }
      let before = state.answers
      let effects = Update.apply(action, to: &state)
      if effects.contains(.quit) {
        state = AppState(sheet: AnswerSheet(), size: state.size)
        state.now = "2026-11-29T17:20:00+00:00"
        continue
      }
      if state.answers != before && !InvariantTests.mayChangeAnswers(action) {
        violations.append("step \(step): \(action) changed the answers")
      }
      let count = state.itemCount(on: state.page)
      let focus = state.focus[state.page.rawValue]
      if count > 0 && !(0..<count).contains(focus) {
        violations.append("step \(step): focus \(focus) outside 0..<\(count)")
      }
      if !state.page.isEnabled(for: state.answers) {
        violations.append("step \(step): on the disabled page \(state.page)")
      }
      // Rendering every frame at every size; the panel check on usable sizes, normal mode.
      let screen = Renderer.render(state)
      if state.size.isUsable, state.mode == .normal || state.mode == .exportMenu {
        let recommendation = TriageEngine.evaluate(state.answers)
        // No decision yet: INCOMPLETE in its own look, never a green "no imaging"; a "no
        // imaging" that is not final has the provisional look.
        let none = DecisionText.hasNoDecision(recommendation)
        let label = none ? "INCOMPLETE" : recommendation.label
        let role: Role =
          none
          ? .incomplete
          : recommendation.urgency == .none && recommendation.status != .final
            ? .provisional : .urgency(recommendation.urgency)
        // (The Summary's bar shares the look; it says "LABEL:", the panel " LABEL ".)
        let shown = screen.text(with: role)
        // (Runs of one role on a row are joined: the "!" marks share the caution colour.)
        if !shown.contains(where: { $0.contains(" \(label) ") })
          || (recommendation.status != .final && screen.contains(role: .urgency(.none)))
        {
          violations.append("step \(step): the panel does not show \(label)")
        }
      }
      if violations.count > 5 { break }
    }
    #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
  }

  /// Every size from 1x1 to 300x100 renders without a crash (CI: every 3rd size in each
  /// direction; SPINE_FUZZ_SIZES=all for all 30,000).
  @Test func everySizeRenders() {
    let stride = Environment.value("SPINE_FUZZ_SIZES") == "all" ? 1 : 3
    var state = AppState(sheet: Vignette.emergency.sheet, size: size(80, 24))
    var rendered = 0
    for rows in Swift.stride(from: 1, through: 100, by: stride) {
      for columns in Swift.stride(from: 1, through: 300, by: stride) {
        _ = Update.apply(.resize(size(columns, rows)), to: &state)
        let screen = Renderer.render(state)
        #expect(screen.rows == rows && screen.columns == columns)
        if let cursor = screen.cursor {
          #expect(cursor.row < rows && cursor.column < columns)
        }
        rendered += 1
      }
    }
    #expect(rendered > 3000)
  }
}

/// Reads the environment without Foundation.
enum Environment {
  static func value(_ name: String) -> String? {
    guard let pointer = getenv(name) else { return nil }
    return String(cString: pointer)
  }
}

#if canImport(Glibc)
  import Glibc
#endif
