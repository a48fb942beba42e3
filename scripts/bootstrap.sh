#!/usr/bin/env bash
# Installs what CODI Desktop needs on Debian/Ubuntu: the few system libraries Qt and the
# PDF checks need, then a virtual environment in .venv with the project in it.
# Usage: scripts/bootstrap.sh [app|dev]   (app: the desktop part; dev: desktop, server and
# the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-app}"

# Qt's xcb/offscreen platform needs these on a bare Debian; libthai0 gives Qt Thai line
# breaks; poppler-utils gives pdftotext/pdftoppm for the PDF tests and screenshots.
debs=(libglib2.0-0 libegl1 libgl1 libx11-6 libx11-xcb1 libdbus-1-3 libfontconfig1 libfreetype6
      libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
      libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libthai0)
[ "$extra" = dev ] && debs+=(poppler-utils)
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

py="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "CODI Desktop needs Python 3.11 or newer ($py is older)"; exit 1; }
  "$py" -m venv .venv 2>/dev/null || {
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get install -y -qq python3-venv >/dev/null; "$py" -m venv .venv; }
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ "$extra" = dev ]; then
  .venv/bin/python -m pip install -q -e ".[dev]"
else
  .venv/bin/python -m pip install -q -e ".[desktop]"
fi
