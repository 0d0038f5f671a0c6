import Testing
import TriageEngine
import TriageFormats

/// The answers file's `bulk` list (spec section 4): strict, and a round trip.
@Suite("Answers file: bulk")
struct BulkAnswerCodecTests {
  static let good = """
    {"age": 38, "findings": {"pain_low_back": "yes", "night_pain": "no", "steroids": "no"},
     "bulk": [{"screen": "history", "answer": "no", "findings": ["night_pain", "steroids"],
               "at": "2026-11-29T17:20:00+00:00"}]}
    """

  func decode(_ text: String) throws -> AnswerSheet {
    try AnswersCodec.decode(Array(text.utf8))
  }

  @Test func decodesAndRoundTrips() throws {
    let sheet = try decode(Self.good)
    #expect(
      sheet.bulk == [
        BulkAnswer(
          screen: .history, answer: .no, findings: [.nightPain, .steroids],
          at: "2026-11-29T17:20:00+00:00")
      ])
    #expect(sheet.bulkRecord(for: .steroids) != nil)
    #expect(sheet.bulkRecord(for: .painLowBack) == nil)
    for pretty in [true, false] {
      let again = try decode(AnswersCodec.encode(sheet, pretty: pretty))
      #expect(again == sheet)
    }
    // Without a bulk answer the file has no bulk key (older readers see the old format).
    var plain = sheet
    plain.bulk = []
    #expect(!AnswersCodec.encode(plain).contains("bulk"))
  }

  @Test func anItemThatMovedScreensStillLoadsFromAnOlderFile() throws {
    // Rule set 2 asked abnormal_abc on the Neck trauma screen; it is now on Examination.
    let sheet = try decode(
      """
      {"findings": {"trauma_minor": "yes", "abnormal_abc": "no", "unresponsive": "no"},
       "bulk": [{"screen": "neck_trauma", "answer": "no", "findings": ["abnormal_abc", "unresponsive"],
                 "at": "2026-11-29T17:20:00+00:00"}]}
      """)
    #expect(sheet.answers[.abnormalABC] == .no)
    #expect(sheet.bulkRecord(for: .abnormalABC)?.screen == .neckTrauma)
    // It was never on the History screen.
    #expect(throws: AnswersError.self) {
      try decode(
        """
        {"findings": {"abnormal_abc": "no"},
         "bulk": [{"screen": "history", "answer": "no", "findings": ["abnormal_abc"],
                   "at": "2026-11-29T17:20:00+00:00"}]}
        """)
    }
  }

  /// Each mistake is an error naming the key.
  @Test(arguments: [
    (#""bulk": {}"#, "bulk"),
    (#""bulk": [1]"#, "bulk[0]"),
    (
      #""bulk": [{"screen": "hist", "answer": "no", "findings": ["night_pain"], "at": "2026-11-29T17:20:00Z"}]"#,
      "bulk[0].screen"
    ),
    (
      #""bulk": [{"screen": "history", "answer": "yes", "findings": ["night_pain"], "at": "2026-11-29T17:20:00Z"}]"#,
      "bulk[0].answer"
    ),
    (
      #""bulk": [{"screen": "history", "answer": "no", "findings": [], "at": "2026-11-29T17:20:00Z"}]"#,
      "bulk[0].findings"
    ),
    (
      #""bulk": [{"screen": "history", "answer": "no", "findings": ["nope"], "at": "2026-11-29T17:20:00Z"}]"#,
      "bulk[0].findings"
    ),
    (
      #""bulk": [{"screen": "history", "answer": "no", "findings": ["night_pain", "night_pain"], "at": "2026-11-29T17:20:00Z"}]"#,
      "bulk[0].findings"
    ),
    (
      #""bulk": [{"screen": "examination", "answer": "no", "findings": ["night_pain"], "at": "2026-11-29T17:20:00Z"}]"#,
      "bulk[0].findings"
    ),
    (
      #""bulk": [{"screen": "history", "answer": "no", "findings": ["night_pain"], "at": "yesterday"}]"#,
      "bulk[0].at"
    ),
    (
      #""bulk": [{"screen": "history", "answer": "no", "findings": ["night_pain"], "at": "2026-11-29T17:20:00"}]"#,
      "bulk[0].at"
    ),
    (#""bulk": [{"screen": "history", "answer": "no", "findings": ["night_pain"]}]"#, "bulk[0].at"),
    (
      #""bulk": [{"screen": "history", "answer": "no", "findings": ["night_pain"], "at": "2026-11-29T17:20:00Z", "by": "x"}]"#,
      "bulk[0].by"
    ),
    (
      #""bulk": [{"screen": "history", "screen": "history", "answer": "no", "findings": ["night_pain"], "at": "2026-11-29T17:20:00Z"}]"#,
      "bulk[0].screen"
    ),
    // A finding the record names must be answered no in findings.
    (
      #""bulk": [{"screen": "history", "answer": "no", "findings": ["steroids"], "at": "2026-11-29T17:20:00Z"}]"#,
      "bulk[0].findings"
    ),
    (
      #""bulk": [{"screen": "history", "answer": "no", "findings": ["fever_history"], "at": "2026-11-29T17:20:00Z"}]"#,
      "bulk[0].findings"
    ),
    // Two records naming one finding.
    (
      #""bulk": [{"screen": "history", "answer": "no", "findings": ["night_pain"], "at": "2026-11-29T17:20:00Z"}, {"screen": "history", "answer": "no", "findings": ["night_pain"], "at": "2026-11-29T17:21:00Z"}]"#,
      "bulk[1].findings"
    ),
  ])
  func strictErrorsNameTheKey(member: String, key: String) throws {
    let text = #"{"findings": {"night_pain": "no", "steroids": "yes"}, "# + member + "}"
    do {
      _ = try decode(text)
      Issue.record("accepted: \(member)")
    } catch let error as AnswersError {
      #expect(error.key == key, "\(member): \(error)")
    }
  }

  @Test(arguments: [
    ("2026-11-29T17:20:00Z", true), ("2026-11-29T17:20:00+01:00", true),
    ("2026-11-29T17:20:00.123-05:30", true), ("2026-11-29T17:20:00", false),
    ("2026-11-29 17:20:00Z", false), ("2026-11-29T17:20Z", false), ("", false),
    ("2026-11-29T17:20:00+0100", false), ("2026-11-29T17:20:00Z ", false),
  ])
  func timestamps(text: String, valid: Bool) {
    #expect(BulkAnswer.isTimestamp(text) == valid)
  }
}
