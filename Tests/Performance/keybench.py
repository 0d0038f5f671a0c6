#!/usr/bin/env python3
"""keybench.py: keys a clinician presses to reach a decision, measured on the real binary.

Each case of keystroke-cases.json is a scripted key sequence typed into `spine-triage` running in
a private tmux server at 80x24 (its own socket, fresh state and export folders). The keys are
sent one at a time; after each key the script waits until the screen has settled, then reads the
draft the program saved (the answers so far) and evaluates it with `EVALUATOR evaluate` (the
same engine, as JSON). It records the first key after which the urgency is the case's expected
one, the first key after which the recommendation is final with that urgency, and the length of
the whole script (the complete scripted assessment).

"Final" is the evaluator's `status` when it reports one, else (rule set 1 binaries) "nothing in
`missing`". Passing the new binary as --evaluator while driving an older binary measures the old
key design against today's clinical standard.

Usage: keybench.py [--binary BIN] [--evaluator BIN] [--script after|before] [--json]
                   [--cases FILE] [--only NAME] [--before-binary OLD]
With --before-binary, OLD (a build of the old key design) is driven with the cases' "before"
scripts and judged by its own engine (it cannot ask the questions added since), BIN by BIN's,
and one table compares them.
Keys are tmux key names (Down, Tab, Enter, Escape, Space, BTab) or single characters.
"""
import argparse, glob, json, os, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))


def tmux(socket, *args, check=True):
    result = subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True,
                            stdin=subprocess.DEVNULL)
    if check and result.returncode != 0:
        raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def newest_draft(state):
    files = [f for f in glob.glob(os.path.join(state, "**", "*.json"), recursive=True)
             if "corrupt" not in os.path.basename(f)]
    return max(files, key=os.path.getmtime) if files else None


def evaluate(evaluator, draft):
    """The recommendation JSON for the draft (empty answers before the first draft)."""
    if draft is None:
        result = subprocess.run([evaluator, "evaluate", "-"], input="{}", capture_output=True,
                                text=True)
    else:
        result = subprocess.run([evaluator, "evaluate", draft], capture_output=True, text=True,
                                stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise RuntimeError(f"evaluate failed ({result.returncode}): {result.stderr.strip()}")
    return json.loads(result.stdout)


def is_final(recommendation):
    if "status" in recommendation:
        return recommendation["status"] == "final"
    return not recommendation.get("missing")


def settle(socket, before, timeout=2.0):
    """Waits until the screen differs from `before` and then holds still for 3 polls."""
    deadline = time.time() + timeout
    last, stable = None, 0
    while time.time() < deadline:
        screen = tmux(socket, "capture-pane", "-p", "-t", "main")
        if screen != before and screen == last:
            stable += 1
            if stable >= 3:
                return screen
        else:
            stable = 0
        last = screen
        time.sleep(0.02)
    return last


def run_case(case, keys, binary, evaluator):
    socket = f"keybench-{os.getpid()}-{case['name'].replace(' ', '-')}"
    work = tempfile.mkdtemp(prefix="keybench-")
    state, exports = os.path.join(work, "state"), os.path.join(work, "exports")
    env = (f"env HOME={work} XDG_STATE_HOME={state} SPINE_TRIAGE_DIR={exports} LANG=C.UTF-8 "
           f"TERM=xterm-256color SWIFT_BACKTRACE=interactive=no")
    try:
        tmux(socket, "-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", "-s", "main",
             f"{env} {binary}; sleep 600")
        deadline = time.time() + 10
        screen = ""
        while time.time() < deadline and "SpineTriage" not in screen:
            screen = tmux(socket, "capture-pane", "-p", "-t", "main")
            time.sleep(0.05)
        screen = settle(socket, "")
        urgency_at = final_at = None
        trace = []
        for index, key in enumerate(keys, start=1):
            tmux(socket, "send-keys", "-t", "main", key)
            screen = settle(socket, screen)
            rec = evaluate(evaluator, newest_draft(state))
            final = is_final(rec)
            trace.append((key, rec["urgency"], rec.get("status", "final" if final else "-")))
            if urgency_at is None and rec["urgency"] == case["urgency"]:
                urgency_at = index
            if final_at is None and final and rec["urgency"] == case["urgency"]:
                final_at = index
        end = evaluate(evaluator, newest_draft(state))
        return {"name": case["name"], "expected": case["urgency"], "keys": len(keys),
                "to_urgency": urgency_at, "to_final": final_at, "end_urgency": end["urgency"],
                "end_status": end.get("status", "final" if is_final(end) else "provisional"),
                "trace": trace}
    finally:
        tmux(socket, "kill-server", check=False)
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/spine-triage")
    parser.add_argument("--evaluator", default=None)
    parser.add_argument("--script", choices=["after", "before"], default="after")
    parser.add_argument("--cases", default=os.path.join(HERE, "keystroke-cases.json"))
    parser.add_argument("--only", default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--before-binary", default=None)
    args = parser.parse_args()
    if not shutil.which("tmux"):
        sys.exit("keybench.py: tmux is not installed")
    binary = os.path.abspath(args.binary)
    evaluator = os.path.abspath(args.evaluator or args.binary)
    cases = json.load(open(args.cases))["cases"]
    results = []
    for case in cases:
        if args.only and args.only not in case["name"]:
            continue
        results.append(run_case(case, case[args.script], binary, evaluator))
    if args.before_binary:
        old = os.path.abspath(args.before_binary)
        # The old binary is judged by its own engine (it cannot ask questions added since).
        before = [run_case(c, c["before"], old, old) for c in cases
                  if not args.only or args.only in c["name"]]
        show = lambda n: "not reached" if n is None else str(n)
        ratio = lambda a, b: f"{a / b:.1f}x" if a and b else "-"
        print("| case | expected | keys to the right urgency, before / now | keys to FINAL, "
              "before / now | whole assessment, before / now | fewer keys, whole assessment |")
        print("|---|---|---|---|---|---|")
        for b, a in zip(before, results):
            print(f"| {a['name']} | {a['expected']} | {show(b['to_urgency'])} / "
                  f"{show(a['to_urgency'])} | {show(b['to_final'])} / {show(a['to_final'])} | "
                  f"{b['keys']} / {a['keys']} | {ratio(b['keys'], a['keys'])} |")
        return
    if args.json:
        print(json.dumps(results, indent=1))
        return
    print("| case | expected | keys to the right urgency | keys to FINAL | whole script | end |")
    print("|---|---|---|---|---|---|")
    for r in results:
        show = lambda n: "not reached" if n is None else str(n)
        print(f"| {r['name']} | {r['expected']} | {show(r['to_urgency'])} | "
              f"{show(r['to_final'])} | {r['keys']} | {r['end_urgency']}, {r['end_status']} |")
        if args.trace:
            for i, (key, urgency, status) in enumerate(r["trace"], start=1):
                print(f"  {i:3} {key:8} {urgency:10} {status}")


if __name__ == "__main__":
    main()
