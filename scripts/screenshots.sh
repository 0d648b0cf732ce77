#!/usr/bin/env bash
# README screenshots: build bin/ilsa, fill a data directory with demo data,
# start the app under Xvfb (or $DISPLAY) per language and capture its window
# into docs/screenshots/<lang>-<name>.png. The app sizes its own window
# (1200×760, or the size kept from the last run, which SHOT_SIZE sets).
#
# Add screens at the bottom with
#   shot LANG NAME [STEP...]
# where each STEP is an xdotool key sequence ("ctrl+f", "Tab Tab Return"),
# "type:some text" to type text (ASCII is reliable; xdotool may drop letters
# such as å/ø under Xvfb), "click:X,Y" to click with the left button at X,Y
# relative to the window's top-left corner, "wheel:X,Y,N" to turn the mouse
# wheel N notches down over X,Y, or "sleep:SECONDS". Every
# shot starts the app afresh on its own copy of the demo data, so shots do
# not affect each other. The mouse is parked outside the window before the
# app starts and after the steps, so no hover highlight shows in the shot.
#
#   SHOT_THEME=dark scripts/screenshots.sh     Fyne theme (default: light)
#   SCREENSHOT_DIR=/tmp/s scripts/screenshots.sh   write somewhere else
#   SHOT_LANGS="sv nb" scripts/screenshots.sh   languages (default: sv nb en)
#   SHOT_ONLY="today new-visit" scripts/screenshots.sh   only these screens
#   SHOT_SIZE=1024x700 scripts/screenshots.sh   the window's size (default 1200x760);
#                      the file names then end in -1024x700. A window that grew
#                      by itself shows in the size logged for each shot.
# Logs of each run: build/screenshots/<lang>-<name>.{init,out,err}.log
set -euo pipefail

# Reuse the display, start, capture and stop helpers of the smoke test.
# shellcheck source=scripts/smoke.sh
source "$(dirname "${BASH_SOURCE[0]}")/smoke.sh"

OUT=${SCREENSHOT_DIR:-$ROOT/docs/screenshots}
SHOT_SETTLE=${SHOT_SETTLE:-2} # seconds to wait after start and after the steps
LOGS="$ROOT/build/screenshots"
APP_ENV=("FYNE_THEME=${SHOT_THEME:-light}")

SHOT_SIZE=${SHOT_SIZE:-}
SIZE_SUFFIX=""
if [[ -n "$SHOT_SIZE" ]]; then
	[[ "$SHOT_SIZE" =~ ^([0-9]+)x([0-9]+)$ ]] || { log "SHOT_SIZE=$SHOT_SIZE: want WIDTHxHEIGHT, e.g. 1024x700"; exit 1; }
	SHOT_W=${BASH_REMATCH[1]} SHOT_H=${BASH_REMATCH[2]}
	SIZE_SUFFIX="-$SHOT_SIZE"
	# Room around the window, so a window that grows past its size shows.
	XVFB_SCREEN="$((SHOT_W + 400))x$((SHOT_H + 500))x24"
fi

declare -A LOCALE=([sv]=sv_SE.UTF-8 [nb]=nb_NO.UTF-8 [en]=en_GB.UTF-8)
# The advisor each copy of the demo data is set up for (`ilsa init`), so the
# shots show the app in use rather than its welcome dialog.
declare -A ADVISOR=([sv]="Anna Exempel" [nb]="Kari Nordmann" [en]="Alex Example")
declare -A ORGANISATION=([sv]="Innovationskontoret i Exempelby" [nb]="Innovasjonskontoret i Eksempelby" [en]="Example Innovation Office")
declare -A COUNTRY=([sv]=SE [nb]=NO [en]=SE)
DEMO=""
SHOTS=0 # shots taken, to catch a SHOT_LANGS/SHOT_ONLY that matches none

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

