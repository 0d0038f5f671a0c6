#if canImport(Glibc)
  import Glibc
#endif

/// The token file and the client key: read only when no one else can read them.
///
/// Judged like a configuration file (``SettingsLoader``): opened first, then checked on the
/// descriptor with `fstat`, so what is checked is what is read (a file swapped between a check
/// by name and the open cannot slip through). It is opened without following a symbolic link
/// and without blocking (a FIFO or a device is refused at once, never waited on). It must be a
/// regular file owned by this user (or root, for a site-wide token installed by the
/// administrator) with no permission at all for group or others (mode 0600 or 0400): stricter
/// than a configuration, which others may read. Anything else is refused with one line naming
/// the setting, the file and what is wrong (exit 78); the secret is never printed. The bytes
/// are read from the checked descriptor: the key goes to libcurl from memory, never by name.
enum SecretFile {
  /// The largest token read.
  static let maxTokenSize = 16 << 10
  /// The largest client key read (PEM).
  static let maxKeySize = 64 << 10

  /// The bytes of `path`, checked on its descriptor; `setting` names it in the error.
  static func read(_ path: String, setting: String, maxSize: Int) throws(CLIFailure) -> [UInt8] {
    func refused(_ problem: String) -> CLIFailure {
      CLIFailure("\(setting) \(path): \(problem)", status: ExitStatus.config)
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW)
    guard descriptor >= 0 else {
      let code = errno
      if code == ELOOP { throw refused("is a symbolic link; name the file itself") }
      throw refused("cannot read: \(InputFile.describeErrno(code))")
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw refused("cannot read: \(InputFile.describeErrno(errno))")
    }
    if let problem = problem(info, path: path) { throw refused(problem) }
    guard Int(info.st_size) <= maxSize else { throw refused("too large for \(setting)") }
    let bytes: [UInt8]
    do {
      bytes = try InputFile.readAll(descriptor: descriptor, name: path)
    } catch {
      throw CLIFailure("\(setting) " + error.message, status: ExitStatus.config)
    }
    guard bytes.count <= maxSize else { throw refused("too large for \(setting)") }
    return bytes
  }

  /// What is wrong with the file `info` describes (from `fstat` on the open descriptor), or
  /// `nil` when it is private.
  static func problem(_ info: stat, path: String) -> String? {
    let kind = info.st_mode & S_IFMT
    guard kind == S_IFREG else {
      return "\(InputFile.describeKind(kind)); name a regular file"
    }
    guard info.st_uid == geteuid() || info.st_uid == 0 else {
      return "belongs to another user (uid \(info.st_uid)); it must be yours (or root's)"
    }
    let mode = info.st_mode & 0o7777
    guard mode & 0o077 == 0 else {
      return "others can read it (mode \(String(mode, radix: 8))); refused: run chmod 600 \(path)"
    }
    return nil
  }

  /// The token in `path` (`fhir_token_file`): checked, read, surrounding white space removed;
  /// never empty.
  static func token(_ path: String) throws(CLIFailure) -> String {
    let bytes = try read(path, setting: "fhir_token_file", maxSize: maxTokenSize)
    let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters { $0.isWhitespace }
    guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
    else {
      throw CLIFailure(
        "fhir_token_file \(path): expected one token of printable ASCII", status: ExitStatus.config)
    }
    return text
  }

  /// The client key in `path` (`fhir_client_key`, PEM): checked and read; libcurl takes these
  /// bytes, never the path.
  static func clientKey(_ path: String) throws(CLIFailure) -> [UInt8] {
    let bytes = try read(path, setting: "fhir_client_key", maxSize: maxKeySize)
    guard !bytes.isEmpty else {
      throw CLIFailure("fhir_client_key \(path): the file is empty", status: ExitStatus.config)
    }
    return bytes
  }
}

extension String {
  /// The string without leading and trailing characters matching `predicate`.
  fileprivate func trimmingCharacters(_ predicate: (Character) -> Bool) -> String {
    guard let first = firstIndex(where: { !predicate($0) }),
      let last = lastIndex(where: { !predicate($0) })
    else { return "" }
    return String(self[first...last])
  }
}
