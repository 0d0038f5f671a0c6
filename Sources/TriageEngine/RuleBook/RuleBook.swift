/// The rule book: every indication rule as one declarative value (``BookRule``), one file per
/// clinical branch in this folder, evaluated by one loop (``BookEvaluator``).
///
/// The book is read in order: a condition may ask whether a rule earlier in the book has fired
/// (``Condition/fired(_:)``). Precedence (which rule chooses the main study when two set the same
/// urgency) is the order of ``RuleID``.
public enum RuleBook {
  /// The rule set's version, carried in every recommendation (`ruleset`).
  public static let version = "spine-triage-rules@3"

  /// Every rule of the book, in evaluation order (branch by branch).
  public static let book: [BookRule] =
    TraumaAdult.rules + TraumaChild.rules + Aorta.rules + CaudaEquina.rules + Cancer.rules
    + CordCompression.rules + Infection.rules + Neck.rules + LowBack.rules + Thoracic.rules
    + Child.rules

  /// Every rule's metadata, in precedence order.
  public static var rules: [Rule] { table }

  /// The book's rule for each identifier, indexed by ``RuleID/rawValue``.
  public static let byID: [BookRule] = {
    var rules = [BookRule?](repeating: nil, count: RuleID.allCases.count)
    for rule in book {
      precondition(rules[rule.id.rawValue] == nil, "\(rule.rule.id) is in the book twice")
      rules[rule.id.rawValue] = rule
    }
    return rules.enumerated().map { index, rule in
      guard let rule else { preconditionFailure("\(RuleID.allCases[index]) is not in the book") }
      return rule
    }
  }()

  @usableFromInline static let table: [Rule] = byID.map(\.rule)

  @usableFromInline static let urgencies: [Urgency?] = table.map(\.urgency)

  /// Looks a rule up by identifier.
  public static func rule(id: String) -> Rule? { table.first { $0.id == id } }

  /// The book's rules of each phase, in book order.
  static let indication = book.filter { $0.phase == .indication }
  static let fallback = book.filter { $0.phase == .fallback }
  static let notes = book.filter { $0.phase == .note }
  static let regionNotes = book.filter { $0.phase == .region }.sorted {
    $0.id.rawValue < $1.id.rawValue
  }

  // Sources, written once.
  static let acrTrauma = "ACR Appropriateness Criteria Suspected Spine Trauma (2019)"
  static let nexus = "NEXUS (Hoffman et al., NEJM 2000)"
  static let ccr = "Canadian C-Spine Rule (Stiell et al., JAMA 2001; NEJM 2003)"
  static let girft = "GIRFT National Suspected CES Pathway 2023"
  static let acrLBP = "ACR Appropriateness Criteria Low Back Pain (2021)"
  static let nice = "NICE NG234 Spinal metastases and MSCC (2023; CG75 2008 wording)"
  static let acrMyelopathy = "ACR Appropriateness Criteria Myelopathy (2020)"
  static let acrInfection = "ACR Appropriateness Criteria Suspected Spine Infection (2021)"
  static let acrCervical = "ACR Appropriateness Criteria Cervical Neck Pain or Radiculopathy (2018)"
  static let acp2007 = "ACP/APS guideline (Chou et al., Ann Intern Med 2007)"
  static let acp2011 = "ACP High-Value Care (Chou et al., Ann Intern Med 2011)"
  static let seed = "Seed article (iCliniq, Magana 2014, reviewed 2022)"

  static let pecarn =
    "PECARN cervical spine rule (Leonard et al., Lancet Child Adolesc Health 2024)"
  static let seh =
    "Spontaneous spinal epidural haematoma reviews (Kreppel et al. 2003; Fedor et al., Korean J Spine 2011)"
  static let aaa =
    "NICE NG156 Abdominal aortic aneurysm (2020); Verhagen et al., Eur Spine J 2016"
  static let east = "EAST guideline, cervical spine clearance (Patel et al., J Trauma 2015)"
  static let asFracture =
    "Fractures in ankylosing spondylitis (Ren et al., Quant Imaging Med Surg 2021)"

}

extension RuleBook {
  /// Rules whose MRI looks for compression of the cord or roots.
  static let compression: [RuleID] = book.filter(\.looksForCompression).map(\.id)
  /// Rules that assess the aorta before any spine imaging.
  static let aortaFirst: [RuleID] = book.filter(\.aortaFirst).map(\.id)
}
