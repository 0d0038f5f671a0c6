/// Every rule of the engine, in precedence order: when two rules set the same urgency, the one
/// listed first chooses the main study. Identifiers follow `clinical/reference.md` section A;
/// `TR-0`, `TR-6`, `INF-3`, `INF-4`, `NEXUS-*`, `CCR-*`, `PED-1` and `SEED-*` are ours and say so.
public enum RuleID: Int, Sendable, CaseIterable, Hashable {
  // Trauma branch (first)
  case tr0, tr2, tr3, tr4, tr6, tr1, tr5, nexusPositive, nexusNegative
  case ccrHighRisk, ccrNoLowRisk, ccrCannotRotate, ccrNegative, ccrNotApplicable
  // Emergency neurological branch
  case ces1, lbp4, ces3, ces2, ca2, my1, inf3
  // Urgent
  case inf1, inf2, nk4, acp2
  // Soon
  case ca1, nk5, lbp7, acp4, inf4, my2, lbp6, nkRF
  // Routine
  case lbp5, nk3, lbp3, acp3, nk2, nk8, nk9, nk7, acp5
  // No imaging now
  case nk6, lbp1, lbp2, cw1, acp1, nice1, nk1
  // Region and seed notes
  case rg1, rg2, rg3, rg4, rg5, rg6, ped1, seed1, seed5, seed6, seed7

  /// The rule's metadata.
  @inlinable public var rule: Rule { RuleBook.table[rawValue] }

  /// The urgency the rule sets (a table lookup without copying the rule's strings).
  @inlinable public var urgency: Urgency? { RuleBook.urgencies[rawValue] }
}

/// The rule table: identifiers, titles, urgencies, sources.
public enum RuleBook {
  /// The rule set's version, carried in every recommendation (`ruleset`).
  public static let version = "spine-triage-rules@1"

  /// Every rule, in precedence order.
  public static var rules: [Rule] { table }

  @usableFromInline static let table: [Rule] = RuleID.allCases.map(makeRule)

  @usableFromInline static let urgencies: [Urgency?] = table.map(\.urgency)

  /// Looks a rule up by identifier.
  public static func rule(id: String) -> Rule? { table.first { $0.id == id } }

  // Sources, written once.
  static let acrTrauma = "ACR Appropriateness Criteria Suspected Spine Trauma (2019)"
  static let nexus = "NEXUS (Hoffman et al., NEJM 2000)"
  static let ccr = "Canadian C-Spine Rule (Stiell et al., JAMA 2001; NEJM 2003)"
  static let girft = "GIRFT National Suspected CES Pathway 2023"
  static let acrLBP = "ACR Appropriateness Criteria Low Back Pain (2021)"
  static let nice = "NICE NG234 Spinal metastases and MSCC (2023; CG75 2008 wording)"
  static let acrMyelopathy = "ACR Appropriateness Criteria Myelopathy (2020)"
  static let acrInfection = "ACR Appropriateness Criteria Suspected Spine Infection (2021)"
  static let acrCervical = "ACR Appropriateness Criteria Cervical Neck Pain or Radiculopathy (2018)"
  static let acp2007 = "ACP/APS guideline (Chou et al., Ann Intern Med 2007)"
  static let acp2011 = "ACP High-Value Care (Chou et al., Ann Intern Med 2011)"
  static let seed = "Seed article (iCliniq, Magana 2014, reviewed 2022)"

