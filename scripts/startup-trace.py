#!/usr/bin/env python3
"""startup-trace.py: run a full-screen program under callgrind up to its first complete frame.

The program runs in a real pty (COLSxROWS, TERM set, a fresh empty folder for each NAME given
with --env NAME=@tmpdir) under `valgrind --tool=callgrind`. Callgrind writes its counts before
every call that can wait for a key (read, poll, ppoll, select, pselect); once the marker text has
appeared and the output has gone quiet, the program is waiting for its first key and is killed
(SIGKILL: nothing after the first frame is counted). Instruction counts do not depend on the
machine's load, unlike times.

  startup-trace.py count [options] -- CMD ARGS...
      prints the instructions executed from exec (the dynamic loader included) to the first
      frame, as JSON: {"instructions": N, "first_frame_bytes": N}
  startup-trace.py order --output FILE [--keys K1,K2,...] [options] -- CMD ARGS... [--- CMD ...]
      writes the functions of CMD's own image that ran before the first frame (and while it
      answered --keys, sent one at a time after it), in the order first seen, one symbol a
      line: a symbol ordering file for the linker (lld --symbol-ordering-file). Several starts
      may be traced, separated by ---; CMD must keep its symbol table (strip --strip-debug,
      not --strip-all). Keys: DOWN UP LEFT RIGHT TAB SPACE ENTER ESC, or literal characters.

Options: --cols 80 --rows 24 --term xterm-256color --marker TEXT --quiet SECONDS (default 1.5:
valgrind is slow) --env NAME=VALUE|@tmpdir --timeout SECONDS (default 300).
"""
import argparse, fcntl, glob, json, os, pty, re, select, shutil, signal, struct, sys, tempfile
import termios, time

WAITS = ("read", "__libc_read", "poll", "__poll", "ppoll", "__ppoll", "select", "__select",
         "pselect", "__pselect", "pselect64")


KEYS = {"SPACE": b" ", "ENTER": b"\r", "TAB": b"\t", "ESC": b"\x1b"}


def key_bytes(term, name):
    """A key as the terminal sends it in keypad-transmit mode (terminfo), or literal text."""
    if name in KEYS:
        return KEYS[name]
    capability = {"DOWN": "kcud1", "UP": "kcuu1", "LEFT": "kcub1", "RIGHT": "kcuf1"}.get(name)
    if capability:
        import curses
        curses.setupterm(term, os.open(os.devnull, os.O_WRONLY))
        return curses.tigetstr(capability)
    return name.encode()


def read_until_quiet(fd, output, quiet, deadline, marker, what):
    last = time.monotonic()
    while True:
        now = time.monotonic()
        if now > deadline:
            sys.exit(f"startup-trace.py: no {what} within the time allowed"
                     f" ({len(output)} bytes: {bytes(output[-200:])!r})")
        if (marker is None or marker in output) and now - last >= quiet:
            return
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            sys.exit(f"startup-trace.py: the program ended before its {what}"
                     f" ({bytes(output[-300:])!r})")
        output += chunk
        last = time.monotonic()


def traced_start(args, cmd, out_prefix, demangle, keys=()):
    env = dict(os.environ)
    env["TERM"] = args.term
    env.setdefault("LANG", "C.UTF-8")
    temporary = []
    for item in args.env:
        name, value = item.split("=", 1)
        if value == "@tmpdir":
            value = tempfile.mkdtemp(prefix="startup-trace-")
            temporary.append(value)
        env[name] = value
    valgrind = ["valgrind", "--tool=callgrind", "-q", "--vgdb=no",
                f"--callgrind-out-file={out_prefix}.%p"]
    if not demangle:
        valgrind.append("--demangle=no")
    valgrind += [f"--dump-before={name}" for name in WAITS]
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvpe(valgrind[0], valgrind + cmd, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", args.rows, args.cols, 0, 0))
    output = bytearray()
    marker = args.marker.encode() if args.marker else None
    deadline = time.monotonic() + args.timeout
    try:
        read_until_quiet(fd, output, args.quiet, deadline, marker, "first frame")
        for key in keys:
            os.write(fd, key_bytes(args.term, key))
            reply = bytearray()
            read_until_quiet(fd, reply, args.quiet, deadline, None, f"reply to {key}")
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
        for folder in temporary:
            shutil.rmtree(folder, ignore_errors=True)
    parts = sorted(glob.glob(f"{out_prefix}.{pid}.*"), key=lambda p: int(p.rsplit(".", 1)[1]))
    if not parts:
        sys.exit(f"startup-trace.py: callgrind wrote nothing for {cmd[0]}")
    return parts, len(output)


def instructions(parts):
    total = 0
    for path in parts:
        with open(path, errors="replace") as f:
            for line in f:
                if line.startswith("totals:"):
                    total += int(line.split()[1])
    return total


def own_functions(parts, names, seen):
    """Appends to `names` the functions of the main image (not a shared library) in `parts`."""
    for path in parts:
        objects, functions, current = {}, {}, None
        with open(path, errors="replace") as f:
            for line in f:
                m = re.match(r"^(c?ob|c?fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
                if not m:
                    continue
                kind, number, name = m.groups()
                table = objects if kind.endswith("ob") else functions
                if name is not None:
                    table[number] = name
                if kind == "ob":
                    current = objects.get(number)
                elif kind == "fn" and current and not re.search(r"\.so(\.\d+)*$", current):
                    symbol = functions.get(number, "")
                    if symbol and not symbol.startswith("0x") and symbol not in seen:
                        seen.add(symbol)
                        names.append(symbol)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["count", "order"])
    ap.add_argument("--output")
    ap.add_argument("--cols", type=int, default=80)
    ap.add_argument("--rows", type=int, default=24)
    ap.add_argument("--term", default="xterm-256color")
    ap.add_argument("--marker")
    ap.add_argument("--quiet", type=float, default=1.5)
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--env", action="append", default=[])
    ap.add_argument("--keys", default="")
    ap.add_argument("cmd", nargs="+")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("startup-trace.py: valgrind is not installed (apt-get install valgrind)")
    work = tempfile.mkdtemp(prefix="startup-trace-out-")
    try:
        if args.mode == "count":
            parts, size = traced_start(args, args.cmd, f"{work}/callgrind", demangle=True)
            print(json.dumps({"instructions": instructions(parts), "first_frame_bytes": size}))
            return
        if not args.output:
            sys.exit("startup-trace.py: order needs --output FILE")
        commands, current = [], []
        for word in args.cmd:
            if word == "---":
                commands.append(current)
                current = []
            else:
                current.append(word)
        commands.append(current)
        names, seen = [], set()
        for index, cmd in enumerate(commands):
            keys = [k for k in args.keys.split(",") if k]
            parts, _ = traced_start(args, cmd, f"{work}/order{index}", demangle=False, keys=keys)
            own_functions(parts, names, seen)
        if len(names) < 100:
            sys.exit(f"startup-trace.py: only {len(names)} functions traced; is the symbol table"
                     " stripped?")
        with open(args.output, "w") as f:
            f.write("\n".join(names) + "\n")
        print(f"startup-trace.py: {len(names)} start-up functions -> {args.output}",
              file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
