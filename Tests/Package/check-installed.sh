#!/usr/bin/env bash
# Checks the installed Debian package (run by .ci/run after `apt-get install ./dist/*.deb`):
# /usr/bin/spine-triage runs with the Swift toolchain out of reach, and the man page,
# completions, documentation and /etc configuration work as an administrator would use them.
#
#   Tests/Package/check-installed.sh [--expect-commit SHA]   (as root, package installed)
#
# With --expect-commit, the installed binary must say it was built from that commit (so the
# check never passes on an older package left installed).
#
# The toolchain is put out of reach by mounting an empty tmpfs over its folder in a private
# mount namespace (unshare --mount), where /etc/spine-triage is a tmpfs too, so the real /etc is
# never touched. Prints one line per check; exit 1 at the first failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fixtures=$(cd "$here/../Fixtures" && pwd)

expect_commit=""
if [ "${1:-}" = --expect-commit ]; then
  expect_commit=$2
  shift 2
fi
if [ "${1:-}" != --inside ]; then
  swift_bin=$(command -v swift || true)
  toolchain=""
  if [ -n "$swift_bin" ]; then
    # /opt/swift/usr/bin/swift -> /opt/swift: three levels above the driver.
    toolchain=$(dirname "$(dirname "$(dirname "$(readlink -f "$swift_bin")")")")
  fi
  if [ "$(id -u)" = 0 ] && unshare --mount --propagation private true 2>/dev/null; then
    # /etc/spine-triage is the mount point of a private tmpfs; a folder made for that is
    # removed afterwards (the real /etc is left as it was).
    made=""
    if [ ! -e /etc/spine-triage ]; then
      mkdir /etc/spine-triage
      made=yes
    fi
    status=0
    unshare --mount --propagation private "$0" --inside "$toolchain" "$fixtures" \
      "$expect_commit" || status=$?
    if [ -n "$made" ]; then rmdir /etc/spine-triage; fi
    exit "$status"
  fi
  echo "check-installed: needs root and unshare --mount (to hide the toolchain)" >&2
  exit 1
fi
toolchain=$2
fixtures=$3
expect_commit=${4:-}
if [ -n "$toolchain" ] && [ "$toolchain" != / ] && [ "$toolchain" != /usr ]; then
  mount -t tmpfs -o ro,size=1k none "$toolchain"
  echo "ok: toolchain folder $toolchain hidden"
fi
# Mode 0755: a configuration folder others can write into is not trusted (exit 78).
mount -t tmpfs -o size=1m,mode=0755 none /etc/spine-triage
work=$(mktemp -d)
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=$work/home LANG=C.UTF-8 TERM=xterm-256color
unset LD_LIBRARY_PATH SPINE_TRIAGE_DIR XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME
mkdir -p "$HOME"
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

command -v swift >/dev/null 2>&1 && fail "swift is still reachable: $(command -v swift)"
ok "no swift on PATH"
[ "$(command -v spine-triage)" = /usr/bin/spine-triage ] || fail "spine-triage is not /usr/bin/spine-triage"
libs=$(ldd /usr/bin/spine-triage)
if grep -Ei 'swift|Foundation|dispatch|BlocksRuntime|not found' <<<"$libs"; then
  fail "the installed binary needs libraries that are missing or from the toolchain"
fi
ok "ldd: $(awk '{print $1}' <<<"$libs" | tr '\n' ' ')"
# libstdc++ is linked in (the loader binds none of its symbols at start), and nothing newer than
# glibc 2.35 is needed (Ubuntu 22.04, README's oldest supported system).
grep -q 'libstdc++' <<<"$libs" && fail "the installed binary loads libstdc++.so (it should be linked in)"
if command -v objdump >/dev/null; then
  glibc=$(objdump -T /usr/bin/spine-triage | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1)
  [ "$(printf '%s\nGLIBC_2.35\n' "$glibc" | sort -V | tail -n 1)" = GLIBC_2.35 ] \
    || fail "the installed binary needs $glibc (README supports glibc 2.35)"
  ok "libstdc++ linked in; newest glibc symbol version needed: $glibc"
fi

