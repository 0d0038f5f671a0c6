import Testing
import TriageEngine

/// The questionnaire and the engine agree on what is asked (clinical review, rule set 3: an item
/// in `missing` that the form hides makes FINAL unreachable). Over the same generated answer sets
/// as ``PropertyTests`` (`SPINE_PROPERTY_SETS` sets the count).
@Suite struct VisibilityPropertyTests {
  typealias Violations = PropertyTests.Violations

  @Test(arguments: PropertyTests.chunks)
  func theShownSetIsEachItemsCondition(chunk: Int) {
    var violations = Violations("Visibility.shown differs from isShown item by item")
    for answers in PropertyTests.sets(chunk) {
      let shown = Visibility.shown(answers)
      for finding in Finding.allCases
      where shown.contains(finding) != Visibility.isShown(finding, in: answers) {
        violations.add("\(finding.id) [\(describe(answers))]")
      }
    }
    violations.check()
  }

  @Test(arguments: PropertyTests.chunks)
  func everyMissingItemIsShownByTheQuestionnaire(chunk: Int) {
    var violations = Violations("an item in missing that the questionnaire hides")
    for answers in PropertyTests.sets(chunk) {
      let recommendation = TriageEngine.evaluate(answers)
      for finding in recommendation.missingFindings
      where !Visibility.isShown(finding, in: answers) {
        violations.add("\(finding.id) [\(describe(answers))]")
      }
    }
    violations.check()
  }

  @Test(arguments: PropertyTests.chunks)
  func anItemTheQuestionnaireHidesNeverChangesTheDecision(chunk: Int) {
    // The other half of the agreement: answering what is shown reaches FINAL, because no
    // unanswered item the form hides could change the urgency or the regions imaged. (Items of
    // an earlier rule set, no longer asked, are carried by the questions that replaced them.
    // An item hidden because an older record's no already answers it (tenderness by level after
    // "tenderness, level not recorded: no") is checked for that no: answering it no changes
    // nothing. A yes that shows the item itself, an older form's fall that implies the injury
    // when the injury was answered no, is a record that shows what changed the decision.)
    var violations = Violations("an unanswered hidden item changes the decision")
    for answers in PropertyTests.sets(chunk) {
      let base = TriageEngine.studies(of: answers)
      let regions = PropertyTests.regions(base.imaging)
      for finding in Finding.allCases
      where answers[finding] == .unknown && finding.question.polarity != .safety
        && finding.question.shownWhen != .recordedOnly && !Visibility.isShown(finding, in: answers)
      {
        let answeredByAnEarlierNo: Bool
        if case .unlessNo = finding.question.shownWhen {
          answeredByAnEarlierNo = true
        } else {
          answeredByAnEarlierNo = false
        }
        for answer in answeredByAnEarlierNo ? [Answer.no] : [Answer.yes, .no] {
          var flipped = answers
          flipped[finding] = answer
          if answer == .yes && Visibility.isShown(finding, in: flipped) { continue }
          let after = TriageEngine.studies(of: flipped)
          if after.urgency != base.urgency || PropertyTests.regions(after.imaging) != regions {
            violations.add(
              "\(finding.id) -> \(answer): \(base.urgency.id) -> \(after.urgency.id) [\(describe(answers))]"
            )
            break
          }
        }
      }
    }
    violations.check()
  }

  @Test func theNeckTraumaQuestionsFollowAnyTrauma() {
    let none = Answers()
    #expect(!Visibility.isShown(.neckTrauma, in: none))
    #expect(!Visibility.isShown(.abnormalABC, in: none))
    for trauma in [Finding.traumaMajor, .traumaMinor] {
      var answers = Answers()
      answers[trauma] = .yes
      #expect(Visibility.isShown(.neckTrauma, in: answers))
      for question in QuestionCatalogue.questions(on: .neckTrauma) {
        #expect(Visibility.isShown(question.finding, in: answers), "\(question.id)")
      }
      #expect(Visibility.isShown(.abnormalABC, in: answers))
    }
    // Shock with signs of an aortic aneurysm is asked without trauma, on the Examination screen.
    var aortic = Answers()
    aortic[.aorticSigns] = .yes
    #expect(Visibility.isShown(.abnormalABC, in: aortic))
    #expect(!Visibility.isShown(.neckTrauma, in: aortic))
    #expect(Finding.abnormalABC.question.screen == .examination)
  }
}
