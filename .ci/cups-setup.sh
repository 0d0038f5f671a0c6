#!/usr/bin/env bash
# Real print queues for the printing tests (Tests/EndToEndTests/PrintingTests.swift): starts the
# CUPS scheduler when none is running and creates cups-pdf queues that write PDFs to
# /var/spool/cups-pdf/out/<user>:
#   spine-a4, spine-letter   A4 and US Letter with a typical office printer's margins (0.25 in
#                            at the sides, 0.5 in at top and bottom: the imageable area of CUPS's
#                            generic PDF printer PPD), so the text summary is checked at the
#                            CUPS defaults a real printer has (10 characters per inch, 6 lines
#                            per inch: 77 columns and 64 lines on A4, 80 and 60 on Letter)
#   spine-held               holds every job (job-hold-until-default=indefinite)
#   spine-stopped            accepts jobs but is stopped (cupsdisable)
#   spine-rejecting          refuses jobs (cupsreject)
#   spine-cancel             accepts jobs, and its backend (spine-cancel:/, installed here)
#                            cancels every one (exit 5, CUPS_BACKEND_CANCEL): a job that is
#                            accepted but never printed
# Needs root, and the packages cups, cups-client, cups-bsd and printer-driver-cups-pdf.
set -euo pipefail

if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  mkdir -p /run/cups
  cupsd
  for _ in $(seq 1 50); do
    lpstat -r 2>/dev/null | grep -q "is running" && break
    sleep 0.2
  done
fi

conf=/etc/cups/cups-pdf.conf
if [ -f "$conf" ]; then
  sed -i -e 's|^#\{0,1\}Out .*|Out /var/spool/cups-pdf/out/${USER}|' "$conf"
fi
mkdir -p /var/spool/cups-pdf/out

base=$(find /usr/share/ppd /usr/share/cups/model -name 'CUPS-PDF_opt.ppd*' 2>/dev/null | head -1)
[ -n "$base" ] || { echo "cups-setup: CUPS-PDF_opt.ppd not found" >&2; exit 1; }
ppd=$(mktemp /tmp/spine-cups-XXXXXX.ppd)
trap 'rm -f "$ppd"' EXIT
zcat -f "$base" | sed \
  -e 's|^\*ImageableArea A4/A4: .*|*ImageableArea A4/A4: "18 36 577 806"|' \
  -e 's|^\*ImageableArea Letter/US Letter: .*|*ImageableArea Letter/US Letter: "18 36 594 756"|' \
  > "$ppd"

# A backend that reads the job and cancels it (0755: run as the lp user, like a real one).
backend_dir=/usr/lib/cups/backend
cat > "$backend_dir/spine-cancel" <<'BACKEND'
#!/bin/sh
# SpineTriage test backend: takes every job and cancels it (CUPS_BACKEND_CANCEL).
if [ "$#" -eq 0 ]; then
  echo 'direct spine-cancel "Unknown" "SpineTriage test backend: cancels every job"'
  exit 0
fi
if [ "$#" -ge 6 ]; then cat -- "$6" > /dev/null; else cat > /dev/null; fi
echo "ERROR: cancelled by the SpineTriage test backend" >&2
exit 5
BACKEND
chmod 0755 "$backend_dir/spine-cancel"

add() { lpadmin -p "$1" -E -v cups-pdf:/ -P "$ppd" "${@:2}" 2>/dev/null; }
add spine-a4 -o PageSize=A4
add spine-letter -o PageSize=Letter
add spine-held -o PageSize=A4 -o job-hold-until-default=indefinite
add spine-stopped -o PageSize=A4
cupsdisable -r "stopped for the printing tests" spine-stopped
add spine-rejecting -o PageSize=A4
cupsreject -r "closed for the printing tests" spine-rejecting
lpadmin -p spine-cancel -E -v spine-cancel:/ -P "$ppd" -o PageSize=A4 2>/dev/null
cupsenable spine-cancel
# Jobs left waiting by an earlier run.
cancel -a spine-held spine-stopped 2>/dev/null || true
lpstat -p | sed 's/^/cups-setup: /'
