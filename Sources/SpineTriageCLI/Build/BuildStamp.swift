// The development stamp. `scripts/release.sh` writes `BuildStamp+Release.swift` beside this file
// (git-ignored) with the commit and the build time, and builds with
// `-Xswiftc -DSPINE_TRIAGE_RELEASE_STAMP`, which switches this one off.
#if !SPINE_TRIAGE_RELEASE_STAMP
  /// The build's stamp: none in a development build.
  enum BuildStamp {
    static let commit: String? = nil
    static let builtAt: String? = nil
  }
#endif
