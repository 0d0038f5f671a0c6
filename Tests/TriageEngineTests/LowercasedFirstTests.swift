import Testing

@testable import TriageEngine

/// The MRI-safety items are listed inside a sentence with their first letter in lower case,
/// except where the first word is an abbreviation.
@Suite struct LowercasedFirstTests {
  @Test(
    "the first letter lowered, abbreviations and non-letters kept",
    arguments: [
      ("Claustrophobia", "claustrophobia"),
      ("Pacemaker or ICD, legacy", "pacemaker or ICD, legacy"),
      ("MRI-conditional implant", "MRI-conditional implant"),
      ("eGFR below 30", "eGFR below 30"),
      ("3 T scanner", "3 T scanner"),
      ("A", "a"),
      ("", ""),
      ("Épaule", "épaule"),
      ("ÉCG", "ÉCG"),
      ("Métal in the eye", "métal in the eye"),
    ])
  func lowered(_ label: String, _ expected: String) {
    #expect(label.lowercasedFirst == expected)
  }

  @Test("every MRI-safety label: the same as lowering the first character")
  func everySafetyLabel() {
    for item in SafetyModifiers.mriSafetyItems {
      let label = QuestionCatalogue.question(for: item.finding).label
      let word = label.prefix { $0 != " " }
      let abbreviation = word.dropFirst().contains { $0.isUppercase }
      let expected =
        abbreviation || !(label.first?.isUppercase ?? false)
        ? label : label.prefix(1).lowercased() + label.dropFirst()
      #expect(item.words == expected, "\(label)")
    }
  }
}