# park_mouse: move the pointer to the bottom-right corner of the screen,
# outside the 1200×760 window, where it hovers over nothing.
park_mouse() {
	local w h
	read -r w h < <(xdotool getdisplaygeometry)
	xdotool mousemove $((w - 1)) $((h - 1))
}

# wanted LANG NAME: true if SHOT_LANGS and SHOT_ONLY select this shot.
wanted() {
	[[ " ${SHOT_LANGS:-sv nb en} " == *" $1 "* ]] || return 1
	[[ -z "${SHOT_ONLY:-}" || " $SHOT_ONLY " == *" $2 "* ]]
}

# shot LANG NAME [STEP...]
shot() {
	local lang=$1 name=$2
	shift 2
	wanted "$lang" "$name" || return 0
	SHOTS=$((SHOTS + 1))
	local locale=${LOCALE[$lang]:-}
	[[ -n "$locale" ]] || { log "unknown language '$lang' (sv, nb, en)"; exit 1; }
	demo_template
	local data="$TMP/data-$lang-$name" logp="$LOGS/$lang-$name" wid
	mkdir -p "$LOGS"
	rm -rf "$data" "$logp".*.log
	cp -a "$DEMO" "$data"
	# Fresh XDG folders (Fyne's preferences live there) for every shot, so no
	# shot sees what an earlier one left behind.
	rm -rf "$TMP/xdg"
	mkdir -p "$TMP/xdg/config" "$TMP/xdg/cache" "$TMP/xdg/data"
	ilsa_cli "$lang" "$logp.init.log" --data "$data" --lang "$lang" \
		init --advisor "${ADVISOR[$lang]}" --organisation "${ORGANISATION[$lang]}" --country "${COUNTRY[$lang]}"
	if [[ -n "$SHOT_SIZE" ]]; then
		# The window opens at the size it had when last closed (app/prefs),
		# a device-local setting.
		need sqlite3
		sqlite3 "$data/ilsa.db" "INSERT INTO local(key, value) VALUES('setting.window.width', '$SHOT_W'), ('setting.window.height', '$SHOT_H')
			ON CONFLICT(key) DO UPDATE SET value = excluded.value"
	fi
	# A shot may prepare its data further: prepare_NAME LANG DATA LOG.
	local prep="prepare_${name//-/_}"
	if declare -F "$prep" >/dev/null; then
		"$prep" "$lang" "$data" "$logp.prepare.log"
	fi
	log "$lang-$name: starting"
	park_mouse
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
			wheel:*)
				# wheel:X,Y,N turns the mouse wheel N notches down over X,Y.
				local xyn=${step#wheel:}
				[[ "$xyn" =~ ^([0-9]+),([0-9]+),([0-9]+)$ ]] || { log "bad step '$step' (wheel:X,Y,N)"; stop_app "$logp" || true; exit 1; }
				xdotool mousemove --window "$wid" --sync "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" click --repeat "${BASH_REMATCH[3]}" --delay 80 5
				;;
			click:*)
				local xy=${step#click:}
				[[ "$xy" =~ ^[0-9]+,[0-9]+$ ]] || { log "bad step '$step' (click:X,Y)"; stop_app "$logp" || true; exit 1; }
				xdotool mousemove --window "$wid" --sync "${xy%,*}" "${xy#*,}" click 1
				;;
			*) # word splitting is intended: "Tab Tab Return" is three keys
				# shellcheck disable=SC2086
				xdotool key --delay 120 $step ;;
			esac
		done
		park_mouse
		sleep "$SHOT_SETTLE"
	fi
	local png="$OUT/$lang-$name$SIZE_SUFFIX.png"
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

