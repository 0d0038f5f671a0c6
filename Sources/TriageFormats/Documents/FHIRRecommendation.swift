import TriageEngine

/// The recommendation as a FHIR R4 `Observation`, derived from the QuestionnaireResponse
/// (`derivedFrom`) and exported beside it in a ``FHIRBundle``. It says what the screen says.
///
/// Why an Observation: the urgency is the result of an assessment instrument applied to the
/// questionnaire's answers (like a score), which is what Observation records; it validates in
/// R4 without a Patient resource (`subject` is optional), unlike `RiskAssessment` (R4 requires
/// `subject`), and it is plain data a receiving system can read, unlike `Basic` (everything in
/// extensions) or `Parameters` (not meant to be contained). `GuidanceResponse` would need a
/// further contained `RequestGroup` or `Parameters` to carry the studies.
///
/// - `identifier`: `urn:uuid:<id>` (system `urn:ietf:rfc:3986`), the key of a conditional
///   create, so that sending the same assessment twice never makes two.
/// - `status` follows the clinical status (R4 `ObservationStatus`): `final` for final;
///   `preliminary` for provisional ("the result may be incomplete or unverified"), and for an
///   incomplete assessment that nevertheless raised an urgency (a red flag without a complaint:
///   incomplete never hides an emergency); `registered` for an incomplete assessment with no
///   decision yet ("no result yet available"), which carries no value at all.
/// - The clinical status as coded data: the component `assessment-status`, a concept of
///   `<base>/CodeSystem/assessment-status` (`final`, `provisional`, `incomplete`; text: the
///   status line of the screen); the narrative opens with the same words.
/// - `valueCodeableConcept`: the urgency (`emergency`..., display the label); absent with no
///   decision (then `dataAbsentReason` `temp-unknown`, text "INCOMPLETE: NO DECISION YET"), and
///   then no timeframe, study, alternative or safety-net component either.
/// - `effectiveDateTime`: when the assessment was made (``AnswerSheet/assessedAt``), not
///   the export (`issued`: when this document was generated).
/// - The deadline: `deadline-hours` (a UCUM quantity in hours), and when the moment the urgency
///   was reached is recorded, `urgency-reached` and `deadline` (dateTimes).
/// - The rule set: the extension `<base>/StructureDefinition/ruleset` with a `valueCanonical`
///   `<base>/PlanDefinition/spine-triage-rules|<version>`, and the `ruleset` component (the
///   contract's identifier, `spine-triage-rules@<version>`).
/// - `device`: the software that made the recommendation (a `Device` in the same Bundle: its
///   version and the commit it was built from).
/// - one `component` per item, its code from ``codeSystem``: `timeframe`, `main-study`,
///   `imaging` (further studies), `alternative`, `rule` (coding: rule id and title; text: id,
///   title, source and findings), `safety-stop` / `safety-caution` / `safety-info` (coding:
///   `SF-` id and message; text with "before the scan" and source), `missing` (the finding or
///   number identifier), `safety-net`, `ruleset`;
/// - `subject` and `performer`: the same references as the response's `subject` and `author`;
///   `derivedFrom`: the response (`urn:uuid:<consultation id>`, its `fullUrl` in the Bundle);
///   `text`: a generated narrative (status, label, study, timeframe, deadline, rules, disclaimer);
/// - `note`: the decision-support disclaimer.
/// Our own code systems live under the site's FHIR base (``DocumentContext/fhirBaseURL``):
/// `<base>/CodeSystem/recommendation`, `urgency`, `assessment-status`, `rule`, `imaging-study`,
/// `question`. No published code means "spine imaging triage recommendation", so none is
/// claimed.
enum FHIRRecommendation {
  /// The code systems under `base`.
  struct Systems {
    let base: String
    var recommendation: String { base + "/CodeSystem/recommendation" }
    var urgency: String { base + "/CodeSystem/urgency" }
    var status: String { base + "/CodeSystem/assessment-status" }
    var rule: String { base + "/CodeSystem/rule" }
    var study: String { base + "/CodeSystem/imaging-study" }
    var question: String { base + "/CodeSystem/question" }
    var rulesetExtension: String { base + "/StructureDefinition/ruleset" }
  }

