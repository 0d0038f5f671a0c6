import CProcess

/// Process-wide protection of patient data, applied first thing at start.
enum ProcessGuard {
  /// Turns core dumps off (`RLIMIT_CORE` 0, soft and hard, and `PR_SET_DUMPABLE` 0): a crash or
  /// a `kill -SEGV` must never leave the answers, identifiers or the screen in a core file or a
  /// crash collector. Best effort: a failure changes nothing else.
  static func disableCoreDumps() {
    _ = spine_disable_core_dumps()
  }
}
