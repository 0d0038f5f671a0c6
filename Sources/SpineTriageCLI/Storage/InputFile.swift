#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads input files and standard input, with errors that name the file and the problem.
public enum InputFile {
  /// The largest answers file accepted (a real one is under 4 KiB).
  public static let maxSize = 4 << 20

  /// Reads `path` (`-` for standard input) whole, up to ``maxSize`` bytes.
  public static func read(_ path: String) throws(CLIFailure) -> [UInt8] {
    if path == "-" { return try readAll(descriptor: 0, name: "standard input") }
    let descriptor = try openRegular(path)
    defer { close(descriptor) }
    var info = stat()
    if fstat(descriptor, &info) == 0 && Int(info.st_size) > maxSize {
      throw CLIFailure(
        "\(path): file too large (\(info.st_size) bytes; an answers file is at most \(maxSize >> 20) MiB)",
        status: ExitStatus.dataError)
    }
    return try readAll(descriptor: descriptor, name: path)
  }

  /// Opens `path` for reading, only if it is a regular file (following links). It is opened
  /// without blocking, so a FIFO without a writer or a device cannot hang the program, then
  /// checked with `fstat`: a folder, FIFO, socket or device is refused (exit 66). Returns a
  /// blocking descriptor.
  public static func openRegular(_ path: String) throws(CLIFailure) -> Int32 {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
    if descriptor < 0 {
      throw CLIFailure("\(path): cannot open: \(describeErrno(errno))", status: ExitStatus.noInput)
    }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let code = errno
      close(descriptor)
      throw CLIFailure("\(path): cannot read: \(describeErrno(code))", status: ExitStatus.noInput)
    }
    let kind = info.st_mode & S_IFMT
    guard kind == S_IFREG else {
      close(descriptor)
      throw CLIFailure(
        "\(path): \(describeKind(kind)), not an answers file (give a regular file, or - for standard input)",
        status: ExitStatus.noInput)
    }
    let flags = fcntl(descriptor, F_GETFL)
    if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
    return descriptor
  }

  /// What a file of this type is, in words.
  static func describeKind(_ kind: mode_t) -> String {
    switch kind {
    case S_IFDIR: "is a directory"
    case S_IFIFO: "is a FIFO (named pipe)"
    case S_IFSOCK: "is a socket"
    case S_IFCHR: "is a character device"
    case S_IFBLK: "is a block device"
    default: "is not a regular file"
    }
  }

  static func readAll(descriptor: Int32, name: String) throws(CLIFailure) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw CLIFailure(
          "\(name): cannot read: \(describeErrno(errno))", status: ExitStatus.noInput)
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > maxSize {
        throw CLIFailure(
          "\(name): input too large (more than \(maxSize >> 20) MiB; an answers file is a few KiB)",
          status: ExitStatus.dataError)
      }
    }
  }

  /// The text of an `errno` value.
  public static func describeErrno(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
