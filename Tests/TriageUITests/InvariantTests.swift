import Testing
import TriageEngine
import TriageFormats
import TriageUI

/// Random key sequences (seeded, so failures reproduce): the update and the renderer never
/// crash, and the state stays consistent.
@Suite("Invariants under random keys")
struct InvariantTests {
  /// Keys a user can press: every bound key, letters, digits, control keys, text.
  static let keys: [Key] = {
    var keys: [Key] = [
      .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .tab, .backTab, .enter,
      .backspace, .delete, .escape, .unknown, .function(1), .function(5), .function(12),
      .control(1), .control(3), .control(12), .control(26), .control(0), .control(31),
    ]
    keys += typing("abcdefghijklmnopqrstuvwxyzGYND0123456789 ?-_.éü€\u{7F}\u{07}")
    // Weight the navigation and answer keys, so that pages are explored deeply.
    keys += typing("jjjjkkynynyndd  uu12345699NyNy!!YNY")
    keys += [.tab, .tab, .backTab, .down, .down, .pageDown]
    return keys
  }()

  /// Actions that may change the answers.
  static func mayChangeAnswers(_ action: Action) -> Bool {
    switch action {
    case .answer, .cycle, .clear, .commitEdit, .setSex, .resumeDraft, .confirmBulk, .markNotDone:
      true
    default: false
    }
  }

  /// One random step: usually a key, sometimes a resize, an export mark or a report.
  static func step(_ rng: inout SplitMix64, _ state: AppState) -> Action? {
    switch Int.random(in: 0..<100, using: &rng) {
    case 0..<3:
      return .resize(
        size(Int.random(in: 1...200, using: &rng), Int.random(in: 1...60, using: &rng)))
    case 3..<5:
      return .resize([size(80, 24), size(120, 40), size(100, 30)].randomElement(using: &rng)!)
    case 5:
      return .markExported
    case 6:
      return .report(StatusMessage("report", isError: Bool.random(using: &rng)))
    default:
      return KeyMap.standard.action(for: keys.randomElement(using: &rng)!, in: state)
    }
  }

  /// A fresh state after a quit: sometimes with a draft offer, at a random usable size.
  static func fresh(_ rng: inout SplitMix64) -> AppState {
    let sizes = [size(80, 24), size(120, 40), size(200, 60), size(90, 50)]
    let offer: AppState.DraftOffer? =
      Bool.random(using: &rng)
      ? AppState.DraftOffer(
        sheet: Vignette.allCases.randomElement(using: &rng)!.sheet, savedAt: "t")
      : nil
    var state = AppState(
      sheet: AnswerSheet(), size: sizes.randomElement(using: &rng)!, draftOffer: offer)
    state.now = "2026-11-29T17:20:00+00:00"
    return state
  }

  @Test(arguments: [1, 2, 3, 42, 2025] as [UInt64])
  func randomKeySequences(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    var state = Self.fresh(&rng)
    var quits = 0
    var answerChanges = 0
    var pagesSeen: Set<Page> = []
    for index in 0..<3000 {
      guard let action = Self.step(&rng, state) else { continue }
      let before = state
      let effects = Update.apply(action, to: &state)
      let context = "seed \(seed) step \(index) action \(action) mode \(before.mode)"

      // Answers change only on answer actions; every change asks for the draft to be saved.
      if state.answers != before.answers {
        answerChanges += 1
        #expect(Self.mayChangeAnswers(action), "answers changed by \(context)")
      }
      // "No to the rest" never changes an answered finding, and every bulk record names only
      // findings answered No.
      if action == .confirmBulk {
        #expect(state.answers.yesSet.isSuperset(of: before.answers.yesSet), "bulk: \(context)")
        #expect(state.answers.noSet.isSuperset(of: before.answers.noSet), "bulk: \(context)")
      }
      for record in state.sheet.bulk {
        #expect(record.findings.allSatisfy { state.answers[$0] == .no }, "bulk record: \(context)")
      }
      if state.sheet != before.sheet, action != .resumeDraft {
        #expect(effects.contains(.saveDraft), "sheet changed without saveDraft: \(context)")
      }
      if effects.contains(.saveDraft) {
        #expect(state.sheet != before.sheet, "saveDraft without a change: \(context)")
      }

      // The focus stays on the page's items; the page is never a disabled neck-trauma page.
      let count = state.items(on: state.page).count
      #expect(state.focusIndex >= 0 && state.focusIndex < max(1, count), "focus: \(context)")
      #expect(state.scrollTop >= 0, "scroll: \(context)")
      #expect(state.page.isEnabled(for: state.answers), "disabled page: \(context)")
      pagesSeen.insert(state.page)

      // Rendering never crashes and the cursor is on the screen.
      let screen = Renderer.render(state, glyphs: index.isMultiple(of: 2) ? .unicode : .ascii)
      #expect(screen.rows == state.size.rows && screen.columns == state.size.columns)
      if let cursor = screen.cursor {
        #expect(
          cursor.row >= 0 && cursor.row < screen.rows && cursor.column >= 0
            && cursor.column < screen.columns, "cursor \(cursor) off screen: \(context)")
      }

      if effects.contains(.quit) {
        #expect(state.finished)
        quits += 1
        state = Self.fresh(&rng)
      }
    }
    // The walk really explored: answers changed, pages were visited.
    #expect(answerChanges > 20)
    #expect(pagesSeen.count >= 4)
  }

  /// Rendering at every small size never crashes.
  @Test func renderAtEverySmallSize() {
    let state = AppState(sheet: Vignette.emergency.sheet)
    for rows in 0...26 {
      for columns in stride(from: 0, through: 130, by: 1) {
        var sized = state
        apply(.resize(size(columns, rows)), &sized)
        let screen = Renderer.render(sized)
        #expect(screen.rows == rows && screen.columns == columns)
      }
    }
  }
}
