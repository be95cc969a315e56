#!/usr/bin/env bash
# A nightly run over a folder whose earlier sheets stay there: what learning their pins that came due costs. FILES
# sheets of ROWS pins each, scheduled two days ahead, are sent once; then the same command runs "three days later"
# (the sandbox's clock moved ahead, its posts kept in a state file) and again the night after. A benchmark, not a
# test.
#
#   bench/nightly-folder.sh [JAR] [FILES] [ROWS]     default: target/pinbatch.jar, 20, 5
#
# Prints, for the two later nights, the seconds the command took, the requests it asked Zernio, and the rows by
# status (the first later night learns every pin; the next asks nothing).
set -euo pipefail
# the inputs are written just before they are timed: read them at once, without the wait for a copy to finish
export PINBATCH_INPUT_SETTLE=0s
cd "$(dirname "$0")/.."

JAR="$(realpath "${1:-target/pinbatch.jar}")"
FILES="${2:-20}"
ROWS="${3:-5}"
OUT="$(realpath -m target/bench/nightly-folder)"

if [[ ! -s "$JAR" ]]; then
	echo "building target/pinbatch.jar..."
	mvn -q -DskipTests package
fi
rm -rf "$OUT"
mkdir -p "$OUT/inbox"
day=$(date -u -d '+2 days' +%F)
for f in $(seq -w 1 "$FILES"); do
	{
		echo "title,description,media_url,board,account,publish_at"
		for r in $(seq 1 "$ROWS"); do
			echo "Pin $f-$r,Idea $f-$r,https://images.example.com/$f/$r.jpg,Kitchen Ideas,acme-home,$day 0$((r % 10)):30"
		done
	} >"$OUT/inbox/pins-$f.csv"
done
# from the output folder: the run reads no ./config of a checkout, only the jar's own settings
cd "$OUT"
caps="--pinbatch.sandbox.account-daily-cap=100000 --pinbatch.sandbox.account-hourly-cap=100000"
caps="$caps --pinbatch.throttle.account-daily-cap=100000 --pinbatch.throttle.account-hourly-cap=100000"
common="--input=inbox --sandbox --pinbatch.sandbox.state-file=$OUT/sandbox.jsonl --pinbatch.data-dir=$OUT/data $caps"
# shellcheck disable=SC2086
java -jar "$JAR" $common >first.log 2>&1 || true
echo "first night: $(grep -E '^pinbatch: [0-9]+ inputs' first.log || tail -n 1 first.log)"
for night in later next; do
	start=$(date +%s.%N)
	# shellcheck disable=SC2086
	java -jar "$JAR" $common --pinbatch.sandbox.clock-offset=72h >"$night.log" 2>&1 || true
	end=$(date +%s.%N)
	requests=$({ grep -o 'with [0-9]* requests\?' "$night.log" || true; } | awk '{s += $2} END {print s + 0}')
	awk -v s="$start" -v e="$end" -v n="$night" -v r="$requests" 'BEGIN { printf "%s night: %.1f s, %d requests to follow up, ", n, e - s, r }'
	grep -E '^pinbatch: [0-9]+ inputs' "$night.log" | sed 's/^pinbatch: //'
done
