#!/usr/bin/env bash
# Times the real app's start-up to its first window on the 10,000-organisation,
# 100,000-visit demo database, under Xvfb: five runs, median printed.
# Budget (issue 2): first window < 1 s.
#
#   scripts/startup.sh            (builds bin/ilsa if needed; the demo
#                                  database is made once, ~1 min, and kept)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/smoke.sh"

setup
data="${TMPDIR:-/tmp}/ilsa-startup-10k"
if [[ ! -f "$data/.done" ]]; then
	rm -rf "$data"
	log "making the demo database (10,000 organisations, 100,000 visits)…"
	"$ILSA_BIN" --data "$data" demo --orgs 10000 --visits 100000 >/dev/null
	"$ILSA_BIN" --data "$data" init --advisor "Bench Advisor" >/dev/null
	touch "$data/.done"
fi

times=()
for i in 1 2 3 4 5; do
	start=$(date +%s%N)
	LANG=sv_SE.UTF-8 setsid "$ILSA_BIN" --data "$data" >"$TMP/run$i.log" 2>&1 &
	pid=$!
	# Poll every 20 ms: `xdotool search --sync` polls only every half second,
	# which rounds every start up to the next 0.5 s.
	deadline=$((start + 20000000000))
	until xdotool search --onlyvisible --name "^ILSA Coach$" >/dev/null 2>&1; do
		if (($(date +%s%N) > deadline)); then
			kill -KILL "$pid" 2>/dev/null || true
			log "run $i: no window within 20 s"
			exit 1
		fi
		sleep 0.02
	done
	end=$(date +%s%N)
	times+=($(((end - start) / 1000000)))
	kill -TERM "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	sleep 0.5
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "startup to first window (ms): ${times[*]}; median ${sorted[2]}"
