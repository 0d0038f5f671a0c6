import Testing

@testable import TriageEngine

/// `replacingWord` replaces whole words only, in ASCII text (byte by byte) and in other text
/// (character by character) alike.
@Suite struct ReplacingWordTests {
  @Test(arguments: [
    ("MRI within 24 hours", "CT within 24 hours"),
    ("urgent MRI; MRI of the whole spine", "urgent CT; CT of the whole spine"),
    ("fMRI and MRIs stay", "fMRI and MRIs stay"),
    ("MRI-guided, (MRI)", "CT-guided, (CT)"),
    ("MRI", "CT"),
    ("", ""),
    ("no study", "no study"),
    ("IRM é MRI ü", "IRM é CT ü"),
    ("éMRI MRIé", "éMRI MRIé"),
  ])
  func replacesWholeWords(text: String, expected: String) {
    #expect(text.replacingWord("MRI", with: "CT") == expected)
  }
}
