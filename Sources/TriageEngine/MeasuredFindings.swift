extension Finding {
  /// The findings whose answer needs a measurement or a test, not a question or a bedside look:
  /// a laboratory result (ESR, CRP, white cell count; eGFR), a bladder scan (post-void residual),
  /// a thermometer, weight and height, or radiographs already taken. A "no" to one of them says
  /// the test was done and normal, so "No to the rest" never covers them: each is answered one by
  /// one, or recorded as not done.
  public static let measured = FindingSet([
    .abnormalLabs, .xrayDegenerative, .xrayOPLL, .urinaryRetention, .feverMeasured,
    .lowBodyWeight, .renalImpairment,
  ])

  /// Whether answering this finding needs a measurement or a test (see ``measured``).
  public var needsMeasurement: Bool { Finding.measured.contains(self) }
}
