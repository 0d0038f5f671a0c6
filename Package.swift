// swift-tools-version:6.0
import PackageDescription

/// SpineTriage: a bedside decision aid for spine imaging.
///
/// Layers, from the inside out (each depends only on the ones above it):
/// - `TriageEngine`: the pure decision logic (questions, answers, rules -> recommendation). No I/O.
/// - `TriageFormats`: strict JSON for answers and recommendations, text/HTML/FHIR documents. No I/O.
/// - `TriageUI`: the terminal UI core (state, actions, key map, update, render into a cell grid).
///   No ncurses.
/// - `CursesBackend`: the only code that calls ncurses (through the `CNcurses` system library).
/// - `SpineTriageCLI`: the commands (evaluate, rules, export, questionnaire, the UI, --plain) and the
///   file system (atomic writes, drafts).
/// - `spine-triage`: the thin executable.
let package = Package(
  name: "spine-triage",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "spine-triage", targets: ["spine-triage"]),
    .library(name: "TriageEngine", targets: ["TriageEngine"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .target(name: "TriageEngine"),
    .target(name: "TriageFormats", dependencies: ["TriageEngine"]),
    .target(name: "TriageUI", dependencies: ["TriageEngine", "TriageFormats"]),
    .systemLibrary(
      name: "CNcurses",
      providers: [.apt(["libncurses-dev"])]
    ),
    .target(name: "CursesBackend", dependencies: ["CNcurses", "TriageEngine", "TriageUI"]),
    // libcurl for `submit`, loaded with dlopen on that path only (never by the screens); the
    // headers come from libcurl4-openssl-dev at build time, libcurl4 is needed at run time.
    .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
    // Turns core dumps off (setrlimit and prctl; prctl is variadic, so it is called from C).
    .target(name: "CProcess"),
    .target(
      name: "SpineTriageCLI",
      dependencies: [
        "TriageEngine", "TriageFormats", "TriageUI", "CursesBackend", "CProcess", "CCurl",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "spine-triage", dependencies: ["SpineTriageCLI"]),
    // In-process benchmarks (release): engine time, key-to-frame time, JSONL input generator.
    .executableTarget(
      name: "triage-bench",
      dependencies: ["TriageEngine", "TriageFormats", "TriageUI", "CursesBackend"],
      path: "Sources/TriageBench"),
    .testTarget(
      name: "TriageEngineTests", dependencies: ["TriageEngine", "TriageFormats"],
      exclude: ["Golden"]),
    .testTarget(
      name: "TriageFormatsTests", dependencies: ["TriageFormats", "TriageEngine"],
      exclude: ["Documents/__Snapshots__"]),
    .testTarget(
      name: "TriageUITests", dependencies: ["TriageUI", "TriageEngine"],
      exclude: ["__Snapshots__"]),
    .testTarget(
      name: "CursesBackendTests", dependencies: ["CursesBackend", "TriageUI", "CNcurses"]),
    .testTarget(name: "EndToEndTests", dependencies: ["TriageEngine"]),
    .testTarget(
      name: "SpineTriageCLITests",
      dependencies: [
        "SpineTriageCLI", "TriageFormats",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
  ],
  swiftLanguageModes: [.v6]
)
