/// Room for three lists of different types in one temporary allocation.
///
/// `withUnsafeTemporaryAllocation` puts anything above 1 KiB on the heap on Linux, so three
/// lists of that size cost three allocations; carved out of one, they cost one.
enum TemporaryBuffers {
  /// Calls `body` with uninitialised room for `counts.0` elements of `A`, `counts.1` of `B`
  /// and `counts.2` of `C` (each list aligned for its type, none overlapping).
  static func with<A, B, C, Result>(
    _: A.Type, _: B.Type, _: C.Type, counts: (Int, Int, Int),
    _ body: (
      UnsafeMutableBufferPointer<A>, UnsafeMutableBufferPointer<B>, UnsafeMutableBufferPointer<C>
    ) -> Result
  ) -> Result {
    func aligned(_ offset: Int, _ alignment: Int) -> Int {
      (offset + alignment - 1) / alignment * alignment
    }
    let b = aligned(MemoryLayout<A>.stride * counts.0, MemoryLayout<B>.alignment)
    let c = aligned(b + MemoryLayout<B>.stride * counts.1, MemoryLayout<C>.alignment)
    let end = c + MemoryLayout<C>.stride * counts.2
    let alignment = max(
      MemoryLayout<A>.alignment, MemoryLayout<B>.alignment, MemoryLayout<C>.alignment)
    return withUnsafeTemporaryAllocation(byteCount: max(end, 1), alignment: alignment) { raw in
      let base = raw.baseAddress!
      return body(
        UnsafeMutableBufferPointer(
          start: base.bindMemory(to: A.self, capacity: counts.0), count: counts.0),
        UnsafeMutableBufferPointer(
          start: (base + b).bindMemory(to: B.self, capacity: counts.1), count: counts.1),
        UnsafeMutableBufferPointer(
          start: (base + c).bindMemory(to: C.self, capacity: counts.2), count: counts.2))
    }
  }
}
