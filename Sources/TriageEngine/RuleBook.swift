/// Every rule of the engine, in precedence order: when two rules set the same urgency, the one
/// listed first chooses the main study. Identifiers follow `clinical/reference.md` section A;
/// `TR-0`, `TR-6` to `TR-8`, `INF-3`, `INF-4`, `NEXUS-*`, `CCR-*`, `PECARN-*`, `SEH-*`, `AAA-*`,
/// `FX-1`, `PED-1` and `SEED-*` are ours (rule set 2 adds several; see CHANGELOG.md).
public enum RuleID: Int, Sendable, CaseIterable, Hashable {
  // Trauma branch (first)
  case tr7, tr0, tr8, tr2, tr3, pecarn1, pecarn2, tr4, tr6, tr1, pecarn0, tr5
  case nexusPositive, nexusNegative
  case ccrHighRisk, ccrNoLowRisk, ccrCannotRotate, ccrNegative, ccrNotApplicable
  // Aorta before any spine imaging
  case aaa2
  // Emergency neurological branch
  case ces1, lbp4, ces3, ces2, ca2, my1, seh1, inf3
  // Urgent
  case aaa1, inf1, inf2, nk4, acp2
  // Soon
  case ca1, nk5, lbp7, acp4, inf4, my2, lbp6, fx1, nkRF
  // Routine
  case lbp5, nk3, lbp3, acp3, nk2, nk8, nk9, nk7, acp5
  // No imaging now
  case nk6, lbp1, lbp2, cw1, acp1, nice1, nk1
  // Region and explanatory notes, and where the seed differs
  case rg1, rg2, rg3, rg4, rg5, rg6, ped1, seh2, seed1, seed5, seed6, seed7

  /// The rule's metadata.
  @inlinable public var rule: Rule { RuleBook.table[rawValue] }

  /// The urgency the rule sets (a table lookup without copying the rule's strings).
  @inlinable public var urgency: Urgency? { RuleBook.urgencies[rawValue] }
}

/// The rule table: identifiers, titles, urgencies, sources.
public enum RuleBook {
  /// The rule set's version, carried in every recommendation (`ruleset`).
  public static let version = "spine-triage-rules@2"

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

  static let pecarn =
    "PECARN cervical spine rule (Leonard et al., Lancet Child Adolesc Health 2024)"
  static let seh =
    "Spontaneous spinal epidural haematoma reviews (Kreppel et al. 2003; Fedor et al., Korean J Spine 2011)"
  static let aaa =
    "NICE NG156 Abdominal aortic aneurysm (2020); Verhagen et al., Eur Spine J 2016"
  static let east = "EAST guideline, cervical spine clearance (Patel et al., J Trauma 2015)"
  static let asFracture =
    "Fractures in ankylosing spondylitis (Ren et al., Quant Imaging Med Surg 2021)"

