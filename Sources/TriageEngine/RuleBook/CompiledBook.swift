/// The book compiled for speed, built once: every condition a flat run of nodes over bit sets
/// (evaluated without allocation or reference counting), every plan a list of study indexes,
/// and for each finding and number the indication rules that read it, directly or through a
/// rule they ask about (`missing` re-runs only those when it flips an answer).
struct CompiledBook: @unchecked Sendable {
  /// One node of a compiled condition, in prefix order; `next` is the index after its subtree.
  struct Node {
    var op: Op
    var next: Int32
    var arg: Int32 = 0
    var lo: Int32 = 0
    var hi: Int32 = 0
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
    var evidence: [(findings: FindingSet, when: Int32)]
    var inputs: [(inputs: NumericInputs, when: Int32)]
    var pending: [(findings: FindingSet, when: Int32)]
    var imaging: [Study]
    var alternatives: [Study]
    /// Why to choose each alternative, in words.
    var reasons: [String]
    var regions: Int32
  }

  struct Rule {
    var id: RuleID
    /// The urgency the rule sets, -1 for none (a rule that explains).
    var urgency: Int32
    var arms: [Arm]
  }

  /// The nodes of every condition (never freed: the book lives as long as the program).
  let nodes: UnsafeBufferPointer<Node>
  private(set) var choices: [Regions] = []
  /// Every rule, in book order.
  private(set) var rules: [Rule] = []
  /// The indexes in `rules` of each phase, in book order (region notes in identifier order).
  private(set) var indication: [Int] = []
  private(set) var fallback: [Int] = []
  private(set) var notes: [Int] = []
  private(set) var regionNotes: [Int] = []
  /// For each finding (raw value), the positions in `indication` of the rules that read it, in
  /// book order.
  private(set) var readers: [[Int]] = []
  /// The findings an indication rule reads for `no` or for unanswered: only for these can a
  /// `no` change the outcome (every other test is of a `yes`).
  private(set) var readsNo = FindingSet()
  /// For each number (age, symptom weeks, conservative weeks), the positions in `indication` of
  /// the rules that read it.
  private(set) var numberReaders: [[Int]] = [[], [], []]
  /// Every finding an indication rule reads.
  private(set) var read = FindingSet()

  static let shared = CompiledBook(RuleBook.book, regionNotes: RuleBook.regionNotes)

  init(_ book: [BookRule], regionNotes regionBook: [BookRule]) {
    var builder = Builder()
    var direct: [FindingSet] = []
    var directNumbers: [UInt8] = []
    var asked: [[RuleID]] = []
    for rule in book {
      builder.reads = FindingSet()
      builder.numbers = 0
      builder.asked = []
      let arms = rule.arms.map { builder.arm($0) }
      rules.append(
        Rule(id: rule.id, urgency: rule.rule.urgency.map { Int32($0.rawValue) } ?? -1, arms: arms))
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
    regionNotes = regionBook.compactMap { rule in compiled.firstIndex { $0.id == rule.id } }
    choices = builder.choices
    readsNo = builder.readsNo
    let buffer = UnsafeMutableBufferPointer<Node>.allocate(capacity: builder.nodes.count)
    _ = buffer.initialize(from: builder.nodes)
    nodes = UnsafeBufferPointer(buffer)

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
    readers = Array(repeating: [], count: Finding.allCases.count)
    // Readers are positions in `indication` (what `Missing` runs again, in book order).
    for (position, i) in indication.enumerated() {
      read = read.union(closed[i])
      for finding in closed[i].members { readers[Int(finding.rawValue)].append(position) }
      for measure in 0..<3 where closedNumbers[i] & (1 << measure) != 0 {
        numberReaders[measure].append(position)
      }
    }
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
      let condition = compile(arm.condition)
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
        condition: condition, evidence: evidence, inputs: inputs, pending: pending,
        imaging: imaging, alternatives: alternatives,
        reasons: arm.plan.alternatives.map(\.reason), regions: regions(arm.plan.regions))
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

    mutating func compile(_ condition: Condition) -> Int32 {
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
        for child in conditions { _ = compile(child) }
      case .any(let conditions):
        nodes[index].op = .any
        for child in conditions { _ = compile(child) }
      case .not(let child):
        nodes[index].op = .not
        _ = compile(child)
      }
      nodes[index].next = Int32(nodes.count)
      return Int32(index)
    }
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
    Self.holds(Int(node), nodes, s)
  }

  private static func holds(
    _ i: Int, _ nodes: UnsafeBufferPointer<Node>, _ s: Situation
  ) -> Bool {
    let node = nodes[i]
    switch node.op {
    case .always: return true
    case .anyYes: return !s.yes.intersection(node.set).isEmpty
    case .allNo: return s.no.isSuperset(of: node.set)
    case .unanswered: return s.yes.union(s.no).intersection(node.set).isEmpty
    case .neckOnly: return s.hasNeck && !s.hasLow && !s.hasMid
    case .number:
      let value = s.numbers[Int(node.arg)]
      return value != Situation.unrecorded && value >= node.lo && value < node.hi
    case .unrecorded: return s.numbers[Int(node.arg)] == Situation.unrecorded
    case .fired: return s.fired.contains(rawValue: Int(node.arg))
    case .decidedAtMost: return s.decided <= node.arg
    case .planCovers: return s.planRegions & node.arg != 0
    case .planned: return s.planned
    case .all:
      var child = i + 1
      while child < Int(node.next) {
        if !holds(child, nodes, s) { return false }
        child = Int(nodes[child].next)
      }
      return true
    case .any:
      var child = i + 1
      while child < Int(node.next) {
        if holds(child, nodes, s) { return true }
        child = Int(nodes[child].next)
      }
      return false
    case .not: return !holds(i + 1, nodes, s)
    }
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
    _ studies: [Study], regions choice: Int32, _ s: Situation,
    _ body: (_ position: Int, _ study: Int) -> Void
  ) {
    let chosen = regions(choice, s)
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
