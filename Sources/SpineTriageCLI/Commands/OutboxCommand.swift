import ArgumentParser
import TriageFormats

#if canImport(Glibc)
  import Glibc
#endif

/// `spine-triage outbox`: the assessments waiting for the FHIR server, sent or refused.
struct OutboxCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "outbox",
    abstract: "List, send (flush, retry) or discard the assessments queued for the FHIR server.",
    discussion: """
      One entry per assessment, named by its consultation id: sent (with the server's resource
      ids), waiting (n tries, the reason and the next try) or refused (the server's reason).
      flush sends what is due (the systemd user timer runs it); retry sends now, refused entries
      included; discard removes an entry (the answers stay where they are). Nothing else
      removes one: a shared terminal's expiry (shared_retention_hours) never touches the outbox.
      """,
    subcommands: [List.self, Flush.self, Retry.self, Discard.self],
    defaultSubcommand: List.self)

  /// `outbox list` (the default).
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List the outbox, oldest first.")

    func run() throws {
      do {
        let outbox = try Outbox.open()
        let (entries, damaged) = outbox.entries()
        var text = entries.isEmpty ? "The outbox is empty.\n" : ""
        for entry in entries {
          var line = "\(entry.consultationID)  \(entry.summary)"
          switch entry.state {
          case .sent: line += ": " + entry.resources.joined(separator: ", ")
          case .waiting:
            line += ": " + (entry.reason ?? "not tried yet")
            if let next = entry.nextTry {
              line += "; next try after \(SystemClock.iso8601(time_t(next)))"
            }
          case .refused: break
          }
          text += line + "\n"
        }
        for path in damaged { text += "\(path): damaged, left as it is\n" }
        try StandardStreams.writeOutputOrFail(text)
      } catch let failure as CLIFailure {
        throw failure.exit()
      }
    }
  }

  /// Sends entries; returns the worst exit status.
  static func send(_ select: (OutboxEntry) -> Bool) throws(CLIFailure) -> Int32 {
    let settings = try SettingsLoader.load(environment: SettingsLoader.processEnvironment())
    let client = try FHIRSubmission.client(settings)
    let outbox = try Outbox.open()
    let submitter = Submitter(outbox: outbox, client: client)
    var worst = ExitStatus.ok
    for entry in outbox.entries().entries where entry.state != .sent && select(entry) {
      guard let after = try submitter.attempt(entry) else {
        StandardStreams.writeOutput("\(entry.consultationID.prefix(8)): being sent elsewhere\n")
        continue
      }
      let (line, status) = FHIRSubmission.report(after)
      StandardStreams.writeOutput(line + "\n")
      if status != ExitStatus.ok && worst == ExitStatus.ok { worst = status }
    }
    return worst
  }

  /// `outbox flush`: what is due.
  struct Flush: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "flush",
      abstract: "Send the waiting entries whose next try is due (the timer runs this).")

    func run() throws {
      do {
        let now = Int(time(nil))
        let status = try OutboxCommand.send { $0.state == .waiting && ($0.nextTry ?? 0) <= now }
        if status != ExitStatus.ok { throw ExitCode(status) }
      } catch let failure as CLIFailure {
        throw failure.exit()
      }
    }
  }

  /// `outbox retry [ID...]`: now, refused entries included.
  struct Retry: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "retry", abstract: "Send now: the entries named (by id or its start), or all.")

    @Argument(help: "Consultation ids (or their first characters); none: every entry not sent.")
    var ids: [String] = []

    func run() throws {
      do {
        let wanted = ids.map { $0.lowercased() }
        let status = try OutboxCommand.send { entry in
          wanted.isEmpty || wanted.contains { entry.consultationID.hasPrefix($0) }
        }
        if status != ExitStatus.ok { throw ExitCode(status) }
      } catch let failure as CLIFailure {
        throw failure.exit()
      }
    }
  }

  /// `outbox discard ID`.
  struct Discard: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "discard", abstract: "Remove an entry (sent, waiting or refused).")

    @Argument(help: "The consultation id (or its first characters, naming one entry).")
    var id: String

    func run() throws {
      do {
        let outbox = try Outbox.open()
        let entries = outbox.entries().entries
        let chosen = try ConsultationPrefix.resolve(
          id, among: entries.map(\.consultationID), what: "outbox entry", plural: "entries",
          listedBy: "outbox")
        guard let entry = entries.first(where: { $0.consultationID == chosen }) else { return }
        guard let lock = try outbox.lock(entry.consultationID) else {
          throw CLIFailure("it is being sent right now; try again", status: ExitStatus.tempFail)
        }
        try outbox.discard(entry)
        lock.removeAndRelease()
        try StandardStreams.writeOutputOrFail(
          "discarded \(entry.consultationID) (\(entry.summary))\n")
      } catch let failure as CLIFailure {
        throw failure.exit()
      }
    }
  }
}
