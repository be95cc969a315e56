#!/usr/bin/env bash
# Sending throughput against Zernio's request ceiling (a benchmark, not a test).
#
#   bench/throughput.sh [SCENARIO...]       SCENARIO: alone | neighbour | two-jobs | storms (default: alone, neighbour)
#
# Environment (all optional):
#   CEILINGS=600          the sandbox's requests per minute, announced only in X-RateLimit-* headers; several
#                         (e.g. "24 60 600 1200", Zernio's tiers and a small one) run every scenario at each
#   ROWS=13*CEILING/6     pins to create (1300 at 600/min: a little over two minutes of sending at any ceiling)
#   PER_ACCOUNT=25        pins per generated account (Zernio's caps: 25 per hour and per day)
#   BOARDS=name           how rows name their board: name (the job looks up each account's boards once) or id
#   LATENCY_MS=250        time the sandbox takes to answer each create
#   LATENCY_JITTER_MS=0   each answer up to this much later still, at random (LATENCY_MS=1000
#                         LATENCY_JITTER_MS=8000: answers in 1 to 9 s)
#   NEIGHBOUR_RPM=CEILING/6  the second program's requests per minute on the same key (scenario neighbour)
#   STORM_EVERY=15 STORM_LENGTH=1 STORM_RETRY_AFTER=1  scenario storms: every request refused for STORM_LENGTH
#                         seconds every STORM_EVERY seconds, with a Retry-After of STORM_RETRY_AFTER seconds
#   JOB_TIMEOUT=300       seconds before a run is abandoned
#   JOB_ARGS=             extra job arguments, e.g. JOB_ARGS="--pinbatch.chunk-size=200"
#
# Each scenario starts the sandbox as its own process (com.pinbatch.bench.BenchSandboxServer, test classes) with
# ceil(ROWS / PER_ACCOUNT) generated accounts bench-001..., runs the real job from this folder (so
# config/application.yml applies, as for a user) against it, with the sandbox's key and no requests-per-minute
# setting, and prints the figures. Sending time runs from the first to the last post the sandbox created, so JVM
# start-up and the account and board look-ups before the first send are not counted there; a second figure runs
# from the job's first request (its account look-up) to the last post, so it counts them. Scenario two-jobs runs two
# job processes at once on the key (every other row each, own data folders, as two hosts); the figures are theirs
# together.
set -euo pipefail
# the inputs are written just before they are timed: read them at once, without the wait for a copy to finish
export PINBATCH_INPUT_SETTLE=0s
cd "$(dirname "$0")/.."

