import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The audit trail: the records `spine-triage` sends to syslog, captured from a datagram socket
/// put in place of /dev/log (`SPINE_TRIAGE_TEST_LOG_SOCKET`, for tests only). One record per
/// export, print, submit attempt, draft discard and purge; who, which consultation, what, where,
/// how it ended; never an answer or the patient identifier.
@Suite("Audit trail", .serialized)
struct AuditTests {
  /// A datagram socket bound in a private folder, read without blocking.
  final class Collector {
    let folder: TemporaryFolder
    let path: String
    let descriptor: Int32

    init() throws {
      folder = try TemporaryFolder()
      path = folder.url.appendingPathComponent("log.sock").path
      descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
      var address = sockaddr_un()
      address.sun_family = sa_family_t(AF_UNIX)
      let bytes = Array(path.utf8)
      try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
      withUnsafeMutableBytes(of: &address.sun_path) { raw in
        for (index, byte) in bytes.enumerated() { raw[index] = byte }
      }
      let bound = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
        }
      }
      try #require(bound, "cannot bind \(path)")
    }

    deinit { close(descriptor) }

    /// Every record waiting on the socket.
    func drain() -> [String] {
      var records: [String] = []
      var buffer = [UInt8](repeating: 0, count: 65536)
      while true {
        let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        guard count > 0 else { break }
        records.append(String(decoding: buffer[0..<count], as: UTF8.self))
      }
      return records
    }
  }

  static let answers = """
    {"patient_id": "MRN-SECRET-77", "clinician": "Dr Ada", "consultation_id": "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081",
     "findings": {"pain_low_back": "yes", "saddle_anesthesia": "yes", "urinary_retention": "yes"}}
    """

  /// The records go to `collector`; no configuration file but the test's.
  static func environment(_ collector: Collector, _ home: TemporaryFolder) -> [String: String] {
    [
      "SPINE_TRIAGE_TEST_LOG_SOCKET": collector.path,
      "SPINE_TRIAGE_SYSTEM_CONFIG": home.url.appendingPathComponent("none.json").path,
      "XDG_CONFIG_HOME": home.url.appendingPathComponent("config").path,
    ]
  }

  /// What no record may hold: the patient identifier, answers and clinical words.
  static let forbidden = [
    "MRN-SECRET-77", "saddle", "urinary", "pain_low_back", "EMERGENCY", "emergency", "\"yes\"",
    "lumbosacral",
  ]

  func check(_ records: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    for record in records {
      for word in Self.forbidden {
        #expect(!record.contains(word), "\(word) in \(record)", sourceLocation: sourceLocation)
      }
      #expect(
        record.hasPrefix("<8"), "authpriv facility: \(record)", sourceLocation: sourceLocation)
      #expect(record.contains(" spine-triage["), sourceLocation: sourceLocation)
    }
  }

  @Test("export, print and submit attempts: one record each, who, what, where, the result")
  func exportPrintSubmit() throws {
    let collector = try Collector()
    let home = try TemporaryFolder()
    let file = try home.file("answers.json", Self.answers)
    let set = Self.environment(collector, home)
    let export = try Hardening.run(
      ["export", "--answers", file, "--format", "fhir"], set: set, home: home)
    #expect(export.status == 0, "\(export)")
    var records = collector.drain()
    #expect(records.count == 1, "\(records)")
    let record = records.first ?? ""
    #expect(record.contains("action=export result=saved"), "\(record)")
    #expect(record.contains("user=\(String(cString: getpwuid(geteuid())!.pointee.pw_name))"))
    #expect(record.contains(#"clinician="Dr Ada""#))
    #expect(record.contains("consultation=1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081"))
    #expect(record.contains(export.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    check(records)

    // A print to a queue that does not exist: the record says it failed, and lp's reason.
    let print = try Hardening.run(
      [
        "export", "--answers", file, "--format", "text", "--print", "--printer", "no-such-queue-19",
      ],
      set: set, home: home)
    #expect(print.status != 0, "\(print)")
    records = collector.drain()
    #expect(records.count == 2, "\(records)")
    #expect(records.first?.contains("action=export result=saved") == true)
    #expect(records.last?.contains("action=print result=\"failed: ") == true, "\(records)")
    #expect(records.last?.contains("queue no-such-queue-19") == true)
    check(records)

    // A submit attempt to a server that is not there.
    let port = try SubmitTests.freePort()
    let token = try home.file("token", "t0ken\n")
    chmod(token, 0o600)
    let submit = try Hardening.run(
      ["submit", "--answers", file],
      set: set.merging([
        "SPINE_TRIAGE_FHIR_SERVER_URL": "http://127.0.0.1:\(port)/fhir",
        "SPINE_TRIAGE_FHIR_TOKEN_FILE": token,
      ]) { $1 }, home: home)
    #expect(submit.status == 75, "\(submit)")
    records = collector.drain()
    #expect(records.count == 1, "\(records)")
    #expect(records.first?.contains("action=submit result=\"waiting: server not reached") == true)
    #expect(records.first?.contains("target=\"server http://127.0.0.1:\(port)/fhir try 1") == true)
    #expect(records.first?.contains("t0ken") == false, "the token in the log")
    check(records)
  }

  @Test("draft discard and purge: one record per draft, the consultation id only")
  func discardAndPurge() throws {
    let collector = try Collector()
    let home = try TemporaryFolder()
    let drafts = home.url.appendingPathComponent("state/spine-triage/drafts")
    try FileManager.default.createDirectory(
      at: drafts, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    for folder in ["state", "state/spine-triage", "state/spine-triage/drafts"] {
      chmod(home.url.appendingPathComponent(folder).path, 0o700)
    }
    let id = "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081"
    let draft = drafts.appendingPathComponent("\(id).json").path
    try Data(Self.answers.utf8).write(to: URL(fileURLWithPath: draft))
    chmod(draft, 0o600)
    let set = Self.environment(collector, home)
    let discard = try Hardening.run(["drafts", "discard", id], set: set, home: home)
    #expect(discard.status == 0, "\(discard)")
    var records = collector.drain()
    #expect(records.count == 1, "\(records)")
    #expect(records.first?.contains("action=draft-discard result=\"moved to the trash\"") == true)
    #expect(records.first?.contains("consultation=\(id)") == true)
    check(records)
    let purge = try Hardening.run(["drafts", "purge", "--older-than", "0"], set: set, home: home)
    #expect(purge.status == 0, "\(purge)")
    records = collector.drain()
    #expect(records.count == 1, "\(records)")
    #expect(records.first?.contains("action=purge result=deleted") == true, "\(records)")
    #expect(records.first?.contains("consultation=\(id)") == true)
    check(records)
  }

  @Test("shared terminal: each expired draft and export is one purge record, no patient")
  func sharedTerminalExpiry() throws {
    let collector = try Collector()
    let home = try TemporaryFolder()
    let state = home.url.appendingPathComponent("state")
    let id = DraftSessionTests.idX
    let draft = try DraftSessionTests.plant(id, patient: "MRN-SECRET-77", in: state)
    SharedTerminalTests.age(draft.path, hours: 13)
    let exports = home.url.appendingPathComponent("exports")
    try Hardening.createPrivate(exports, levels: 1)
    let export = exports.appendingPathComponent("spine-triage-20261201-0900-aaaaaaaa.txt").path
    #expect(FileManager.default.createFile(atPath: export, contents: Data("x".utf8)))
    SharedTerminalTests.age(export, hours: 13)
    let set = SharedTerminalTests.shared.merging(["SPINE_TRIAGE_TEST_LOG_SOCKET": collector.path]) {
      $1
    }
    let purge = try Hardening.run(["drafts", "purge"], set: set, home: home)
    #expect(purge.status == 0, "\(purge)")
    #expect(purge.stdout.contains("1 draft and 1 export older than 12 hours deleted"), "\(purge)")
    let records = collector.drain()
    #expect(records.count == 2, "\(records)")
    let drafts = records.filter { $0.contains("target=\"draft ") }
    #expect(drafts.count == 1, "\(records)")
    #expect(drafts.first?.contains("action=purge result=deleted") == true, "\(records)")
    #expect(drafts.first?.contains("consultation=\(id)") == true, "\(records)")
    #expect(drafts.first?.contains("(shared terminal, kept 12 hours)") == true, "\(records)")
    let exported = records.filter { $0.contains("target=\"export \(export) ") }
    #expect(exported.count == 1, "\(records)")
    #expect(exported.first?.contains("consultation=- ") == true, "\(records)")
    check(records)
  }

  /// The lead's decision (issue 19): shared-terminal expiry never deletes the outbox. An
  /// assessment waiting for the hospital's server is a record in transit, not a convenience
  /// copy: it stays, private, until it is sent or discarded with `outbox discard`, and the
  /// audit trail records both.
  @Test("shared terminal: an expired purge leaves the outbox; its discard is recorded")
  func sharedTerminalKeepsTheOutbox() throws {
    let collector = try Collector()
    let home = try TemporaryFolder()
    let file = try home.file("answers.json", Self.answers)
    let token = try home.file("token", "t0ken\n")
    chmod(token, 0o600)
    let id = "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081"
    let set = Self.environment(collector, home).merging(SharedTerminalTests.shared) { $1 }
      .merging([
        "SPINE_TRIAGE_FHIR_SERVER_URL": "http://127.0.0.1:\(try SubmitTests.freePort())/fhir",
        "SPINE_TRIAGE_FHIR_TOKEN_FILE": token,
      ]) { $1 }
    let submit = try Hardening.run(["submit", "--answers", file], set: set, home: home)
    #expect(submit.status == 75, "\(submit)")
    let outbox = home.url.appendingPathComponent("state/spine-triage/outbox")
    let entry = outbox.appendingPathComponent("\(id).json").path
    let before = try Data(contentsOf: URL(fileURLWithPath: entry))
    #expect(String(decoding: before, as: UTF8.self).contains("MRN-SECRET-77"), "the Bundle")
    // Everything older than the retention: the outbox's files, the folder, and a draft.
    let state = home.url.appendingPathComponent("state")
    let draft = try DraftSessionTests.plant(DraftSessionTests.idY, patient: "PAT-OLD", in: state)
    for name in Hardening.entries(outbox) {
      SharedTerminalTests.age(outbox.appendingPathComponent(name).path, hours: 100)
    }
    SharedTerminalTests.age(outbox.path, hours: 100)
    SharedTerminalTests.age(draft.path, hours: 100)
    _ = collector.drain()

    let purge = try Hardening.run(["drafts", "purge"], set: set, home: home)
    #expect(purge.status == 0, "\(purge)")
    #expect(purge.stdout.contains("1 draft older than 12 hours deleted"), "\(purge)")
    #expect(!FileManager.default.fileExists(atPath: draft.path), "the draft expired")
    #expect(try Data(contentsOf: URL(fileURLWithPath: entry)) == before, "the outbox entry stays")
    var info = stat()
    #expect(stat(outbox.path, &info) == 0 && info.st_mode & 0o777 == 0o700, "private")
    var records = collector.drain()
    #expect(records.count == 1, "\(records)")
    #expect(!records.contains { $0.contains("outbox") }, "\(records)")
    let list = try Hardening.run(["outbox"], set: set, home: home)
    #expect(list.stdout.contains("\(id)  waiting (1 try)"), "\(list)")

    let discard = try Hardening.run(["outbox", "discard", "1b2c"], set: set, home: home)
    #expect(discard.status == 0, "\(discard)")
    #expect(!FileManager.default.fileExists(atPath: entry))
    records = collector.drain()
    #expect(records.count == 1, "\(records)")
    #expect(
      records.first?.contains("action=outbox-discard result=\"discarded unsent\"") == true,
      "\(records)")
    #expect(records.first?.contains("consultation=\(id)") == true, "\(records)")
    #expect(records.first?.contains(#"clinician="Dr Ada""#) == true, "\(records)")
    #expect(records.first?.contains("target=\"outbox \(entry) (waiting, 1 try)\"") == true)
    check(records)
  }
}