  // swift-format-ignore
  static func makeRule(_ id: RuleID) -> Rule {
    func r(_ code: String, _ title: String, _ urgency: Urgency?, _ source: String, _ year: Int,
           _ certainty: Certainty, timeframe: String? = nil, hours: Int? = nil,
           note: String? = nil, seed: String? = nil) -> Rule {
      Rule(id: code, title: title, urgency: urgency, source: source, year: year,
           certainty: certainty, timeframe: timeframe, timeframeHours: hours, note: note,
           seedDifference: seed)
    }
    let traumaSeed = "The source article advises MRI after significant trauma; the trauma guidelines put CT first and keep MRI for suspected cord, nerve-root or ligament injury."
    switch id {
    case .tr0: return r("TR-0", "After trauma the cervical spine is not cleared until the NEXUS and Canadian C-Spine criteria are answered: image until cleared", .emergency, "\(acrTrauma); \(nexus); \(ccr); \(east)", 2019, .synthesis, timeframe: "CT cervical spine now, in the emergency department, unless the neck is cleared", note: "Unanswered clearance criteria, and an unanswered neck-pain question after high-energy trauma, are never taken as negative.")
    case .tr7: return r("TR-7", "Known ankylosing spondylitis, DISH or inflammatory arthritis after any trauma, even minor, with spinal pain: CT of the whole spine now; never cleared by NEXUS or the Canadian rule, never plain films", .emergency, "\(ccr) (excludes known vertebral disease); \(asFracture)", 2021, .paraphrased, timeframe: "CT whole spine now, in the emergency department; MRI next if CT is negative and pain persists, or with any deficit", note: "Rigid spines break with trivial trauma; the fractures are unstable, often at several levels, and missed by radiographs. MRI finds occult fractures after a negative CT.")
    case .tr8: return r("TR-8", "Previous neck surgery with neck pain after trauma: the Canadian rule does not apply, so CT cervical spine", .emergency, "\(ccr) (excludes previous neck surgery); \(acrTrauma) variant 2", 2019, .synthesis, timeframe: "CT now, in the emergency department")
    case .tr2: return r("TR-2", "Trauma with imaging indicated by NEXUS or the Canadian C-Spine Rule: CT cervical spine first", .emergency, "\(acrTrauma) variant 2", 2019, .verified, timeframe: "CT now, in the emergency department", note: "Either rule indicating imaging is enough; the neck is cleared only when every applicable rule is negative.", seed: traumaSeed)
    case .tr3: return r("TR-3", "Suspected cord or nerve-root injury after trauma: MRI cervical spine after CT", .emergency, "\(acrTrauma) variant 3", 2019, .verified, timeframe: "CT now, then MRI as the next study")
    case .tr4: return r("TR-4", "High-energy trauma with back pain, tenderness, an unreliable examination or a deficit: CT of the thoracic and lumbar spine (fractures are often at several levels)", .emergency, "\(acrTrauma) variant 9", 2019, .paraphrased, timeframe: "CT now, in the emergency department (reformats of a body CT will do)", seed: traumaSeed)
    case .tr6: return r("TR-6", "Thoracolumbar trauma with a neurological abnormality: MRI after CT", .emergency, "\(acrTrauma) variant 10", 2019, .paraphrased, timeframe: "CT now, then MRI as the next study")
    case .pecarn1: return r("PECARN-1", "Child under 16 after trauma with a high-risk factor (GCS 8 or less or unresponsive, abnormal airway, breathing or circulation, focal neurological deficit): CT cervical spine", .emergency, pecarn, 2024, .paraphrased, timeframe: "CT now, in the emergency department", note: "The PECARN rule was published in 2024 and is not yet externally validated (sensitivity 94%, negative predictive value 99.9% in 22,430 children); use clinical judgement.")
    case .pecarn2: return r("PECARN-2", "Child under 16 after trauma with a moderate-risk factor (altered alertness, neck pain or midline tenderness, torso or head injury needing admission) or with the risk factors not yet answered: radiographs of the cervical spine first", .emergency, pecarn, 2024, .paraphrased, timeframe: "Radiographs now, in the emergency department; CT if a high-risk factor appears", note: "The PECARN rule was published in 2024 and is not yet externally validated; radiographs first spare a child the radiation of CT.")
    case .tr1: return r("TR-1", "The neck is cleared after trauma (age 16 to 64): NEXUS and the Canadian C-Spine Rule are both negative, or, without neck pain, the examination is reliable; the trauma rules do not call for imaging of the neck", Urgency.none, "\(acrTrauma) variant 1", 2019, .verified)
    case .pecarn0: return r("PECARN-0", "Child under 16 after trauma with no high- or moderate-risk factor: the rule does not call for imaging of the neck (clinical clearance)", Urgency.none, pecarn, 2024, .paraphrased, note: "The PECARN rule was published in 2024 and is not yet externally validated.")
    case .tr5: return r("TR-5", "Low-velocity trauma is not the high-energy trauma pathway: the fracture-risk rule applies", nil, acrLBP, 2021, .verified)
    case .nexusPositive: return r("NEXUS-1", "NEXUS: a high-risk criterion is present (midline tenderness, focal deficit, altered alertness, intoxication or distracting injury)", nil, nexus, 2000, .verified)
    case .nexusNegative: return r("NEXUS-0", "NEXUS: all five low-risk criteria are met", nil, nexus, 2000, .verified)
    case .ccrHighRisk: return r("CCR-1", "Canadian C-Spine Rule: a high-risk factor (age 65 or over, dangerous mechanism or paresthesias) means imaging", nil, ccr, 2003, .verified)
    case .ccrNoLowRisk: return r("CCR-2", "Canadian C-Spine Rule: no low-risk factor allows a safe range-of-motion assessment, so image", nil, ccr, 2003, .verified)
    case .ccrCannotRotate: return r("CCR-3", "Canadian C-Spine Rule: unable to rotate the neck 45 degrees left and right, so image", nil, ccr, 2003, .verified)
    case .ccrNegative: return r("CCR-0", "Canadian C-Spine Rule: no high-risk factor, a low-risk factor, and the neck rotates 45 degrees: the rule does not call for imaging", nil, ccr, 2003, .verified)
    case .ccrNotApplicable: return r("CCR-NA", "Canadian C-Spine Rule does not apply (GCS below 15, unstable, age under 16, severe weakness, known vertebral disease or previous neck surgery): it cannot clear the neck", nil, ccr, 2003, .verified)
    case .aaa2: return r("AAA-2", "Signs of an aortic aneurysm with sudden onset or circulatory compromise: possible rupture or dissection; assess the aorta now, before any spine imaging", .emergency, aaa, 2020, .paraphrased, timeframe: "Now: bedside ultrasound or CT angiography of the aorta (local pathway) before any spine imaging")
    case .ces1: return r("CES-1", "Suspected cauda equina syndrome", .emergency, girft, 2023, .verified, timeframe: "MRI as soon as possible, within 4 hours of the request", hours: 4, seed: "The source article lists bladder, bowel or erectile dysfunction; the national pathway asks for new (within 14 days) or worsening features, adds lost rectal-fullness and urinary-flow sensation, and does not escalate erectile dysfunction alone.")
    case .lbp4: return r("LBP-4", "Low back pain with suspected cauda equina syndrome: MRI lumbosacral spine (without, or without and with, contrast)", .emergency, "\(acrLBP) variant 4", 2021, .paraphrased, timeframe: "MRI as soon as possible, within 4 hours of the request", hours: 4)
    case .ces3: return r("CES-3", "Emergency MRI of the lumbosacral spine within 4 hours; a bladder scan only if it does not delay MRI (a residual under 200 mL does not exclude cauda equina syndrome); rectal examination not required", nil, "\(girft) (BMJ Best Practice summary)", 2023, .paraphrased)
    case .ces2: return r("CES-2", "Back pain with sexual dysfunction as the only other feature is unlikely to be cauda equina syndrome: ask about bladder, bowel and saddle sensation", nil, girft, 2023, .verified, seed: "The source article counts erectile dysfunction as a red flag on its own; the national pathway does not escalate it alone.")
    case .ca2: return r("CA-2", "Cancer with spinal pain and neurological symptoms or signs: suspected metastatic spinal cord compression, an oncological emergency", .emergency, nice, 2023, .verified, timeframe: "MRI whole spine as soon as possible, always within 24 hours; contact the MSCC coordinator now", hours: 24)
    case .my1: return r("MY-1", "Acute myelopathy or cord compression (upper motor neuron signs or cord symptoms of recent or unknown onset, or a severe or progressive deficit of both sides above the lumbar spine)", .emergency, "\(acrMyelopathy) variant 1", 2020, .verified, timeframe: "MRI today (same day)", seed: "The source article suggests a thoracic MRI only if the lumbar MRI is negative; the cord ends at L1-L2, so the cord level is imaged first.")
    case .seh1: return r("SEH-1", "Anticoagulated or bleeding disorder, sudden severe spinal pain and a new neurological deficit: suspected spinal epidural haematoma", .emergency, seh, 2011, .paraphrased, timeframe: "MRI now (same day); the outcome depends on the time to decompression", note: "Reverse the anticoagulation and contact the spinal surgeons while the scan is arranged.")
    case .inf3: return r("INF-3", "Suspected spinal infection with a neurological deficit: possible epidural abscess", .emergency, "\(acrInfection) variant 1", 2021, .synthesis, timeframe: "MRI today (same day); whole spine for skip lesions")
    case .aaa1: return r("AAA-1", "Pulsatile abdominal mass or known aortic aneurysm with back pain: assess the aorta before any spine imaging; no spine study comes first", .urgent, aaa, 2020, .paraphrased, timeframe: "Aorta first: bedside ultrasound or CT angiography (local pathway) within 24 hours, at once if the pain is severe or the patient unwell", hours: 24)
    case .inf1: return r("INF-1", "Suspected spinal infection: fever or raised markers with an infection risk factor", .urgent, "\(acrInfection) variant 1; \(acp2011)", 2021, .verified)
    case .inf2: return r("INF-2", "Suspected infection after a recent spinal procedure (surgery, injection, stimulator)", .urgent, "\(acrInfection) variant 2", 2021, .verified)
    case .nk4: return r("NK-4", "Neck pain with suspected infection: MRI cervical spine without and with contrast", .urgent, acrCervical, 2018, .verified)
    case .acp2: return r("ACP-2", "Severe or progressive neurological deficit: imaging now", .urgent, "\(acp2007) recommendation 3", 2007, .verified)
    case .ca1: return r("CA-1", "History of cancer with spinal pain: suspected spinal metastases", .soon, nice, 2023, .verified, timeframe: "Contact the MSCC coordinator within 24 hours; MRI whole spine within 1 week, sooner if symptoms progress", hours: 168)
    case .nk5: return r("NK-5", "Neck pain with known malignancy: MRI (without, or without and with, contrast)", .soon, acrCervical, 2018, .paraphrased)
    case .lbp7: return r("LBP-7", "Back pain with suspicion of cancer, infection or immunosuppression: MRI", .soon, "\(acrLBP) variant 7", 2021, .paraphrased)
    case .acp4: return r("ACP-4", "Immediate MRI is listed for major cancer risk and for fever with IV drug use or recent infection; the timing follows the more specific guidelines (cancer within 1 week without neurological signs, infection within 24 hours)", nil, acp2011, 2011, .paraphrased)
    case .inf4: return r("INF-4", "Fever or raised inflammatory markers with spinal pain and no risk factor: exclude spinal infection", .soon, "\(acrInfection) variant 1 ('with or without fever')", 2021, .synthesis)
    case .my2: return r("MY-2", "Chronic myelopathy (cord signs or symptoms for 4 weeks or more)", .soon, "\(acrMyelopathy) variant 2", 2020, .verified)
    case .lbp6: return r("LBP-6", "Fracture risk (low-velocity trauma, osteoporosis, age over 70, long-term steroids, ankylosing spondylitis or inflammatory arthritis): radiographs of the painful region", .soon, "\(acrLBP) variant 6", 2021, .paraphrased, timeframe: "Promptly, at this or the next visit (within about 1 week)", hours: 168, note: "ACP 2011 would defer radiographs until after a 1-month trial; this follows ACR.", seed: "The source article lists long-term steroids as a red flag; the guidelines agree it is a fracture risk.")
    case .fx1: return r("FX-1", "A systemic fracture risk (osteoporosis, long-term steroids, inflammatory arthritis) with neck pain: radiographs of the cervical spine; a systemic red flag raises the urgency whatever the site (after trauma the neck follows the trauma rules)", .soon, "\(acrLBP) variant 6; \(acrCervical) table 1 (secondary)", 2021, .synthesis, timeframe: "Promptly, at this or the next visit (within about 1 week)", hours: 168)
    case .nkRF: return r("NK-RF", "Neck pain with a red flag: inflammatory arthritis, an infection risk (IV drug use, immunosuppression, recent infection), or vascular disease over age 50 (consider arterial dissection)", .soon, "\(acrCervical) table 1 (secondary)", 2018, .unverified)
    case .lbp5: return r("LBP-5", "Previous lumbar surgery with new or progressing symptoms", .routine, "\(acrLBP) variant 5", 2021, .paraphrased)
    case .nk3: return r("NK-3", "Previous cervical surgery with new or increasing symptoms", .routine, acrCervical, 2018, .paraphrased)
    case .lbp3: return r("LBP-3", "Persistent low back pain after 6 weeks of optimal care in a surgery or injection candidate", .routine, "\(acrLBP) variant 3", 2021, .verified, note: "ACP 2011 uses a 1-month trial.", seed: "The source article says a trial of at least a month; the guidelines use 6 weeks and image only candidates for surgery or injection.")
    case .acp3: return r("ACP-3", "Persistent radiculopathy or stenosis in a candidate for surgery or epidural injection: MRI preferred", .routine, "\(acp2007) recommendation 4", 2007, .verified)
    case .nk2: return r("NK-2", "Cervical radiculopathy after 6 weeks of conservative care in an intervention candidate", .routine, acrCervical, 2018, .verified, seed: "The source article sends arm radiation straight to a cervical MRI; the guideline agrees on the region but starts with conservative care.")
    case .nk8: return r("NK-8", "Chronic neck pain with degenerative change on radiographs: MRI cervical without contrast", .routine, acrCervical, 2018, .paraphrased)
    case .nk9: return r("NK-9", "Chronic neck pain with ossification of the posterior longitudinal ligament: CT cervical without contrast", .routine, acrCervical, 2018, .paraphrased)
    case .nk7: return r("NK-7", "Chronic neck pain (12 weeks or more) despite 6 weeks of care: radiographs first", .routine, acrCervical, 2018, .paraphrased)
    case .acp5: return r("ACP-5", "A weak cancer risk factor (unexplained weight loss or age over 50) after a 1-month trial: radiographs with ESR", .routine, acp2011, 2011, .paraphrased, seed: "The source article lists age over 50 as a red flag; the guidelines treat it as a weak factor.")
    case .nk6: return r("NK-6", "Cervicogenic headache without neurological deficit: no imaging first", Urgency.none, acrCervical, 2018, .paraphrased)
    case .lbp1: return r("LBP-1", "Acute low back pain (under 6 weeks), with or without radiculopathy, no red flags: no imaging", Urgency.none, "\(acrLBP) variant 1", 2021, .verified)
    case .lbp2: return r("LBP-2", "Subacute or chronic low back pain without red flags or completed conservative care: no imaging", Urgency.none, "\(acrLBP) variant 2", 2021, .verified)
    case .cw1: return r("CW-1", "No imaging for low back pain in the first 6 weeks unless red flags are present", Urgency.none, "Choosing Wisely (AAFP 2012; NASS 2013)", 2013, .verified)
    case .acp1: return r("ACP-1", "Do not routinely image nonspecific low back pain", Urgency.none, "\(acp2007) recommendation 2", 2007, .verified)
    case .nice1: return r("NICE-1", "Do not routinely offer imaging in a non-specialist setting for low back pain with or without sciatica", Urgency.none, "NICE NG59 1.1.4 (2016, updated 2020); QS155 statement 2", 2020, .verified)
    case .nk1: return r("NK-1", "Non-traumatic neck pain without red flags: conservative care first", Urgency.none, acrCervical, 2018, .paraphrased)
    case .rg1: return r("RG-1", "Leg-dominant pain or cauda equina features: image the lumbar or lumbosacral spine", nil, "\(acrLBP); \(girft)", 2023, .verified)
    case .rg2: return r("RG-2", "Arm radiation: image the cervical spine", nil, acrCervical, 2018, .paraphrased)
    case .rg3: return r("RG-3", "Upper motor neuron signs or a deficit of both sides: image the cord level (cervical with or without thoracic), the whole spine if the level is unclear", nil, acrMyelopathy, 2020, .synthesis, seed: "The source article suggests a thoracic MRI only if the lumbar MRI is negative; the cord ends at L1-L2, so a lumbar-first sequence loses time.")
    case .rg4: return r("RG-4", "Known cancer with suspected metastases: image the whole spine", nil, nice, 2023, .verified)
    case .rg5: return r("RG-5", "Pain between the shoulder blades comes from the lower cervical or upper thoracic spine; with arm radiation, the cervical spine", nil, "\(seed) heuristic; NICE CG75 (thoracic pain with cancer)", 2022, .unverified)
    case .rg6: return r("RG-6", "Suspected infection: image the symptomatic segment; the whole spine if an epidural abscess is suspected", nil, acrInfection, 2021, .paraphrased)
    case .ped1: return r("PED-1", "Under 16: the adult back-pain rules are not validated in children; without red flags imaging is not advised; refer to paediatrics if pain persists", nil, "ACR Appropriateness Criteria Back Pain-Child (2017)", 2017, .verified, seed: "The source article lists age under 16 as a red flag on its own; no guideline supports that.")
    case .seh2: return r("SEH-2", "Anticoagulated or bleeding disorder with sudden severe spinal pain and no deficit yet: warn the patient that new weakness or numbness needs emergency MRI (possible epidural haematoma)", nil, seh, 2011, .paraphrased)
    case .seed1: return r("SEED-1", "Age over 50 alone does not call for imaging", nil, "ACP High-Value Care 2011; NASS Choosing Wisely 2013", 2013, .synthesis, seed: "The source article lists age under 16 or over 50 as a red flag; the guidelines treat age over 50 as a weak cancer risk factor, a reason for radiographs after a 1-month trial at most.")
    case .seed5: return r("SEED-5", "Low body weight alone does not call for imaging", nil, "ACP/APS 2007; ACP High-Value Care 2011", 2011, .synthesis, seed: "The source article lists weight below average for height as an examination sign; the guideline flag is unexplained weight loss.")
    case .seed6: return r("SEED-6", "Residence where tuberculosis is endemic raises the suspicion of spinal infection when there is fever", nil, "\(seed); no imaging-guideline anchor", 2022, .unverified, seed: "The source article lists residence where tuberculosis is endemic as a red flag; no imaging guideline names it, so it counts only together with fever.")
    case .seed7: return r("SEED-7", "Night pain without a history of cancer does not call for imaging on its own", nil, "Downie et al., BMJ 2013; NICE NG234 (2023)", 2013, .verified, seed: "The source article lists unrelenting night pain as a red flag; it predicts serious disease poorly except in people with cancer.")
    }
  }
}
