#!/usr/bin/env bash
# Build CODI Desktop for Linux from the desktop part only:
#   dist/codi-desktop/                         the frozen one-folder app (PyInstaller)
#   dist/codi-desktop_<version>_<arch>.deb     the Debian package (make-deb.sh)
# The build environment (.venv-build, or $CODI_BUILD_VENV) holds ".[desktop]" and
# PyInstaller only, so nothing of the server or the test tools can reach the bundle.
# The version is the distribution's (pyproject.toml). Prints the .deb's path last.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv="${CODI_BUILD_VENV:-.venv-build}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q ".[desktop]" "pyinstaller>=6" 2>&1 \
  | grep -v "^WARNING: Location" || true
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --workpath build/pyinstaller --distpath dist installers/codi-desktop.spec
version=$("$venv/bin/python" -c 'from importlib.metadata import version; print(version("codi"))')
bash installers/linux/make-deb.sh dist/codi-desktop "$version" dist
