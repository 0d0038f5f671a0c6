/// Percentiles of durations in nanoseconds.
struct Distribution {
  var samples: [UInt64]

  func percentile(_ p: Double) -> Double {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return 0 }
    let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))
    return Double(sorted[index])
  }
}
