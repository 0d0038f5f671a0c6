import CursesBackend
import TriageEngine
import TriageFormats
import TriageUI

#if canImport(Glibc)
  import Glibc
#endif

/// In-process benchmarks (release build): `triage-bench engine | keys | generate N`.
/// Prints one JSON object per benchmark; Tests/Performance/run-benchmarks.sh collects them.
let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "engine": engineBenchmark(count: Int(arguments.dropFirst().first ?? "") ?? 200_000)
case "keys": keysBenchmark(count: Int(arguments.dropFirst().first ?? "") ?? 10_000)
case "generate": generate(count: Int(arguments.dropFirst().first ?? "") ?? 1_000_000)
default:
  print("usage: triage-bench engine [N] | keys [N] | generate N")
  exit(64)
}

/// Random realistic answers: each finding unknown, no or yes, mostly unknown or no.
func randomAnswers(_ generator: inout SplitMix64) -> Answers {
  var answers = Answers()
  answers.age =
    Int.random(in: 0...100, using: &generator) < 90
    ? Int.random(in: 16...95, using: &generator) : nil
  let weeks = Int.random(in: 0...60, using: &generator)
  answers.symptomWeeks = weeks
  answers.conservativeWeeks = Int.random(in: 0...weeks, using: &generator)
  for finding in Finding.allCases {
    switch Int.random(in: 0..<20, using: &generator) {
    case 0: answers[finding] = .yes
    case 1..<9: answers[finding] = .no
    default: break
    }
  }
  return answers
}

func engineBenchmark(count: Int) {
  var generator = SplitMix64(state: 42)
  let sets = (0..<count).map { _ in randomAnswers(&generator) }
  var full = Distribution(samples: [])
  full.samples.reserveCapacity(count)
  var checksum = 0
  for answers in sets {
    let start = nanoseconds()
    let recommendation = TriageEngine.evaluate(answers)
    full.samples.append(nanoseconds() - start)
    checksum &+= recommendation.urgency.rawValue
  }
  var urgencyOnly = Distribution(samples: [])
  urgencyOnly.samples.reserveCapacity(count)
  for answers in sets {
    let start = nanoseconds()
    checksum &+= TriageEngine.urgency(of: answers).rawValue
    urgencyOnly.samples.append(nanoseconds() - start)
  }
  print(
    "{\"benchmark\":\"engine\",\"assessments\":\(count),\"evaluate_p50_us\":\(full.percentile(0.5) / 1000),\"evaluate_p99_us\":\(full.percentile(0.99) / 1000),\"urgency_p50_us\":\(urgencyOnly.percentile(0.5) / 1000),\"checksum\":\(checksum)}"
  )
}

/// A scripted session: navigation, answers, numbers, screen changes, help, resizes; each key
/// goes through the key map, `Update`, `Renderer` and the real curses backend (output to
/// /dev/null at 80x24), and is timed from key to presented frame.
func keysBenchmark(count: Int) {
  setenv("LINES", "24", 1)
  setenv("COLUMNS", "80", 1)
  setenv("TERM", "xterm-256color", 1)
  setenv("LC_ALL", "C.UTF-8", 1)
  guard
    let terminal = try? CursesTerminal(
      input: fopen("/dev/null", "r"), output: fopen("/dev/null", "w"), noColor: false,
      installSignalHandlers: false)
  else {
    print("{\"benchmark\":\"keys\",\"error\":\"no terminal\"}")
    exit(69)
  }
  let script: [Key] = [
    .down, .down, .down, .down, .character("y"), .down, .character("n"), .down, .character(" "),
    .tab, .character("y"), .down, .character("n"), .down, .down, .character(" "), .up,
    .tab, .character("y"), .down, .down, .character("n"), .tab, .down, .character("y"),
    .backTab, .backTab, .pageDown, .pageUp, .character("?"), .escape, .character("u"),
    .character("6"), .down, .down, .pageDown, .character("1"), .character("4"), .character("5"),
    .backspace, .backspace,
  ]
  let keyMap = KeyMap.standard
  var state = AppState(sheet: AnswerSheet(), size: terminal.size)
  terminal.present(Renderer.render(state, glyphs: terminal.glyphs))
  var samples = Distribution(samples: [])
  samples.samples.reserveCapacity(count)
  for index in 0..<count {
    let key = script[index % script.count]
    let start = nanoseconds()
    if let action = keyMap.action(for: key, in: state) {
      _ = Update.apply(action, to: &state)
    }
    terminal.present(Renderer.render(state, glyphs: terminal.glyphs))
    samples.samples.append(nanoseconds() - start)
    if state.finished || state.mode == .confirmQuit { state.mode = .normal }
  }
  terminal.restore()
  print(
    "{\"benchmark\":\"keys\",\"keys\":\(count),\"key_to_frame_p50_us\":\(samples.percentile(0.5) / 1000),\"key_to_frame_p99_us\":\(samples.percentile(0.99) / 1000),\"key_to_frame_max_us\":\(samples.percentile(1.0) / 1000)}"
  )
}

/// Writes `count` answers objects, one per line, to standard output.
func generate(count: Int) {
  var generator = SplitMix64(state: 7)
  var buffer = ""
  buffer.reserveCapacity(1 << 20)
  for _ in 0..<count {
    buffer += AnswersCodec.encode(AnswerSheet(answers: randomAnswers(&generator)), pretty: false)
    buffer += "\n"
    if buffer.utf8.count > 1 << 20 {
      writeOut(buffer)
      buffer.removeAll(keepingCapacity: true)
    }
  }
  writeOut(buffer)
}

/// Writes all of `text` to standard output.
func writeOut(_ text: String) {
  var text = text
  text.withUTF8 { buffer in
    var offset = 0
    while offset < buffer.count {
      let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
      if written <= 0 { return }
      offset += written
    }
  }
}
