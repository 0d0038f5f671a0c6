/// A rule of the book in words, for `spine-triage rules --explain`: the condition in the
/// questions' own labels (never identifiers), the plan, the alternatives, the source and how
/// sure it is. Written from the same values the evaluator reads.
public enum RuleExplanation {
  /// The explanation of the rule coded `code` (for example `CES-1`), or `nil` if there is none.
  public static func text(_ code: String) -> String? {
    if let rule = RuleBook.book.first(where: { $0.rule.id == code }) { return text(rule) }
    if let rule = RuleBook.Safety.all.first(where: { $0.rule.id == code }) {
      var lines = header(rule.rule)
      lines.append("When:")
      lines += words(rule.when, depth: 1)
      lines += footer(rule.rule)
      return lines.joined(separator: "\n") + "\n"
    }
    return nil
  }

  /// Every rule in words, in the order they are evaluated, then the MRI-safety rules; a blank
  /// line between two rules.
  public static func all() -> String {
    (RuleBook.book.map { $0.rule.id } + RuleBook.Safety.all.map(\.rule.id))
      .compactMap(text).joined(separator: "\n")
  }

  /// The explanation of `rule`.
  public static func text(_ rule: BookRule) -> String {
    var lines = header(rule.rule)
    switch rule.phase {
    case .indication: break
    case .fallback:
      lines.append("Considered only when no other rule asks for imaging.")
    case .note: lines.append("A note for the record: it never changes the decision.")
    case .region: lines.append("Explains the region of the studies chosen, after the decision.")
    }
    for (index, arm) in rule.arms.enumerated() {
      lines.append(
        rule.arms.count > 1 ? "When (case \(index + 1) of \(rule.arms.count)):" : "When:")
      lines += words(arm.condition, depth: 1)
      lines += plan(arm.plan)
    }
    lines += footer(rule.rule)
    return lines.joined(separator: "\n") + "\n"
  }

  static func header(_ rule: Rule) -> [String] {
    [
      "\(rule.id): \(rule.title)",
      "Urgency: \(rule.urgency?.label ?? "none set (the rule explains)")",
    ]
  }

  static func footer(_ rule: Rule) -> [String] {
    var lines: [String] = []
    if let timeframe = rule.timeframe { lines.append("Timeframe: \(timeframe)") }
    if let hours = rule.timeframeHours {
      lines.append("Latest time to the study: \(hours) hour\(hours == 1 ? "" : "s")")
    }
    if let note = rule.note { lines.append("Note: \(note)") }
    if rule.adultOnly {
      lines.append("For adults (16 and over): never fires, and is never cited, under 16.")
    }
    if rule.lumbarOnly {
      lines.append("Only with a low back presentation (low back pain or pain down the leg).")
    }
    if !rule.opposes.isEmpty {
      lines.append(
        "Never fires together with \(list(rule.opposes)) (their texts say the opposite).")
    }
    if let seed = rule.seedDifference {
      lines.append("Where the source article differs: \(seed)")
      let about =
        rule.seedAbout.members.map { quoted($0) + " answered yes" }
        + (rule.seedAboutAge ? ["the age, when the rule used it"] : [])
      if !about.isEmpty {
        lines.append(
          "Shown in a record only when this patient's answers touch it: \(list(about, or: true)).")
      }
    }
    // The year once: many sources already name it.
    let year = String(rule.year)
    lines.append("Source: \(rule.source)" + (rule.source.contains(year) ? "" : " (\(year))"))
    lines.append("Certainty of the source: \(certainty(rule.certainty))")
    return lines
  }

  /// `items` as a list in words: "a, b and c" (or "a, b or c").
  static func list(_ items: [String], or: Bool = false) -> String {
    guard items.count > 1 else { return items.joined() }
    return items.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + items.last!
  }

  static func certainty(_ certainty: Certainty) -> String {
    switch certainty {
    case .verified: "verified in the source text"
    case .paraphrased: "paraphrased by a reliable secondary source"
    case .unverified: "not verified"
    case .synthesis: "our synthesis of several sources"
    }
  }

  static func plan(_ plan: PlanSpec) -> [String] {
    var lines: [String] = []
    let regions = regionWords(plan.regions)
    for study in plan.imaging {
      lines.append("  Study: " + studyWords(study, regions: regions))
    }
    for alternative in plan.alternatives {
      lines.append(
        "  Alternative: " + studyWords(alternative.study, regions: regions) + " ("
          + alternative.reason + ")")
    }
    return lines
  }

