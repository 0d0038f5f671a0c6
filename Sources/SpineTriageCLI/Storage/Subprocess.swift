import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// A child process run with an argument list, standard input from /dev/null, its standard
/// output and error read through pipes (bounded), under a time limit.
enum Subprocess {
  enum Result: Equatable {
    case failedToStart(Int32)
    case timedOut
    case finished(Int32, String, String)
  }

  /// The most output kept from each stream.
  static let limit = 64 * 1024

  /// How long a child may take to end after SIGTERM before it gets SIGKILL, in milliseconds.
  static let killGrace = 500

  /// Ends `pid`: SIGTERM, then SIGKILL if it has not ended within ``killGrace`` (a child that
  /// ignores SIGTERM never holds the caller up), then reaps it.
  static func stop(_ pid: pid_t) {
    kill(pid, SIGTERM)
    var status: Int32 = 0
    let deadline = Printer.monotonicMilliseconds() + killGrace
    while Printer.monotonicMilliseconds() < deadline {
      let reaped = waitpid(pid, &status, WNOHANG)
      if reaped == pid || (reaped < 0 && errno != EINTR) { return }
      var pause = timespec(tv_sec: 0, tv_nsec: 20_000_000)
      nanosleep(&pause, nil)
    }
    kill(pid, SIGKILL)
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  }

  /// Runs `arguments`; `input` (at most ``Printer/maxPipedBytes``) is its standard input
  /// through a pipe, written whole before it starts; otherwise /dev/null.
  static func run(_ arguments: [String], input: [UInt8]? = nil, timeout: Int) -> Result {
    var inPipe: [Int32] = [-1, -1]
    if let input {
      guard pipe(&inPipe) == 0 else { return .failedToStart(errno) }
      _ = fcntl(inPipe[0], F_SETFD, FD_CLOEXEC)
      _ = fcntl(inPipe[1], F_SETFD, FD_CLOEXEC)
      // The pipe's buffer (64 KiB) holds the whole document: this never blocks.
      let written = input.withUnsafeBufferPointer { StandardStreams.writeAll($0, to: inPipe[1]) }
      close(inPipe[1])
      guard written else {
        close(inPipe[0])
        return .failedToStart(EPIPE)
      }
    }
    defer { if inPipe[0] >= 0 { close(inPipe[0]) } }
    var outPipe: [Int32] = [-1, -1]
    var errPipe: [Int32] = [-1, -1]
    guard pipe(&outPipe) == 0 else { return .failedToStart(errno) }
    guard pipe(&errPipe) == 0 else {
      close(outPipe[0])
      close(outPipe[1])
      return .failedToStart(errno)
    }
    // Only the child's own ends, duplicated onto 1 and 2, stay open in it.
    for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if inPipe[0] >= 0 {
      posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    // The C locale: messages and listings in the words this code reads.
    var environment: [String] = []
    var index = 0
    while let entry = environ[index] {
      let text = String(cString: entry)
      if !text.hasPrefix("LC_ALL=") && !text.hasPrefix("LANGUAGE=") { environment.append(text) }
      index += 1
    }
    environment.append("LC_ALL=C")
    var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer { for pointer in envp { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, &envp)
    close(outPipe[1])
    close(errPipe[1])
    defer {
      close(outPipe[0])
      close(errPipe[0])
    }
    guard spawned == 0 else { return .failedToStart(spawned) }

    var output: [UInt8] = []
    var errors: [UInt8] = []
    var open = [true, true]
    let deadline = Printer.monotonicMilliseconds() + timeout * 1000
    while open[0] || open[1] {
      let left = deadline - Printer.monotonicMilliseconds()
      if left <= 0 {
        stop(pid)
        return .timedOut
      }
      var fds = [
        pollfd(fd: open[0] ? outPipe[0] : -1, events: Int16(POLLIN), revents: 0),
        pollfd(fd: open[1] ? errPipe[0] : -1, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, 2, Int32(min(left, 1000)))
      if ready < 0 && errno != EINTR { break }
      for (slot, fd) in [outPipe[0], errPipe[0]].enumerated() where open[slot] {
        guard fds[slot].revents != 0 else { continue }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
          if slot == 0 {
            if output.count < limit { output += chunk[..<count] }
          } else if errors.count < limit {
            errors += chunk[..<count]
          }
        } else if count == 0 || errno != EINTR {
          open[slot] = false
        }
      }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exited = (status & 0x7F) == 0
    let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return .finished(
      code, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
  }
}
