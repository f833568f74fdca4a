#!/usr/bin/env bash
# Debian's PostgreSQL server binaries for the register tests against a real server (the tests start and stop their
# own cluster in a temporary folder on a free local port; the system cluster is never used). A no-op when present.
set -euo pipefail
if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  exit 0
fi
bash "$(dirname "$0")/apt-install.sh" PostgreSQL "install the PostgreSQL server (15 or later)" postgresql
ls /usr/lib/postgresql/*/bin/initdb
