import Testing

@testable import TriageEngine

/// A study's place (what tables of studies are indexed by) follows `allCases`: modality first,
/// then region, then contrast, each place once, and the study at a place is the study itself.
@Suite struct StudyPlaceTests {
  @Test func everyStudyHasItsPlaceInTheOrderOfAllCases() {
    var expected = 0
    for modality in Modality.allCases {
      for region in SpineRegion.allCases {
        for contrast in Contrast.allCases {
          let study = ImagingStudy(modality, region, contrast)
          #expect(study.place == expected, "\(study)")
          #expect(ImagingStudy(place: expected) == study, "place \(expected)")
          expected += 1
        }
      }
    }
    #expect(expected == ImagingStudy.count)
  }

  @Test func eachIndexIsThePlaceInAllCases() {
    for (index, modality) in Modality.allCases.enumerated() {
      #expect(StudyBits.modalityIndex(modality) == index, "\(modality)")
    }
    for (index, region) in SpineRegion.allCases.enumerated() {
      #expect(StudyBits.regionIndex(region) == index, "\(region)")
    }
    for (index, contrast) in Contrast.allCases.enumerated() {
      #expect(StudyBits.contrastIndex(contrast) == index, "\(contrast)")
    }
  }
}
