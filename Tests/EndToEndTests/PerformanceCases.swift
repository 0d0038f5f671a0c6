import Foundation

/// The scripted key cases kept in `Tests/Performance/` (read by keybench.py too).
enum PerformanceCases {
  /// A cases file: `{"cases": [...]}`.
  struct File<Case: Decodable>: Decodable { let cases: [Case] }

  /// The `cases` of `Tests/Performance/NAME`; empty when the file cannot be read.
  static func load<Case: Decodable>(_ name: String) -> [Case] {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Performance/\(name)")
    guard let data = try? Data(contentsOf: file),
      let decoded = try? JSONDecoder().decode(File<Case>.self, from: data)
    else { return [] }
    return decoded.cases
  }
}
