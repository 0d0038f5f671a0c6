import TriageEngine

/// Writes a recommendation as compact JSON straight into UTF-8 bytes, without building a
/// `JSONValue` tree first: the `evaluate --jsonl` hot path. Same members, same order, as
/// ``RecommendationJSON/json(_:)`` (a test parses both back and compares them).
struct CompactRecommendationWriter {
  private(set) var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(4096) }

  mutating func write(_ r: Recommendation) {
    raw("{")
    key("urgency", first: true)
    string(r.urgency.id)
    key("label")
    string(r.label)
    key("status")
    string(r.status.rawValue)
    key("timeframe")
    string(r.timeframe)
    key("timeframe_hours")
    if let hours = r.timeframeHours {
      bytes.append(contentsOf: String(hours).utf8)
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
      writer.raw("{")
      writer.key("id", first: true)
      writer.string(fired.rule.id)
      writer.key("title")
      writer.string(fired.rule.title)
      writer.key("urgency")
      if let urgency = fired.rule.urgency { writer.string(urgency.id) } else { writer.raw("null") }
      writer.key("source")
      writer.string(fired.rule.source)
      writer.key("findings")
      writer.array(fired.evidence) { writer, id in writer.string(id) }
      if let note = fired.rule.note {
        writer.key("note")
        writer.string(note)
      }
      if let seed = fired.rule.seedDifference {
        writer.key("seed_difference")
        writer.string(seed)
      }
      writer.raw("}")
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
      writer.array(item.findings) { writer, finding in writer.string(finding.id) }
      writer.raw("}")
    }
    key("missing")
    array(r.missing) { writer, id in writer.string(id) }
    key("safety_net")
    array(r.safetyNet) { writer, advice in writer.string(advice) }
    key("ruleset")
    string(r.ruleset)
    raw("}")
  }

  private mutating func study(_ study: ImagingStudy, when: String?) {
    raw("{")
    key("modality", first: true)
    string(study.modality.rawValue)
    key("region")
    string(study.region.rawValue)
    key("contrast")
    string(study.contrast.rawValue)
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

  /// A member's name: an identifier of ASCII letters and underscores, written as it is.
  private mutating func key(_ name: StaticString, first: Bool = false) {
    if !first { bytes.append(UInt8(ascii: ",")) }
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
  }

  private mutating func string(_ text: String) { JSONWriter.appendQuoted(text, to: &bytes) }

  private mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }
}
