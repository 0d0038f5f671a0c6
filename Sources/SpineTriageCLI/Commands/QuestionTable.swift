import TriageEngine

/// The question catalogue as Markdown and text (README.md, `questionnaire --format`).
public enum QuestionTable {
  /// One table per screen: identifier, wording, help, when it is asked (``Visibility``),
  /// origin.
  public static func markdown() -> String {
    var out = ""
    for screen in QuestionScreen.allCases {
      out +=
        "\n**\(screen.title)** (`\(screen.rawValue)`)\n\n| id | question | help | asked | from |\n|---|---|---|---|---|\n"
      for question in QuestionCatalogue.questions(on: screen) {
        out +=
          "| `\(question.id)` | \(question.text) | \(question.help) | \(question.shownWhen.words) | \(question.origin) |\n"
      }
    }
    return out
  }

  /// Plain text: screen, then `id  wording`.
  public static func text() -> String {
    var out = ""
    for screen in QuestionScreen.allCases {
      out += "\(screen.title) (\(screen.rawValue))\n"
      for question in QuestionCatalogue.questions(on: screen) {
        out += "  \(question.id.padding(24)) \(question.text)\n"
      }
    }
    return out
  }
}
