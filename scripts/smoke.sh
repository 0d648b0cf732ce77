#!/usr/bin/env bash
# Smoke test: start the real bin/ilsa on an X display (a private Xvfb unless
# DISPLAY is already set), once in Swedish and once in Norwegian, wait for the
# "ILSA Coach" window, take a screenshot into build/smoke/, check that it is not
# blank, stop the app and check that it did not panic.
#
#   scripts/smoke.sh                    build if needed, run both languages
#   ILSA_BIN=path scripts/smoke.sh      test that binary instead (no build)
#   SMOKE_TIMEOUT=40 scripts/smoke.sh   wait longer for the window (default 20 s)
#
# Needs: Xvfb, xdotool, ImageMagick (import, identify) — `scripts/deps.sh test`.
#
# The functions here are reused by scripts/screenshots.sh, which sources this
# file; `main` only runs when the file is executed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ILSA_BIN=${ILSA_BIN:-}
WINDOW_NAME="ILSA Coach"
SMOKE_TIMEOUT=${SMOKE_TIMEOUT:-20} # seconds to wait for the window
SMOKE_SETTLE=${SMOKE_SETTLE:-2}    # seconds to let the first frame render
XVFB_SCREEN=${XVFB_SCREEN:-1280x800x24} # the private Xvfb's screen (WIDTHxHEIGHTxDEPTH)

APP_ENV=() # extra VAR=value settings for the app, e.g. (FYNE_THEME=light)

XVFB_PID=""
APP_PID=""
OWN_X=0 # 1 when we started Xvfb ourselves
TMP=""

log() { echo "$(basename "$0"): $*" >&2; }