# Where the shots click, relative to the window's top-left corner.
NAV_ORGS=click:60,105    # navigation: Organisations
NAV_VISITS=click:60,175  # navigation: Visits
NAV_ACTIONS=click:60,245 # navigation: Follow-ups (actions)
NAV_JOINT=click:60,315   # navigation: Project (opens on its joint actions)
PROJECT_MAP=click:440,25 # the Project screen's inner tab: Innovation system
declare -A PROJECT_FINDINGS=([sv]=click:600,25 [nb]=click:510,25 [en]=click:470,25) # its third: Findings
NAV_REPORTS=click:60,385
NAV_SYNC=click:60,455
NAV_SETTINGS=click:60,525
# Settings' "Licences of included software…": the About card's texts wrap
# differently in each language.
declare -A LICENCES_BUTTON=([sv]=click:815,565 [nb]=click:815,585 [en]=click:790,547)
# Third row of the organisation list, sorted by name (after "Berg kommun" and
# "Bergdesign AB 105"): with the demo data "Bergmekaniska AB 103", which has a
# contact, seven visits and three actions.
ORG_ROW=click:300,315
# The organisation's tabs start where the list/detail split puts them: at
# 40 % of the window beside the navigation. TAB_X X: X at 1200 px, moved
# with the split for SHOT_SIZE (tabs past the edge fold into "…" and
# cannot be clicked here).
TAB_X() { echo $(($1 + (${SHOT_W:-1200} - 1200) * 2 / 5)); }
TAB_CONTACTS=click:$(TAB_X 697),105 # organisation detail tabs
TAB_VISITS=click:$(TAB_X 797),105
TAB_ACTIONS=click:$(TAB_X 902),105
ORG=("$NAV_ORGS" sleep:1 "$ORG_ROW" sleep:1)
# An organisation of the demo with assessments, found by searching; its
# Assessments and Progress tabs sit where the labels' widths put them.
ASSESSED=("$NAV_ORGS" sleep:1 ctrl+f type:Krokomslog sleep:1 click:300,150 sleep:1)
# At 1200 px Progress folds into the tabs' "…" menu, so its steps open that
# menu and pick it there.
declare -A TAB_ASSESS=([sv]=click:$(TAB_X 1022),105 [nb]=click:$(TAB_X 1008),105 [en]=click:$(TAB_X 1010),105)
# A university of the demo, with spin-offs and a partner across the border.
UNIVERSITY=("$NAV_ORGS" sleep:1 ctrl+f type:Mittuniv sleep:1 click:300,150 sleep:1)
# Relations, the last tab, folds there in every language, after Progress.
TAB_MORE="click:$(TAB_X 1177),105 sleep:1"
declare -A TAB_PROGRESS=([sv]="$TAB_MORE click:$(TAB_X 1150),142" [nb]="$TAB_MORE click:$(TAB_X 1150),142" [en]="$TAB_MORE click:$(TAB_X 1150),142")
declare -A TAB_RELATIONS=([sv]="$TAB_MORE click:$(TAB_X 1150),180" [nb]="$TAB_MORE click:$(TAB_X 1150),180" [en]="$TAB_MORE click:$(TAB_X 1150),180")

# The Sync screen in use: a colleague shares the folder, and both edited one
# organisation's notes and sector before seeing each other's change. The
# app syncs on start, so it shows the last result and two conflicts.
declare -A COLLEAGUE=([sv]="Erik Lund" [nb]="Ola Haugen" [en]="Sam Colleague")
declare -A MY_NOTES=([sv]="Vill utöka till Norge nästa sommar" [nb]="Vil utvide til Sverige neste sommer" [en]="Wants to expand to Norway next summer")
declare -A THEIR_NOTES=([sv]="Söker finansiering för en ny lagerlokal" [nb]="Søker finansiering til et nytt lager" [en]="Looking for funding for a new warehouse")
prepare_sync() {
	local lang=$1 data=$2 logf=$3 shared="$TMP/$1/Nextcloud/ILSA" colleague="$TMP/colleague-$1" id
	rm -rf "$shared" "$colleague"
	mkdir -p "$shared"
	: >"$logf"
	ilsa_cli "$lang" "$logf" --data "$colleague" init --advisor "${COLLEAGUE[$lang]}" --country "${COUNTRY[$lang]}"
	ilsa_cli "$lang" "$logf" --data "$data" sync --folder "$shared"
	ilsa_cli "$lang" "$logf" --data "$colleague" sync --folder "$shared"
	id=$("$ILSA_BIN" --data "$data" org list --search Krokomslog --json | grep -o '"id": "[^"]*"' | head -n 1 | cut -d'"' -f4)
	[[ -n "$id" ]] || { log "prepare_sync: no organisation Krokomslog in the demo"; exit 1; }
	ilsa_cli "$lang" "$logf" --data "$data" org edit "$id" --notes "${MY_NOTES[$lang]}" --sector N
	ilsa_cli "$lang" "$logf" --data "$colleague" org edit "$id" --notes "${THEIR_NOTES[$lang]}" --sector G
	ilsa_cli "$lang" "$logf" --data "$colleague" sync --folder "$shared"
}