version=$(spine-triage --version)
[ "$(wc -l <<<"$version")" = 3 ] || fail "--version is not three lines: $version"
grep -q '^rule set spine-triage-rules@' <<<"$version" || fail "--version names no rule set"
grep -q '^commit [0-9a-f]\{40\}' <<<"$version" || fail "--version names no commit: $version"
if [ -n "$expect_commit" ]; then
  grep -q "^commit $expect_commit[ ,]" <<<"$version" \
    || fail "the installed binary is not this build ($expect_commit): $version"
fi
ok "--version: $(tr '\n' ';' <<<"$version")"

out=$(spine-triage evaluate "$fixtures/emergency-ces.json")
grep -q '"urgency" *: *"emergency"' <<<"$out" || fail "evaluate did not give emergency"
out=$(echo '{"age":45,"findings":{"saddle_anesthesia":"yes"}}' | spine-triage evaluate --format text -)
grep -q EMERGENCY <<<"$out" || fail "evaluate --format text - did not give EMERGENCY"
ok "evaluate works from /usr/bin"
for format in text html fhir; do
  spine-triage export --answers "$fixtures/no-imaging.json" --format $format -o "$work/out.$format" >/dev/null
  [ -s "$work/out.$format" ] || fail "export --format $format wrote nothing"
done
ok "export text, html and fhir"

man_page=/usr/share/man/man1/spine-triage.1.gz
[ -s "$man_page" ] || fail "no man page"
# (Whole texts in variables, then grep: `cmd | grep -q` can fail under pipefail when grep
# stops reading early.)
man_text=$(zcat "$man_page")
grep -q '^\.Nm spine-triage' <<<"$man_text" || fail "the man page has no NAME"
grep -q 'evaluate' <<<"$man_text" || fail "the man page does not document evaluate"
if command -v man >/dev/null; then
  [ "$(man -w spine-triage)" = "$man_page" ] || fail "man -w spine-triage does not find it"
fi
ok "man page"

bash -c 'source /usr/share/bash-completion/completions/spine-triage && complete -p spine-triage' \
  >/dev/null || fail "the bash completion does not load"
grep -q '#compdef spine-triage' /usr/share/zsh/vendor-completions/_spine-triage \
  || fail "no zsh completion"
grep -q "complete -c 'spine-triage'" /usr/share/fish/vendor_completions.d/spine-triage.fish \
  || fail "no fish completion"
ok "bash, zsh and fish completions"

doc=/usr/share/doc/spine-triage
grep -q 'License: Apache-2.0' $doc/copyright || fail "no copyright"
grep -q '^## Program' <<<"$(zcat $doc/CHANGELOG.md.gz)" || fail "no CHANGELOG.md"
grep -q '^spine-triage (' <<<"$(zcat $doc/changelog.gz)" || fail "no Debian changelog"
grep -q '^## Install on a terminal' <<<"$(zcat $doc/README.md.gz)" \
  || fail "the README has no install section"
ok "copyright, changelog, README"

# Configured from /etc (a tmpfs in this namespace): the site name reaches the summary; a bad
# key is one warning naming the file and the key, and is ignored (one bad key must not stop
# every terminal of the site).
printf '{"site_name": "Ward 3 terminals", "paper": "a4"}\n' > /etc/spine-triage/config.json
grep -q 'site_name  *Ward 3 terminals  */etc/spine-triage/config.json' <<<"$(spine-triage config)" \
  || fail "spine-triage config does not show the site name from /etc"
summary=$(spine-triage export --answers "$fixtures/no-imaging.json" --format text -o -)
grep -q '^Site: *Ward 3 terminals$' <<<"$summary" || fail "the site name from /etc is not on the summary"
printf '{"site_nam": "x"}\n' > /etc/spine-triage/config.json
status=0
spine-triage config >/dev/null 2>"$work/err" || status=$?
[ "$status" = 0 ] && [ "$(wc -l < "$work/err")" = 1 ] \
  && grep -q '^spine-triage: warning: /etc/spine-triage/config.json: unknown key "site_nam" .*; ignored$' "$work/err" \
  || fail "a bad key in /etc gave exit $status: $(cat "$work/err")"
chmod 0666 /etc/spine-triage/config.json
status=0
spine-triage config >/dev/null 2>"$work/err" || status=$?
[ "$status" = 78 ] && grep -q 'not trusted' "$work/err" \
  || fail "a configuration others can write was used (exit $status): $(cat "$work/err")"
