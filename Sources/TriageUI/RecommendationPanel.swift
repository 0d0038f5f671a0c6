import TriageEngine
import TriageFormats

/// The recommendation panel, always on screen: below the lists at 80x24 (five rows), beside
/// them when the terminal is wide (with the rules, safety items and missing answers).
public enum RecommendationPanel {
  /// Draws the panel for `recommendation` into its place in `layout`.
  public static func draw(
    _ screen: inout Screen, recommendation: Recommendation, layout: Layout, glyphs: Glyphs
  ) {
    if layout.isWide {
      drawWide(&screen, recommendation, layout, glyphs)
    } else {
      drawNarrow(&screen, recommendation, layout, glyphs)
    }
  }

  /// The main study in words, or what to do when there is none.
  static func studyText(_ r: Recommendation) -> String {
    guard let main = r.mainStudy else { return "none now: conservative care and safety-net advice" }
    let more = r.imaging.count > 1 ? " (+\(r.imaging.count - 1) more)" : ""
    return main.displayName + more
  }

  /// Whether answers that could raise the urgency are still missing: the panel then says
  /// PROVISIONAL, so that "no imaging" on a half-filled form is never taken as final.
  static func isProvisional(_ r: Recommendation) -> Bool { !r.missing.isEmpty }

  static func counts(_ r: Recommendation) -> (stops: Int, cautions: Int, missing: Int) {
    (
      r.safety.filter { $0.level == .stop }.count, r.safety.filter { $0.level == .caution }.count,
      r.missing.count
    )
  }

  static func drawNarrow(
    _ screen: inout Screen, _ r: Recommendation, _ layout: Layout, _ glyphs: Glyphs
  ) {
    let top = layout.panelTop
    let width = layout.panelWidth
    screen.fill(row: top, column: 0, count: width, with: glyphs.horizontal, role: .border)
    var x = screen.put(String(glyphs.horizontal) + " ", row: top, column: 0, role: .border)
    x = screen.put(" \(r.label) ", row: top, column: x, role: .urgency(r.urgency))
    if isProvisional(r) {
      x = screen.put(" ", row: top, column: x, role: .border)
      x = screen.put("PROVISIONAL", row: top, column: x, role: .caution)
    }
    x = screen.put(" ", row: top, column: x, role: .border)
    screen.put(
      r.timeframe, row: top, column: x, role: .normal, width: width - x - 1,
      ellipsis: glyphs.ellipsis)

    var y = top + 1
    let study = screen.put("Study: ", row: y, column: 1, role: .dim)
    screen.put(
      studyText(r), row: y, column: study, role: .normal, width: width - study - 1,
      ellipsis: glyphs.ellipsis)

    y += 1
    if let alternative = r.alternatives.first {
      let alt = screen.put("Alternative: ", row: y, column: 1, role: .dim)
      screen.put(
        "\(alternative.study.displayName) (\(alternative.when))", row: y, column: alt,
        width: width - alt - 1, ellipsis: glyphs.ellipsis)
    } else if r.urgency == .none {
      screen.put("Safety-net advice and every rule: Summary (6)", row: y, column: 1, role: .dim)
    }

    y += 1
    let rules = screen.put("Rules: ", row: y, column: 1, role: .dim)
    let ids = r.rules.map(\.rule.id).joined(separator: " ")
    screen.put(
      ids + "  (sources: 6 Summary)", row: y, column: rules, width: width - rules - 1,
      ellipsis: glyphs.ellipsis)

    y += 1
    let (stops, cautions, missing) = counts(r)
    x = screen.put(
      "Safety stops: \(stops)", row: y, column: 1, role: stops > 0 ? .stop : .normal)
    x = screen.put(
      "  Cautions: \(cautions)", row: y, column: x, role: cautions > 0 ? .caution : .normal)
    screen.put(
      "  Missing critical answers: \(missing)", row: y, column: x,
      role: missing > 0 ? .caution : .normal)
  }

  static func drawWide(
    _ screen: inout Screen, _ r: Recommendation, _ layout: Layout, _ glyphs: Glyphs
  ) {
    let left = layout.panelLeft
    let width = layout.panelWidth
    let inner = width - 2
    let text = inner - 2
    var lines: [(String, Role)] = []
    let textWidth = text
    func add(_ text: String, _ role: Role = .normal, indent: String = "") {
      for line in TextWrap.lines(text, width: textWidth, first: indent, rest: indent + "  ") {
        lines.append((line, role))
      }
    }
    if isProvisional(r) {
      add("PROVISIONAL: \(r.missing.count) answers that could raise it are missing", .caution)
    }
    add(r.timeframe)
    lines.append(("", .normal))
    add("Study", .dim)
    if r.imaging.isEmpty {
      add("none now: conservative care", indent: " ")
    }
    for study in r.imaging { add(study.displayName, indent: " ") }
    if !r.alternatives.isEmpty {
      add("Alternatives", .dim)
      for alternative in r.alternatives.prefix(3) {
        add("\(alternative.study.displayName): \(alternative.when)", indent: " ")
      }
    }
    let (stops, cautions, missing) = counts(r)
    add(
      "MRI safety: \(stops) stop\(stops == 1 ? "" : "s"), \(cautions) caution\(cautions == 1 ? "" : "s")",
      stops > 0 ? .stop : .dim)
    for item in r.safety where item.level != .info {
      add(
        "\(item.id) \(item.level.rawValue.uppercased()): \(item.message)",
        item.level == .stop ? .stop : .caution, indent: " ")
    }
    add("Missing critical answers: \(missing)", missing > 0 ? .caution : .dim)
    if missing > 0 { add(r.missing.joined(separator: ", "), indent: " ") }
    add("Rules (sources on 6 Summary)", .dim)
    for fired in r.rules {
      add("\(fired.rule.id) \(fired.rule.title)", indent: " ")
    }
    if !r.safetyNet.isEmpty {
      add("Safety net", .dim)
      for advice in r.safetyNet.prefix(2) { add(advice, indent: " ") }
    }
    add("Decision support only: the clinician decides.", .dim)

    // Box.
    let top = layout.panelTop
    let bottom = top + layout.panelHeight - 1
    screen.put(String(glyphs.topLeft), row: top, column: left, role: .border)
    screen.fill(row: top, column: left + 1, count: inner, with: glyphs.horizontal, role: .border)
    screen.put(String(glyphs.topRight), row: top, column: left + width - 1, role: .border)
    let x = screen.put(" Recommendation ", row: top, column: left + 2, role: .normal)
    screen.put(" \(r.label) ", row: top, column: x, role: .urgency(r.urgency))
    for y in (top + 1)..<bottom {
      screen.put(String(glyphs.vertical), row: y, column: left, role: .border)
      screen.put(String(glyphs.vertical), row: y, column: left + width - 1, role: .border)
    }
    screen.put(String(glyphs.bottomLeft), row: bottom, column: left, role: .border)
    screen.fill(row: bottom, column: left + 1, count: inner, with: glyphs.horizontal, role: .border)
    screen.put(String(glyphs.bottomRight), row: bottom, column: left + width - 1, role: .border)

    let capacity = bottom - top - 1
    let overflows = lines.count > capacity
    let shown = overflows ? max(0, capacity - 1) : capacity
    for (offset, (line, role)) in lines.prefix(shown).enumerated() {
      screen.put(line, row: top + 1 + offset, column: left + 2, role: role, width: textWidth)
    }
    if overflows && capacity > 0 {
      screen.put(
        glyphs.ellipsis + " more on 6 Summary", row: bottom - 1, column: left + 2, role: .dim,
        width: textWidth)
    }
  }
}
