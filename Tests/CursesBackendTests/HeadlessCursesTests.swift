import CNcurses
import CursesBackend
import Dispatch
import Testing
import TriageEngine
import TriageFormats
import TriageUI

#if canImport(Glibc)
  import Glibc
#endif

/// Real ncurses, headless: input and output are `/dev/null`, the size comes from `LINES` and
/// `COLUMNS`. Keys are pushed back onto ncurses' input queue (a stack: the last pushed is read
/// first) and the virtual screen is read back with `mvwinnwstr`.
///
/// ncurses is process-global: the suite is serialized, and only one ``CursesTerminal`` is
/// alive at a time (each test restores it before returning).
@Suite("Headless ncurses", .serialized)
struct HeadlessCursesTests {
  /// Sets an environment variable, only when it differs (other suites run in parallel and may
  /// read the environment).
  static func setEnvironment(_ name: String, _ value: String) {
    if let current = getenv(name), String(cString: current) == value { return }
    setenv(name, value, 1)
  }

  /// Starts curses at `columns`x`rows` on /dev/null, runs `body`, restores the terminal.
  static func withTerminal(
    columns: Int = 80, rows: Int = 24, noColor: Bool = false,
    installSignalHandlers: Bool = false, _ body: (CursesTerminal) throws -> Void
  ) throws {
    setEnvironment("LINES", String(rows))
    setEnvironment("COLUMNS", String(columns))
    setEnvironment("TERM", "xterm-256color")
    // A UTF-8 locale, whatever the machine's (CI runs with none): wide characters need it.
    setEnvironment("LC_ALL", "C.UTF-8")
    let input = try #require(fopen("/dev/null", "r"))
    let output = try #require(fopen("/dev/null", "w"))
    let terminal = try CursesTerminal(
      input: input, output: output, noColor: noColor,
      installSignalHandlers: installSignalHandlers)
    defer { terminal.restore() }
    try body(terminal)
  }

  /// Pushes `keys` so that they are read in the order given.
  static func push(_ keys: [Pushed], to terminal: CursesTerminal) {
    for key in keys.reversed() {
      switch key {
      case .code(let code): terminal.push(keyCode: code)
      case .text(let character): terminal.push(character: character)
      }
    }
  }

  enum Pushed {
    case code(Int32)
    case text(Character)
  }

  /// Reads `count` events.
  static func events(_ count: Int, from terminal: CursesTerminal) -> [TerminalEvent] {
    (0..<count).map { _ in terminal.nextEvent() }
  }

  @Test func startsAt80x24WithUnicodeGlyphs() throws {
    try Self.withTerminal { terminal in
      #expect(terminal.size == TerminalSize(rows: 24, columns: 80))
      #expect(terminal.glyphs == .unicode)
      #expect(terminal.usesColor)
    }
    #expect(isendwin())
  }

  @Test func sizeComesFromLinesAndColumns() throws {
    try Self.withTerminal(columns: 120, rows: 40) { terminal in
      #expect(terminal.size == TerminalSize(rows: 40, columns: 120))
    }
  }

  @Test func noColorMeansMonochrome() throws {
    try Self.withTerminal(noColor: true) { terminal in
      #expect(!terminal.usesColor)
    }
  }

  @Test func functionKeysDecode() throws {
    try Self.withTerminal { terminal in
      let pushed: [Pushed] = [
        .code(KEY_DOWN), .code(KEY_UP), .code(KEY_LEFT), .code(KEY_RIGHT), .code(KEY_NPAGE),
        .code(KEY_PPAGE), .code(KEY_HOME), .code(KEY_END), .code(KEY_BTAB), .code(KEY_F0 + 1),
        .code(KEY_F0 + 12), .code(KEY_DC), .code(KEY_BACKSPACE), .code(KEY_ENTER),
      ]
      Self.push(pushed, to: terminal)
      let expected: [Key] = [
        .down, .up, .left, .right, .pageDown, .pageUp, .home, .end, .backTab, .function(1),
        .function(12), .delete, .backspace, .enter,
      ]
      #expect(Self.events(pushed.count, from: terminal) == expected.map { .key($0) })
    }
  }

  @Test func charactersDecodeIncludingUTF8() throws {
    try Self.withTerminal { terminal in
      let text: [Character] = ["a", "é", "ü", "Z", "€", " ", "?", "ß"]
      Self.push(text.map { .text($0) }, to: terminal)
      #expect(Self.events(text.count, from: terminal) == text.map { .key(.character($0)) })
    }
  }

