import CNcurses
import TriageUI

#if canImport(Glibc)
  import Glibc
#endif

/// What the terminal delivered.
public enum TerminalEvent: Equatable, Sendable {
  case key(Key)
  case resize(TerminalSize)
  /// A termination signal arrived (SIGTERM, SIGHUP, SIGINT, SIGQUIT).
  case signal(Int32)
  /// Input ended (the terminal went away).
  case endOfInput
  /// No key for the idle time asked for (``CursesTerminal/nextEvent(idleAfter:)``).
  case idle
}

/// Why the terminal could not start.
public struct TerminalUnavailable: Error, CustomStringConvertible {
  public let description: String
}

/// The only code that calls ncurses: it copies a ``Screen`` to the terminal (ncurses sends only
/// the cells that changed) and reads keys. One thread only; not `Sendable`.
public final class CursesTerminal {
  private let screenPointer: OpaquePointer
  private let inputDescriptor: Int32
  private let window: UnsafeMutablePointer<WINDOW>
  private let theme: CursesTheme
  private var active = true
  /// The UTF-8 of the run of cells being written (reused between runs and frames).
  private var run: [UInt8] = []
  /// The glyphs that suit the locale.
  public let glyphs: Glyphs
  /// Whether colours are used.
  public let usesColor: Bool

  /// Starts curses on `input`/`output` (the controlling terminal by default).
  ///
  /// - Parameters:
  ///   - noColor: monochrome theme (as when `NO_COLOR` is set).
  ///   - installSignalHandlers: restore the terminal on termination and crash signals.
  public init(
    input: UnsafeMutablePointer<FILE>? = nil, output: UnsafeMutablePointer<FILE>? = nil,
    noColor: Bool, installSignalHandlers: Bool = true
  ) throws {
    // Only the character type matters to curses (UTF-8 or not); loading every locale category
    // costs start-up time.
    setlocale(LC_CTYPE, "")
    let codeset = String(cString: nl_langinfo(nl_item(CODESET))).utf8.filter { $0 != 0x2D }
      .map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
    glyphs = codeset == Array("UTF8".utf8) ? .unicode : .ascii
    guard let term = getenv("TERM"), term.pointee != 0 else {
      throw TerminalUnavailable(
        description: "TERM is not set: set TERM (for example xterm-256color) or use --plain")
    }
    let termName = String(cString: term)
    if termName == "dumb" {
      throw TerminalUnavailable(
        description: "TERM=dumb cannot show the checklist screens: use --plain")
    }
    // On the real terminal the size comes from the terminal itself, never from LINES/COLUMNS
    // left in the environment (stale after a resize, or inherited from another program).
    if input == nil && output == nil { use_tioctl(true) }
    let inFile = input ?? fdopen(0, "r")
    inputDescriptor = inFile.map { fileno($0) } ?? 0
    let outFile = output ?? fdopen(1, "w")
    guard let pointer = newterm(nil, outFile, inFile) else {
      throw TerminalUnavailable(
        description:
          "the terminal type '\(termName)' is unknown to curses: set TERM (for example xterm-256color) or use --plain"
      )
    }
    screenPointer = pointer
    guard let standard = st_stdscr() else {
      endwin()
      delscreen(pointer)
      throw TerminalUnavailable(description: "curses could not create its window")
    }
    window = standard
    st_set_curses_active(1)
    if installSignalHandlers {
      st_prepare_crash_clear()
      st_install_signal_handlers()
    }
    raw()
    noecho()
    nonl()
    keypad(window, true)
    set_escdelay(25)
    curs_set(1)
    usesColor = !noColor && has_colors()
    theme = CursesTheme(theme: usesColor ? .color : .monochrome)
  }

  deinit { restore() }

  /// Restores the terminal (idempotent). A terminal without an alternate screen (the Linux
  /// console) is cleared first, and its scrollback erased after, so the assessment does not
  /// stay on screen, or a scroll away, for the next person.
  public func restore() {
    guard active else { return }
    active = false
    let noAlternateScreen = st_has_alternate_screen() == 0
    if noAlternateScreen {
      wclear(window)
      wrefresh(window)
    }
    endwin()
    // The scrollback too: the last frame must not be one scroll away (issue 20).
    if noAlternateScreen { st_clear_scrollback() }
    st_set_curses_active(0)
  }

  /// The current size.
  public var size: TerminalSize {
    TerminalSize(rows: Int(getmaxy(window)), columns: Int(getmaxx(window)))
  }

