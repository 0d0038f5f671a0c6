/// Every rule of the engine, in precedence order: when two rules set the same urgency, the one
/// listed first chooses the main study. Each identifier has one value in the book
/// (``RuleBook``), in the file of its clinical branch;
/// `TR-0`, `TR-6` to `TR-8`, `INF-3`, `INF-4`, `NEXUS-*`, `CCR-*`, `PECARN-*`, `SEH-*`, `AAA-*`,
/// `FX-1`, `PED-*`, `TR-9`, `TR-10`, `TH-*`, `RF-1`, `AX-1` and `SEED-*` are ours (rule sets 2
/// and 3 add several; see CHANGELOG.md).
public enum RuleID: Int, Sendable, CaseIterable, Hashable {
  // Trauma branch (first)
  case tr7, tr0, tr8, tr2, pecarn1, tr3, pecarn2, tr4, tr9, ped4, tr6, tr1, pecarn0, tr5
  case nexusPositive, nexusNegative
  case ccrHighRisk, ccrNoLowRisk, ccrCannotRotate, ccrNegative, ccrNotApplicable
  // Aorta before any spine imaging
  case aaa2
  // Emergency neurological branch
  case ces1, lbp4, ces3, ces2, ca2, my1, seh1, inf3
  // Urgent
  case aaa1, inf1, inf2, nk4, acp2, seh2, ped3
  // Soon
  case ca1, nk5, lbp7, rf1, acp4, inf4, my2, lbp6, fx1, nkRF, ped2
  // Routine
  case lbp5, th2, nk3, lbp3, acp3, nk2, nk8, nk9, nk7, acp5
  // No imaging now
  case nk6, lbp1, lbp2, cw1, acp1, nice1, nk1, th1, ax1, ped1, tr10
  // Region and explanatory notes, and where the seed differs
  case rg1, rg2, rg3, rg4, rg5, rg6, seed1, seed5, seed6, seed7

  /// The rule's metadata.
  @inlinable public var rule: Rule { RuleBook.table[rawValue] }

  /// The urgency the rule sets (a table lookup without copying the rule's strings).
  @inlinable public var urgency: Urgency? { RuleBook.urgencies[rawValue] }
}
