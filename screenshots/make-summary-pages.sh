#!/usr/bin/env bash
# Page images of the HTML summary as printed: the summary exported with --paper, printed to PDF
# by headless Chromium (the browser's own header and footer off: the page header is the
# document's), page 1 turned into a PNG by poppler's pdftoppm.
# Writes screenshots/summary-*.png. Usage: screenshots/make-summary-pages.sh [path/to/spine-triage]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
for tool in chromium:chromium pdftoppm:poppler-utils; do
  command -v "${tool%%:*}" >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${tool##*:}"; }
done
bin=${1:-}
if [ -z "$bin" ]; then
  swift build --product spine-triage >/dev/null
  bin="$root/.build/debug/spine-triage"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
page() {
  local fixture=$1 paper=$2 name=$3
  "$bin" export --answers "Tests/Fixtures/$fixture.json" --format html --paper "$paper" \
    -o "$work/$name.html" >/dev/null
  HOME=$work chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$work/profile" --print-to-pdf="$work/$name.pdf" "file://$work/$name.html" \
    >/dev/null 2>&1
  pdftoppm -r 90 -png -f 1 -l 1 -singlefile "$work/$name.pdf" "$root/screenshots/$name" 2>/dev/null
  echo "screenshots/$name.png ($(pdfinfo "$work/$name.pdf" 2>/dev/null | awk '/^Pages/ {print $2}') pages)"
}
page emergency-ces a4 summary-emergency-a4-page1
page cancer-safety-stops letter summary-safety-stops-letter-page1
