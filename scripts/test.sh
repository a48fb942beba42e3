#!/usr/bin/env bash
# Install CODI Desktop with its test tools and run every check CI runs: the layer
# contracts, ruff, the migrations check and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh dev
export PATH="$PWD/.venv/bin:$PATH"
echo "== import contracts"; lint-imports
echo "== ruff"; ruff check .
echo "== extras (desktop has no FastAPI, server has no PySide6)"; python scripts/check_extras.py
echo "== migrations"; python -m codi_desktop.store.check_migrations
python -m codi_server.check_migrations
# One worker per core (pytest-xdist); a test file stays on one worker, so its module
# fixtures are built once. Every test owns its rows, so the split changes nothing else.
echo "== tests"; python -m pytest -n auto --dist loadfile "$@"
# Order independence: the sync and unit tests once more, in reversed order (pytest-reverse).
echo "== sync and unit tests, reversed order"
python -m pytest tests/unit tests/sync --reverse -q -n auto --dist loadfile
