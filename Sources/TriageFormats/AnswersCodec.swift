import TriageEngine

/// Reads and writes the answers file (strict: anything unexpected is an error naming the key).
public enum AnswersCodec {
  /// The top-level keys of the answers file, in the order they are written.
  public static let topLevelKeys = [
    "age", "sex", "symptom_weeks", "conservative_weeks", "patient_id", "clinician",
    "consultation_id", "urgency_reached", "assessed_at", "last_item", "findings", "bulk",
    "folded",
  ]

  /// Parses and validates an answers document.
  public static func decode(_ bytes: [UInt8], checksConsistency: Bool = true, now: Int? = nil)
    throws -> AnswerSheet
  {
    try decode(
      JSONParser.parse(bytes, checksDuplicates: false), checksConsistency: checksConsistency,
      now: now)
  }

  /// Validates a parsed answers document.
  /// With `checksConsistency` (the default), more weeks of care than of symptoms is an error;
  /// drafts are read without it (they may be saved while a number is being typed). With `now`
  /// (seconds since the epoch; the commands always give it), a recorded moment
  /// (`urgency_reached.at`, `bulk[].at`) later than now beyond a few minutes of clock skew is an
  /// error (``Timestamp/problem(_:now:)``).
  public static func decode(_ value: JSONValue, checksConsistency: Bool = true, now: Int? = nil)
    throws(AnswersError) -> AnswerSheet
  {
    guard case .object(let members) = value else {
      throw AnswersError(key: "(document)", message: "expected an object, got \(value.typeName)")
    }
    var sheet = AnswerSheet()
    var seenKeys: [String] = []
    for (key, value) in members {
      // Duplicate keys are an error (the parser leaves the check to us, by identifier).
      if seenKeys.contains(key) { throw AnswersError(key: key, message: "duplicate key") }
      seenKeys.append(key)
      switch key {
      case "age":
        sheet.answers.age = try integer(value, key: key, range: Answers.ageRange)
      case "symptom_weeks":
        sheet.answers.symptomWeeks = try integer(value, key: key, range: Answers.weeksRange)
      case "conservative_weeks":
        sheet.answers.conservativeWeeks = try integer(value, key: key, range: Answers.weeksRange)
      case "sex":
        guard case .string(let text) = value, let sex = Sex(rawValue: text) else {
          throw AnswersError(
            key: key, message: "expected \"female\", \"male\" or \"other\", got \(show(value))")
        }
        sheet.answers.sex = sex
      case "patient_id": sheet.patientID = try text(value, key: key)
      case "clinician": sheet.clinician = try text(value, key: key)
      case "consultation_id":
        guard case .string(let id) = value, AnswerSheet.isUUID(id) else {
          throw AnswersError(key: key, message: "expected a UUID string, got \(show(value))")
        }
        sheet.consultationID = id.lowercased()
      case "urgency_reached": sheet.urgencyClock = try urgencyClock(value, key: key, now: now)
      case "assessed_at": sheet.assessedAt = try timestamp(value, key: key, now: now)
      case "last_item":
        guard case .string(let text) = value, AnswerSheet.isItemIdentifier(text) else {
          throw AnswersError(
            key: key, message: "expected a question identifier, got \(show(value))")
        }
        sheet.lastItem = text
      case "findings":
        guard case .object(let findings) = value else {
          throw AnswersError(key: key, message: "expected an object, got \(value.typeName)")
        }
        var seen = FindingSet()
        for (id, answer) in findings {
          guard let finding = Finding(id: id) else {
            throw AnswersError(key: "findings.\(id)", message: "unknown finding identifier")
          }
          if seen.contains(finding) {
            throw AnswersError(key: "findings.\(id)", message: "duplicate key")
          }
          seen.insert(finding)
          if case .string(AnswersCodec.notDone) = answer {
            sheet.answers.markNotDone(finding)
          } else {
            sheet.answers[finding] = try self.answer(answer, id: id)
          }
        }
      case "bulk": sheet.bulk = try bulk(value, now: now)
      case "folded": sheet.folded = try folded(value)
      default:
        throw AnswersError(
          key: key,
          message: "unknown key (expected one of: \(topLevelKeys.joined(separator: ", ")))")
      }
    }
    if checksConsistency, let care = sheet.answers.conservativeWeeks,
      let weeks = sheet.answers.symptomWeeks, care > weeks
    {
      throw AnswersError(
        key: "conservative_weeks",
        message: "\(care) weeks of care is more than the \(weeks) weeks of symptoms")
    }
    // Every finding a bulk record names is answered "no" (the record keeps only those).
    for (index, record) in sheet.bulk.enumerated() {
      for finding in record.findings where sheet.answers[finding] != record.answer {
        throw AnswersError(
          key: "bulk[\(index)].findings",
          message: "\(finding.id) is not answered \"\(record.answer.rawValue)\" in findings")
      }
    }
    // A folded finding was not asked: it has no answer in findings.
    for finding in Finding.allCases where sheet.folded.contains(finding) {
      if sheet.answers[finding] != .unknown || sheet.answers.isNotDone(finding) {
        throw AnswersError(
          key: "folded", message: "\(finding.id) is answered in findings, so it was not folded")
      }
    }
    return sheet
  }

