/// A yes/no/unknown finding asked by the questionnaire.
///
/// The cases are in catalogue order; ``id`` is the stable public identifier of
/// the answers file (README, "The answers file"; never renamed). The wording, help and screen of each finding are in
/// ``QuestionCatalogue``.
public enum Finding: UInt8, Sendable, CaseIterable, Hashable {
  // Presentation
  case painLowBack, painNeck, painMidBack, radiatesLeg, radiatesArm, interventionCandidate
  case priorSpineSurgery, injury, traumaMajor, dangerousMechanism, traumaMinor, mechanismOther
  case cervicogenicHeadache
  // History
  case nightPain, progressiveWeakness, progressiveNumbness, bladderBowel, sexualDysfunction
  case weightLoss, feverHistory, recentInfection, cancerHistory, steroids, tbRisk, ivDrugUse
  case immunosuppression, osteoporosis, myelopathySymptoms, painOnStraining
  case recentSpinalProcedure, inflammatoryArthritis, vascularDisease, abnormalLabs
  case xrayDegenerative, xrayOPLL, anticoagulated, suddenOnset
  // Examination
  case saddleAnesthesia, urinaryRetention, feverMeasured, lowBodyWeight, umnSigns
  case bilateralDeficit, severeWeakness, focalDeficit, midlineTenderness
  case midlineTendernessCervical, midlineTendernessThoracolumbar, aorticSigns, abnormalABC
  // Neck trauma
  case alteredAlertness, intoxication, distractingInjury, limbParesthesia
  case unresponsive, torsoHeadInjury
  case simpleRearEnd, sittingInED, ambulatory, delayedNeckPain, canRotateNeck
  // MRI safety
  case pacemakerConditional, pacemakerLegacy, abandonedLeads, cochlearImplant, neurostimulator
  case orbitalMetal, metalFragments, pregnant, renalImpairment, contrastReaction, claustrophobia

  /// The public identifier, for example `saddle_anesthesia`.
  public var id: String { QuestionCatalogue.question(for: self).id }

  /// The question for this finding.
  public var question: Question { QuestionCatalogue.question(for: self) }

  /// Looks a finding up by its public identifier.
  public init?(id: String) {
    guard let finding = QuestionCatalogue.findingsByID[id] else { return nil }
    self = finding
  }
}
