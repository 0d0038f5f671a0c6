# Sourced by scripts/release.sh and Tests/Performance/run-benchmarks.sh: the compiler and
# linker flags of the shipped binary, and the build folder they use.
#
# Each function in a section of its own (-function-sections) and the link by lld
# (-use-ld=lld), so that the functions that run at start can be placed together (the order
# file of scripts/release.sh). Each was measured and kept because it pays (README, Performance).
release_flags=(-c release --static-swift-stdlib -Xswiftc -DSPINE_TRIAGE_RELEASE_STAMP
  -Xswiftc -use-ld=lld -Xswiftc -Xfrontend -Xswiftc -function-sections)
# Hardening: no RUNPATH ($ORIGIN would load a libncursesw.so.6 planted beside a copy of the
# binary), full RELRO with immediate binding (-z now), and _FORTIFY_SOURCE for the C we compile
# (CProcess, the ncurses shim).
release_flags+=(--disable-local-rpath -Xlinker -z -Xlinker now -Xlinker -z -Xlinker relro
  -Xcc -D_FORTIFY_SOURCE=2 -Xcc -O2)
# A build folder of these flags only: SwiftPM does not recompile a module whose sources did not
# change when only -Xswiftc flags did, so a folder shared with other flags could ship objects
# built without them.
release_flags+=(--scratch-path
  ".build/release-$(printf '%s ' "${release_flags[@]}" | sha256sum | cut -c1-12)")
