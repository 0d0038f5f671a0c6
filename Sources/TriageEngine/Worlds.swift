/// The value of a condition in many "worlds" at once, for ``Missing``: now (the answers as they
/// are), and in each world where one unanswered finding is answered yes (a bit of `yes`) or no
/// (a bit of `no`). Only the findings of the ``Context`` have worlds; every other bit is clear.
struct Worlds: Equatable {
  /// The value now.
  var now: Bool
  /// The worlds where the value is true, as four words: the findings whose answer yes makes
  /// it true (two words), then those whose answer no does (two words); one vector, so that
  /// each operation on all the worlds is a few instructions.
  var bits: SIMD4<UInt64>

  init(now: Bool, bits: SIMD4<UInt64>) {
    self.now = now
    self.bits = bits
  }

  init(now: Bool, yes: FindingSet, no: FindingSet) {
    self.init(now: now, bits: SIMD4(yes.low, yes.high, no.low, no.high))
  }

  /// The findings whose answer yes makes the value true.
  var yes: FindingSet { FindingSet(low: bits[0], high: bits[1]) }
  /// The findings whose answer no makes the value true.
  var no: FindingSet { FindingSet(low: bits[2], high: bits[3]) }

  /// The answers now and the findings that have worlds.
  struct Context {
    /// The findings answered yes, then no, in a world of their own (as ``Worlds/bits``).
    let worlds: SIMD4<UInt64>
    /// The answers now (and the rules that fired).
    let start: Situation

    init(yes: FindingSet, no: FindingSet, start: Situation) {
      worlds = SIMD4(yes.low, yes.high, no.low, no.high)
      self.start = start
    }

    /// The findings answered yes in a world of their own.
    var yes: FindingSet { FindingSet(low: worlds[0], high: worlds[1]) }
    /// The findings answered no in a world of their own.
    var no: FindingSet { FindingSet(low: worlds[2], high: worlds[3]) }

    /// True now and in every world.
    var all: Worlds { Worlds(now: true, bits: worlds) }
    /// False now and in every world.
    var none: Worlds { Worlds(now: false, bits: .zero) }

    /// The same value in every world as now.
    @inline(__always) func constant(_ value: Bool) -> Worlds { value ? all : none }

    /// The value negated, now and in every world.
    @inline(__always) func complement(_ value: Worlds) -> Worlds {
      Worlds(now: !value.now, bits: worlds & ~value.bits)
    }

    /// The yes worlds of `findings` (as ``Worlds/bits``).
    @inline(__always) func yes(_ findings: FindingSet) -> SIMD4<UInt64> {
      worlds & SIMD4(findings.low, findings.high, 0, 0)
    }

    /// The no worlds of `findings` (as ``Worlds/bits``).
    @inline(__always) func no(_ findings: FindingSet) -> SIMD4<UInt64> {
      worlds & SIMD4(0, 0, findings.low, findings.high)
    }

    /// Every world but those of `findings`, yes and no.
    @inline(__always) func except(_ findings: FindingSet) -> SIMD4<UInt64> {
      worlds & ~SIMD4(findings.low, findings.high, findings.low, findings.high)
    }
  }

  /// Whether the value is true in the world where `finding` is answered `yes` (or no).
  @inline(__always) func contains(_ finding: Finding, yes: Bool) -> Bool {
    let index = Int(finding.rawValue) + (yes ? 0 : 128)
    return (bits[index >> 6] >> UInt64(index & 63)) & 1 == 1
  }

  /// Whether no world has the value true (now aside).
  @inline(__always) var isEmpty: Bool { bits == .zero }

  /// The worlds of `findings` only (now aside).
  @inline(__always) func restricted(to findings: FindingSet) -> Worlds {
    Worlds(now: now, bits: bits & SIMD4(findings.low, findings.high, findings.low, findings.high))
  }

  /// The worlds of this value that are not in `other` (now aside).
  @inline(__always) func subtracting(_ other: Worlds) -> Worlds {
    Worlds(now: now, bits: bits & ~other.bits)
  }

  /// True where either is.
  @inline(__always) mutating func formUnion(_ other: Worlds) {
    now = now || other.now
    bits |= other.bits
  }

