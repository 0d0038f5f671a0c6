/// Published codes on Questionnaire items, only where the code means exactly what the item
/// asks (no code is better than a wrong one). Each was checked against a public source; the
/// table with the sources is in README.md ("FHIR an EHR can map").
enum FHIRItemCode {
  static let loinc = "http://loinc.org"
  static let snomed = "http://snomed.info/sct"

  /// A coding: system, code, display.
  struct Coding: Sendable {
    let system: String
    let code: String
    let display: String
  }

  /// The codes by item linkId.
  static let byLinkID: [String: Coding] = [
    // LOINC 30525-0 "Age": general specification of age, no implied method.
    "age": Coding(system: loinc, code: "30525-0", display: "Age"),
    // LOINC 46098-0 "Sex" (the recorded sex; answers are administrative-gender codes).
    "sex": Coding(system: loinc, code: "46098-0", display: "Sex"),
    // LOINC 82810-3 "Pregnancy status". The item's yes is "pregnant or possibly pregnant",
    // which MRI safety treats as pregnant; no is not pregnant.
    "pregnant": Coding(system: loinc, code: "82810-3", display: "Pregnancy status"),
    // SNOMED CT 279039007 |Low back pain (finding)|.
    "pain_low_back": Coding(system: snomed, code: "279039007", display: "Low back pain"),
    // SNOMED CT 81680005 |Neck pain (finding)|.
    "pain_neck": Coding(system: snomed, code: "81680005", display: "Neck pain"),
    // SNOMED CT 64859006 |Osteoporosis (disorder)|.
    "osteoporosis": Coding(system: snomed, code: "64859006", display: "Osteoporosis"),
  ]

  /// The item's `code` element, or nil when no published code fits exactly.
  static func json(_ linkId: String) -> JSONValue? {
    guard let coding = byLinkID[linkId] else { return nil }
    return .array([
      .object([
        ("system", .string(coding.system)),
        ("code", .string(coding.code)),
        ("display", .string(coding.display)),
      ])
    ])
  }
}