  /// The value of a finding the clinician could not do or measure (contract section 5).
  public static let notDone = "not_done"

  /// The `folded` list: identifiers of findings not asked because, when their screen was shown,
  /// no answer to them could change the decision. Each once, each unanswered.
  static func folded(_ value: JSONValue) throws(AnswersError) -> FindingSet {
    guard case .array(let ids) = value else {
      throw AnswersError(key: "folded", message: "expected an array, got \(value.typeName)")
    }
    var set = FindingSet()
    for id in ids {
      guard case .string(let text) = id, let finding = Finding(id: text) else {
        throw AnswersError(key: "folded", message: "unknown finding identifier")
      }
      guard !set.contains(finding) else {
        throw AnswersError(key: "folded", message: "\(text) is named twice")
      }
      set.insert(finding)
    }
    return set
  }

  /// The `bulk` list: objects with exactly `screen`, `answer`, `findings` and `at`.
  static func bulk(_ value: JSONValue, now: Int? = nil) throws(AnswersError) -> [BulkAnswer] {
    guard case .array(let elements) = value else {
      throw AnswersError(key: "bulk", message: "expected an array, got \(value.typeName)")
    }
    var records: [BulkAnswer] = []
    var named = FindingSet()
    for (index, element) in elements.enumerated() {
      let path = "bulk[\(index)]"
      guard case .object(let members) = element else {
        throw AnswersError(key: path, message: "expected an object, got \(element.typeName)")
      }
      var screen: QuestionScreen?
      var answer: Answer?
      var findings: [Finding]?
      var at: String?
      var seen: [String] = []
      for (key, value) in members {
        let keyPath = "\(path).\(key)"
        if seen.contains(key) { throw AnswersError(key: keyPath, message: "duplicate key") }
        seen.append(key)
        switch key {
        case "screen":
          guard case .string(let text) = value, let found = QuestionScreen(rawValue: text) else {
            throw AnswersError(
              key: keyPath,
              message:
                "expected one of: \(QuestionScreen.allCases.map(\.rawValue).joined(separator: ", "))"
            )
          }
          screen = found
        case "answer":
          guard case .string("no") = value else {
            throw AnswersError(key: keyPath, message: "expected \"no\", got \(show(value))")
          }
          answer = .no
        case "findings":
          guard case .array(let ids) = value, !ids.isEmpty else {
            throw AnswersError(key: keyPath, message: "expected a non-empty array of identifiers")
          }
          var list: [Finding] = []
          for id in ids {
            guard case .string(let text) = id, let finding = Finding(id: text) else {
              throw AnswersError(key: keyPath, message: "unknown finding identifier")
            }
            guard !named.contains(finding) else {
              throw AnswersError(key: keyPath, message: "\(text) is named twice")
            }
            named.insert(finding)
            list.append(finding)
          }
          findings = list
        case "at":
          at = try timestamp(value, key: keyPath, now: now)
        default:
          throw AnswersError(
            key: keyPath, message: "unknown key (expected one of: screen, answer, findings, at)")
        }
      }
      guard let screen, let answer, let findings, let at else {
        let absent = [
          ("screen", screen == nil), ("answer", answer == nil),
          ("findings", findings == nil), ("at", at == nil),
        ].first { $0.1 }!.0
        throw AnswersError(key: "\(path).\(absent)", message: "missing")
      }
      for finding in findings where !QuestionCatalogue.isAsked(finding, on: screen) {
        throw AnswersError(
          key: "\(path).findings", message: "\(finding.id) is not on the \(screen.rawValue) screen")
      }
      records.append(BulkAnswer(screen: screen, answer: answer, findings: findings, at: at))
    }
    return records
  }

