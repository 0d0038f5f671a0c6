import Testing
import TriageEngine
import TriageFormats

/// The plain-text report (`evaluate --format text`): the label, the disclaimer, every rule.
@Suite struct TextReportTests {
  /// The report's words with wrapping undone, for phrase searches.
  func flattened(_ report: String) -> String {
    report.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }

  @Test(arguments: RecommendationJSONTests.samples)
  func containsTheLabelTheDisclaimerAndEveryRule(answers: Answers) {
    let recommendation = TriageEngine.evaluate(answers)
    let report = TextReport.string(recommendation)
    let flat = flattened(report)
    #expect(report.contains(recommendation.label))
    #expect(flat.contains(flattened(TextReport.disclaimer)))
    #expect(flat.contains(flattened(recommendation.statusLine)))
    for fired in recommendation.reasons {
      #expect(report.contains(fired.rule.id), "\(fired.rule.id) missing from the report")
      #expect(flat.contains(flattened(fired.rule.source)), "\(fired.rule.id) source missing")
    }
    for text in recommendation.seedDifferences {
      #expect(flat.contains(flattened(text)), "seed difference missing: \(text)")
    }
    for item in recommendation.safety {
      #expect(flat.contains(flattened(item.message)), "\(item.id) missing from the report")
    }
    for label in recommendation.missingLabels {
      #expect(flat.contains(flattened(label)), "missing \(label) not shown")
    }
    // Words, not identifiers.
    for question in QuestionCatalogue.questions where question.id.contains("_") {
      #expect(!report.contains(question.id), "identifier \(question.id) in the report")
    }
    if let main = recommendation.mainStudy {
      #expect(flat.contains(flattened(main.displayName)))
    } else {
      #expect(report.contains("none (no imaging now)"))
    }
    #expect(report.contains(recommendation.ruleset))
    #expect(report.hasSuffix("\n"))
  }

  /// The fixed labels (for example "Missing answers that could raise the urgency (3): ") are
  /// about 50 characters, so widths from 60 up are supported.
  @Test(arguments: [60, 72, 80, 120])
  func linesFitTheWidth(width: Int) {
    for answers in RecommendationJSONTests.samples {
      let lines = TextReport.lines(TriageEngine.evaluate(answers), width: width)
      for line in lines { #expect(line.count <= width, "\(line.count) > \(width): \(line)") }
    }
  }

  @Test func showsWhatMustHappenBeforeAStoppedScan() {
    let recommendation = TriageEngine.evaluate(RecommendationJSONTests.samples[1])
    let report = TextReport.string(recommendation)
    #expect(report.contains("STOP:"))
    #expect(report.contains("Before the scan:"))
  }

  @Test func showsTheSafetyNetForNoImaging() {
    let recommendation = TriageEngine.evaluate(RecommendationJSONTests.samples[4])
    let report = TextReport.string(recommendation)
    #expect(report.hasPrefix("RECOMMENDATION  NO IMAGING NOW"))
    #expect(report.contains("Safety-net advice"))
  }
}
