import TriageEngine

extension AnswerSheet {
  /// The times the record holds that lie in the future at `now` (ISO 8601 with an offset), by
  /// key: `urgency_reached.at`, `assessed_at` and `bulk[i].at`. Five minutes of grace allow
  /// for clocks that differ a little between machines. A deadline counted from a future moment would show hours
  /// that are not there, so such a record is bad data. Empty when `now` cannot be read.
  public func futureTimes(now: String) -> [(key: String, value: String)] {
    guard let now = ClockTime(iso: now) else { return [] }
    var found: [(key: String, value: String)] = []
    func check(_ key: String, _ text: String?) {
      guard let text, let time = ClockTime(iso: text), time.utcMinutes > now.utcMinutes + 5
      else { return }
      found.append((key, text))
    }
    check("urgency_reached.at", urgencyClock?.reachedAt)
    check("assessed_at", assessedAt)
    for (index, record) in bulk.enumerated() { check("bulk[\(index)].at", record.at) }
    return found
  }
}
