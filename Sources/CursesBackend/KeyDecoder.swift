import CNcurses
import TriageUI

/// Turns what `wget_wch` returns into a ``Key``.
public enum KeyDecoder {
  /// Decodes a character (`get_wch` returned `OK`).
  public static func character(_ code: UInt32) -> Key {
    switch code {
    case 0x09: return .tab
    case 0x0A, 0x0D: return .enter
    case 0x08, 0x7F: return .backspace
    case 0x1B: return .escape
    case 0x00..<0x20: return .control(UInt8(code))
    default:
      guard let scalar = Unicode.Scalar(code) else { return .unknown }
      return .character(Character(scalar))
    }
  }

  /// Decodes a function-key code (`get_wch` returned `KEY_CODE_YES`).
  public static func functionKey(_ code: Int32) -> Key {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END, KEY_LL: return .end
    case KEY_NPAGE: return .pageDown
    case KEY_PPAGE: return .pageUp
    case KEY_BTAB: return .backTab
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case st_key_f0() + 1...st_key_f0() + 12: return .function(Int(code - st_key_f0()))
    default: return .unknown
    }
  }
}
