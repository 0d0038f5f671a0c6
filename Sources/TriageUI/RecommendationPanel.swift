import TriageEngine
import TriageFormats

/// The recommendation panel, always on screen: below the lists at 80x24 (five rows), beside
/// them when the terminal is wide (with the rules, safety items and missing answers).
public enum RecommendationPanel {
  /// Draws the panel for `recommendation` into its place in `layout`.
  ///
  /// `onSafetyScreen`: the MRI-safety screen is the one shown. Its list and its tab show what
  /// is unanswered there, so the panel names only a STOP: an answer on that screen then redraws
  /// the checkbox and the tab's count, not the panel too.
  public static func draw(
    _ screen: inout Screen, recommendation: Recommendation, layout: Layout, glyphs: Glyphs,
    sheet: AnswerSheet = AnswerSheet(), now: String? = nil, onSafetyScreen: Bool = false
  ) {
    let safety = safetyWords(sheet, recommendation, onSafetyScreen: onSafetyScreen)
    if layout.isWide {
      drawWide(&screen, recommendation, layout, glyphs, sheet, now, safety)
    } else {
      drawNarrow(&screen, recommendation, layout, glyphs, sheet, now, safety)
    }
  }

  /// The panel's MRI-safety words: on the MRI-safety screen itself a STOP or "on this screen";
  /// elsewhere the screen in a few words ("11 of 11 unanswered (not screened)").
  static func safetyWords(_ sheet: AnswerSheet, _ r: Recommendation, onSafetyScreen: Bool)
    -> String
  {
    guard onSafetyScreen else { return DecisionText.safetyScreen(sheet.answers, r) }
    let stops = r.stops.count
    return stops > 0 ? "\(stops) STOP" : "on this screen"
  }

  /// The label box: the urgency in its colour, INCOMPLETE in its own, and "no imaging" green
  /// only when FINAL (a provisional one has the provisional look: never reassuring early).
  static func labelText(_ r: Recommendation) -> (String, Role) {
    if DecisionText.hasNoDecision(r) { return ("INCOMPLETE", .incomplete) }
    if r.urgency == .none && r.status != .final { return (r.label, .provisional) }
    return (r.label, .urgency(r.urgency))
  }

  /// The status word beside the label: FINAL, PROVISIONAL or INCOMPLETE, each in its own look.
  static func statusWord(_ r: Recommendation) -> (String, Role)? {
    if DecisionText.hasNoDecision(r) { return nil }
    switch r.status {
    case .final: return ("FINAL", .final)
    case .provisional: return ("PROVISIONAL", .provisional)
    case .incomplete: return ("INCOMPLETE", .incomplete)
    }
  }

  /// The studies in order, or what to do when there is none; nil while there is no decision
  /// (an empty form shows no study).
  static func studyText(_ r: Recommendation) -> String? {
    if DecisionText.hasNoDecision(r) { return nil }
    guard !r.imaging.isEmpty else { return "none now: conservative care and safety-net advice" }
    return DecisionText.studyOrder(r)
  }

  static func counts(_ r: Recommendation) -> (stops: Int, cautions: Int, missing: Int) {
    (
      r.safety.filter { $0.level == .stop }.count, r.safety.filter { $0.level == .caution }.count,
      r.missingLabels.count
    )
  }

