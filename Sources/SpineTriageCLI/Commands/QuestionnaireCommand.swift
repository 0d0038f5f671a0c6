import ArgumentParser
import TriageFormats

/// `spine-triage questionnaire`: the FHIR R4 Questionnaire (or the catalogue as a table).
struct QuestionnaireCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "questionnaire",
    abstract: "Print the questionnaire: the FHIR R4 Questionnaire resource, or a table.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case fhir, markdown, text
  }

  @Option(help: "fhir (the Questionnaire resource, JSON), markdown or text.")
  var format: Format = .fhir

  func run() throws {
    switch format {
    case .fhir:
      let settings: Settings
      do {
        settings = try SettingsLoader.load(environment: SettingsLoader.processEnvironment())
      } catch {
        throw error.exit()
      }
      try StandardStreams.writeOutputOrFail(
        FHIRQuestionnaire.string(base: settings.fhirBaseURL) + "\n")
    case .markdown: try StandardStreams.writeOutputOrFail(QuestionTable.markdown())
    case .text: try StandardStreams.writeOutputOrFail(QuestionTable.text())
    }
  }
}
