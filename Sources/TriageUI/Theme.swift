import TriageEngine

/// A terminal colour (the eight ANSI colours; `nil` in a ``Style`` means the terminal default).
public enum TerminalColor: Int, Hashable, Sendable, CaseIterable {
  case black, red, green, yellow, blue, magenta, cyan, white
}

/// Maps semantic roles to styles. Two themes: colour, and monochrome (bold, reverse, underline,
/// dim) for `NO_COLOR` and terminals without colours. Meaning never rests on colour alone: the
/// text says it too (labels, `[Y]`/`[N]`, "Error:").
public struct Theme: Hashable, Sendable {
  /// Whether the theme uses colours.
  public let usesColor: Bool

  /// The colour theme.
  public static let color = Theme(usesColor: true)
  /// The monochrome theme.
  public static let monochrome = Theme(usesColor: false)

  /// The style of `role`.
  public func style(_ role: Role) -> Style {
    usesColor ? colorStyle(role) : monochromeStyle(role)
  }

  func colorStyle(_ role: Role) -> Style {
    switch role {
    case .normal: .plain
    case .title: Style(.white, on: .blue, bold: true)
    case .tabActive: Style(bold: true, reverse: true)
    case .tabInactive: .plain
    case .tabDisabled, .answerUnknown, .dim: Style(dim: true)
    case .focused: Style(reverse: true)
    case .answerYes: Style(bold: true)
    case .answerNo: .plain
    case .help: Style(.cyan)
    case .border: Style(.blue)
    case .urgency(let urgency):
      switch urgency {
      case .emergency: Style(.white, on: .red, bold: true)
      case .urgent: Style(.white, on: .magenta, bold: true)
      case .soon: Style(.black, on: .yellow)
      case .routine: Style(.black, on: .cyan)
      case .none: Style(.black, on: .green)
      }
    case .stop: Style(.red, bold: true)
    case .caution: Style(.yellow)
    case .info: .plain
    case .keyHint: Style(.black, on: .white)
    case .message: Style(.black, on: .yellow)
    case .error: Style(.white, on: .red, bold: true)
    case .final: Style(.green, bold: true)
    case .provisional: Style(.black, on: .white, bold: true)
    case .incomplete: Style(.white, on: .blue, bold: true)
    }
  }

  func monochromeStyle(_ role: Role) -> Style {
    switch role {
    case .normal, .tabInactive, .answerNo, .border, .info: .plain
    case .title, .keyHint, .focused: Style(reverse: true)
    case .tabActive: Style(bold: true, reverse: true)
    case .tabDisabled, .answerUnknown, .dim: Style(dim: true)
    case .answerYes, .caution, .message: Style(bold: true)
    case .help: Style(underline: true)
    case .urgency(let urgency):
      switch urgency {
      case .emergency, .urgent: Style(bold: true, reverse: true)
      case .soon: Style(reverse: true)
      case .routine: Style(bold: true, underline: true)
      case .none: Style(underline: true)
      }
    case .stop, .error: Style(bold: true, underline: true)
    case .final: Style(bold: true)
    case .provisional: Style(reverse: true, dim: true)
    case .incomplete: Style(underline: true, dim: true)
    }
  }
}

extension Screen {
  /// The styles of the screen under `theme`, one character per cell: `.` for the plain style,
  /// letters for the others, with a legend (for attribute snapshots).
  public func styleMap(_ theme: Theme) -> String {
    var legend: [Style] = []
    var rowsText: [String] = []
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for row in 0..<rows {
      var line = ""
      for column in 0..<columns {
        let style = theme.style(self[row, column].role)
        if style == .plain {
          line.append(".")
          continue
        }
        if !legend.contains(style) { legend.append(style) }
        let index = legend.firstIndex(of: style)!
        line.append(index < letters.count ? letters[index] : "?")
      }
      rowsText.append(line)
    }
    let key = legend.enumerated().map {
      "\(letters[min($0.offset, letters.count - 1)])=\($0.element.code)"
    }
    return rowsText.joined(separator: "\n") + "\n" + key.joined(separator: " ")
  }
}
