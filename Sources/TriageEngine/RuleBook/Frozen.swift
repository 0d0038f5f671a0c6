/// A list built once and kept for the life of the program, read without reference counting.
///
/// The compiled book is built once, at first use, and never freed; holding its lists as
/// `Frozen` rather than `Array` makes every piece of it a trivial value, so evaluating a rule
/// copies no array and touches no reference count (a profile of `evaluate --jsonl` had a third
/// of its instructions in `swift_retain` and `swift_release` on the book's arrays).
struct Frozen<Element>: RandomAccessCollection, @unchecked Sendable {
  private let storage: UnsafePointer<Element>?
  let count: Int

  /// Copies `elements` into storage that is never freed.
  init(_ elements: [Element]) {
    count = elements.count
    guard !elements.isEmpty else {
      storage = nil
      return
    }
    let elementsCopy = UnsafeMutablePointer<Element>.allocate(capacity: elements.count)
    elementsCopy.initialize(from: elements, count: elements.count)
    storage = UnsafePointer(elementsCopy)
  }

  /// `count` elements made in order by `element(index)`, in storage that is never freed (no
  /// array in between).
  init(count: Int, _ element: (Int) -> Element) {
    self.count = count
    guard count > 0 else {
      storage = nil
      return
    }
    let elements = UnsafeMutablePointer<Element>.allocate(capacity: count)
    for index in 0..<count { (elements + index).initialize(to: element(index)) }
    storage = UnsafePointer(elements)
  }

  /// The first element (only for a list that is not empty).
  var base: UnsafePointer<Element> {
    precondition(count > 0, "an empty list has no first element")
    return storage.unsafelyUnwrapped
  }

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  @inline(__always) subscript(position: Int) -> Element {
    precondition(position >= 0 && position < count, "index out of range")
    return storage.unsafelyUnwrapped[position]
  }
}
