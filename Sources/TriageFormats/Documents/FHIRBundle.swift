import TriageEngine

/// The FHIR export of a consultation: a `Bundle` holding the ``FHIRQuestionnaireResponse``, the
/// recommendation `Observation` derived from it and the software `Device` that made it.
///
/// Each entry's `fullUrl` is `urn:uuid:<id>`; the Observation's `derivedFrom` and `device`
/// point to the other entries' `fullUrl`s, so the links resolve inside the Bundle and survive
/// the receiving system giving the resources its own ids. `timestamp` is when the document was
/// generated.
///
/// Two types: `collection` (the exported file) and `transaction` (what `submit` sends), whose
/// entries are conditional creates (`POST` with `ifNoneExist` on each resource's identifier):
/// sending the same assessment again creates nothing new.
public enum FHIRBundle {
  /// The Bundle's type.
  public enum Kind: String, Sendable {
    /// A file: the resources side by side.
    case collection
    /// For a server's base: each entry a conditional create.
    case transaction
  }

  /// The Bundle resource.
  public static func json(
    sheet: AnswerSheet, recommendation: Recommendation, context: DocumentContext,
    kind: Kind = .collection
  ) -> JSONValue {
    let response = FHIRQuestionnaireResponse.json(
      sheet: sheet, recommendation: recommendation, context: context)
    let observation = FHIRRecommendation.observation(
      recommendation, sheet: sheet, context: context)
    let device = FHIRDevice.json(context)
    let uuid = "urn:ietf:rfc:3986|urn:uuid:"
    let entries: [(id: String, type: String, resource: JSONValue, key: String)] = [
      (context.consultationID, "QuestionnaireResponse", response, uuid + context.consultationID),
      (
        FHIRRecommendation.id(context), "Observation", observation,
        uuid + FHIRRecommendation.id(context)
      ),
      (
        FHIRDevice.id(context), "Device", device,
        FHIRDevice.identifierSystem(context) + "|" + FHIRDevice.identifierValue(context)
      ),
    ]
    return .object([
      ("resourceType", .string("Bundle")),
      ("identifier", FHIRShared.uuidIdentifier(context.consultationID)),
      ("type", .string(kind.rawValue)),
      ("timestamp", .string(context.generatedAt)),
      (
        "entry",
        .array(
          entries.map { entry in
            var members: [(key: String, value: JSONValue)] = [
              ("fullUrl", .string("urn:uuid:" + entry.id)), ("resource", entry.resource),
            ]
            if kind == .transaction {
              members.append(
                (
                  "request",
                  .object([
                    ("method", .string("POST")), ("url", .string(entry.type)),
                    ("ifNoneExist", .string("identifier=" + queryEncoded(entry.key))),
                  ])
                ))
            }
            return .object(members)
          })
      ),
    ])
  }

  /// The Bundle as JSON text.
  public static func string(
    sheet: AnswerSheet, recommendation: Recommendation, context: DocumentContext,
    kind: Kind = .collection, pretty: Bool = true
  ) -> String {
    JSONWriter.string(
      json(sheet: sheet, recommendation: recommendation, context: context, kind: kind),
      pretty: pretty)
  }

  /// `text` percent-encoded for a URL query (`ifNoneExist` is one): unreserved characters and
  /// `:/@|` stay, everything else (`+`, which a query reads as a space, `&`, `=`, `%`,
  /// non-ASCII...) becomes `%XX` of its UTF-8 bytes.
  static func queryEncoded(_ text: String) -> String {
    let kept = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/@|".utf8)
    var out = ""
    for byte in text.utf8 {
      if kept.contains(byte) {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return out
  }

  /// One line saying which references are unqualified (an identifier typed without the
  /// site's system for it), or `nil` when every reference is qualified or there is none.
  public static func unqualifiedNote(sheet: AnswerSheet, context: DocumentContext) -> String? {
    var parts: [String] = []
    if FHIRQuestionnaireResponse.present(sheet.patientID) != nil, context.patientIDSystem == nil {
      parts.append("the patient identifier has no system (set patient_id_system)")
    }
    if FHIRQuestionnaireResponse.present(sheet.clinician) != nil,
      context.clinicianIDSystem == nil
    {
      parts.append("the clinician is a name only, not an identifier (set clinician_id_system)")
    }
    guard !parts.isEmpty else { return nil }
    return "note: FHIR references are unqualified: " + parts.joined(separator: "; ")
  }
}
