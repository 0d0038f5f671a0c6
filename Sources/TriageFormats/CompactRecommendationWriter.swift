import TriageEngine

/// Writes a recommendation as compact JSON straight into UTF-8 bytes, without building a
/// `JSONValue` tree first: the `evaluate --jsonl` hot path. Same members, same order, as
/// ``RecommendationJSON/json(_:)`` (a test parses both back and compares them).
/// Texts are copied in blocks into a ``ByteBuffer``; identifiers (findings, numbers, urgencies,
/// studies) come from tables of literals escaped once.
struct CompactRecommendationWriter: ~Copyable {
  private(set) var buffer = ByteBuffer(capacity: 4096)
  /// The tables, looked up once per writer rather than at every use (each lookup of a global
  /// checks that it was initialised).
  private let findingTable = Self.findings
  private let urgencyTable = Self.urgencies
  private let ruleTexts = RuleTexts.shared
  private let studyTable = Self.studies
  private let inputTable = Self.inputs

  /// The bytes written.
  var bytes: [UInt8] { buffer.array }

  /// Appends a line feed (between the lines of a stream).
  mutating func newline() { buffer.append(UInt8(ascii: "\n")) }

  /// Forgets the bytes written, keeping the memory (the next recommendation starts at 0).
  mutating func removeAll() { buffer.removeAll() }

  mutating func write(_ r: Recommendation) {
    raw("{")
    key("urgency", first: true)
    urgencyTable.write(r.urgency.rawValue, to: &buffer)
    key("label")
    string(r.label)
    key("status")
    string(r.status.rawValue)
    key("timeframe")
    string(r.timeframe)
    key("timeframe_hours")
    if let hours = r.timeframeHours {
      buffer.appendPlain(String(hours))
    } else {
      raw("null")
    }
    key("imaging")
    array(r.imaging) { writer, study in writer.study(study, when: nil) }
    key("alternatives")
    array(r.alternatives) { writer, alternative in
      writer.study(alternative.study, when: alternative.when)
    }
    key("rules")
    array(r.rules) { writer, fired in
      if let texts = writer.ruleTexts.texts(of: fired.rule) {
        texts.writeHead(to: &writer.buffer)
        writer.identifiers(fired.findingSet, fired.inputs)
        texts.writeTail(to: &writer.buffer)
      } else {
        Self.writeHead(of: fired.rule, to: &writer.buffer)
        writer.identifiers(fired.findingSet, fired.inputs)
        Self.writeTail(of: fired.rule, to: &writer.buffer)
      }
    }
    key("safety")
    array(r.safety) { writer, item in
      writer.raw("{")
      writer.key("id", first: true)
      writer.string(item.id)
      writer.key("level")
      writer.string(item.level.rawValue)
      writer.key("message")
      writer.string(item.message)
      if let before = item.before {
        writer.key("before")
        writer.string(before)
      }
      writer.key("source")
      writer.string(item.source)
      writer.key("findings")
      writer.identifiers(item.findingSet, [])
      writer.raw("}")
    }
    key("missing")
    raw("[")
    var first = true
    for finding in r.missingFindings {
      if !first { buffer.append(UInt8(ascii: ",")) }
      first = false
      findingTable.write(Int(finding.rawValue), to: &buffer)
    }
    numbers(r.missingInputs, first: first)
    key("safety_net")
    array(r.safetyNet) { writer, advice in writer.string(advice) }
    key("ruleset")
    string(r.ruleset)
    raw("}")
  }

  /// A fired rule's members before its findings: `{"id":...,"source":...,"findings":`.
  static func writeHead(of rule: Rule, to buffer: inout ByteBuffer) {
    buffer.append("{\"id\":")
    buffer.appendQuoted(rule.id)
    buffer.append(",\"title\":")
    buffer.appendQuoted(rule.title)
    buffer.append(",\"urgency\":")
    if let urgency = rule.urgency {
      urgencies.write(urgency.rawValue, to: &buffer)
    } else {
      buffer.append("null")
    }
    buffer.append(",\"source\":")
    buffer.appendQuoted(rule.source)
    buffer.append(",\"findings\":")
  }

