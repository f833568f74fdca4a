#!/usr/bin/env bash
# Debian's Chromium for the status report's browser test and screenshots (no browser download by any npm tool).
# A no-op when /usr/bin/chromium is there; scripts/run-tests.js calls it when a browser test runs without it.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: /usr/bin/chromium is missing and this is not a Debian system; install Chromium and set CHROMIUM=<binary>" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# DejaVu carries the approval symbols (✔ ◐ ✘) the page uses.
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
