#!/usr/bin/env bash
# Install CODI Desktop and start it on the embedded local database (a demo province is
# offered on first run). Extra arguments go to codi-desktop, e.g. --data-dir DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh app
exec .venv/bin/codi-desktop "$@"