  static func show(_ value: JSONValue) -> String {
    switch value {
    case .string(let text): "a string of \(text.count) characters"
    case .number(let text): text
    case .bool(let flag): flag ? "true" : "false"
    default: value.typeName
    }
  }

  static func integer(_ value: JSONValue, key: String, range: ClosedRange<Int>) throws(AnswersError)
    -> Int
  {
    guard case .number(let text) = value else {
      throw AnswersError(key: key, message: "expected a whole number, got \(value.typeName)")
    }
    // Exact integers only (45, 45.0, 4.5e1); never rounded: see WholeNumber.
    let number: Int
    switch WholeNumber.read(text) {
    case .integer(let value): number = value
    case .notWhole:
      throw AnswersError(key: key, message: "expected a whole number, got \(shortNumber(text))")
    case .tooLarge: number = range.upperBound + 1
    }
    guard range.contains(number) else {
      throw AnswersError(
        key: key,
        message:
          "\(shortNumber(text)) is out of range (\(range.lowerBound) to \(range.upperBound))")
    }
    return number
  }

  /// A number's text for a message: cut after 20 characters (a line may hold a megabyte of
  /// digits), with the length said.
  static func shortNumber(_ text: String) -> String {
    let count = text.utf8.count
    guard count > 20 else { return text }
    return String(decoding: text.utf8.prefix(16), as: UTF8.self) + "... (\(count) digits)"
  }

  static func text(_ value: JSONValue, key: String) throws(AnswersError) -> String {
    guard case .string(let text) = value else {
      throw AnswersError(key: key, message: "expected a string, got \(value.typeName)")
    }
    if let problem = FreeText.problem(text) {
      throw AnswersError(key: key, message: problem)
    }
    let trimmed = text.trimmingSpaces
    return trimmed
  }

  /// `{"urgency": "emergency", "at": "2026-11-29T17:21:00+00:00"}`: an urgency identifier and
  /// an ISO 8601 time with an offset; nothing else.
  static func urgencyClock(_ value: JSONValue, key: String, now: Int?) throws(AnswersError)
    -> UrgencyClock
  {
    guard case .object(let members) = value else {
      throw AnswersError(key: key, message: "expected an object, got \(value.typeName)")
    }
    var urgency: Urgency?
    var at: String?
    for (name, member) in members {
      switch name {
      case "urgency":
        guard urgency == nil, case .string(let text) = member, let level = Urgency(id: text) else {
          throw AnswersError(
            key: "\(key).urgency", message: "expected an urgency identifier, got \(show(member))")
        }
        urgency = level
      case "at":
        guard at == nil else { throw AnswersError(key: "\(key).at", message: "duplicate key") }
        at = try timestamp(member, key: "\(key).at", now: now)
      default:
        throw AnswersError(key: "\(key).\(name)", message: "unknown key (expected urgency, at)")
      }
    }
    guard let urgency, let at else {
      throw AnswersError(key: key, message: "expected both urgency and at")
    }
    return UrgencyClock(urgency: urgency, reachedAt: at)
  }

