extension Condition {
  /// The conditions directly inside this one (for `all`, `any` and `not`).
  public var children: [Condition] {
    switch self {
    case .all(let conditions), .any(let conditions): conditions
    case .not(let condition): [condition]
    default: []
    }
  }

  /// Every rule this condition asks about with ``fired(_:)``, at any depth.
  public var rulesAskedAbout: [RuleID] {
    if case .fired(let rule) = self { return [rule] }
    return children.flatMap(\.rulesAskedAbout)
  }
}

extension BookRule {
  /// Every condition of the rule: its arms', their evidence, inputs, pending and plan
  /// conditions.
  public var conditions: [Condition] {
    var conditions: [Condition] = []
    for arm in arms {
      conditions.append(arm.condition)
      conditions += arm.evidence.map(\.when)
      conditions += arm.inputs.map(\.when)
      conditions += arm.pending.map(\.when)
      conditions += arm.plan.conditions
    }
    return conditions
  }
}

extension PlanSpec {
  /// Every condition of the plan: its region choice's and its studies'.
  public var conditions: [Condition] {
    var conditions = regions.conditions
    conditions += imaging.map(\.when)
    conditions += alternatives.map(\.study.when)
    return conditions
  }
}

extension PlanSpec.RegionChoice {
  /// The conditions that choose the regions.
  public var conditions: [Condition] {
    guard case .either(let condition, let first, let second) = self else { return [] }
    return [condition] + first.conditions + second.conditions
  }
}
