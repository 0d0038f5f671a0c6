import Testing
import TriageEngine

/// Builds ``Answers`` from the contract's finding identifiers, as a clinician would fill in the
/// answers file: `answers(age: 45, ["pain_low_back": .yes, "bladder_bowel": .no])`.
/// An identifier that is not in the catalogue fails the test that uses it.
func answers(
  age: Int? = nil, sex: Sex? = nil, weeks: Int? = nil, care: Int? = nil,
  _ findings: [String: Answer] = [:]
) -> Answers {
  var result = Answers(age: age, sex: sex, symptomWeeks: weeks, conservativeWeeks: care)
  for (id, answer) in findings {
    guard let finding = Finding(id: id) else {
      Issue.record("unknown finding identifier in a test vignette: \(id)")
      continue
    }
    result[finding] = answer
  }
  return result
}

/// `["a", "b"]` as `["a": .yes, "b": .yes]`.
func yes(_ ids: String...) -> [String: Answer] {
  Dictionary(uniqueKeysWithValues: ids.map { ($0, Answer.yes) })
}

/// `["a", "b"]` as `["a": .no, "b": .no]`.
func no(_ ids: [String]) -> [String: Answer] {
  Dictionary(uniqueKeysWithValues: ids.map { ($0, Answer.no) })
}

/// `no("a", "b")` as `["a": .no, "b": .no]`.
func no(_ ids: String...) -> [String: Answer] { no(ids) }

/// Merges answer dictionaries; later ones win (so a vignette can say `yes` over a background `no`).
func + (lhs: [String: Answer], rhs: [String: Answer]) -> [String: Answer] {
  lhs.merging(rhs) { _, new in new }
}

/// Backgrounds: the red flags a careful clinician has asked about and found absent.
enum Background {
  /// No cauda equina features (GIRFT).
  static let noCES = no(["bladder_bowel", "saddle_anesthesia", "urinary_retention"])
  /// A normal neurological examination and history.
  static let normalNeuro = no([
    "progressive_weakness", "progressive_numbness", "severe_weakness", "bilateral_deficit",
    "focal_deficit", "umn_signs", "myelopathy_symptoms",
  ])
  /// No infection signs or risks.
  static let noInfection = no([
    "fever_history", "fever_measured", "recent_infection", "iv_drug_use", "immunosuppression",
    "abnormal_labs", "recent_spinal_procedure",
  ])
  /// No cancer history or suspicion.
  static let noCancer = no(["cancer_history", "weight_loss", "night_pain"])
  /// No fracture risk and no trauma.
  static let noFracture = no(["trauma_major", "trauma_minor", "osteoporosis", "steroids"])
  /// No ACR red flag at all (ACR LBP V1/V2, ACR cervical NK-1): every history and exam flag no.
  static let noRedFlags =
    noCES + normalNeuro + noInfection + noCancer + noFracture
    + no([
      "prior_spine_surgery", "sexual_dysfunction", "inflammatory_arthritis", "vascular_disease",
      "tb_risk", "pain_on_straining", "midline_tenderness",
    ])
  /// The NEXUS low-risk criteria all met (no midline tenderness, no focal deficit, alert,
  /// not intoxicated, no distracting injury).
  static let nexusNegative = no([
    "midline_tenderness", "focal_deficit", "altered_alertness", "intoxication",
    "distracting_injury",
  ])
  /// No Canadian C-Spine Rule exclusion and no high-risk factor (other than age).
  static let ccrApplicableLowRisk = no([
    "altered_alertness", "severe_weakness", "prior_spine_surgery", "inflammatory_arthritis",
    "dangerous_mechanism", "limb_paresthesia",
  ])
  /// A complete, negative MRI safety screen.
  static let mriSafe = no([
    "pacemaker_conditional", "pacemaker_legacy", "abandoned_leads", "cochlear_implant",
    "neurostimulator", "orbital_metal", "metal_fragments", "pregnant", "renal_impairment",
    "contrast_reaction", "claustrophobia",
  ])
}