need() {
	local missing=()
	for c in "$@"; do command -v "$c" >/dev/null 2>&1 || missing+=("$c"); done
	if [[ ${#missing[@]} -gt 0 ]]; then
		log "missing commands: ${missing[*]} — run: scripts/deps.sh test"
		exit 1
	fi
}

cleanup() {
	local rc=$?
	if [[ -n "$APP_PID" ]]; then
		kill -KILL -- "-$APP_PID" 2>/dev/null || true
		wait "$APP_PID" 2>/dev/null || true
	fi
	if [[ -n "$XVFB_PID" ]]; then
		kill -TERM "$XVFB_PID" 2>/dev/null || true
		wait "$XVFB_PID" 2>/dev/null || true
	fi
	if [[ -n "$TMP" && -d "$TMP" ]]; then rm -rf "$TMP" 2>/dev/null || true; fi
	return $rc
}

# setup: temp dir, traps, binary, display.
setup() {
	need xdotool import identify convert setsid
	TMP=$(mktemp -d "${TMPDIR:-/tmp}/ilsa-smoke.XXXXXX")
	trap cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	build_if_needed
	start_x
}

build_if_needed() {
	if [[ -n "$ILSA_BIN" ]]; then
		[[ -x "$ILSA_BIN" ]] || { log "ILSA_BIN=$ILSA_BIN is not an executable"; exit 1; }
		return
	fi
	# `make build` checks the Debian packages and lets the go build cache decide
	# what is out of date; it is quick when nothing changed.
	make -C "$ROOT" --no-print-directory -s build
	ILSA_BIN="$ROOT/bin/ilsa"
}

# start_x: use $DISPLAY if set, otherwise start Xvfb on the first free display
# number from 99 up, and wait until it answers. -noreset: otherwise the
# server resets when its last client leaves, and the next app start can hit
# that moment and fail with "Failed to open display".
start_x() {
	if [[ -n "${DISPLAY:-}" ]]; then
		log "using DISPLAY=$DISPLAY"
		return
	fi
	need Xvfb
	local n
	for n in $(seq 99 199); do
		[[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]] && continue
		Xvfb ":$n" -screen 0 "$XVFB_SCREEN" -nolisten tcp -noreset >"$TMP/xvfb.log" 2>&1 &
		XVFB_PID=$!
		local i
		for i in $(seq 1 50); do
			if ! kill -0 "$XVFB_PID" 2>/dev/null; then
				break # lost a race for this number, or Xvfb cannot start
			fi
			if DISPLAY=":$n" xdotool getdisplaygeometry >/dev/null 2>&1; then
				export DISPLAY=":$n"
				OWN_X=1
				return
			fi
			sleep 0.1
		done
		kill -TERM "$XVFB_PID" 2>/dev/null || true
		wait "$XVFB_PID" 2>/dev/null || true
		XVFB_PID=""
	done
	log "could not start Xvfb on any display :99..:199; last log:"
	cat "$TMP/xvfb.log" >&2 || true
	exit 1
}

# start_app LANG DATADIR LOGPREFIX [ARGS...]: start bin/ilsa in the background
# with the given locale; stdout/stderr go to LOGPREFIX.{out,err}.log. It runs
# in its own process group (setsid), so stopping it also stops anything it
# started.
start_app() {
	local lang=$1 data=$2 logp=$3
	shift 3
	mkdir -p "$TMP/xdg/config" "$TMP/xdg/cache" "$TMP/xdg/data"
	setsid env -u LC_ALL -u LC_MESSAGES -u LANGUAGE \
		"${APP_ENV[@]}" \
		LANG="$lang" \
		XDG_CONFIG_HOME="$TMP/xdg/config" \
		XDG_CACHE_HOME="$TMP/xdg/cache" \
		XDG_DATA_HOME="$TMP/xdg/data" \
		"$ILSA_BIN" --data "$data" "$@" >"$logp.out.log" 2>"$logp.err.log" &
	APP_PID=$!
}

# wait_window: print the id of the visible "ILSA Coach" window once it
# appears; fail if the app exits first or SMOKE_TIMEOUT passes.
wait_window() {
	local deadline=$((SECONDS + SMOKE_TIMEOUT)) wid
	while ((SECONDS < deadline)); do
		if ! kill -0 "$APP_PID" 2>/dev/null; then
			log "the app exited before its window appeared"
			return 1
		fi
		wid=$(xdotool search --onlyvisible --name "$WINDOW_NAME" 2>/dev/null | head -n1 || true)
		if [[ -n "$wid" ]]; then
			echo "$wid"
			return 0
		fi
		sleep 0.25
	done
	log "no window named \"$WINDOW_NAME\" within ${SMOKE_TIMEOUT} s"
	return 1
}

# capture WID FILE: screenshot of the whole screen (our own Xvfb) or of the
# app window only (someone else's display), as PNG.
capture() {
	local wid=$1 out=$2 target=root
	[[ $OWN_X -eq 1 ]] || target=$wid
	import -window "$target" "png:$out"
}

# check_not_blank FILE: more than 16 colours and a standard deviation that is
# not ~0; prints what it measured.
check_not_blank() {
	local f=$1 colours sd
	colours=$(identify -format '%k' "$f")
	sd=$(convert "$f" -colorspace Gray -format '%[fx:standard_deviation]' info:)
	if ((colours <= 16)); then
		log "$f looks blank: only $colours colours"
		return 1
	fi
	if awk -v sd="$sd" 'BEGIN { exit !(sd < 0.01) }'; then
		log "$f looks blank: standard deviation $sd"
		return 1
	fi
	log "$f: $colours colours, standard deviation $sd"
}

# stop_app LOGPREFIX: SIGTERM (Fyne quits on it), wait up to 10 s, then check
# the exit status and that stderr has no panic, fatal error or data race.
stop_app() {
	local logp=$1 rc=0 i ok=1
	kill -TERM -- "-$APP_PID" 2>/dev/null || kill -TERM "$APP_PID" 2>/dev/null || true
	for i in $(seq 1 100); do
		kill -0 "$APP_PID" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$APP_PID" 2>/dev/null; then
		# SIGQUIT makes a Go program print every goroutine's stack to stderr,
		# which shows where it hangs; then it is killed for good.
		log "the app did not exit within 10 s of SIGTERM; goroutine dump (SIGQUIT) in $logp.err.log"
		kill -QUIT "$APP_PID" 2>/dev/null || true
		for i in $(seq 1 20); do
			kill -0 "$APP_PID" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL -- "-$APP_PID" 2>/dev/null || kill -KILL "$APP_PID" 2>/dev/null || true
		ok=0
	fi
	wait "$APP_PID" 2>/dev/null || rc=$?
	kill -KILL -- "-$APP_PID" 2>/dev/null || true # leftovers in its group
	APP_PID=""
	# 0 = quit cleanly; 143 = ended by the SIGTERM itself; APP_OK_RC = what a
	# start that fails on purpose ends with (a damaged database: 1). Anything
	# else is a crash.
	if [[ $ok -eq 1 && $rc -ne 0 && $rc -ne 143 && $rc -ne ${APP_OK_RC:-0} ]]; then
		log "the app exited with status $rc"
		ok=0
	fi
	if grep -E -n 'panic:|fatal error:|SIGSEGV|WARNING: DATA RACE|goroutine [0-9]+ \[' "$logp.err.log" >&2; then
		log "the app's stderr ($logp.err.log) shows a crash"
		ok=0
	fi
	if grep -q 'Fyne error' "$logp.err.log"; then
		log "warning: Fyne reported errors (see $logp.err.log)"
	fi
	[[ $ok -eq 1 ]]
}

# smoke_one NAME LANG: one full start–capture–stop cycle.
smoke_one() {
	local name=$1 lang=$2 out="$ROOT/build/smoke"
	local logp="$out/$name" png="$out/$name.png" wid
	mkdir -p "$out"
	rm -f "$png" "$logp".*.log
	log "$name: starting $ILSA_BIN with LANG=$lang"
	start_app "$lang" "$TMP/data-$name" "$logp"
	if ! wid=$(wait_window); then
		stop_app "$logp" || true
		show_log "$logp"
		return 1
	fi
	sleep "$SMOKE_SETTLE"
	local ok=1
	if ! capture "$wid" "$png"; then
		log "$name: screenshot failed"
		ok=0
	elif ! check_not_blank "$png"; then
		ok=0
	fi
	stop_app "$logp" || ok=0
	if [[ $ok -eq 1 ]]; then
		if [[ ! -d "$TMP/data-$name" ]]; then
			log "$name: warning: --data $TMP/data-$name was not created"
		fi
		log "$name: ok ($png)"
		return 0
	fi
	show_log "$logp"
	return 1
}

show_log() {
	local logp=$1
	if [[ -s "$logp.err.log" ]]; then
		log "last lines of $logp.err.log:"
		tail -n 30 "$logp.err.log" >&2
	fi
}

# cli_one LANG: the real binary's command line under a locale prints exactly
# the one line of a usage error on stderr — nothing from Fyne's start-up
# (C.UTF-8 used to add three "Fyne error" lines) — and exits 2.
cli_one() {
	local locale=$1 err code
	err=$(LANG=$locale LC_ALL= LANGUAGE= "$ILSA_BIN" --data "$TMP/cli-$locale" org add 2>&1 >/dev/null) && code=0 || code=$?
	if [[ $code -ne 2 || $(printf '%s\n' "$err" | wc -l) -ne 1 || "$err" == *"Fyne error"* ]]; then
		log "cli ($locale): exit $code, stderr:"
		printf '%s\n' "$err" >&2
		return 1
	fi
	log "cli ($locale): ok"
}

main() {
	setup
	local passed=0 failed=0 failures=()
	local case
	for case in "sv sv_SE.UTF-8" "nb nb_NO.UTF-8"; do
		set -- $case
		if smoke_one "$1" "$2"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			failures+=("$1")
		fi
	done
	for case in C.UTF-8 POSIX sv_SE.UTF-8; do
		if cli_one "$case"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			failures+=("cli-$case")
		fi
	done
	echo "smoke: $passed passed, $failed failed"
	if ((failed > 0)); then
		echo "smoke: FAILED: ${failures[*]} — screenshots and logs in build/smoke/" >&2
		exit 1
	fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
	main "$@"
fi
