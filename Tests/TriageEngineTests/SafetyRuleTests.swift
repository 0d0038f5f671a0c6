import Testing
import TriageEngine

/// The MR-safety modifiers (SF-0 to SF-11, ACR Manual on MR Safety 2020): applied after the indication, they
/// change the modality or the contrast, or say what must happen before the scan; never the
/// urgency.
@Suite struct SafetyRuleTests {
  /// Suspected cauda equina syndrome: emergency MRI lumbosacral without contrast.
  static let ces = yes("pain_low_back", "radiates_leg", "saddle_anesthesia", "urinary_retention")
  /// Suspected spinal infection in a diabetic: urgent MRI lumbar with and without contrast.
  static let infection =
    yes("pain_low_back", "immunosuppression", "fever_measured") + Background.normalNeuro
    + Background.noCES
  /// Persistent sciatica in a surgical candidate: routine MRI lumbar without contrast.
  static let persistentSciatica =
    yes("pain_low_back", "radiates_leg", "intervention_candidate") + Background.noRedFlags
  /// Acute back pain without red flags: no imaging.
  static let acuteBackPain = yes("pain_low_back") + Background.noRedFlags

  func evaluate(
    _ base: [String: Answer], _ extra: [String: Answer], age: Int = 45, weeks: Int = 1,
    care: Int = 0
  ) -> Recommendation {
    TriageEngine.evaluate(answers(age: age, weeks: weeks, care: care, base + extra))
  }

  func item(_ id: String, in recommendation: Recommendation) -> SafetyItem? {
    recommendation.safety.first { $0.id == id }
  }

  // MARK: Devices (SF-5, SF-6, SF-11)

  @Test func abandonedLeadsReplaceTheCESMRIWithCTMyelography() throws {
    let recommendation = evaluate(Self.ces, Background.mriSafe + yes("abandoned_leads"))
    #expect(recommendation.urgency == .emergency)
    #expect(recommendation.mainStudy == ctMyelogram(.lumbosacral))
    #expect(!recommendation.imaging.contains { $0.modality == .mri })
    #expect(!recommendation.alternatives.contains { $0.study.modality == .mri })
    let sf6 = try #require(item("SF-6", in: recommendation))
    #expect(sf6.level == .stop)
    #expect(sf6.findings == [.abandonedLeads])
    #expect(recommendation.safetyIDs.contains("SF-11"))
  }

  @Test func abandonedLeadsReplaceAnInfectionMRIWithCT() {
    // Not a compression study: plain CT of the segment (ACR infection: CT is may-be-appropriate).
    let recommendation = evaluate(Self.infection, yes("abandoned_leads"))
    #expect(recommendation.urgency == .urgent)
    #expect(recommendation.mainStudy == ct(.lumbar))
    #expect(!recommendation.imaging.contains { $0.modality == .mri })
    #expect(recommendation.stops.map(\.id) == ["SF-6"])
  }

  @Test func legacyPacemakerIsAStopThatSaysWhatToDoFirst() throws {
    let recommendation = evaluate(Self.ces, yes("pacemaker_legacy") + no("abandoned_leads"))
    let sf6 = try #require(item("SF-6", in: recommendation))
    #expect(sf6.level == .stop)
    let before = try #require(sf6.before)
    #expect(!before.isEmpty)
    #expect(before.contains("leads"))
    // HRS 2017 IIa: MRI stays possible under a protocol; CT myelography if not (SF-11).
    #expect(recommendation.mainStudy == mri(.lumbosacral))
    #expect(recommendation.safetyIDs.contains("SF-11"))
    #expect(recommendation.alternatives.first?.study == ctMyelogram(.lumbosacral))
  }

  @Test func conditionalPacemakerIsACautionThatAsksAboutLeads() throws {
    let unknownLeads = evaluate(Self.ces, yes("pacemaker_conditional"))
    let sf5 = try #require(item("SF-5", in: unknownLeads))
    #expect(sf5.level == .caution)
    #expect(sf5.message.contains("abandoned leads"))
    #expect(unknownLeads.mainStudy == mri(.lumbosacral))
    #expect(unknownLeads.stops.isEmpty)

    let noLeads = evaluate(Self.ces, yes("pacemaker_conditional") + no("abandoned_leads"))
    #expect(item("SF-5", in: noLeads)?.message.contains("abandoned leads") == false)
  }

