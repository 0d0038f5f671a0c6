/// A patient's answers: the input of the triage engine.
///
/// Findings are tri-state; a finding never answered is ``Answer/unknown``. Numbers are optional:
/// `nil` means not recorded, and is never taken as zero where zero would lower the urgency.
public struct Answers: Sendable, Hashable {
  /// Valid range of ``age`` (years).
  public static let ageRange = 0...120
  /// Valid range of ``symptomWeeks`` and ``conservativeWeeks``.
  public static let weeksRange = 0...520

  /// Age in whole years.
  public var age: Int?
  /// Sex (optional).
  public var sex: Sex?
  /// Weeks of the current episode.
  public var symptomWeeks: Int?
  /// Weeks of optimal conservative care already tried without adequate improvement.
  public var conservativeWeeks: Int?
  /// Findings answered `yes`.
  public private(set) var yesSet = FindingSet()
  /// Findings answered `no`.
  public private(set) var noSet = FindingSet()
  /// Findings the clinician could not do or measure (`not_done`: ESR not available, examination
  /// not possible). The rules never read it: such a finding is ``Answer/unknown`` to them, so
  /// the recommendation stays provisional where it matters; outputs say "not done".
  public private(set) var notDoneSet = FindingSet()

  /// Creates answers; every finding starts `unknown`.
  public init(
    age: Int? = nil, sex: Sex? = nil, symptomWeeks: Int? = nil, conservativeWeeks: Int? = nil,
    findings: [Finding: Answer] = [:]
  ) {
    self.age = age
    self.sex = sex
    self.symptomWeeks = symptomWeeks
    self.conservativeWeeks = conservativeWeeks
    for (finding, answer) in findings { self[finding] = answer }
  }

  /// The answer to `finding`.
  public subscript(finding: Finding) -> Answer {
    get {
      if yesSet.contains(finding) { return .yes }
      if noSet.contains(finding) { return .no }
      return .unknown
    }
    set {
      yesSet.remove(finding)
      noSet.remove(finding)
      notDoneSet.remove(finding)
      switch newValue {
      case .yes: yesSet.insert(finding)
      case .no: noSet.insert(finding)
      case .unknown: break
      }
    }
  }

  /// Sets each finding of `yes` to yes, of `no` to no and of `unknown` to unknown (the sets
  /// hold no finding in common): what setting each one by one gives, in one step.
  public mutating func set(yes: FindingSet, no: FindingSet, unknown: FindingSet) {
    precondition(
      yes.intersection(no).isEmpty && yes.intersection(unknown).isEmpty
        && no.intersection(unknown).isEmpty, "a finding with two answers")
    let all = yes.union(no).union(unknown)
    yesSet = yesSet.subtracting(all).union(yes)
    noSet = noSet.subtracting(all).union(no)
    notDoneSet = notDoneSet.subtracting(all)
  }

  /// Whether `finding` is recorded as not done (it reads as ``Answer/unknown``).
  public func isNotDone(_ finding: Finding) -> Bool { notDoneSet.contains(finding) }

  /// Records `finding` as not done: unknown to the rules, "not done" in the record.
  public mutating func markNotDone(_ finding: Finding) {
    self[finding] = .unknown
    notDoneSet.insert(finding)
  }

  /// How many findings and numbers have been answered or recorded as not done.
  public var answeredCount: Int {
    yesSet.count + noSet.count + notDoneSet.count
      + [age, symptomWeeks, conservativeWeeks].compactMap { $0 }.count
      + (sex == nil ? 0 : 1)
  }

  /// Whether nothing at all has been answered.
  public var isEmpty: Bool { answeredCount == 0 }
}
