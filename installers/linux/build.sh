#!/usr/bin/env bash
# Build a self-contained Linux folder of CODI Desktop and pack it as a tarball in dist/.
# The target machine still needs the Qt system libraries the README lists (libegl1,
# libxkbcommon0, libfontconfig1, libthai0 ...), as every Qt application on Linux does.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/bootstrap.sh app
.venv/bin/python -m pip install -q "pyinstaller>=6"
.venv/bin/pyinstaller --noconfirm --clean installers/codi-desktop.spec
version=$(.venv/bin/python -c 'import codi_desktop; print(codi_desktop.__version__)')
tar -C dist -czf "dist/codi-desktop-${version}-linux-$(uname -m).tar.gz" codi-desktop
echo "dist/codi-desktop-${version}-linux-$(uname -m).tar.gz"