  static func studyWords(_ study: StudySpec, regions: String) -> String {
    let text: String
    switch study.place {
    case .region(let region):
      text = ImagingStudy(study.modality, region, study.contrast).displayName
    case .chosen:
      let contrast: String
      switch study.contrast {
      case .without: contrast = " without contrast"
      case .withAndWithout: contrast = " without and with contrast"
      case .none: contrast = ""
      }
      text = study.modality.displayName + " of " + regions + contrast
    }
    if study.when == .always { return text }
    return text + ", when " + words(study.when, depth: 0).joined(separator: " ")
  }

  static func regionWords(_ choice: PlanSpec.RegionChoice) -> String {
    switch choice {
    case .fixed: "the region named"
    case .symptoms: "each region with symptoms (the whole spine with all three or none)"
    case .back: "the thoracic and lumbar regions with symptoms (the whole spine with none)"
    case .cord: "the cord level (cervical or thoracic alone, otherwise the whole spine)"
    case .either(let condition, let first, let second):
      regionWords(first) + " if " + words(condition, depth: 0).joined(separator: " ")
        + ", otherwise " + regionWords(second)
    }
  }

  /// The condition in words, one line per part, indented by `depth`.
  public static func words(_ condition: Condition, depth: Int) -> [String] {
    let indent = String(repeating: "  ", count: depth)
    func line(_ text: String) -> [String] { [indent + text] }
    switch condition {
    case .always: return line("always")
    case .yes(let finding): return line("\(quoted(finding)) is yes")
    case .no(let finding): return line("\(quoted(finding)) is no")
    case .unanswered(let finding): return line("\(quoted(finding)) is not answered")
    case .anyYes(let group): return line("any of \(groupWords(group)) is yes")
    case .allNo(let group): return line("every one of \(groupWords(group)) is no")
    case .site(let site):
      switch site {
      case .lowBack: return line("any of \(groupWords(.lowSite)) is yes")
      case .neck: return line("any of \(groupWords(.neckSite)) is yes")
      case .midBack: return line("any of \(groupWords(.midSite)) is yes")
      case .neckOnly:
        return line(
          "neck or arm symptoms only (\(groupWords(.neckSite)) yes, no other pain site yes)")
      }
    case .number(let measure, let bound):
      let label = measureLabel(measure)
      switch bound {
      case .below(let n): return line("\(label) below \(n) (recorded)")
      case .atLeast(let n): return line("\(label) \(n) or more")
      case .over(let n): return line("\(label) over \(n)")
      case .from(let a, let b): return line("\(label) from \(a) to \(b - 1)")
      }
    case .unrecorded(let measure): return line("\(measureLabel(measure)) not recorded")
    case .fired(let rule): return line("rule \(rule.rule.id) applies (\(rule.rule.title))")
    case .decidedAtMost(let urgency):
      return line("the decision so far is \(urgency.label.lowercased()) or less urgent")
    case .planCovers(let regions):
      return line(
        "a study of the " + regions.map(\.displayName).joined(separator: " or the ")
          + " is planned")
    case .planned: return line("a study is planned")
    case .all(let conditions):
      let parts = flattened(conditions, all: true)
      if parts.count == 1 { return words(parts[0], depth: depth) }
      return line("all of:") + parts.flatMap { words($0, depth: depth + 1) }
    case .any(let conditions):
      let parts = flattened(conditions, all: false)
      if parts.count == 1 { return words(parts[0], depth: depth) }
      return line("any of:") + parts.flatMap { words($0, depth: depth + 1) }
    case .not(let inner):
      let innerWords = words(inner, depth: depth + 1)
      if innerWords.count == 1 {
        return line("not: " + innerWords[0].drop { $0 == " " })
      }
      return line("not:") + innerWords
    }
  }

  /// The parts of an all (or any) with the nested groups of the same kind opened, at any depth.
  static func flattened(_ conditions: [Condition], all: Bool) -> [Condition] {
    conditions.flatMap { part -> [Condition] in
      switch part {
      case .all(let inner) where all: flattened(inner, all: true)
      case .any(let inner) where !all: flattened(inner, all: false)
      default: [part]
      }
    }
  }

  static func quoted(_ finding: Finding) -> String { "\u{201C}\(finding.question.label)\u{201D}" }

  static func groupWords(_ group: FindingGroup) -> String {
    let labels = group.members.members.map(quoted).joined(separator: ", ")
    return group.name.isEmpty ? labels : "\(group.name) (\(labels))"
  }

  static func measureLabel(_ measure: Condition.Measure) -> String {
    measure.input.labels.first ?? measure.rawValue
  }
}
