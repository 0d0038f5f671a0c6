/// The book compiled for speed, built once: every condition a flat run of nodes over bit sets
/// (evaluated without allocation or reference counting), every plan a list of study indexes,
/// and what ``Missing`` needs to weigh every answer at once: what each arm's studies read, what
/// each rule's studies could cover at most, the rules a condition asks about, and for each
/// number the indication rules that read it.
struct CompiledBook: @unchecked Sendable {
  /// One node of a compiled condition, in prefix order; `next` is the index after its subtree.
  struct Node {
    var op: Op
    var next: Int32
    var arg: Int32 = 0
    var lo: Int32 = 0
    var hi: Int32 = 0
    /// Where the node's ``CompiledBook/required`` sets are: the first's index times 8, plus
    /// how many.
    var required: UInt32 = 0
    var set = FindingSet()
  }

  enum Op: UInt8 {
    case always, anyYes, allNo, unanswered, neckOnly, number, unrecorded, fired, decidedAtMost
    case planCovers, planned, all, any, not
  }

  /// A study of a compiled plan: a fixed study, or a modality and contrast repeated over the
  /// plan's regions; with its condition.
  struct Study {
    /// The study's index (``StudyBits``) for a fixed region, or -1 for the chosen regions.
    var fixed: Int32
    var modality: Int32
    var contrast: Int32
    var when: Int32
  }

  /// How a compiled plan chooses its regions.
  enum Regions {
    case fixed, symptoms, back, cord
    /// A condition, and the indexes in `choices` of the first and second choice.
    case either(Int32, Int32, Int32)
  }

  struct Arm {
    var condition: Int32
    var evidence: Frozen<(findings: FindingSet, when: Int32)>
    var inputs: Frozen<(inputs: NumericInputs, when: Int32)>
    var pending: Frozen<(findings: FindingSet, when: Int32)>
    var imaging: Frozen<Study>
    var alternatives: Frozen<Study>
    /// Why to choose each alternative, in words.
    var reasons: Frozen<String>
    var regions: Int32
  }

  struct Rule {
    var id: RuleID
    /// The urgency the rule sets, -1 for none (a rule that explains).
    var urgency: Int32
    var arms: Frozen<Arm>
  }

  /// The nodes of every condition (never freed: the book lives as long as the program).
  let nodes: Frozen<Node>
  let choices: Frozen<Regions>
  /// Every rule, in book order.
  let rules: Frozen<Rule>
  /// The indexes in `rules` of each phase, in book order (region notes in identifier order).
  let indication: Frozen<Int>
  let fallback: Frozen<Int>
  let notes: Frozen<Int>
  let regionNotes: Frozen<Int>
  /// How many arms the indication rules have in all.
  let indicationArms: Int

  /// The findings an indication rule reads for `no` or for unanswered: only for these can a
  /// `no` change the outcome (every other test is of a `yes`).
  let readsNo: FindingSet
  /// For each number (age, symptom weeks, conservative weeks), the positions in `indication` of
  /// the rules that read it.
  let numberReaders: Frozen<Frozen<Int>>
  /// Every finding an indication rule reads.
  let read: FindingSet
  /// For each rule, for each arm, the findings its studies depend on (the pain sites that
  /// choose the regions, what a study's condition reads), through the rules they ask about;
  /// empty for a rule that asks for no imaging. For any other answer the arm's studies are
  /// the same, so ``Missing`` works them out again only for these.
  let planReads: Frozen<Frozen<FindingSet>>
  /// For each rule, every study its plans could cover, whatever the sites and the conditions
  /// of its studies (each arm's studies over every region its choice can give). When the plan
  /// covers all of it already and the rule is no more urgent, the rule firing adds nothing.
  let ceilings: Frozen<StudyBits>
  /// The rules a condition asks about (`fired`): whether they fire matters even when what they
  /// give does not.
  let askedAbout: FiredRules
  /// The same rules as raw identifiers, in order.
  let askedAboutList: Frozen<Int32>
  /// Sets of findings of which at least one is answered yes whenever a node's condition holds
  /// (each `any of` test an `all of` needs; at most ``requiredLimit`` for a node, the
  /// smallest), found through ``Node/required``. A condition with a set that has no yes is
  /// false without being evaluated; one answer can make it true only with a yes that is in
  /// every such set.
  let required: Frozen<FindingSet>
  /// For each finding (raw value), the indication rules (positions in `indication`) with an arm
  /// whose first ``required`` set holds that finding; `ungated`, those with an arm that needs
  /// no yes. A rule found for no finding answered yes cannot fire.
  let gates: Frozen<Positions>
  let ungated: Positions

