import TriageEngine

/// The recommendation as a FHIR R4 `Observation`, derived from the QuestionnaireResponse
/// (`derivedFrom`) and exported beside it in a ``FHIRBundle``.
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
/// - `subject` and `performer`: the same identifier references as the response's `subject`
///   and `author`; `derivedFrom`: the response (`urn:uuid:<consultation id>`, its `fullUrl` in
///   the Bundle); `text`: a generated narrative (label, study, timeframe, rules, disclaimer);
/// - `note`: the decision-support disclaimer.
/// Our own code systems live under the site's FHIR base (``DocumentContext/fhirBaseURL``):
/// `<base>/CodeSystem/recommendation`, `urgency`, `rule`, `imaging-study`, `question`. No
/// published code means "spine imaging triage recommendation", so none is claimed.
enum FHIRRecommendation {
  /// The code systems under `base`.
  struct Systems {
    let base: String
    var recommendation: String { base + "/CodeSystem/recommendation" }
    var urgency: String { base + "/CodeSystem/urgency" }
    var rule: String { base + "/CodeSystem/rule" }
    var study: String { base + "/CodeSystem/imaging-study" }
    var question: String { base + "/CodeSystem/question" }
  }

  typealias Members = [(key: String, value: JSONValue)]

  /// The Observation's id: derived from the consultation id (distinct, and stable).
  static func id(_ context: DocumentContext) -> String {
    FHIRShared.derivedUUID(context.consultationID)
  }

  /// The Observation.
  static func observation(_ rec: Recommendation, sheet: AnswerSheet, context: DocumentContext)
    -> JSONValue
  {
    let systems = Systems(base: context.fhirBaseURL)
    let codeSystem = systems.recommendation
    let ruleSystem = systems.rule
    let questionSystem = systems.question
    let urgencySystem = systems.urgency
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
      component(code, display, ("valueCodeableConcept", studyConcept(study, systems)))
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

    var members: Members = [
      ("resourceType", .string("Observation")),
      ("id", .string(id(context))),
      ("text", narrative(rec, sheet: sheet, context: context)),
      ("status", .string(rec.status == .final ? "final" : "preliminary")),
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
    ]
    if let subject = FHIRQuestionnaireResponse.subject(sheet) {
      members.append(("subject", subject))
    }
    // When the patient was assessed (the answers last changed); when this was issued.
    members.append(("effectiveDateTime", .string(sheet.assessedAt ?? context.generatedAt)))
    members.append(("issued", .string(context.generatedAt)))
    if let performer = FHIRQuestionnaireResponse.author(sheet) {
      members.append(("performer", .array([performer])))
    }
    members += [
      (
        "valueCodeableConcept",
        concept(urgencySystem, rec.urgency.id, rec.label, text: rec.label)
      ),
      ("note", .array([.object([("text", .string(TextReport.disclaimer))])])),
      (
        "derivedFrom",
        .array([
          .object([
            ("reference", .string("urn:uuid:" + context.consultationID)),
            ("type", .string("QuestionnaireResponse")),
          ])
        ])
      ),
      ("component", .array(components)),
    ]
    return .object(members)
  }

  /// The narrative: the decision first (with its deadline, dated, OVERDUE once passed at the
  /// time of issue; the "yes" answers that change how the study is done; what is still
  /// unknown), then the rules that fired.
  static func narrative(_ rec: Recommendation, sheet: AnswerSheet, context: DocumentContext)
    -> JSONValue
  {
    let e = FHIRShared.escape
    var html = "<p><b>\(e(rec.label))</b>"
    if let main = rec.mainStudy { html += ": \(e(main.displayName))" }
    html += ". \(e(rec.timeframe)).</p>"
    html += "<p>\(e(DocumentText.assessedLabel)): \(e(DocumentText.assessed(sheet))). "
    html +=
      "\(e(DocumentText.printedLabel)): \(e(DocumentText.displayTime(context.generatedAt))).</p>"
    if let deadline = Deadline.text(rec, clock: sheet.urgencyClock, now: context.generatedAt) {
      html += "<p><b>Deadline</b>: \(e(deadline)).</p>"
    }
    let changing = DecisionText.studyChangingYes(sheet.answers)
    if !changing.isEmpty {
      html +=
        "<p>\(e(DocumentText.studyChangingLabel)): yes: \(e(changing.joined(separator: "; "))).</p>"
    }
    html +=
      "<p>\(e(DocumentText.missingHeading)): "
      + "\(e(DecisionText.stillUnknownText(sheet.answers, rec))).</p>"
    if !rec.missing.isEmpty {
      // The reason, in the words every summary uses ("... not done" when that is why).
      html += "<p>\(e(DecisionText.statusLine(rec, sheet.answers))).</p>"
    }
    if !rec.rules.isEmpty {
      html += "<p>Rules that fired:</p><ul>"
      for fired in rec.rules {
        html += "<li>\(e(fired.rule.id)): \(e(fired.rule.title)) (\(e(fired.rule.source)))</li>"
      }
      html += "</ul>"
    }
    return FHIRShared.narrative(html + "<p>\(e(TextReport.disclaimer))</p>")
  }

  static func studyConcept(_ study: ImagingStudy, _ systems: Systems) -> JSONValue {
    concept(
      systems.study,
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
