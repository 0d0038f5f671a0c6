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
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
      if descriptor < 0 {
        throw CLIFailure(
          "\(path): cannot open: \(InputFile.describeErrno(errno))", status: ExitStatus.noInput
        ).exit()
      }
      var info = stat()
      if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
        close(descriptor)
        throw CLIFailure("\(path): is a directory, not an answers file", status: ExitStatus.noInput)
          .exit()
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
      members.append(("error", .string(message)))
      if let key { members.append(("key", .string(key))) }
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
      var start = 0
      for i in 0..<count where chunk[i] == 0x0A {
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
    if !line.isEmpty || overlong { finish(line) }
    output.flush()
    if output.failed {
      throw CLIFailure("standard output: write failed", status: ExitStatus.ioError).exit()
    }
    if bad > 0 {
      StandardStreams.writeError(
        "spine-triage: \(bad) of \(lineNumber) lines had errors (first: line \(firstBad))\n")
      return ExitStatus.dataError
    }
    return 0
  }
}