  /// True where both are.
  @inline(__always) mutating func formIntersection(_ other: Worlds) {
    now = now && other.now
    bits &= other.bits
  }

  /// The value of the condition at `node` in every world. `firing` holds, for each rule (raw
  /// identifier), the worlds where it fired; a condition asks only about rules before it.
  ///
  /// With `only` (yes worlds), the value is exact only where it matters to the caller: it may be
  /// false everywhere when the condition needs a yes and can hold in none of the yes worlds of
  /// `only` (and never now).
  static func of(
    _ node: Int32, _ book: CompiledBook, _ context: Context,
    _ firing: UnsafeMutableBufferPointer<Worlds>, only: FindingSet? = nil
  ) -> Worlds {
    // A set the condition needs a yes in, without one now: only a yes to one of its findings
    // can make it true, so it is false everywhere when no world answers yes to a finding in
    // every such set.
    let located = book.nodes.base[Int(node)].required
    var open = only ?? context.yes
    for index in Int(located >> 3)..<Int((located >> 3) + (located & 7)) {
      let set = book.required.base[index]
      guard context.start.yes.intersection(set).isEmpty else { continue }
      open = open.intersection(set)
      if open.isEmpty { return context.none }
    }
    return value(Int(node), book, book.nodes.base, context, firing)
  }

  /// A yes to one of `set`: true now stays true; otherwise a yes for one of its findings makes
  /// it true.
  @inline(__always) private static func anyYes(_ set: FindingSet, _ c: Context) -> Worlds {
    if !c.start.yes.intersection(set).isEmpty { return c.all }
    return Worlds(now: false, bits: c.yes(set))
  }

  /// A no to each of `set`: a yes leaves it as it is (the finding was not no); a no makes it
  /// true if that finding was the last one not answered no.
  @inline(__always) private static func allNo(_ set: FindingSet, _ c: Context) -> Worlds {
    let left = set.subtracting(c.start.no)
    if left.isEmpty { return c.all }
    return Worlds(now: false, bits: left.count == 1 ? c.no(left) : .zero)
  }

  private static func value(
    _ i: Int, _ book: CompiledBook, _ nodes: UnsafePointer<CompiledBook.Node>, _ c: Context,
    _ firing: UnsafeMutableBufferPointer<Worlds>
  ) -> Worlds {
    let node = nodes + i
    switch node.pointee.op {
    case .anyYes: return anyYes(node.pointee.set, c)
    case .allNo: return allNo(node.pointee.set, c)
    case .unanswered:
      // Any answer for one of its findings makes it false.
      if !c.start.yes.union(c.start.no).intersection(node.pointee.set).isEmpty { return c.none }
      return Worlds(now: true, bits: c.except(node.pointee.set))
    case .neckOnly:
      let neck = c.start.hasNeck ? c.yes : c.yes.intersection(Situation.neck)
      let low = c.start.hasLow ? c.yes : c.yes.intersection(Situation.low)
      let mid = c.start.hasMid ? c.yes : c.yes.intersection(Situation.mid)
      let now = c.start.hasNeck && !c.start.hasLow && !c.start.hasMid
      return Worlds(
        now: now, yes: neck.subtracting(low).subtracting(mid), no: now ? c.no : FindingSet())
    case .fired:
      return firing[Int(node.pointee.arg)]
    case .all, .any:
      // all: true where every child is; any: true where one is. Stops when no world is left
      // to decide.
      let all = node.pointee.op == .all
      var result = all ? c.all : c.none
      let end = Int(node.pointee.next)
      var child = i + 1
      while child < end {
        // The usual children, tests of yes and of no, without a call.
        let value =
          switch nodes[child].op {
          case .anyYes: anyYes(nodes[child].set, c)
          case .allNo: allNo(nodes[child].set, c)
          default: value(child, book, nodes, c, firing)
          }
        if all {
          result.formIntersection(value)
          if result == c.none { return result }
        } else {
          result.formUnion(value)
          if result == c.all { return result }
        }
        child = Int(nodes[child].next)
      }
      return result
    case .not:
      return c.complement(value(i + 1, book, nodes, c, firing))
    case .always, .number, .unrecorded, .decidedAtMost, .planCovers, .planned:
      // No answer to a finding changes these.
      return c.constant(book.holds(Int32(i), c.start))
    }
  }
}
