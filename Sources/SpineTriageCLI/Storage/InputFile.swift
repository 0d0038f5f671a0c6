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
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0 {
      throw CLIFailure("\(path): cannot open: \(describeErrno(errno))", status: ExitStatus.noInput)
    }
    defer { close(descriptor) }
    var info = stat()
    if fstat(descriptor, &info) == 0 {
      if (info.st_mode & S_IFMT) == S_IFDIR {
        throw CLIFailure("\(path): is a directory, not an answers file", status: ExitStatus.noInput)
      }
      if (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) > maxSize {
        throw CLIFailure(
          "\(path): file too large (\(info.st_size) bytes; an answers file is at most \(maxSize >> 20) MiB)",
          status: ExitStatus.dataError)
      }
    }
    return try readAll(descriptor: descriptor, name: path)
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