  // MARK: Implants and metal (SF-7, SF-8, SF-9)

  @Test(arguments: [
    ("orbital_metal", "SF-7"), ("cochlear_implant", "SF-8"), ("neurostimulator", "SF-9"),
    ("metal_fragments", "SF-9"),
  ])
  func implantIsAStopWithABeforeText(finding: String, id: String) throws {
    let recommendation = evaluate(Self.ces, yes(finding))
    let stop = try #require(recommendation.stops.first { $0.id == id })
    #expect(stop.before?.isEmpty == false)
    #expect(stop.findings.map(\.id) == [finding])
    // The MRI stays, with what must happen before it; the fallback is listed (SF-11).
    #expect(recommendation.mainStudy == mri(.lumbosacral))
    #expect(recommendation.safetyIDs.contains("SF-11"))
    #expect(recommendation.safety.first?.level == .stop)
  }

  @Test func routineStudyWithAStopHasNoEmergencyFallback() {
    // SF-11 is for emergencies and urgent studies only.
    let recommendation = evaluate(
      Self.persistentSciatica, yes("orbital_metal"), age: 42, weeks: 10, care: 8)
    #expect(recommendation.urgency == .routine)
    #expect(recommendation.stops.map(\.id) == ["SF-7"])
    #expect(!recommendation.safetyIDs.contains("SF-11"))
  }

  // MARK: Contrast (SF-1 to SF-4)

  @Test func pregnancyRemovesGadoliniumFromAnInfectionMRI() throws {
    let recommendation = evaluate(Self.infection, yes("pregnant") + no("renal_impairment"))
    #expect(recommendation.urgency == .urgent)
    #expect(recommendation.mainStudy == mri(.lumbar, .without))
    #expect(!recommendation.imaging.contains { $0.contrast == .withAndWithout })
    let sf4 = try #require(item("SF-4", in: recommendation))
    #expect(sf4.level == .caution)
    #expect(sf4.message.contains("contrast removed"))
    // No gadolinium left, so no gadolinium advice.
    #expect(item("SF-1", in: recommendation) == nil)
    #expect(item("SF-2", in: recommendation) == nil)
    // The alternatives do not repeat the main study.
    #expect(!recommendation.alternatives.contains { $0.study == recommendation.mainStudy })
  }

  @Test func pregnancyAllowsNonContrastMRI() throws {
    let recommendation = evaluate(Self.ces, yes("pregnant"))
    #expect(recommendation.mainStudy == mri(.lumbosacral))
    let sf4 = try #require(item("SF-4", in: recommendation))
    #expect(sf4.level == .caution)
    #expect(sf4.message.contains("non-contrast MRI is acceptable"))
  }

  @Test func pregnancyWithACTStudyWarnsAboutRadiation() {
    let recommendation = evaluate(
      yes("trauma_major", "pain_neck", "midline_tenderness"), yes("pregnant"), age: 30)
    #expect(recommendation.mainStudy == ct(.cervical))
    #expect(recommendation.safety.contains { $0.id == "SF-4" && $0.message.contains("radiation") })
  }

  @Test func renalImpairmentWithContrastIsSF2Caution() throws {
    let recommendation = evaluate(Self.infection, yes("renal_impairment"))
    let sf2 = try #require(item("SF-2", in: recommendation))
    #expect(sf2.level == .caution)
    #expect(sf2.message.contains("group I"))
    // ACR-NKF 2021: a group II agent is acceptable; the contrast study stands.
    #expect(recommendation.mainStudy == mri(.lumbar, .withAndWithout))
  }

  @Test func unknownRenalFunctionWithContrastIsSF2Info() throws {
    let recommendation = evaluate(Self.infection, [:])
    let sf2 = try #require(item("SF-2", in: recommendation))
    #expect(sf2.level == .info)
  }

