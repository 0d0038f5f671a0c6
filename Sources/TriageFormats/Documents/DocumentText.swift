import TriageEngine

/// Wording shared by the printable documents (``SummaryText`` and ``SummaryHTML``), so the two
/// always say the same thing in the same order.
enum DocumentText {
  /// The program's name as printed.
  static let programName = "SpineTriage"
  /// The document's title.
  static let title = "Spine imaging triage summary"
  /// What is printed for a value that was not recorded.
  static let notRecorded = "not recorded"
  /// What an unknown answer means, printed next to the answers.
  static let answersLegend = RecordedAnswer.legend
  /// The heading of the missing-answers list.
  static let missingHeading = "Still unknown"
  /// The heading of the closing section on the seed article.
  static let differencesHeading =
    "Where this advice differs from the iCliniq article this aid started from"
  /// Printed when no MRI-safety item was raised.
  static let noSafetyItems = "None raised by the answers."
  /// The blank signature and date line.
  static let signatureLine = "Signature: ______________________________  Date: ______________"

  /// An answer written out: `Yes`, `No`, `Not done`, `Not asked (...)` or `Not assessed`.
  static func answer(_ answer: RecordedAnswer) -> String { answer.words }

  /// `1 week`, `6 weeks`.
  static func weeks(_ count: Int) -> String { count == 1 ? "1 week" : "\(count) weeks" }

  /// The numbers of the answers as label and value, in contract order.
  static func numbers(_ answers: Answers) -> [(label: String, value: String)] {
    [
      ("Age", answers.age.map { $0 == 1 ? "1 year" : "\($0) years" } ?? notRecorded),
      ("Sex", answers.sex.map(sexName) ?? notRecorded),
      ("Symptom duration", answers.symptomWeeks.map(weeks) ?? notRecorded),
      ("Conservative care tried", answers.conservativeWeeks.map(weeks) ?? notRecorded),
    ]
  }

  /// `Female`, `Male`, `Other`.
  static func sexName(_ sex: Sex) -> String {
    switch sex {
    case .female: "Female"
    case .male: "Male"
    case .other: "Other"
    }
  }

  /// A typed identifier or name, or `not recorded` when absent or blank.
  static func recorded(_ text: String?) -> String {
    guard let text = typed(text) else { return notRecorded }
    return text
  }

  /// A typed identifier or name with any control character (a line break, a form feed) made a
  /// space, so it can never break a page or a line; `nil` when absent or blank. The answers
  /// file already refuses control characters; a sheet built in code might not.
  static func typed(_ text: String?) -> String? {
    guard let text else { return nil }
    var clean = ""
    for scalar in text.unicodeScalars {
      let control = scalar.properties.generalCategory == .control
      clean.unicodeScalars.append(control ? " " : scalar)
    }
    return clean.allSatisfy({ $0 == " " }) ? nil : clean
  }

  /// The name above the signature line: the clinician if recorded, else a line to write on.
  static func signatureName(_ clinician: String?) -> String {
    typed(clinician) ?? "______________________________"
  }

  /// The generation time for a reader: `2026-11-24T21:40:00+00:00` becomes
  /// `2026-11-24 21:40:00 +00:00`; anything else is printed as given.
  static func displayTime(_ iso: String) -> String {
    let characters = Array(iso)
    guard characters.count >= 19, characters[10] == "T" else { return iso }
    let date = String(characters[0..<10])
    var rest = Substring(String(characters[11...]))
    var zone = ""
    if rest.hasSuffix("Z") {
      rest = rest.dropLast()
      zone = " UTC"
    } else if rest.count > 6, let sign = rest.dropLast(5).last, sign == "+" || sign == "-" {
      zone = " " + rest.suffix(6)
      rest = rest.dropLast(6)
    }
    return "\(date) \(rest)\(zone)"
  }

  /// The label of the assessment time: when the answers were last changed.
  static let assessedLabel = "Assessed"
  /// The label of the time the document was made.
  static let printedLabel = "Printed"

  /// The assessment time for a reader, "2026-11-29 17:21:05 +00:00 (answers last changed)",
  /// or what is known when it was not recorded (an answers file written by hand or by another
  /// program).
  static func assessed(_ sheet: AnswerSheet) -> String {
    guard let at = sheet.assessedAt else {
      return "not recorded (no time in the answers)"
    }
    return displayTime(at) + " (answers last changed)"
  }

  /// The header's patient line: "Patient: MRN 4471, 81 years, female", or "Patient not
  /// recorded, 81 years, female".
  static func headerPatient(_ sheet: AnswerSheet) -> String {
    let words = DecisionText.patientWords(patientID: nil, answers: sheet.answers)
    return typed(sheet.patientID).map { "Patient: \($0), \(words)" }
      ?? "Patient not recorded, \(words)"
  }

  /// After the decision's label when its deadline has passed at the time of printing:
  /// " (OVERDUE since 11:11)" or " (OVERDUE since Tue 1 Dec 11:11)"; else empty.
  static func overdueMark(_ rec: Recommendation, _ sheet: AnswerSheet, _ context: DocumentContext)
    -> String
  {
    guard Deadline.isOverdue(rec, clock: sheet.urgencyClock, now: context.generatedAt),
      let short = Deadline.short(rec, clock: sheet.urgencyClock, now: context.generatedAt)
    else { return "" }
    return " (\(short))"
  }

  /// The label of the decision block's line of "yes" answers that change how the study is done.
  static let studyChangingLabel = "Affects study"

  /// The urgency with the rule's own label, for example `[EMERGENCY]`, or empty for a note.
  static func ruleUrgency(_ rule: Rule) -> String {
    rule.urgency.map { "[\($0.label)]" } ?? "[note]"
  }

  /// The evidence of a fired rule in words, for example `Saddle numbness; Urinary retention`.
  static func evidence(_ fired: FiredRule) -> String {
    fired.evidenceLabels.isEmpty ? "none" : fired.evidenceLabels.joined(separator: "; ")
  }

  /// A safety item's level as printed: `STOP`, `CAUTION`, `INFO`.
  static func level(_ level: SafetyLevel) -> String { level.rawValue.uppercased() }
}