  typealias Members = [(key: String, value: JSONValue)]

  /// The Observation's id: derived from the consultation id (distinct, and stable).
  static func id(_ context: DocumentContext) -> String {
    FHIRShared.derivedUUID(context.consultationID)
  }

  /// The R4 `Observation.status` for a recommendation (see the type's documentation).
  public static func observationStatus(_ rec: Recommendation) -> String {
    switch rec.status {
    case .final: "final"
    case .provisional: "preliminary"
    case .incomplete: DecisionText.hasNoDecision(rec) ? "registered" : "preliminary"
    }
  }

  /// The display of a status code: `Final`, `Provisional`, `Incomplete`.
  static func statusDisplay(_ status: RecommendationStatus) -> String {
    switch status {
    case .final: "Final"
    case .provisional: "Provisional"
    case .incomplete: "Incomplete"
    }
  }

  /// The rule set as a canonical URL with its version: `spine-triage-rules@2` under the base
  /// `B` is `B/PlanDefinition/spine-triage-rules|2`.
  static func rulesetCanonical(_ ruleset: String, base: String) -> String {
    let parts = ruleset.split(separator: "@", maxSplits: 1)
    let name = parts.first.map(String.init) ?? ruleset
    let version = parts.count == 2 ? "|" + parts[1] : ""
    return base + "/PlanDefinition/" + name + version
  }

