import TriageEngine
import TriageFormats
import TriageUI

/// Renders a summary and writes it atomically into a folder (0600, never overwriting).
enum Exporter {
  /// The file name extension of each kind.
  static func fileExtension(_ kind: ExportKind) -> String {
    switch kind {
    case .text: "txt"
    case .html: "html"
    case .fhir: "fhir.json"
    }
  }

  /// The context of a document made now for `sheet`: the build, the site's settings, the
  /// assessment's time and the operating-system user.
  static func context(sheet: AnswerSheet, generatedAt: String, settings: Settings)
    -> DocumentContext
  {
    var context = DocumentContext(
      programVersion: SpineTriage.version, generatedAt: generatedAt,
      consultationID: sheet.consultationID ?? SystemClock.uuid())
    context.siteName = settings.siteName
    context.fhirBaseURL = settings.fhirBaseURL
    context.patientIDSystem = settings.patientIDSystem
    context.clinicianIDSystem = settings.clinicianIDSystem
    context.operatorUser = OperatingSystemUser.name
    context.commit = BuildInfo.commit
    return context
  }

  /// The document for `sheet` in `kind`.
  static func document(
    _ kind: ExportKind, sheet: AnswerSheet, generatedAt: String, settings: Settings = Settings()
  ) -> String {
    let recommendation = TriageEngine.evaluate(sheet.answers)
    let context = context(sheet: sheet, generatedAt: generatedAt, settings: settings)
    let paper = settings.paper
    switch kind {
    case .text:
      return SummaryText.render(sheet: sheet, recommendation: recommendation, context: context)
    case .html:
      return SummaryHTML.render(
        sheet: sheet, recommendation: recommendation, context: context, paper: paper)
    case .fhir:
      return FHIRBundle.string(
        sheet: sheet, recommendation: recommendation, context: context) + "\n"
    }
  }

  /// The one-line note that the FHIR references are unqualified, if they are.
  static func unqualifiedNote(sheet: AnswerSheet, settings: Settings) -> String? {
    FHIRBundle.unqualifiedNote(
      sheet: sheet, context: context(sheet: sheet, generatedAt: "", settings: settings))
  }

  /// Writes the document to `path` (atomic, never overwriting): 0600, or 0640 in a
  /// group-shared folder. A file named on the command line (`-o FILE`) is checked like a folder
  /// given there: its folder must be writable by nobody else (``FolderPolicy``).
  static func write(
    _ kind: ExportKind, sheet: AnswerSheet, to path: String, use: FolderPolicy.Use = .keptPrivate,
    settings: Settings = Settings()
  ) throws(CLIFailure) {
    if use == .givenForOneFile {
      let folder = AppDirectories.parent(of: path)
      if let problem = FolderPolicy.problem(folder, for: .givenForOneFile) {
        throw CLIFailure(
          "\(path): not written: \(folder): \(problem)", status: ExitStatus.cannotCreate)
      }
    }
    let text = document(kind, sheet: sheet, generatedAt: SystemClock.iso8601(), settings: settings)
    try AtomicFile.write(
      Array(text.utf8), to: path, replace: false, mode: use == .groupShared ? 0o640 : 0o600)
  }

  /// Writes the document into `folder` under a fresh name; returns the path. `use`: what the
  /// folder must be (``FolderPolicy``; a missing private folder is created 0700, an existing one
  /// is checked, never changed).
  static func write(
    _ kind: ExportKind, sheet: AnswerSheet, folder: String,
    use: FolderPolicy.Use = .keptPrivate, settings: Settings = Settings()
  ) throws(CLIFailure) -> String {
    try AppDirectories.ensure(folder, for: use)
    let id = String((sheet.consultationID ?? SystemClock.uuid()).prefix(8))
    let stem = "\(folder)/spine-triage-\(SystemClock.fileStamp())-\(id)"
    var path = "\(stem).\(fileExtension(kind))"
    var attempt = 1
    while AtomicFile.exists(path) && attempt < 100 {
      attempt += 1
      path = "\(stem)-\(attempt).\(fileExtension(kind))"
    }
    try write(
      kind, sheet: sheet, to: path, use: use == .groupShared ? .groupShared : .keptPrivate,
      settings: settings)
    return path
  }
}
