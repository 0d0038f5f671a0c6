import Foundation
import Testing

@testable import TriageEngine

/// The program reads its compiled book from generated tables (`CompiledBookTables.swift`) rather
/// than compiling the rule book at every start. These tests compile the book from the rule book
/// again and require the tables to be exactly that compilation, and the reading of the tables to
/// give back every field. After a change to the rule book, write the tables again with
/// `SPINE_RECORD_BOOK=1 swift test --filter CompiledBookTables` and commit them with the change.
@Suite struct CompiledBookTablesTests {
  static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Sources/TriageEngine/RuleBook/CompiledBookTables.swift")
    .standardizedFileURL

  static let compiled = CompiledBook(RuleBook.book, regionNotes: RuleBook.regionNotes)

  @Test func theCheckedInTablesAreTheRuleBookCompiled() throws {
    let source = Self.compiled.tablesSource
    if Environment.value("SPINE_RECORD_BOOK") == "1" {
      try source.write(to: Self.file, atomically: true, encoding: .utf8)
    }
    let checkedIn = try String(contentsOf: Self.file, encoding: .utf8)
    #expect(
      checkedIn == source,
      """
      CompiledBookTables.swift is not the rule book compiled: write it again with \
      SPINE_RECORD_BOOK=1 swift test --filter CompiledBookTables
      """)
    let encoded = Self.compiled.encoded
    #expect(CompiledBookTables.words == encoded.words)
    #expect(CompiledBookTables.texts == encoded.texts)
  }

  @Test func readingTheTablesGivesBackEveryField() {
    let encoded = Self.compiled.encoded
    let read = CompiledBook(words: encoded.words, texts: encoded.texts)
    let again = read.encoded
    #expect(again.words == encoded.words)
    #expect(again.texts == encoded.texts)
    // The shared book (read from the checked-in tables) is the same book.
    #expect(CompiledBook.shared.encoded.words == encoded.words)
  }

  @Test func theTableOfCoveredStudiesIsTheComputedOne() {
    let computed = StudyBits.coveredComputed()
    #expect(StudyBits.covered.count == computed.count)
    for (index, bits) in computed.enumerated() {
      #expect(StudyBits.covered[index] == bits, "\(StudyBits.study(at: index).displayName)")
    }
    // A study covers itself; a whole-spine MRI covers a lumbar one; a radiograph covers no MRI.
    let lumbar = StudyBits.index(ImagingStudy(.mri, .lumbar, .without))
    let whole = StudyBits.index(ImagingStudy(.mri, .wholeSpine, .without))
    let xray = StudyBits.index(ImagingStudy(.radiograph, .wholeSpine, .none))
    #expect(StudyBits.covered[lumbar].contains(lumbar))
    #expect(StudyBits.covered[whole].contains(lumbar))
    #expect(!StudyBits.covered[xray].contains(lumbar))
  }

  @Test func eachScreensQuestionsAreTheCataloguesInOrder() {
    for screen in QuestionScreen.allCases {
      #expect(
        QuestionCatalogue.questions(on: screen).map(\.id)
          == QuestionCatalogue.questions.filter { $0.screen == screen }.map(\.id))
    }
  }

  @Test func aChangedBookIsSeenInTheWords() {
    // The encoding covers what `missing` and the plans read: one node's finding set changed
    // changes the words.
    var words = Self.compiled.encoded.words
    let texts = Self.compiled.encoded.texts
    // The list's count, then op, next, arg, lo, hi, required, and the set's low word.
    words[7] ^= 1  // the first node's finding set (low word)
    let changed = CompiledBook(words: words, texts: texts)
    #expect(changed.nodes[0].set != Self.compiled.nodes[0].set)
    #expect(changed.encoded.words == words)
  }
}
