import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The configuration: /etc (pointed elsewhere with SPINE_TRIAGE_SYSTEM_CONFIG), the user's file
/// under XDG_CONFIG_HOME, the environment, the options; later wins; strict errors naming the
/// file and the key; the values reach the summary and the export folder.
@Suite("Configuration")
struct ConfigTests {
  /// A home with a system file and a user file (either may be nil: not written).
  struct Site {
    let home: TemporaryFolder
    let system: String
    let user: String

    init(system systemJSON: String?, user userJSON: String? = nil) throws {
      home = try TemporaryFolder()
      system = home.url.appendingPathComponent("etc/config.json").path
      user = home.url.appendingPathComponent("config/spine-triage/config.json").path
      for (path, text) in [(system, systemJSON), (user, userJSON)] {
        guard let text else { continue }
        try FileManager.default.createDirectory(
          atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
      }
    }

    /// The environment that points the program at these files.
    func environment(_ more: [String: String] = [:]) -> [String: String] {
      [
        "SPINE_TRIAGE_SYSTEM_CONFIG": system,
        "XDG_CONFIG_HOME": home.url.appendingPathComponent("config").path,
      ].merging(more) { $1 }
    }

    func run(
      _ arguments: [String], set: [String: String] = [:], unset: [String] = []
    ) throws -> Hardening.Result {
      try Hardening.run(arguments, set: environment(set), unset: unset, home: home)
    }
  }

  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/no-imaging.json").path