  init(_ book: [BookRule], regionNotes regionBook: [BookRule]) {
    var builder = Builder()
    var rules: [Rule] = []
    var indication: [Int] = []
    var fallback: [Int] = []
    var notes: [Int] = []
    var direct: [FindingSet] = []
    var directNumbers: [UInt8] = []
    var asked: [[RuleID]] = []
    for rule in book {
      builder.reads = FindingSet()
      builder.numbers = 0
      builder.asked = []
      let arms = rule.arms.map { builder.arm($0) }
      rules.append(
        Rule(
          id: rule.id, urgency: rule.rule.urgency.map { Int32($0.rawValue) } ?? -1,
          arms: Frozen(arms)))
      direct.append(builder.reads)
      directNumbers.append(builder.numbers)
      asked.append(builder.asked)
      let index = rules.count - 1
      switch rule.phase {
      case .indication: indication.append(index)
      case .fallback: fallback.append(index)
      case .note: notes.append(index)
      case .region: break
      }
    }
    let compiled = rules
    regionNotes = Frozen(regionBook.compactMap { rule in compiled.firstIndex { $0.id == rule.id } })
    choices = Frozen(builder.choices)
    readsNo = builder.readsNo
    (nodes, required) = Self.requiring(builder.nodes)

    // Read sets through the rules asked about (earlier in the book, so already closed).
    var closed = direct
    var closedNumbers = directNumbers
    var position = [RuleID: Int]()
    for i in indication {
      for other in asked[i] {
        guard let j = position[other] else { continue }
        closed[i] = closed[i].union(closed[j])
        closedNumbers[i] |= closedNumbers[j]
      }
      position[rules[i].id] = i
    }
    // Number readers are positions in `indication` (what `Missing` runs again, in book order).
    var numberReaders: [[Int]] = [[], [], []]
    var read = FindingSet()
    for (position, i) in indication.enumerated() {
      read = read.union(closed[i])
      for measure in 0..<3 where closedNumbers[i] & (1 << measure) != 0 {
        numberReaders[measure].append(position)
      }
    }
    self.read = read
    // What each arm's studies read.
    let nodeList = builder.nodes
    let choiceList = builder.choices
    var index = [Int: Int]()
    for (i, rule) in rules.enumerated() { index[rule.id.rawValue] = i }
    func reads(_ node: Int32) -> FindingSet {
      var set = FindingSet()
      for node in nodeList[Int(node)..<Int(nodeList[Int(node)].next)] {
        switch node.op {
        case .anyYes, .allNo, .unanswered, .neckOnly: set = set.union(node.set)
        case .fired: if let j = index[Int(node.arg)] { set = set.union(closed[j]) }
        default: break
        }
      }
      return set
    }
    func reads(choice: Int32) -> FindingSet {
      switch choiceList[Int(choice)] {
      case .fixed: FindingSet()
      case .symptoms, .back, .cord: CompiledBook.sites
      case .either(let condition, let first, let second):
        reads(condition).union(reads(choice: first)).union(reads(choice: second))
      }
    }
    planReads = Frozen(
      rules.map { rule in
        Frozen(
          rule.arms.map { arm in
            // Only a rule that asks for imaging puts studies in the plan.
            guard rule.urgency > 0 else { return FindingSet() }
            return arm.imaging.reduce(reads(choice: arm.regions)) { $0.union(reads($1.when)) }
          })
      })
    /// Every region a choice can give, over every combination of the sites.
    func everyRegion(_ choice: Int32) -> Int32 {
      var bits: Int32 = 0
      for sites in 0..<8 {
        let (low, neck, mid) = (sites & 1 != 0, sites & 2 != 0, sites & 4 != 0)
        switch choiceList[Int(choice)] {
        case .fixed: break
        case .symptoms: bits |= SiteRegions.symptoms(low: low, neck: neck, mid: mid)
        case .back: bits |= SiteRegions.back(low: low, mid: mid)
        case .cord: bits |= SiteRegions.cord(low: low, neck: neck, mid: mid)
        case .either(_, let first, let second): bits |= everyRegion(first) | everyRegion(second)
        }
      }
      return bits
    }
    ceilings = Frozen(
      rules.map { rule in
        var ceiling = StudyBits()
        for arm in rule.arms where rule.urgency > 0 {
          let regions = everyRegion(arm.regions)
          for study in arm.imaging {
            guard study.fixed < 0 else {
              ceiling.formUnion(StudyBits.covered[Int(study.fixed)])
              continue
            }
            for region in StudyBits.regions.indices where regions & (1 << Int32(region)) != 0 {
              let index = StudyBits.index(
                modality: Int(study.modality), region: region, contrast: Int(study.contrast))
              ceiling.formUnion(StudyBits.covered[index])
            }
          }
        }
        return ceiling
      })
    var askedAbout = FiredRules()
    for node in nodeList where node.op == .fired {
      askedAbout.insert(RuleID(rawValue: Int(node.arg))!)
    }
    self.askedAbout = askedAbout
    askedAboutList = Self.list(askedAbout)
    self.numberReaders = Frozen(numberReaders.map(Frozen.init))
    self.rules = Frozen(rules)
    self.indication = Frozen(indication)
    indicationArms = Self.armCount(indication, rules)
    (gates, ungated) = Self.gates(indication, rules, nodes, required)
    self.fallback = Frozen(fallback)
    self.notes = Frozen(notes)
  }

