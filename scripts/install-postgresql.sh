#!/usr/bin/env bash
# Debian's PostgreSQL server binaries for the register tests against a real server (the tests start and stop their
# own cluster in a temporary folder on a free local port; the system cluster is never used). A no-op when present.
set -euo pipefail
if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-postgresql: PostgreSQL's initdb is missing and this is not a Debian system; install the PostgreSQL server (15 or later)" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
ls /usr/lib/postgresql/*/bin/initdb