  // swift-format-ignore
  static func makeRule(_ id: RuleID) -> Rule {
    func r(_ code: String, _ title: String, _ urgency: Urgency?, _ source: String, _ year: Int,
           _ certainty: Certainty, timeframe: String? = nil, note: String? = nil) -> Rule {
      Rule(id: code, title: title, urgency: urgency, source: source, year: year,
           certainty: certainty, timeframe: timeframe, note: note)
    }
    switch id {
    case .tr0: return r("TR-0", "Neck trauma: the cervical spine is not cleared until the NEXUS or Canadian C-Spine criteria are answered; image until cleared", .emergency, "\(acrTrauma); \(nexus); \(ccr)", 2019, .synthesis, timeframe: "CT cervical spine now, in the emergency department, unless cleared", note: "Our rule: unanswered clearance criteria are never taken as negative.")
    case .tr2: return r("TR-2", "Neck trauma with imaging indicated by NEXUS or the Canadian C-Spine Rule: CT cervical spine first", .emergency, "\(acrTrauma) variant 2", 2019, .verified, timeframe: "CT now, in the emergency department", note: "The seed advises MRI after significant trauma; ACR, NEXUS and the Canadian rule put CT first and keep MRI for suspected cord, root or ligament injury (reference D8).")
    case .tr3: return r("TR-3", "Suspected cord or nerve-root injury after trauma: MRI cervical spine after CT", .emergency, "\(acrTrauma) variant 3", 2019, .verified, timeframe: "CT now, then MRI as the next study")
    case .tr4: return r("TR-4", "High-energy trauma with thoracic or lumbar pain: CT thoracic and lumbar spine", .emergency, "\(acrTrauma) variant 9", 2019, .paraphrased, timeframe: "CT now, in the emergency department (reformats of a body CT will do)", note: "The seed advises MRI after significant trauma; CT comes first (reference D8).")
    case .tr6: return r("TR-6", "Thoracolumbar trauma with a neurological abnormality: MRI after CT", .emergency, "\(acrTrauma) variant 10", 2019, .paraphrased, timeframe: "CT now, then MRI as the next study")
    case .tr1: return r("TR-1", "Neck trauma cleared by NEXUS or the Canadian C-Spine Rule (age 16 to 64): no imaging", Urgency.none, "\(acrTrauma) variant 1", 2019, .verified)
    case .tr5: return r("TR-5", "Low-velocity trauma is not the major-trauma branch: the fracture-risk rule LBP-6 applies", nil, acrLBP, 2021, .verified)
    case .nexusPositive: return r("NEXUS-1", "NEXUS: a high-risk criterion is present (midline tenderness, focal deficit, altered alertness, intoxication or distracting injury)", nil, nexus, 2000, .verified)
    case .nexusNegative: return r("NEXUS-0", "NEXUS: all five low-risk criteria are met", nil, nexus, 2000, .verified)
    case .ccrHighRisk: return r("CCR-1", "Canadian C-Spine Rule: a high-risk factor (age 65 or over, dangerous mechanism or paresthesias) means imaging", nil, ccr, 2003, .verified)
    case .ccrNoLowRisk: return r("CCR-2", "Canadian C-Spine Rule: no low-risk factor allows a safe range-of-motion assessment, so image", nil, ccr, 2003, .verified)
    case .ccrCannotRotate: return r("CCR-3", "Canadian C-Spine Rule: unable to rotate the neck 45 degrees left and right, so image", nil, ccr, 2003, .verified)
    case .ccrNegative: return r("CCR-0", "Canadian C-Spine Rule: no high-risk factor, a low-risk factor, and the neck rotates 45 degrees: no imaging", nil, ccr, 2003, .verified)
    case .ccrNotApplicable: return r("CCR-NA", "Canadian C-Spine Rule does not apply (GCS below 15, age under 16, severe weakness, known vertebral disease or previous neck surgery)", nil, ccr, 2003, .verified)
    case .ces1: return r("CES-1", "Suspected cauda equina syndrome", .emergency, girft, 2023, .verified, timeframe: "MRI as soon as possible, within 4 hours of the request", note: "The seed lists bladder, bowel or erectile dysfunction; GIRFT asks for new (14 days) or worsening features and adds lost rectal-fullness and urinary-flow sensation (reference D3).")
    case .lbp4: return r("LBP-4", "Low back pain with suspected cauda equina syndrome: MRI lumbosacral spine (without, or without and with, contrast)", .emergency, "\(acrLBP) variant 4", 2021, .paraphrased)
    case .ces3: return r("CES-3", "Emergency MRI of the lumbosacral spine within 4 hours; a bladder scan only if it does not delay MRI (PVR under 200 mL does not exclude CES); rectal examination not required", nil, "\(girft) (BMJ Best Practice summary)", 2023, .paraphrased)
    case .ces2: return r("CES-2", "Low back pain with sexual dysfunction as the only other feature is unlikely to be cauda equina syndrome: ask about bladder, bowel and saddle sensation", nil, girft, 2023, .verified, note: "The seed counts erectile dysfunction as a red flag on its own; GIRFT does not escalate it alone (reference D3).")
    case .ca2: return r("CA-2", "Cancer with spinal pain and neurological symptoms or signs: suspected metastatic spinal cord compression, an oncological emergency", .emergency, nice, 2023, .verified, timeframe: "MRI whole spine as soon as possible, always within 24 hours; contact the MSCC coordinator now")
    case .my1: return r("MY-1", "Acute myelopathy or cord compression (upper motor neuron signs or cord symptoms of recent or unknown onset, or a severe or progressive deficit of both sides with neck symptoms)", .emergency, "\(acrMyelopathy) variant 1", 2020, .verified, timeframe: "MRI today (same day)")
    case .inf3: return r("INF-3", "Suspected spinal infection with a neurological deficit: possible epidural abscess", .emergency, "\(acrInfection) variant 1", 2021, .synthesis, timeframe: "MRI today (same day); whole spine for skip lesions")
    case .inf1: return r("INF-1", "Suspected spinal infection: fever or raised markers with an infection risk factor", .urgent, "\(acrInfection) variant 1; \(acp2011)", 2021, .verified)
    case .inf2: return r("INF-2", "Suspected infection after a recent spinal procedure (surgery, injection, stimulator)", .urgent, "\(acrInfection) variant 2", 2021, .verified)
    case .nk4: return r("NK-4", "Neck pain with suspected infection: MRI cervical spine without and with contrast", .urgent, acrCervical, 2018, .verified)
    case .acp2: return r("ACP-2", "Severe or progressive neurological deficit: imaging now", .urgent, "\(acp2007) recommendation 3", 2007, .verified)
    case .ca1: return r("CA-1", "History of cancer with spinal pain: suspected spinal metastases", .soon, nice, 2023, .verified, timeframe: "Contact the MSCC coordinator within 24 hours; MRI whole spine within 1 week, sooner if symptoms progress")
    case .nk5: return r("NK-5", "Neck pain with known malignancy: MRI (without, or without and with, contrast)", .soon, acrCervical, 2018, .paraphrased)
    case .lbp7: return r("LBP-7", "Low back pain with suspicion of cancer, infection or immunosuppression: MRI", .soon, "\(acrLBP) variant 7", 2021, .paraphrased)
    case .acp4: return r("ACP-4", "ACP lists immediate MRI for major cancer risk and for fever with IV drug use or recent infection", nil, acp2011, 2011, .paraphrased, note: "Timing follows the more specific guidelines: NICE for cancer (within 1 week without neurological signs), ACR for infection (within 24 hours).")
    case .inf4: return r("INF-4", "Fever or raised inflammatory markers with spinal pain and no risk factor: exclude spinal infection", .soon, "\(acrInfection) variant 1 ('with or without fever')", 2021, .synthesis)
    case .my2: return r("MY-2", "Chronic myelopathy (cord signs or symptoms for 4 weeks or more)", .soon, "\(acrMyelopathy) variant 2", 2020, .verified)
    case .lbp6: return r("LBP-6", "Fracture risk: low-velocity trauma, osteoporosis, age over 70 or long-term steroids", .soon, "\(acrLBP) variant 6", 2021, .paraphrased, timeframe: "Promptly, at this or the next visit (within about 1 week)", note: "ACP 2011 would defer radiographs until after a 1-month trial; we follow ACR (reference D9). The seed lists long-term steroids as a red flag.")
    case .nkRF: return r("NK-RF", "Neck pain with an ACR red flag: inflammatory arthritis, or vascular disease over age 50 (consider arterial dissection)", .soon, "\(acrCervical) table 1 (secondary)", 2018, .unverified)
    case .lbp5: return r("LBP-5", "Previous lumbar surgery with new or progressing symptoms", .routine, "\(acrLBP) variant 5", 2021, .paraphrased)
    case .nk3: return r("NK-3", "Previous cervical surgery with new or increasing symptoms", .routine, acrCervical, 2018, .paraphrased)
    case .lbp3: return r("LBP-3", "Persistent low back pain after 6 weeks of optimal care in a surgery or injection candidate", .routine, "\(acrLBP) variant 3", 2021, .verified, note: "The seed says a trial of at least a month; ACR and Choosing Wisely use 6 weeks and ask for candidacy (ACP 2011 uses a 1-month trial) (reference D2).")
    case .acp3: return r("ACP-3", "Persistent radiculopathy or stenosis in a candidate for surgery or epidural injection: MRI preferred", .routine, "\(acp2007) recommendation 4", 2007, .verified)
    case .nk2: return r("NK-2", "Cervical radiculopathy after 6 weeks of conservative care in an intervention candidate", .routine, acrCervical, 2018, .verified, note: "The seed sends arm radiation to a cervical MRI; ACR agrees on the region, and conservative care comes first (reference D18).")
    case .nk8: return r("NK-8", "Chronic neck pain with degenerative change on radiographs: MRI cervical without contrast", .routine, acrCervical, 2018, .paraphrased)
    case .nk9: return r("NK-9", "Chronic neck pain with ossification of the posterior longitudinal ligament: CT cervical without contrast", .routine, acrCervical, 2018, .paraphrased)
    case .nk7: return r("NK-7", "Chronic neck pain (12 weeks or more) despite 6 weeks of care: radiographs first", .routine, acrCervical, 2018, .paraphrased)
    case .acp5: return r("ACP-5", "A weak cancer risk factor (unexplained weight loss or age over 50) after a 1-month trial: radiographs with ESR", .routine, acp2011, 2011, .paraphrased, note: "The seed lists age over 50 as a red flag; ACP and NASS treat it as a weak factor (reference D1).")
    case .nk6: return r("NK-6", "Cervicogenic headache without neurological deficit: no imaging first", Urgency.none, acrCervical, 2018, .paraphrased)
    case .lbp1: return r("LBP-1", "Acute low back pain (under 6 weeks), with or without radiculopathy, no red flags: no imaging", Urgency.none, "\(acrLBP) variant 1", 2021, .verified)
    case .lbp2: return r("LBP-2", "Subacute or chronic low back pain without red flags or completed conservative care: no imaging", Urgency.none, "\(acrLBP) variant 2", 2021, .verified)
    case .cw1: return r("CW-1", "No imaging for low back pain in the first 6 weeks unless red flags are present", Urgency.none, "Choosing Wisely (AAFP 2012; NASS 2013)", 2013, .verified)
    case .acp1: return r("ACP-1", "Do not routinely image nonspecific low back pain", Urgency.none, "\(acp2007) recommendation 2", 2007, .verified)
    case .nice1: return r("NICE-1", "Do not routinely offer imaging in a non-specialist setting for low back pain with or without sciatica", Urgency.none, "NICE NG59 1.1.4 (2016, updated 2020); QS155 statement 2", 2020, .verified)
    case .nk1: return r("NK-1", "Non-traumatic neck pain without red flags: conservative care first", Urgency.none, acrCervical, 2018, .paraphrased)
    case .rg1: return r("RG-1", "Leg-dominant pain or cauda equina features: image the lumbar or lumbosacral spine", nil, "\(acrLBP); \(girft)", 2023, .verified)
    case .rg2: return r("RG-2", "Arm radiation: image the cervical spine", nil, acrCervical, 2018, .paraphrased, note: "The seed's heuristic agrees.")
    case .rg3: return r("RG-3", "Upper motor neuron signs or bilateral limb deficit: image the cord level (cervical with or without thoracic), the whole spine if the level is unclear", nil, acrMyelopathy, 2020, .synthesis, note: "The seed suggests a thoracic MRI only if the lumbar MRI is negative; the cord ends at L1-L2, so a lumbar-first sequence loses time (reference D10).")
    case .rg4: return r("RG-4", "Known cancer with suspected metastases: image the whole spine", nil, nice, 2023, .verified)
    case .rg5: return r("RG-5", "Pain between the shoulder blades comes from the lower cervical or upper thoracic spine; with arm radiation, the cervical spine", nil, "\(seed) heuristic; NICE CG75 (thoracic pain with cancer)", 2022, .unverified)
    case .rg6: return r("RG-6", "Suspected infection: image the symptomatic segment; the whole spine if an epidural abscess is suspected", nil, acrInfection, 2021, .paraphrased)
    case .ped1: return r("PED-1", "Under 16: the adult rules are not validated; ACR Back Pain-Child advises no imaging without red flags; refer to paediatrics if pain persists", nil, "ACR Appropriateness Criteria Back Pain-Child (2017)", 2017, .verified, note: "The seed lists age under 16 as a red flag; no guideline anchors it (reference D1).")
    case .seed1: return r("SEED-1", "Age over 50 is a weak cancer risk factor, not a trigger on its own", nil, "\(seed) vs ACP 2011 and NASS Choosing Wisely 2013", 2013, .synthesis, note: "The seed lists 'under 16 or over 50' as a red flag (reference D1).")
    case .seed5: return r("SEED-5", "Low body weight is not an anchored red flag; the guideline flag is unexplained weight loss", nil, "\(seed) vs ACP 2007/2011", 2011, .synthesis, note: "The seed lists 'weight below average for height' as an exam sign (reference D5).")
    case .seed6: return r("SEED-6", "Residence where tuberculosis is endemic: an unanchored infection-risk modifier (expert/seed); it raises the suspicion when there is fever", nil, "\(seed); no imaging-guideline anchor", 2022, .unverified, note: "The seed lists it as a red flag; no guideline anchor was found (reference D6).")
    case .seed7: return r("SEED-7", "Night pain without a history of cancer has poor diagnostic accuracy; weigh it heavily only with cancer", nil, "Downie et al., BMJ 2013; NICE NG234 (2023)", 2013, .verified, note: "The seed lists unrelenting night pain as a red flag (reference D7).")
    }
  }
}
