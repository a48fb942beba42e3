#!/usr/bin/env bash
# CI: build the .deb, install it into a clean root with dpkg itself, run the installed
# app's self-test offscreen, print the sizes. Bounded: the whole run is killed after
# ${CODI_CI_BUILD_TIMEOUT:-900} s.
#
# The install is `dpkg --root=<empty dir> --force-depends -i`: dpkg unpacks the package
# and records it in that root's own dpkg database, exactly as on a laptop, but the root
# holds no libraries, so the Depends (Qt's system libraries) are checked against this
# machine with dpkg-query instead and the installed program runs with this machine's
# libraries. No chroot: that would need a whole Debian in the root (debootstrap downloads).
set -euo pipefail
if [ -z "${CODI_CI_BOUNDED:-}" ]; then
  export CODI_CI_BOUNDED=1
  exec timeout --kill-after=30 "${CODI_CI_BUILD_TIMEOUT:-900}" bash "$0" "$@"
fi
cd "$(dirname "$0")/../.."

start=$(date +%s)
if [ -n "${CODI_DEB:-}" ]; then  # check a .deb built before instead of building one
  deb="$CODI_DEB"
else
  echo "== build (installers/linux/build.sh)"
  deb="$(bash installers/linux/build.sh | tail -1)"
fi
built=$(date +%s)

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
echo "== install $deb into $root (dpkg --root)"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/home/admin"
touch "$root/var/lib/dpkg/status"
install_deb() {  # the root has no libraries, so dpkg's dependency complaints are expected
  dpkg --root="$root" --force-depends --force-not-root --log=/dev/null -i "$deb" \
    >"$root/dpkg.log" 2>&1 || { cat "$root/dpkg.log"; exit 1; }
}
install_deb
dpkg --root="$root" -s codi-desktop | grep -E "^(Status|Version):"

echo "== package checks"
for f in usr/bin/codi-desktop opt/codi-desktop/codi-desktop \
         usr/share/applications/codi-desktop.desktop \
         usr/share/icons/hicolor/256x256/apps/codi-desktop.png; do
  [ -e "$root/$f" ] || { echo "missing in the package: /$f"; exit 1; }
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/codi-desktop.desktop"
fi
# Every dependency is a real package name this distribution has installed here.
missing=()
for dep in $(dpkg-deb -f "$deb" Depends | tr -d ' ' | tr ',' ' '); do
  dpkg-query -W -f='${Status}' "${dep%%(*}" 2>/dev/null | grep -q "ok installed" \
    || missing+=("$dep")
done
[ ${#missing[@]} -eq 0 ] || { echo "Depends not installed here: ${missing[*]}"; exit 1; }
echo "Depends: $(dpkg-deb -f "$deb" Depends)"

echo "== self-test of the installed app (offscreen, clean environment)"
t0=$(date +%s%N)
env -i PATH=/usr/bin:/bin HOME="$root/home/admin" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
  "$root/usr/bin/codi-desktop" self-test
t1=$(date +%s%N)
# It worked in a temporary folder: no database appeared in the user's data folder.
if find "$root/home/admin" -name 'codi.sqlite3' | grep -q .; then
  echo "self-test wrote a database into the user's data folder"; exit 1
fi

echo "== install again over a laptop's data: the data folder is kept and still opens"
run() { env -i PATH=/usr/bin:/bin HOME="$root/home/admin" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
          "$root/usr/bin/codi-desktop" "$@"; }
run demo --province 34 --scale small >/dev/null
db="$root/home/admin/.local/share/CODI Desktop/codi.sqlite3"
before="$(sha256sum < "$db")"
install_deb
[ "$(sha256sum < "$db")" = "$before" ] || { echo "the reinstall changed the database"; exit 1; }
run print budget --fiscal-year 2569 --out "$root/home/admin/budget.pdf" >/dev/null
echo "kept: $db ($(du -h "$db" | cut -f1)), printed a budget report from it"

mb() { awk -v b="$1" 'BEGIN { printf "%6.1f", b / 1048576 }'; }
echo "== figures"
printf 'build time          %4d s\n' $((built - start))
printf 'self-test (wall)    %6.1f s\n' "$(awk -v n=$((t1 - t0)) 'BEGIN { print n / 1e9 }')"
printf '.deb size           %s MB  %s\n' "$(mb "$(stat -c %s "$deb")")" "$deb"
printf 'installed folder    %s MB  /opt/codi-desktop\n' \
  "$(mb "$(du -sb "$root/opt/codi-desktop" | cut -f1)")"
