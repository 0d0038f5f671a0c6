/// The numeric inputs, as a small option set (which numbers contributed to a rule).
public struct NumericInputs: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// `age`
  public static let age = NumericInputs(rawValue: 1)
  /// `symptom_weeks`
  public static let symptomWeeks = NumericInputs(rawValue: 2)
  /// `conservative_weeks`
  public static let conservativeWeeks = NumericInputs(rawValue: 4)
  /// `sex`
  public static let sex = NumericInputs(rawValue: 8)

  /// Each input with its identifier and its words, in contract order.
  static let names: [(input: NumericInputs, id: String, label: String)] = [
    (.age, "age", "Age"), (.sex, "sex", "Sex"),
    (.symptomWeeks, "symptom_weeks", "Weeks of symptoms"),
    (.conservativeWeeks, "conservative_weeks", "Weeks of conservative care"),
  ]

  /// The inputs in the set in words, in contract order.
  public var labels: [String] { Self.names.filter { contains($0.input) }.map(\.label) }

  /// The identifiers of the inputs in the set, in contract order.
  public var ids: [String] { Self.names.filter { contains($0.input) }.map(\.id) }
}
