import CProcess

/// The program's memory at start.
enum ProcessMemory {
  /// Gives back the pages of the program's relocation tables (about 1 MiB that the dynamic
  /// loader reads once, at exec, and never again): the screens then open in less memory. Best
  /// effort; returns the bytes given back.
  @discardableResult
  static func releaseLoaderTables() -> Int {
    Int(spine_release_relocation_tables())
  }
}
