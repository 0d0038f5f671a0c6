#!/usr/bin/env bash
# SpineTriage benchmarks, side by side with dialog and whiptail on the same 12-item checklist
# (shared/tools/dialog12.args), 80x24, TERM=xterm-256color, through a real pty (ttybench.py):
# the three programs are run in turn, one run of each per round, so that the load of a shared
# machine falls on all of them alike; medians. Then the instructions each executes from exec to
# its first frame (scripts/startup-trace.py, callgrind: independent of the load), the in-process
# benchmarks (triage-bench) and the JSONL throughput.
# Usage: Tests/Performance/run-benchmarks.sh [RUNS]   (default 30). Prints a Markdown report.
# SpineTriage is the installed release (scripts/release.sh, then the .deb installed): the binary
# a terminal runs, not a development build.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-30}
args_file=../shared/tools/dialog12.args
[ -f "$args_file" ] || args_file=Tests/Performance/dialog12.args

if ! command -v dialog >/dev/null || ! command -v whiptail >/dev/null || ! command -v taskset >/dev/null \
  || ! command -v valgrind >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dialog whiptail \
    util-linux valgrind >/dev/null
fi
# What ships: the Debian package from scripts/release.sh, installed, and its /usr/bin binary
# measured (static Swift standard library, stripped, PIE). Installing needs root (apt-get).
deb=$(scripts/release.sh dist 2>/dev/null | tail -n 1)
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "./$(realpath --relative-to=. "$deb")" >/dev/null
bin=/usr/bin/spine-triage
# The in-process benchmarks, built with the release's flags (so they share its objects).
# (the release's compiler flags and build folder: scripts/release-flags.sh)
source scripts/release-flags.sh
swift build "${release_flags[@]}" --product triage-bench >/dev/null
bench=$(swift build "${release_flags[@]}" --show-bin-path)/triage-bench
mapfile -t dialog_args < "$args_file"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# SpineTriage: Tab to History (a screen change), Down, Down, Up on findings; then to MRI safety
# and Space on "Claustrophobia" with no MRI planned: a toggle that does not change the
# recommendation. Idle CPU is read over 1 s before the keys. A fresh state folder each run.
python3 - "$bin" "$work/programs.json" "${dialog_args[@]}" <<'PY'
import json, sys
binary, path, dialog = sys.argv[1], sys.argv[2], sys.argv[3:]
keys = "TAB,DOWN,DOWN,UP,TAB,TAB,DOWN,DOWN,DOWN,DOWN,DOWN,DOWN,DOWN,DOWN,DOWN,DOWN,SPACE"
json.dump({
  "spine": {"cmd": [binary], "marker": "INCOMPLETE", "env": ["XDG_STATE_HOME=@tmpdir"],
            "idle": 1, "keys": keys},
  "dialog": {"cmd": ["dialog"] + dialog, "marker": "despite care", "idle": 1,
             "keys": "SPACE,DOWN,DOWN,UP,TAB"},
  "whiptail": {"cmd": ["whiptail"] + dialog, "marker": "despite care", "idle": 1,
               "keys": "SPACE,DOWN,DOWN,UP,TAB"},
}, open(path, "w"))
PY
python3 Tests/Performance/ttybench.py --programs "$work/programs.json" --runs "$runs" \
  --term xterm-256color --cols 80 --rows 24 > "$work/tty.json"
# Instructions from exec to the first frame (the loader included), under callgrind.
count="python3 scripts/startup-trace.py count --term xterm-256color --cols 80 --rows 24"
$count --marker INCOMPLETE --env XDG_STATE_HOME=@tmpdir -- "$bin" > "$work/spine-ir.json"
$count --marker "q quit" --env XDG_STATE_HOME=@tmpdir \
  -- "$bin" --load Tests/Fixtures/emergency-ces.json > "$work/spine-load-ir.json"
$count --marker "despite care" -- dialog "${dialog_args[@]}" > "$work/dialog-ir.json"
$count --marker "despite care" -- whiptail "${dialog_args[@]}" > "$work/whiptail-ir.json"

# Pinned to one core, as the JSONL run below: a move between cores in the middle of a run shows
# as a slower median on a shared machine.
taskset -c 0 "$bench" engine 200000 > "$work/engine.json"
taskset -c 0 "$bench" keys 10000 > "$work/keys.json"
"$bench" generate 1000000 > "$work/a1m.jsonl"
head -n 100000 "$work/a1m.jsonl" > "$work/a100k.jsonl"
measure_jsonl() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" taskset -c 0 "$bin" evaluate --jsonl "$1" > /dev/null
  cat "$work/time.txt"
}
read -r t100k rss100k < <(measure_jsonl "$work/a100k.jsonl")
read -r t1m rss1m < <(measure_jsonl "$work/a1m.jsonl")

