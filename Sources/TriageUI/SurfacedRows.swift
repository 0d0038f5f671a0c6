import TriageEngine

/// Folded findings that an answer made relevant, shown together right below the row answered
/// (``AppState/surfacedByPage``).
public struct SurfacedRows: Hashable, Sendable {
  /// The row answered: the findings follow it.
  public let anchor: Item
  /// The findings, in catalogue order.
  public let findings: [Finding]

  /// The findings `findings` shown below `anchor`.
  public init(below anchor: Item, findings: [Finding]) {
    self.anchor = anchor
    self.findings = findings
  }
}
