#!/usr/bin/env bash
# Screenshots of the real binary: a real xterm under Xvfb, attached to a private tmux server
# that runs spine-triage; keys typed with tmux send-keys; each window grabbed with ImageMagick's
# `import`. Writes screenshots/*.png. Usage: screenshots/make-screenshots.sh [path/to/spine-triage]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need=()
for tool in Xvfb:xvfb xterm:xterm import:imagemagick tmux:tmux xwininfo:x11-utils; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool##*:}")
done
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || need+=(fonts-dejavu-core)
# The preinstalled `convert` may be a stand-in: check that import is ImageMagick's.
import -version 2>/dev/null | grep -q ImageMagick || need+=(imagemagick)
if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

bin=${1:-}
if [ -z "$bin" ]; then
  swift build -c release --product spine-triage >/dev/null
  bin="$root/.build/release/spine-triage"
fi

work=$(mktemp -d)
# Options added to every shot (the privacy screen sets them for its own).
extra_args=()
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1700x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sock="shots-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
sleep 1

# shot NAME COLSxROWS ANSWERS-FILE-or-- KEYS... ; the last key argument may be "wait:TEXT"
shot() {
  local name=$1 size=$2 answers=$3; shift 3
  local cols=${size%x*} rows=${size#*x}
  local args=()
  [ "$answers" != "--" ] && args=(--load "$root/Tests/Fixtures/$answers")
  args+=("${extra_args[@]}")
  rm -rf "$work/state" 2>/dev/null || true
  sock="shots-$$-$name"
  tmux -L "$sock" -f /dev/null new-session -d -x "$cols" -y "$rows" -s main \
    "env XDG_STATE_HOME=$work/state SPINE_TRIAGE_DIR=$work/out LANG=C.UTF-8 $bin ${args[*]:-}; sleep 600"
  tmux -L "$sock" set-option -g status off >/dev/null
  tmux -L "$sock" set-option -g window-size manual >/dev/null
  DISPLAY=$display xterm -title "shot-$name" -geometry "${cols}x${rows}+0+0" -fa 'DejaVu Sans Mono' -fs 12 \
    -u8 -tn xterm-256color -bg black -fg grey90 -e tmux -L "$sock" attach -t main >/dev/null 2>&1 &
  local xterm=$!
  wait_for "SpineTriage" || wait_for "too small" || true
  for key in "$@"; do
    case "$key" in
      wait:*) wait_for "${key#wait:}" || true ;;
      idle:*) wait_for "${key#idle:}" 1600 || true ;;
      *) tmux -L "$sock" send-keys -t main "$key"; sleep 0.05 ;;
    esac
  done
  sleep 0.6
  local id
  id=$(DISPLAY=$display xwininfo -name "shot-$name" | awk '/Window id/ {print $4}')
  DISPLAY=$display import -window "$id" "$root/screenshots/$name.png"
  kill "$xterm" 2>/dev/null || true
  wait "$xterm" 2>/dev/null || true
  tmux -L "$sock" kill-server 2>/dev/null || true
  echo "screenshots/$name.png"
}

# wait_for TEXT [TRIES]: polls the pane every 0.05 s (100 tries by default).
wait_for() {
  for _ in $(seq 1 "${2:-100}"); do
    tmux -L "$sock" capture-pane -p -t main 2>/dev/null | grep -qF "$1" && return 0
    sleep 0.05
  done
  echo "warning: '$1' not seen" >&2
  return 1
}

# 80x24: every screen.
shot 80x24-1-patient-empty 80x24 -- "wait:INCOMPLETE"
shot 80x24-1-patient-emergency 80x24 emergency-ces.json "wait:EMERGENCY"
shot 80x24-2-history 80x24 emergency-ces.json Tab "wait:[2 History"
shot 80x24-3-examination-emergency 80x24 emergency-ces.json Tab Tab "wait:[3 Exam"
shot 80x24-4-neck-trauma 80x24 neck-trauma.json Tab Tab Tab "wait:[4 Trauma"
shot 80x24-5-mri-safety-stops 80x24 cancer-safety-stops.json BTab BTab "wait:[5 Safety"
shot 80x24-6-summary-emergency 80x24 emergency-ces.json BTab "wait:[6 Summary"
shot 80x24-6-summary-no-imaging 80x24 no-imaging.json BTab "wait:[6 Summary"
shot 80x24-help 80x24 -- "?" "wait:SpineTriage keys"
shot 80x24-too-small 60x20 -- "wait:too small"
# A shared terminal after its idle time (one minute): the privacy screen.
extra_args=(--shared-terminal true --idle-minutes 1)
shot 80x24-privacy 80x24 emergency-ces.json "wait:EMERGENCY" "idle:hidden for privacy"
extra_args=()
# Wide: the panel beside the lists.
shot 120x40-1-patient-no-imaging 120x40 no-imaging.json "wait:NO IMAGING NOW"
shot 120x40-3-examination-emergency 120x40 emergency-ces.json Tab Tab "wait:[3 Exam"
shot 120x40-4-neck-trauma 120x40 neck-trauma.json Tab Tab Tab "wait:[4 Neck trauma"
shot 120x40-5-mri-safety-stops 120x40 cancer-safety-stops.json BTab BTab "wait:[5 MRI safety"
shot 120x40-6-summary-emergency 120x40 emergency-ces.json BTab "wait:[6 Summary"