  /// The Observation.
  static func observation(_ rec: Recommendation, sheet: AnswerSheet, context: DocumentContext)
    -> JSONValue
  {
    let systems = Systems(base: context.fhirBaseURL)
    let codeSystem = systems.recommendation
    let noDecision = DecisionText.hasNoDecision(rec)
    var components: [JSONValue] = []
    func component(_ code: String, _ display: String, _ value: (key: String, value: JSONValue)) {
      components.append(
        .object([
          ("code", concept(codeSystem, code, display, text: nil)),
          value,
        ]))
    }
    component(
      "assessment-status", "Assessment status",
      (
        "valueCodeableConcept",
        concept(
          systems.status, rec.status.rawValue, statusDisplay(rec.status),
          text: rec.statusLine)
      ))
    if !noDecision {
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
    }
    if let hours = rec.timeframeHours {
      component(
        "deadline-hours", "Latest time to the study from the moment the urgency was reached",
        (
          "valueQuantity",
          .object([
            ("value", .number(String(hours))), ("unit", .string("h")),
            ("system", .string("http://unitsofmeasure.org")), ("code", .string("h")),
          ])
        ))
    }
    if rec.timeframeHours != nil, let clock = sheet.urgencyClock,
      let deadline = Deadline.dateTime(rec, clock: clock)
    {
      component(
        "urgency-reached", "When the urgency was reached",
        ("valueDateTime", .string(clock.reachedAt)))
      component("deadline", "Deadline for the study", ("valueDateTime", .string(deadline)))
    }
    for fired in rec.rules {
      let rule = fired.rule
      let text =
        "\(rule.id) \(DocumentText.ruleUrgency(rule)) \(rule.title). Source: \(rule.source)."
        + " Findings: \(DocumentText.evidence(fired))."
      component(
        "rule", "Rule that fired",
        ("valueCodeableConcept", concept(systems.rule, rule.id, rule.title, text: text)))
    }
    for item in rec.safety {
      var text = "\(DocumentText.level(item.level)) \(item.id): \(item.message)."
      if let before = item.before { text += " Before the scan: \(before)." }
      text += " Source: \(item.source)."
      component(
        "safety-\(item.level.rawValue)", "MRI safety: \(item.level.rawValue)",
        ("valueCodeableConcept", concept(systems.rule, item.id, item.message, text: text)))
    }
    for missing in rec.missing {
      component(
        "missing", "Missing answer that could raise the urgency",
        (
          "valueCodeableConcept",
          concept(
            systems.question, missing, FHIRLayout.itemsByLinkID[missing]?.item.text,
            text: missing)
        ))
    }
    if !noDecision {
      for advice in rec.safetyNet {
        component("safety-net", "Safety-net advice", ("valueString", .string(advice)))
      }
    }
    component("ruleset", "Rule set", ("valueString", .string(rec.ruleset)))

    var members: Members = [
      ("resourceType", .string("Observation")),
      ("id", .string(id(context))),
      ("text", narrative(rec, sheet: sheet, context: context)),
      (
        "extension",
        .array([
          .object([
            ("url", .string(systems.rulesetExtension)),
            (
              "valueCanonical",
              .string(rulesetCanonical(rec.ruleset, base: context.fhirBaseURL))
            ),
          ])
        ])
      ),
      ("identifier", .array([FHIRShared.uuidIdentifier(id(context))])),
      ("status", .string(observationStatus(rec))),
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
    if let subject = FHIRQuestionnaireResponse.subject(sheet, context) {
      members.append(("subject", subject))
    }
    // When the patient was assessed (the answers last changed); when this was issued.
    members.append(("effectiveDateTime", .string(sheet.assessedAt ?? context.generatedAt)))
    members.append(("issued", .string(context.generatedAt)))
    if let performer = FHIRQuestionnaireResponse.author(sheet, context) {
      members.append(("performer", .array([performer])))
    }
    if noDecision {
      members.append(
        (
          "dataAbsentReason",
          .object([
            (
              "coding",
              .array([
                .object([
                  (
                    "system",
                    .string("http://terminology.hl7.org/CodeSystem/data-absent-reason")
                  ),
                  ("code", .string("temp-unknown")),
                  ("display", .string("Temporarily Unknown")),
                ])
              ])
            ),
            ("text", .string(DecisionText.label(rec))),
          ])
        ))
    } else {
      members.append(
        (
          "valueCodeableConcept",
          concept(systems.urgency, rec.urgency.id, rec.label, text: rec.label)
        ))
    }
    members += [
      ("note", .array([.object([("text", .string(TextReport.disclaimer))])])),
      (
        "device",
        .object([
          ("reference", .string("urn:uuid:" + FHIRDevice.id(context))),
          ("type", .string("Device")),
        ])
      ),
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

  /// The narrative: the decision and its status first, when the patient was assessed and when
  /// this was issued, the deadline (dated, OVERDUE once passed at the time of issue), the "yes"
  /// answers that change how the study is done, what is still unknown, then the rules that
  /// fired.
  static func narrative(_ rec: Recommendation, sheet: AnswerSheet, context: DocumentContext)
    -> JSONValue
  {
    let e = FHIRShared.escape
    var html = "<p><b>\(e(DecisionText.label(rec)))</b>"
    if !DecisionText.hasNoDecision(rec) {
      if let main = rec.mainStudy { html += ": \(e(main.displayName))" }
      html += ". \(e(rec.timeframe))"
    }
    html += ".</p><p><b>\(e(DecisionText.statusLine(rec, sheet.answers))).</b></p>"
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
    if !rec.rules.isEmpty {
      html += "<p>Rules that fired:</p><ul>"
      for fired in rec.rules {
        html += "<li>\(e(fired.rule.id)): \(e(fired.rule.title)) (\(e(fired.rule.source)))</li>"
      }
      html += "</ul>"
    }
    return FHIRShared.narrative(html + "<p>\(e(TextReport.disclaimer))</p>")
  }

  /// "Assessed at ...", or that the assessment's time was not recorded (the export time
  /// stands in).
  static func timeParagraph(_ sheet: AnswerSheet, _ context: DocumentContext) -> String {
    let e = FHIRShared.escape
    guard let assessed = sheet.assessedAt else {
      return "<p>Time of the assessment not recorded: the time given is the export's, "
        + "\(e(DocumentText.displayTime(context.generatedAt))).</p>"
    }
    return "<p>Assessed \(e(DocumentText.displayTime(assessed))).</p>"
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
