/// Safety-net advice for `none` and `routine`: what should bring the patient back, and when; and
/// while an urgent MRI is awaited for sudden severe pain on an anticoagulant (a deficit may follow
/// the pain of an epidural haematoma within hours).
enum SafetyNet {
  static func advice(_ f: Facts, urgency: Urgency) -> [String] {
    let bleed = f.isYes(.anticoagulated) && f.isYes(.suddenOnset)
    if urgency == .urgent && bleed {
      return [
        "While waiting for the MRI: any new weakness or numbness of the legs or arms, or new bladder or bowel symptoms (difficulty passing or controlling urine or stool), means an emergency MRI at once (possible bleeding around the spinal cord); keep the patient where this can be acted on",
        "Consider aortic causes of abrupt severe back pain (dissection, aneurysm) at the same time",
      ]
    }
    guard urgency <= .routine else { return [] }
    var advice = [
      "Return at once (emergency department) if numbness appears in the saddle area (groin, genitals, anus), or new difficulty passing or controlling urine or stool, or loss of sexual sensation",
      "Return urgently if weakness, numbness or clumsiness of the legs or arms appears or gets worse, or walking becomes unsteady",
      "Return if fever or sweats, unexplained weight loss, or constant pain that is worse at night or not eased by rest develops",
    ]
    if f.isYes(.cancerHistory) || f.isYes(.nightPain) {
      advice.append(
        "With a history of cancer, new spinal pain, pain on coughing or straining, or any neurological symptom needs contact with the MSCC coordinator within 24 hours"
      )
    }
    if f.isYes(.anticoagulated) && f.isYes(.suddenOnset) {
      advice.append(
        "On an anticoagulant or with a bleeding disorder: any new weakness or numbness of the legs or arms, or bladder change, needs an emergency MRI at once (possible bleeding around the spinal cord)"
      )
    }
    if f.isYes(.painNeck) && !f.hits(FindingGroup.trauma.members).isEmpty {
      advice.append("Return if neck pain worsens or arm symptoms appear after the injury")
    }
    if urgency == .none {
      advice.append(
        "Review if not improving after 4 to 6 weeks of conservative care (analgesia, staying active, physiotherapy); imaging is considered then only if surgery or injection would be an option"
      )
    } else {
      advice.append(
        "While waiting for the scheduled scan, the same return advice applies; any of these makes it urgent"
      )
    }
    return advice
  }
}
