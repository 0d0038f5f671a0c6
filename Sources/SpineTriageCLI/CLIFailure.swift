import ArgumentParser
import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// A failure to report as one line on standard error, with its exit status.
public struct CLIFailure: Error, CustomStringConvertible {
  /// The message (without the program name).
  public let message: String
  /// The exit status.
  public let status: Int32

  public init(_ message: String, status: Int32) {
    self.message = message
    self.status = status
  }

  public var description: String { message }

  /// Prints the message on standard error and turns it into an `ExitCode`.
  func exit() -> ExitCode {
    StandardStreams.writeError("spine-triage: \(CLIFailure.printable(message))\n")
    return ExitCode(status)
  }

  /// `text` safe for one line on a terminal: control characters escaped, at most 300 characters.
  static func printable(_ text: String) -> String { AnswersError.printable(text, limit: 300) }
}
