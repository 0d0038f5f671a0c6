import TriageEngine
import TriageFormats

/// The draft list of `--plain` at a terminal (the screens' list, as numbered lines): the drafts
/// no other session holds, each with patient identifier, time, number of answers and current
/// recommendation, to resume or discard; drafts held elsewhere are counted, never shown. Nothing
/// is written while the list is offered. (With answers piped in there is no list, so a script's
/// input never depends on what drafts exist.)
enum PlainDraftOffer {
  /// What the user chose.
  enum Choice {
    case resume(AnswerSheet)
    case new
    case quit
  }

  /// `hidesPatients`: a shared terminal, whose list names no patient until one is chosen.
  static func run(
    drafts: DraftKeeper, hidesPatients: Bool = false, reader: inout LineReader,
    say: (String) -> Void
  ) -> Choice {
    var notices: [String] = []
    let entries = drafts.listDrafts(notices: &notices)
    for notice in notices { say(AnswersError.printable(notice, limit: 300) + "\n") }
    let inUse = entries.filter(\.inUse).count
    if inUse > 0 {
      say(
        inUse == 1
          ? "1 draft is open in another session (not shown).\n"
          : "\(inUse) drafts are open in other sessions (not shown).\n")
    }
    var offered = entries.filter { !$0.inUse }
    guard !offered.isEmpty else { return .new }
    while true {
      say("\nSaved drafts:\n")
      for (index, entry) in offered.enumerated() {
        say("  \(index + 1). \(describe(entry, hidesPatient: hidesPatients))\n")
      }
      say(
        "Resume which draft? [1-\(offered.count); d and a number discards it (to the trash);"
          + " Enter for a new assessment; q to quit]: ")
      guard let line = reader.readLine() else {
        say("\n")
        drafts.decline()
        return .new
      }
      let text = reader.lastLineWasTooLong ? "?" : line.trimmingCharacters.lowercased()
      if text.isEmpty || text == "n" || text == "new" {
        drafts.decline()
        say("New assessment; the drafts are kept.\n")
        return .new
      }
      if text == "q" || text == "quit" {
        drafts.decline()
        return .quit
      }
      if text.hasPrefix("d"), let number = Int(String(text.dropFirst()).trimmingCharacters),
        offered.indices.contains(number - 1)
      {
        let entry = offered[number - 1]
        if let problem = drafts.discardOffered(entry.id) {
          say("   \(problem)\n")
          continue
        }
        offered.remove(at: number - 1)
        say("Draft \(number) moved to the trash.\n")
        if offered.isEmpty {
          say("New assessment.\n")
          return .new
        }
        continue
      }
      if let number = Int(text), offered.indices.contains(number - 1),
        let sheet = offered[number - 1].sheet
      {
        drafts.resume(offered[number - 1].id)
        say("Draft resumed: \(sheet.answers.answeredCount) answers.\n")
        return .resume(sheet)
      }
      say("   Not understood: '\(AnswersError.printable(text, limit: 20))'.\n")
    }
  }

  /// One draft in words: patient identifier (not on a shared terminal), age, sex and
  /// complaint; time saved, answers, and the decision with its status (the words every list
  /// uses).
  static func describe(_ entry: DraftStore.Entry, hidesPatient: Bool = false) -> String {
    guard let sheet = entry.sheet else { return "in use in another session" }
    let time = String(entry.savedAt.prefix(16).map { $0 == "T" ? " " : $0 })
    let recommendation = TriageEngine.evaluate(sheet.answers)
    return
      "\(DecisionText.patientWords(patientID: hidesPatient ? DecisionText.hiddenPatient : sheet.patientID.map { AnswersError.printable($0) } ?? "No identifier", answers: sheet.answers)); \(DecisionText.complaint(sheet.answers)); saved \(time), \(sheet.answers.answeredCount) answers: \(DecisionText.statusWords(recommendation))"
  }
}
