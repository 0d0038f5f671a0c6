import TriageEngine
import TriageFormats

/// Sending one assessment: the transaction Bundle is queued in the outbox first (so nothing is
/// lost whatever happens next), then sent at once; the outcome is the outbox entry.
enum FHIRSubmission {
  /// The HTTP client for the settings: the bearer token read from `fhir_token_file` and the
  /// client key from `fhir_client_key` (each refused when others can read it; ``SecretFile``),
  /// the client certificate, the CA file.
  static func client(_ settings: Settings) throws(CLIFailure) -> HTTPClient {
    var client = HTTPClient()
    if let file = settings.fhirTokenFile { client.token = try SecretFile.token(file) }
    if let key = settings.fhirClientKey { client.clientKey = try SecretFile.clientKey(key) }
    client.clientCertificate = settings.fhirClientCertificate
    client.caFile = settings.fhirCAFile
    return client
  }

  /// The server, or an error saying it is not configured.
  static func server(_ settings: Settings) throws(CLIFailure) -> String {
    guard let server = settings.fhirServerURL else {
      throw CLIFailure(
        "fhir_server_url is not set: nothing to send to (see spine-triage config)",
        status: ExitStatus.config)
    }
    return server
  }

  /// Queues `sheet` and tries to send it now. A sheet without a consultation id is refused (a
  /// resend could not be recognised). An assessment already sent with the same answers is not
  /// sent again; one sent with other answers is refused (the server keeps the first: amending
  /// a sent record is not supported).
  static func submit(
    _ sheet: AnswerSheet, settings: Settings, outbox: Outbox, client: HTTPClient
  ) throws(CLIFailure) -> OutboxEntry {
    let server = try server(settings)
    guard let id = sheet.consultationID else {
      throw CLIFailure(
        "the answers have no consultation_id: a resend could not be recognised, so it is not"
          + " sent (assessments made on the screens have one)", status: ExitStatus.dataError)
    }
    let digest = OutboxEntry.digest(sheet)
    let lock = try outbox.lock(id)
    guard let lock else {
      throw CLIFailure(
        "this assessment is being sent by another session; see spine-triage outbox",
        status: ExitStatus.tempFail)
    }
    if let existing = try outbox.entry(id), existing.state != .refused {
      lock.release()
      if existing.answersDigest != digest {
        throw CLIFailure(
          "this assessment was already \(existing.state == .sent ? "sent" : "queued") with other"
            + " answers; the server keeps the first (amendments are not supported): discard it"
            + " with spine-triage outbox discard \(id.prefix(8)) first if it was never sent",
          status: ExitStatus.dataError)
      }
      if existing.state == .sent { return existing }
      return try Submitter(outbox: outbox, client: client).attempt(existing) ?? existing
    }
    let now = SystemClock.iso8601()
    let context = Exporter.context(sheet: sheet, generatedAt: now, settings: settings)
    let bundle = FHIRBundle.string(
      sheet: sheet, recommendation: TriageEngine.evaluate(sheet.answers), context: context,
      kind: .transaction, pretty: false)
    let entry = OutboxEntry(
      consultationID: id, server: server, state: .waiting, queuedAt: now, answersDigest: digest,
      clinician: sheet.clinician, bundle: bundle)
    try outbox.save(entry)
    lock.release()
    return try Submitter(outbox: outbox, client: client).attempt(entry) ?? entry
  }

  /// The outcome in one line, and the exit status it means.
  static func report(_ entry: OutboxEntry) -> (line: String, status: Int32) {
    let id = entry.consultationID.prefix(8)
    switch entry.state {
    case .sent:
      return (
        "sent \(id) to \(entry.server): " + entry.resources.joined(separator: ", "),
        ExitStatus.ok
      )
    case .waiting:
      let next = entry.nextTry.map { " next try after " + SystemClock.iso8601(time_t($0)) } ?? ""
      return (
        "waiting \(id) in the outbox (\(entry.tries) tr\(entry.tries == 1 ? "y" : "ies")): "
          + (entry.reason ?? "not sent yet") + ";" + next, ExitStatus.tempFail
      )
    case .refused:
      return (
        "refused \(id) by \(entry.server): \(entry.reason ?? "no reason given"); kept in the"
          + " outbox (spine-triage outbox)", ExitStatus.refused
      )
    }
  }
}

#if canImport(Glibc)
  import Glibc
#endif
