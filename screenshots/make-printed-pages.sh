#!/usr/bin/env bash
# Page 1 of the text summary as a clinician holds it: walkthrough case 2 (suspected cauda
# equina) and case 3 (81-year-old on apixaban with a pacemaker after a fall), printed through a
# real CUPS queue on A4 (the cups-pdf queue spine-a4 of .ci/cups-setup.sh writes a PDF), page 1
# turned into a PNG by poppler's pdftoppm. The fixtures' times are moved to just before now
# (the urgency reached 35 minutes ago, the last answer 31 minutes ago), as at the bedside.
# Writes screenshots/printed-*.png. Usage: screenshots/make-printed-pages.sh [path/to/spine-triage]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
command -v pdftoppm >/dev/null 2>&1 \
  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils; }
lpstat -v spine-a4 >/dev/null 2>&1 || bash .ci/cups-setup.sh >/dev/null
bin=${1:-}
if [ -z "$bin" ]; then
  swift build --product spine-triage >/dev/null
  bin="$root/.build/debug/spine-triage"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="/var/spool/cups-pdf/out/$(id -un)"
page() {
  local fixture=$1 name=$2
  python3 - "Tests/Fixtures/$fixture.json" "$work/$fixture.json" <<'PY'
import json, sys, datetime
sheet = json.load(open(sys.argv[1]))
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
stamp = lambda minutes: (now - datetime.timedelta(minutes=minutes)).isoformat()
sheet["urgency_reached"]["at"] = stamp(35)
sheet["assessed_at"] = stamp(31)
json.dump(sheet, open(sys.argv[2], "w"), indent=1)
PY
  local said job pdf=""
  said=$("$bin" export --answers "$work/$fixture.json" --format text --print \
    --printer spine-a4 --paper a4 -o "$work/$name.txt")
  job=$(printf '%s\n' "$said" | sed -n 's/.*job \(spine-a4-[0-9]*\).*/\1/p' | head -1)
  [ -n "$job" ] || { echo "not printed: $said" >&2; exit 1; }
  for _ in $(seq 1 100); do
    pdf=$(ls "$out"/*"job_${job##*-}.pdf" 2>/dev/null | head -1 || true)
    [ -n "$pdf" ] && [ -s "$pdf" ] && break
    sleep 0.2
  done
  [ -n "$pdf" ] || { echo "no PDF for $job in $out" >&2; exit 1; }
  sleep 0.5
  pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$pdf" "$root/screenshots/$name" 2>/dev/null
  echo "screenshots/$name.png ($job, $(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages/ {print $2}') pages, $(pdfinfo "$pdf" 2>/dev/null | awk -F': *' '/^Page size/ {print $2}'))"
}
page walkthrough-2-cauda-equina printed-a4-case2-cauda-equina-page1
page walkthrough-3-elderly-fall-apixaban printed-a4-case3-elderly-fall-page1