# The Sync screen after an erasure: a contact added and synced to the
# colleague, then erased here and synced (complete here, not yet there).
prepare_sync_erasure() {
	local lang=$1 data=$2 logf=$3 shared="$TMP/$1/Nextcloud/ILSA" id contact
	prepare_sync "$@"
	id=$("$ILSA_BIN" --data "$data" org list --search Krokomslog --json | grep -o '"id": "[^"]*"' | head -n 1 | cut -d'"' -f4)
	contact=$("$ILSA_BIN" --data "$data" contact add --org "$id" --name "Ingrid Exempel" --email ingrid@example.se)
	ilsa_cli "$lang" "$logf" --data "$data" sync --folder "$shared"
	ilsa_cli "$lang" "$logf" --data "$data" contact erase "$contact"
	ilsa_cli "$lang" "$logf" --data "$data" sync --folder "$shared"
}

# The Sync screen's Team section. sync-team: the colleague created a team
# for the folder and synced; this advisor has not joined yet, so the last
# sync says the colleague's files are encrypted. sync-team-member: both
# joined and synced, so both are listed as members.
prepare_sync_team() {
	local lang=$1 data=$2 logf=$3 shared="$TMP/$1/Nextcloud/ILSA" colleague="$TMP/colleague-$1"
	rm -rf "$shared" "$colleague"
	mkdir -p "$shared"
	: >"$logf"
	export ILSA_PASSPHRASE="Storsjon i februari"
	ilsa_cli "$lang" "$logf" --data "$colleague" init --advisor "${COLLEAGUE[$lang]}" --country "${COUNTRY[$lang]}"
	ilsa_cli "$lang" "$logf" --data "$colleague" team create --folder "$shared"
	ilsa_cli "$lang" "$logf" --data "$colleague" org add --name "Fjallbruket AB"
	ilsa_cli "$lang" "$logf" --data "$colleague" sync --folder "$shared"
	[[ "${TEAM_JOIN:-}" == 1 ]] && ilsa_cli "$lang" "$logf" --data "$data" team join --folder "$shared"
	ilsa_cli "$lang" "$logf" --data "$data" sync --folder "$shared" || true
	ilsa_cli "$lang" "$logf" --data "$colleague" sync --folder "$shared"
	unset ILSA_PASSPHRASE
}
prepare_sync_team_member() { TEAM_JOIN=1 prepare_sync_team "$@"; }
prepare_sync_team_join() { prepare_sync_team "$@"; }

# Today before anything is recorded (the welcome answered with "start
# empty"): the first steps and demo data on offer. The shot's copy of the
# demo data is replaced by an empty data folder.
prepare_today_empty() {
	local lang=$1 data=$2 logf=$3
	rm -rf "$data"
	: >"$logf"
	ilsa_cli "$lang" "$logf" --data "$data" --lang "$lang" \
		init --advisor "${ADVISOR[$lang]}" --organisation "${ORGANISATION[$lang]}" --country "${COUNTRY[$lang]}"
}

