#!/usr/bin/env python3
"""ttybench.py: measure a full-screen program through a real pty, side by side with others.

Same method as shared/tools/ttymeasure.py (a pty at COLSxROWS with TERM set; wait for a marker
and for the output to go quiet; keys sent exactly as the terminal sends them, from terminfo),
plus what a fair comparison needs:
  - a fresh environment per run (--env NAME=@tmpdir makes a new empty folder each run, so a
    draft saved by one run is never offered to the next);
  - peak resident memory of the program (VmHWM from /proc, read after the last key);
  - CPU time used while idle (--idle SECONDS: wait that long after the first frame and report
    the CPU ticks the process used; a blocking read uses none).

Usage: ttybench.py [--runs N] [--cols 80 --rows 24 --term xterm-256color] [--marker TEXT]
                   [--keys K1,K2,...] [--env NAME=VALUE ...] [--idle S] [--json] -- CMD ARGS...
       ttybench.py --programs FILE [--runs N] [--cols ...]
  With --programs, FILE is a JSON object {NAME: {"cmd": [...], "marker": ..., "keys": "K1,K2",
  "env": ["NAME=VALUE", ...], "idle": S}, ...}: the programs are run in turn, one run of each
  per round, so that a change of the machine's load falls on all of them alike; prints
  {NAME: summary} as JSON.
Keys: DOWN UP LEFT RIGHT SPACE ENTER TAB BTAB ESC, or literal characters.
"""
import argparse, fcntl, json, os, pty, select, shutil, signal, statistics, struct, sys, tempfile
import termios, time

KEYS = {"DOWN": b"\x1b[B", "UP": b"\x1b[A", "LEFT": b"\x1b[D", "RIGHT": b"\x1b[C",
        "SPACE": b" ", "ENTER": b"\r", "TAB": b"\t", "BTAB": b"\x1b[Z", "ESC": b"\x1b"}


def keymap(term):
    """Cursor keys as the terminal sends them in keypad-transmit mode (terminfo kcud1 etc.)."""
    import curses
    fd = os.open(os.devnull, os.O_WRONLY)
    curses.setupterm(term, fd)
    m = dict(KEYS)
    for name, cap in (("DOWN", "kcud1"), ("UP", "kcuu1"), ("LEFT", "kcub1"), ("RIGHT", "kcuf1"),
                      ("BTAB", "kcbt")):
        value = curses.tigetstr(cap)
        if value:
            m[name] = value
    return m


def read_until_quiet(fd, quiet, t0, deadline=10.0, marker=None):
    buf = bytearray()
    first = last = None
    seen = marker is None
    end = time.perf_counter() + deadline
    while True:
        now = time.perf_counter()
        if now > end:
            break
        timeout = quiet if (seen and last is not None) else min(0.05, end - now)
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            if seen and last is not None:
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        t = time.perf_counter() - t0
        first = t if first is None else first
        last = t
        buf += chunk
        if not seen and marker.encode() in buf:
            seen = True
    return bytes(buf), first, last


def cpu_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except OSError:
        return None


