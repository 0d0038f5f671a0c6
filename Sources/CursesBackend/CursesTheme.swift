import CNcurses
import TriageUI

/// Translates the UI core's ``Theme`` styles to curses attributes and colour pairs. Pairs are
/// allocated on first use, one per foreground/background combination.
final class CursesTheme {
  let theme: Theme
  private var pairs: [Int: Int16] = [:]
  private var cache: [Role: (attr_t, Int16)] = [:]

  init(theme: Theme) {
    self.theme = theme
    if theme.usesColor {
      start_color()
      use_default_colors()
    }
  }

  /// The attributes and colour pair of `role`.
  func style(_ role: Role) -> (attr_t, Int16) {
    if let cached = cache[role] { return cached }
    let style = theme.style(role)
    var attrs: attr_t = st_a_normal()
    if style.bold { attrs |= st_a_bold() }
    if style.reverse { attrs |= st_a_reverse() }
    if style.underline { attrs |= st_a_underline() }
    if style.dim { attrs |= st_a_dim() }
    var pair: Int16 = 0
    if theme.usesColor && (style.foreground != nil || style.background != nil) {
      let foreground = Int16(style.foreground?.rawValue ?? -1)
      let background = Int16(style.background?.rawValue ?? -1)
      let key = Int(foreground + 1) * 16 + Int(background + 1)
      if let existing = pairs[key] {
        pair = existing
      } else {
        pair = Int16(pairs.count + 1)
        if Int32(pair) < st_color_pairs() {
          init_pair(pair, foreground, background)
          pairs[key] = pair
        } else {
          pair = 0
        }
      }
    }
    cache[role] = (attrs, pair)
    return (attrs, pair)
  }
}