# A Swedish sole trader, whose org number is the owner's personnummer: the
# list and a search by the number show it masked, its own page whole with
# the warning why.
prepare_organisations_sole_trader() {
	local lang=$1 data=$2 logf=$3
	: >"$logf"
	ilsa_cli "$lang" "$logf" --data "$data" org add --name "Anna Bergs Snickeri" --orgnr 811218-9876 --country SE --municipality 2321
}
prepare_organisation_sole_trader() { prepare_organisations_sole_trader "$@"; }

# A start on a damaged database: its first bytes overwritten, a backup in
# the data folder to restore.
prepare_damaged() {
	local lang=$1 data=$2 logf=$3
	: >"$logf"
	ilsa_cli "$lang" "$logf" --data "$data" backup
	printf 'not a database!!' | dd of="$data/ilsa.db" bs=16 count=1 conv=notrunc status=none
}
# Settings' backups: "Restore…" on the newest asks first.
prepare_backup_restore() {
	: >"$3"
	ilsa_cli "$1" "$3" --data "$2" backup
}
declare -A RESTORE_BUTTON=([sv]=click:595,553 [nb]=click:580,535 [en]=click:590,535)

# Reports of a submitted half-year: this half-year submitted with a note,
# then two enterprises visited for the first time and one deleted, so
# figures show the submitted value and the difference.
declare -A SUBMIT_NOTE=([sv]="Skickad med lägesrapporten" [nb]="Sendt med delrapporten" [en]="Sent with the interim report")
prepare_reports_submitted() {
	local lang=$1 data=$2 logf=$3 y m from to id org
	y=$(date +%Y) m=$(date +%-m)
	if ((m >= 7)); then from=$y-07-01 to=$y-12-31; else from=$y-01-01 to=$y-06-30; fi
	: >"$logf"
	ilsa_cli "$lang" "$logf" --data "$data" report submit --from "$from" --to "$to" --note "${SUBMIT_NOTE[$lang]}"
	for org in "Nyfors Fisk AB" "Tannas Trahus AB"; do
		id=$("$ILSA_BIN" --data "$data" org add --name "$org" --country SE --municipality 2321 --kind sme --employees 6)
		ilsa_cli "$lang" "$logf" --data "$data" visit add --org "$id" --date "$(date +%F)" --minutes 60
	done
	id=$("$ILSA_BIN" --data "$data" org list --search Krokomslog --json | grep -o '"id": "[^"]*"' | head -n 1 | cut -d'"' -f4)
	ilsa_cli "$lang" "$logf" --data "$data" org delete --with-visits "$id"
}
declare -A SUBMITTED_BUTTON=([sv]=click:440,267 [nb]=click:420,267 [en]=click:990,226)
# The Reports screen's "Project report draft…" and "Evaluations" buttons.
declare -A DRAFT_BUTTON=([sv]=click:700,226 [nb]=click:680,226 [en]=click:600,226)
declare -A EVALUATIONS_BUTTON=([sv]=click:615,267 [nb]=click:587,267 [en]=click:185,267)
prepare_reports_submitted_diff() { prepare_reports_submitted "$@"; }
prepare_reports_submitted_list() { prepare_reports_submitted "$@"; }
# The "Respondent mode" button of the "Run an evaluation" dialog.
declare -A RESPONDENT_BUTTON=([sv]=click:830,501 [nb]=click:830,501 [en]=click:830,501)