  @Test func controlCharactersDecode() throws {
    try Self.withTerminal { terminal in
      let pushed: [Character] = [
        "\r", "\n", "\u{7F}", "\u{08}", "\u{1B}", "\u{03}", "\t", "\u{1A}",
      ]
      Self.push(pushed.map { .text($0) }, to: terminal)
      let expected: [Key] = [.enter, .enter, .backspace, .backspace, .escape, .ctrlC, .tab, .ctrlZ]
      #expect(Self.events(pushed.count, from: terminal) == expected.map { .key($0) })
    }
  }

  /// A mix, as typed: "y", Down, "é", Ctrl-C.
  @Test func mixedSequenceKeepsItsOrder() throws {
    try Self.withTerminal { terminal in
      Self.push([.text("y"), .code(KEY_DOWN), .text("é"), .text("\u{03}")], to: terminal)
      #expect(
        Self.events(4, from: terminal) == [
          .key(.character("y")), .key(.down), .key(.character("é")), .key(.ctrlC),
        ])
    }
  }

  /// Shared terminal: with nothing typed for the idle time, the event is `.idle`; a key typed
  /// before it is read as a key; without an idle time it waits for input.
  @Test func anIdleTerminalReportsIdle() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    defer { close(ends[1]) }
    let input = try #require(fdopen(ends[0], "r"))
    defer { fclose(input) }
    Self.setEnvironment("LINES", "24")
    Self.setEnvironment("COLUMNS", "80")
    Self.setEnvironment("TERM", "xterm-256color")
    Self.setEnvironment("LC_ALL", "C.UTF-8")
    let output = try #require(fopen("/dev/null", "w"))
    let terminal = try CursesTerminal(
      input: input, output: output, noColor: false, installSignalHandlers: false)
    defer { terminal.restore() }
    #expect(terminal.nextEvent(idleAfter: 50) == .idle)
    _ = write(ends[1], "y", 1)
    #expect(terminal.nextEvent(idleAfter: 50) == .key(.character("y")))
    #expect(terminal.nextEvent(idleAfter: 50) == .idle)
  }

  @Test func resizeKeyReportsTheSize() throws {
    try Self.withTerminal { terminal in
      terminal.push(keyCode: KEY_RESIZE)
      #expect(terminal.nextEvent() == .resize(TerminalSize(rows: 24, columns: 80)))
    }
  }

  /// With nothing left to read, /dev/null is the end of input.
  @Test func emptyInputIsEndOfInput() throws {
    try Self.withTerminal { terminal in
      errno = 0
      #expect(terminal.nextEvent() == .endOfInput)
    }
  }

  /// `nextEvent` retries on EINTR, but `wget_wch` does not set errno at end of input: a stale
  /// EINTR left by an earlier interrupted call (a SIGWINCH, say) must not turn the end of input
  /// into an endless busy loop. A watchdog sends SIGHUP after 2 seconds so that the test ends
  /// either way (the signal handlers make `nextEvent` return `.signal`).
  @Test func staleEINTRDoesNotHideTheEndOfInput() throws {
    let signals = [
      SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE,
    ]
    var saved: [Int32: sigaction] = [:]
    for signal in signals {
      var old = sigaction()
      sigaction(signal, nil, &old)
      saved[signal] = old
    }
    defer {
      for signal in signals {
        var old = saved[signal]!
        sigaction(signal, &old, nil)
      }
    }
    try Self.withTerminal(installSignalHandlers: true) { terminal in
      let returned = DispatchSemaphore(value: 0)
      let watchdogDone = DispatchSemaphore(value: 0)
      let pid = getpid()
      DispatchQueue.global().async {
        if returned.wait(timeout: .now() + 2) == .timedOut { kill(pid, SIGHUP) }
        watchdogDone.signal()
      }
      errno = EINTR
      let event = terminal.nextEvent()
      returned.signal()
      watchdogDone.wait()
      _ = st_take_pending_signal()
      #expect(event == .endOfInput, "nextEvent spun on a stale EINTR until the watchdog's SIGHUP")
    }
  }

  /// The screen written through curses reads back as the same text, box-drawing characters and
  /// all, at both layouts.
  @Test(arguments: [(80, 24), (120, 40)])
  func presentedScreenReadsBack(columns: Int, rows: Int) throws {
    try Self.withTerminal(columns: columns, rows: rows) { terminal in
      var state = AppState(
        sheet: AnswerSheet(
          answers: Answers(
            age: 45, symptomWeeks: 1,
            findings: [.painLowBack: .yes, .bladderBowel: .yes, .saddleAnesthesia: .yes]),
          patientID: "Zoë Müller 山田🙂x"),
        size: terminal.size)
      for keys in [[], [Key.tab, .down, .down, .down], [.character("6")], [.character("?")]] {
        for key in keys {
          if let action = KeyMap.standard.action(for: key, in: state) {
            _ = Update.apply(action, to: &state)
          }
        }
        let screen = Renderer.render(state, glyphs: terminal.glyphs)
        terminal.present(screen)
        for row in 0..<screen.rows {
          var read = terminal.rowText(row)
          while read.last == " " { read.removeLast() }
          #expect(read == screen.text(row: row), "row \(row) after \(keys)")
        }
        if keys == [.character("6")] {
          // The Summary shows the identifier, two-column characters included, as curses holds it.
          #expect(
            (0..<screen.rows).contains { terminal.rowText($0).contains("Zoë Müller 山田🙂x") })
        }
        if keys.isEmpty {
          // The panel's first row: a box corner when wide, a rule when narrow.
          let panel = terminal.rowText(state.layout.panelTop)
          #expect(panel.contains(columns >= 120 ? "┌" : "─  EMERGENCY  "))
        }
      }
    }
  }

  /// The box-drawing and answer glyphs survive the trip through curses.
  @Test func glyphsSurvive() throws {
    try Self.withTerminal { terminal in
      let state = AppState(
        sheet: AnswerSheet(answers: Answers(findings: [.painLowBack: .yes])), size: terminal.size)
      terminal.present(Renderer.render(state, glyphs: .unicode))
      let panelTop = terminal.rowText(state.layout.panelTop)
      #expect(panelTop.hasPrefix("─ "))
      #expect(panelTop.contains("─"))
      #expect(terminal.rowText(2).hasPrefix("▶"))
      #expect(terminal.rowText(3).hasPrefix("  Sex (optional): "))
    }
  }

  /// Every cell, including the bottom-right one (written without scrolling the screen).
  @Test func everyCellIsWritten() throws {
    try Self.withTerminal { terminal in
      var screen = Screen(rows: 24, columns: 80)
      let alphabet = Array("abcdefghijklmnopqrstuvwxyzéü─│┌┐")
      for row in 0..<24 {
        for column in 0..<80 {
          screen[row, column] = Cell(alphabet[(row * 7 + column) % alphabet.count], .normal)
        }
      }
      screen[23, 79] = Cell("Z", .error)
      screen[0, 0] = Cell("A", .title)
      terminal.present(screen)
      for row in 0..<24 {
        #expect(terminal.rowText(row) == String((0..<80).map { screen[row, $0].character }))
      }
    }
  }

  /// The theme reaches curses: bold, reverse and a colour pair on the title in colour; reverse
  /// without a colour pair in monochrome.
  @Test(arguments: [false, true])
  func attributesFollowTheTheme(noColor: Bool) throws {
    try Self.withTerminal(noColor: noColor) { terminal in
      let state = AppState(size: terminal.size)
      terminal.present(Renderer.render(state))
      let window = try #require(st_stdscr())
      let title = mvwinch(window, 0, 2)
      let pair = PAIR_NUMBER(Int32(truncatingIfNeeded: title))
      if noColor {
        #expect(title & st_a_reverse() != 0)
        #expect(pair == 0)
      } else {
        #expect(title & st_a_bold() != 0)
        #expect(pair != 0)
      }
      // A plain list row has no attributes.
      let plain = mvwinch(window, 3, 10)
      #expect(plain & (st_a_bold() | st_a_reverse() | st_a_underline()) == 0)
    }
  }

  /// Presenting twice (the second frame differs by one row) leaves curses with the new frame.
  @Test func secondFrameReplacesTheFirst() throws {
    try Self.withTerminal { terminal in
      var state = AppState(size: terminal.size)
      terminal.present(Renderer.render(state))
      _ = Update.apply(.moveDown, to: &state)
      let screen = Renderer.render(state)
      terminal.present(screen)
      // The pointer has moved off Age (no "!" on the empty form: nothing can depend on age
      // before a complaint is answered).
      #expect(terminal.rowText(2).hasPrefix("  Age (years): "))
      #expect(terminal.rowText(3).hasPrefix("▶ Sex (optional): "))
    }
  }

  @Test func restoreIsIdempotent() throws {
    try Self.withTerminal { terminal in
      terminal.restore()
      #expect(isendwin())
      terminal.restore()
    }
  }
}
