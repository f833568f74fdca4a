#!/usr/bin/env bash
# Installs Debian packages for the project's own install scripts: `apt-install.sh <what> <hint> <package…>`.
# <what> names it in messages, <hint> says what to do on a system without apt-get. Uses sudo when not root.
set -euo pipefail
what=$1
hint=$2
shift 2
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install: $what is missing and this is not a Debian system; $hint" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
