import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// The audit trail: one syslog record (tag `spine-triage`, facility authpriv; journald keeps
/// it: `journalctl -t spine-triage`) per export, print, submit attempt, draft discard, purge
/// and outbox discard, saying who (the operating-system user and the clinician field), which consultation,
/// what, to where, and how it ended:
///
///     action=submit result=sent user=asmith clinician="Dr Ada" consultation=5a1c0e2f-...
///       target="server https://fhir.example/r4 resources QuestionnaireResponse/12 (created), ..."
///
/// Never a clinical answer, never the patient identifier (the consultation id stands for the
/// patient; the EHR maps it back). Sent as a datagram to `/dev/log`; a missing or full log
/// socket never stops the action (the record is lost, the action is not).
enum AuditLog {
  /// The log socket.
  static let defaultSocket = "/dev/log"
  /// FOR TESTS ONLY: another datagram socket to send the records to (the tests read them there
  /// instead of the system log). Not a setting: never set it on a terminal.
  static let testSocketVariable = "SPINE_TRIAGE_TEST_LOG_SOCKET"

  /// How an action ended.
  enum Outcome {
    case ok(String)
    case failed(String)
  }

  /// Sends one record.
  static func record(
    _ action: String, outcome: Outcome, consultation: String?, clinician: String?,
    target: String
  ) {
    let (result, failed): (String, Bool) =
      switch outcome {
      case .ok(let word): (word, false)
      case .failed(let word): (word, true)
      }
    let message =
      "action=\(action) result=\(quoted(result)) user=\(quoted(OperatingSystemUser.name))"
      + " clinician=\(quoted(clinician ?? "-")) consultation=\(consultation ?? "-")"
      + " target=\(quoted(target))"
    send(message, severity: failed ? 4 : 6)
  }

  /// An export of `sheet` to `target` (a file, or standard output).
  static func exported(
    _ kind: String, sheet: AnswerSheet, target: String, failure: String? = nil
  ) {
    record(
      "export", outcome: failure.map { .failed("failed: " + $0) } ?? .ok("saved"),
      consultation: sheet.consultationID, clinician: sheet.clinician,
      target: "\(kind) \(target)")
  }

  /// A print of `path` on `queue` (nil: lp's default destination); a nil `path`: the summary
  /// went to lp through a pipe, no copy saved.
  static func printed(
    _ outcome: Printer.Outcome, queue: String?, path: String?, sheet: AnswerSheet
  ) {
    let queueName = "queue " + (queue ?? "(default)")
    let (result, job): (Outcome, String?) =
      switch outcome {
      case .sent(let job): (.ok("sent to the printer"), job)
      case .queued(let job): (.ok("queued"), job)
      case .held(let job, let reason): (.failed("held: " + reason), job)
      case .failed(let reason): (.failed("failed: " + reason), nil)
      }
    record(
      "print", outcome: result, consultation: sheet.consultationID, clinician: sheet.clinician,
      target: queueName + (job.map { " job \($0)" } ?? "")
        + (path.map { " file " + $0 } ?? " (no copy saved)"))
  }

  /// `text` as a value: bare when it is one plain word, else in double quotes with `"` and `\`
  /// escaped; control characters become spaces; at most 400 characters.
  static func quoted(_ text: String) -> String {
    var clean = ""
    for scalar in text.unicodeScalars.prefix(400) {
      clean.unicodeScalars.append(
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
          ? " " : scalar)
    }
    let plain =
      !clean.isEmpty
      && clean.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || "-_./:@".unicodeScalars.contains($0)
      }
    if plain { return clean }
    return "\""
      + clean.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
  }

  /// The socket's path: the test socket when the variable names one, else /dev/log.
  static var socketPath: String {
    if let value = getenv(testSocketVariable), value.pointee != 0 { return String(cString: value) }
    return defaultSocket
  }

  /// Sends `message` with facility authpriv (10) and `severity` (6 info, 4 warning), in the
  /// format glibc's syslog uses: `<PRI>Mmm dd hh:mm:ss spine-triage[PID]: message`.
  static func send(_ message: String, severity: Int) {
    let priority = 10 * 8 + severity
    let stamp = SystemClock.format("%b %e %H:%M:%S", time(nil))
    let line = "<\(priority)>\(stamp) spine-triage[\(getpid())]: \(message)"
    let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let path = Array(socketPath.utf8)
    guard path.count < MemoryLayout.size(ofValue: address.sun_path) else { return }
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      for (index, byte) in path.enumerated() { raw[index] = byte }
    }
    let bytes = Array(line.utf8)
    _ = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
        sendto(
          descriptor, bytes, bytes.count, Int32(MSG_DONTWAIT), socketAddress,
          socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
  }
}

extension String {
  /// Every `target` replaced by `replacement` (no Foundation here).
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self {
      if character == target { out += replacement } else { out.append(character) }
    }
    return out
  }
}
