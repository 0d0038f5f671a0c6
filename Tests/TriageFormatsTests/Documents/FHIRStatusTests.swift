import Foundation
import Testing
import TriageEngine
import TriageFormats

/// The FHIR export says what the screen says: the clinical status as coded data and in words,
/// no recommendation value without a decision, the assessment's own time, the deadline, the
/// rule set, the software and identifiers a hospital can use.
@Suite("FHIR status, times and identifiers")
struct FHIRStatusTests {
  let context = DocumentFixtures.context
  /// When the fixtures' patient was assessed (the answers last changed).
  static let assessedAt = "2026-11-24T21:12:00+00:00"

  /// The Observation of `sheet`'s Bundle.
  func observation(_ sheet: AnswerSheet, context: DocumentContext? = nil) -> JSONValue? {
    let bundle = FHIRBundle.json(
      sheet: sheet, recommendation: TriageEngine.evaluate(sheet.answers),
      context: context ?? self.context)
    return FHIRTree.member(FHIRTree.array(FHIRTree.member(bundle, "entry"))[1], "resource")
  }

  /// The components by code.
  func components(_ observation: JSONValue?) -> [String: [JSONValue]] {
    var byCode: [String: [JSONValue]] = [:]
    for component in FHIRTree.array(FHIRTree.member(observation, "component")) {
      let code = FHIRTree.string(
        FHIRTree.member(
          FHIRTree.array(FHIRTree.member(FHIRTree.member(component, "code"), "coding")).first,
          "code"))
      byCode[code ?? "?", default: []].append(component)
    }
    return byCode
  }

  func statusCode(_ observation: JSONValue?) -> String? {
    let component = components(observation)["assessment-status"]?.first
    let coding = FHIRTree.array(
      FHIRTree.member(FHIRTree.member(component, "valueCodeableConcept"), "coding")
    ).first
    return FHIRTree.string(FHIRTree.member(coding, "code"))
  }

  static func sheet(_ findings: [String: Answer]) -> AnswerSheet {
    var answers = Answers()
    for (id, answer) in findings { answers[Finding(id: id)!] = answer }
    return AnswerSheet(answers: answers)
  }

  @Test("an empty form: registered, no value, no timeframe or study, INCOMPLETE in words")
  func incompleteWithoutDecision() {
    let sheet = AnswerSheet()
    let rec = TriageEngine.evaluate(sheet.answers)
    #expect(rec.status == .incomplete && rec.urgency == .none)
    let observation = observation(sheet)
    #expect(FHIRTree.string(FHIRTree.member(observation, "status")) == "registered")
    #expect(FHIRTree.member(observation, "valueCodeableConcept") == nil)
    let absent = FHIRTree.member(observation, "dataAbsentReason")
    #expect(FHIRTree.string(FHIRTree.member(absent, "text")) == "INCOMPLETE: NO DECISION YET")
    #expect(statusCode(observation) == "incomplete")
    let byCode = components(observation)
    for code in ["timeframe", "main-study", "imaging", "alternative", "safety-net"] {
      #expect(byCode[code] == nil, "\(code) on an incomplete form")
    }
    let div = FHIRTree.string(FHIRTree.member(FHIRTree.member(observation, "text"), "div")) ?? ""
    #expect(div.contains("<b>INCOMPLETE: NO DECISION YET</b>"))
    #expect(!div.contains("NO IMAGING NOW"))
    #expect(!div.contains("Conservative"))
    // The response says the same.
    let qr = FHIRQuestionnaireResponse.json(sheet: sheet, recommendation: rec, context: context)
    let qrDiv = FHIRTree.string(FHIRTree.member(FHIRTree.member(qr, "text"), "div")) ?? ""
    #expect(qrDiv.contains("INCOMPLETE: NO DECISION YET"))
    #expect(!qrDiv.contains("NO IMAGING NOW"))
  }

  @Test("a red flag without a complaint: the urgency is carried (never hidden), preliminary")
  func incompleteWithUrgency() throws {
    let sheet = Self.sheet(["saddle_anesthesia": .yes, "urinary_retention": .yes])
    let rec = TriageEngine.evaluate(sheet.answers)
    try #require(rec.status == .incomplete && rec.urgency > .none)
    let observation = observation(sheet)
    #expect(FHIRTree.string(FHIRTree.member(observation, "status")) == "preliminary")
    #expect(statusCode(observation) == "incomplete")
    let value = FHIRTree.member(observation, "valueCodeableConcept")
    #expect(FHIRTree.string(FHIRTree.member(value, "text")) == rec.label)
  }