python3 - "$work" "$t100k" "$rss100k" "$t1m" "$rss1m" "$runs" <<'PY'
import json, sys, platform, os, subprocess
work, t100k, rss100k, t1m, rss1m, runs = sys.argv[1:]
load = lambda name: json.load(open(f"{work}/{name}"))
tty = load("tty.json")
spine, dialog, whiptail = tty["spine"], tty["dialog"], tty["whiptail"]
ir = {name: load(f"{name}-ir.json")["instructions"] for name in ("spine", "spine-load", "dialog", "whiptail")}
engine, keys = load("engine.json"), load("keys.json")
def key(summary, name, nth=0):
    found = [k for k in summary["keys"] if k["key"] == name]
    return found[nth]["bytes"] if len(found) > nth else None
def mib(kib): return f"{kib / 1024:.1f} MiB"
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
ratio = spine["first_frame_ms"] / dialog["first_frame_ms"]
def millions(n): return f"{n / 1e6:.2f} M"
rows = [
  ("first complete frame, median ms", f"{spine['first_frame_ms']:.2f} ({ratio:.2f}x dialog)", f"{dialog['first_frame_ms']:.2f}", f"{whiptail['first_frame_ms']:.2f}", "no slower than dialog"),
  ("instructions to the first frame (callgrind)", f"{millions(ir['spine'])} ({ir['spine'] / ir['dialog']:.2f}x dialog)", millions(ir["dialog"]), millions(ir["whiptail"]), "-"),
  ("the same with `--load FILE`", millions(ir["spine-load"]), "-", "-", "-"),
  ("first frame, bytes", spine["first_frame_bytes"], dialog["first_frame_bytes"], whiptail["first_frame_bytes"], "<= dialog"),
  ("Space (toggle, recommendation unchanged), bytes", key(spine, "SPACE"), key(dialog, "SPACE"), key(whiptail, "SPACE"), "<= dialog"),
  ("Down, bytes", key(spine, "DOWN", 1), key(dialog, "DOWN", 1), key(whiptail, "DOWN", 1), "<= dialog"),
  ("Up, bytes", key(spine, "UP"), key(dialog, "UP"), key(whiptail, "UP"), "<= dialog"),
  ("screen change (Tab), bytes", key(spine, "TAB"), key(dialog, "TAB"), key(whiptail, "TAB"), "-"),
  ("peak resident memory", f"{mib(spine['peak_rss_kib'])} ({spine['peak_rss_kib'] / dialog['peak_rss_kib']:.2f}x dialog)", mib(dialog["peak_rss_kib"]), mib(whiptail["peak_rss_kib"]), "<= 2.5x dialog"),
  ("CPU ticks while idle 1 s", spine["idle_cpu_ticks"], dialog["idle_cpu_ticks"], whiptail["idle_cpu_ticks"], "0"),
]
version = subprocess.run(["/usr/bin/spine-triage", "--version"], capture_output=True, text=True).stdout.split("\n")
print(f"Measured {os.popen('date -u +%Y-%m-%dT%H:%MZ').read().strip()} on {platform.machine()} Linux, {os.cpu_count()} cores ({cpu}); "
      f"80x24, TERM=xterm-256color, {runs} runs each in turn, medians; load average {os.getloadavg()[0]:.1f} when the report was written; `Tests/Performance/run-benchmarks.sh`; "
      f"SpineTriage is the installed package's /usr/bin/spine-triage ({version[0]}, {version[2] if len(version) > 2 else ''}).\n")
print("| measure | SpineTriage | dialog 1.3 | whiptail 0.52 | target |\n|---|---|---|---|---|")
for row in rows: print("| " + " | ".join(str(c) for c in row) + " |")
print()
print("| in-process (release) | result | target |\n|---|---|---|")
print(f"| key to presented frame, 10,000 scripted keys (update + render + curses) | p50 {keys['key_to_frame_p50_us']:.0f} us, p99 {keys['key_to_frame_p99_us']:.0f} us | p99 < 1 ms |")
print(f"| engine, one full assessment (200,000 generated) | median {engine['evaluate_p50_us']:.2f} us (p99 {engine['evaluate_p99_us']:.2f}); urgency alone {engine['urgency_p50_us']:.2f} us | < 5 us |")
rate = 1_000_000 / float(t1m)
print(f"| `evaluate --jsonl`, 1,000,000 generated assessments, one core | {rate:,.0f} per second ({float(t1m):.1f} s) | >= 150,000/s (goal 250,000) |")
print(f"| `evaluate --jsonl` peak memory, 100,000 vs 1,000,000 lines | {mib(int(rss100k))} vs {mib(int(rss1m))} | flat |")
PY
