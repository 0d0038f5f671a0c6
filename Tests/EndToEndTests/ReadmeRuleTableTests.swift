import Foundation
import Testing

/// README.md's rule table is `spine-triage rules --format markdown`, the code that evaluates the
/// rules printing their metadata: the test fails when the two drift apart. Regenerate the table
/// with that command.
@Suite struct ReadmeRuleTableTests {
  @Test func theReadmeRuleTableIsTheGeneratedOne() throws {
    let table = try CLI.run(["rules", "--format", "markdown"])
    #expect(table.status == 0, "\(table)")
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    #expect(
      text.contains(table.stdout),
      "README.md's rule table differs from `spine-triage rules --format markdown`: regenerate it")
  }
}
