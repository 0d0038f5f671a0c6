import Testing
import TriageEngine

@testable import TriageFormats

/// The one timestamp and number parser, and the one free-text rule (issue 20).
@Suite struct TimestampTests {
  @Test(arguments: [
    "2026-11-29T17:21:00Z", "2026-11-29T17:21:00+00:00", "2026-11-29T17:21:05.123-05:30",
    "2024-02-29T00:00:00Z", "2000-02-29T23:59:59+14:00", "2026-12-31T23:59:59.123456789-12:00",
    "0001-01-01T00:00:00Z", "2026-11-29T17:21:00-00:00",
  ])
  func accepted(text: String) {
    #expect(Timestamp(iso: text) != nil, "\(text)")
    #expect(Timestamp.problem(text, now: nil) == nil)
  }

  @Test(arguments: [
    "2026-11-29T17:21<svg onload=alert(1)>", "2026-11-29T17:21:00+99:99", "2026-02-31T10:00:00Z",
    "2026-02-29T10:00:00Z", "1900-02-29T10:00:00Z", "2026-04-31T10:00:00Z",
    "2026-00-10T10:00:00Z", "2026-11-00T10:00:00Z", "2026-11-29T24:00:00Z",
    "2026-11-29T17:60:00Z", "2026-11-29T17:21:60Z", "2026-11-29T17:21:00+14:01",
    "2026-11-29T17:21:00+01:60", "2026-11-29T17:21:00+0100", "2026-11-29T17:21:00",
    "2026-11-29T17:21Z", "2026-11-29T17:21:00.Z", "2026-11-29T17:21:00.1234567890Z",
    "2026-11-29T17:21:00z", "2026-11-29t17:21:00Z", " 2026-11-29T17:21:00Z",
    "2026-11-29T17:21:00Z\n", "+2026-11-29T17:21:00Z", "２０２６-11-29T17:21:00Z", "",
    "2026-11-29T17:21:00Z" + String(repeating: "0", count: 4_000),
  ])
  func refused(text: String) {
    #expect(Timestamp(iso: text) == nil, "\(text.prefix(60))")
    let problem = Timestamp.problem(text, now: nil)
    #expect(problem != nil)
    // The message never echoes the text (it gives an example of the form instead).
    #expect(problem.map { $0.utf8.count < 200 && !$0.contains("<") && !$0.contains("\n") } ?? false)
  }

