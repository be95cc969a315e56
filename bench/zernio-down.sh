#!/usr/bin/env bash
# Zernio gone mid-run at a slow rate tier: how long from the moment it stops answering to the run's exit. A served
# sandbox is killed under a run of scheduled pins (so no cap holds them back); the rows left wait for their turn at
# the pace when it goes. A benchmark, not a test.
#
#   bench/zernio-down.sh [JAR] [REQUESTS_PER_MINUTE] [ROWS]     default: target/pinbatch.jar, 24, 100
#
# Prints the exit code, the seconds from the kill to the exit, and the rows' statuses.
set -euo pipefail
# the inputs are written just before they are timed: read them at once, without the wait for a copy to finish
export PINBATCH_INPUT_SETTLE=0s
cd "$(dirname "$0")/.."

JAR="$(realpath "${1:-target/pinbatch.jar}")"
RPM="${2:-24}"
ROWS="${3:-100}"
PORT=8111
OUT="$(realpath -m target/bench/zernio-down)"

if [[ ! -s "$JAR" ]]; then
	echo "building target/pinbatch.jar..."
	mvn -q -DskipTests package
fi
rm -rf "$OUT"
mkdir -p "$OUT"
first=$(date -u -d '2027-01-04 08:00' +%s) # one pin an hour: within the sandbox's caps
{
	echo "title,description,media_url,board,account,publish_at"
	for i in $(seq 1 "$ROWS"); do
		echo "Lamp $i,Lamp idea $i,https://images.example.com/l/$i.jpg,Kitchen Ideas,acme-home,$(date -u \
			-d "@$((first + i * 3600))" '+%Y-%m-%d %H:%M')Z"
	done
} >"$OUT/pins.csv"
# from the output folder: the run reads no ./config of a checkout, only the jar's own settings
cd "$OUT"
java -jar "$JAR" --serve-sandbox --pinbatch.sandbox.port=$PORT --pinbatch.sandbox.requests-per-minute="$RPM" \
	>sandbox.log 2>&1 &
sandbox=$!
sleep 7
java -jar "$JAR" --input=pins.csv --sandbox --pinbatch.sandbox.url=http://127.0.0.1:$PORT/api \
	--pinbatch.data-dir="$OUT/data" >run.log 2>&1 &
run=$!
sleep 35
killed=$(date +%s.%N)
kill "$sandbox"
set +e
wait "$run"
code=$?
set -e
ended=$(date +%s.%N)
printf '%s at %s requests/min: exit %s, %.1f s from Zernio gone to the exit; %s\n' "$(basename "$JAR")" "$RPM" "$code" \
	"$(echo "$ended - $killed" | bc)" "$(grep -o '[0-9]* rows: .*' run.log | tail -n 1)"
