/// The compiled book as tables of numbers and texts, so that a start of the program reads it
/// rather than compiling the rule book (a profile of the screens' start had 3.7 million of its
/// 12.2 million instructions in that compilation).
///
/// ``CompiledBookTables`` is generated from the book by ``CompiledBook/tablesSource`` and
/// checked in; a test compiles the book again and fails when the tables differ from it (the
/// test's message says how to write them again). Every field of the compiled book is written,
/// in one fixed order, by ``encoded`` and read back in the same order by
/// ``init(words:texts:)``.
extension CompiledBook {
  /// The book of the program: read from the generated tables.
  static let shared = CompiledBook(words: CompiledBookTables.words, texts: CompiledBookTables.texts)

  /// Every field as numbers, and the texts they refer to by position.
  var encoded: (words: [Int64], texts: [String]) {
    var out = Writer()
    out.list(nodes) { out, node in
      out.put(Int64(node.op.rawValue), Int64(node.next), Int64(node.arg), Int64(node.lo))
      out.put(Int64(node.hi), Int64(node.required))
      out.put(node.set)
    }
    out.list(choices) { out, choice in
      switch choice {
      case .fixed: out.put(0, 0, 0, 0)
      case .symptoms: out.put(1, 0, 0, 0)
      case .back: out.put(2, 0, 0, 0)
      case .cord: out.put(3, 0, 0, 0)
      case .either(let condition, let first, let second):
        out.put(4, Int64(condition), Int64(first), Int64(second))
      }
    }
    out.list(rules) { out, rule in
      out.put(Int64(rule.id.rawValue), Int64(rule.urgency))
      out.list(rule.arms) { out, arm in
        out.put(Int64(arm.condition), Int64(arm.regions))
        out.list(arm.evidence) { out, item in
          out.put(item.findings)
          out.put(Int64(item.when))
        }
        out.list(arm.inputs) { out, item in out.put(Int64(item.inputs.rawValue), Int64(item.when)) }
        out.list(arm.pending) { out, item in
          out.put(item.findings)
          out.put(Int64(item.when))
        }
        for studies in [arm.imaging, arm.alternatives] {
          out.list(studies) { out, study in
            out.put(Int64(study.fixed), Int64(study.modality), Int64(study.contrast))
            out.put(Int64(study.when))
          }
        }
        out.list(arm.reasons) { out, reason in out.put(text: reason) }
      }
    }
    for positions in [indication, fallback, notes, regionNotes] {
      out.list(positions) { out, position in out.put(Int64(position)) }
    }
    out.list(numberReaders) { out, positions in
      out.list(positions) { out, position in out.put(Int64(position)) }
    }
    out.put(readsNo)
    out.put(read)
    out.list(planReads) { out, arms in out.list(arms) { out, reads in out.put(reads) } }
    out.list(ceilings) { out, ceiling in
      out.put(Int64(bitPattern: ceiling.words.low), Int64(bitPattern: ceiling.words.high))
    }
    out.list(askedAboutList) { out, rule in out.put(Int64(rule)) }
    out.list(required) { out, set in out.put(set) }
    return (out.words, out.texts)
  }

