import TriageFormats

/// One assessment in the outbox: the transaction Bundle waiting for the server, or the record
/// of how it ended (sent, with the server's resource ids; refused, with the server's reason).
///
/// Stored as `<outbox>/<consultation id>.json` (0600, written atomically). The Bundle is kept
/// only while the entry waits or was refused; once sent, only the ids remain.
struct OutboxEntry: Equatable {
  /// Where the entry stands.
  enum State: String {
    /// Not yet accepted: the server could not be reached, or answered 5xx or 429.
    case waiting
    /// The server refused it (4xx): retrying would not help until something changes.
    case refused
    /// The server has it.
    case sent
  }

  var consultationID: String
  /// The server's base URL.
  var server: String
  var state: State
  /// Attempts so far.
  var tries: Int = 0
  /// When it was queued, when last tried (ISO 8601).
  var queuedAt: String
  var lastTry: String?
  /// When the next automatic try is due (seconds since the epoch); `nil`: now.
  var nextTry: Int?
  /// Why it waits or was refused (no patient data: the server's status and message).
  var reason: String?
  /// The server's resources (`Observation/12`), once sent.
  var resources: [String] = []
  /// A digest of the answers sent (to tell a changed assessment from a resend).
  var answersDigest: String
  /// The clinician field (for the audit trail of the tries; not patient data).
  var clinician: String?
  /// The transaction Bundle (JSON text), while not sent.
  var bundle: String?

  /// The one-line state: "sent", "waiting (2 tries)", "refused: HTTP 422 ...".
  var summary: String {
    switch state {
    case .sent: return "sent"
    case .waiting: return "waiting (\(tries) tr\(tries == 1 ? "y" : "ies"))"
    case .refused: return "refused: " + (reason ?? "no reason given")
    }
  }

  /// The JSON file.
  func encoded() -> [UInt8] {
    var members: [(key: String, value: JSONValue)] = [
      ("consultation_id", .string(consultationID)),
      ("server", .string(server)),
      ("state", .string(state.rawValue)),
      ("tries", .number(String(tries))),
      ("queued_at", .string(queuedAt)),
      ("answers_digest", .string(answersDigest)),
    ]
    if let lastTry { members.append(("last_try", .string(lastTry))) }
    if let nextTry { members.append(("next_try", .number(String(nextTry)))) }
    if let reason { members.append(("reason", .string(reason))) }
    if let clinician { members.append(("clinician", .string(clinician))) }
    if !resources.isEmpty { members.append(("resources", .array(resources.map { .string($0) }))) }
    if let bundle { members.append(("bundle", .string(bundle))) }
    return Array((JSONWriter.string(.object(members), pretty: true) + "\n").utf8)
  }

  /// Reads an entry file; `nil` when it is not one (reported by the caller).
  static func decode(_ bytes: [UInt8]) -> OutboxEntry? {
    guard let value = try? JSONParser.parse(bytes), case .object(let members) = value else {
      return nil
    }
    func string(_ key: String) -> String? {
      guard case .string(let text)? = members.first(where: { $0.key == key })?.value else {
        return nil
      }
      return text
    }
    func integer(_ key: String) -> Int? {
      guard case .number(let text)? = members.first(where: { $0.key == key })?.value else {
        return nil
      }
      return Int(text)
    }
    guard let id = string("consultation_id"), AnswerSheet.isUUID(id),
      let server = string("server"), let state = string("state").flatMap(State.init),
      let queuedAt = string("queued_at"), let digest = string("answers_digest")
    else { return nil }
    var resources: [String] = []
    if case .array(let list)? = members.first(where: { $0.key == "resources" })?.value {
      for item in list { if case .string(let text) = item { resources.append(text) } }
    }
    return OutboxEntry(
      consultationID: id, server: server, state: state, tries: integer("tries") ?? 0,
      queuedAt: queuedAt, lastTry: string("last_try"), nextTry: integer("next_try"),
      reason: string("reason"), resources: resources, answersDigest: digest,
      clinician: string("clinician"), bundle: string("bundle"))
  }

  /// A digest of the answers (FNV-1a, 64 bits, hex) of `sheet` as the answers file writes them,
  /// without the times that change at every save.
  static func digest(_ sheet: AnswerSheet) -> String {
    var copy = sheet
    copy.assessedAt = nil
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in AnswersCodec.encode(copy, pretty: false).utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
