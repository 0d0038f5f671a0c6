/// The paper an HTML summary is printed on.
public enum PaperSize: String, Sendable, CaseIterable, Hashable {
  /// Whatever the printer uses (`@page { size: auto }`): the layout fits both A4 and US Letter.
  case any
  /// ISO A4, 210 x 297 mm.
  case a4
  /// US Letter, 8.5 x 11 in.
  case letter
}
