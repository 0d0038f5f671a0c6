/// A set of imaging studies as bits: every modality, region and contrast (108 studies), so a
/// plan's studies and what they cover are compared without arrays.
struct StudyBits: Hashable, Sendable {
  private var low: UInt64 = 0
  private var high: UInt64 = 0

  static let modalities = Modality.allCases
  static let regions = SpineRegion.allCases
  static let contrasts = Contrast.allCases
  /// How many studies there are.
  static let count = modalities.count * regions.count * contrasts.count

  @inline(__always) static func index(modality: Int, region: Int, contrast: Int) -> Int {
    (modality * regions.count + region) * contrasts.count + contrast
  }

  @inline(__always) static func index(_ study: ImagingStudy) -> Int {
    index(
      modality: modalityIndex(study.modality), region: regionIndex(study.region),
      contrast: contrastIndex(study.contrast))
  }

  static func study(at index: Int) -> ImagingStudy {
    let contrast = index % contrasts.count
    let region = (index / contrasts.count) % regions.count
    let modality = index / (contrasts.count * regions.count)
    return ImagingStudy(modalities[modality], regions[region], contrasts[contrast])
  }

  /// A modality's place in `Modality.allCases` (a test checks each against it).
  @inline(__always) static func modalityIndex(_ modality: Modality) -> Int {
    switch modality {
    case .mri: 0
    case .ct: 1
    case .ctMyelogram: 2
    case .radiograph: 3
    case .ultrasound: 4
    case .ctAngiography: 5
    }
  }

  @inline(__always) static func regionIndex(_ region: SpineRegion) -> Int {
    switch region {
    case .cervical: 0
    case .thoracic: 1
    case .lumbar: 2
    case .lumbosacral: 3
    case .wholeSpine: 4
    case .abdominalAorta: 5
    }
  }

  /// A contrast's place in `Contrast.allCases` (a test checks each against it).
  @inline(__always) static func contrastIndex(_ contrast: Contrast) -> Int {
    switch contrast {
    case .without: 0
    case .withAndWithout: 1
    case .none: 2
    }
  }

  @inline(__always) mutating func insert(_ index: Int) {
    if index < 64 { low |= 1 << UInt64(index) } else { high |= 1 << UInt64(index - 64) }
  }

  @inline(__always) func contains(_ index: Int) -> Bool {
    index < 64 ? (low >> UInt64(index)) & 1 == 1 : (high >> UInt64(index - 64)) & 1 == 1
  }

  /// Whether every study of this set is also in `other`.
  @inline(__always) func isSubset(of other: StudyBits) -> Bool {
    low & ~other.low == 0 && high & ~other.high == 0
  }

  @inline(__always) mutating func formUnion(_ other: StudyBits) {
    low |= other.low
    high |= other.high
  }

  /// For each study, the studies it covers (``TriageEngine/covers(_:_:)``), itself included:
  /// read from the generated tables (``CompiledBookTables``), which a test compares with
  /// ``coveredComputed``.
  static let covered: Frozen<StudyBits> = {
    let words = CompiledBookTables.covered
    precondition(words.count == 2 * count, "the generated table of covered studies is stale")
    return Frozen(count: count) { StudyBits(low: words[2 * $0], high: words[2 * $0 + 1]) }
  }()

  /// For each study, the studies it covers, computed from ``TriageEngine/covers(_:_:)``.
  static func coveredComputed() -> [StudyBits] {
    (0..<count).map { wider in
      var bits = StudyBits()
      let widerStudy = study(at: wider)
      for narrower in 0..<count where TriageEngine.covers(widerStudy, study(at: narrower)) {
        bits.insert(narrower)
      }
      return bits
    }
  }

  /// The bits as two words (studies 0 to 63, then 64 to 107).
  var words: (low: UInt64, high: UInt64) { (low, high) }

  /// The set whose bits are `low` (studies 0 to 63) and `high` (64 to 107).
  init(low: UInt64, high: UInt64) {
    self.low = low
    self.high = high
  }

  init() {}
}