  /// A recorded moment: a string that ``Timestamp/problem(_:now:)`` accepts.
  static func timestamp(_ value: JSONValue, key: String, now: Int?) throws(AnswersError) -> String {
    guard case .string(let text) = value else {
      throw AnswersError(
        key: key,
        message: "expected a date and time like 2026-11-29T17:21:00+00:00, got \(show(value))")
    }
    if let problem = Timestamp.problem(text, now: now) {
      throw AnswersError(key: key, message: problem)
    }
    return text
  }

  static func answer(_ value: JSONValue, id: String) throws(AnswersError) -> Answer {
    switch value {
    case .bool(let flag): return flag ? .yes : .no
    case .string(let text):
      if let answer = Answer(rawValue: text) { return answer }
      let key = "findings.\(id)"
      throw AnswersError(
        key: key,
        message:
          "expected \"yes\", \"no\", \"not_done\" or \"unknown\", got a string of \(text.count) characters"
      )
    default:
      let key = "findings.\(id)"
      throw AnswersError(
        key: key,
        message: "expected \"yes\", \"no\", \"not_done\" or \"unknown\", got \(value.typeName)")
    }
  }

  /// The answers file for `sheet`: numbers first, then identifiers, then every answered finding
  /// (unknown findings are left out, which means unknown).
  public static func encode(_ sheet: AnswerSheet, pretty: Bool = true) -> String {
    JSONWriter.string(json(sheet), pretty: pretty) + (pretty ? "\n" : "")
  }

  /// The JSON value of `sheet`.
  public static func json(_ sheet: AnswerSheet) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = []
    let answers = sheet.answers
    if let age = answers.age { members.append(("age", .number(String(age)))) }
    if let sex = answers.sex { members.append(("sex", .string(sex.rawValue))) }
    if let weeks = answers.symptomWeeks {
      members.append(("symptom_weeks", .number(String(weeks))))
    }
    if let care = answers.conservativeWeeks {
      members.append(("conservative_weeks", .number(String(care))))
    }
    if let patient = sheet.patientID { members.append(("patient_id", .string(patient))) }
    if let clinician = sheet.clinician { members.append(("clinician", .string(clinician))) }
    if let id = sheet.consultationID { members.append(("consultation_id", .string(id))) }
    if let clock = sheet.urgencyClock {
      members.append(
        (
          "urgency_reached",
          .object([("urgency", .string(clock.urgency.id)), ("at", .string(clock.reachedAt))])
        ))
    }
    if let assessed = sheet.assessedAt { members.append(("assessed_at", .string(assessed))) }
    if let item = sheet.lastItem { members.append(("last_item", .string(item))) }
    var findings: [(key: String, value: JSONValue)] = []
    for question in QuestionCatalogue.questions {
      if answers.isNotDone(question.finding) {
        findings.append((question.id, .string(notDone)))
      } else if answers[question.finding] != .unknown {
        findings.append((question.id, .string(answers[question.finding].rawValue)))
      }
    }
    members.append(("findings", .object(findings)))
    if !sheet.bulk.isEmpty {
      members.append(
        (
          "bulk",
          .array(
            sheet.bulk.map { record in
              .object([
                ("screen", .string(record.screen.rawValue)),
                ("answer", .string(record.answer.rawValue)),
                ("findings", .array(record.findings.map { .string($0.id) })),
                ("at", .string(record.at)),
              ])
            })
        ))
    }
    // Only what is still unanswered (an answered finding was asked after all).
    let folded = QuestionCatalogue.questions.filter {
      sheet.folded.contains($0.finding) && answers[$0.finding] == .unknown
        && !answers.isNotDone($0.finding)
    }
    if !folded.isEmpty {
      members.append(("folded", .array(folded.map { .string($0.id) })))
    }
    return .object(members)
  }
}

extension String {
  /// The string without leading and trailing spaces.
  public var trimmingSpaces: String {
    var scalars = Substring(self)
    while scalars.first == " " { scalars.removeFirst() }
    while scalars.last == " " { scalars.removeLast() }
    return String(scalars)
  }
}
