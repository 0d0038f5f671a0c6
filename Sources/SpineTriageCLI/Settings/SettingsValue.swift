import TriageFormats

/// Validation of one setting's value, the same for a file, the environment and an option. A
/// problem is a phrase ("must be a4, letter or any") that the caller prefixes with where the
/// value came from.
enum SettingsValue {
  /// A value as written: a JSON value from a file, or a string from the environment or the
  /// command line.
  enum Raw {
    case json(JSONValue)
    case text(String)
  }

  /// Sets `key` in `settings` from `raw`, or returns the problem.
  static func apply(_ key: Settings.Key, _ raw: Raw, to settings: inout Settings) -> String? {
    do {
      try set(key, raw, &settings)
      return nil
    } catch {
      return error.description
    }
  }

  private static func set(_ key: Settings.Key, _ raw: Raw, _ settings: inout Settings)
    throws(Problem)
  {
    switch key {
    case .exportFolder:
      let text = try string(raw)
      if case .json = raw, !text.hasPrefix("/") {
        throw Problem("must be an absolute folder (starting with /)")
      }
      try check(pathProblem(text))
      settings.exportFolder = text
    case .printer:
      let text = try string(raw)
      try check(printerProblem(text))
      settings.printer = text
    case .paper:
      guard let paper = PaperSize(rawValue: try string(raw)) else {
        throw Problem("must be a4, letter or any (the printer's own)")
      }
      settings.paper = paper
    case .siteName:
      let text = try string(raw)
      try check(siteNameProblem(text))
      settings.siteName = text
    case .fhirBaseURL:
      let text = try string(raw)
      try check(baseURLProblem(text))
      settings.fhirBaseURL = text
    case .exportFolderSharing:
      switch try string(raw) {
      case "private": settings.exportFolderIsGroupShared = false
      case "group": settings.exportFolderIsGroupShared = true
      default:
        throw Problem(
          "must be private (the default: a folder of yours, mode 700) or group (a team folder,"
            + " mode 2770)")
      }
    case .draftRetentionDays:
      settings.draftRetentionDays = try wholeNumber(
        raw, Settings.draftRetentionRange, unit: "days")
    case .sharedTerminal:
      switch raw {
      case .json(.bool(let on)): settings.sharedTerminal = on
      case .text("true"), .text("on"), .text("yes"): settings.sharedTerminal = true
      case .text("false"), .text("off"), .text("no"): settings.sharedTerminal = false
      default: throw Problem("must be true or false")
      }
    case .patientIDSystem:
      let text = try string(raw)
      try check(uriProblem(text))
      settings.patientIDSystem = text
    case .clinicianIDSystem:
      let text = try string(raw)
      try check(uriProblem(text))
      settings.clinicianIDSystem = text
    case .fhirServerURL:
      let text = try string(raw)
      try check(serverURLProblem(text))
      settings.fhirServerURL = text
    case .fhirTokenFile, .fhirClientCertificate, .fhirClientKey, .fhirCAFile:
      let text = try string(raw)
      guard text.hasPrefix("/") else {
        throw Problem("must be an absolute file name (starting with /)")
      }
      try check(pathProblem(text))
      switch key {
      case .fhirTokenFile: settings.fhirTokenFile = text
      case .fhirClientCertificate: settings.fhirClientCertificate = text
      case .fhirClientKey: settings.fhirClientKey = text
      default: settings.fhirCAFile = text
      }
    case .sharedRetentionHours:
      settings.sharedRetentionHours = try wholeNumber(
        raw, Settings.sharedRetentionRange, unit: "hours")
    case .idleMinutes:
      settings.idleMinutes = try wholeNumber(raw, Settings.idleMinutesRange, unit: "minutes")
    }
  }

  /// A whole number in `range`, written in decimal digits (a JSON number or a text).
  private static func wholeNumber(_ raw: Raw, _ range: ClosedRange<Int>, unit: String)
    throws(Problem) -> Int
  {
    let phrase = "must be a whole number of \(unit) from \(range.lowerBound) to \(range.upperBound)"
    let digits: String
    switch raw {
    case .json(.number(let number)): digits = number
    case .json(let other): throw Problem(phrase + ", not \(other.typeName)")
    case .text(let text): digits = text
    }
    guard !digits.isEmpty, digits.utf8.count <= 4,
      digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
      let value = Int(digits), range.contains(value)
    else { throw Problem(phrase) }
    return value
  }

  private static func check(_ problem: String?) throws(Problem) {
    if let problem { throw Problem(problem) }
  }

  private static func string(_ raw: Raw) throws(Problem) -> String {
    switch raw {
    case .text(let text), .json(.string(let text)):
      guard !text.isEmpty else { throw Problem("must not be empty") }
      return text
    case .json(let other):
      throw Problem("must be a string, not \(other.typeName)")
    }
  }

