#!/usr/bin/env bash
# The system packages the test suite runs kg against, from Debian's archive, each only when missing:
# Virtuoso Open Source (a second real SPARQL triplestore, tests/test_remote.py) and Chromium
# (kg report's page opened headless, tests/test_report_browser.py). Needs root or sudo.
set -euo pipefail
missing=()
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0
as_root=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "install as root: apt-get install ${missing[*]}" >&2; exit 1; }
    as_root=(sudo)
fi
"${as_root[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q "${missing[@]}"
