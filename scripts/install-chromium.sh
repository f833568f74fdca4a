#!/usr/bin/env bash
# Debian's Chromium for the status report's browser test and screenshots (no browser download by any npm tool).
# A no-op when /usr/bin/chromium is there; scripts/run-tests.js calls it when a browser test runs without it.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
# DejaVu carries the approval symbols (✔ ◐ ✘) the page uses.
bash "$(dirname "$0")/apt-install.sh" Chromium "install Chromium and set CHROMIUM=<binary>" chromium fonts-dejavu-core
/usr/bin/chromium --version
