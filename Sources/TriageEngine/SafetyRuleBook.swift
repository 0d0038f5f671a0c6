/// The MRI-safety rules (reference A10), applied after the indication rules. They never change
/// the urgency; they change the modality or contrast, or say what must happen before the scan.
public enum SafetyRuleBook {
  /// Every safety rule, for the rule table.
  public static let rules: [Rule] = [
    rule(
      "SF-0",
      "MRI safety screen incomplete: unanswered screening items are listed, never taken as no",
      "ACR Manual on MR Safety (2020)", 2020, .synthesis),
    rule(
      "SF-1", "Contrast planned, renal function normal: any gadolinium agent, group II preferred",
      "ACR Manual on Contrast Media (2023)", 2023, .paraphrased),
    rule(
      "SF-2",
      "eGFR below 30, dialysis or AKI: no group I gadolinium agent; group II acceptable (caution); renal function unknown with contrast planned: check it (info)",
      "ACR-NKF consensus (Weinreb et al., Radiology 2021)", 2021, .verified),
    rule(
      "SF-3",
      "Previous gadolinium reaction: non-contrast MRI if adequate, else another agent with or without premedication",
      "ACR Manual on Contrast Media (2023)", 2023, .unverified),
    rule(
      "SF-4",
      "Pregnancy: MRI without gadolinium at any stage when warranted; contrast removed from the plan; CT only when justified",
      "ACOG Committee Opinion 723 (2017, reaffirmed 2021); ACR statements", 2021, .verified),
    rule(
      "SF-5",
      "MR-conditional pacemaker or defibrillator system: only within its labelling, with protocol and monitoring (caution)",
      "HRS expert consensus (Indik et al., Heart Rhythm 2017)", 2017, .verified),
    rule(
      "SF-6",
      "Non-conditional pacemaker: stop until protocol, device check and no abandoned leads; abandoned, fractured or epicardial leads: MRI replaced by CT or CT myelography",
      "HRS expert consensus (2017); MagnaSafe (NEJM 2017)", 2017, .unverified),
    rule(
      "SF-7",
      "Metal in the orbit not cleared: stop until orbital radiographs or a previous CT exclude a retained foreign body",
      "Seidenwurm et al., AJNR 2000; Murphy and Brunberg, AJR", 2000, .verified),
    rule(
      "SF-8", "Cochlear implant: stop until the model and its MR labelling are known",
      "Manufacturer MRI guidelines (Advanced Bionics, Cochlear)", 2023, .verified),
    rule(
      "SF-9",
      "Active implant, metal fragments or implants of unknown MR status: stop until their MR status is established",
      "ASTM F2503 (2023)", 2023, .verified),
    rule(
      "SF-10",
      "Claustrophobia: coaching, positioning, wide bore, anxiolysis; CT if MRI is impossible (caution)",
      "Munn et al., Radiography 2015; Dewey et al., JMRI 2007", 2015, .verified),
    rule(
      "SF-11",
      "A safety stop in an urgent or emergency case: CT, with CT myelography at a spinal centre, if MRI cannot be done safely in time; never plain films",
      "ACR Low Back Pain V4 (2021); NICE NG234 (2023)", 2023, .paraphrased),
  ]

  private static func rule(
    _ id: String, _ title: String, _ source: String, _ year: Int, _ certainty: Certainty
  ) -> Rule {
    Rule(
      id: id, title: title, urgency: nil, source: source, year: year, certainty: certainty)
  }
}
