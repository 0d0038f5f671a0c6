import CNcurses
import TriageEngine
import TriageUI

/// Translates the UI core's ``Theme`` styles to curses attributes and colour pairs. Pairs are
/// allocated on first use, one per foreground/background combination.
final class CursesTheme {
  let theme: Theme
  /// The colour pairs allocated, by foreground/background key (see ``style(_:)``); 0: none yet.
  private var pairs = [Int16](repeating: 0, count: 81)
  private var pairCount: Int16 = 0
  /// The translated roles, by ``slot(_:)``. Arrays rather than dictionaries: a dictionary of a
  /// new key type costs a scan of the runtime's conformance records on its first use, at every
  /// start.
  private var cache = [(attr_t, Int16)?](repeating: nil, count: CursesTheme.slotCount)

  init(theme: Theme) {
    self.theme = theme
    if theme.usesColor {
      start_color()
      use_default_colors()
    }
  }

  private static let slotCount = 21 + Urgency.allCases.count

  /// A distinct index for each role.
  private static func slot(_ role: Role) -> Int {
    switch role {
    case .normal: 0
    case .title: 1
    case .tabActive: 2
    case .tabInactive: 3
    case .tabDisabled: 4
    case .focused: 5
    case .answerYes: 6
    case .answerNo: 7
    case .answerUnknown: 8
    case .help: 9
    case .border: 10
    case .stop: 11
    case .caution: 12
    case .info: 13
    case .keyHint: 14
    case .message: 15
    case .error: 16
    case .dim: 17
    case .final: 18
    case .provisional: 19
    case .incomplete: 20
    case .urgency(let urgency): 21 + urgency.rawValue
    }
  }

  /// The attributes and colour pair of `role`.
  func style(_ role: Role) -> (attr_t, Int16) {
    let slot = CursesTheme.slot(role)
    if let cached = cache[slot] { return cached }
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
      let key = Int(foreground + 1) * 9 + Int(background + 1)
      if pairs[key] != 0 {
        pair = pairs[key]
      } else if Int32(pairCount + 1) < st_color_pairs() {
        pairCount += 1
        pair = pairCount
        init_pair(pair, foreground, background)
        pairs[key] = pair
      }
    }
    cache[slot] = (attrs, pair)
    return (attrs, pair)
  }
}
