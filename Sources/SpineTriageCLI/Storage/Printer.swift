import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// Sends a file to the print system with `lp`, spawned with an argument list (never a shell),
/// its output discarded so it cannot disturb the screen, and a time limit.
public enum Printer {
  /// The outcome of a print request.
  public enum Outcome: Equatable {
    case queued
    /// No print system answered; the reason in words.
    case unavailable(String)
  }

  /// Runs `lp [-d destination] [-o media=...] -- path` (or `command` for tests) and waits up to
  /// `timeout` seconds. `destination` is a validated queue name (``Settings/printer``).
  public static func print(
    _ path: String, destination: String? = nil, paper: PaperSize = .any, command: String = "lp",
    timeout: Int = 10
  ) -> Outcome {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var arguments = [command]
    if let destination { arguments += ["-d", destination] }
    switch paper {
    case .a4: arguments += ["-o", "media=A4"]
    case .letter: arguments += ["-o", "media=Letter"]
    case .any: break
    }
    arguments += ["--", path]
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, command, &actions, nil, &argv, environ)
    guard spawned == 0 else {
      return .unavailable(
        spawned == ENOENT
          ? "\(command) is not installed"
          : "cannot run \(command): \(InputFile.describeErrno(spawned))")
    }
    var status: Int32 = 0
    for _ in 0..<(timeout * 20) {
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid {
        let exited = (status & 0x7F) == 0
        let code = (status >> 8) & 0xFF
        if exited && code == 0 { return .queued }
        return .unavailable(
          exited
            ? "\(command) failed (exit status \(code)): no print system answered"
            : "\(command) was stopped by a signal")
      }
      if result < 0 && errno != EINTR {
        return .unavailable("\(command): \(InputFile.describeErrno(errno))")
      }
      var pause = timespec(tv_sec: 0, tv_nsec: 50_000_000)
      nanosleep(&pause, nil)
    }
    kill(pid, SIGTERM)
    waitpid(pid, &status, 0)
    return .unavailable("\(command) did not answer within \(timeout) seconds")
  }
}
