#!/usr/bin/env bash
# Smoke-test the release artefacts in dist/ as installed (make disttest):
#
#   .deb      apt-get install ./ilsa_<v>_amd64.deb, then /usr/bin/ilsa: version, a CLI
#             round trip (init, org add, visit add, dump), the window under Xvfb
#   tarball   make user-install into a temporary prefix, the installed program runs
#   Windows   under Wine: ilsa.exe version, the same round trip in the default data
#             folder (%LOCALAPPDATA%\ILSA Coach), bundles exchanged both ways with the
#             Linux build until both dumps are the same bytes, the window under Xvfb,
#             the installer silently (/S) with the installed program run, and the
#             uninstaller, which must keep the data
#
# Needs root (or password-less sudo) for apt-get, and `scripts/deps.sh wine`.
# Wine 8.0 (Debian 12) lacks bcryptprimitives.dll, which Go's Windows runtime
# needs: a test-only shim (scripts/dist/wine) goes into the throw-away prefix.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=smoke.sh
source "$ROOT/scripts/smoke.sh"
cd "$ROOT"

version=$(scripts/version.sh)
deb="dist/ilsa_${version}_amd64.deb"
tarball="dist/ilsa-$version-linux-amd64.tar.xz"
zip="dist/ilsa-$version-windows-amd64.zip"
setup_exe="dist/ilsa-$version-windows-amd64-setup.exe"
for f in "$deb" "$tarball" "$zip" "$setup_exe" dist/SHA256SUMS; do
	[[ -f $f ]] || { log "missing $f: run make dist"; exit 1; }
done
(cd dist && sha256sum --quiet -c SHA256SUMS) || { log "SHA256SUMS does not match dist/"; exit 1; }

fail() { log "FAIL: $*"; exit 1; }
sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo -n)

setup_tmp() {
	need xdotool import identify convert setsid wine
	TMP=$(mktemp -d "${TMPDIR:-/tmp}/ilsa-dist.XXXXXX")
	trap cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	start_x
}

# round_trip RUN DATA NAME: init, org add, visit add and dump with the ilsa
# that RUN starts (RUN is a function name), in data folder DATA ("" = default).
round_trip() {
	local run=$1 data=$2 name=$3 org visit
	local d=()
	[[ -n $data ]] && d=(--data "$data")
	"$run" "${d[@]}" init --advisor "Anna Berg" --country SE --organisation "Region Jämtland Härjedalen" >/dev/null ||
		fail "$run init"
	org=$("$run" "${d[@]}" org add --name "$name" --country NO --municipality 5025 --sector C --employees 12 | tr -d '\r') ||
		fail "$run org add"
	visit=$("$run" "${d[@]}" visit add --org "$org" --date 2026-03-14 --type on-site --women 2 --men 1 \
		--notes "Patent och limträbalkar, Røros" | tr -d '\r') || fail "$run visit add"
	[[ -n $org && -n $visit ]] || fail "$run printed no ids"
	"$run" "${d[@]}" dump | tr -d '\r' >"$TMP/$run.dump.json" || fail "$run dump"
	grep -q "$name" "$TMP/$run.dump.json" || fail "$run dump lacks the organisation $name"
	grep -q "limträbalkar, Røros" "$TMP/$run.dump.json" || fail "$run dump lacks the visit's notes"
	log "$run: round trip ok (org $org, visit $visit)"
}

# --- the .deb ------------------------------------------------------------------
linux() { /usr/bin/ilsa "$@"; }
test_deb() {
	log "installing $deb"
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$deb" >"$TMP/apt.log" 2>&1 ||
		{ cat "$TMP/apt.log" >&2; fail "apt-get install ./$deb"; }
	[[ $(dpkg-query -W -f='${Version}' ilsa) == "$version" ]] || fail "dpkg says another version is installed"
	[[ $(linux version) == "ILSA Coach $version" ]] || fail "/usr/bin/ilsa version: $(linux version)"
	[[ $(linux --version) == "ILSA Coach $version" ]] || fail "/usr/bin/ilsa --version"
	[[ -f /usr/share/applications/eu.ilsa.coach.desktop ]] || fail "no desktop entry"
	[[ -f /usr/share/icons/hicolor/512x512/apps/eu.ilsa.coach.png ]] || fail "no icon"
	round_trip linux "$TMP/linux-data" "Fjällbryggan AB"

	log "the installed app's window"
	ILSA_BIN=/usr/bin/ilsa
	start_app sv_SE.UTF-8 "$TMP/linux-window" "$TMP/deb-window"
	local wid
	wid=$(wait_window) || { cat "$TMP/deb-window.err.log" >&2; fail "the installed app opened no window"; }
	sleep "$SMOKE_SETTLE"
	capture "$wid" "$TMP/deb-window.png"
	check_not_blank "$TMP/deb-window.png" || fail "the installed app's window is blank"
	stop_app "$TMP/deb-window"
}

# --- the tarball --------------------------------------------------------------
test_tarball() {
	log "user-install from $tarball"
	mkdir -p "$TMP/tar"
	tar -C "$TMP/tar" -xJf "$tarball"
	make -s -C "$TMP/tar/ilsa-$version-linux-amd64" user-install USER_PREFIX="$TMP/prefix" >/dev/null
	[[ $("$TMP/prefix/bin/ilsa" version) == "ILSA Coach $version" ]] || fail "the tarball's ilsa does not run"
	[[ -f $TMP/prefix/share/applications/eu.ilsa.coach.desktop ]] || fail "the tarball installed no desktop entry"
	make -s -C "$TMP/tar/ilsa-$version-linux-amd64" user-uninstall USER_PREFIX="$TMP/prefix" >/dev/null
	[[ ! -e $TMP/prefix/bin/ilsa ]] || fail "user-uninstall left the program"
}