  /// Compiles conditions, collecting what they read.
  private struct Builder {
    var nodes: [Node] = []
    var choices: [Regions] = []
    var reads = FindingSet()
    var numbers: UInt8 = 0
    var asked: [RuleID] = []
    var readsNo = FindingSet()

    mutating func arm(_ arm: BookRule.Arm) -> Arm {
      let condition = compile(arm.condition, root: true)
      // Evidence, inputs and pending change what is reported, never the outcome: their reads
      // do not count for `missing`.
      let reads = self.reads
      let numbers = self.numbers
      let readsNo = self.readsNo
      let evidence = arm.evidence.map { ($0.group.members, compile($0.when)) }
      let inputs = arm.inputs.map { ($0.inputs, compile($0.when)) }
      let pending = arm.pending.map { ($0.group.members, compile($0.when)) }
      (self.reads, self.numbers, self.readsNo) = (reads, numbers, readsNo)
      let chosen = (arm.plan.imaging + arm.plan.alternatives.map(\.study)).contains {
        $0.place == .chosen
      }
      precondition(
        !chosen || arm.plan.regions != .fixed, "a study of the chosen region needs a region choice")
      let imaging = arm.plan.imaging.map { study($0) }
      let alternatives = arm.plan.alternatives.map { study($0.study) }
      return Arm(
        condition: condition, evidence: Frozen(evidence), inputs: Frozen(inputs),
        pending: Frozen(pending), imaging: Frozen(imaging), alternatives: Frozen(alternatives),
        reasons: Frozen(arm.plan.alternatives.map(\.reason)), regions: regions(arm.plan.regions))
    }

