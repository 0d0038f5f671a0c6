/// A QuestionnaireResponse that cannot be read back into answers: names the item (linkId), or
/// the element of the resource, and what is wrong.
public struct FHIRResponseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The linkId of the offending item, or `nil` when the resource itself is wrong.
  public let linkId: String?
  /// The offending element when it is not an item, for example `resourceType`.
  public let element: String?
  /// What is wrong.
  public let message: String

  /// An error about the item `linkId`.
  public init(linkId: String, _ message: String) {
    self.linkId = linkId
    self.element = nil
    self.message = message
  }

  /// An error about an element of the resource (not an item).
  public init(element: String, _ message: String) {
    self.linkId = nil
    self.element = element
    self.message = message
  }

  public var description: String {
    if let linkId { return "QuestionnaireResponse item \"\(linkId)\": \(message)" }
    return "QuestionnaireResponse.\(element ?? "(resource)"): \(message)"
  }
}
