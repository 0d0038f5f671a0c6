/// The MR-safety modifiers: what the `SF-` rules (``RuleBook/Safety``) do to the plan, applied
/// after the indication rules to choose the modality and contrast, and to say what must happen
/// before the scan. Each item takes its code and its one source from the rule's value.
///
/// Every MRI-safety finding answered yes gives an item: at its own level
/// when the plan holds an MRI, as `info` ("before any later MRI") when it does not, so a yes never
/// disappears from the record.
enum SafetyModifiers {
  struct Result {
    var imaging: [ImagingStudy]
    var alternatives: [Alternative]
    var items: [SafetyItem]
    /// The modality that replaced MRI in the plan, if a safety stop replaced it.
    var mriReplacedBy: Modality?

    /// Adds an item.
    mutating func add(
      _ rule: SafetyRule, _ level: SafetyLevel, _ message: String, before: String? = nil,
      _ findings: FindingSet
    ) {
      // Room for the usual few items at the first (one list, not grown item by item).
      if items.capacity == 0 { items.reserveCapacity(4) }
      items.append(
        SafetyItem(
          id: rule.rule.id, level: level, message: message, before: before,
          source: rule.rule.source, findingSet: findings))
    }

    /// An item about the MRI: at `level` when the plan holds an MRI (`mriPlanned`), else
    /// information for any later MRI (the `before` steps folded into the message).
    mutating func mriItem(
      _ rule: SafetyRule, _ level: SafetyLevel, _ words: MRIWords, _ findings: FindingSet,
      mriPlanned: Bool
    ) {
      if mriPlanned {
        add(rule, level, words.message, before: words.before, findings)
      } else {
        add(rule, .info, words.later, findings)
      }
    }
  }

  /// The MRI-safety screening items with their labels as the SF-0 message lists them (lower
  /// case first, computed once).
  static let mriSafetyItems = QuestionCatalogue.questions(on: .mriSafety).map {
    (finding: $0.finding, words: $0.label.lowercasedFirst)
  }

  /// The words of ``mriSafetyItems`` as UTF-8.
  static let mriSafetyItemBytes = mriSafetyItems.map { Array($0.words.utf8) }

  /// The MRI-safety screening items, as a set.
  static let mriSafetySet = FindingSet(mriSafetyItems.map(\.finding))

  /// The most bytes the SF-0 message can take: its words, two digits, every item and its
  /// separator.
  static let sf0Capacity: Int = {
    precondition(mriSafetyItems.count < 100, "the SF-0 count is written as at most two digits")
    return 64 + mriSafetyItemBytes.reduce(0) { $0 + $1.count + 2 }
  }()