  /// A fired rule's members after its findings, and the closing brace.
  static func writeTail(of rule: Rule, to buffer: inout ByteBuffer) {
    if let note = rule.note {
      buffer.append(",\"note\":")
      buffer.appendQuoted(note)
    }
    if let seed = rule.seedDifference {
      buffer.append(",\"seed_difference\":")
      buffer.appendQuoted(seed)
    }
    buffer.append("}")
  }

  /// A study (from the table of every study's members), with `when` for an alternative.
  private mutating func study(_ study: ImagingStudy, when: String?) {
    studyTable.write(study.place, to: &buffer)
    if let when {
      key("when")
      string(when)
    }
    raw("}")
  }

  @inline(__always)
  private mutating func array<Element>(
    _ elements: [Element], _ body: (inout CompactRecommendationWriter, Element) -> Void
  ) {
    raw("[")
    var first = true
    for element in elements {
      if !first { raw(",") }
      first = false
      body(&self, element)
    }
    raw("]")
  }

  /// The identifiers of `findings`, then of `inputs`, as an array of strings (the contract's
  /// evidence lists).
  private mutating func identifiers(_ findings: FindingSet, _ inputs: NumericInputs) {
    raw("[")
    var first = true
    findings.forEachMember { finding in
      if !first { buffer.append(UInt8(ascii: ",")) }
      first = false
      findingTable.write(Int(finding.rawValue), to: &buffer)
    }
    numbers(inputs, first: first)
  }

  /// The identifiers of `inputs` (after the findings, `first` when there were none), and the
  /// array's closing bracket.
  private mutating func numbers(_ inputs: NumericInputs, first: Bool) {
    var first = first
    if !inputs.isEmpty {
      for (index, option) in inputTable.options.enumerated() where inputs.contains(option) {
        if !first { buffer.append(UInt8(ascii: ",")) }
        first = false
        inputTable.literals.write(index, to: &buffer)
      }
    }
    raw("]")
  }

  /// A member's name: an identifier of ASCII letters and underscores, written as it is.
  @inline(__always)
  private mutating func key(_ name: StaticString, first: Bool = false) {
    buffer.reserve(name.utf8CodeUnitCount + 4)
    if !first { buffer.append(UInt8(ascii: ",")) }
    buffer.append(UInt8(ascii: "\""))
    buffer.append(name)
    buffer.append(UInt8(ascii: "\""))
    buffer.append(UInt8(ascii: ":"))
  }

  @inline(__always)
  private mutating func string(_ text: String) { buffer.appendQuoted(text) }

  @inline(__always)
  private mutating func raw(_ text: StaticString) { buffer.append(text) }

  /// Each study's members as JSON, without the closing brace, by its place
  /// (``TriageEngine/ImagingStudy/place``): `{"modality":...,"region":...,"contrast":...`.
  private static let studies = QuotedTable(
    fragments: (0..<ImagingStudy.count).map { place in
      let study = ImagingStudy(place: place)
      var buffer = ByteBuffer(capacity: 80)
      buffer.append("{\"modality\":")
      buffer.appendQuoted(study.modality.rawValue)
      buffer.append(",\"region\":")
      buffer.appendQuoted(study.region.rawValue)
      buffer.append(",\"contrast\":")
      buffer.appendQuoted(study.contrast.rawValue)
      return buffer.array
    })
  /// Each number's identifier as a literal, in the order of `NumericInputs.ids`, and the
  /// option of each.
  private static let inputs: (literals: QuotedTable, options: [NumericInputs]) = {
    let every = NumericInputs(rawValue: .max).ids
    let options = every.map { id in
      (0..<8).map { NumericInputs(rawValue: 1 << $0) }.first { $0.ids == [id] }!
    }
    return (QuotedTable(every), options)
  }()
  /// Each finding's identifier as a literal, by raw value.
  private static let findings = QuotedTable(Finding.allCases.map(\.id))
  /// Each urgency's identifier as a literal, by raw value.
  static let urgencies = QuotedTable(
    (0...Urgency.allCases.map(\.rawValue).max()!).map { Urgency(rawValue: $0)?.id ?? "" })
}
