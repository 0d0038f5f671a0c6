import ArgumentParser

/// How `evaluate` and `rules` print.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case json
  case text
}
