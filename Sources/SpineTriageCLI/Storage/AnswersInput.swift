import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// Turns bytes into an answer sheet, with errors that name the file, line and key.
enum AnswersInput {
  /// `lenient` accepts more weeks of care than of symptoms (a draft saved mid-typing).
  /// `checksFuture` refuses a recorded moment later than now (beyond a few minutes of clock
  /// skew): on for every answers file; off for drafts, which this program wrote itself (a clock
  /// set back must not make a draft unreadable).
  static func sheet(
    from bytes: [UInt8], name: String, lenient: Bool = false, checksFuture: Bool = true
  ) throws(CLIFailure) -> AnswerSheet {
    do {
      return try AnswersCodec.decode(
        bytes, checksConsistency: !lenient, now: checksFuture ? Int(time(nil)) : nil)
    } catch let error as JSONSyntaxError {
      throw CLIFailure("\(name): invalid JSON at \(error)", status: ExitStatus.dataError)
    } catch let error as AnswersError {
      throw CLIFailure("\(name): \(error.key): \(error.message)", status: ExitStatus.dataError)
    } catch {
      throw CLIFailure("\(name): \(error)", status: ExitStatus.dataError)
    }
  }

  static func load(_ path: String, lenient: Bool = false) throws(CLIFailure) -> AnswerSheet {
    let bytes = try InputFile.read(path)
    return try sheet(from: bytes, name: path == "-" ? "standard input" : path, lenient: lenient)
  }
}
