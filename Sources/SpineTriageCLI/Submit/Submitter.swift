import TriageEngine
import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// Sends outbox entries to the FHIR server and records how each try ended.
///
/// - 2xx with a transaction-response: sent; the entry keeps the server's resource ids and drops
///   the Bundle. (Conditional creates: a resend finds the resources, "200 OK", and creates
///   nothing.)
/// - No response (connection refused, timeout, TLS failure), 5xx, 429 or 408: waiting; the next
///   automatic try is due after a backoff of 1, 2, 4 ... minutes, at most 6 hours.
/// - Any other status (4xx, a 3xx redirect, a 2xx that is not a transaction-response): refused,
///   with the status and the server's reason (its OperationOutcome); never retried on its own.
struct Submitter {
  let outbox: Outbox
  let client: HTTPClient
  /// The longest wait between automatic tries, in seconds.
  static let maxBackoff = 6 * 3600

  /// The wait after `tries` failed tries: 60 s doubled each time, at most ``maxBackoff``.
  static func backoff(afterTries tries: Int) -> Int {
    min(maxBackoff, 60 << min(max(tries - 1, 0), 16))
  }

  /// Tries to send `entry` now (holding its lock); returns the entry as saved, or `nil` when
  /// another process is sending it.
  func attempt(_ entry: OutboxEntry) throws(CLIFailure) -> OutboxEntry? {
    guard let lock = try outbox.lock(entry.consultationID) else { return nil }
    defer { lock.release() }
    // Re-read under the lock: another process may have sent it meanwhile.
    guard var current = try outbox.entry(entry.consultationID) else { return nil }
    guard current.state != .sent, let bundle = current.bundle else { return current }
    let now = time(nil)
    current.tries += 1
    current.lastTry = SystemClock.iso8601(now)
    let reply = client.post(Array(bundle.utf8), to: current.server)
    apply(reply, to: &current, now: Int(now), withheld: Submitter.patientIdentifiers(bundle))
    try outbox.save(current)
    Submitter.audit(current)
    return current
  }

  /// The audit record of one try (resource ids, never the Bundle).
  static func audit(_ entry: OutboxEntry) {
    let outcome: AuditLog.Outcome =
      switch entry.state {
      case .sent: .ok("sent")
      case .waiting: .failed("waiting: " + (entry.reason ?? ""))
      case .refused: .failed("refused: " + (entry.reason ?? ""))
      }
    var target = "server \(entry.server) try \(entry.tries)"
    if !entry.resources.isEmpty {
      target += " resources " + entry.resources.joined(separator: ", ")
    }
    AuditLog.record(
      "submit", outcome: outcome, consultation: entry.consultationID,
      clinician: entry.clinician, target: target)
  }

  /// The patient identifiers in `bundle` (each `subject.identifier.value`): a server's reason
  /// may quote the resource it refused, and the reason goes to standard error, the screen and
  /// the audit trail, where the patient identifier never goes.
  static func patientIdentifiers(_ bundle: String) -> [String] {
    guard let value = try? JSONParser.parse(bundle) else { return [] }
    var found: [String] = []
    func member(_ value: JSONValue?, _ key: String) -> JSONValue? {
      guard case .object(let members)? = value else { return nil }
      return members.first(where: { $0.key == key })?.value
    }
    func walk(_ value: JSONValue) {
      switch value {
      case .object(let members):
        for (key, child) in members {
          if key == "subject",
            case .string(let id)? = member(member(child, "identifier"), "value"), !id.isEmpty,
            !found.contains(id)
          {
            found.append(id)
          }
          walk(child)
        }
      case .array(let items): items.forEach(walk)
      default: break
      }
    }
    walk(value)
    return found
  }

  /// `text` with every one of `withheld` replaced by "[patient identifier]".
  static func redacted(_ text: String, withheld: [String]) -> String {
    var text = text
    for id in withheld where !id.isEmpty {
      text = text.replacing(id, with: "[patient identifier]")
    }
    return text
  }

  /// Updates `entry` for `reply`; the server's words never repeat a `withheld` identifier.
  func apply(
    _ reply: HTTPClient.Reply, to entry: inout OutboxEntry, now: Int, withheld: [String] = []
  ) {
    func wait(_ reason: String) {
      entry.state = .waiting
      entry.reason = reason
      entry.nextTry = now + Self.backoff(afterTries: entry.tries)
    }
    switch reply {
    case .unavailable(let message):
      wait(message)
    case .unreachable(let message):
      wait("server not reached: " + message)
    case .response(let status, let body):
      if (200..<300).contains(status), let response = FHIRTransactionResponse.parse(body) {
        entry.state = .sent
        entry.reason = nil
        entry.nextTry = nil
        entry.bundle = nil
        entry.resources = response.entries.map { item in
          (item.resource ?? "?") + (item.created ? " (created)" : " (already there)")
        }
        return
      }
      let reason =
        "HTTP \(status)"
        + (FHIRTransactionResponse.reason(body).map {
          ": " + Submitter.redacted($0, withheld: withheld)
        } ?? "")
      if status >= 500 || status == 429 || status == 408 {
        wait(reason)
      } else {
        entry.state = .refused
        entry.nextTry = nil
        entry.reason =
          (200..<300).contains(status)
          ? reason + ": the answer is not a FHIR transaction-response" : reason
      }
    }
  }
}