# Every language the app and its guide (docs/guide) speak; the guide's pages
# show these shots in their own language.
for lang in sv nb en; do
	shot "$lang" today
	shot "$lang" today-empty
	shot "$lang" organisations "$NAV_ORGS" sleep:1
	# A search: rows found through a visit's note say so under the name.
	shot "$lang" organisations-search "$NAV_ORGS" sleep:1 ctrl+f type:patent sleep:2
	shot "$lang" organisation "${ORG[@]}"
	# Its kind, open: enterprises, innovation actors, public bodies.
	shot "$lang" organisation-kind "${ORG[@]}" click:960,383 sleep:1
	# Deleting it: what happens to the funder's figures.
	shot "$lang" organisation-delete "${ORG[@]}" click:780,738 sleep:2
	# With visits: delete it with them (the figures drop), or merge it.
	shot "$lang" organisation-delete-visits "${ORG[@]}" click:780,738 sleep:2 click:355,414 sleep:1
	shot "$lang" organisation-delete-merge "${ORG[@]}" click:780,738 sleep:2 click:355,380 sleep:1 click:650,384 type:Bergs sleep:2
	shot "$lang" duplicates "$NAV_ORGS" sleep:1 click:470,101 sleep:2
	shot "$lang" organisation-contacts "${ORG[@]}" "$TAB_CONTACTS" sleep:1
	shot "$lang" contact-menu "${ORG[@]}" "$TAB_CONTACTS" sleep:1 click:1177,205 sleep:1
	shot "$lang" contact-erase "${ORG[@]}" "$TAB_CONTACTS" sleep:1 click:1177,205 sleep:1 click:1100,298 sleep:1
	shot "$lang" organisation-visits "${ORG[@]}" "$TAB_VISITS" sleep:1
	shot "$lang" organisation-actions "${ORG[@]}" "$TAB_ACTIONS" sleep:1
	shot "$lang" visits "$NAV_VISITS" sleep:1
	shot "$lang" visits-search "$NAV_VISITS" sleep:1 click:400,25 type:patent sleep:1
	# A visit search that finds nothing: the hint in place of the list.
	shot "$lang" visits-none-found "$NAV_VISITS" sleep:1 click:400,25 type:zzqx sleep:1
	# The new-visit form with the organisation picker's type-ahead list open.
	shot "$lang" new-visit ctrl+n sleep:1 type:berg sleep:1
	# The new visit with an organisation chosen: its size at the time of the visit.
	shot "$lang" new-visit-chosen ctrl+n sleep:1 type:berg sleep:1 Return sleep:2
	# Its "Reported under" part at the form's end, opened: the partner and side.
	shot "$lang" new-visit-reported-under ctrl+n sleep:1 type:berg sleep:1 Return sleep:2 wheel:600,400,10 sleep:1 \
		click:600,607 sleep:1 wheel:280,300,10 sleep:1
	shot "$lang" actions "$NAV_ACTIONS" sleep:1
	shot "$lang" actions-search "$NAV_ACTIONS" sleep:1 click:300,75 type:patent sleep:1
	shot "$lang" joint "$NAV_JOINT" sleep:1
	# The innovation-system map of the demo's organisations and relations.
	shot "$lang" map "$NAV_JOINT" sleep:1 "$PROJECT_MAP" sleep:3
	# The findings log, by the project's steps, and an entry opened.
	shot "$lang" findings "$NAV_JOINT" sleep:1 "${PROJECT_FINDINGS[$lang]}" sleep:2
	shot "$lang" finding-edit "$NAV_JOINT" sleep:1 "${PROJECT_FINDINGS[$lang]}" sleep:2 click:500,150 sleep:2
	# An organisation's relations, both ways, in the last of its tabs.
	# shellcheck disable=SC2086 # two steps: open the "…" menu, pick the tab
	shot "$lang" organisation-relations "${UNIVERSITY[@]}" ${TAB_RELATIONS[$lang]} sleep:1
	# Its "Add relation" dialog, with organisations found for "berg".
	# shellcheck disable=SC2086
	shot "$lang" relation-new "${UNIVERSITY[@]}" ${TAB_RELATIONS[$lang]} sleep:1 click:640,145 sleep:1 type:berg sleep:2
	shot "$lang" joint-edit "$NAV_JOINT" sleep:1 click:500,165 sleep:2
	shot "$lang" settings "$NAV_SETTINGS" sleep:1
	shot "$lang" backup-restore "$NAV_SETTINGS" sleep:2 "${RESTORE_BUTTON[$lang]}" sleep:1
	APP_OK_RC=1 shot "$lang" damaged
	shot "$lang" organisations-sole-trader "$NAV_ORGS" sleep:1 ctrl+f type:811218 sleep:2
	shot "$lang" organisation-sole-trader "$NAV_ORGS" sleep:1 ctrl+f type:811218 sleep:2 click:300,150 sleep:1
	shot "$lang" licences "$NAV_SETTINGS" sleep:1 "${LICENCES_BUTTON[$lang]}" sleep:1
	shot "$lang" reports "$NAV_REPORTS" sleep:2
	# RCO87's drill-down: the joint actions and the partners behind the figure.
	shot "$lang" reports-rco87 "$NAV_REPORTS" sleep:2 wheel:700,500,2 sleep:1 click:1024,662 sleep:1
	# The report of one project partner: its list opened, then Peak Innovation chosen.
	shot "$lang" reports-partner-list "$NAV_REPORTS" sleep:2 click:530,148 sleep:1
	shot "$lang" reports-partner "$NAV_REPORTS" sleep:2 click:530,148 sleep:1 click:530,300 sleep:2
	# A submitted half-year: the submitted values and differences, what is
	# behind RCO01's difference, and the list of submitted reports.
	shot "$lang" reports-submitted "$NAV_REPORTS" sleep:2
	shot "$lang" reports-submitted-diff "$NAV_REPORTS" sleep:2 click:975,467 sleep:1
	shot "$lang" reports-submitted-list "$NAV_REPORTS" sleep:2 "${SUBMITTED_BUTTON[$lang]}" sleep:1
	# "Project report draft…": its language and format, before the save dialog.
	shot "$lang" reports-project-draft "$NAV_REPORTS" sleep:2 "${DRAFT_BUTTON[$lang]}" sleep:1
	# Evaluations, the last section of Reports: the button above brings it into sight.
	shot "$lang" evaluation-results "$NAV_REPORTS" sleep:2 "${EVALUATIONS_BUTTON[$lang]}" sleep:2
	# "Run evaluation…" on the newest visit, then respondent mode (full screen).
	shot "$lang" evaluation-start "$NAV_VISITS" sleep:1 click:1050,120 sleep:1
	shot "$lang" respondent-mode "$NAV_VISITS" sleep:1 click:1050,120 sleep:1 "${RESPONDENT_BUTTON[$lang]}" sleep:2
	shot "$lang" sync "$NAV_SYNC" sleep:1
	shot "$lang" sync-erasure "$NAV_SYNC" sleep:1
	shot "$lang" sync-team "$NAV_SYNC" sleep:1
	shot "$lang" sync-team-member "$NAV_SYNC" sleep:1
	# The passphrase dialog of "Join the team", from sync-team's screen.
	shot "$lang" sync-team-join "$NAV_SYNC" sleep:1 click:210,555 sleep:1 type:Storsjon sleep:1
	# shellcheck disable=SC2086 # Swedish takes two steps, split at the space
	shot "$lang" progress "${ASSESSED[@]}" ${TAB_PROGRESS[$lang]} sleep:1
	# The Business Model Canvas of that organisation, opened from its list.
	shot "$lang" canvas "${ASSESSED[@]}" "${TAB_ASSESS[$lang]}" sleep:1 click:700,190 sleep:1
	# Help: F1 on Today opens the guide at its first section.
	shot "$lang" help F1 sleep:1
done

if ((SHOTS == 0)); then
	log "no shot matches SHOT_LANGS='${SHOT_LANGS:-sv nb en}' SHOT_ONLY='${SHOT_ONLY:-}'"
	exit 1
fi
echo "screenshots: $SHOTS written to ${OUT#"$ROOT"/}/"
