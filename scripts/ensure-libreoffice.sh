#!/usr/bin/env bash
# The print test converts the workbooks to PDF with LibreOffice headless (Debian's
# libreoffice-calc-nogui), reads the PDF with poppler-utils (pdfinfo, pdftotext) and needs Carlito,
# the font metric-compatible with Calibri (the workbooks' font), so pages break as in Excel.
# Installs what is missing when we may (root with apt-get); otherwise says how.
set -euo pipefail
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
{ command -v fc-list >/dev/null 2>&1 && fc-list : family | grep -i carlito >/dev/null; } || missing+=(fonts-crosextra-carlito)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${missing[*]} for the print test (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "warning: ${missing[*]} missing; install them (sudo apt-get install ${missing[*]}) or the print test fails" >&2
