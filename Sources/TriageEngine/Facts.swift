/// The answers as the passes after the rule book read them (MRI safety, the safety net, the
/// status): yes and no as bit sets.
struct Facts {
  private let answers: Answers
  private let yes: FindingSet
  private let no: FindingSet

  init(_ answers: Answers) {
    self.answers = answers
    yes = answers.yesSet
    no = answers.noSet
  }

  @inline(__always) func isYes(_ finding: Finding) -> Bool { yes.contains(finding) }
  @inline(__always) func isNo(_ finding: Finding) -> Bool { no.contains(finding) }
  /// The answer to `finding`.
  @inline(__always) func answer(_ finding: Finding) -> Answer { answers[finding] }
  /// The findings of `group` answered yes.
  @inline(__always) func hits(_ group: FindingSet) -> FindingSet { yes.intersection(group) }
  /// The findings of `group` not answered (neither yes nor no).
  @inline(__always) func unanswered(_ group: FindingSet) -> FindingSet {
    group.subtracting(yes).subtracting(no)
  }

  /// A presenting complaint: a pain site or trauma answered yes. Without one the
  /// recommendation is `incomplete`; rules never fire *because* no site is known.
  var hasPresentingComplaint: Bool {
    !yes.intersection(Facts.complaint).isEmpty
  }

  /// The findings whose yes is a presenting complaint: the pain sites and the injury (or an
  /// older form's trauma answer).
  static let complaint = CompiledBook.sites.union(FindingGroup.trauma.members)
}
