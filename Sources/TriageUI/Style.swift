import TriageEngine

/// How a role looks: colours and attributes. Pure data; a backend translates it.
public struct Style: Hashable, Sendable {
  public var foreground: TerminalColor?
  public var background: TerminalColor?
  public var bold = false
  public var reverse = false
  public var underline = false
  public var dim = false

  public init(
    _ foreground: TerminalColor? = nil, on background: TerminalColor? = nil, bold: Bool = false,
    reverse: Bool = false, underline: Bool = false, dim: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.reverse = reverse
    self.underline = underline
    self.dim = dim
  }

  /// The terminal's default look.
  public static let plain = Style()

  /// A short code for attribute snapshots, e.g. `B` bold, `R` reverse, `U` underline, `D` dim,
  /// then colours as `fg/bg` initials.
  public var code: String {
    var code = ""
    if bold { code += "B" }
    if reverse { code += "R" }
    if underline { code += "U" }
    if dim { code += "D" }
    let initials = "krgybmcw"
    func initial(_ color: TerminalColor?) -> String {
      color.map { String(initials[initials.index(initials.startIndex, offsetBy: $0.rawValue)]) }
        ?? "-"
    }
    if foreground != nil || background != nil { code += initial(foreground) + initial(background) }
    return code
  }
}
