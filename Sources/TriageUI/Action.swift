import TriageEngine
import TriageFormats

/// What the user asked for: keys become actions through the ``KeyMap``; ``Update`` applies them.
public enum Action: Hashable, Sendable {
  case moveUp, moveDown, pageUp, pageDown, moveTop, moveBottom
  case nextPage, previousPage
  /// Jump to the page with this number (1-based, as shown in the tab bar).
  case gotoPage(Int)
  /// Answer the focused finding (yes, no, or clear with `.unknown`).
  case answer(Answer)
  /// Space: unanswered -> yes -> no -> unanswered (sex: female -> male -> other -> unset).
  case cycle
  /// Clear the focused item (finding, number, sex or text field).
  case clear
  /// Type a digit into the number being edited.
  case typeDigit(Int)
  /// Delete the last digit of the number being edited.
  case deleteDigit
  /// Set the sex field.
  case setSex(Sex)
  /// Start editing the focused text field or number (Enter); on the folded row, show or hide
  /// the folded items.
  case beginEdit
  /// Type a character into the text field being edited.
  case typeText(Character)
  /// Delete the last character of the text field being edited.
  case deleteText
  /// Keep the edited text or number (a number then moves the focus to the next item).
  case commitEdit
  /// Drop the edited text or number.
  case cancelEdit
  /// N: ask to answer No to every unanswered finding of the screen.
  case bulkNo
  /// y after N: answer them No, recorded as given in bulk.
  case confirmBulk
  /// Jump to the next unanswered item whose answer could change the decision, across screens.
  case nextCritical
  case toggleHelp
  /// q or Ctrl-C: quit, asking first when answers would be lost.
  case requestQuit
  case confirmQuit
  case cancelQuit
  /// Open the export chooser.
  case openExportMenu
  /// Export the summary to a file.
  case export(ExportKind)
  /// Send the text summary to the printer.
  case printSummary
  /// Ctrl-Z: suspend to the shell.
  case suspend
  /// Redraw the whole screen (Ctrl-L).
  case redraw
  /// The terminal changed size.
  case resize(TerminalSize)
  /// A result reported back by the runner (export, print, draft), shown on the status line.
  case report(StatusMessage)
  /// Mark the answers as exported (no quit confirmation needed).
  case markExported
  /// Dismiss a message or overlay.
  case dismiss
  /// Resume the draft offered on start.
  case resumeDraft
  /// Discard the offered draft (start a new assessment), or the exported one on quitting.
  case discardDraft
  /// Quit and keep the draft.
  case keepDraftAndQuit
  /// Start a new assessment, leaving the listed drafts as they are.
  case newAssessment
}

/// The export formats offered from the UI.
public enum ExportKind: String, Hashable, Sendable, CaseIterable {
  case text
  case html
  case fhir
}

/// A message on the status line.
public struct StatusMessage: Hashable, Sendable {
  /// The text.
  public var text: String
  /// Whether it reports a failure (shown with the error role and an "Error:" prefix).
  public var isError: Bool
  /// A file path said after the text: never cut at its end; when the line is too narrow its
  /// middle is shortened (the folder), so the file name always shows in full.
  public var path: String?

  public init(_ text: String, isError: Bool = false, path: String? = nil) {
    self.text = text
    self.isError = isError
    self.path = path
  }

  /// The whole message on one line, path included, for line-by-line output (`--plain`).
  public var fullText: String { path.map { "\(text) \($0)" } ?? text }

  /// The message in at most three lines of at most `width` characters: one line when it fits;
  /// otherwise the text wrapped on up to two lines, and the path on a line of its own, its
  /// folder shortened in the middle when even that is too long (the file name is never cut).
  /// A failure starts with "Error: "; information never does.
  public func lines(width: Int) -> [String] {
    let width = max(width, 1)
    let head = (isError ? "Error: " : "") + text
    guard let path else {
      return head.count <= width ? [head] : wrapped(head, width: width, limit: 2)
    }
    if head.count + 1 + path.count <= width { return [head + " " + path] }
    // The label before the path ("Saved:") goes with it onto its own line.
    var text = head
    var label = ""
    if let space = head.lastIndex(of: " "), head.hasSuffix(":") {
      label = String(head[head.index(after: space)...]) + " "
      text = String(head[..<space])
    }
    if label.count * 2 > width { (text, label) = (head, "") }
    return wrapped(text, width: width, limit: 2)
      + [label + StatusMessage.shorten(path, to: width - label.count)]
  }

  /// `text` wrapped to `limit` lines; the last one ends with "..." when text is left over.
  private func wrapped(_ text: String, width: Int, limit: Int) -> [String] {
    var lines = TextWrap.lines(text, width: width)
    if lines.count > limit {
      lines = Array(lines.prefix(limit))
      let last = lines[limit - 1]
      lines[limit - 1] = String(last.prefix(max(0, width - 3))) + "..."
    }
    return lines
  }

  /// `path` in at most `width` characters: the start of the folder, "...", and the whole file
  /// name (only a file name longer than the line is cut, at its start).
  static func shorten(_ path: String, to width: Int) -> String {
    guard path.count > width else { return path }
    let name =
      path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init)
      ?? path
    let room = width - name.count - 4
    if room >= 1 { return String(path.prefix(room)) + ".../" + name }
    return "..." + String(name.suffix(max(0, width - 3)))
  }
}

/// Work for the runner to do after an update: the UI core never does I/O itself.
public enum Effect: Hashable, Sendable {
  /// Leave the program.
  case quit
  /// The answers changed: save the draft before reading the next key.
  case saveDraft
  /// Write the summary in this format.
  case export(ExportKind)
  /// Print the text summary.
  case print
  /// Suspend the process (Ctrl-Z), then redraw.
  case suspend
  /// Repaint every cell.
  case redraw
  /// Move the current assessment's draft to the trash.
  case discardDraft
  /// Take over the listed draft of this consultation (its lock) and release the others.
  case resumeDraft(String)
  /// Move the listed draft of this consultation to the trash.
  case discardOfferedDraft(String)
  /// Release the listed drafts, untouched (a new assessment starts).
  case declineDrafts
}