rm /etc/spine-triage/config.json
ok "configured from /etc/spine-triage/config.json; a bad key is ignored with one warning; a file others can write is not trusted (exit 78)"

# The screens, in a private tmux server: the first frame appears and q quits.
if command -v tmux >/dev/null; then
  socket=$work/tmux
  # wait_for REGEX: polls the pane until it shows REGEX (5 s); the pane is in $screen.
  wait_for() {
    for _ in $(seq 50); do
      screen=$(tmux -S "$socket" capture-pane -p)
      grep -qE "$1" <<<"$screen" && return 0
      sleep 0.1
    done
    return 1
  }
  # screens COMMAND FIRST_FRAME_REGEX QUIT_KEYS...: runs COMMAND in the pane, waits for its
  # first frame, types each quit key in turn (waiting for the screen to change between them),
  # and checks that it exits with status 0.
  screens() {
    local command=$1 frame=$2
    shift 2
    tmux -S "$socket" -f /dev/null new-session -d -x 80 -y 24 "$command; echo EXITED=\$?; sleep 5"
    wait_for "$frame" || { echo "$screen"; fail "the screens did not start: $command"; }
    for key in "$@"; do
      tmux -S "$socket" send-keys "$key"
      wait_for 'EXITED=|Quit\?' || true
    done
    wait_for 'EXITED=0' || true
    tmux -S "$socket" kill-server 2>/dev/null || true
    grep -q 'EXITED=0' <<<"$screen" || { echo "$screen"; fail "did not quit with status 0: $command"; }
  }
  # The relocation tables, read once by the loader, are given back before the first frame:
  # the part of the binary they are in (its first, read-only mapping) keeps less resident than
  # the tables' own size (about 1 MiB; 1,184 KiB resident before they were given back). Its
  # own tmux server: the screens' checks below start theirs on another socket.
  tmux -S "$work/tmux-relocations" -f /dev/null new-session -d -x 80 -y 24 \
    "XDG_STATE_HOME=$work/state0 spine-triage"
  socket=$work/tmux-relocations wait_for 'INCOMPLETE|NO IMAGING' \
    || { echo "$screen"; fail "the screens did not start"; }
  # The pane's process, or its child when the shell did not exec the program.
  pane=$(tmux -S "$work/tmux-relocations" display -p '#{pane_pid}')
  pid=$(pgrep -P "$pane" -x spine-triage || echo "$pane")
  tables=0
  for size in $(readelf -SW /usr/bin/spine-triage | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^\.rela\.(dyn|plt)$/) print $(i + 4) }'); do
    tables=$((tables + 0x$size))
  done
  tables_kib=$((tables / 1024))
  first_kib=$(awk '/^[0-9a-f]+-[0-9a-f]+ / { m = ($3 == "00000000" && $6 ~ /spine-triage$/) }
    m && /^Rss:/ { print $2; exit }' "/proc/$pid/smaps")
  tmux -S "$work/tmux-relocations" kill-server 2>/dev/null || true
  [ -n "$first_kib" ] && [ "$tables_kib" -gt 256 ] && [ "$first_kib" -lt "$tables_kib" ] \
    || fail "the relocation tables ($tables_kib KiB) were not given back: ${first_kib:-?} KiB resident"
  ok "the relocation tables ($tables_kib KiB) are given back at start ($first_kib KiB of that part resident)"
  screens "XDG_STATE_HOME=$work/state spine-triage" 'INCOMPLETE|NO IMAGING' q
  ok "the screens start at 80x24 and q quits"
  # The state folder is made after the first frame, never left out.
  [ -d "$work/state/spine-triage/drafts" ] && [ -d "$work/state/spine-triage/trash" ] \
    || fail "the screens did not create the state folder after their first frame"
  [ "$(stat -c %a "$work/state/spine-triage")" = 700 ] || fail "the state folder is not 0700"
  ok "the state folder is created (0700) after the first frame"
  # The start with options (read by hand, without the argument parser). Loaded answers not
  # exported: q asks first, y quits.
  screens "XDG_STATE_HOME=$work/state2 spine-triage --load $fixtures/emergency-ces.json --no-color" \
    EMERGENCY q y
  ok "the screens start with --load FILE --no-color and q, y quit"
fi
rm -rf "$work"
echo "check-installed: all checks passed"
