import CProcess
import Dispatch
import TriageEngine
import TriageFormats

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `evaluate --jsonl`: streams answers objects, one per line, to recommendations, one per line,
/// in input order. Lines are split with `memchr` and evaluated in batches, on `jobs` threads
/// when there is more than one, each thread writing its lines' recommendations into its own
/// reused stream. Memory stays flat: one read buffer, one batch of lines and its results, the
/// threads' streams, one output buffer.
enum JSONLinesEvaluator {
  /// The longest line accepted.
  static let maxLine = 1 << 20
  /// Lines per batch: enough to keep every thread busy, small enough to stay flat. (256 lines a
  /// thread missed the simulated last-level cache a quarter as often and halved the peak memory,
  /// but took as long on one core and 8% longer on two: kept at 2,048.)
  static let batchLines = 2048

  /// What one line gave.
  enum LineResult {
    case blank
    /// The recommendation and its line feed, written into the worker's stream up to `end`
    /// (from where the previous line of that worker ended).
    case recommendation(end: Int)
    case error(key: String?, message: String)
  }

  /// A worker's output stream, kept from batch to batch (its memory grows once). Only its own
  /// thread writes it while a batch is evaluated, and the batch's thread reads it after:
  /// accesses never overlap, so they are not checked at run time.
  final class Stream: @unchecked Sendable {
    @exclusivity(unchecked) var bytes = CompactJSONStream()
  }

  /// The cores this process may run on (its CPU affinity), at least 1.
  static var coresAvailable: Int { Int(spine_cores_available()) }

  /// Evaluates one line into `stream`; `now` (seconds since 1970) is the moment no recorded
  /// time may be after.
  static func evaluate(
    _ line: UnsafeBufferPointer<UInt8>, overlong: Bool, now: Int, into stream: Stream
  ) -> LineResult {
    if overlong { return .error(key: nil, message: "line longer than \(maxLine >> 20) MiB") }
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .blank }
    do {
      // The common shape takes the fast path (straight from the batch's bytes); anything else
      // gets the full decoder, which names the error.
      let answers =
        try AnswersFastDecoder.answers(line) ?? AnswersCodec.decode(Array(line), now: now).answers
      return .recommendation(end: stream.bytes.append(TriageEngine.evaluate(answers), line: true))
    } catch let error as JSONSyntaxError {
      return .error(key: nil, message: "invalid JSON at column \(error.column): \(error.message)")
    } catch let error as AnswersError {
      return .error(key: error.key, message: error.message)
    } catch {
      return .error(key: nil, message: "\(error)")
    }
  }

  /// Runs the stream with `jobs` threads (the cores available when `nil`); returns the exit
  /// status (0, or 65 if any line was bad).
  static func run(path: String, jobs: Int? = nil) throws -> Int32 {
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
    let jobs = max(1, jobs ?? coresAvailable)

    var output = BufferedOutput(descriptor: 1)
    // The read buffer, as memory of its own: the lines are split in the loop itself, not in a
    // closure (a closure calling `endLine` would have every line's changes to the batch checked
    // for overlapping access at run time).
    let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 16)
    defer { chunk.deallocate() }
    /// The batch: every line's bytes end to end, each line's end, whether it was too long.
    var batch: [UInt8] = []
    batch.reserveCapacity(1 << 20)
    var ends: [Int] = []
    var overlongLines: [Bool] = []
    ends.reserveCapacity(batchLines)
    var lineStart = 0
    var overlong = false
    var lineNumber = 0
    var bad = 0
    var firstBad = 0
    // Recorded moments may not be in the future (read once: a stream is judged at its start).
    let now = Int(time(nil))

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

    /// One output stream per thread, reused by every batch.
    let streams = (0..<jobs).map { _ in Stream() }

    /// Evaluates the lines of the batch (in parallel when `jobs` > 1, each thread on a run of
    /// consecutive lines into its own stream) and writes the results in input order.
    func flushBatch() {
      let count = ends.count
      guard count > 0 else { return }
      var results = [LineResult](repeating: .blank, count: count)
      let parallel = jobs > 1 && count >= 2 * jobs
      // The lines of thread `worker` are `worker * per ..< (worker + 1) * per`.
      let per = parallel ? (count + jobs - 1) / jobs : count
      batch.withUnsafeBufferPointer { bytes in
        func line(_ index: Int) -> UnsafeBufferPointer<UInt8> {
          let start = index == 0 ? 0 : ends[index - 1]
          return UnsafeBufferPointer(rebasing: bytes[start..<ends[index]])
        }
        if !parallel {
          for index in 0..<count {
            results[index] = evaluate(
              line(index), overlong: overlongLines[index], now: now, into: streams[0])
          }
        } else {
          results.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            nonisolated(unsafe) let lines = (0..<count).map(line)
            let overlong = overlongLines
            DispatchQueue.concurrentPerform(iterations: jobs) { worker in
              for index in (worker * per)..<min(count, (worker + 1) * per) {
                slots[index] = evaluate(
                  lines[index], overlong: overlong[index], now: now, into: streams[worker])
              }
            }
          }
        }
      }
      // Where each thread's next recommendation starts in its stream. Consecutive lines of one
      // thread lie end to end in its stream: they are written as one run, from the stream.
      var starts = [Int](repeating: 0, count: jobs)
      var run = (worker: 0, start: 0, end: 0)
      func writeRun() {
        guard run.end > run.start else { return }
        streams[run.worker].bytes.withBytes(from: run.start, to: run.end) {
          output.write(bytes: $0)
        }
        run.start = run.end
      }
      for (index, result) in results.enumerated() {
        lineNumber += 1
        switch result {
        case .blank: break
        case .recommendation(let end):
          let worker = index / per
          if worker != run.worker || starts[worker] != run.end {
            writeRun()
            run = (worker, starts[worker], starts[worker])
          }
          run.end = end
          starts[worker] = end
        case .error(let key, let message):
          writeRun()
          report(lineNumber, key: key, message)
        }
        if output.failed { break }
      }
      writeRun()
      for stream in streams { stream.bytes.removeAll() }
      batch.removeAll(keepingCapacity: true)
      ends.removeAll(keepingCapacity: true)
      overlongLines.removeAll(keepingCapacity: true)
      lineStart = 0
    }

    func endLine() {
      ends.append(batch.count)
      overlongLines.append(overlong)
      overlong = false
      lineStart = batch.count
      if ends.count == batchLines { flushBatch() }
    }

    while true {
      let count = read(descriptor, chunk.baseAddress, chunk.count)
      if count < 0 {
        if errno == EINTR { continue }
        flushBatch()
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
      let base = UnsafePointer(chunk.baseAddress.unsafelyUnwrapped)
      var start = 0
      while start < count {
        let rest = count - start
        let found = memchr(base + start, 0x0A, rest)
        let end =
          found.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) - base } ?? count
        if !overlong {
          batch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
        }
        if found == nil {
          // A line that goes on past this chunk and is already too long is dropped.
          if !overlong && batch.count - lineStart > maxLine {
            overlong = true
            batch.removeSubrange(lineStart...)
          }
          break
        }
        endLine()
        start = end + 1
      }
      if output.failed { break }
    }
    if (batch.count > lineStart || overlong) && !output.failed { endLine() }
    flushBatch()
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
