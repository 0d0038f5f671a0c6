/// An MRI-safety item's words: for a planned MRI, the message and what to do before it; when
/// no MRI is planned, one message for any later MRI, made once rather than at every
/// assessment.
struct MRIWords: Sendable {
  let message: String
  let before: String?
  /// "Before any later MRI: " with the message and what to do before it.
  let later: String

  init(_ message: String, before: String? = nil) {
    self.message = message
    self.before = before
    later = "Before any later MRI: " + message + (before.map { ". " + $0 } ?? "")
  }

  static let pacemakerLegacy = MRIWords(
    "Pacemaker or defibrillator that is not MR-conditional, or whose labelling is unknown: MRI only under an institutional protocol (HRS 2017 class IIa)",
    before:
      "Establish the labelling; confirm there are no fractured, epicardial or abandoned leads; cardiology to interrogate and programme the device; monitoring, defibrillator and programmer at hand. Without such a protocol, use CT or CT myelography."
  )
  static let pacemakerConditional = MRIWords(
    "MR-conditional pacemaker or defibrillator system: scan only within its labelling (field strength, SAR, zones), with device reprogramming, ECG and SpO2 monitoring and ACLS-capable staff"
  )
  static let pacemakerConditionalLeadsUnknown = MRIWords(
    "MR-conditional pacemaker or defibrillator system: scan only within its labelling (field strength, SAR, zones), with device reprogramming, ECG and SpO2 monitoring and ACLS-capable staff"
      + "; confirm there are no abandoned leads")
  static let orbitalMetal = MRIWords(
    "Possible metal in the orbit (welding or grinding) not cleared since",
    before:
      "Orbital radiographs, or review of a previous CT, to exclude a retained metallic foreign body; if one is retained, use CT or CT myelography."
  )
  static let cochlearImplant = MRIWords(
    "Cochlear implant: MR conditions depend on the model",
    before:
      "Identify the model (patient card or skull radiograph) and follow its MR labelling: magnet removal or head bandage, field strength; expect artefact near the implant."
  )
  static let neurostimulator = MRIWords(
    "Active implant (neurostimulator, drug pump)",
    before:
      "Confirm the device's MR Conditional labelling and programme it as the labelling requires; otherwise use CT."
  )
  static let metalFragments = MRIWords(
    "Metal fragments, shrapnel or implants of unknown MR status can move or heat",
    before:
      "Establish the MR status of each implant (MR Safe, MR Conditional, MR Unsafe) and localise fragments with radiographs; otherwise use CT."
  )
  static let claustrophobia = MRIWords(
    "Claustrophobia (1-2% of scans stop early): coaching, prone or feet-first positioning, wide-bore or open scanner, or anxiolysis with monitoring; CT if MRI is impossible"
  )
}