    mutating func study(_ spec: StudySpec) -> Study {
      let when = compile(spec.when)
      switch spec.place {
      case .region(let region):
        let index = StudyBits.index(ImagingStudy(spec.modality, region, spec.contrast))
        return Study(fixed: Int32(index), modality: 0, contrast: 0, when: when)
      case .chosen:
        return Study(
          fixed: -1, modality: Int32(StudyBits.modalityIndex(spec.modality)),
          contrast: Int32(StudyBits.contrastIndex(spec.contrast)), when: when)
      }
    }

    mutating func regions(_ choice: PlanSpec.RegionChoice) -> Int32 {
      let compiled: Regions
      switch choice {
      case .fixed: compiled = .fixed
      case .symptoms, .back, .cord:
        reads = reads.union(CompiledBook.sites)
        compiled = choice == .symptoms ? .symptoms : choice == .back ? .back : .cord
      case .either(let condition, let first, let second):
        compiled = .either(compile(condition), regions(first), regions(second))
      }
      choices.append(compiled)
      return Int32(choices.count - 1)
    }

    /// Compiles the children of an `all` (or `any`) group: opened, merged and ordered (see
    /// ``compile(_:root:)``).
    mutating func group(_ conditions: [Condition], all: Bool, mergeNo: Bool) {
      var children: [Condition] = []
      func open(_ list: [Condition]) {
        for child in list {
          switch child {
          case .all(let inner) where all: open(inner)
          case .any(let inner) where !all: open(inner)
          default: children.append(child)
          }
        }
      }
      open(conditions)
      // The findings of merged tests: any one yes (in `any`), every one no (in `all`).
      var merged = FindingSet()
      var rest: [Condition] = []
      for child in children {
        switch child {
        case .yes(let finding) where !all: merged.insert(finding)
        case .anyYes(let group) where !all: merged = merged.union(group.members)
        case .site(.lowBack) where !all: merged = merged.union(FindingGroup.lowSite.members)
        case .site(.neck) where !all: merged = merged.union(FindingGroup.neckSite.members)
        case .site(.midBack) where !all: merged = merged.union(FindingGroup.midSite.members)
        case .no(let finding) where all && mergeNo: merged.insert(finding)
        case .allNo(let group) where all && mergeNo: merged = merged.union(group.members)
        default: rest.append(child)
        }
      }
      if !merged.isEmpty {
        let leaf = nodes.count
        nodes.append(Node(op: all ? .allNo : .anyYes, next: Int32(leaf + 1), set: merged))
        reads = reads.union(merged)
        if all { readsNo = readsNo.union(merged) }
      }
      let ordered = rest.enumerated().sorted {
        let (l, r) = (Self.rank($0.element, all: all), Self.rank($1.element, all: all))
        return l != r ? l < r : $0.offset < $1.offset
      }
      for child in ordered { _ = compile(child.element) }
    }

    /// Where a child goes in its group: first the cheap tests most likely to decide the group
    /// (a yes, most often false, and a rule having fired), then the other tests (a pain site,
    /// most often true, among them), then negations of a test, then groups.
    static func rank(_ condition: Condition, all: Bool) -> Int {
      switch condition {
      case .yes, .anyYes, .fired: return 0
      case .all, .any: return 3
      case .not(let inner):
        switch inner {
        case .all, .any, .not: return 3
        default: return 2
        }
      default: return 1
      }
    }

