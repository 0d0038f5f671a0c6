#if canImport(Glibc)
  import Glibc
#endif

/// Writes files atomically: a temporary file in the same folder (mode 0600), fsync, then a
/// rename (to replace) or a hard link (never overwriting), then fsync of the folder. A failure
/// leaves nothing half-written.
public enum AtomicFile {
  /// Writes `bytes` to `path`. With `replace: false` an existing file is never touched and the
  /// call fails with an error naming it.
  public static func write(_ bytes: [UInt8], to path: String, replace: Bool) throws(CLIFailure) {
    let folder = AppDirectories.parent(of: path)
    let name = path.split(separator: "/").last.map(String.init) ?? "file"
    let temporary = "\(folder)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw failure(errno, creating: path)
    }
    var ok = bytes.withUnsafeBufferPointer { StandardStreams.writeAll($0, to: descriptor) }
    var code = ok ? 0 : errno
    if ok && fchmod(descriptor, 0o600) != 0 { (ok, code) = (false, errno) }
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
