import Testing
import TriageEngine
import TriageFormats

/// The answers file (README, "The answers file"): strict, every error names the key.
@Suite struct AnswersCodecTests {
  func decode(_ text: String) throws -> AnswerSheet {
    try AnswersCodec.decode(Array(text.utf8))
  }

  /// Decodes `text` expecting an answers error; returns it.
  func answersError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation)
    -> AnswersError?
  {
    do {
      let sheet = try decode(text)
      Issue.record("expected an error, decoded \(sheet)", sourceLocation: sourceLocation)
      return nil
    } catch let error as AnswersError {
      return error
    } catch {
      Issue.record("expected an AnswersError, got \(error)", sourceLocation: sourceLocation)
      return nil
    }
  }

  // MARK: Valid files

  @Test func decodesTheContractExample() throws {
    let sheet = try decode(
      """
      {
        "age": 45,
        "sex": "female",
        "symptom_weeks": 8,
        "conservative_weeks": 6,
        "findings": { "pain_low_back": "yes", "radiates_leg": "yes", "bladder_bowel": "no" }
      }
      """)
    let answers = sheet.answers
    #expect(answers.age == 45)
    #expect(answers.sex == .female)
    #expect(answers.symptomWeeks == 8)
    #expect(answers.conservativeWeeks == 6)
    #expect(answers[.painLowBack] == .yes)
    #expect(answers[.radiatesLeg] == .yes)
    #expect(answers[.bladderBowel] == .no)
    // A finding left out is unknown.
    #expect(answers[.saddleAnesthesia] == .unknown)
  }

  @Test func acceptsTrueAndFalseForFindings() throws {
    let sheet = try decode(
      #"{"findings": {"pain_neck": true, "trauma_major": false, "pregnant": "unknown"}}"#)
    #expect(sheet.answers[.painNeck] == .yes)
    #expect(sheet.answers[.traumaMajor] == .no)
    #expect(sheet.answers[.pregnant] == .unknown)
  }

  @Test func everythingIsOptional() throws {
    let sheet = try decode("{}")
    #expect(sheet.answers == Answers())
    #expect(sheet.answers.isEmpty)
  }

  @Test func acceptsTheRangeLimits() throws {
    let low = try decode(#"{"age": 0, "symptom_weeks": 0, "conservative_weeks": 0}"#)
    #expect(low.answers.age == 0)
    let high = try decode(#"{"age": 120, "symptom_weeks": 520, "conservative_weeks": 520}"#)
    #expect(high.answers.age == 120)
    #expect(high.answers.symptomWeeks == 520)
  }

  @Test func acceptsIntegralSpellingsOfWholeNumbers() throws {
    // Documented: 45, 45.0 and 4.5e1 are the same whole number; nothing is rounded.
    #expect(try decode(#"{"age": 45.0}"#).answers.age == 45)
    #expect(try decode(#"{"age": 4.5e1}"#).answers.age == 45)
  }

  @Test func everyCatalogueIdentifierIsAccepted() throws {
    for question in QuestionCatalogue.questions {
      let sheet = try decode(#"{"findings": {"\#(question.id)": "yes"}}"#)
      #expect(sheet.answers[question.finding] == .yes, "\(question.id)")
    }
  }

  @Test func theSpecIdentifiersAreInTheCatalogue() {
    // The identifiers never change meaning (README, "The answers file").
    let spec = [
      "pain_low_back", "pain_neck", "pain_mid_back", "radiates_leg", "radiates_arm",
      "intervention_candidate", "prior_spine_surgery", "trauma_major", "trauma_minor",
      "night_pain", "progressive_weakness", "progressive_numbness", "bladder_bowel",
      "sexual_dysfunction", "weight_loss", "fever_history", "recent_infection", "cancer_history",
      "steroids", "tb_risk", "iv_drug_use", "immunosuppression", "osteoporosis",
      "myelopathy_symptoms", "saddle_anesthesia", "urinary_retention", "fever_measured",
      "low_body_weight", "umn_signs", "bilateral_deficit", "severe_weakness", "focal_deficit",
      "midline_tenderness", "altered_alertness", "intoxication", "distracting_injury",
      "dangerous_mechanism", "limb_paresthesia", "simple_rear_end", "sitting_in_ed", "ambulatory",
      "delayed_neck_pain", "can_rotate_neck", "pacemaker_conditional", "pacemaker_legacy",
      "abandoned_leads", "cochlear_implant", "neurostimulator", "orbital_metal", "metal_fragments",
      "pregnant", "renal_impairment", "contrast_reaction", "claustrophobia",
    ]
    for id in spec { #expect(Finding(id: id) != nil, "\(id)") }
  }

  // MARK: Errors name the key

  @Test func unknownFindingNamesTheFindingsKey() throws {
    let error = try #require(answersError(#"{"findings": {"pain_low_back": "yes", "xyz": "yes"}}"#))
    #expect(error.key == "findings.xyz")
    #expect(error.message.contains("unknown"))
    #expect(error.description.hasPrefix("findings.xyz: "))
  }

  @Test func identifiersAreCaseSensitive() throws {
    let error = try #require(answersError(#"{"findings": {"Pain_Low_Back": "yes"}}"#))
    #expect(error.key == "findings.Pain_Low_Back")
  }

  @Test(arguments: [
    (#"{"age": "45"}"#, "age"), (#"{"age": true}"#, "age"), (#"{"age": [45]}"#, "age"),
    (#"{"age": null}"#, "age"), (#"{"symptom_weeks": "8"}"#, "symptom_weeks"),
    (#"{"conservative_weeks": {}}"#, "conservative_weeks"), (#"{"sex": "f"}"#, "sex"),
    (#"{"sex": 1}"#, "sex"), (#"{"findings": ["pain_neck"]}"#, "findings"),
    (#"{"findings": "pain_neck"}"#, "findings"),
    (#"{"findings": {"pain_neck": 1}}"#, "findings.pain_neck"),
    (#"{"findings": {"pain_neck": "maybe"}}"#, "findings.pain_neck"),
    (#"{"findings": {"pain_neck": "YES"}}"#, "findings.pain_neck"),
    (#"{"findings": {"pain_neck": null}}"#, "findings.pain_neck"),
    (#"{"patient_id": 12}"#, "patient_id"),
  ])
  func wrongTypeNamesTheKey(text: String, key: String) throws {
    let error = try #require(answersError(text))
    #expect(error.key == key)
    #expect(error.message.contains("expected"), "\(error)")
  }

  @Test(arguments: [
    (#"{"age": 121}"#, "age"), (#"{"age": -1}"#, "age"),
    (#"{"symptom_weeks": 521}"#, "symptom_weeks"),
    (#"{"conservative_weeks": 521}"#, "conservative_weeks"), (#"{"age": 1e400}"#, "age"),
    (#"{"age": 99999999999999999999999}"#, "age"),
  ])
  func outOfRangeNamesTheKey(text: String, key: String) throws {
    let error = try #require(answersError(text))
    #expect(error.key == key)
  }

  @Test func outOfRangeSaysTheRange() throws {
    let age = try #require(answersError(#"{"age": 121}"#))
    #expect(age.message.contains("121"))
    #expect(age.message.contains("0 to 120"))
    let weeks = try #require(answersError(#"{"symptom_weeks": 521}"#))
    #expect(weeks.message.contains("0 to 520"))
  }

  @Test(arguments: ["4.5", "45.5", "1e-1", "-0.5"])
  func nonIntegerNamesTheKey(number: String) throws {
    let error = try #require(answersError(#"{"age": \#(number)}"#))
    #expect(error.key == "age")
    #expect(error.message.contains("whole number"))
  }

  @Test func moreCareThanSymptomsNamesConservativeWeeks() throws {
    let error = try #require(answersError(#"{"symptom_weeks": 4, "conservative_weeks": 6}"#))
    #expect(error.key == "conservative_weeks")
    // Key order in the file does not matter.
    let reversed = try #require(answersError(#"{"conservative_weeks": 6, "symptom_weeks": 4}"#))
    #expect(reversed.key == "conservative_weeks")
    // Equal is fine; care without a symptom duration is fine.
    #expect(
      try decode(#"{"symptom_weeks": 6, "conservative_weeks": 6}"#).answers.conservativeWeeks == 6)
    #expect(try decode(#"{"conservative_weeks": 6}"#).answers.conservativeWeeks == 6)
  }

  @Test(arguments: ["weight", "Age", "findings_extra", ""])
  func unknownTopLevelKeyIsNamed(key: String) throws {
    let error = try #require(answersError(#"{"age": 45, "\#(key)": 1}"#))
    #expect(error.key == key)
    #expect(error.message.contains("unknown key"))
  }

  @Test(arguments: ["[]", "45", "\"answers\"", "null", "true"])
  func aDocumentThatIsNotAnObjectIsAnError(text: String) throws {
    let error = try #require(answersError(text))
    #expect(error.key == "(document)")
  }

  @Test func syntaxErrorsComeFromTheParser() {
    #expect(throws: JSONSyntaxError.self) { try decode(#"{"age": 45"#) }
    // Duplicate keys are found by the codec, by identifier, naming the key.
    #expect(throws: AnswersError(key: "age", message: "duplicate key")) {
      try decode(#"{"age": 45, "age": 46}"#)
    }
    #expect(throws: JSONSyntaxError.self) { try decode("") }
  }

  // MARK: Encoding

  @Test func encodesNumbersThenFindingsInCatalogueOrder() throws {
    var answers = Answers(age: 45, sex: .male, symptomWeeks: 8, conservativeWeeks: 6)
    answers[.bladderBowel] = .no
    answers[.painLowBack] = .yes
    let text = AnswersCodec.encode(AnswerSheet(answers: answers))
    guard case .object(let members) = try JSONParser.parse(text) else {
      Issue.record("expected an object")
      return
    }
    #expect(
      members.map(\.key) == ["age", "sex", "symptom_weeks", "conservative_weeks", "findings"])
    guard case .object(let findings) = members.last?.value else {
      Issue.record("expected findings")
      return
    }
    // Unknown findings are left out; answered ones are written as strings.
    #expect(findings.map(\.key) == ["pain_low_back", "bladder_bowel"])
    #expect(findings.map(\.value) == [.string("yes"), .string("no")])
    #expect(text.hasSuffix("\n"))
  }

  @Test func compactEncodingIsOneLine() {
    var answers = Answers(age: 30)
    answers[.painNeck] = .yes
    let text = AnswersCodec.encode(AnswerSheet(answers: answers), pretty: false)
    #expect(!text.contains("\n"))
    #expect(text == #"{"age":30,"findings":{"pain_neck":"yes"}}"#)
  }

  // MARK: Text fields and identifiers

  /// Bidi overrides and isolates, zero-width characters, the BOM, line and paragraph separators
  /// and control characters are refused in both text fields, naming the key and the code point,
  /// never echoing the text.
  @Test(arguments: [
    "\\u202e", "\\u202d", "\\u2066", "\\u2069", "\\u200b", "\\u200d", "\\ufeff", "\\u2028",
    "\\u2029", "\\u0085", "\\u001b", "\\u0600", "\\ue000", "\\uffff",
  ])
  func invisibleCharactersAreRefused(escape: String) throws {
    for key in ["patient_id", "clinician"] {
      let error = try #require(answersError(#"{"\#(key)": "12345\#(escape)67890"}"#))
      #expect(error.key == key)
      #expect(error.message.contains("U+"), "\(error.message)")
      #expect(!error.message.contains("12345"))
    }
  }

  @Test func theBidiIdentifierOfTheReportIsRefused() throws {
    let error = try #require(answersError("{\"patient_id\": \"12345\u{202E}67890\"}"))
    #expect(error.key == "patient_id")
    #expect(error.message.contains("U+202E"))
  }

  /// The limit counts Unicode scalars: 500,000 combining marks on one letter are one grapheme
  /// cluster but 500,001 scalars.
  @Test func theLimitCountsScalars() throws {
    let marks = "e" + String(repeating: "\u{0301}", count: 500_000)
    #expect(marks.count == 1)
    let error = try #require(answersError(#"{"patient_id": "\#(marks)"}"#))
    #expect(error.message.contains("longer than 64"))
    let exact = String(repeating: "x", count: 63) + "\u{0301}"
    #expect(try decode(#"{"patient_id": "\#(exact)"}"#).patientID == exact)
    let over = String(repeating: "x", count: 64) + "\u{0301}"
    #expect(answersError(#"{"patient_id": "\#(over)"}"#) != nil)
    // Names written with combining accents (NFD) are accepted.
    #expect(try decode(#"{"clinician": "Dr Mu\#u{0308}ller"}"#).clinician == "Dr Mu\u{0308}ller")
  }

  /// UUIDs are ASCII hexadecimal only: full-width and other Unicode digits are refused.
  @Test(arguments: [
    "１２３４５６７８-1234-4234-8234-123456789abc", "12345678-1234-4234-8234-123456789abｃ",
    "١٢٣٤٥٦٧٨-1234-4234-8234-123456789abc", "12345678-1234-4234-8234-123456789abg",
    "12345678-1234-4234-8234-123456789abcd", "12345678+1234-4234-8234-123456789abc",
  ])
  func onlyASCIIHexUUIDs(id: String) throws {
    let error = try #require(answersError(#"{"consultation_id": "\#(id)"}"#))
    #expect(error.key == "consultation_id")
  }

  @Test func aMixedCaseUUIDIsAcceptedAndLowercased() throws {
    let sheet = try decode(#"{"consultation_id": "12345678-ABCD-4234-8234-123456789abc"}"#)
    #expect(sheet.consultationID == "12345678-abcd-4234-8234-123456789abc")
  }
}

/// `not_done` (contract section 5) and the record of folded findings (`folded`).
@Suite struct NotDoneCodecTests {
  @Test func notDoneRoundTripsAndReadsAsUnknown() throws {
    let text = """
      {"age": 40, "findings": {"pain_low_back": "yes", "abnormal_labs": "not_done"},
       "folded": ["xray_opll"]}
      """
    let sheet = try AnswersCodec.decode(Array(text.utf8))
    #expect(sheet.answers[.abnormalLabs] == .unknown)
    #expect(sheet.answers.isNotDone(.abnormalLabs))
    #expect(sheet.recorded(.abnormalLabs) == .notDone)
    #expect(sheet.recorded(.xrayOPLL) == .notAsked)
    #expect(sheet.recorded(.nightPain) == .notAssessed)
    let written = AnswersCodec.encode(sheet)
    #expect(written.contains("\"abnormal_labs\": \"not_done\""))
    #expect(written.contains("\"folded\""))
    #expect(try AnswersCodec.decode(Array(written.utf8)) == sheet)
    // The engine sees unknown: the same recommendation as with the finding left out.
    var plain = sheet.answers
    plain[.abnormalLabs] = .unknown
    #expect(TriageEngine.evaluate(sheet.answers) == TriageEngine.evaluate(plain))
    // Answering it removes "not done".
    var answered = sheet.answers
    answered[.abnormalLabs] = .no
    #expect(!answered.isNotDone(.abnormalLabs))
  }

  @Test func oldFilesStillLoad() throws {
    let sheet = try AnswersCodec.decode(Array(#"{"findings": {"night_pain": "no"}}"#.utf8))
    #expect(sheet.folded.isEmpty)
    #expect(sheet.answers.notDoneSet.isEmpty)
  }

  @Test func badFoldedListsAreErrors() {
    for (text, message) in [
      (#"{"folded": "night_pain"}"#, "expected an array"),
      (#"{"folded": ["no_such"]}"#, "unknown finding identifier"),
      (#"{"folded": ["night_pain", "night_pain"]}"#, "named twice"),
      (#"{"findings": {"night_pain": "no"}, "folded": ["night_pain"]}"#, "answered"),
      (#"{"findings": {"night_pain": "not_done"}, "folded": ["night_pain"]}"#, "answered"),
    ] {
      do {
        _ = try AnswersCodec.decode(Array(text.utf8))
        Issue.record("accepted \(text)")
      } catch let error as AnswersError {
        #expect(error.key == "folded", "\(text)")
        #expect(error.message.contains(message), "\(text): \(error)")
      } catch { Issue.record("\(error)") }
    }
  }

  @Test func aBadAnswerNamesNotDone() {
    do {
      _ = try AnswersCodec.decode(Array(#"{"findings": {"night_pain": "not done"}}"#.utf8))
      Issue.record("accepted")
    } catch let error as AnswersError {
      #expect(error.message.contains("\"not_done\""))
    } catch { Issue.record("\(error)") }
  }

  @Test func summariesSayWhy() {
    var answers = Answers(age: 40, symptomWeeks: 1, conservativeWeeks: 0)
    answers[.painLowBack] = .yes
    answers.markNotDone(.abnormalLabs)
    let recommendation = TriageEngine.evaluate(answers)
    #expect(recommendation.status == .provisional)
    let text = TextReport.string(recommendation, answers: answers)
    #expect(text.contains("Raised ESR, CRP or white cell count not done"))
    #expect(text.contains("Not done:"))
    #expect(
      DecisionText.missingWords(recommendation, answers).contains {
        $0.hasSuffix("(not done)")
      })
  }
}