    /// Compiles `condition` into nodes. `all` and `any` are compiled for speed without changing
    /// their value: a nested group of the same kind is opened into its parent, tests of a yes
    /// inside an `any` (and, below the top level, tests of a no inside an `all`) become one
    /// test of the union, and the cheapest and most decisive children come first (a test of a
    /// yes, most often false, before the numbers, the negations and the groups). The top-level
    /// children of an arm's condition stay separate (not merged into one test).
    mutating func compile(_ condition: Condition, root: Bool = false) -> Int32 {
      let index = nodes.count
      nodes.append(Node(op: .always, next: 0))
      func test(_ op: Op, _ findings: FindingSet, no: Bool = false) {
        nodes[index].op = op
        nodes[index].set = findings
        reads = reads.union(findings)
        if no { readsNo = readsNo.union(findings) }
      }
      func number(_ op: Op, _ measure: Condition.Measure, _ bound: (Int32, Int32)) {
        nodes[index].op = op
        nodes[index].arg = Int32(CompiledBook.measureIndex(measure))
        (nodes[index].lo, nodes[index].hi) = bound
        numbers |= 1 << CompiledBook.measureIndex(measure)
      }
      switch condition {
      case .always: break
      case .yes(let finding): test(.anyYes, [finding])
      case .no(let finding): test(.allNo, [finding], no: true)
      case .unanswered(let finding): test(.unanswered, [finding], no: true)
      case .anyYes(let group): test(.anyYes, group.members)
      case .allNo(let group): test(.allNo, group.members, no: true)
      case .site(let site):
        switch site {
        case .lowBack: test(.anyYes, FindingGroup.lowSite.members)
        case .neck: test(.anyYes, FindingGroup.neckSite.members)
        case .midBack: test(.anyYes, FindingGroup.midSite.members)
        case .neckOnly: test(.neckOnly, CompiledBook.sites)
        }
      case .number(let measure, let bound): number(.number, measure, CompiledBook.range(bound))
      case .unrecorded(let measure): number(.unrecorded, measure, (0, 0))
      case .fired(let rule):
        nodes[index].op = .fired
        nodes[index].arg = Int32(rule.rawValue)
        asked.append(rule)
      case .decidedAtMost(let urgency):
        nodes[index].op = .decidedAtMost
        nodes[index].arg = Int32(urgency.rawValue)
      case .planCovers(let regions):
        nodes[index].op = .planCovers
        nodes[index].arg = regions.reduce(Int32(0)) {
          $0 | (Int32(1) << Int32(StudyBits.regionIndex($1)))
        }
      case .planned: nodes[index].op = .planned
      case .all(let conditions):
        nodes[index].op = .all
        group(conditions, all: true, mergeNo: !root)
      case .any(let conditions):
        nodes[index].op = .any
        group(conditions, all: false, mergeNo: false)
      case .not(let child):
        nodes[index].op = .not
        _ = compile(child)
      }
      nodes[index].next = Int32(nodes.count)
      return Int32(index)
    }
  }

  /// How many arms the rules at `indication` have in all (both ways of making a book).
  static func armCount<Rules: RandomAccessCollection>(
    _ indication: some Sequence<Int>, _ rules: Rules
  )
    -> Int where Rules.Element == Rule, Rules.Index == Int
  {
    indication.reduce(0) { $0 + rules[$1].arms.count }
  }

  /// The most sets kept for a node in ``required``.
  static let requiredLimit = 4

  /// The nodes with where their ``required`` sets are, and those sets (both ways of making a
  /// book).
  static func requiring(_ nodes: [Node]) -> (Frozen<Node>, Frozen<FindingSet>) {
    precondition(requiredLimit < 8, "a node's count of required sets has three bits")
    // Children come after their parent: from the last node back, each child is done first.
    var sets = [[FindingSet]](repeating: [], count: nodes.count)
    for i in nodes.indices.reversed() {
      let node = nodes[i]
      var children: [[FindingSet]] = []
      var child = i + 1
      while child < Int(node.next) {
        children.append(sets[child])
        child = Int(nodes[child].next)
      }
      switch node.op {
      case .anyYes: sets[i] = [node.set]
      // Only the neck among the sites: a neck site is answered yes.
      case .neckOnly: sets[i] = [Situation.neck]
      // Every child holds: each child's sets, the smallest first.
      case .all:
        for set in children.joined().sorted(by: { $0.count < $1.count })
        where sets[i].count < requiredLimit && !sets[i].contains(set) {
          sets[i].append(set)
        }
      // One child holds: one set of each child, together (none when a child needs none).
      case .any:
        if children.allSatisfy({ !$0.isEmpty }) {
          sets[i] = [children.reduce(FindingSet()) { $0.union($1[0]) }]
        }
      // A no, an unanswered finding, a number, another rule: no yes is needed.
      case .always, .allNo, .unanswered, .number, .unrecorded, .fired, .decidedAtMost,
        .planCovers, .planned, .not:
        break
      }
    }
    var located = nodes
    var flat: [FindingSet] = []
    for i in nodes.indices {
      located[i].required = UInt32(flat.count) << 3 | UInt32(sets[i].count)
      flat += sets[i]
    }
    return (Frozen(located), Frozen(flat))
  }