  static func drawNarrow(
    _ screen: inout Screen, _ r: Recommendation, _ layout: Layout, _ glyphs: Glyphs,
    _ sheet: AnswerSheet, _ now: String?, _ safety: String
  ) {
    let top = layout.panelTop
    let width = layout.panelWidth
    screen.fill(row: top, column: 0, count: width, with: glyphs.horizontal, role: .border)
    var x = screen.put(String(glyphs.horizontal) + " ", row: top, column: 0, role: .border)
    let (label, labelRole) = labelText(r)
    x = screen.put(" \(label) ", row: top, column: x, role: labelRole)
    if let (word, role) = statusWord(r) {
      x = screen.put(" ", row: top, column: x, role: .border)
      x = screen.put(" \(word) ", row: top, column: x, role: role)
    }
    x = screen.put(" ", row: top, column: x, role: .border)
    // Dated when not today; OVERDUE once passed (the time of the last key).
    if let deadline = Deadline.short(r, clock: sheet.urgencyClock, now: now) {
      x = screen.put(deadline, row: top, column: x, role: .stop)
      x = screen.put(" ", row: top, column: x, role: .border)
    }
    screen.put(
      DecisionText.hasNoDecision(r)
        ? "answer where it hurts or the trauma (1 Patient)" : r.timeframe,
      row: top, column: x, role: .normal, width: width - x - 1, ellipsis: glyphs.ellipsis)

    var y = top + 1
    if let text = studyText(r) {
      let study = screen.put("Study: ", row: y, column: 1, role: .dim)
      screen.put(
        text, row: y, column: study, role: .normal, width: width - study - 1,
        ellipsis: glyphs.ellipsis)
    } else {
      screen.put(
        "No decision and no study until a complaint is answered.", row: y, column: 1,
        role: .dim, width: width - 2, ellipsis: glyphs.ellipsis)
    }

    y += 1
    if DecisionText.hasNoDecision(r) {
      // Nothing to advise yet: no safety net, no alternative.
    } else if let alternative = r.alternatives.first {
      let alt = screen.put("Alternative: ", row: y, column: 1, role: .dim)
      screen.put(
        "\(alternative.study.displayName) (\(alternative.when))", row: y, column: alt,
        width: width - alt - 1, ellipsis: glyphs.ellipsis)
    } else if r.urgency == .none {
      screen.put("Safety-net advice and every rule: Summary (6)", row: y, column: 1, role: .dim)
    }

    y += 1
    let rules = screen.put("Rules: ", row: y, column: 1, role: .dim)
    let ids = r.reasons.map(\.rule.id).joined(separator: " ")
    screen.put(
      ids + "  (sources: 6 Summary)", row: y, column: rules, width: width - rules - 1,
      ellipsis: glyphs.ellipsis)

    y += 1
    // The MRI-safety state last: its count changes as screen 5 is answered, and only its digits
    // are redrawn.
    let (stops, _, missing) = counts(r)
    let notDone = r.missingFindings.filter { sheet.answers.isNotDone($0) }.count
    x = screen.put(
      "Missing critical answers: \(missing)" + (notDone > 0 ? " (\(notDone) not done)" : ""),
      row: y, column: 1, role: missing > 0 ? .caution : .normal)
    x = screen.put("  MRI safety: ", row: y, column: x, role: .dim)
    screen.put(
      safety, row: y, column: x,
      role: stops > 0 ? .stop : .normal, width: width - x - 1, ellipsis: glyphs.ellipsis)
  }

  static func drawWide(
    _ screen: inout Screen, _ r: Recommendation, _ layout: Layout, _ glyphs: Glyphs,
    _ sheet: AnswerSheet, _ now: String?, _ safety: String
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
    add(
      DecisionText.statusLine(r, sheet.answers),
      r.status == .final ? .final : (r.status == .provisional ? .provisional : .incomplete))
    if !DecisionText.hasNoDecision(r) { add(r.timeframe) }
    if sheet.urgencyClock != nil,
      let deadline = Deadline.text(r, clock: sheet.urgencyClock, now: now)
    {
      add(deadline, .stop)
    }
    lines.append(("", .normal))
    if DecisionText.hasNoDecision(r) {
      add("No decision and no study until a complaint is answered.", .dim)
    } else {
      add(r.imaging.count > 1 ? "Study order" : "Study", .dim)
    }
    if r.imaging.isEmpty && !DecisionText.hasNoDecision(r) {
      add("none now: conservative care", indent: " ")
    }
    for (index, study) in r.imaging.enumerated() {
      add((index == 0 ? "" : "then ") + study.displayName, indent: " ")
    }
    if !r.alternatives.isEmpty {
      add("Alternatives", .dim)
      for alternative in r.alternatives.prefix(3) {
        add("\(alternative.study.displayName): \(alternative.when)", indent: " ")
      }
    }
    let (stops, _, missing) = counts(r)
    add("MRI safety: " + safety, stops > 0 ? .stop : .dim)
    for item in r.safety where item.level != .info {
      add(
        "\(item.level.rawValue.uppercased()): \(item.message)",
        item.level == .stop ? .stop : .caution, indent: " ")
    }
    add("Missing critical answers: \(missing)", missing > 0 ? .caution : .dim)
    if missing > 0 {
      // The first few in words; the full list is on the Summary.
      let shown = DecisionText.missingWords(r, sheet.answers).prefix(5).joined(separator: "; ")
      add(missing > 5 ? shown + "; and \(missing - 5) more (6 Summary)" : shown, indent: " ")
    }
    add("Rules (sources on 6 Summary)", .dim)
    for fired in r.reasons {
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
    let (label, labelRole) = labelText(r)
    // The title gives way when the label and the status word need the room.
    let needed = 16 + label.count + 3 + (statusWord(r).map { $0.0.count + 2 } ?? 0)
    let x =
      needed <= width - 4
      ? screen.put(" Recommendation ", row: top, column: left + 2, role: .normal) : left + 2
    var after = screen.put(" \(label) ", row: top, column: x, role: labelRole)
    if let (word, role) = statusWord(r) {
      after = screen.put(" ", row: top, column: after, role: .border)
      screen.put(" \(word) ", row: top, column: after, role: role)
    }
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
