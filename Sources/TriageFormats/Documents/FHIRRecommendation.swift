import TriageEngine

/// The recommendation as a FHIR R4 `Observation`, contained in the QuestionnaireResponse.
///
/// Why an Observation: the urgency is the result of an assessment instrument applied to the
/// questionnaire's answers (like a score), which is what Observation records; it validates in
/// R4 without a Patient resource (`subject` is optional), unlike `RiskAssessment` (R4 requires
/// `subject`), and it is plain data a receiving system can read, unlike `Basic` (everything in
/// extensions) or `Parameters` (not meant to be contained). `GuidanceResponse` would need a
/// further contained `RequestGroup` or `Parameters` to carry the studies.
///
/// - `status`: `final`, or `preliminary` while answers that could raise the urgency are missing;
/// - `code`: `triage-recommendation`; `valueCodeableConcept`: the urgency (`emergency`...,
///   display the label);
/// - one `component` per item, its code from ``codeSystem``: `timeframe`, `main-study`,
///   `imaging` (further studies), `alternative`, `rule` (coding: rule id and title; text: id,
///   title, source and findings), `safety-stop` / `safety-caution` / `safety-info` (coding:
///   `SF-` id and message; text with "before the scan" and source), `missing` (the finding or
///   number identifier), `safety-net`, `ruleset`;
/// - `note`: the decision-support disclaimer.
enum FHIRRecommendation {
  /// The contained resource's id (`#recommendation` in references).
  static let id = "recommendation"
  /// The base of the code systems.
  static let base = "https://spinetriage.invalid/fhir/CodeSystem/"
  /// The codes of the Observation and its components.
  static let codeSystem = base + "recommendation"
  /// The urgency codes (the contract's `urgency`).
  static let urgencySystem = base + "urgency"
  /// Rule identifiers (`CES-1`, `SF-4`...).
  static let ruleSystem = base + "rule"
  /// Studies as `modality:region:contrast` (the contract's identifiers).
  static let studySystem = base + "imaging-study"
  /// Question identifiers: findings and numbers (the Questionnaire's linkIds).
  static let questionSystem = base + "question"
  /// The extension on the QuestionnaireResponse that points to the Observation.
  static let extensionURL =
    "https://spinetriage.invalid/fhir/StructureDefinition/triage-recommendation"

  typealias Members = [(key: String, value: JSONValue)]

  /// The contained Observation.
  static func observation(_ rec: Recommendation, context: DocumentContext) -> JSONValue {
    var components: [JSONValue] = []
    func component(_ code: String, _ display: String, _ value: (key: String, value: JSONValue)) {
      components.append(
        .object([
          ("code", concept(codeSystem, code, display, text: nil)),
          value,
        ]))
    }
    component("timeframe", "Timeframe", ("valueString", .string(rec.timeframe)))
    for (index, study) in rec.imaging.enumerated() {
      let code = index == 0 ? "main-study" : "imaging"
      let display = index == 0 ? "Main study" : "Further study"
      component(code, display, ("valueCodeableConcept", studyConcept(study)))
    }
    for alternative in rec.alternatives {
      component(
        "alternative", "Alternative",
        ("valueString", .string("\(alternative.study.displayName): \(alternative.when)")))
    }
    for fired in rec.rules {
      let rule = fired.rule
      let text =
        "\(rule.id) \(DocumentText.ruleUrgency(rule)) \(rule.title). Source: \(rule.source)."
        + " Findings: \(DocumentText.evidence(fired))."
      component(
        "rule", "Rule that fired",
        ("valueCodeableConcept", concept(ruleSystem, rule.id, rule.title, text: text)))
    }
    for item in rec.safety {
      var text = "\(DocumentText.level(item.level)) \(item.id): \(item.message)."
      if let before = item.before { text += " Before the scan: \(before)." }
      text += " Source: \(item.source)."
      component(
        "safety-\(item.level.rawValue)", "MRI safety: \(item.level.rawValue)",
        ("valueCodeableConcept", concept(ruleSystem, item.id, item.message, text: text)))
    }
    for missing in rec.missing {
      component(
        "missing", "Missing answer that could raise the urgency",
        (
          "valueCodeableConcept",
          concept(
            questionSystem, missing, FHIRLayout.itemsByLinkID[missing]?.item.text, text: missing)
        ))
    }
    for advice in rec.safetyNet {
      component("safety-net", "Safety-net advice", ("valueString", .string(advice)))
    }
    component("ruleset", "Rule set", ("valueString", .string(rec.ruleset)))

    return .object([
      ("resourceType", .string("Observation")),
      ("id", .string(id)),
      ("status", .string(rec.missing.isEmpty ? "final" : "preliminary")),
      (
        "category",
        .array([
          .object([
            (
              "coding",
              .array([
                .object([
                  (
                    "system",
                    .string("http://terminology.hl7.org/CodeSystem/observation-category")
                  ),
                  ("code", .string("survey")),
                  ("display", .string("Survey")),
                ])
              ])
            )
          ])
        ])
      ),
      (
        "code",
        concept(
          codeSystem, "triage-recommendation", "Spine imaging triage recommendation",
          text: "Spine imaging triage recommendation")
      ),
      ("effectiveDateTime", .string(context.generatedAt)),
      (
        "valueCodeableConcept",
        concept(urgencySystem, rec.urgency.id, rec.label, text: rec.label)
      ),
      ("note", .array([.object([("text", .string(TextReport.disclaimer))])])),
      ("component", .array(components)),
    ])
  }

  /// The extension that links the response to the contained Observation (a contained resource
  /// must be referenced from its container, FHIR invariant dom-3).
  static func reference(_ rec: Recommendation) -> JSONValue {
    var display = rec.label
    if let main = rec.mainStudy { display += ": " + main.displayName }
    return .object([
      ("url", .string(extensionURL)),
      (
        "valueReference",
        .object([
          ("reference", .string("#" + id)),
          ("display", .string(display)),
        ])
      ),
    ])
  }

  static func studyConcept(_ study: ImagingStudy) -> JSONValue {
    concept(
      studySystem,
      "\(study.modality.rawValue):\(study.region.rawValue):\(study.contrast.rawValue)",
      study.displayName, text: study.displayName)
  }

  static func concept(_ system: String, _ code: String, _ display: String?, text: String?)
    -> JSONValue
  {
    var coding: Members = [("system", .string(system)), ("code", .string(code))]
    if let display { coding.append(("display", .string(display))) }
    var members: Members = [("coding", .array([.object(coding)]))]
    if let text { members.append(("text", .string(text))) }
    return .object(members)
  }
}
