/// The software that made the recommendation, as a FHIR R4 `Device` in the export's Bundle (the
/// Observation's `device`): its name, version and the commit it was built from.
///
/// - `identifier`: system `<base>/software`, value `spine-triage@<version>+<commit>` (or
///   `+development` for a build that recorded no commit): the same for every assessment made
///   by one build, so a server keeps one Device per build (the transaction's conditional
///   create on it).
/// - `version`: the program's version and the commit, each with its kind in `type.text`.
enum FHIRDevice {
  /// The Device's id and `fullUrl` in a Bundle: derived from the consultation id (distinct
  /// from the response's and the Observation's ids; the server keys on the identifier).
  static func id(_ context: DocumentContext) -> String {
    guard let first = context.consultationID.first, let digit = first.hexDigitValue else {
      return context.consultationID
    }
    return String(digit ^ 0x4, radix: 16) + context.consultationID.dropFirst()
  }

  /// The identifier's system under the site's FHIR base.
  static func identifierSystem(_ context: DocumentContext) -> String {
    context.fhirBaseURL + "/software"
  }

  /// The identifier's value: one per build.
  static func identifierValue(_ context: DocumentContext) -> String {
    "spine-triage@\(context.programVersion)+\(context.commit ?? "development")"
  }

  /// The Device resource.
  static func json(_ context: DocumentContext) -> JSONValue {
    let e = FHIRShared.escape
    let commit = context.commit ?? "not recorded (development build)"
    let narrative =
      "<p><b>\(e(DocumentText.programName))</b> \(e(context.programVersion)), commit"
      + " \(e(commit)): decision-support software.</p>"
    func version(_ kind: String, _ value: String) -> JSONValue {
      .object([("type", .object([("text", .string(kind))])), ("value", .string(value))])
    }
    return .object([
      ("resourceType", .string("Device")),
      ("id", .string(id(context))),
      ("text", FHIRShared.narrative(narrative)),
      (
        "identifier",
        .array([
          .object([
            ("system", .string(identifierSystem(context))),
            ("value", .string(identifierValue(context))),
          ])
        ])
      ),
      (
        "deviceName",
        .array([
          .object([
            ("name", .string(DocumentText.programName)), ("type", .string("user-friendly-name")),
          ])
        ])
      ),
      ("type", .object([("text", .string("Decision-support software"))])),
      (
        "version",
        .array([
          version("software version", context.programVersion), version("commit", commit),
        ])
      ),
    ])
  }
}