/// Shorthand for studies.
func mri(_ region: SpineRegion, _ contrast: Contrast = .without) -> ImagingStudy {
  ImagingStudy(.mri, region, contrast)
}
func ct(_ region: SpineRegion) -> ImagingStudy { ImagingStudy(.ct, region, .without) }
func ctMyelogram(_ region: SpineRegion) -> ImagingStudy {
  ImagingStudy(.ctMyelogram, region, .none)
}
func radiograph(_ region: SpineRegion) -> ImagingStudy {
  ImagingStudy(.radiograph, region, .none)
}

extension Recommendation {
  /// The identifiers of the rules that fired.
  var ruleIDs: [String] { rules.map(\.rule.id) }
  /// The identifiers of the safety items.
  var safetyIDs: [String] { safety.map(\.id) }
}

/// A short, readable description of answers for failure messages.
func describe(_ answers: Answers) -> String {
  var parts: [String] = []
  if let age = answers.age { parts.append("age \(age)") }
  if let weeks = answers.symptomWeeks { parts.append("\(weeks) wk") }
  if let care = answers.conservativeWeeks { parts.append("care \(care) wk") }
  let yes = Finding.allCases.filter { answers[$0] == .yes }.map(\.id)
  let no = Finding.allCases.filter { answers[$0] == .no }.map(\.id)
  parts.append("yes: [" + yes.joined(separator: ", ") + "]")
  parts.append("no: [" + no.joined(separator: ", ") + "]")
  return parts.joined(separator: "; ")
}

/// One clinical vignette: the answers, and what the reference says should come out.
struct Vignette: Sendable, CustomTestStringConvertible {
  /// What the case is, in clinical words.
  let name: String
  let answers: Answers
  /// The expected urgency.
  let urgency: Urgency
  /// The expected main study; `nil` means no imaging.
  let main: ImagingStudy?
  /// Rule identifiers that must fire.
  let fired: [String]
  /// Rule identifiers that must not fire.
  let notFired: [String]
  /// Further studies that must be in `imaging` (not necessarily first).
  let alsoImaging: [ImagingStudy]

  init(
    _ name: String, _ answers: Answers, _ urgency: Urgency, main: ImagingStudy?,
    fired: [String], notFired: [String] = [], alsoImaging: [ImagingStudy] = []
  ) {
    self.name = name
    self.answers = answers
    self.urgency = urgency
    self.main = main
    self.fired = fired
    self.notFired = notFired
    self.alsoImaging = alsoImaging
  }

  var testDescription: String { name }

  /// Checks the recommendation against the vignette.
  func check(sourceLocation: SourceLocation = #_sourceLocation) {
    let recommendation = TriageEngine.evaluate(answers)
    let ids = recommendation.ruleIDs
    #expect(
      recommendation.urgency == urgency,
      "\(name): urgency; rules fired: \(ids)", sourceLocation: sourceLocation)
    #expect(
      recommendation.mainStudy == main,
      "\(name): main study \(recommendation.mainStudy?.displayName ?? "none")",
      sourceLocation: sourceLocation)
    for id in fired {
      #expect(
        ids.contains(id), "\(name): \(id) should fire; fired: \(ids)",
        sourceLocation: sourceLocation)
    }
    for id in notFired {
      #expect(
        !ids.contains(id), "\(name): \(id) should not fire; fired: \(ids)",
        sourceLocation: sourceLocation)
    }
    for study in alsoImaging {
      #expect(
        recommendation.imaging.contains(study),
        "\(name): \(study.displayName) should be in \(recommendation.imaging.map(\.displayName))",
        sourceLocation: sourceLocation)
    }
    if main == nil {
      #expect(recommendation.imaging.isEmpty, "\(name): no imaging", sourceLocation: sourceLocation)
    }
  }
}

#if canImport(Glibc)
  import Glibc
#endif

/// The test environment (counts for the full runs).
enum Environment {
  static func value(_ name: String) -> String? {
    guard let pointer = getenv(name) else { return nil }
    return String(cString: pointer)
  }
}
