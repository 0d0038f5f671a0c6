import ArgumentParser
import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// The program's exit statuses (BSD sysexits), documented in README.md.
public enum ExitStatus {
  /// Success.
  public static let ok: Int32 = 0
  /// Bad usage: unknown option, missing argument (EX_USAGE).
  public static let usage: Int32 = 64
  /// Bad data: malformed JSON, wrong type, unknown identifier, out-of-range number (EX_DATAERR).
  public static let dataError: Int32 = 65
  /// An input file that cannot be read: missing, a directory, no permission (EX_NOINPUT).
  public static let noInput: Int32 = 66
  /// No terminal that curses can use (EX_UNAVAILABLE).
  public static let unavailable: Int32 = 69
  /// An output file that cannot be created: exists, read-only folder (EX_CANTCREAT).
  public static let cannotCreate: Int32 = 73
  /// A write failed: disk full, I/O error (EX_IOERR).
  public static let ioError: Int32 = 74
  /// Not sent yet: the server could not be reached or asked to try later; the assessment waits
  /// in the outbox (EX_TEMPFAIL).
  public static let tempFail: Int32 = 75
  /// The FHIR server refused the assessment (a 4xx); kept in the outbox (EX_PROTOCOL).
  public static let refused: Int32 = 76
  /// A bad configuration file or setting: unknown key, bad value (EX_CONFIG).
  public static let config: Int32 = 78
}

extension StandardStreams {
  /// Writes `text` to standard output; a failed write (disk full, closed pipe) exits 74 with a
  /// message.
  static func writeOutputOrFail(_ text: String) throws {
    guard writeOutput(text) else {
      throw CLIFailure(
        "standard output: write failed: \(AtomicFile.reason(errno))", status: ExitStatus.ioError
      ).exit()
    }
  }
}
