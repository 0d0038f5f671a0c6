#if canImport(Glibc)
  import Glibc
#endif

/// Writes files atomically: a temporary file in the same folder (mode 0600), fsync, then a
/// rename (to replace) or a hard link (never overwriting), then fsync of the folder. A failure
/// leaves nothing half-written.
public enum AtomicFile {
  /// Writes `bytes` to `path` with `mode` (0600 unless said). With `replace: false` an existing
  /// file is never touched and the call fails with an error naming it.
  public static func write(
    _ bytes: [UInt8], to path: String, replace: Bool, mode: mode_t = 0o600
  ) throws(CLIFailure) {
    if !replace, try writeUnnamed(bytes, to: path, mode: mode) { return }
    let folder = AppDirectories.parent(of: path)
    let name = path.split(separator: "/").last.map(String.init) ?? "file"
    let temporary = "\(folder)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw failure(errno, creating: path)
    }
    var ok = bytes.withUnsafeBufferPointer { StandardStreams.writeAll($0, to: descriptor) }
    var code = ok ? 0 : errno
    if ok && fchmod(descriptor, mode) != 0 { (ok, code) = (false, errno) }
    if ok && fsync(descriptor) != 0 { (ok, code) = (false, errno) }
    if close(descriptor) != 0 && ok { (ok, code) = (false, errno) }
    guard ok else {
      unlink(temporary)
      throw failure(code, writing: path)
    }
    if replace {
      if rename(temporary, path) != 0 {
        let code = errno
        unlink(temporary)
        throw failure(code, creating: path)
      }
    } else {
      if link(temporary, path) != 0 {
        let code = errno
        unlink(temporary)
        if code == EEXIST {
          throw CLIFailure(
            "\(path): already exists; not overwritten (choose another name or remove it)",
            status: ExitStatus.cannotCreate)
        }
        throw failure(code, creating: path)
      }
      unlink(temporary)
    }
    syncFolder(folder)
  }

  /// `O_TMPFILE` (Linux): an unnamed file in a folder, which no one can see and which
  /// vanishes with the process.
  static let temporaryFileFlag: Int32 = 0o20_000_000 | O_DIRECTORY

  /// A new file (never replacing one) written as an unnamed file (`O_TMPFILE`) and linked
  /// into place only when complete, through `/proc/self/fd` (`linkat` fails if the name
  /// exists): a `kill -9` at any moment leaves nothing, not even a hidden temporary file
  /// with the summary. Returns false when the file system or kernel cannot do it (no
  /// `O_TMPFILE`, no /proc), and the caller uses a named temporary file instead.
  static func writeUnnamed(_ bytes: [UInt8], to path: String, mode: mode_t) throws(CLIFailure)
    -> Bool
  {
    let folder = AppDirectories.parent(of: path)
    let descriptor = open(folder, temporaryFileFlag | O_WRONLY | O_CLOEXEC, mode)
    guard descriptor >= 0 else {
      let code = errno
      if code == EOPNOTSUPP || code == EISDIR || code == EINVAL {
        return false
      }
      throw failure(code, creating: path)
    }
    var ok = bytes.withUnsafeBufferPointer { StandardStreams.writeAll($0, to: descriptor) }
    var code = ok ? 0 : errno
    if ok && fchmod(descriptor, mode) != 0 { (ok, code) = (false, errno) }
    if ok && fsync(descriptor) != 0 { (ok, code) = (false, errno) }
    guard ok else {
      close(descriptor)
      throw failure(code, writing: path)
    }
    let linked = linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW)
    let linkError = errno
    close(descriptor)
    guard linked == 0 else {
      if linkError == EEXIST {
        throw CLIFailure(
          "\(path): already exists; not overwritten (choose another name or remove it)",
          status: ExitStatus.cannotCreate)
      }
      // No /proc: fall back to a named temporary file.
      if linkError == ENOENT && !exists("/proc/self/fd") { return false }
      throw failure(linkError, creating: path)
    }
    syncFolder(folder)
    return true
  }

  /// Whether something exists at `path` (a file, folder or link, even a dangling one).
  public static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  static func syncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  static func failure(_ code: Int32, creating path: String) -> CLIFailure {
    let status =
      code == ENOSPC || code == EDQUOT || code == EIO ? ExitStatus.ioError : ExitStatus.cannotCreate
    return CLIFailure("\(path): cannot create: \(reason(code))", status: status)
  }

  static func failure(_ code: Int32, writing path: String) -> CLIFailure {
    CLIFailure(
      "\(path): write failed: \(reason(code)); nothing was written", status: ExitStatus.ioError)
  }

  static func reason(_ code: Int32) -> String {
    switch code {
    case EROFS: "the folder is on a read-only file system"
    case EACCES, EPERM: "permission denied (read-only folder?)"
    case ENOSPC, EDQUOT: "no space left on the device (disk full)"
    case ENOENT: "the folder does not exist"
    case ENOTDIR: "a part of the path is not a folder"
    default: InputFile.describeErrno(code)
    }
  }
}