CEILINGS="${CEILINGS:-${CEILING:-600}}"
ROWS_SET="${ROWS:-}"
NEIGHBOUR_SET="${NEIGHBOUR_RPM:-}"
PER_ACCOUNT="${PER_ACCOUNT:-25}"
LATENCY_MS="${LATENCY_MS:-250}"
LATENCY_JITTER_MS="${LATENCY_JITTER_MS:-0}"
JOB_TIMEOUT="${JOB_TIMEOUT:-300}"
JOB_ARGS="${JOB_ARGS:-}"
BOARDS="${BOARDS:-name}"
if [[ "$BOARDS" != name && "$BOARDS" != id ]]; then echo "BOARDS must be name or id, was '$BOARDS'" >&2; exit 2; fi
SCENARIOS=("$@")
if (( ${#SCENARIOS[@]} == 0 )); then SCENARIOS=(alone neighbour); fi
OUT="target/bench/throughput"
# the sandbox's public demo key (ZernioSandbox.API_KEY): it opens nothing outside the sandbox
SANDBOX_KEY="sk_sandbox_pinbatch_demo_key_0000000000000000000000000000000000000000"

if [[ ! -f target/pinbatch.jar || ! -f target/test-classes/com/pinbatch/bench/BenchSandboxServer.class ]]; then
	echo "building..."
	mvn -q -DskipTests package   # -DskipTests still compiles the tests, where the benchmark classes live
fi
if [[ ! -s target/cp.txt ]]; then
	mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
fi
SERVER_CP="target/classes:target/test-classes:$(cat target/cp.txt)"

SERVER_PID=""
cleanup() {
	if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

json_field() { # json_field NAME FILE: a number from the server's one-line summary
	sed -n "s/.*\"$1\":\([0-9-]*\).*/\1/p" "$2" | tail -1
}

make_input() { # the rows for this ceiling, written once
	mkdir -p "$OUT"
	CSV="$OUT/pins-$ROWS-$PER_ACCOUNT-$BOARDS.csv"
	if [[ -f "$CSV" ]]; then return; fi
	# round robin over the accounts, unique text on every row, scheduled in the future; board ids follow the
	# sandbox's scheme for generated accounts (SeedAccounts: 91827364551, account number, board number)
	awk -v rows="$ROWS" -v accounts="$ACCOUNTS" -v boards="$BOARDS" 'BEGIN {
		print "title,description,media_url,board,link,account,publish_at,alt_text,keywords"
		for (i = 1; i <= rows; i++) {
			number = (i - 1) % accounts + 1
			account = sprintf("bench-%03d", number)
			if (boards == "id") board = sprintf("91827364551%06d%d", number, 2 - i % 2)
			else board = (i % 2) ? "Bench Ideas" : "Bench Notes"
			printf "Bench pin %d,Pin %d of the throughput benchmark: one idea with its own words (%x),", i, i, i * 7919
			printf "https://images.example.com/bench/%d.jpg,%s,https://www.example.com/bench/%d,%s,", i, board, i, account
			printf "2035-01-%02dT%02d:%02d:00Z,Photo for bench pin %d,\"bench, idea %d\"\n", \
				(i % 28) + 1, int(i / 60) % 24, i % 60, i, i
		}
	}' >"$CSV"
}

run_job() { # run_job CSV DIR SUFFIX: the real job against the scenario's sandbox; its log is DIR/job[SUFFIX].log,
	# its CPU seconds (user, system) DIR/job[SUFFIX].cpu
	local TIMEFORMAT="%U %S"
	# shellcheck disable=SC2086 # JOB_ARGS is a list of arguments
	# its peak resident memory in KB, DIR/job[SUFFIX].rss, where GNU time is installed
	local peak=()
	if [[ -x /usr/bin/time ]]; then peak=(/usr/bin/time -f %M -o "$2/job$3.rss"); fi
	{ time ZERNIO_API_KEY="$SANDBOX_KEY" timeout "$JOB_TIMEOUT" "${peak[@]}" java -jar target/pinbatch.jar --input="$1" \
		--zernio.base-url="$(cat "$2/url")" --pinbatch.data-dir="$2/data$3" --results="$2/results$3.csv" \
		$JOB_ARGS >"$2/job$3.log" 2>&1; } 2>"$2/job$3.cpu"
}

run_scenario() {
	local name="$1" neighbour="$2" jobs="${3:-1}" storms="${4:-}" dir="$OUT/$CEILING-$1"
	rm -rf "$dir" && mkdir -p "$dir"
	mkfifo "$dir/control"
	# the server reports and stops when its stdin closes: the fifo's writer is this shell's fd 3
	java -Dbench.latencyJitterMs="$LATENCY_JITTER_MS" -cp "$SERVER_CP" com.pinbatch.bench.BenchSandboxServer "$dir/url" "$CEILING" "$LATENCY_MS" "$ACCOUNTS" \
		"$neighbour" $storms <"$dir/control" >"$dir/server.out" 2>"$dir/server.err" &
	SERVER_PID=$!
	exec 3>"$dir/control"
	for _ in $(seq 1 300); do [[ -s "$dir/url" ]] && break; sleep 0.1; done
	if [[ ! -s "$dir/url" ]]; then echo "the sandbox did not start, see $dir/server.err" >&2; exit 1; fi

	local start end status=0
	start=$(date +%s.%N)
	if (( jobs == 1 )); then
		run_job "$CSV" "$dir" "" || status=$?
	else
		# two processes on the one key, as two hosts: every other row each, each its own data folder
		awk 'NR == 1 || NR % 2 == 0' "$CSV" >"$dir/a.csv"
		awk 'NR == 1 || NR % 2 == 1' "$CSV" >"$dir/b.csv"
		run_job "$dir/a.csv" "$dir" a & local first_job=$!
		run_job "$dir/b.csv" "$dir" b || status=$?
		wait "$first_job" || status=$?
	fi
	end=$(date +%s.%N)
	exec 3>&-
	wait "$SERVER_PID" || true
	SERVER_PID=""

	local s="$dir/server.out" created first last opened
	created=$(json_field postCount "$s")
	first=$(json_field firstCreateMillis "$s")
	last=$(json_field lastCreateMillis "$s")
	opened=$(json_field firstJobRequestMillis "$s")
	local statuses
	statuses=$(sed -n 's/^pinbatch: .*: [0-9]* rows: //p' "$dir"/job*.log | paste -sd '+' -)
	echo "== $CEILING/min, $name (neighbour: $( ((neighbour > 0)) && echo "$neighbour requests/min" || echo none); $jobs job process(es); boards by $BOARDS; answers in $LATENCY_MS ms$( ((LATENCY_JITTER_MS > 0)) && echo " + up to $LATENCY_JITTER_MS ms")$([[ -n "$storms" ]] && echo "; 429 storms every, lasting, Retry-After (s): $storms")) =="
	echo "rows:                   $ROWS over $ACCOUNTS accounts (job exit $status; $(awk -v s="$start" -v e="$end" \
		'BEGIN { printf "%.1f", e - s }') s in all, JVM start included)"
	echo "result statuses:        ${statuses:-none (see $dir/job.log)}"
	awk -v n="$created" -v f="$first" -v l="$last" -v c="$CEILING" -v nb="$neighbour" 'BEGIN {
		seconds = (l - f) / 1000
		# n posts at even spacing span n - 1 intervals
		rate = seconds > 0 ? (n - 1) / seconds * 60 : 0
		printf "pins created:           %d\n", n
		printf "elapsed sending:        %.1f s (first to last create)\n", seconds
		printf "pins per minute:        %.1f\n", rate
		printf "ratio to the ceiling:   %.3f (of %d/min; goal alone: at least 0.95)\n", rate / c, c
		if (nb > 0) printf "ratio to the share left: %.3f (of the %d/min the neighbour leaves; goal: at least 0.85)\n", \
			rate / (c - nb), c - nb
	}'
	awk -v n="$created" -v o="$opened" -v f="$first" -v l="$last" -v c="$CEILING" 'BEGIN {
		# the look-ups fill the same request window as the creates: the whole job, from its first request
		seconds = (l - o) / 1000
		rate = seconds > 0 ? n / seconds * 60 : 0
		printf "look-ups before sending: %.1f s (first job request to first create)\n", (f - o) / 1000
		printf "with the look-ups:      %.1f pins/min, %.3f of the ceiling (first job request to last create)\n", \
			rate, rate / c
	}'
	echo "429s received by job:   $(json_field jobRateLimited "$s") (goal: at most max(3, 1 % of requests))"
	echo "longest gap:            $(awk -v g="$(json_field longestJobGapMillis "$s")" 'BEGIN { printf "%.1f", g / 1000 }') s between two job requests (goal: ~65 s at most)"
	echo "most in 10 s:           $(json_field mostJobRequestsIn10s "$s") job requests (10 s at the ceiling: $(( CEILING / 6 )))"
	echo "peak concurrent creates: $(json_field peakConcurrentCreates "$s")"
	if compgen -G "$dir/job*.rss" >/dev/null; then
		echo "job peak RSS:           $(cat "$dir"/job*.rss | awk '{ if ($1 > m) m = $1 } END { printf "%.0f", m / 1024 }') MB"
	fi
	echo "job CPU:                $(cat "$dir"/job*.cpu | awk '{ s += $1 + $2 } END { printf "%.1f", s }') s (user and system, JVM start included)"
	local requests
	requests=$(json_field jobRequests "$s")
	echo "job requests:           $requests ($(json_field jobCreateRequests "$s") creates, the rest account and board look-ups)"
	awk -v n="$requests" -v o="$opened" -v l="$last" -v c="$CEILING" 'BEGIN {
		seconds = (l - o) / 1000
		if (seconds > 0) printf "job requests per minute: %.1f (%.3f of the ceiling; first job request to last create)\n", \
			n / seconds * 60, n / seconds * 60 / c
	}'
	if (( neighbour > 0 )); then
		echo "neighbour requests:     $(json_field neighbourRequests "$s") ($(json_field neighbourRateLimited "$s") answered 429)"
	fi
	echo
}

for CEILING in $CEILINGS; do
	ROWS="${ROWS_SET:-$(( CEILING * 13 / 6 ))}"
	ACCOUNTS=$(( (ROWS + PER_ACCOUNT - 1) / PER_ACCOUNT ))
	NEIGHBOUR="${NEIGHBOUR_SET:-$(( CEILING / 6 ))}"
	make_input
	for scenario in "${SCENARIOS[@]}"; do
		case "$scenario" in
			alone) run_scenario alone 0 ;;
			neighbour) run_scenario neighbour "$NEIGHBOUR" ;;
			two-jobs) run_scenario two-jobs 0 2 ;;
			storms) run_scenario storms 0 1 "${STORM_EVERY:-15} ${STORM_LENGTH:-1} ${STORM_RETRY_AFTER:-1}" ;;
			*) echo "unknown scenario '$scenario': use alone, neighbour, two-jobs or storms" >&2; exit 2 ;;
		esac
	done
done