# --- Windows under Wine -------------------------------------------------------
windows() { wine "$WIN_EXE" "$@" 2>>"$TMP/wine.err.log"; }
test_windows() {
	export WINEPREFIX="$TMP/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
	log "a Wine prefix"
	wineboot -i >"$TMP/wineboot.log" 2>&1 || { cat "$TMP/wineboot.log" >&2; fail "wineboot"; }
	x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
		scripts/dist/wine/bcryptprimitives_shim.c scripts/dist/wine/bcryptprimitives_shim.def -ladvapi32
	local user local_app_data
	user=$(ls "$WINEPREFIX/drive_c/users" | grep -v '^Public$' | head -n1)
	local_app_data="$WINEPREFIX/drive_c/users/$user/AppData/Local"

	log "the portable zip"
	mkdir -p "$TMP/zip"
	(cd "$TMP/zip" && unzip -q "$ROOT/$zip")
	WIN_EXE="$TMP/zip/ILSA Coach/ilsa.exe"
	[[ $(windows version | tr -d '\r') == "ILSA Coach $version" ]] || { cat "$TMP/wine.err.log" >&2; fail "ilsa.exe version"; }

	# The round trip in the default data folder: it must be the local
	# application-data folder, never Documents (OneDrive) nor the roaming one.
	round_trip windows "" "Fjellbrygga AS"
	[[ -f "$local_app_data/ILSA Coach/ilsa.db" ]] || { find "$WINEPREFIX/drive_c/users" -name 'ilsa.db*' >&2; fail "the Windows database is not in %LOCALAPPDATA%\\ILSA Coach"; }

	log "bundles both ways between the Linux and the Windows build"
	linux --data "$TMP/linux-data" export --out "$TMP/from-linux.ilsa" >/dev/null || fail "linux export"
	windows export --out "$(winepath -w "$TMP/from-windows.ilsa")" >/dev/null || fail "windows export"
	windows import "$(winepath -w "$TMP/from-linux.ilsa")" >/dev/null || fail "windows import"
	linux --data "$TMP/linux-data" import "$TMP/from-windows.ilsa" >/dev/null || fail "linux import"
	linux --data "$TMP/linux-data" dump >"$TMP/linux.both.json"
	windows dump | tr -d '\r' >"$TMP/windows.both.json"
	cmp -s "$TMP/linux.both.json" "$TMP/windows.both.json" ||
		{ diff "$TMP/linux.both.json" "$TMP/windows.both.json" | head -20 >&2; fail "the Linux and Windows dumps differ"; }
	grep -q "Fjällbryggan AB" "$TMP/windows.both.json" && grep -q "Fjellbrygga AS" "$TMP/windows.both.json" ||
		fail "the merged dump lacks one side's organisation"
	log "both dumps are the same $(wc -c <"$TMP/windows.both.json") bytes"

	log "the window under Wine"
	setsid env LANG=nb_NO.UTF-8 wine "$WIN_EXE" >"$TMP/wine-window.out.log" 2>"$TMP/wine-window.err.log" &
	APP_PID=$!
	local wid
	wid=$(SMOKE_TIMEOUT=60 wait_window) || { tail -20 "$TMP/wine-window.err.log" >&2; fail "no window under Wine"; }
	sleep "$SMOKE_SETTLE"
	capture "$wid" "$TMP/wine-window.png"
	mkdir -p build/smoke && cp "$TMP/wine-window.png" build/smoke/wine-window.png
	check_not_blank "$TMP/wine-window.png" || fail "the window under Wine is blank"
	kill -KILL -- "-$APP_PID" 2>/dev/null || true
	wait "$APP_PID" 2>/dev/null || true
	APP_PID=""
	wineserver -k 2>/dev/null || true

	log "the installer, silently"
	wine "$ROOT/$setup_exe" /S || fail "the installer failed"
	local installed="$local_app_data/Programs/ILSA Coach"
	[[ -f "$installed/ilsa.exe" && -f "$installed/uninstall.exe" ]] || fail "nothing installed in $installed"
	WIN_EXE="$installed/ilsa.exe"
	[[ $(windows version | tr -d '\r') == "ILSA Coach $version" ]] || fail "the installed ilsa.exe does not run"
	windows dump | tr -d '\r' | cmp -s - "$TMP/windows.both.json" || fail "the installed program does not see the same data"
	find "$WINEPREFIX/drive_c" -iname 'ILSA Coach.lnk' | grep -qi 'start menu' || fail "no Start-menu shortcut"
	wine "$ROOT/$setup_exe" /S || fail "installing over an installed version (upgrade) failed"
	wine "$installed/uninstall.exe" /S || fail "the uninstaller failed"
	for i in $(seq 1 50); do [[ -e "$installed/ilsa.exe" ]] || break; sleep 0.2; done # it finishes from a copy of itself
	[[ ! -e "$installed/ilsa.exe" ]] || fail "the uninstaller left the program"
	[[ -f "$local_app_data/ILSA Coach/ilsa.db" ]] || fail "the uninstaller removed the user's data"
	wineserver -k 2>/dev/null || true
}

setup_tmp
test_deb
test_tarball
test_windows
log "all release artefacts installed and ran"