  @Test func epochSecondsAndOffsets() throws {
    #expect(Timestamp(iso: "1970-01-01T00:00:00Z")?.secondsSinceEpoch == 0)
    #expect(Timestamp(iso: "1970-01-01T01:00:00+01:00")?.secondsSinceEpoch == 0)
    #expect(Timestamp(iso: "2026-11-29T17:21:00Z")?.secondsSinceEpoch == 1_795_972_860)
    #expect(Timestamp(iso: "2000-03-01T00:00:00Z")?.secondsSinceEpoch == 951_868_800)
    #expect(
      Timestamp(iso: "2026-11-29T12:21:00-05:00")?.secondsSinceEpoch
        == Timestamp(iso: "2026-11-29T17:21:00Z")?.secondsSinceEpoch)
  }

  @Test func futureBeyondTheClockSkewIsRefused() throws {
    let now = try #require(Timestamp(iso: "2026-11-29T17:21:00Z")).secondsSinceEpoch
    #expect(Timestamp.problem("2026-11-29T17:21:00Z", now: now) == nil)
    #expect(Timestamp.problem("2026-11-29T17:26:00Z", now: now) == nil)
    #expect(Timestamp.problem("2026-11-29T17:26:01Z", now: now)?.contains("future") == true)
    #expect(Timestamp.problem("2026-11-29T18:26:01+01:00", now: now)?.contains("future") == true)
    #expect(Timestamp.problem("2026-11-29T17:26:00+01:00", now: now) == nil)
    #expect(Timestamp.problem("2099-01-01T00:00:00Z", now: now) != nil)
  }

  @Test func decodeRefusesAFutureMomentOnlyWithNow() throws {
    let text = #"{"urgency_reached": {"urgency": "soon", "at": "2099-01-01T00:00:00Z"}}"#
    #expect(throws: Never.self) { try AnswersCodec.decode(Array(text.utf8)) }
    let now = try #require(Timestamp(iso: "2026-11-29T17:21:00Z")).secondsSinceEpoch
    do {
      _ = try AnswersCodec.decode(Array(text.utf8), now: now)
      Issue.record("a moment in 2099 was accepted")
    } catch let error as AnswersError {
      #expect(error.key == "urgency_reached.at")
    }
  }

  @Test(arguments: [
    ("45", WholeNumber.Reading.integer(45)), ("45.0", .integer(45)), ("4.5e1", .integer(45)),
    ("450e-1", .integer(45)), ("0", .integer(0)), ("-0", .integer(0)), ("0.000e5", .integer(0)),
    ("-3", .integer(-3)), ("1e-400", .notWhole), ("45.00000000000000000001", .notWhole),
    ("45.5", .notWhole), ("4.5", .notWhole), ("1e400", .tooLarge),
    ("99999999999999999999", .tooLarge), ("999999999999999999", .integer(999_999_999_999_999_999)),
    ("1e99999999999999999999999", .tooLarge), ("1e-99999999999999999999999", .notWhole),
    ("", .notWhole), ("-", .notWhole), ("1.", .notWhole), ("1e", .notWhole), ("x", .notWhole),
  ])
  func wholeNumbers(text: String, reading: WholeNumber.Reading) {
    #expect(WholeNumber.read(text) == reading, "\(text)")
  }

  @Test(arguments: [
    ("\u{3164}", false), ("\u{2800}", false), ("\u{034F}", false), ("\u{115F}", false),
    ("\u{1160}", false), ("\u{FFA0}", false), ("\u{00A0}", false), ("\u{3000}", false),
    ("\u{2003}", false), ("\u{FE0F}", false), ("\u{E0041}", false), ("\u{200B}", false),
    ("\u{202E}", false), ("\u{0007}", false), ("\u{E000}", false), ("\u{FFFF}", false),
    ("A", true), (" ", true), ("é", true), ("\u{0301}", true), ("漢", true), ("한", true),
    ("Ж", true), ("-", true), ("🙂", true),
  ])
  func freeTextCharacters(scalar: Unicode.Scalar, allowed: Bool) {
    #expect(FreeText.isAllowed(scalar) == allowed, "U+\(String(scalar.value, radix: 16))")
    if !allowed { #expect(FreeText.problem("A\(Character(scalar))B")?.contains("U+") == true) }
  }

  @Test func freeTextCountsColumns() {
    #expect(DisplayWidth.columns(of: "漢字") == 4)
    #expect(DisplayWidth.columns(of: "e\u{0301}") == 1)
    // ASCII: a column a byte; a carriage return and line feed are one character.
    #expect(DisplayWidth.columns(of: "Saddle numbness") == 15)
    #expect(DisplayWidth.columns(of: "a\r\nb") == 3)
    #expect(DisplayWidth.columns(of: "ab"[...]) == 2)
    #expect(FreeText.problem(String(repeating: "漢", count: 32)) == nil)
    #expect(FreeText.problem(String(repeating: "漢", count: 33))?.contains("columns") == true)
    #expect(FreeText.problem(String(repeating: "A", count: 64)) == nil)
    #expect(FreeText.problem(String(repeating: "A", count: 65)) != nil)
    #expect(FreeText.problem(String(repeating: "漢", count: 30), maxColumns: 60) == nil)
    #expect(FreeText.problem(String(repeating: "漢", count: 31), maxColumns: 60) != nil)
  }

  @Test("a CJK patient identifier and site name stay within the 76 columns of the summary")
  func summaryLinesFitInColumns() {
    var sheet = AnswerSheet()
    sheet.patientID = String(repeating: "漢", count: 32)
    sheet.clinician = String(repeating: "字", count: 32)
    let context = DocumentContext(
      programVersion: "1", generatedAt: "2026-11-29T17:21:00+00:00",
      consultationID: "00000000-0000-4000-8000-000000000000",
      siteName: String(repeating: "院", count: 30))
    let text = SummaryText.render(
      sheet: sheet, recommendation: TriageEngine.evaluate(sheet.answers), context: context)
    for line in text.split(separator: "\n") {
      #expect(
        DisplayWidth.columns(of: line.filter { $0 != "\u{0C}" }) <= 76,
        "\(DisplayWidth.columns(of: line)) columns: \(line)")
    }
    #expect(text.contains(String(repeating: "漢", count: 32)))
  }
}
