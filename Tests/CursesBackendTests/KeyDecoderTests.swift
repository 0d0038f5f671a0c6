import CNcurses
import CursesBackend
import Testing
import TriageUI

/// ``KeyDecoder`` alone: what `wget_wch` returns, turned into keys. No terminal needed.
@Suite("Key decoder")
struct KeyDecoderTests {
  @Test(arguments: [
    (UInt32(0x09), Key.tab),
    (0x0A, .enter),
    (0x0D, .enter),
    (0x08, .backspace),
    (0x7F, .backspace),
    (0x1B, .escape),
    (0x03, .ctrlC),
    (0x1A, .ctrlZ),
    (0x0C, .ctrlL),
    (0x00, .control(0)),
    (0x1F, .control(31)),
    (0x20, .character(" ")),
    (0x41, .character("A")),
    (0x71, .character("q")),
    (0x3F, .character("?")),
    (0xE9, .character("é")),
    (0xFC, .character("ü")),
    (0x20AC, .character("€")),
    (0x1F600, .character("😀")),
    (0xD800, .unknown),
    (0x11_0000, .unknown),
  ])
  func character(code: UInt32, key: Key) {
    #expect(KeyDecoder.character(code) == key)
  }

  @Test(arguments: [
    (KEY_UP, Key.up),
    (KEY_DOWN, .down),
    (KEY_LEFT, .left),
    (KEY_RIGHT, .right),
    (KEY_HOME, .home),
    (KEY_END, .end),
    (KEY_LL, .end),
    (KEY_NPAGE, .pageDown),
    (KEY_PPAGE, .pageUp),
    (KEY_BTAB, .backTab),
    (KEY_ENTER, .enter),
    (KEY_BACKSPACE, .backspace),
    (KEY_DC, .delete),
    (KEY_F0 + 1, .function(1)),
    (KEY_F0 + 5, .function(5)),
    (KEY_F0 + 12, .function(12)),
    (KEY_F0, .unknown),
    (KEY_F0 + 13, .unknown),
    (KEY_MOUSE, .unknown),
    (KEY_IC, .unknown),
    (0, .unknown),
  ])
  func functionKey(code: Int32, key: Key) {
    #expect(KeyDecoder.functionKey(code) == key)
  }

  /// Every decoded key that the key map binds means what the help says: Ctrl-C quits,
  /// Backspace clears a finding, F1 opens the help.
  @Test func decodedKeysReachTheKeyMap() {
    let state = AppState()
    #expect(KeyMap.standard.action(for: KeyDecoder.character(0x03), in: state) == .requestQuit)
    #expect(
      KeyMap.standard.action(for: KeyDecoder.functionKey(KEY_F0 + 1), in: state) == .toggleHelp)
    #expect(
      KeyMap.standard.action(for: KeyDecoder.functionKey(KEY_BTAB), in: state) == .previousPage)
    #expect(KeyMap.standard.action(for: KeyDecoder.character(0x3F), in: state) == .toggleHelp)
  }
}