  static func apply(
    _ f: Facts, urgency: Urgency, imaging: [ImagingStudy], alternatives: [Alternative],
    compression: Bool
  ) -> Result {
    var result = Result(imaging: imaging, alternatives: alternatives, items: [])
    let mriPlanned = imaging.contains { $0.modality == .mri }

    // (Items are added by methods of the result, not by local functions: a local function
    // that changes `result` would have each change checked for overlapping access at run
    // time.)

    // MRI contraindicated: switch to CT (myelography for compression) (SF-6, SF-11).
    if f.isYes(.abandonedLeads) {
      if mriPlanned {
        let replacement: Modality = compression ? .ctMyelogram : .ct
        result.add(
          RuleBook.Safety.sf6, .stop,
          "Fractured, epicardial or abandoned cardiac leads: MRI is not advised; the MRI has been replaced by "
            + (compression ? "CT myelography" : "CT"), [.abandonedLeads])
        result.imaging = result.imaging.map { study in
          guard study.modality == .mri else { return study }
          return compression
            ? ImagingStudy(.ctMyelogram, study.region, .none)
            : ImagingStudy(.ct, study.region, .without)
        }
        result.alternatives.removeAll { $0.study.modality == .mri }
        result.mriReplacedBy = replacement
      } else {
        result.add(
          RuleBook.Safety.sf6, .info,
          "Before any later MRI: fractured, epicardial or abandoned cardiac leads; MRI is not advised, use CT or CT myelography",
          [.abandonedLeads])
        result.alternatives.removeAll { $0.study.modality == .mri }
      }
    }
    if f.isYes(.pacemakerLegacy) {
      result.mriItem(
        RuleBook.Safety.sf6, .stop, MRIWords.pacemakerLegacy, [.pacemakerLegacy],
        mriPlanned: mriPlanned)
    }
    if f.isYes(.pacemakerConditional) {
      result.mriItem(
        RuleBook.Safety.sf5, .caution,
        f.isYes(.abandonedLeads) || f.isNo(.abandonedLeads)
          ? MRIWords.pacemakerConditional : MRIWords.pacemakerConditionalLeadsUnknown,
        [.pacemakerConditional], mriPlanned: mriPlanned)
    }
    if f.isYes(.orbitalMetal) {
      result.mriItem(
        RuleBook.Safety.sf7, .stop, MRIWords.orbitalMetal, [.orbitalMetal], mriPlanned: mriPlanned)
    }
    if f.isYes(.cochlearImplant) {
      result.mriItem(
        RuleBook.Safety.sf8, .stop, MRIWords.cochlearImplant, [.cochlearImplant],
        mriPlanned: mriPlanned)
    }
    if f.isYes(.neurostimulator) {
      result.mriItem(
        RuleBook.Safety.sf9, .stop, MRIWords.neurostimulator, [.neurostimulator],
        mriPlanned: mriPlanned)
    }
    if f.isYes(.metalFragments) {
      result.mriItem(
        RuleBook.Safety.sf9, .stop, MRIWords.metalFragments, [.metalFragments],
        mriPlanned: mriPlanned)
    }

    // Contrast (SF-1 to SF-4).
    if f.isYes(.pregnant) {
      let hadContrast = result.imaging.contains {
        $0.modality == .mri && $0.contrast == .withAndWithout
      }
      if hadContrast {
        result.imaging = result.imaging.map { study in
          study.modality == .mri && study.contrast == .withAndWithout
            ? ImagingStudy(.mri, study.region, .without) : study
        }
        // Read the imaging outside the mutation: reading `result` inside its own `removeAll`
        // is an overlapping access (a fatal exclusivity violation).
        let imaging = result.imaging
        result.alternatives.removeAll { imaging.contains($0.study) }
      }
      // No "with contrast" output in pregnancy unless overridden with a documented reason.
      result.alternatives.removeAll {
        $0.study.contrast == .withAndWithout && $0.study.modality == .mri
      }
      let message =
        hadContrast
        ? "Pregnancy: MRI without gadolinium (contrast removed); give contrast only with a documented reason. Non-contrast MRI is acceptable at any stage when warranted"
        : "Pregnancy: non-contrast MRI is acceptable at any stage when clinically warranted; avoid gadolinium"
      result.add(
        RuleBook.Safety.sf4, mriPlanned ? .caution : .info,
        mriPlanned
          ? message : "Pregnancy: if imaging is needed later, MRI without gadolinium is preferred",
        [.pregnant])
      if result.imaging.contains(where: {
        $0.modality == .ct || $0.modality == .ctMyelogram || $0.modality == .radiograph
          || $0.modality == .ctAngiography
      }) {
        result.add(
          RuleBook.Safety.sf4, .caution,
          "Pregnancy and X-rays or CT: ionising radiation; justify the study and follow the local pregnancy protocol (MRI preferred when it can answer the question in time)",
          [.pregnant])
      }
    }
    // A substitution (MRI to CT, contrast removed) can make two studies the same, or make an
    // alternative the planned study: keep each study once.
    // (A plan holds a handful of studies: a linear search, no hashing.)
    // (Lists are rebuilt only when something is repeated: no new list otherwise.)
    let planned = result.imaging
    if planned.indices.contains(where: { planned[..<$0].contains(planned[$0]) }) {
      var seen: [ImagingStudy] = []
      seen.reserveCapacity(planned.count)
      for study in planned where !seen.contains(study) { seen.append(study) }
      result.imaging = seen
    }
    let kept = result.imaging
    if result.alternatives.contains(where: { kept.contains($0.study) }) {
      result.alternatives.removeAll { kept.contains($0.study) }
    }
    let contrast = result.imaging.contains { $0.modality == .mri && $0.contrast == .withAndWithout }
    switch f.answer(.renalImpairment) {
    case .yes where contrast:
      result.add(
        RuleBook.Safety.sf2, .caution,
        "eGFR below 30, dialysis or AKI: no group I gadolinium agent (gadodiamide, gadopentetate, gadoversetamide); a group II agent is acceptable, and dialysis changes are unnecessary",
        [.renalImpairment])
    case .yes:
      result.add(
        RuleBook.Safety.sf2, .info,
        "eGFR below 30, dialysis or AKI: if contrast is added, a group II gadolinium agent only (no gadodiamide, gadopentetate or gadoversetamide)",
        [.renalImpairment])
    case .unknown where contrast:
      result.add(
        RuleBook.Safety.sf2, .info,
        "Renal function not recorded: check eGFR, dialysis and acute kidney injury before gadolinium",
        [])
    case .no where contrast:
      result.add(
        RuleBook.Safety.sf1, .info,
        "Gadolinium: any agent; group II (macrocyclic) agents preferred", [])
    default:
      break
    }
    if f.isYes(.contrastReaction) {
      result.add(
        RuleBook.Safety.sf3, contrast ? .caution : .info,
        (contrast ? "" : "If contrast is considered later: ")
          + "previous reaction to gadolinium: use non-contrast MRI if it answers the question; otherwise a different agent with or without premedication, and record the reaction",
        [.contrastReaction])
    }
    if f.isYes(.claustrophobia) {
      result.mriItem(
        RuleBook.Safety.sf10, .caution, MRIWords.claustrophobia, [.claustrophobia],
        mriPlanned: mriPlanned)
    }

    let stops = result.items.contains { $0.level == .stop }
    if stops && urgency >= .urgent && mriPlanned {
      result.add(
        RuleBook.Safety.sf11, .caution,
        "If MRI cannot be done safely in time: CT without contrast, with CT myelography at a spinal centre; never plain films to exclude cord compression; do not delay transfer",
        [])
      let region = imaging.first(where: { $0.modality == .mri })?.region ?? .wholeSpine
      let fallback = Alternative(
        ImagingStudy(compression ? .ctMyelogram : .ct, region, compression ? .none : .without),
        when: "MRI cannot be done safely in time")
      if let existing = result.alternatives.firstIndex(where: { $0.study == fallback.study }) {
        // Already offered (for example "MRI contraindicated"): move it first, once.
        result.alternatives.insert(result.alternatives.remove(at: existing), at: 0)
      } else if !result.imaging.contains(fallback.study) {
        result.alternatives.insert(fallback, at: 0)
      }
    }

    // Unknown is never no: say which screening items are still open, in words; before an
    // urgent or emergency MRI that is a caution.
    // (Counted first, then written into one string: no list of the open items.)
    let open = f.unanswered(mriSafetySet)
    let openCount = open.count
    if openCount > 0 && result.imaging.contains(where: { $0.modality == .mri }) {
      // Written as UTF-8 straight into one string (appending strings cost more than the rest
      // of the safety pass); the items in the order the questionnaire lists them.
      let message = String(unsafeUninitializedCapacity: sf0Capacity) { buffer in
        var out = ByteWriter(buffer)
        out.append("MRI safety screen incomplete: ")
        // At most two digits (the screen has fewer than 100 items).
        if openCount >= 10 { out.append(byte: UInt8(ascii: "0") + UInt8(openCount / 10)) }
        out.append(byte: UInt8(ascii: "0") + UInt8(openCount % 10))
        out.append(openCount == 1 ? " item unanswered (" : " items unanswered (")
        var first = true
        for (index, item) in mriSafetyItems.enumerated() where open.contains(item.finding) {
          if !first { out.append("; ") }
          first = false
          mriSafetyItemBytes[index].withUnsafeBufferPointer { out.append($0) }
        }
        out.append(")")
        return out.count
      }
      result.add(RuleBook.Safety.sf0, urgency >= .urgent ? .caution : .info, message, [])
    }
    result.items.sort { $0.level < $1.level }
    return result
  }
}

extension String {
  /// The string with its first letter in lower case, unless the first word is an abbreviation
  /// (for example "MR-conditional", "eGFR").
  var lowercasedFirst: String {
    // ASCII first word (every label today): bytes, without the Unicode tables that
    // `Character.isUppercase` reads (a profile of the start had 29,000 instructions a label).
    let uppercase: ClosedRange<UInt8> = 0x41...0x5A
    if let head = utf8.first, head < 0x80 {
      guard uppercase.contains(head) else { return self }
      let word = utf8.prefix { $0 != 0x20 }
      if !word.contains(where: { $0 >= 0x80 }) {
        if word.dropFirst().contains(where: { uppercase.contains($0) }) { return self }
        var bytes = Array(utf8)
        bytes[0] = head + 0x20
        return String(decoding: bytes, as: UTF8.self)
      }
    }
    guard let first = first, first.isUppercase else { return self }
    let word = prefix { $0 != " " }
    if word.count > 1 && word.dropFirst().contains(where: { $0.isUppercase }) { return self }
    return first.lowercased() + dropFirst()
  }
}
