import TriageEngine

/// What this binary is: the program's version, the rule set it applies, and the commit it was
/// built from (stamped by `scripts/release.sh`; a development build says it is one).
public enum BuildInfo {
  /// The program's version (semantic versioning; see CHANGELOG.md).
  public static let version = "0.2.0"

  /// The rule set the engine applies, for example `spine-triage-rules@1`.
  public static let ruleSet = RuleBook.version

  /// The commit the release was built from (`git rev-parse HEAD`, with `-modified` when the
  /// tree had uncommitted changes), or `nil` for a development build.
  public static let commit: String? = BuildStamp.commit

  /// When the release was built (UTC, ISO 8601), or `nil` for a development build.
  public static let builtAt: String? = BuildStamp.builtAt

  /// The text of `spine-triage --version`: three lines, program, rule set, commit.
  public static var versionText: String {
    var lines = ["spine-triage \(version)", "rule set \(ruleSet)"]
    if let commit {
      lines.append("commit \(commit)" + (builtAt.map { ", built \($0)" } ?? ""))
    } else {
      lines.append("development build (not from scripts/release.sh): commit not recorded")
    }
    return lines.joined(separator: "\n")
  }
}