  /// Reads a book written by ``encoded`` (the generated tables, or a test's round trip).
  init(words: [Int64], texts: [String]) {
    var r = Reader(words: words, texts: texts)
    nodes = r.list { r in
      Node(
        op: Op(rawValue: UInt8(r.int()))!, next: r.int32(), arg: r.int32(), lo: r.int32(),
        hi: r.int32(), required: UInt32(r.int()), set: r.set())
    }
    choices = r.list { r in
      let (tag, a, b, c) = (r.int(), r.int32(), r.int32(), r.int32())
      switch tag {
      case 0: return .fixed
      case 1: return .symptoms
      case 2: return .back
      case 3: return .cord
      default: return .either(a, b, c)
      }
    }
    rules = r.list { r in
      let id = RuleID(rawValue: r.int())!
      let urgency = r.int32()
      let arms: Frozen<Arm> = r.list { r in
        let (condition, regions) = (r.int32(), r.int32())
        let evidence: Frozen<(findings: FindingSet, when: Int32)> = r.list { r in
          (r.set(), r.int32())
        }
        let inputs: Frozen<(inputs: NumericInputs, when: Int32)> = r.list { r in
          (NumericInputs(rawValue: UInt8(r.int())), r.int32())
        }
        let pending: Frozen<(findings: FindingSet, when: Int32)> = r.list { r in
          (r.set(), r.int32())
        }
        func studies(_ r: inout Reader) -> Frozen<Study> {
          r.list { r in
            Study(fixed: r.int32(), modality: r.int32(), contrast: r.int32(), when: r.int32())
          }
        }
        let imaging = studies(&r)
        let alternatives = studies(&r)
        let reasons: Frozen<String> = r.list { r in r.text() }
        return Arm(
          condition: condition, evidence: evidence, inputs: inputs, pending: pending,
          imaging: imaging, alternatives: alternatives, reasons: reasons, regions: regions)
      }
      return Rule(id: id, urgency: urgency, arms: arms)
    }
    func positions(_ r: inout Reader) -> Frozen<Int> { r.list { r in r.int() } }
    let indication = positions(&r)
    self.indication = indication
    indicationArms = Self.armCount(indication, rules)
    fallback = positions(&r)
    notes = positions(&r)
    regionNotes = positions(&r)
    numberReaders = r.list { r in positions(&r) }
    readsNo = r.set()
    read = r.set()
    planReads = r.list { r in r.list { r in r.set() } }
    ceilings = r.list { r in
      StudyBits(low: UInt64(bitPattern: Int64(r.int())), high: UInt64(bitPattern: Int64(r.int())))
    }
    let askedAboutList: Frozen<Int32> = r.list { r in r.int32() }
    var askedAbout = FiredRules()
    for rule in askedAboutList { askedAbout.insert(rawValue: Int(rule)) }
    self.askedAbout = askedAbout
    self.askedAboutList = askedAboutList
    required = r.list { r in r.set() }
    // Every node's sets are in the list, and no more of them than a book makes.
    for node in nodes {
      let (first, count) = (Int(node.required >> 3), Int(node.required & 7))
      precondition(
        count <= Self.requiredLimit && first + count <= required.count,
        "the compiled book's tables place a node's required sets outside their list")
    }
    (gates, ungated) = Self.gates(indication, rules, nodes, required)
    precondition(r.isAtEnd, "the compiled book's tables have words left over")
  }

  /// The Swift source of ``CompiledBookTables`` for this book (written by the test that checks
  /// the checked-in tables, when asked to record them).
  var tablesSource: String {
    let (words, texts) = encoded
    var source = """
      // Generated from the rule book by CompiledBookTablesTests (SPINE_RECORD_BOOK=1); do not edit.
      // The compiled book (CompiledBook+Tables.swift) as numbers and texts, read at start-up.
      // swift-format-ignore-file

      enum CompiledBookTables {
        static let words: [Int64] = [

      """
    var line = "   "
    for word in words {
      let item = " \(word),"
      if line.utf8.count + item.utf8.count > 100 {
        source += line + "\n"
        line = "   "
      }
      line += item
    }
    source += line + "\n  ]\n\n  static let texts: [String] = [\n"
    for text in texts {
      precondition(
        !text.contains(where: { $0 == "\"" || $0 == "\\" || $0.isNewline }),
        "a rule's text needs escaping in the generated tables")
      source += "    \"\(text)\",\n"
    }
    source +=
      "  ]\n\n  /// For each study, the studies it covers (StudyBits.covered): two words each.\n"
    source += "  static let covered: [UInt64] = [\n"
    for bits in StudyBits.coveredComputed() {
      source += "    \(hex(bits.words.low)), \(hex(bits.words.high)),\n"
    }
    return source + "  ]\n}\n"
  }

  private func hex(_ word: UInt64) -> String {
    let digits = String(word, radix: 16)
    return "0x" + String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// Appends numbers and texts.
  private struct Writer {
    var words: [Int64] = []
    var texts: [String] = []

    mutating func put(_ values: Int64...) { words += values }

    mutating func put(_ set: FindingSet) {
      words += [Int64(bitPattern: set.low), Int64(bitPattern: set.high)]
    }

    mutating func put(text: String) {
      if let index = texts.firstIndex(of: text) {
        words.append(Int64(index))
      } else {
        words.append(Int64(texts.count))
        texts.append(text)
      }
    }

    /// The count, then each element.
    mutating func list<C: Collection>(_ items: C, _ each: (inout Writer, C.Element) -> Void) {
      words.append(Int64(items.count))
      for item in items { each(&self, item) }
    }
  }

  /// Reads numbers and texts in the order ``Writer`` put them.
  private struct Reader {
    let words: [Int64]
    let texts: [String]
    var position = 0

    var isAtEnd: Bool { position == words.count }

    mutating func int() -> Int {
      defer { position += 1 }
      return Int(words[position])
    }

    mutating func int32() -> Int32 { Int32(int()) }

    mutating func set() -> FindingSet {
      defer { position += 2 }
      return FindingSet(
        low: UInt64(bitPattern: words[position]), high: UInt64(bitPattern: words[position + 1]))
    }

    mutating func text() -> String { texts[int()] }

    /// A list written by ``Writer/list(_:_:)``, read into storage that is never freed.
    mutating func list<Element>(_ each: (inout Reader) -> Element) -> Frozen<Element> {
      Frozen(count: int()) { _ in each(&self) }
    }
  }
}
