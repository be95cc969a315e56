#!/usr/bin/env bash
# How long the same command is silent when it is run again right after a crash (a benchmark, not a test).
#
#   bench/restart-after-crash.sh [RUNS]      RUNS: default 3
#
# Each time: a fresh data folder; samples/pins.csv sent to the built-in sandbox (its posts kept in a state file, so
# the restart meets the same server); the process killed with SIGKILL as soon as it prints its plan, before or while
# its first pins go out; then the same command again at once. Prints, for the killed run and the restart, the seconds
# from the command to its "data folder" line (Spring started, the job repository open) and the restart's exit code.
set -euo pipefail
# the inputs are written just before they are timed: read them at once, without the wait for a copy to finish
export PINBATCH_INPUT_SETTLE=0s
cd "$(dirname "$0")/.."

RUNS="${1:-3}"
OUT="target/bench/restart-after-crash"
JAR="target/bench/pinbatch-restart.jar"

if [[ ! -s target/pinbatch.jar ]]; then
	echo "building target/pinbatch.jar..."
	mvn -q -DskipTests package
fi
mkdir -p "$OUT"
cp target/pinbatch.jar "$JAR" # a copy: a build during the run must not replace the jar under the running JVM

# prints each line with the seconds since the given start
stamped() {
	local start=$1
	while IFS= read -r line; do
		printf '%s %s\n' "$(awk -v n="$(date +%s.%N)" -v s="$start" 'BEGIN { printf "%.2f", n - s }')" "$line"
	done
}

for run in $(seq 1 "$RUNS"); do
	rm -rf "$OUT/data" "$OUT/sandbox.jsonl" "$OUT/first.log" "$OUT/second.log"
	cp samples/pins.csv "$OUT/pins.csv"
	command=(java -jar "$JAR" --input="$OUT/pins.csv" --sandbox --pinbatch.data-dir="$OUT/data"
		--pinbatch.sandbox.state-file="$OUT/sandbox.jsonl")

	start=$(date +%s.%N)
	"${command[@]}" > >(stamped "$start" >"$OUT/first.log") 2>&1 &
	pid=$!
	until grep -q "plan: total" "$OUT/first.log" 2>/dev/null; do
		sleep 0.05
	done
	kill -9 "$pid"
	wait "$pid" 2>/dev/null || true
	sleep 0.2 # the log's last lines

	start=$(date +%s.%N)
	status=0
	"${command[@]}" 2>&1 | stamped "$start" >"$OUT/second.log" || status=$?
	killed=$(grep -m1 "data folder" "$OUT/first.log" | cut -d' ' -f1)
	restarted=$(grep -m1 "data folder" "$OUT/second.log" | cut -d' ' -f1)
	echo "run $run: the killed run opened its data folder after $killed s, the restart after $restarted s (exit $status)"
done
