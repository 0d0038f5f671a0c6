import TriageEngine

/// The FHIR export of a consultation: a `Bundle` of type `collection` holding the
/// ``FHIRQuestionnaireResponse`` and the recommendation `Observation` derived from it.
///
/// Each entry's `fullUrl` is `urn:uuid:<id>`; the Observation's `derivedFrom` points to the
/// response's `fullUrl`, so the link resolves inside the Bundle and survives the receiving
/// system giving the resources its own ids. `timestamp` is when the document was generated.
public enum FHIRBundle {
  /// The Bundle resource.
  public static func json(
    sheet: AnswerSheet, recommendation: Recommendation, context: DocumentContext
  ) -> JSONValue {
    let response = FHIRQuestionnaireResponse.json(
      sheet: sheet, recommendation: recommendation, context: context)
    let observation = FHIRRecommendation.observation(
      recommendation, sheet: sheet, context: context)
    return .object([
      ("resourceType", .string("Bundle")),
      (
        "identifier",
        .object([
          ("system", .string("urn:ietf:rfc:3986")),
          ("value", .string("urn:uuid:" + context.consultationID)),
        ])
      ),
      ("type", .string("collection")),
      ("timestamp", .string(context.generatedAt)),
      (
        "entry",
        .array([
          .object([
            ("fullUrl", .string("urn:uuid:" + context.consultationID)),
            ("resource", response),
          ]),
          .object([
            ("fullUrl", .string("urn:uuid:" + FHIRRecommendation.id(context))),
            ("resource", observation),
          ]),
        ])
      ),
    ])
  }

  /// The Bundle as JSON text.
  public static func string(
    sheet: AnswerSheet, recommendation: Recommendation, context: DocumentContext,
    pretty: Bool = true
  ) -> String {
    JSONWriter.string(
      json(sheet: sheet, recommendation: recommendation, context: context), pretty: pretty)
  }
}
