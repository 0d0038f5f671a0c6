#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive advisory lock (`flock`) on a lock file, held until ``release()`` or the end of
/// the process (the kernel drops it when the descriptor closes, also after SIGKILL).
///
/// A lock file may be removed by its holder; a waiter that opened the old file before it was
/// removed would then hold a lock on a file nobody else sees. So after `flock` succeeds the lock
/// checks that the path still names the file it locked, and tries again if not.
final class FileLock {
  /// The lock file.
  let path: String
  private var descriptor: Int32

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
  }

  deinit { release() }

  /// The outcome of trying to take a lock.
  enum Attempt {
    case acquired(FileLock)
    /// Another process holds it.
    case busy
    /// The lock file could not be opened or created (the reason in words).
    case failed(String)
  }

  /// Tries once (never waits) to take the lock at `path`, creating the file (0600) if needed.
  static func tryAcquire(_ path: String) -> Attempt {
    for _ in 0..<8 {
      let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
      guard descriptor >= 0 else { return .failed(AtomicFile.reason(errno)) }
      if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
        let code = errno
        close(descriptor)
        if code == EWOULDBLOCK || code == EAGAIN { return .busy }
        if code == EINTR { continue }
        return .failed(InputFile.describeErrno(code))
      }
      // Still the file at `path`? (Its holder may have removed it meanwhile.)
      var held = stat()
      var named = stat()
      if fstat(descriptor, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev,
        held.st_ino == named.st_ino
      {
        return .acquired(FileLock(path: path, descriptor: descriptor))
      }
      close(descriptor)
    }
    return .busy
  }

  /// Whether another process holds the lock at `path` (an absent lock file is not held): the
  /// read-only drafts list says "in use" without taking the lock itself.
  static func isHeldElsewhere(_ path: String) -> Bool {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    if flock(descriptor, LOCK_SH | LOCK_NB) != 0 { return errno == EWOULDBLOCK || errno == EAGAIN }
    flock(descriptor, LOCK_UN)
    return false
  }

  /// Removes the lock file while still holding it, then releases the lock.
  func removeAndRelease() {
    guard descriptor >= 0 else { return }
    unlink(path)
    release()
  }

  /// Releases the lock (idempotent).
  func release() {
    guard descriptor >= 0 else { return }
    close(descriptor)
    descriptor = -1
  }
}
