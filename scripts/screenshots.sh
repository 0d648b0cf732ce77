#!/usr/bin/env bash
# README screenshots: build bin/ilsa, fill a data directory with demo data,
# start the app under Xvfb (or $DISPLAY) per language and capture its window
# into docs/screenshots/<lang>-<name>.png. The app sizes its own window
# (1200×760).
#
# Add screens at the bottom with
#   shot LANG NAME [STEP...]
# where each STEP is an xdotool key sequence ("ctrl+f", "Tab Tab Return"),
# "type:some text" to type text (ASCII is reliable; xdotool may drop letters
# such as å/ø under Xvfb), or "sleep:SECONDS". Every shot starts the app
# afresh on its own copy of the demo data, so shots do not affect each other.
#
#   SHOT_THEME=dark scripts/screenshots.sh     Fyne theme (default: light)
#   SCREENSHOT_DIR=/tmp/s scripts/screenshots.sh   write somewhere else
# Logs of each run: build/screenshots/<lang>-<name>.{init,out,err}.log
set -euo pipefail

# Reuse the display, start, capture and stop helpers of the smoke test.
# shellcheck source=scripts/smoke.sh
source "$(dirname "${BASH_SOURCE[0]}")/smoke.sh"

OUT=${SCREENSHOT_DIR:-$ROOT/docs/screenshots}
SHOT_SETTLE=${SHOT_SETTLE:-2} # seconds to wait after start and after the steps
LOGS="$ROOT/build/screenshots"
APP_ENV=("FYNE_THEME=${SHOT_THEME:-light}")

declare -A LOCALE=([sv]=sv_SE.UTF-8 [nb]=nb_NO.UTF-8 [en]=en_GB.UTF-8)
# The advisor each copy of the demo data is set up for (`ilsa init`), so the
# shots show the app in use rather than its welcome dialog.
declare -A ADVISOR=([sv]="Anna Exempel" [nb]="Kari Nordmann" [en]="Alex Example")
declare -A COUNTRY=([sv]=SE [nb]=NO [en]=SE)
DEMO=""

# demo_template: one demo data directory, made once, copied for every shot.
demo_template() {
	if [[ -z "$DEMO" ]]; then
		DEMO="$TMP/demo"
		log "filling demo data: $ILSA_BIN --data $DEMO demo"
		mkdir -p "$LOGS" "$TMP/xdg/config" "$TMP/xdg/cache" "$TMP/xdg/data"
		: >"$LOGS/demo.log"
		ilsa_cli en "$LOGS/demo.log" --data "$DEMO" demo
	fi
}

# ilsa_cli LANG LOG ARGS...: run a command of bin/ilsa, output to LOG; exit on failure.
ilsa_cli() {
	local lang=$1 logf=$2
	shift 2
	env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG="${LOCALE[$lang]}" \
		XDG_CONFIG_HOME="$TMP/xdg/config" XDG_CACHE_HOME="$TMP/xdg/cache" XDG_DATA_HOME="$TMP/xdg/data" \
		"$ILSA_BIN" "$@" >>"$logf" 2>&1 || {
		log "failed: ilsa $* (log: $logf):"
		tail -n 30 "$logf" >&2
		exit 1
	}
}

# shot LANG NAME [STEP...]
shot() {
	local lang=$1 name=$2
	shift 2
	local locale=${LOCALE[$lang]:-}
	[[ -n "$locale" ]] || { log "unknown language '$lang' (sv, nb, en)"; exit 1; }
	demo_template
	local data="$TMP/data-$lang-$name" logp="$LOGS/$lang-$name" wid
	mkdir -p "$LOGS"
	rm -rf "$data" "$logp".*.log
	cp -a "$DEMO" "$data"
	ilsa_cli "$lang" "$logp.init.log" --data "$data" --lang "$lang" \
		init --advisor "${ADVISOR[$lang]}" --country "${COUNTRY[$lang]}"
	log "$lang-$name: starting"
	start_app "$locale" "$data" "$logp"
	if ! wid=$(wait_window); then
		stop_app "$logp" || true
		show_log "$logp"
		exit 1
	fi
	sleep "$SHOT_SETTLE"
	if [[ $# -gt 0 ]]; then
		xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
		local step
		for step in "$@"; do
			case "$step" in
			type:*) xdotool type --delay 40 -- "${step#type:}" ;;
			sleep:*) sleep "${step#sleep:}" ;;
			*) # word splitting is intended: "Tab Tab Return" is three keys
				# shellcheck disable=SC2086
				xdotool key --delay 120 $step ;;
			esac
		done
		sleep "$SHOT_SETTLE"
	fi
	local png="$OUT/$lang-$name.png"
	mkdir -p "$OUT"
	# Always the window alone, without the black around it on Xvfb; written to
	# a .tmp file first so a failed run never leaves a broken PNG behind.
	import -window "$wid" "png:$png.tmp"
	convert "$png.tmp" -strip "png:$png.tmp"
	if ! check_not_blank "$png.tmp"; then
		stop_app "$logp" || true
		rm -f "$png.tmp"
		exit 1
	fi
	if ! stop_app "$logp"; then
		show_log "$logp"
		rm -f "$png.tmp"
		exit 1
	fi
	mv -f "$png.tmp" "$png"
	log "$lang-$name: wrote ${png#"$ROOT"/} ($(identify -format '%wx%h' "$png"))"
}

setup

shot sv home
shot nb home

echo "screenshots: written to ${OUT#"$ROOT"/}/"