  @Test(
    "status follows the clinical status (final, provisional) as coded data and in words",
    arguments: DocumentFixtures.all)
  func statusFollows(_ fixture: DocumentFixtures.Case) {
    let rec = fixture.recommendation
    let observation = observation(fixture.sheet)
    #expect(statusCode(observation) == rec.status.rawValue)
    let expected =
      switch rec.status {
      case .final: "final"
      case .provisional: "preliminary"
      case .incomplete: DecisionText.hasNoDecision(rec) ? "registered" : "preliminary"
      }
    #expect(FHIRTree.string(FHIRTree.member(observation, "status")) == expected)
    let div = FHIRTree.string(FHIRTree.member(FHIRTree.member(observation, "text"), "div")) ?? ""
    #expect(div.contains(rec.status.label + ":"))
  }

  @Test("the assessment's time, not the export's; the export's time as issued")
  func times() {
    var sheet = DocumentFixtures.emergency.sheet
    sheet.assessedAt = Self.assessedAt
    let observation = observation(sheet)
    #expect(
      FHIRTree.string(FHIRTree.member(observation, "effectiveDateTime")) == Self.assessedAt)
    #expect(FHIRTree.string(FHIRTree.member(observation, "issued")) == context.generatedAt)
    let qr = FHIRQuestionnaireResponse.json(
      sheet: sheet, recommendation: TriageEngine.evaluate(sheet.answers), context: context)
    #expect(FHIRTree.string(FHIRTree.member(qr, "authored")) == Self.assessedAt)
    // Not recorded: the export's time stands in, and the narrative says so.
    var unrecordedSheet = sheet
    unrecordedSheet.assessedAt = nil
    let unrecorded = self.observation(unrecordedSheet)
    #expect(
      FHIRTree.string(FHIRTree.member(unrecorded, "effectiveDateTime")) == context.generatedAt)
    let unrecordedQR = FHIRQuestionnaireResponse.json(
      sheet: unrecordedSheet, recommendation: TriageEngine.evaluate(sheet.answers),
      context: context)
    let div = FHIRTree.string(FHIRTree.member(FHIRTree.member(unrecordedQR, "text"), "div")) ?? ""
    #expect(div.contains("Time of the assessment not recorded"))
  }

  @Test("the deadline as a dateTime from the moment the urgency was reached")
  func deadline() throws {
    var sheet = DocumentFixtures.emergency.sheet
    sheet.urgencyClock = UrgencyClock(urgency: .emergency, reachedAt: "2026-11-24T22:30:00+01:00")
    let rec = TriageEngine.evaluate(sheet.answers)
    let hours = try #require(rec.timeframeHours)
    let byCode = components(observation(sheet))
    let quantity = FHIRTree.member(byCode["deadline-hours"]?.first, "valueQuantity")
    #expect(FHIRTree.member(quantity, "value") == .number(String(hours)))
    #expect(FHIRTree.string(FHIRTree.member(quantity, "code")) == "h")
    #expect(
      FHIRTree.string(FHIRTree.member(byCode["urgency-reached"]?.first, "valueDateTime"))
        == "2026-11-24T22:30:00+01:00")
    #expect(hours == 4)
    #expect(
      FHIRTree.string(FHIRTree.member(byCode["deadline"]?.first, "valueDateTime"))
        == "2026-11-25T02:30:00+01:00")
    // Without the moment: the hours only.
    let unclocked = components(observation(DocumentFixtures.emergency.answersOnly))
    #expect(unclocked["deadline"] == nil)
    #expect(unclocked["deadline-hours"]?.count == 1)
  }

  @Test("rule set as a canonical, the software as a Device, the Observation's identifier")
  func provenance() {
    var context = self.context
    context.commit = "0123456789abcdef0123456789abcdef01234567"
    let sheet = DocumentFixtures.noImaging.sheet
    let rec = TriageEngine.evaluate(sheet.answers)
    let bundle = FHIRBundle.json(sheet: sheet, recommendation: rec, context: context)
    let entries = FHIRTree.array(FHIRTree.member(bundle, "entry"))
    let observation = FHIRTree.member(entries[1], "resource")
    let extensions = FHIRTree.array(FHIRTree.member(observation, "extension"))
    let version = rec.ruleset.split(separator: "@").last.map(String.init) ?? "?"
    #expect(
      FHIRTree.string(FHIRTree.member(extensions.first, "valueCanonical"))
        == "\(context.fhirBaseURL)/PlanDefinition/spine-triage-rules|\(version)")
    let identifier = FHIRTree.array(FHIRTree.member(observation, "identifier")).first
    let id = FHIRTree.string(FHIRTree.member(observation, "id")) ?? "?"
    #expect(FHIRTree.string(FHIRTree.member(identifier, "value")) == "urn:uuid:" + id)
    #expect(FHIRTree.string(FHIRTree.member(identifier, "system")) == "urn:ietf:rfc:3986")
    let device = FHIRTree.member(entries[2], "resource")
    #expect(
      FHIRTree.string(FHIRTree.member(FHIRTree.member(observation, "device"), "reference"))
        == FHIRTree.string(FHIRTree.member(entries[2], "fullUrl")))
    let versions = FHIRTree.array(FHIRTree.member(device, "version")).compactMap {
      FHIRTree.string(FHIRTree.member($0, "value"))
    }
    #expect(versions == [context.programVersion, context.commit])
  }

  @Test("with the site's systems, subject and author carry system and value")
  func qualified() {
    var context = self.context
    context.patientIDSystem = "https://hospital.example/mrn"
    context.clinicianIDSystem = "urn:oid:1.2.3.4"
    context.operatorUser = "asmith"
    let sheet = DocumentFixtures.emergency.sheet
    let observation = observation(sheet, context: context)
    let subject = FHIRTree.member(FHIRTree.member(observation, "subject"), "identifier")
    #expect(FHIRTree.string(FHIRTree.member(subject, "system")) == context.patientIDSystem)
    #expect(FHIRTree.string(FHIRTree.member(subject, "value")) == sheet.patientID)
    let performer = FHIRTree.array(FHIRTree.member(observation, "performer")).first
    let author = FHIRTree.member(performer, "identifier")
    #expect(FHIRTree.string(FHIRTree.member(author, "system")) == context.clinicianIDSystem)
    #expect(FHIRTree.string(FHIRTree.member(author, "value")) == sheet.clinician)
    #expect(
      FHIRTree.string(FHIRTree.member(performer, "display"))
        == (sheet.clinician ?? "") + " (operating-system user asmith)")
    #expect(FHIRBundle.unqualifiedNote(sheet: sheet, context: context) == nil)
    let note = FHIRBundle.unqualifiedNote(sheet: sheet, context: self.context)
    #expect(note?.hasPrefix("note: FHIR references are unqualified") == true)
    #expect(note?.contains("\n") == false)
    #expect(FHIRBundle.unqualifiedNote(sheet: AnswerSheet(), context: self.context) == nil)
  }

  @Test("a transaction: each entry a conditional create on the resource's identifier")
  func transaction() {
    let sheet = DocumentFixtures.emergency.sheet
    let bundle = FHIRBundle.json(
      sheet: sheet, recommendation: TriageEngine.evaluate(sheet.answers), context: context,
      kind: .transaction)
    #expect(FHIRTree.string(FHIRTree.member(bundle, "type")) == "transaction")
    for entry in FHIRTree.array(FHIRTree.member(bundle, "entry")) {
      let resource = FHIRTree.member(entry, "resource")
      let type = FHIRTree.string(FHIRTree.member(resource, "resourceType")) ?? "?"
      let request = FHIRTree.member(entry, "request")
      #expect(FHIRTree.string(FHIRTree.member(request, "method")) == "POST")
      #expect(FHIRTree.string(FHIRTree.member(request, "url")) == type)
      let identifier: JSONValue? =
        if case .array(let list)? = FHIRTree.member(resource, "identifier") {
          list.first
        } else {
          FHIRTree.member(resource, "identifier")
        }
      let system = FHIRTree.string(FHIRTree.member(identifier, "system")) ?? "?"
      let value = FHIRTree.string(FHIRTree.member(identifier, "value")) ?? "?"
      let plus = value.replacingOccurrences(of: "+", with: "%2B")
      #expect(
        FHIRTree.string(FHIRTree.member(request, "ifNoneExist"))
          == "identifier=\(system)|\(plus)")
    }
  }
}