  @Test("later wins: /etc, then the user's file, then the environment, then options")
  func precedence() throws {
    let site = try Site(
      system:
        #"{"paper": "a4", "site_name": "System site", "printer": "queue-etc", "draft_retention_days": 10}"#,
      user: #"{"site_name": "User site", "draft_retention_days": 20}"#)
    let result = try site.run(
      ["config", "--format", "json", "--paper", "letter"],
      set: ["SPINE_TRIAGE_PRINTER": "queue-env"])
    #expect(result.status == 0, "\(result)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let settings = try #require(json["settings"] as? [String: [String: Any]])
    func value(_ key: String) -> String? { settings[key]?["value"].map { "\($0)" } }
    func source(_ key: String) -> String? { settings[key]?["source"] as? String }
    #expect(value("paper") == "letter")
    #expect(source("paper") == "option --paper")
    #expect(value("printer") == "queue-env")
    #expect(source("printer") == "environment SPINE_TRIAGE_PRINTER")
    #expect(value("site_name") == "User site")
    #expect(source("site_name") == site.user)
    #expect(value("draft_retention_days") == "20")
    #expect(value("fhir_base_url") == "https://spinetriage.invalid/fhir")
    #expect(source("fhir_base_url") == "default")
    let files = try #require(json["files"] as? [[String: Any]])
    #expect(files.map { $0["path"] as? String } == [site.system, site.user])
    #expect(files.allSatisfy { $0["present"] as? Bool == true })

    let text = try site.run(["config"])
    #expect(text.status == 0, "\(text)")
    #expect(text.stdout.contains("site_name"))
    #expect(text.stdout.contains("User site"))
    #expect(text.stdout.contains("\(site.system): read"))
  }

  @Test("no file at all: the built-in defaults, exit 0")
  func noFiles() throws {
    let site = try Site(system: nil)
    let result = try site.run(["config"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("\(site.system): not present"))
    #expect(result.stdout.contains("https://spinetriage.invalid/fhir"))
  }

  /// One bad key in a file must not stop every terminal (issue 20): it is reported once (one
  /// warning line naming the file and the key) and ignored; the earlier value stays.
  @Test(
    "a bad key in a file is reported once and ignored, never guessed; the terminal keeps working",
    arguments: [
      (#"{"papr": "a4"}"#, "papr"),
      (#"{"paper": "a3"}"#, "paper"),
      (#"{"paper": 4}"#, "paper"),
      (#"{"printer": "ward 3"}"#, "printer"),
      (#"{"printer": "-dother"}"#, "printer"),
      (#"{"site_name": "x\u0007y"}"#, "site_name"),
      (#"{"site_name": "\#(String(repeating: "S", count: 61))"}"#, "site_name"),
      (#"{"site_name": ""}"#, "site_name"),
      (#"{"fhir_base_url": "ftp://example.org/fhir"}"#, "fhir_base_url"),
      (#"{"fhir_base_url": "https://example.org/fhir/"}"#, "fhir_base_url"),
      (#"{"fhir_base_url": "https://"}"#, "fhir_base_url"),
      (#"{"patient_id_system": "hospital mrn"}"#, "patient_id_system"),
      (#"{"patient_id_system": "mrn"}"#, "patient_id_system"),
      (#"{"clinician_id_system": "https://example.org/staff#x"}"#, "clinician_id_system"),
      (#"{"fhir_server_url": "http://fhir.example.org/r4"}"#, "fhir_server_url"),
      (#"{"fhir_token_file": "token"}"#, "fhir_token_file"),
      (#"{"fhir_ca_file": 3}"#, "fhir_ca_file"),
      // One text rule for the site name (columns, invisible letters); https only, and
      // nothing a shell or HTML treats specially in the URL.
      (#"{"site_name": "Ward\u3164"}"#, "site_name"),
      (#"{"site_name": "\u2800"}"#, "site_name"),
      (#"{"site_name": "A\u034FB"}"#, "site_name"),
      (#"{"site_name": "\#(String(repeating: "\u{9662}", count: 31))"}"#, "site_name"),
      (#"{"fhir_base_url": "http://example.org/fhir"}"#, "fhir_base_url"),
      (#"{"fhir_base_url": "https://example.org/\"x"}"#, "fhir_base_url"),
      (#"{"fhir_base_url": "https://example.org/<x>"}"#, "fhir_base_url"),
      (#"{"fhir_base_url": "https://example.org/a|b"}"#, "fhir_base_url"),
      (#"{"fhir_base_url": "https://example.org/`id`"}"#, "fhir_base_url"),
      (#"{"export_folder": "relative/folder"}"#, "export_folder"),
      (#"{"export_folder": null}"#, "export_folder"),
      (#"{"draft_retention_days": -1}"#, "draft_retention_days"),
      (#"{"draft_retention_days": 3651}"#, "draft_retention_days"),
      (#"{"draft_retention_days": "7"}"#, "draft_retention_days"),
      (#"{"draft_retention_days": 7.5}"#, "draft_retention_days"),
    ])
  func badKeyIsIgnored(json: String, mention: String) throws {
    let site = try Site(system: json)
    let config = try site.run(["config", "--format", "json"])
    #expect(config.status == 0, "\(config)")
    #expect(config.stderrIsOneLine, "one warning: \(config)")
    #expect(config.stderr.hasPrefix("spine-triage: warning: \(site.system): "), "\(config)")
    #expect(config.stderr.contains(mention) && config.stderr.contains("ignored"), "\(config)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(config.stdout.utf8)) as? [String: Any])
    let settings = try #require(json["settings"] as? [String: [String: Any]])
    if let row = settings[mention] {
      // Ignored: the default stays; a bad printer blocks printing instead (never lp's default).
      // (export_folder comes from the test's SPINE_TRIAGE_DIR.)
      let source = row["source"] as? String ?? ""
      #expect(mention == "printer" ? source == site.system : source != site.system, "\(row)")
    }
    let export = try site.run(["export", "--answers", Self.fixture, "--format", "text"])
    #expect(export.status == 0, "\(export)")
    // `config --check` refuses the file before it is pushed: every problem, exit 78.
    let check = try site.run(["config", "--check", site.system])
    #expect(check.status == 78, "\(check)")
    #expect(check.stdout.contains(site.system) && check.stdout.contains(mention), "\(check)")
    #expect(check.stderrIsOneLine && check.stderr.contains("do not push"), "\(check)")
  }

  @Test(
    "a file that is not a JSON object cannot be trusted at all: one line, exit 78",
    arguments: [
      (#"{"paper": "a4", "paper": "letter"}"#, "paper"),
      (#"["paper"]"#, "JSON object"),
      (#"{"paper": "a4""#, "line 1"),
      ("", "empty"),
    ])
  func unreadableFile(json: String, mention: String) throws {
    let site = try Site(system: json)
    for arguments in [
      ["config"], ["export", "--answers", Self.fixture, "--format", "text"],
      ["config", "--check", site.system],
    ] {
      let result = try site.run(arguments)
      #expect(result.status == 78, "\(result)")
      #expect(result.stderr.contains(mention) || result.stdout.contains(mention), "\(result)")
    }
    let exports = site.home.url.appendingPathComponent("exports").path
    #expect((try? FileManager.default.contentsOfDirectory(atPath: exports))?.isEmpty ?? true)
  }

  @Test("the shipped example configuration passes config --check and suits several users")
  func shippedExample() throws {
    let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("packaging/config.example.json").path
    let site = try Site(system: try String(contentsOfFile: example, encoding: .utf8))
    let check = try site.run(["config", "--check", site.system])
    #expect(check.status == 0, "\(check)")
    // Its export folder is a team folder (2770, set-group-ID), not one user's private folder:
    // every user of the group can export there.
    let config = try site.run(["config"])
    // (The column is as wide as the longest key.)
    #expect(
      config.stdout.range(of: #"export_folder_sharing +group"#, options: .regularExpression)
        != nil, "\(config)")
  }

  @Test("config --check passes a good file, names every problem of a bad one")
  func checkBeforePushing() throws {
    let site = try Site(
      system: #"{"paper": "a4", "site_name": "Ward 3", "printer": "ward-3"}"#)
    let good = try site.run(["config", "--check", site.system])
    #expect(good.status == 0 && good.stdout.contains("OK"), "\(good)")
    let bad = try site.home.file(
      "bad.json", #"{"paper": "a3", "colour": "red", "site_name": "x\u3164", "printer": "ward 3"}"#)
    let result = try site.run(["config", "--check", bad])
    #expect(result.status == 78, "\(result)")
    for key in ["paper", "colour", "site_name", "printer"] {
      #expect(result.stdout.contains(key), "\(key): \(result)")
    }
    #expect(result.stdout.split(separator: "\n").count == 4, "\(result)")
  }

  @Test("a bad printer in the site file blocks printing rather than using lp's default queue")
  func badPrinterBlocksPrinting() throws {
    let site = try Site(system: #"{"printer": "ward 3"}"#)
    let result = try site.run(["export", "--answers", Self.fixture, "--format", "text", "--print"])
    #expect(result.status == 69, "\(result)")
    #expect(result.stderr.contains("printer") && result.stderr.contains("not valid"), "\(result)")
    // A valid printer from a later layer unblocks it (the check stops before lp is reached
    // otherwise; here the queue is rejecting, so lp answers).
    let later = try site.run(["config", "--format", "json"], set: ["SPINE_TRIAGE_PRINTER": "q"])
    #expect(later.status == 0 && later.stdout.contains("environment SPINE_TRIAGE_PRINTER"))
  }

  /// The trust rule (issue 20): a configuration file and its folder must belong to root or to
  /// the user and be writable by nobody else; else exit 78 naming it.
  @Test("a configuration file or folder others can write, or another user owns, is refused (78)")
  func trust() throws {
    for mode in [0o666, 0o664, 0o646] as [mode_t] {
      let site = try Site(system: #"{"site_name": "Spoofed"}"#)
      #expect(chmod(site.system, mode) == 0)
      Hardening.expectFailure(
        try site.run(["config"]), status: 78, mentioning: [site.system, "not trusted"])
    }
    let site = try Site(system: "{}", user: #"{"printer": "public"}"#)
    let userFolder = (site.user as NSString).deletingLastPathComponent
    #expect(chmod(userFolder, 0o777) == 0)
    Hardening.expectFailure(
      try site.run(["config"]), status: 78, mentioning: [userFolder, "not trusted"])
    #expect(chmod(userFolder, 0o755) == 0)
    #expect(try site.run(["config"]).status == 0)
    // A read-only file for others is fine (0644, 0600, 0444).
    for mode in [0o644, 0o600, 0o444] as [mode_t] {
      #expect(chmod(site.user, mode) == 0)
      #expect(try site.run(["config"]).status == 0, "mode \(String(mode, radix: 8))")
    }
    guard geteuid() == 0 else { return }
    // Another user's file, and another user's folder (root: chown to uid 65534).
    #expect(chown(site.user, 65534, 65534) == 0)
    Hardening.expectFailure(
      try site.run(["config"]), status: 78, mentioning: [site.user, "another user"])
    #expect(chown(site.user, 0, 0) == 0)
    #expect(chown(userFolder, 65534, 65534) == 0)
    Hardening.expectFailure(
      try site.run(["config"]), status: 78, mentioning: [userFolder, "another user"])
    #expect(chown(userFolder, 0, 0) == 0)
    #expect(try site.run(["config"]).status == 0)
  }

  @Test(
    "a bad environment variable names it, exit 78",
    arguments: [
      ("SPINE_TRIAGE_PAPER", "A4"), ("SPINE_TRIAGE_RETENTION_DAYS", "3651"),
      ("SPINE_TRIAGE_RETENTION_DAYS", "seven"), ("SPINE_TRIAGE_FHIR_BASE_URL", "example.org"),
      ("SPINE_TRIAGE_PRINTER", "a/b"), ("SPINE_TRIAGE_PATIENT_ID_SYSTEM", "no scheme"),
      ("SPINE_TRIAGE_FHIR_SERVER_URL", "ftp://x"),
    ])
  func badEnvironment(name: String, value: String) throws {
    let site = try Site(system: nil)
    let result = try site.run(["config"], set: [name: value])
    Hardening.expectFailure(result, status: 78, mentioning: [name])
  }

  @Test("a bad option names it, exit 64")
  func badOption() throws {
    let site = try Site(system: nil)
    for (option, value) in [
      ("--paper", "a5"), ("--draft-retention-days", "4000"), ("--fhir-base-url", "http://h/"),
      ("--clinician-id-system", "staff ids"), ("--fhir-client-key", "key.pem"),
    ] {
      let result = try site.run(["config", option, value])
      Hardening.expectFailure(result, status: 64, mentioning: [option])
    }
  }

  @Test("the configured site name and paper reach the text and HTML summaries")
  func siteNameAndPaperOnTheSummary() throws {
    let site = try Site(system: #"{"site_name": "St Elsewhere <ED>", "paper": "a4"}"#)
    let text = try site.run(["export", "--answers", Self.fixture, "--format", "text", "-o", "-"])
    #expect(text.status == 0, "\(text)")
    let lines = text.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("Site:           St Elsewhere <ED>"), "\(lines.prefix(6))")
    let html = try site.run(["export", "--answers", Self.fixture, "--format", "html", "-o", "-"])
    #expect(html.status == 0, "\(html)")
    #expect(html.stdout.contains("St Elsewhere &lt;ED&gt;"))
    #expect(!html.stdout.contains("St Elsewhere <ED>"))
    #expect(html.stdout.contains("size: A4 portrait;"))
    // An option wins over the file.
    let letter = try site.run([
      "export", "--answers", Self.fixture, "--format", "html", "-o", "-", "--paper", "letter",
    ])
    #expect(letter.stdout.contains("size: letter portrait;"), "\(letter.stderr)")
  }

  @Test("exports go to the configured folder unless the environment or -o says otherwise")
  func exportFolder() throws {
    let site = try Site(system: "{}")
    let folder = site.home.url.appendingPathComponent("site-exports").path
    try #"{"export_folder": "\#(folder)"}"#.write(
      toFile: site.system, atomically: true, encoding: .utf8)
    let result = try site.run(
      ["export", "--answers", Self.fixture, "--format", "text"], unset: ["SPINE_TRIAGE_DIR"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasPrefix(folder + "/spine-triage-"), "\(result)")
    // SPINE_TRIAGE_DIR (the environment) wins over the file.
    let env = try site.run(["export", "--answers", Self.fixture, "--format", "text"])
    #expect(env.stdout.hasPrefix(site.home.url.appendingPathComponent("exports").path + "/"))
  }

  @Test("draft_retention_days from the configuration file governs the drafts' trash")
  func retentionReachesTheDrafts() throws {
    let site = try Site(system: #"{"draft_retention_days": 2}"#)
    let state = site.home.url.appendingPathComponent("state")
    _ = try DraftSessionTests.plant(DraftSessionTests.idX, patient: "PAT-R1", in: state)
    let discard = try site.run(["drafts", "discard", DraftSessionTests.idX])
    #expect(discard.status == 0, "\(discard)")
    let trash = state.appendingPathComponent("spine-triage/trash")
    let trashed = Hardening.entries(trash)
    #expect(trashed.count == 1)
    // Discarded 3 days ago: the default (7 days) would keep it; the file's 2 days purge it.
    let old = trash.appendingPathComponent(trashed[0]).path
    var times = [
      timespec(tv_sec: time(nil) - 3 * 86_400, tv_nsec: 0),
      timespec(tv_sec: time(nil) - 3 * 86_400, tv_nsec: 0),
    ]
    #expect(utimensat(AT_FDCWD, old, &times, 0) == 0)
    let config = try site.run(["config"])
    let row = config.stdout.split(separator: "\n").first { $0.contains("draft_retention_days") }
    #expect(row?.split(separator: " ").dropFirst().first == "2", "\(config)")
    #expect(
      config.stdout.split(separator: "\n").contains {
        $0.split(separator: " ").prefix(2) == ["draft_retention_days", "2"]
      }, "\(config)")
    let purge = try site.run(["drafts", "purge"])
    #expect(purge.stdout.contains("Purged 1"), "\(purge)")
    #expect(Hardening.entries(trash).isEmpty)
  }

  @Test("fhir_base_url names the Questionnaire and the response's canonical")
  func fhirBase() throws {
    let base = "https://fhir.example-hospital.org/spine-triage"
    let site = try Site(system: #"{"fhir_base_url": "\#(base)"}"#)
    let questionnaire = try site.run(["questionnaire"])
    #expect(questionnaire.status == 0, "\(questionnaire)")
    #expect(questionnaire.stdout.contains(#""url": "\#(base)/Questionnaire/spine-imaging-triage""#))
    #expect(!questionnaire.stdout.contains("spinetriage.invalid"))
    let bundle = try site.run(["export", "--answers", Self.fixture, "--format", "fhir", "-o", "-"])
    #expect(bundle.status == 0, "\(bundle)")
    #expect(
      bundle.stdout.contains(#""questionnaire": "\#(base)/Questionnaire/spine-imaging-triage|"#))
    #expect(!bundle.stdout.contains("spinetriage.invalid"))
  }

  @Test("the identifier systems qualify subject and author; without them, one line says so")
  func identifierSystems() throws {
    let answers = try TemporaryFolder()
    let file = answers.url.appendingPathComponent("answers.json").path
    try
      #"{"patient_id": "MRN 0042", "clinician": "Dr Ada", "assessed_at": "2026-11-24T21:12:00+00:00", "findings": {"pain_low_back": "yes"}}"#
      .write(toFile: file, atomically: true, encoding: .utf8)
    let site = try Site(system: #"{"patient_id_system": "https://hospital.example/mrn"}"#)
    let qualified = try site.run(
      ["export", "--answers", file, "--format", "fhir", "-o", "-"],
      set: ["SPINE_TRIAGE_CLINICIAN_ID_SYSTEM": "urn:oid:1.2.3.4"])
    #expect(qualified.status == 0, "\(qualified)")
    #expect(qualified.stderr.isEmpty, "\(qualified)")
    #expect(qualified.stdout.contains(#""system": "https://hospital.example/mrn""#))
    #expect(qualified.stdout.contains(#""system": "urn:oid:1.2.3.4""#))
    // The assessment's time, not the export's.
    #expect(qualified.stdout.contains(#""authored": "2026-11-24T21:12:00+00:00""#))
    #expect(qualified.stdout.contains(#""effectiveDateTime": "2026-11-24T21:12:00+00:00""#))
    let bare = try Site(system: nil)
    let unqualified = try bare.run(["export", "--answers", file, "--format", "fhir", "-o", "-"])
    #expect(unqualified.status == 0, "\(unqualified)")
    #expect(unqualified.stderr.hasPrefix("note: FHIR references are unqualified"))
    #expect(unqualified.stderr.filter { $0 == "\n" }.count == 1)
    #expect(!unqualified.stderr.contains("0042"), "patient data on stderr")
    // The free-text clinician is never an identifier.
    #expect(!unqualified.stdout.contains(#""value": "Dr Ada""#))
  }
}
