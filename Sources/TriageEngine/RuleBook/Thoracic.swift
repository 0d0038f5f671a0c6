extension RuleBook {
  /// Interscapular (thoracic) pain.
  enum Thoracic {
    static let rules: [BookRule] = [
      BookRule(
        .rg5,
        Rule(
          id: "RG-5",
          title:
            "Pain between the shoulder blades comes from the lower cervical or upper thoracic spine; with arm radiation, the cervical spine",
          urgency: nil,
          source: "\(seed) heuristic; NICE CG75 (thoracic pain with cancer)",
          year: 2022,
          certainty: .unverified), phase: .region,
        when: .all([.site(.midBack), .planned]), evidence: [.of([.painMidBack, .radiatesArm])])
    ]
  }
}
