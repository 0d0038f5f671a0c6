import TriageEngine

/// The recommendation as the contract's JSON (README, "The answers file"), with the rule set 2
/// fields (`status`, `timeframe_hours`) and the extension fields
/// `rules[].urgency`, `rules[].note`, `rules[].seed_difference`, `safety[].before`,
/// `safety[].source`.
public enum RecommendationJSON {
  /// The JSON value of `recommendation`.
  public static func json(_ recommendation: Recommendation) -> JSONValue {
    .object([
      ("urgency", .string(recommendation.urgency.id)),
      ("label", .string(recommendation.label)),
      ("status", .string(recommendation.status.rawValue)),
      ("timeframe", .string(recommendation.timeframe)),
      ("timeframe_hours", recommendation.timeframeHours.map { .number(String($0)) } ?? .null),
      ("imaging", .array(recommendation.imaging.map(study))),
      (
        "alternatives",
        .array(
          recommendation.alternatives.map { alternative in
            guard case .object(var members) = study(alternative.study) else { return .null }
            members.append(("when", .string(alternative.when)))
            return .object(members)
          })
      ),
      ("rules", .array(recommendation.rules.map(rule))),
      ("safety", .array(recommendation.safety.map(safety))),
      ("missing", .array(recommendation.missing.map { .string($0) })),
      ("safety_net", .array(recommendation.safetyNet.map { .string($0) })),
      ("ruleset", .string(recommendation.ruleset)),
    ])
  }

  /// The compact JSON of `recommendation` as UTF-8 bytes (the streaming path).
  public static func compactBytes(_ recommendation: Recommendation) -> [UInt8] {
    var writer = CompactRecommendationWriter()
    writer.write(recommendation)
    return writer.bytes
  }

  /// The JSON text of `recommendation`.
  public static func string(_ recommendation: Recommendation, pretty: Bool) -> String {
    guard !pretty else { return JSONWriter.string(json(recommendation), pretty: true) }
    return String(decoding: compactBytes(recommendation), as: UTF8.self)
  }

  static func study(_ study: ImagingStudy) -> JSONValue {
    .object([
      ("modality", .string(study.modality.rawValue)),
      ("region", .string(study.region.rawValue)),
      ("contrast", .string(study.contrast.rawValue)),
    ])
  }

  static func rule(_ fired: FiredRule) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("id", .string(fired.rule.id)),
      ("title", .string(fired.rule.title)),
      ("urgency", fired.rule.urgency.map { .string($0.id) } ?? .null),
      ("source", .string(fired.rule.source)),
      ("findings", .array(fired.evidence.map { .string($0) })),
    ]
    if let note = fired.rule.note { members.append(("note", .string(note))) }
    if let seed = fired.rule.seedDifference {
      members.append(("seed_difference", .string(seed)))
    }
    return .object(members)
  }

  static func safety(_ item: SafetyItem) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("id", .string(item.id)),
      ("level", .string(item.level.rawValue)),
      ("message", .string(item.message)),
    ]
    if let before = item.before { members.append(("before", .string(before))) }
    members.append(("source", .string(item.source)))
    members.append(("findings", .array(item.findings.map { .string($0.id) })))
    return .object(members)
  }
}
