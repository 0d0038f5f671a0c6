/// What a FHIR server answered to a transaction (``FHIRBundle/Kind/transaction``): the
/// `transaction-response` Bundle's entries, or the reason an `OperationOutcome` gives.
public struct FHIRTransactionResponse: Sendable, Equatable {
  /// One entry's outcome, in the order of the request's entries.
  public struct Entry: Sendable, Equatable {
    /// The HTTP status line of the entry, for example `201 Created` or `200 OK`.
    public var status: String
    /// Where the resource is, for example `Observation/12/_history/1`; `nil` if not said.
    public var location: String?

    /// Whether the entry created a resource (201), rather than finding one (200).
    public var created: Bool { status.hasPrefix("201") }
    /// The resource's type and id (`Observation/12`), without the version.
    public var resource: String? {
      guard let location else { return nil }
      var parts = location.split(separator: "/")
      if parts.count >= 2, parts[parts.count - 2] == "_history" { parts.removeLast(2) }
      guard parts.count >= 2 else { return location }
      return parts.suffix(2).joined(separator: "/")
    }
  }

  /// The entries.
  public var entries: [Entry]

  /// Reads a transaction-response Bundle; `nil` when `bytes` is not one.
  public static func parse(_ bytes: [UInt8]) -> FHIRTransactionResponse? {
    guard let value = try? JSONParser.parse(bytes), case .object(let members) = value,
      string(members, "resourceType") == "Bundle",
      string(members, "type") == "transaction-response"
    else { return nil }
    var entries: [Entry] = []
    for entry in array(members, "entry") {
      guard case .object(let entryMembers) = entry,
        case .object(let response)? = entryMembers.first(where: { $0.key == "response" })?.value,
        let status = string(response, "status")
      else { return nil }
      entries.append(Entry(status: status, location: string(response, "location")))
    }
    return FHIRTransactionResponse(entries: entries)
  }

  /// The reason an `OperationOutcome` gives (its issues' `diagnostics` or `details.text`,
  /// joined, at most 300 characters, control characters removed), or `nil` when `bytes` is
  /// not an OperationOutcome.
  public static func reason(_ bytes: [UInt8]) -> String? {
    guard let value = try? JSONParser.parse(bytes), case .object(let members) = value,
      string(members, "resourceType") == "OperationOutcome"
    else { return nil }
    var texts: [String] = []
    for issue in array(members, "issue") {
      guard case .object(let issueMembers) = issue else { continue }
      if let text = string(issueMembers, "diagnostics") {
        texts.append(text)
      } else if case .object(let details)? = issueMembers.first(where: { $0.key == "details" })?
        .value, let text = string(details, "text")
      {
        texts.append(text)
      }
    }
    guard !texts.isEmpty else { return nil }
    let joined = texts.joined(separator: "; ")
    return AnswersError.printable(joined, limit: 300)
  }

  static func string(_ members: [(key: String, value: JSONValue)], _ key: String) -> String? {
    guard case .string(let text)? = members.first(where: { $0.key == key })?.value else {
      return nil
    }
    return text
  }

  static func array(_ members: [(key: String, value: JSONValue)], _ key: String) -> [JSONValue] {
    guard case .array(let items)? = members.first(where: { $0.key == key })?.value else {
      return []
    }
    return items
  }
}
