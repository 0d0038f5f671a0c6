#if canImport(Glibc)
  import Glibc
#endif

/// The operating-system user running the program: recorded with the clinician as the author of
/// an export (FHIR) and in the audit trail.
enum OperatingSystemUser {
  /// The login name of the effective user, or `uid <n>` when the account has no name.
  static var name: String {
    let uid = geteuid()
    guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
    let text = String(cString: name)
    return text.isEmpty ? "uid \(uid)" : text
  }
}
