import TriageEngine
import TriageFormats
import TriageUI

/// Renders a summary and writes it atomically into a folder (0600, never overwriting).
enum Exporter {
  static func write(_ kind: ExportKind, sheet: AnswerSheet, folder: String) throws(CLIFailure) -> String {
    throw CLIFailure("exports arrive with the document renderers", status: ExitStatus.cannotCreate)
  }
}