  /// The indication rules each finding's yes may fire (``gates``), and those that need no yes
  /// (both ways of making a book).
  static func gates<Rules: RandomAccessCollection>(
    _ indication: some Sequence<Int>, _ rules: Rules, _ nodes: Frozen<Node>,
    _ required: Frozen<FindingSet>
  ) -> (Frozen<Positions>, Positions) where Rules.Element == Rule, Rules.Index == Int {
    var gates = [Positions](repeating: Positions(), count: Finding.allCases.count)
    var ungated = Positions()
    for (position, index) in indication.enumerated() {
      precondition(position < Positions.capacity, "too many indication rules for a gate")
      for arm in rules[index].arms {
        let located = nodes[Int(arm.condition)].required
        guard located & 7 > 0 else {
          ungated.insert(position)
          continue
        }
        required[Int(located >> 3)].forEachRawValue { gates[$0].insert(position) }
      }
    }
    return (Frozen(gates), ungated)
  }

  /// The indication rules (positions) that may fire when `yes` are answered yes.
  @inline(__always) func gated(_ yes: FindingSet) -> Positions {
    var positions = ungated
    yes.forEachRawValue { positions.formUnion(gates.base[$0]) }
    return positions
  }

  /// The rules of `set` as raw identifiers, in order (both ways of making a book).
  static func list(_ set: FiredRules) -> Frozen<Int32> {
    Frozen(RuleID.allCases.filter { set.contains($0) }.map { Int32($0.rawValue) })
  }

  static let sites = FindingGroup.lowSite.members.union(FindingGroup.neckSite.members)
    .union(FindingGroup.midSite.members)

  static func measureIndex(_ measure: Condition.Measure) -> Int {
    switch measure {
    case .age: 0
    case .symptomWeeks: 1
    case .conservativeWeeks: 2
    }
  }

  /// A bound as a half-open range of recorded values (`Int32.min` is "not recorded").
  static func range(_ bound: Condition.Bound) -> (Int32, Int32) {
    switch bound {
    case .below(let n): (Situation.unrecorded + 1, Int32(clamping: n))
    case .atLeast(let n): (Int32(clamping: n), Int32.max)
    case .over(let n): (Int32(clamping: n + 1), Int32.max)
    case .from(let a, let b): (Int32(clamping: a), Int32(clamping: b))
    }
  }
}

extension CompiledBook {
  /// Whether the condition at `node` holds in `s`.
  @inline(__always) func holds(_ node: Int32, _ s: Situation) -> Bool {
    mayHold(node, s.yes) && evaluated(node, s)
  }

  /// The condition at `node` evaluated node by node (without the shortcut of ``mayHold(_:_:)``).
  @inline(__always) func evaluated(_ node: Int32, _ s: Situation) -> Bool {
    Self.test(Int(node), nodes.base, s)
  }

  /// Whether the condition at `node` can hold with these findings answered yes: each of its
  /// ``required`` sets has a yes.
  @inline(__always) func mayHold(_ node: Int32, _ yes: FindingSet) -> Bool {
    let located = nodes.base[Int(node)].required
    var index = Int(located >> 3)
    let end = index + Int(located & 7)
    while index < end {
      if yes.intersection(required.base[index]).isEmpty { return false }
      index += 1
    }
    return true
  }