  /// Draws `screen`: every cell is written into curses' virtual screen, then `wrefresh` sends
  /// only the difference from the previous frame.
  public func present(_ screen: Screen) {
    let rows = min(screen.rows, Int(getmaxy(window)))
    let columns = min(screen.columns, Int(getmaxx(window)))
    // The bytes of a run, reused between runs and frames; a local while the frame is written
    // (no exclusivity check on the property at every cell).
    var bytes = run
    defer { run = bytes }
    for row in 0..<rows {
      var column = 0
      while column < columns {
        let role = screen[row, column].role
        // The run of cells with one role, as NUL-terminated UTF-8 (no String is built per
        // cell; an ASCII character is one byte appended).
        bytes.removeAll(keepingCapacity: true)
        var beforeLast = 0
        var end = column
        while end < columns {
          let cell = screen[row, end]
          guard cell.role == role else { break }
          if let ascii = cell.character.asciiValue, ascii != 0 {
            beforeLast = bytes.count
            bytes.append(ascii)
          } else if let shown = screen.shown(row: row, column: end) {
            // The right half of a two-column character is not written: curses advances two
            // columns for the character itself.
            beforeLast = bytes.count
            bytes.append(contentsOf: shown.utf8)
          }
          end += 1
        }
        let (attrs, pair) = theme.style(role)
        // The last cell of the last row cannot be written without scrolling on some terminals.
        // (A two-column character that ends the row is written whole with the run.)
        if row == rows - 1 && end == columns && Int(getmaxx(window)) == columns
          && !screen[row, columns - 1].isContinuation
        {
          bytes.removeSubrange(beforeLast...)
          if !bytes.isEmpty { put(&bytes, row: row, column: column, attrs: attrs, pair: pair) }
          let last = screen[row, columns - 1]
          wattr_set(window, attrs, pair, nil)
          mvwinsstr(window, Int32(row), Int32(columns - 1), String(last.character))
          wattr_set(window, 0, 0, nil)
        } else {
          put(&bytes, row: row, column: column, attrs: attrs, pair: pair)
        }
        column = end
      }
    }
    if let cursor = screen.cursor, cursor.row < rows, cursor.column < columns {
      curs_set(1)
      wmove(window, Int32(cursor.row), Int32(cursor.column))
    } else {
      curs_set(0)
    }
    wrefresh(window)
  }

  /// Writes `bytes` (UTF-8) at `row`, `column`.
  private func put(_ bytes: inout [UInt8], row: Int, column: Int, attrs: attr_t, pair: Int16) {
    bytes.append(0)
    bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        _ = st_put(window, Int32(row), Int32(column), $0.baseAddress, attrs, pair)
      }
    }
  }

  /// Repaints every cell on the next refresh (Ctrl-L, after suspend).
  public func invalidate() {
    clearok(window, true)
  }

  /// Waits for the next key, resize or signal, or (with `idleAfter`, in milliseconds) until the
  /// terminal has been idle that long. Blocks in the kernel: no polling.
  public func nextEvent(idleAfter: Int? = nil) -> TerminalEvent {
    // ncurses may hide EINTR and restart its read, so a termination signal would never reach
    // us while it blocks. Instead: ask ncurses without blocking (it still assembles escape
    // sequences and reports KEY_RESIZE), and block in poll(), which a signal always
    // interrupts. No timeout: an idle session uses no CPU.
    var emptyReadsWhileReadable = 0
    var saved = sigset_t()
    st_block_wait_signals(&saved)
    defer { st_restore_signal_mask(&saved) }
    while true {
      let pending = st_take_pending_signal()
      if pending != 0 { return .signal(pending) }
      var character: wint_t = 0
      wtimeout(window, 0)
      let result = wget_wch(window, &character)
      if result == OK { return .key(KeyDecoder.character(UInt32(character))) }
      if result == st_key_code_yes() {
        if Int32(character) == KEY_RESIZE { return .resize(size) }
        return .key(KeyDecoder.functionKey(Int32(character)))
      }
      var events: Int16 = 0
      let ready = st_wait_readable(inputDescriptor, &saved, &events, idleAfter ?? -1)
      if ready == 0 && idleAfter != nil { return .idle }
      if ready < 0 {
        if errno == EINTR { continue }
        return .endOfInput
      }
      if events & Int16(POLLNVAL | POLLERR) != 0 { return .endOfInput }
      if events & Int16(POLLHUP) != 0 && events & Int16(POLLIN) == 0 { return .endOfInput }
      // Readable with no byte to read: the input is at its end (a closed terminal, /dev/null).
      var available: Int32 = 0
      if ioctl(inputDescriptor, UInt(FIONREAD), &available) != 0 || available == 0 {
        emptyReadsWhileReadable += 1
        if emptyReadsWhileReadable > 1 { return .endOfInput }
      } else {
        emptyReadsWhileReadable = 0
      }
    }
  }

  /// Suspends the process (Ctrl-Z under raw mode), restoring the terminal; redraws on return.
  public func suspend() {
    def_prog_mode()
    // Without an alternate screen the shell would show the assessment while suspended.
    if st_has_alternate_screen() == 0 {
      wclear(window)
      wrefresh(window)
    }
    endwin()
    st_set_curses_active(0)
    kill(getpid(), SIGTSTP)
    st_set_curses_active(1)
    reset_prog_mode()
    clearok(window, true)
    wrefresh(window)
  }

  /// The text of one row as curses holds it (for headless tests).
  public func rowText(_ row: Int) -> String {
    var buffer = [wchar_t](repeating: 0, count: Int(getmaxx(window)) + 1)
    mvwinnwstr(window, Int32(row), 0, &buffer, Int32(getmaxx(window)))
    var text = ""
    for code in buffer.prefix(while: { $0 != 0 }) {
      if let scalar = Unicode.Scalar(UInt32(code)) { text.unicodeScalars.append(scalar) }
    }
    return text
  }

  /// Pushes a key back onto the input queue (for headless tests).
  public func push(character: Character) {
    for scalar in character.unicodeScalars.reversed() { unget_wch(wchar_t(scalar.value)) }
  }

  /// Pushes a function-key code back onto the input queue (for headless tests).
  public func push(keyCode: Int32) { ungetch(keyCode) }
}