  @Test func normalRenalFunctionWithContrastIsSF1() throws {
    let recommendation = evaluate(Self.infection, no("renal_impairment"))
    let sf1 = try #require(item("SF-1", in: recommendation))
    #expect(sf1.level == .info)
    #expect(item("SF-2", in: recommendation) == nil)
  }

  @Test func renalImpairmentWithoutContrastIsInformation() throws {
    // ACR-NKF consensus (Weinreb et al., Radiology 2021) and rule set 2: without contrast in the plan the kidneys do not
    // stop anything, but a yes never disappears: "if contrast is added, group II only".
    let recommendation = evaluate(Self.ces, yes("renal_impairment"))
    let sf2 = try #require(item("SF-2", in: recommendation))
    #expect(sf2.level == .info)
    #expect(sf2.message.contains("if contrast is added"))
    #expect(item("SF-1", in: recommendation) == nil)
  }

  @Test func previousGadoliniumReactionIsSF3() throws {
    let recommendation = evaluate(Self.infection, yes("contrast_reaction"))
    let sf3 = try #require(item("SF-3", in: recommendation))
    #expect(sf3.level == .caution)
  }

  // MARK: Claustrophobia and the screen itself (SF-10, SF-0)

  @Test func claustrophobiaIsSF10Caution() throws {
    let recommendation = evaluate(Self.ces, yes("claustrophobia"))
    let sf10 = try #require(item("SF-10", in: recommendation))
    #expect(sf10.level == .caution)
    #expect(recommendation.mainStudy == mri(.lumbosacral))
  }

  @Test func incompleteScreenBeforeAnEmergencyMRIIsACaution() throws {
    // Rule set 2: before an urgent or emergency MRI an incomplete screen is a caution
    // naming, in words, what is unanswered.
    let recommendation = evaluate(Self.ces, no("pregnant", "claustrophobia"))
    let sf0 = try #require(item("SF-0", in: recommendation))
    #expect(sf0.level == .caution)
    #expect(sf0.message.contains("not MR-conditional"))
    #expect(!sf0.message.contains("pacemaker_legacy"))
    #expect(!sf0.message.contains("laustrophobia"))
  }

  @Test func incompleteScreenBeforeARoutineMRIIsInformation() throws {
    let recommendation = evaluate(Self.persistentSciatica, no("pregnant"), weeks: 10, care: 8)
    #expect(recommendation.urgency == .routine)
    let sf0 = try #require(item("SF-0", in: recommendation))
    #expect(sf0.level == .info)
  }

  @Test func completeNegativeScreenRaisesNothing() {
    let recommendation = evaluate(Self.ces, Background.mriSafe)
    #expect(recommendation.safety.isEmpty)
  }

  @Test func noImagingKeepsEveryYesAsInformation() {
    // Rule set 2: a yes never disappears; with no imaging it is information for any
    // later MRI, never a stop.
    let recommendation = evaluate(
      Self.acuteBackPain, yes("pacemaker_legacy", "pregnant", "claustrophobia"), weeks: 2)
    #expect(recommendation.urgency == .none)
    #expect(recommendation.safety.allSatisfy { $0.level == .info })
    for finding in [Finding.pacemakerLegacy, .pregnant, .claustrophobia] {
      #expect(recommendation.safety.contains { $0.findings.contains(finding) }, "\(finding)")
    }
    #expect(!recommendation.safety.contains { $0.id == "SF-0" })
  }

  @Test(arguments: QuestionCatalogue.questions(on: .mriSafety))
  func safetyItemsNeverChangeTheUrgency(question: Question) {
    for base in [Self.ces, Self.infection, Self.persistentSciatica, Self.acuteBackPain] {
      let without = TriageEngine.urgency(of: answers(age: 42, weeks: 10, care: 8, base))
      let with = TriageEngine.urgency(
        of: answers(age: 42, weeks: 10, care: 8, base + [question.id: .yes]))
      #expect(with == without, "\(question.id)")
    }
  }

  @Test func stopsAreListedFirst() {
    let recommendation = evaluate(
      Self.infection, yes("claustrophobia", "orbital_metal", "renal_impairment"))
    let levels = recommendation.safety.map(\.level)
    #expect(levels == levels.sorted())
    #expect(levels.first == .stop)
  }
}
