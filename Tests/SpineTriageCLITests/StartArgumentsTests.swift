import ArgumentParser
import Testing

@testable import SpineTriageCLI

/// The hand parser of the plain start (``StartArguments``) against the argument parser: on
/// every argument list tried, either the hand parser hands the list over (nil: the argument
/// parser then parses it, with its own messages), or the argument parser reads the same start
/// from it (the root command, with the same file, flags and settings in the same order). So
/// the hand parser changes no behaviour and no error message; it only skips the reflection.
@Suite struct StartArgumentsTests {
  /// Words that make up the argument lists: every option of the plain start in both forms,
  /// values, and what must never be taken for a plain start (subcommands, help, version,
  /// unknown or misspelt options, a lone `-`, `--`, negative numbers, empty values).
  static let words: [String] = [
    "--load", "--load=a.json", "--load=", "--load=-x", "--load=a=b", "a.json",
    "--plain", "--plain=yes", "--no-color", "--no-color=", "--output-dir", "--output-dir=/tmp/x",
    "/tmp/x", "--printer", "--printer=ward-3", "--paper", "a4", "--paper=letter", "--site-name",
    "Ward 3", "--fhir-base-url", "--fhir-base-url=https://example.org/fhir",
    "--draft-retention-days", "7", "-7", "", "-", "--", "-x", "--help", "-h", "-help", "help",
    "--version", "--experimental-dump-help", "--generate-completion-script", "evaluate",
    "export", "config", "drafts", "rules", "questionnaire", "--unknown", "--Load", "--lo",
    "--no-colour", "--=x", "=", "-o", "--json",
  ]

  /// What the argument parser makes of `arguments`: the plain start it reads, or nil when it
  /// refuses them or reads another command (a subcommand, help, version).
  static func parser(_ arguments: [String]) -> StartArguments? {
    guard let command = try? SpineTriage.parseAsRoot(arguments) else { return nil }
    return (command as? SpineTriage)?.startArguments
  }

  static func check(_ arguments: [String]) {
    guard let hand = StartArguments.parse(arguments) else { return }
    let parsed = parser(arguments)
    #expect(
      parsed == hand,
      "\(arguments): hand parser \(hand), argument parser \(String(describing: parsed))")
  }

  @Test func everyListOfOneOrTwoWords() {
    Self.check([])
    for first in Self.words {
      Self.check([first])
      for second in Self.words { Self.check([first, second]) }
    }
  }

  /// Lists of three and four words from the options and values of the plain start (the forms
  /// the hand parser accepts, mixed with the ones it must hand over).
  @Test func everyListOfThreeWordsAndManyOfFour() {
    let words = [
      "--load", "a.json", "--plain", "--no-color", "--paper", "a4", "--paper=letter",
      "--draft-retention-days", "7", "-7", "--help", "evaluate", "--", "",
    ]
    for a in words {
      for b in words {
        for c in words {
          Self.check([a, b, c])
          for d in ["--load", "a.json", "--plain", "--site-name=Ward 3", "help"] {
            Self.check([a, b, c, d])
          }
        }
      }
    }
  }

  /// Longer random lists (seeded; the seed is printed).
  @Test func randomLongerLists() {
    let seed: UInt64 = 0x21_5EED
    print("StartArgumentsTests.randomLongerLists seed \(String(seed, radix: 16))")
    var state = seed
    func next(_ bound: Int) -> Int {
      // SplitMix64.
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
    for _ in 0..<3000 {
      let count = 3 + next(6)
      Self.check((0..<count).map { _ in Self.words[next(Self.words.count)] })
    }
  }

  /// The hand parser takes the forms a clinician types, so that they start fast, and reads
  /// them as the argument parser does.
  @Test(arguments: [
    [],
    ["--load", "a.json"],
    ["--load=a.json"],
    ["--load", "help"],
    ["--load", "evaluate"],
    ["--plain"],
    ["--plain", "--load", "a.json"],
    ["--no-color"],
    ["--output-dir", "/tmp/x", "--load", "a.json"],
    ["--paper", "a4", "--printer=ward-3", "--site-name", "Ward 3"],
    ["--draft-retention-days", "7", "--fhir-base-url", "https://example.org/fhir"],
    // Bad values are the settings' to refuse, after parsing (the same for both parsers).
    ["--paper", "a5"],
    ["--draft-retention-days", "many"],
  ])
  func takesTheCommonForms(_ arguments: [String]) throws {
    let hand = try #require(StartArguments.parse(arguments))
    #expect(Self.parser(arguments) == hand)
  }

  /// Settings come out in the argument parser's order whatever the order typed, so the first
  /// bad one reported is the same.
  @Test func settingsInTheArgumentParsersOrder() throws {
    let arguments = ["--draft-retention-days", "x", "--paper", "a5", "--output-dir", "/o"]
    let hand = try #require(StartArguments.parse(arguments))
    #expect(hand.overrides.map(\.key) == [.exportFolder, .paper, .draftRetentionDays])
    #expect(Self.parser(arguments) == hand)
  }

  /// What it hands over: everything that is not a plain start or is unusual.
  @Test(arguments: [
    ["--help"], ["-h"], ["help"], ["--version"], ["evaluate", "a.json"], ["--load"],
    ["--load", "-"], ["--load", ""], ["--load", "a", "--load", "b"], ["--plain", "--plain"],
    ["--plain=yes"], ["--", "a"], ["a.json"], ["--unknown"], ["--load", "a", "evaluate"],
    ["--draft-retention-days", "-1"], ["-x"],
  ])
  func handsOverTheRest(_ arguments: [String]) {
    #expect(StartArguments.parse(arguments) == nil)
  }
}
