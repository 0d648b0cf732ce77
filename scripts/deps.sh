#!/usr/bin/env bash
# Install the Debian packages ILSA Coach needs, if any are missing.
#
#   scripts/deps.sh build   compiler and the X11/OpenGL headers Fyne links against
#   scripts/deps.sh test    Xvfb, ImageMagick, xdotool, pdftotext, syncthing, fonts
#   scripts/deps.sh dist    the release tools: mingw-w64 (Windows cross build), NSIS,
#                           dpkg-dev, ImageMagick (the .ico), zip, xz
#   scripts/deps.sh wine    Wine, to run the Windows build in the release smoke test
#
# Quiet when everything is present. Installs with apt-get as root, or through
# sudo when it needs no password; otherwise prints the command to run and exits 1.
set -euo pipefail

usage() {
	echo "usage: $0 build|test|dist|wine" >&2
	exit 2
}

[[ $# -eq 1 ]] || usage
case "$1" in
build) pkgs=(gcc libgl1-mesa-dev xorg-dev) ;;
test) pkgs=(xvfb imagemagick xdotool poppler-utils syncthing fonts-dejavu-core) ;;
dist) pkgs=(gcc-mingw-w64-x86-64 nsis dpkg-dev imagemagick zip xz-utils) ;;
wine) pkgs=(wine wine64 unzip) ;;
*) usage ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps: not a Debian-based system; make sure these (or your system's equivalents) are installed:" >&2
	echo "deps:   ${pkgs[*]}" >&2
	exit 0
fi

missing=()
for p in "${pkgs[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	if [[ "$status" != "install ok installed" ]]; then
		missing+=("$p")
	fi
done

[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "deps: missing Debian packages for '$1': ${missing[*]}" >&2

install_cmd=(env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}")
update_cmd=(env DEBIAN_FRONTEND=noninteractive apt-get update)

if [[ $(id -u) -eq 0 ]]; then
	sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo=(sudo)
else
	echo "deps: run this as root (or with sudo), then try again:" >&2
	echo "" >&2
	echo "    sudo sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}'" >&2
	echo "" >&2
	exit 1
fi

echo "deps: installing: ${missing[*]}" >&2
"${sudo[@]}" "${update_cmd[@]}"
"${sudo[@]}" "${install_cmd[@]}"

# Check again: apt-get can succeed without installing what we asked for.
still=()
for p in "${missing[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[[ "$status" == "install ok installed" ]] || still+=("$p")
done
if [[ ${#still[@]} -gt 0 ]]; then
	echo "deps: still missing after apt-get: ${still[*]}" >&2
	exit 1
fi
echo "deps: installed: ${missing[*]}" >&2
