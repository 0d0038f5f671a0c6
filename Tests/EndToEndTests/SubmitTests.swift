import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `spine-triage submit` and `outbox` against a real FHIR R4 server on 127.0.0.1
/// (`Tests/fhir/server.py`: SEKMET from PyPI, strict validation of every resource, transactions
/// with conditional create, bearer tokens). The tests fail, never skip, without python3 or
/// the server package (`.ci/run` installs `sekmet-fhir`).
@Suite("Submit to a FHIR server", .serialized)
struct SubmitTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let token = "test-token-\(UInt32.random(in: 0...UInt32.max))"

  /// Waits for `condition`, polling; fails after `seconds`.
  static func poll(
    _ what: String, seconds: Double = 120, _ condition: () throws -> Bool
  ) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if try condition() { return }
      usleep(100_000)
    }
    throw PollTimeout(what: what)
  }

  struct PollTimeout: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for \(what)" }
  }

  /// The test server, started in its own folder.
  final class Server {
    let folder: TemporaryFolder
    let process = Process()
    let port: Int
    var url: String { "http://127.0.0.1:\(port)/fhir" }

    init(token: String? = SubmitTests.token, port: Int = 0) throws {
      folder = try TemporaryFolder()
      let portFile = folder.url.appendingPathComponent("port").path
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments =
        [
          "python3", SubmitTests.packageRoot.appendingPathComponent("Tests/fhir/server.py").path,
          "--data", folder.url.appendingPathComponent("data").path, "--port-file", portFile,
          "--port", String(port),
        ] + (token.map { ["--token", $0] } ?? [])
      let log = folder.url.appendingPathComponent("server.log")
      _ = FileManager.default.createFile(atPath: log.path, contents: nil)
      let handle = try FileHandle(forWritingTo: log)
      process.standardOutput = handle
      process.standardError = handle
      let child = process
      try child.run()
      try SubmitTests.poll("the FHIR server's port (see \(log.path))") {
        guard child.isRunning else {
          throw PollTimeout(what: "the server (it exited; see \(log.path))")
        }
        return FileManager.default.fileExists(atPath: portFile)
      }
      let text = try String(contentsOfFile: portFile, encoding: .utf8)
      self.port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// How many resources of `type` the server holds (a search with `_summary=count`).
    func count(_ type: String) throws -> Int {
      let script = """
        import json, sys, urllib.request
        request = urllib.request.Request(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]})
        print(json.load(urllib.request.urlopen(request, timeout=60))["total"])
        """
      let result = try SubmitTests.python(
        ["-c", script, "\(url)/\(type)?_summary=count", SubmitTests.token])
      return try #require(Int(result.trimmingCharacters(in: .whitespacesAndNewlines)), "\(result)")
    }

    /// Stops the server at once: SIGKILL (uvicorn's graceful shutdown on SIGTERM can wait
    /// forever for SEKMET's background work; the store is a throwaway folder).
    func stop() {
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
      }
    }

    deinit { stop() }
  }

  static func python(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// A free TCP port of 127.0.0.1 (bound, then released).
  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
      }
    }
    try #require(bound)
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// A terminal's home: an answers file with a consultation id and a token file (0600).
  struct Terminal {
    let home: TemporaryFolder
    let answers: String
    let tokenFile: String
    let id: String

    init(token: String = SubmitTests.token) throws {
      home = try TemporaryFolder()
      id = UUID().uuidString.lowercased()
      answers = try home.file(
        "answers.json",
        #"{"patient_id": "MRN 0042", "clinician": "Dr Ada", "consultation_id": "\#(id)", "assessed_at": "2026-11-29T17:24:00+00:00", "findings": {"pain_low_back": "yes", "saddle_anesthesia": "yes", "urinary_retention": "yes"}}"#
      )
      tokenFile = try home.file("token", token + "\n")
      chmod(tokenFile, 0o600)
    }

    func run(_ arguments: [String], server: String, set: [String: String] = [:]) throws
      -> Hardening.Result
    {
      try Hardening.run(
        arguments,
        set: [
          "SPINE_TRIAGE_SYSTEM_CONFIG": home.url.appendingPathComponent("none.json").path,
          "XDG_CONFIG_HOME": home.url.appendingPathComponent("config").path,
          "SPINE_TRIAGE_FHIR_SERVER_URL": server, "SPINE_TRIAGE_FHIR_TOKEN_FILE": tokenFile,
          "SPINE_TRIAGE_PATIENT_ID_SYSTEM": "https://hospital.example/mrn",
          "SPINE_TRIAGE_CLINICIAN_ID_SYSTEM": "https://hospital.example/staff",
        ].merging(set) { $1 }, home: home)
    }

    func submit(_ server: String) throws -> Hardening.Result {
      try run(["submit", "--answers", answers], server: server)
    }

    /// The outbox entry's file.
    var entryPath: String { home.url.path + "/state/spine-triage/outbox/\(id).json" }

    func entry() throws -> [String: Any] {
      let data = try Data(contentsOf: URL(fileURLWithPath: entryPath))
      return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
  }

  @Test(
    "a submit creates the response, the Observation and the Device once; resending creates nothing")
  func createsOnce() throws {
    let server = try Server()
    let terminal = try Terminal()
    let first = try terminal.submit(server.url)
    #expect(first.status == 0, "\(first)")
    #expect(first.stdout.hasPrefix("sent \(terminal.id.prefix(8))"), "\(first)")
    #expect(first.stdout.contains("QuestionnaireResponse/"))
    #expect(first.stdout.components(separatedBy: "(created)").count == 4, "\(first)")
    for type in ["QuestionnaireResponse", "Observation", "Device"] {
      #expect(try server.count(type) == 1, "\(type)")
    }
    #expect(try terminal.entry()["state"] as? String == "sent")
    #expect(try terminal.entry()["bundle"] == nil, "the Bundle stays after it was sent")
    // Again: already sent, nothing to do.
    let again = try terminal.submit(server.url)
    #expect(again.status == 0, "\(again)")
    // Forget that it was sent and send it again: the server's conditional creates find every
    // resource (the Device too: one per build).
    let discard = try terminal.run(["outbox", "discard", terminal.id], server: server.url)
    #expect(discard.status == 0, "\(discard)")
    let resend = try terminal.submit(server.url)
    #expect(resend.status == 0, "\(resend)")
    #expect(resend.stdout.components(separatedBy: "(already there)").count == 4, "\(resend)")
    for type in ["QuestionnaireResponse", "Observation", "Device"] {
      #expect(try server.count(type) == 1, "\(type) after a resend")
    }
  }

  @Test("server down, then up: the assessment waits in the outbox and is sent")
  func downThenUp() throws {
    let port = try Self.freePort()
    let url = "http://127.0.0.1:\(port)/fhir"
    let terminal = try Terminal()
    let down = try terminal.submit(url)
    #expect(down.status == 75, "\(down)")
    #expect(down.stderr.contains("waiting"), "\(down)")
    #expect(!down.stderr.contains("MRN 0042"), "patient data on stderr")
    let waiting = try terminal.entry()
    #expect(waiting["state"] as? String == "waiting")
    #expect(waiting["tries"] as? Int == 1)
    #expect(waiting["bundle"] is String)
    let list = try terminal.run(["outbox"], server: url)
    #expect(list.stdout.contains("\(terminal.id)  waiting (1 try)"), "\(list)")
    // Not due yet: flush leaves it (backoff).
    let early = try terminal.run(["outbox", "flush"], server: url)
    #expect(early.status == 0, "\(early)")
    #expect(try terminal.entry()["tries"] as? Int == 1)

    let server = try Server(port: port)
    let retry = try terminal.run(["outbox", "retry"], server: url)
    #expect(retry.status == 0, "\(retry)")
    #expect(retry.stdout.contains("sent \(terminal.id.prefix(8))"), "\(retry)")
    #expect(try server.count("Observation") == 1)
    #expect(try terminal.entry()["state"] as? String == "sent")
  }

  @Test("a 4xx is reported with the server's reason and kept, not retried on its own")
  func refused() throws {
    let server = try Server()
    let terminal = try Terminal(token: "not-the-token")
    let result = try terminal.submit(server.url)
    #expect(result.status == 76, "\(result)")
    #expect(result.stderr.contains("refused \(terminal.id.prefix(8))"), "\(result)")
    #expect(result.stderr.contains("HTTP 401"), "\(result)")
    #expect(try terminal.entry()["state"] as? String == "refused")
    #expect(try terminal.entry()["bundle"] is String, "kept")
    let flush = try terminal.run(["outbox", "flush"], server: server.url)
    #expect(flush.status == 0)
    #expect(try terminal.entry()["tries"] as? Int == 1, "a refused entry is not retried by flush")
    #expect(try server.count("Observation") == 0)
  }

  @Test("a token file that group or others can read is refused; nothing is queued or sent")
  func tokenReadableByOthers() throws {
    let server = try Server()
    let terminal = try Terminal()
    chmod(terminal.tokenFile, 0o644)
    let result = try terminal.submit(server.url)
    #expect(result.status == 78, "\(result)")
    #expect(result.stderr.contains("others can read it"), "\(result)")
    #expect(!result.stderr.contains(Self.token), "the token was printed")
    #expect(!FileManager.default.fileExists(atPath: terminal.entryPath))
    #expect(try server.count("Observation") == 0)
  }

  /// The token and the client key are judged on the open descriptor (``SecretFile``), like a
  /// configuration file: a group-readable file, a symbolic link (even to a private file), a
  /// FIFO with no writer (refused at once, never waited on), a folder, or a client key others
  /// can read: exit 78, one line naming the setting and the file, nothing queued. No server is
  /// needed: nothing gets as far as sending.
  @Test("secret files checked on their descriptor: readable, symlink, FIFO, folder, key")
  func secretFilesRefused() throws {
    let url = "http://127.0.0.1:\(try Self.freePort())/fhir"
    let terminal = try Terminal()
    let folder = terminal.home.url.path
    let link = folder + "/token-link"
    #expect(symlink(terminal.tokenFile, link) == 0)
    let fifo = folder + "/token-fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    let directory = folder + "/token-folder"
    #expect(mkdir(directory, 0o700) == 0)
    let key = try terminal.home.file("client.key", "-----BEGIN PRIVATE KEY-----\nx\n")
    chmod(key, 0o644)
    let cases: [(set: [String: String], mentions: String)] = [
      (["SPINE_TRIAGE_FHIR_TOKEN_FILE": link], "fhir_token_file \(link): is a symbolic link"),
      (["SPINE_TRIAGE_FHIR_TOKEN_FILE": fifo], "fhir_token_file \(fifo): is a FIFO"),
      (["SPINE_TRIAGE_FHIR_TOKEN_FILE": directory], "fhir_token_file \(directory): is a directory"),
      (
        ["SPINE_TRIAGE_FHIR_CLIENT_KEY": key],
        "fhir_client_key \(key): others can read it (mode 644)"
      ),
    ]
    for (set, mentions) in cases {
      let result = try terminal.run(
        ["submit", "--answers", terminal.answers], server: url, set: set)
      #expect(result.status == 78, "\(set): \(result)")
      #expect(result.stderr.contains(mentions), "\(set): \(result)")
      #expect(result.stderr.split(separator: "\n").count <= 2, "one line (and the note): \(result)")
      #expect(result.seconds < 5, "\(set): \(result)")
      #expect(!result.stderr.contains(Self.token), "the token was printed")
      #expect(!FileManager.default.fileExists(atPath: terminal.entryPath), "\(set): queued")
    }
    // Group-readable is as bad as world-readable.
    chmod(terminal.tokenFile, 0o640)
    let group = try terminal.submit(url)
    #expect(group.status == 78, "\(group)")
    #expect(group.stderr.contains("others can read it (mode 640); refused: run chmod 600"))
    // 0400 is private: the submit gets as far as the (absent) server and waits in the outbox.
    chmod(terminal.tokenFile, 0o400)
    let owner = try terminal.submit(url)
    #expect(owner.status == 75, "\(owner)")
  }

  @Test("kill -9 during a submit loses nothing: the outbox sends it afterwards")
  func killDuringSubmit() throws {
    // A server that accepts connections and never answers: the submit hangs mid-exchange.
    let port = try Self.freePort()
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var yes: Int32 = 1
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    let bound = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
    try #require(bound && listen(listener, 8) == 0)
    let url = "http://127.0.0.1:\(port)/fhir"
    let terminal = try Terminal()

    let process = Process()
    process.executableURL = URL(fileURLWithPath: try Hardening.binary())
    process.arguments = ["submit", "--answers", terminal.answers]
    process.environment = Hardening.environment(
      home: terminal.home.url.path,
      set: [
        "SPINE_TRIAGE_SYSTEM_CONFIG": terminal.home.url.appendingPathComponent("none.json").path,
        "XDG_CONFIG_HOME": terminal.home.url.appendingPathComponent("config").path,
        "SPINE_TRIAGE_FHIR_SERVER_URL": url, "SPINE_TRIAGE_FHIR_TOKEN_FILE": terminal.tokenFile,
      ])
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Once the entry is queued and the request is on its way (the connection is in the
    // listener's queue), kill it.
    try Self.poll("the queued entry") { FileManager.default.fileExists(atPath: terminal.entryPath) }
    var pending = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
    try Self.poll("the submit's connection") { Glibc.poll(&pending, 1, 0) > 0 }
    #expect(process.isRunning)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)

    let entry = try terminal.entry()
    #expect(entry["state"] as? String == "waiting")
    #expect(entry["bundle"] is String)
    // The hanging server goes; the real one comes up on the same port.
    close(listener)
    let server = try Server(port: port)
    let sent = try terminal.run(["outbox", "retry"], server: url)
    #expect(sent.status == 0, "\(sent)")
    #expect(try server.count("QuestionnaireResponse") == 1)
    #expect(try server.count("Observation") == 1)
  }

  @Test("a refusal quoting the patient identifier: withheld on stderr, outbox list and audit")
  func refusalQuotingThePatient() throws {
    // A server that refuses every Bundle with an OperationOutcome naming the patient.
    let folder = try TemporaryFolder()
    let portFile = folder.url.appendingPathComponent("port").path
    let script = """
      import http.server, json, os, sys
      class Refuse(http.server.BaseHTTPRequestHandler):
          def do_POST(self):
              self.rfile.read(int(self.headers.get("Content-Length", "0")))
              body = json.dumps({"resourceType": "OperationOutcome", "issue": [{"severity": "error",
                  "code": "not-found", "diagnostics": "no patient https://hospital.example/mrn|MRN 0042"}]}).encode()
              self.send_response(422)
              self.send_header("Content-Type", "application/fhir+json")
              self.send_header("Content-Length", str(len(body)))
              self.end_headers()
              self.wfile.write(body)
          def log_message(self, *arguments):
              pass
      server = http.server.HTTPServer(("127.0.0.1", 0), Refuse)
      with open(sys.argv[1] + ".tmp", "w") as handle:
          handle.write(str(server.server_address[1]))
      os.rename(sys.argv[1] + ".tmp", sys.argv[1])
      server.serve_forever()
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, portFile]
    try process.run()
    defer {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    try Self.poll("the refusing server's port") {
      guard process.isRunning else { throw PollTimeout(what: "the refusing server (it exited)") }
      return FileManager.default.fileExists(atPath: portFile)
    }
    let port = try String(contentsOfFile: portFile, encoding: .utf8)
    let url = "http://127.0.0.1:\(port)/fhir"
    let collector = try AuditTests.Collector()
    let terminal = try Terminal()
    let result = try terminal.run(
      ["submit", "--answers", terminal.answers], server: url,
      set: ["SPINE_TRIAGE_TEST_LOG_SOCKET": collector.path])
    #expect(result.status == 76, "\(result)")
    #expect(result.stderr.contains("HTTP 422: no patient"), "\(result)")
    #expect(result.stderr.contains("[patient identifier]"), "\(result)")
    #expect(!result.stderr.contains("MRN 0042"), "patient identifier on stderr: \(result)")
    let list = try terminal.run(["outbox"], server: url)
    #expect(list.stdout.contains("refused"), "\(list)")
    #expect(!list.stdout.contains("MRN 0042"), "\(list)")
    let records = collector.drain()
    #expect(records.contains { $0.contains("action=submit") }, "\(records)")
    for record in records {
      #expect(!record.contains("MRN 0042"), "\(record)")
    }
  }
}
