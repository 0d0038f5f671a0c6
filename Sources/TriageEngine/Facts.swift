/// The answers seen through the rules' eyes: derived facts computed once per evaluation.
///
/// Helpers return the findings answered `yes` among a group (what fired a rule), so a rule both
/// tests and reports its evidence from one expression.
struct Facts {
  private let answers: Answers
  private let yes: FindingSet
  private let no: FindingSet
  /// When set, every finding whose answer the rules consult is recorded: a finding the rules
  /// never read cannot change the recommendation when it alone changes (the `missing` flip test
  /// skips it).
  private let log: ReadLog?

  /// Findings answered `yes` at each site.
  let lowSite: FindingSet
  let neckSite: FindingSet
  let midSite: FindingSet

  init(_ answers: Answers, log: ReadLog? = nil) {
    self.answers = answers
    self.log = log
    yes = answers.yesSet
    no = answers.noSet
    lowSite = yes.intersection(FindingGroup.lowSite.members)
    neckSite = yes.intersection(FindingGroup.neckSite.members)
    midSite = yes.intersection(FindingGroup.midSite.members)
    log?.note(
      FindingGroup.lowSite.members.union(FindingGroup.neckSite.members).union(
        FindingGroup.midSite.members))
  }

  @inline(__always) func isYes(_ finding: Finding) -> Bool {
    log?.note([finding])
    return yes.contains(finding)
  }
  @inline(__always) func isNo(_ finding: Finding) -> Bool {
    log?.note([finding])
    return no.contains(finding)
  }
  /// The answer to `finding`.
  @inline(__always) func answer(_ finding: Finding) -> Answer {
    log?.note([finding])
    return answers[finding]
  }
  /// The numbers.
  var symptomWeeks: Int? { answers.symptomWeeks }
  var conservativeWeeks: Int? { answers.conservativeWeeks }
  /// The number `measure`, if recorded.
  @inline(__always) func value(_ measure: Condition.Measure) -> Int? {
    switch measure {
    case .age: answers.age
    case .symptomWeeks: answers.symptomWeeks
    case .conservativeWeeks: answers.conservativeWeeks
    }
  }
  /// The findings of `group` answered yes.
  @inline(__always) func hits(_ group: FindingSet) -> FindingSet {
    log?.note(group)
    return yes.intersection(group)
  }
  /// The findings of `group` not answered at all.
  @inline(__always) func unknown(_ group: FindingSet) -> FindingSet {
    log?.note(group)
    return group.subtracting(yes).subtracting(no)
  }
  /// Whether every finding of `group` is answered no.
  @inline(__always) func allNo(_ group: FindingSet) -> Bool {
    log?.note(group)
    return no.isSuperset(of: group)
  }

  var age: Int? { answers.age }
  var hasLow: Bool { !lowSite.isEmpty }
  var hasNeck: Bool { !neckSite.isEmpty }
  var hasMid: Bool { !midSite.isEmpty }
  /// No pain site answered yes: the branch rules that depend on a site do not fire, and the
  /// recommendation is `incomplete` unless trauma is the presenting complaint. Rules never fire
  /// *because* no site is known (that would let a site answered yes lower the urgency).
  var noSite: Bool { !hasLow && !hasNeck && !hasMid }
  /// Neck symptoms only (no low back, leg or interscapular pain).
  var neckOnly: Bool { hasNeck && !hasLow && !hasMid }
  /// Spinal pain, tenderness, or an examination that cannot exclude them.
  var spinalPain: FindingSet {
    lowSite.union(neckSite).union(midSite).union(hits([.midlineTenderness]))
      .union(hits(FindingGroup.thoracolumbarConcern.members))
  }
  /// Known vertebral disease after trauma with spinal pain (TR-7): CT of the whole spine.
  var knownVertebralDiseaseTrauma: Bool {
    isYes(.inflammatoryArthritis) && !hits(FindingGroup.trauma.members).isEmpty
      && !spinalPain.isEmpty
  }
  /// A presenting complaint: a pain site or trauma answered yes.
  var hasPresentingComplaint: Bool { !noSite || !hits(FindingGroup.trauma.members).isEmpty }

  /// `age > limit`, false when age is not recorded (callers list `age` in missing via the flip test).
  @inline(__always) func ageOver(_ limit: Int) -> Bool { (answers.age ?? Int.min) > limit }

  /// The regions a symptom-driven study should cover: cervical for neck or arm symptoms,
  /// thoracic for interscapular pain (with arm radiation the cervical spine too), lumbar for
  /// low back or leg symptoms; the whole spine for all three, or when no site is known yet. A
  /// site answered yes only ever adds a region (a yes never removes a region already imaged).
  var symptomRegions: [SpineRegion] {
    var regions: [SpineRegion] = []
    if hasNeck { regions.append(.cervical) }
    if hasMid { regions.append(.thoracic) }
    if hasLow { regions.append(.lumbar) }
    return regions.isEmpty || regions.count == 3 ? [.wholeSpine] : regions
  }

  /// The cord level for upper-motor-neuron signs or bilateral deficits: cervical with neck or
  /// arm symptoms alone, thoracic with interscapular pain alone; otherwise (low back symptoms
  /// cannot explain cord signs, or several sites, or none) the whole spine.
  var cordRegion: SpineRegion {
    if hasLow { return .wholeSpine }
    if hasNeck && !hasMid { return .cervical }
    if hasMid && !hasNeck { return .thoracic }
    return .wholeSpine
  }

  /// The regions of a back-pathway study (fracture risk, previous surgery): thoracic with
  /// interscapular pain, lumbar with low back or leg symptoms, the whole spine with no site.
  var backRegions: [SpineRegion] {
    var regions: [SpineRegion] = []
    if hasMid { regions.append(.thoracic) }
    if hasLow { regions.append(.lumbar) }
    return regions.isEmpty ? [.wholeSpine] : regions
  }
}

/// The findings the rules consulted during one evaluation (see ``Facts``).
final class ReadLog {
  private(set) var read = FindingSet()
  @inline(__always) func note(_ findings: FindingSet) { read = read.union(findings) }
}