def vm_hwm(pid):
    """Peak resident set size of the program's own image (VmHWM, reset at exec), in KiB.
    wait4()'s ru_maxrss would include the Python parent's pages from before the exec."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def one_run(args):
    env = dict(os.environ)
    env["TERM"] = args.term
    env.setdefault("LANG", "C.UTF-8")
    temporary = []
    for item in args.env:
        name, value = item.split("=", 1)
        if value == "@tmpdir":
            value = tempfile.mkdtemp(prefix="ttybench-")
            temporary.append(value)
        env[name] = value
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(args.cmd[0], args.cmd, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", args.rows, args.cols, 0, 0))
    t0 = time.perf_counter()
    frame, first, last = read_until_quiet(fd, args.quiet / 1000, t0, marker=args.marker)
    result = {"first_byte_ms": first and first * 1e3, "first_frame_ms": last and last * 1e3,
              "first_frame_bytes": len(frame), "keys": []}
    if args.idle:
        before = cpu_ticks(pid)
        time.sleep(args.idle)
        after = cpu_ticks(pid)
        result["idle_cpu_ticks"] = None if before is None or after is None else after - before
    keys = [k for k in args.keys.split(",") if k]
    for key in keys:
        sequence = args.keymap.get(key, key.encode())
        t1 = time.perf_counter()
        os.write(fd, sequence)
        out, reply, settled = read_until_quiet(fd, args.quiet / 1000, t1, deadline=3)
        result["keys"].append({"key": key, "bytes": len(out),
                               "settled_ms": settled and settled * 1e3})
    result["peak_rss_kib"] = vm_hwm(pid)
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    deadline = time.time() + 3
    rusage = None
    while time.time() < deadline:
        try:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                os.read(fd, 65536)
        except OSError:
            pass
        done, status, rusage = os.wait4(pid, os.WNOHANG)
        if done:
            break
    else:
        os.killpg(pid, signal.SIGKILL)
        _, status, rusage = os.wait4(pid, 0)
    os.close(fd)
    for folder in temporary:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarize(runs):
    keys = []
    for i, key in enumerate(runs[0]["keys"]):
        keys.append({"key": key["key"],
                     "bytes": median([r["keys"][i]["bytes"] for r in runs]),
                     "bytes_max": max(r["keys"][i]["bytes"] for r in runs),
                     "settled_ms": median([r["keys"][i]["settled_ms"] for r in runs])})
    return {"runs": len(runs),
            "first_frame_ms": median([r["first_frame_ms"] for r in runs]),
            "first_frame_bytes": median([r["first_frame_bytes"] for r in runs]),
            "peak_rss_kib": median([r["peak_rss_kib"] for r in runs]),
            "idle_cpu_ticks": max([r.get("idle_cpu_ticks") or 0 for r in runs]),
            "keys": keys}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cols", type=int, default=80)
    ap.add_argument("--rows", type=int, default=24)
    ap.add_argument("--term", default="xterm-256color")
    ap.add_argument("--quiet", type=float, default=150, help="ms of silence that ends a frame")
    ap.add_argument("--marker")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--keys", default="")
    ap.add_argument("--env", action="append", default=[])
    ap.add_argument("--idle", type=float, default=0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("cmd", nargs="*")
    ap.add_argument("--programs")
    args = ap.parse_args()
    if not args.programs and not args.cmd:
        ap.error("give a command (after --) or --programs FILE")
    args.keymap = keymap(args.term)
    if args.programs:
        with open(args.programs) as f:
            programs = json.load(f)
        per_program = {}
        for name, spec in programs.items():
            one = argparse.Namespace(**vars(args))
            one.cmd = spec["cmd"]
            one.marker = spec.get("marker")
            one.keys = spec.get("keys", "")
            one.env = spec.get("env", [])
            one.idle = spec.get("idle", 0)
            per_program[name] = (one, [])
        for _ in range(args.runs):
            for one, runs in per_program.values():
                runs.append(one_run(one))
        print(json.dumps({name: summarize(runs) for name, (_, runs) in per_program.items()},
                         indent=1))
        return
    runs = [one_run(args) for _ in range(args.runs)]
    summary = summarize(runs)
    if args.json:
        print(json.dumps(summary, indent=1))
        return
    print(f"{' '.join(args.cmd)}  ({args.cols}x{args.rows}, TERM={args.term}, runs={args.runs})")
    print(f"  first frame: {summary['first_frame_ms']:.2f} ms, {summary['first_frame_bytes']} bytes;"
          f" peak RSS {summary['peak_rss_kib']} KiB; idle CPU ticks {summary['idle_cpu_ticks']}")
    for key in summary["keys"]:
        print(f"  {key['key']:>6}: {key['bytes']} bytes (max {key['bytes_max']}),"
              f" {key['settled_ms']:.2f} ms")


if __name__ == "__main__":
    main()