  /// A problem phrase.
  struct Problem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }

  static func hasControl(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
        || $0.properties.generalCategory == .format
        || $0.properties.generalCategory == .lineSeparator
        || $0.properties.generalCategory == .paragraphSeparator
    }
  }

  static func pathProblem(_ path: String) -> String? {
    if hasControl(path) { return "must not contain control characters" }
    if path.utf8.count > 1024 { return "is too long (at most 1024 bytes)" }
    return nil
  }

  /// A CUPS destination name: printable, no space, tab, `/` or `#`, at most 127 characters; not
  /// starting with `-` (it must never read as an option of `lp`).
  static func printerProblem(_ name: String) -> String? {
    guard name.unicodeScalars.count <= 127,
      name.unicodeScalars.allSatisfy({
        $0.value > 0x20 && $0.value < 0x7F && $0 != "/" && $0 != "#"
      }),
      !name.hasPrefix("-")
    else {
      return "must be a print queue name: letters, digits and punctuation without spaces, / or #,"
        + " not starting with -"
    }
    return nil
  }

  /// The site name follows the rule of every free text (``FreeText``: display columns, no
  /// invisible characters), with its own width, and may not be blank.
  static func siteNameProblem(_ name: String) -> String? {
    if let problem = FreeText.problem(name, maxColumns: FreeText.maxSiteColumns) {
      return "must be plain text: " + problem
    }
    if name.allSatisfy({ $0 == " " }) { return "must not be blank" }
    return nil
  }

  /// An absolute URI naming an identifier system: a scheme (`https:`, `http:`, `urn:`...) and
  /// something after it, printable ASCII without spaces, at most 1024 bytes; no fragment.
  static func uriProblem(_ uri: String) -> String? {
    let phrase =
      "must be an absolute URI naming the identifier system, such as"
      + " https://hospital.example/mrn or urn:oid:1.2.3.4"
    guard uri.utf8.count <= 1024, !hasControl(uri),
      uri.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }),
      !uri.contains("#"), let colon = uri.firstIndex(of: ":")
    else { return phrase }
    let scheme = uri[..<colon]
    guard let first = scheme.unicodeScalars.first, ("a"..."z").contains(first),
      scheme.unicodeScalars.allSatisfy({
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-"
          || $0 == "."
      }),
      uri.index(after: colon) < uri.endIndex
    else { return phrase }
    if scheme == "http" || scheme == "https" { return urlProblem(uri).map { _ in phrase } }
    return nil
  }

  /// The server `submit` sends to: an https URL (like ``urlProblem(_:)``); plain http only to
  /// this machine (127.0.0.1, [::1] or localhost), since a bearer token must never cross a
  /// network in clear.
  static func serverURLProblem(_ url: String) -> String? {
    if let problem = urlProblem(url) { return problem }
    guard url.hasPrefix("http://") else { return nil }
    let host = url.dropFirst("http://".count).prefix { $0 != "/" }
    let name =
      host.hasPrefix("[")
      ? String(host.prefix { $0 != "]" }) + "]" : String(host.prefix { $0 != ":" })
    guard ["127.0.0.1", "[::1]", "localhost"].contains(name) else {
      return "must be an https:// URL (plain http:// only to this machine: 127.0.0.1 or localhost)"
    }
    return nil
  }

  /// An absolute http or https URL with a host, no query, fragment, spaces or final `/`.
  static func urlProblem(_ url: String) -> String? {
    let phrase =
      "must be an absolute https:// (or http://) URL without a final /, query or fragment"
    guard url.utf8.count <= 1024, !hasControl(url),
      url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }),
      !url.contains("?"), !url.contains("#"), !url.hasSuffix("/")
    else { return phrase }
    for scheme in ["https://", "http://"] where url.hasPrefix(scheme) {
      let rest = url.dropFirst(scheme.count)
      let host = rest.prefix { $0 != "/" }
      if host.isEmpty || host.hasPrefix(":") || host.contains("@") { return phrase }
      return nil
    }
    return phrase
  }

  /// The FHIR canonical base (`fhir_base_url`): an absolute https URL with a host, made only of
  /// letters, digits and `-._~:/%` (nothing a shell, HTML or a quoted string treats specially:
  /// no `"<>|`, backtick, space, `\`, `'`), without user information, query, fragment or a final
  /// `/`. `http://` is refused: the base names the site's canonical resources.
  static func baseURLProblem(_ url: String) -> String? {
    let phrase =
      "must be an absolute https:// URL of letters, digits and -._~:/% only, without a final /"
    guard url.utf8.count <= 1024,
      url.unicodeScalars.allSatisfy({
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || "-._~:/%".unicodeScalars.contains($0)
      }),
      !url.hasSuffix("/"), url.hasPrefix("https://")
    else { return phrase }
    let host = url.dropFirst("https://".count).prefix { $0 != "/" }
    if host.isEmpty || host.hasPrefix(":") || host.hasPrefix(".") { return phrase }
    return nil
  }
}
