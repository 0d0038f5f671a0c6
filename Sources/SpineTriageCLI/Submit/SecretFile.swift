#if canImport(Glibc)
  import Glibc
#endif

/// The token file (and the client key): read only when no one else can read them.
///
/// A secret file must be a regular file owned by this user (or root, for a site-wide token
/// installed by the administrator), not readable or writable by group or others (mode 0600 or
/// 0400), and not a symbolic link. Anything else is refused with one line naming the file and
/// what to do; the secret is never printed.
enum SecretFile {
  /// The largest token read.
  static let maxSize = 16 << 10

  /// Checks `path`; returns the problem in words, or `nil` when it is private.
  static func problem(_ path: String) -> String? {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      return "\(path): cannot read: \(InputFile.describeErrno(errno))"
    }
    if (info.st_mode & S_IFMT) == S_IFLNK {
      return "\(path): is a symbolic link; name the file itself"
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else { return "\(path): is not a regular file" }
    guard info.st_uid == geteuid() || info.st_uid == 0 else {
      return "\(path): belongs to another user; it must be yours (or root's)"
    }
    let mode = info.st_mode & 0o777
    guard mode & 0o077 == 0 else {
      return "\(path): others can read it (mode \(String(mode, radix: 8))); refused:"
        + " run chmod 600 \(path)"
    }
    return nil
  }

  /// The token in `path`: checked, read, surrounding white space removed; never empty.
  static func token(_ path: String) throws(CLIFailure) -> String {
    if let problem = problem(path) {
      throw CLIFailure("fhir_token_file " + problem, status: ExitStatus.config)
    }
    let bytes: [UInt8]
    do {
      bytes = try InputFile.read(path)
    } catch {
      throw CLIFailure("fhir_token_file " + error.message, status: ExitStatus.config)
    }
    guard bytes.count <= maxSize else {
      throw CLIFailure("fhir_token_file \(path): too large for a token", status: ExitStatus.config)
    }
    let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters { $0.isWhitespace }
    guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
    else {
      throw CLIFailure(
        "fhir_token_file \(path): expected one token of printable ASCII", status: ExitStatus.config)
    }
    return text
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
