import Foundation
import Testing
import TriageEngine

/// The five walkthroughs of issue 18 (`Tests/Performance/walkthrough-cases.json`, also measured
/// by `keybench.py --cases`), typed one key at a time into the real binary in tmux at 80x24.
/// Before each key the screen is read (the row under the cursor, or the bulk confirmation);
/// after it the saved draft is read: an answer key changed exactly the finding that was under
/// the cursor, to what the key means; a bulk confirmation answered exactly as many items as it
/// listed, none needing a measurement; every other key changed no finding. Each case ends
/// final, at its urgency.
@Suite(
  "Walkthroughs: every key answers what was under the cursor (tmux)", .serialized,
  .enabled(if: TmuxHarness.available))
struct WalkthroughTests {
  struct Case: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let urgency: String
    let after: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = PerformanceCases.load("walkthrough-cases.json")

  @Test func theFiveWalkthroughsAreThere() {
    #expect(Self.cases.count == 5)
  }

  /// The finding on the row marked by the pointer, read from the screen's words.
  static func focusedFinding(_ screen: String) -> Finding? {
    guard let line = screen.split(separator: "\n").first(where: { $0.hasPrefix("▶ [") }) else {
      return nil
    }
    // The text, without the scroll marks at the right edge and a final ellipsis.
    var text = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces)
    while let last = text.last, "▲▼".contains(last) {
      text.removeLast()
      text = text.trimmingCharacters(in: .whitespaces)
    }
    if text.hasSuffix("…") { text.removeLast() }
    let matches = QuestionCatalogue.questions.filter { $0.text.hasPrefix(text) }
    return matches.count == 1 ? matches[0].finding : nil
  }

  /// The findings of the newest draft, by identifier (empty before the first draft).
  static func findings(_ tmux: TmuxHarness) -> [String: String] {
    guard let data = try? Data(contentsOf: tmux.draftFile),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    return object["findings"] as? [String: String] ?? [:]
  }

  /// Waits until the screen has changed from `before` and then held still (or 2 seconds).
  static func settle(_ tmux: TmuxHarness, after before: String) throws -> String {
    let deadline = Date().addingTimeInterval(2)
    var last = ""
    var stable = 0
    while Date() < deadline {
      let screen = try tmux.screen()
      if screen != before && screen == last {
        stable += 1
        if stable >= 3 { return screen }
      } else {
        stable = 0
      }
      last = screen
      Thread.sleep(forTimeInterval: 0.03)
    }
    return last
  }

  @Test(arguments: cases)
  func everyKeyAnswersWhatWasUnderTheCursor(_ item: Case) throws {
    let tmux = try TmuxHarness(name: "walk")
    try tmux.start()
    var screen = try tmux.waitFor("SpineTriage")
    screen = try Self.settle(tmux, after: "")
    var draft = Self.findings(tmux)
    var answered = 0
    for (index, key) in item.after.enumerated() {
      let focused = Self.focusedFinding(screen)
      let confirming = screen.contains("Each must have been asked:")
      let listed =
        screen.split(separator: "\n").first { $0.contains("No to these ") }
        .flatMap { line in
          line.split(separator: " ").dropFirst(3).first.flatMap { Int($0) }
        }
      try tmux.send(key)
      let after = try Self.settle(tmux, after: screen)
      let now = Self.findings(tmux)
      let changed = Set(now.keys).union(draft.keys).filter { now[$0] != draft[$0] }
      let context = "\(item.name), key \(index + 1) \"\(key)\"; screen before:\n\(screen)"
      if confirming && key == "y" {
        #expect(changed.count == listed, "the bulk answered other than it listed: \(context)")
        for id in changed {
          let finding = try #require(Finding(id: id))
          #expect(now[id] == "no" && draft[id] == nil, "\(id): \(context)")
          #expect(!finding.needsMeasurement, "bulk answered a measurement \(id): \(context)")
        }
        answered += changed.count
      } else if let expected = ["y": "yes", "Y": "yes", "n": "no", "d": "not_done"][key],
        !confirming, let focused
      {
        #expect(changed.isSubset(of: [focused.id]), "answered another item: \(context)")
        #expect(now[focused.id] == expected, "\(focused.id) is not \(expected): \(context)")
        answered += 1
      } else {
        #expect(changed.isEmpty, "a key that is no answer changed \(changed): \(context)")
      }
      draft = now
      screen = after
    }
    #expect(answered > 10)
    let result = try Hardening.run(["evaluate", tmux.draftFile.path])
    let recommendation = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(recommendation["urgency"] as? String == item.urgency, "\(item.name)")
    #expect(recommendation["status"] as? String == "final", "\(item.name): \(recommendation)")
    try tmux.send("q")
    try tmux.waitFor("Quit?")
    try tmux.send("y")
    let (status, stty) = try tmux.waitForExit()
    #expect(status == 0)
    #expect(terminalRestored(stty))
  }
}
