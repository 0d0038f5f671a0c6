import TriageFormats

/// Turns bytes into an answer sheet, with errors that name the file, line and key.
enum AnswersInput {
  /// `lenient` accepts more weeks of care than of symptoms (a draft saved mid-typing).
  /// `now` (ISO 8601 with an offset) is the time a recorded time may not be after.
  static func sheet(
    from bytes: [UInt8], name: String, lenient: Bool = false, now: String = SystemClock.iso8601()
  ) throws(CLIFailure) -> AnswerSheet
  {
    let sheet: AnswerSheet
    do {
      sheet = try AnswersCodec.decode(bytes, checksConsistency: !lenient)
    } catch let error as JSONSyntaxError {
      throw CLIFailure("\(name): invalid JSON at \(error)", status: ExitStatus.dataError)
    } catch let error as AnswersError {
      throw CLIFailure("\(name): \(error.key): \(error.message)", status: ExitStatus.dataError)
    } catch {
      throw CLIFailure("\(name): \(error)", status: ExitStatus.dataError)
    }
    // A time in the future is bad data: a deadline counted from it would show hours not there.
    if let (key, value) = sheet.futureTimes(now: now).first {
      throw CLIFailure(
        "\(name): \(key): \(value) is in the future (now \(now))", status: ExitStatus.dataError)
    }
    return sheet
  }

  static func load(_ path: String, lenient: Bool = false) throws(CLIFailure) -> AnswerSheet {
    let bytes = try InputFile.read(path)
    return try sheet(from: bytes, name: path == "-" ? "standard input" : path, lenient: lenient)
  }
}
