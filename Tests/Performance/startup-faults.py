#!/usr/bin/env python3
"""startup-faults.py: CPU time and page faults of a full-screen program up to its first frame.

Each program runs under `perf stat -e task-clock,page-faults` in a real pty (80x24, TERM
xterm-256color, a fresh XDG_STATE_HOME); once the marker text is on screen (and 0.3 s more),
the program is killed (SIGKILL: nothing after the first frame is counted but that wait, when
the program is idle). The programs run in turn, RUNS rounds; medians. Wall times on a shared
machine vary; this says where the time of a start goes (the kernel's page faults or the
program's own instructions, which scripts/startup-trace.py counts).

  startup-faults.py [--runs N] BINARY [DIALOG_ARGS_FILE]

compares BINARY (marker INCOMPLETE) with dialog and the checklist of DIALOG_ARGS_FILE (default
../shared/tools/dialog12.args, else Tests/Performance/dialog12.args; marker "despite care").
Needs perf (linux-perf).
"""
import argparse, fcntl, os, pty, select, signal, statistics, struct, subprocess, sys, tempfile
import termios, time


def one(cmd, marker, out):
    env = dict(os.environ, TERM="xterm-256color", XDG_STATE_HOME=tempfile.mkdtemp())
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvpe("perf", ["perf", "stat", "-x,", "-e", "task-clock,page-faults",
                                "-o", out, "--"] + cmd, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    screen = b""
    deadline = time.monotonic() + 10
    while marker not in screen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                screen += os.read(fd, 65536)
            except OSError:
                break
    if marker not in screen:
        sys.exit(f"startup-faults.py: no first frame from {cmd[0]}")
    time.sleep(0.3)
    subprocess.run(["pkill", "-KILL", "-P", str(pid)])
    os.waitpid(pid, 0)
    os.close(fd)
    values = {}
    with open(out) as f:
        for line in f:
            fields = line.strip().split(",")
            if len(fields) > 2 and fields[0][:1].isdigit():
                values[fields[2]] = float(fields[0])
    return values


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("binary")
    ap.add_argument("args_file", nargs="?")
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    args_file = a.args_file or next(
        p for p in (os.path.join(here, "../../../shared/tools/dialog12.args"),
                    os.path.join(here, "dialog12.args")) if os.path.exists(p))
    dialog_args = [line for line in open(args_file).read().split("\n") if line]
    programs = {
        "spine-triage": ([a.binary], b"INCOMPLETE"),
        "dialog": (["dialog"] + dialog_args, b"despite care"),
    }
    results = {name: [] for name in programs}
    with tempfile.TemporaryDirectory() as work:
        for _ in range(a.runs):
            for name, (cmd, marker) in programs.items():
                results[name].append(one(cmd, marker, os.path.join(work, "stat")))
    for name, runs in results.items():
        clock = statistics.median(r.get("task-clock", 0) for r in runs)
        faults = statistics.median(r.get("page-faults", 0) for r in runs)
        print(f"{name}: CPU {clock:.2f} ms, {faults:.0f} page faults (median of {a.runs})")


if __name__ == "__main__":
    main()
