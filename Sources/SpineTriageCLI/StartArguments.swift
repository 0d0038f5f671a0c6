/// The options of the plain start (the checklist screens, or `--plain`), parsed by hand.
///
/// The argument parser finds its options by reflection, which costs more at every start than
/// drawing the first screen. The start that opens the screens takes only a few options, so
/// ``parse(_:)`` reads the common forms of those itself and hands everything else (a
/// subcommand, `--help`, `--version`, a value that starts with `-`, an option given twice, an
/// unknown word, ...) back to the argument parser by returning nil. It never reports an
/// error: every refused form is the argument parser's, with its messages. The options mean
/// what ``SpineTriage``'s do (`StartArgumentsTests` checks that both agree on every form).
struct StartArguments {
  /// `--load FILE`: the answers file (or draft) to open.
  var load: String?
  /// `--plain`: line-by-line prompts instead of the screens.
  var plain = false
  /// `--no-color`: monochrome.
  var noColor = false
  /// The settings given as options, in ``Settings/Key`` order (the order the argument parser's
  /// ``SettingsOptions/overrides(outputFolder:)`` gives them, so the first bad one reported
  /// is the same).
  var overrides: [(key: Settings.Key, value: String)] = []

  /// The start with no arguments.
  init() {}

  /// `arguments` (without the program name) as a plain start, or nil when they are anything
  /// else or anything unusual: the argument parser then parses them.
  static func parse(_ arguments: [String]) -> StartArguments? {
    var start = StartArguments()
    var settings = [String?](repeating: nil, count: Settings.Key.allCases.count)
    var seenLoad = false
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      guard argument.utf8.starts(with: "--".utf8) else { return nil }
      // `--name=value` or `--name value`.
      let name: Substring
      var value: String?
      if let equals = argument.firstIndex(of: "=") {
        name = argument[..<equals]
        value = String(argument[argument.index(after: equals)...])
      } else {
        name = argument[...]
      }
      switch name {
      case "--plain", "--no-color":
        // A flag with a value, or given twice: the argument parser's to judge.
        guard value == nil else { return nil }
        if name == "--plain" {
          if start.plain { return nil }
          start.plain = true
        } else {
          if start.noColor { return nil }
          start.noColor = true
        }
        continue
      default:
        break
      }
      let slot: Int?
      if name == "--load" {
        if seenLoad { return nil }
        seenLoad = true
        slot = nil
      } else if let key = Settings.Key.allCases.firstIndex(where: { $0.option == name }) {
        if settings[key] != nil { return nil }
        slot = key
      } else {
        return nil
      }
      if value == nil, index < arguments.count {
        value = arguments[index]
        index += 1
      }
      // Missing, empty, or starting with "-" (an option, a negative number, "-" for standard
      // input): the argument parser decides what it is.
      guard let text = value, let first = text.utf8.first, first != UInt8(ascii: "-") else {
        return nil
      }
      if let slot {
        settings[slot] = text
      } else {
        start.load = text
      }
    }
    for (key, value) in zip(Settings.Key.allCases, settings) {
      if let value { start.overrides.append((key, value)) }
    }
    return start
  }
}

extension StartArguments: Equatable {
  static func == (lhs: StartArguments, rhs: StartArguments) -> Bool {
    lhs.load == rhs.load && lhs.plain == rhs.plain && lhs.noColor == rhs.noColor
      && lhs.overrides.map(\.key) == rhs.overrides.map(\.key)
      && lhs.overrides.map(\.value) == rhs.overrides.map(\.value)
  }
}
