import CNcurses
import TriageEngine
import TriageUI

/// Maps semantic roles to curses attributes: colour pairs when colour is allowed, bold,
/// reverse, underline and dim otherwise (`NO_COLOR`, or a terminal without colours).
struct CursesTheme {
  let color: Bool

  /// The colour pairs, initialised once after `start_color`.
  static let pairs: [(Role, Int16, Int16)] = [
    (.title, Int16(COLOR_WHITE), Int16(COLOR_BLUE)),
    (.tabActive, Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
    (.answerYes, Int16(COLOR_YELLOW), -1),
    (.answerNo, Int16(COLOR_CYAN), -1),
    (.help, Int16(COLOR_CYAN), -1),
    (.border, Int16(COLOR_BLUE), -1),
    (.urgency(.emergency), Int16(COLOR_WHITE), Int16(COLOR_RED)),
    (.urgency(.urgent), Int16(COLOR_BLACK), Int16(COLOR_MAGENTA)),
    (.urgency(.soon), Int16(COLOR_BLACK), Int16(COLOR_YELLOW)),
    (.urgency(.routine), Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
    (.urgency(.none), Int16(COLOR_BLACK), Int16(COLOR_GREEN)),
    (.stop, Int16(COLOR_RED), -1),
    (.caution, Int16(COLOR_YELLOW), -1),
    (.keyHint, Int16(COLOR_BLACK), Int16(COLOR_WHITE)),
    (.error, Int16(COLOR_WHITE), Int16(COLOR_RED)),
    (.message, Int16(COLOR_BLACK), Int16(COLOR_YELLOW)),
  ]

  static func setUpColors() {
    start_color()
    use_default_colors()
    for (index, pair) in pairs.enumerated() {
      init_pair(Int16(index + 1), pair.1, pair.2)
    }
  }

  func pairNumber(_ role: Role) -> Int16 {
    guard color, let index = CursesTheme.pairs.firstIndex(where: { $0.0 == role }) else { return 0 }
    return Int16(index + 1)
  }

  /// The attributes and colour pair of `role`.
  func style(_ role: Role) -> (attr_t, Int16) {
    let bold = st_a_bold()
    let reverse = st_a_reverse()
    let underline = st_a_underline()
    let dim = st_a_dim()
    if color {
      let pair = pairNumber(role)
      switch role {
      case .title, .tabActive, .urgency, .stop, .error: return (bold, pair)
      case .focused: return (reverse, 0)
      case .answerYes: return (bold, pair)
      case .answerUnknown, .tabDisabled, .dim: return (dim, 0)
      default: return (0, pair)
      }
    }
    switch role {
    case .title, .keyHint: return (reverse, 0)
    case .tabActive: return (reverse | bold, 0)
    case .tabDisabled, .answerUnknown, .dim: return (dim, 0)
    case .focused: return (reverse, 0)
    case .answerYes: return (bold, 0)
    case .urgency(let urgency):
      switch urgency {
      case .emergency, .urgent: return (reverse | bold, 0)
      case .soon: return (reverse, 0)
      case .routine: return (bold | underline, 0)
      case .none: return (underline, 0)
      }
    case .stop, .error: return (bold | underline, 0)
    case .caution, .message: return (bold, 0)
    case .help: return (underline, 0)
    default: return (0, 0)
    }
  }
}
