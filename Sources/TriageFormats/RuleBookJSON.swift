import TriageEngine

/// The rule book as JSON (`spine-triage rules --format json`): each rule's metadata, its
/// condition tree, its plan, timeframe and notes, written from the values the evaluator reads.
public enum RuleBookJSON {
  /// Every rule in precedence order (of two rules with the same urgency, the earlier chooses
  /// the main study), then every MRI-safety rule. `evaluation` (1 first) is the rule's place in
  /// the order the engine evaluates the book: a `fired` condition names a rule evaluated before.
  public static func json() -> JSONValue {
    let evaluation = Dictionary(
      uniqueKeysWithValues: RuleBook.book.enumerated().map { ($1.id, $0 + 1) })
    var rules: [JSONValue] = []
    for id in RuleID.allCases {
      let book = RuleBook.byID[id.rawValue]
      var members = metadata(book.rule)
      members.append(("phase", .string(phase(book.phase))))
      members.append(("evaluation", .number(String(evaluation[id] ?? 0))))
      members.append(
        (
          "arms",
          .array(
            book.arms.map { arm in
              .object([
                ("condition", condition(arm.condition)),
                ("plan", plan(arm.plan)),
              ])
            })
        ))
      rules.append(.object(members))
    }
    for rule in RuleBook.Safety.all {
      var members = metadata(rule.rule)
      members.append(("phase", .string("safety")))
      members.append(("arms", .array([.object([("condition", condition(rule.when))])])))
      rules.append(.object(members))
    }
    return .array(rules)
  }

  static func metadata(_ rule: Rule) -> [(key: String, value: JSONValue)] {
    [
      ("id", .string(rule.id)),
      ("title", .string(rule.title)),
      ("urgency", rule.urgency.map { .string($0.id) } ?? .null),
      ("source", .string(rule.source)),
      ("year", .number(String(rule.year))),
      ("certainty", .string(rule.certainty.rawValue)),
      ("timeframe", rule.timeframe.map { .string($0) } ?? .null),
      ("timeframe_hours", rule.timeframeHours.map { .number(String($0)) } ?? .null),
      ("note", rule.note.map { .string($0) } ?? .null),
      ("seed_difference", rule.seedDifference.map { .string($0) } ?? .null),
      ("seed_about", .array(rule.seedAbout.members.map { .string($0.id) })),
      ("seed_about_age", .bool(rule.seedAboutAge)),
      ("adult_only", .bool(rule.adultOnly)),
      ("lumbar_only", .bool(rule.lumbarOnly)),
      ("opposes", .array(rule.opposes.map { .string($0) })),
    ]
  }

  static func phase(_ phase: BookRule.Phase) -> String {
    switch phase {
    case .indication: "indication"
    case .fallback: "fallback"
    case .note: "note"
    case .region: "region"
    }
  }

  static func findings(_ set: FindingSet) -> JSONValue {
    .array(set.members.map { .string($0.id) })
  }

  static func group(_ group: FindingGroup) -> JSONValue {
    .object([("group", .string(group.name)), ("findings", findings(group.members))])
  }

  /// A condition as a tree: `{"all": [...]}`, `{"yes": "finding_id"}`, ...
  public static func condition(_ condition: Condition) -> JSONValue {
    switch condition {
    case .always: return .string("always")
    case .yes(let finding): return .object([("yes", .string(finding.id))])
    case .no(let finding): return .object([("no", .string(finding.id))])
    case .unanswered(let finding): return .object([("unanswered", .string(finding.id))])
    case .anyYes(let g): return .object([("any_yes", group(g))])
    case .allNo(let g): return .object([("all_no", group(g))])
    case .site(let site): return .object([("site", .string(Self.site(site)))])
    case .number(let measure, let bound):
      let range: [(key: String, value: JSONValue)]
      switch bound {
      case .below(let n): range = [("below", .number(String(n)))]
      case .atLeast(let n): range = [("at_least", .number(String(n)))]
      case .over(let n): range = [("over", .number(String(n)))]
      case .from(let a, let b):
        range = [("at_least", .number(String(a))), ("below", .number(String(b)))]
      }
      return .object([("number", .object([("input", .string(measure.input.ids[0]))] + range))])
    case .unrecorded(let measure):
      return .object([("unrecorded", .string(measure.input.ids[0]))])
    case .fired(let rule): return .object([("fired", .string(rule.rule.id))])
    case .decidedAtMost(let urgency): return .object([("decided_at_most", .string(urgency.id))])
    case .planCovers(let regions):
      return .object([("plan_covers", .array(regions.map { .string($0.rawValue) }))])
    case .planned: return .string("planned")
    case .all(let conditions):
      return .object([("all", .array(conditions.map(RuleBookJSON.condition)))])
    case .any(let conditions):
      return .object([("any", .array(conditions.map(RuleBookJSON.condition)))])
    case .not(let inner): return .object([("not", RuleBookJSON.condition(inner))])
    }
  }

  /// A site as an identifier (`low_back`, `neck`, `mid_back`, `neck_only`).
  static func site(_ site: Condition.Site) -> String {
    switch site {
    case .lowBack: "low_back"
    case .neck: "neck"
    case .midBack: "mid_back"
    case .neckOnly: "neck_only"
    }
  }

  /// How a plan's regions are chosen: `"fixed"`, `"symptoms"`, `"back"`, `"cord"`, or
  /// `{"if": condition, "then": choice, "else": choice}`.
  static func regions(_ choice: PlanSpec.RegionChoice) -> JSONValue {
    switch choice {
    case .fixed: .string("fixed")
    case .symptoms: .string("symptoms")
    case .back: .string("back")
    case .cord: .string("cord")
    case .either(let test, let then, let otherwise):
      .object([("if", condition(test)), ("then", regions(then)), ("else", regions(otherwise))])
    }
  }

  static func plan(_ plan: PlanSpec) -> JSONValue {
    func study(_ spec: StudySpec) -> [(key: String, value: JSONValue)] {
      var members: [(key: String, value: JSONValue)] = [
        ("modality", .string(spec.modality.rawValue))
      ]
      switch spec.place {
      case .region(let region): members.append(("region", .string(region.rawValue)))
      case .chosen: members.append(("region", .string("chosen")))
      }
      members.append(("contrast", .string(spec.contrast.rawValue)))
      if spec.when != .always { members.append(("when_condition", condition(spec.when))) }
      return members
    }
    var members: [(key: String, value: JSONValue)] = [("regions", regions(plan.regions))]
    members.append(("imaging", .array(plan.imaging.map { .object(study($0)) })))
    members.append(
      (
        "alternatives",
        .array(plan.alternatives.map { .object(study($0.study) + [("when", .string($0.reason))]) })
      ))
    return .object(members)
  }
}