  /// A node's value: a test of the answers is evaluated here; a group (all, any, not) in
  /// ``group(_:_:_:)``, the only recursion.
  @inline(__always)
  private static func test(_ i: Int, _ nodes: UnsafePointer<Node>, _ s: Situation)
    -> Bool
  {
    let node = nodes + i
    switch node.pointee.op {
    case .always: return true
    case .anyYes: return !s.yes.intersection(node.pointee.set).isEmpty
    case .allNo: return s.no.isSuperset(of: node.pointee.set)
    case .unanswered: return s.yes.union(s.no).intersection(node.pointee.set).isEmpty
    case .neckOnly: return s.hasNeck && !s.hasLow && !s.hasMid
    case .number:
      let value = s.numbers[Int(node.pointee.arg)]
      return value != Situation.unrecorded && value >= node.pointee.lo && value < node.pointee.hi
    case .unrecorded: return s.numbers[Int(node.pointee.arg)] == Situation.unrecorded
    case .fired: return s.fired.contains(rawValue: Int(node.pointee.arg))
    case .decidedAtMost: return s.decided <= node.pointee.arg
    case .planCovers: return s.planRegions & node.pointee.arg != 0
    case .planned: return s.planned
    case .all, .any, .not: return group(i, nodes, s)
    }
  }

  /// The value of a group node: its children in prefix order, each ending at its `next`.
  private static func group(_ i: Int, _ nodes: UnsafePointer<Node>, _ s: Situation)
    -> Bool
  {
    let op = nodes[i].op
    if op == .not { return !test(i + 1, nodes, s) }
    // all: true unless a child is false; any: false unless a child is true.
    let decisive = op == .any
    let end = Int(nodes[i].next)
    var child = i + 1
    while child < end {
      if test(child, nodes, s) == decisive { return decisive }
      child = Int(nodes[child].next)
    }
    return !decisive
  }

  /// The regions (bits) a plan's chosen studies cover.
  func regions(_ choice: Int32, _ s: Situation) -> Int32 {
    switch choices[Int(choice)] {
    case .fixed: 0
    case .symptoms: SiteRegions.symptoms(low: s.hasLow, neck: s.hasNeck, mid: s.hasMid)
    case .back: SiteRegions.back(low: s.hasLow, mid: s.hasMid)
    case .cord: SiteRegions.cord(low: s.hasLow, neck: s.hasNeck, mid: s.hasMid)
    case .either(let condition, let first, let second):
      holds(condition, s) ? regions(first, s) : regions(second, s)
    }
  }

  /// Calls `body` with each study index of `studies` in plan order: region by region for the
  /// chosen studies (the first region's studies, then the next's), fixed studies in each.
  @inline(__always)
  func forEachStudy(
    _ studies: Frozen<Study>, regions choice: Int32, _ s: Situation,
    _ body: (_ position: Int, _ study: Int) -> Void
  ) {
    forEachStudy(studies, chosen: regions(choice, s), s, body)
  }

  /// ``forEachStudy(_:regions:_:_:)`` with the regions already chosen (`regions(choice, s)`).
  @inline(__always)
  func forEachStudy(
    _ studies: Frozen<Study>, chosen: Int32, _ s: Situation,
    _ body: (_ position: Int, _ study: Int) -> Void
  ) {
    if chosen == 0 {
      for (position, study) in studies.enumerated() where holds(study.when, s) {
        body(position, Int(study.fixed))
      }
      return
    }
    for region in 0..<StudyBits.regions.count where chosen & (1 << Int32(region)) != 0 {
      for (position, study) in studies.enumerated() where holds(study.when, s) {
        body(
          position,
          study.fixed >= 0
            ? Int(study.fixed)
            : StudyBits.index(
              modality: Int(study.modality), region: region, contrast: Int(study.contrast)))
      }
    }
  }
}
