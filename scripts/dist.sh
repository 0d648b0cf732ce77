#!/usr/bin/env bash
# Build every release artefact into dist/ (make dist):
#
#   ilsa-<v>-windows-amd64-setup.exe   per-user installer (NSIS), no administrator rights
#   ilsa-<v>-windows-amd64.zip         the same program, portable
#   ilsa_<v>_amd64.deb                 Debian/Ubuntu package
#   ilsa-<v>-linux-amd64.tar.xz        tarball with its own Makefile (install / user-install)
#   SHA256SUMS
#
# The version comes from FyneApp.toml (app.Version is tested to match it).
# Windows is cross-built with mingw-w64 (cgo for GLFW/OpenGL and SQLite) as
# a GUI program: no console window flashes up; app/winconsole makes the
# command line still print in a terminal.
set -euo pipefail
cd "$(dirname "$0")/.."

TAGS=${TAGS:-migrated_fynedo sqlite_fts5}
GO=${GO:-go}
version=$(scripts/version.sh)
build=$(scripts/version.sh build)
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "dist: FyneApp.toml has no Version x.y.z" >&2; exit 1; }
version4="$version.${build:-0}"

out=dist
work=build/dist
rm -rf "$out" "$work"
mkdir -p "$out" "$work"

# --- Linux ------------------------------------------------------------------
echo "dist: linux binary" >&2
CGO_ENABLED=1 "$GO" build -tags "$TAGS" -trimpath -ldflags "-s -w" -o "$work/linux/ilsa" .

stage_linux() { # stage_linux ROOT PREFIX: the program, its desktop entry and icons under ROOT/PREFIX
	local root=$1 prefix=$2
	install -Dm755 "$work/linux/ilsa" "$root$prefix/bin/ilsa"
	install -Dm644 scripts/dist/linux/eu.ilsa.coach.desktop "$root$prefix/share/applications/eu.ilsa.coach.desktop"
	install -Dm644 assets/icon.png "$root$prefix/share/icons/hicolor/512x512/apps/eu.ilsa.coach.png"
	install -Dm644 assets/icon.svg "$root$prefix/share/icons/hicolor/scalable/apps/eu.ilsa.coach.svg"
}

echo "dist: linux tarball" >&2
tardir="ilsa-$version-linux-amd64"
stage_linux "$work/tar/$tardir" /usr/local
install -Dm644 scripts/dist/linux/Makefile "$work/tar/$tardir/Makefile"
tar -C "$work/tar" --owner=0 --group=0 --numeric-owner -cJf "$out/$tardir.tar.xz" "$tardir"

echo "dist: debian package" >&2
deb="$work/deb"
stage_linux "$deb" /usr
install -Dm644 /dev/stdin "$deb/usr/share/doc/ilsa/copyright" <<COPYRIGHT
ILSA Coach $version
Licence: see /usr/share/doc/ilsa/LICENSE and \`ilsa licenses\`.
COPYRIGHT
[[ -f LICENSE ]] && install -Dm644 LICENSE "$deb/usr/share/doc/ilsa/LICENSE"
# The runtime dependencies are what the binary links against, as dpkg-shlibdeps
# finds them (with their minimum versions), never a hand-kept list.
mkdir -p "$work/shlibs/debian"
printf 'Source: ilsa\n\nPackage: ilsa\nArchitecture: amd64\n' >"$work/shlibs/debian/control"
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O "../linux/ilsa" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[[ -n $depends ]] || { echo "dist: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
# GLFW opens these X11 extensions at run time (dlopen in its x11_init.c), so
# no linker and no dpkg-shlibdeps sees them; without them the window has no
# cursor shapes, no multi-monitor layout and no raw input.
depends="$depends, libxcursor1, libxrandr2, libxinerama1, libxi6, libxxf86vm1"
size=$(du -sk --exclude=DEBIAN "$deb" | cut -f1)
mkdir -p "$deb/DEBIAN"
cat >"$deb/DEBIAN/control" <<CONTROL
Package: ilsa
Version: $version
Architecture: amd64
Maintainer: ILSA Coach developers <ilsa-coach@users.noreply.github.com>
Installed-Size: $size
Depends: $depends
Section: misc
Priority: optional
Homepage: https://github.com/ilsa-coach/ilsa
Description: innovation coaching for advisors, offline first
 ILSA Coach records company visits, applies innovation-management models
 with clients, follows each client's progress and syncs through a shared
 folder. Swedish, Norwegian and English.
CONTROL
dpkg-deb --root-owner-group -Zxz --build "$deb" "$out/ilsa_${version}_amd64.deb" >/dev/null

# --- Windows ----------------------------------------------------------------
echo "dist: windows program" >&2
win="$work/windows"
mkdir -p "$win"
convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 "$win/ilsa.ico"
sed "s/@VERSION4@/$version4/" scripts/dist/windows/ilsa.manifest >"$win/ilsa.manifest"
sed -e "s/@VERSION_COMMA@/${version4//./,}/" -e "s/@VERSION@/$version/" scripts/dist/windows/ilsa.rc.in >"$win/ilsa.rc"
# The resources (icon, version, manifest) go in as a .syso next to main.go,
# which only a windows/amd64 build links; it is removed again at once.
syso=rsrc_windows_amd64.syso
trap 'rm -f "$syso"' EXIT
x86_64-w64-mingw32-windres -O coff -I "$win" -i "$win/ilsa.rc" -o "$syso"
GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
	"$GO" build -tags "$TAGS" -trimpath -ldflags "-s -w -H=windowsgui" -o "$win/ilsa.exe" .
rm -f "$syso"

echo "dist: windows zip" >&2
zipdir="$work/zip/ILSA Coach"
mkdir -p "$zipdir"
cp "$win/ilsa.exe" "$zipdir/"
[[ -f LICENSE ]] && cp LICENSE "$zipdir/LICENSE.txt"
(cd "$work/zip" && zip -qr -X "../../../$out/ilsa-$version-windows-amd64.zip" "ILSA Coach")

echo "dist: windows installer" >&2
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DVERSION4="$version4" \
	-DEXE="$(realpath "$win/ilsa.exe")" -DICON="$(realpath "$win/ilsa.ico")" \
	-DOUTFILE="$(realpath "$out")/ilsa-$version-windows-amd64-setup.exe" scripts/dist/windows/installer.nsi

(cd "$out" && sha256sum -- * >SHA256SUMS)
echo "dist: done:" >&2
ls -l "$out" >&2
