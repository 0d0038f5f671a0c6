import TriageEngine
import TriageFormats

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `evaluate --jsonl`: streams answers objects, one per line, to recommendations, one per line.
/// Memory stays flat: one read buffer, one line, one output buffer.
enum JSONLinesEvaluator {
  /// The longest line accepted.
  static let maxLine = 1 << 20

  /// Runs the stream; returns the exit status (0, or 65 if any line was bad).
  static func run(path: String) throws -> Int32 {
    let descriptor: Int32
    if path == "-" {
      descriptor = 0
    } else {
      do {
        descriptor = try InputFile.openRegular(path)
      } catch {
        throw error.exit()
      }
    }
    defer { if descriptor != 0 { close(descriptor) } }

    var output = BufferedOutput(descriptor: 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var line: [UInt8] = []
    line.reserveCapacity(4096)
    var lineNumber = 0
    var bad = 0
    var firstBad = 0
    var overlong = false

    func finish(_ line: [UInt8]) {
      lineNumber += 1
      if overlong {
        overlong = false
        report(lineNumber, key: nil, "line longer than \(maxLine >> 20) MiB")
        return
      }
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
      do {
        // The common shape takes the fast path; anything else gets the full decoder, which
        // names the error.
        let sheet = try AnswersFastDecoder.decode(line) ?? AnswersCodec.decode(line)
        output.write(bytes: RecommendationJSON.compactBytes(TriageEngine.evaluate(sheet.answers)))
        output.write("\n")
      } catch let error as JSONSyntaxError {
        report(lineNumber, key: nil, "invalid JSON at column \(error.column): \(error.message)")
      } catch let error as AnswersError {
        report(lineNumber, key: error.key, error.message)
      } catch {
        report(lineNumber, key: nil, "\(error)")
      }
    }
    func report(_ number: Int, key: String?, _ message: String) {
      bad += 1
      if firstBad == 0 { firstBad = number }
      var members: [(key: String, value: JSONValue)] = [("line", .number(String(number)))]
      // Short objects whatever the input: the message and the key are cut (never a megabyte).
      members.append(("error", .string(AnswersError.printable(message, limit: 200))))
      if let key { members.append(("key", .string(AnswersError.printable(key)))) }
      output.write(JSONWriter.string(.object(members), pretty: false))
      output.write("\n")
    }

    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        output.flush()
        throw CLIFailure(
          "\(path == "-" ? "standard input" : path): cannot read: \(InputFile.describeErrno(errno))",
          status: ExitStatus.noInput
        ).exit()
      }
      if count == 0 { break }
      // Stop at the first failed write (a closed pipe with SIGPIPE ignored, a full disk):
      // reading on would only burn the rest of the input.
      if output.failed { break }
      var start = 0
      for i in 0..<count where chunk[i] == 0x0A {
        if output.failed { break }
        if !overlong { line.append(contentsOf: chunk[start..<i]) }
        finish(line)
        line.removeAll(keepingCapacity: true)
        start = i + 1
      }
      if start < count && !overlong {
        line.append(contentsOf: chunk[start..<count])
        if line.count > maxLine {
          overlong = true
          line.removeAll(keepingCapacity: true)
        }
      }
    }
    if (!line.isEmpty || overlong) && !output.failed { finish(line) }
    output.flush()
    if output.failed {
      throw CLIFailure(
        "standard output: write failed: \(AtomicFile.reason(output.failureCode)); stopped",
        status: ExitStatus.ioError
      ).exit()
    }
    if bad > 0 {
      StandardStreams.writeError(
        "spine-triage: \(bad) of \(lineNumber) lines had errors (first: line \(firstBad))\n")
      return ExitStatus.dataError
    }
    return 0
  }
}
