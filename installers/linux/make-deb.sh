#!/usr/bin/env bash
# Pack the frozen folder (dist/codi-desktop/, from build.sh) as a Debian package with
# Debian's own dpkg-deb:
#   /opt/codi-desktop/          the frozen application
#   /usr/bin/codi-desktop       a link to it (relative, so it also resolves in a chroot)
#   /usr/share/applications/codi-desktop.desktop and the hicolor icon: the menu entry
# Depends: the Qt system libraries (the list scripts/bootstrap.sh installs) plus the
# package of every shared library the bundle links to but does not carry (readelf +
# dpkg -S on this machine), so `apt install ./codi-desktop_X_amd64.deb` pulls them in.
# Usage: make-deb.sh FROZEN_DIR VERSION OUT_DIR   (prints the .deb's path last)
set -euo pipefail
frozen="$1"; version="$2"; out="${3:-dist}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
arch="$(dpkg --print-architecture)"
stage="$(mktemp -d)/codi-desktop_${version}_${arch}"
trap 'rm -rf "$(dirname "$stage")"' EXIT

mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
         "$stage/usr/share/icons/hicolor/256x256/apps" "$stage/usr/share/doc/codi-desktop"
cp -a "$frozen" "$stage/opt/codi-desktop"
ln -s ../../opt/codi-desktop/codi-desktop "$stage/usr/bin/codi-desktop"
install -m 644 "$here/codi-desktop.desktop" "$stage/usr/share/applications/"
install -m 644 "$root/resources/icons/codi-desktop.png" \
        "$stage/usr/share/icons/hicolor/256x256/apps/codi-desktop.png"
cat > "$stage/usr/share/doc/codi-desktop/copyright" <<'TXT'
CODI Desktop, MIT licence. The bundled Python, Qt (LGPLv3), PySide6 (LGPLv3), reportlab,
pythainlp (Apache 2.0) and the Sarabun font (OFL 1.1) keep their own licences; their
licence files are inside /opt/codi-desktop/_internal.
TXT

# Qt's xcb platform and Thai line breaking need these on a bare Debian/Ubuntu (they are
# dlopened or reached through plugins, so they are listed by hand as well).
depends=(libglib2.0-0 libegl1 libgl1 libx11-6 libx11-xcb1 libdbus-1-3 libfontconfig1
         libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
         libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0
         libxcb-image0 libthai0)
# Every library an ELF file of the bundle needs that the bundle does not carry.
bundled="$(find "$frozen" -name '*.so*' -printf '%f\n' | sort -u)"
needed="$(find "$frozen" -type f \( -name '*.so*' -o -name codi-desktop \) -print0 \
          | xargs -0 readelf -d 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)"
unresolved=()
for lib in $needed; do
  grep -qxF "$lib" <<<"$bundled" && continue
  path="$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64|64bit|AArch64/ {print $NF; exit}')"
  [ -z "$path" ] && path="$(ldconfig -p | awk -v l="$lib" '$1 == l {print $NF; exit}')"
  if [ -z "$path" ]; then unresolved+=("$lib"); continue; fi
  real="$(readlink -f "$path")"
  pkg="$(dpkg -S "$real" 2>/dev/null || dpkg -S "$path" 2>/dev/null || true)"
  pkg="${pkg%%:*}"
  if [ -n "$pkg" ]; then depends+=("$pkg"); else unresolved+=("$lib"); fi
done
if [ ${#unresolved[@]} -gt 0 ]; then
  echo "note: libraries needed by optional plugins and found on no package here:" \
       "${unresolved[*]}" >&2
fi
depends_line="$(printf '%s\n' "${depends[@]}" | sort -u | paste -sd, | sed 's/,/, /g')"

installed_kb="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
cat > "$stage/DEBIAN/control" <<CTL
Package: codi-desktop
Version: ${version}
Architecture: ${arch}
Maintainer: CODI Desktop team <codi-desktop@codi.or.th>
Installed-Size: ${installed_kb}
Depends: ${depends_line}
Section: misc
Priority: optional
Homepage: https://www.codi.or.th/
Description: CODI Desktop: offline-first coordination for self-managing provinces
 Records communities, organizations, people, meetings and budgets for a CODI
 provincial centre, prints the Thai official documents, and syncs with the
 headquarters server when a network is there. Data stays in each user's
 ~/.local/share/CODI Desktop and is kept when the package is upgraded or removed.
CTL

mkdir -p "$out"
deb="$out/codi-desktop_${version}_${arch}.deb"
# zstd: several times faster to build and to install than xz for a similar size;
# dpkg reads it since Debian 12 and Ubuntu 21.10.
dpkg-deb --root-owner-group -Zzstd -z9 --build "$stage" "$deb" >/dev/null
echo "$deb"
