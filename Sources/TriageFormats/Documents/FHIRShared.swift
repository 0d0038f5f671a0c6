/// FHIR narrative (`text`) and references shared by the resources.
enum FHIRShared {
  /// The SDC profiles the resources claim.
  static let sdcQuestionnaire = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire"
  static let sdcResponse =
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaireresponse"

  /// A generated narrative from XHTML content (already escaped) inside the FHIR `div`.
  static func narrative(_ xhtml: String) -> JSONValue {
    .object([
      ("status", .string("generated")),
      ("div", .string("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + xhtml + "</div>")),
    ])
  }

  /// Text escaped for the narrative.
  static func escape(_ text: String) -> String { SummaryHTML.escape(text) }

  /// A logical reference by identifier (the typed patient identifier or clinician): the EHR
  /// resolves it to its own resource.
  static func identifierReference(
    type: String, system: String? = nil, value: String, display: String? = nil
  ) -> JSONValue {
    var identifier: [(key: String, value: JSONValue)] = []
    if let system { identifier.append(("system", .string(system))) }
    identifier.append(("value", .string(value)))
    var members: [(key: String, value: JSONValue)] = [
      ("type", .string(type)),
      ("identifier", .object(identifier)),
    ]
    if let display { members.append(("display", .string(display))) }
    return .object(members)
  }

  /// An identifier `urn:uuid:<uuid>` in the system `urn:ietf:rfc:3986`.
  static func uuidIdentifier(_ uuid: String) -> JSONValue {
    .object([("system", .string("urn:ietf:rfc:3986")), ("value", .string("urn:uuid:" + uuid))])
  }

  /// The meta element claiming a profile.
  static func meta(profile: String) -> JSONValue {
    .object([("profile", .array([.string(profile)]))])
  }

  /// A second, distinct UUID derived from `uuid` (the recommendation's id from the
  /// consultation's): the first hex digit's top bit flipped, so the two never collide and the
  /// same consultation always gives the same recommendation id.
  static func derivedUUID(_ uuid: String) -> String {
    guard let first = uuid.first, let digit = first.hexDigitValue else { return uuid }
    return String(digit ^ 0x8, radix: 16) + uuid.dropFirst()
  }
}
