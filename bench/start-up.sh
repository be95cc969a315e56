#!/usr/bin/env bash
# Start-up of a one-row dry run: the jar as built against the jar extracted and run with a class archive (README's
# "Nightly runs", the Docker image). A benchmark, not a test.
#
#   bench/start-up.sh [RUNS]        RUNS: default 7 of each, taken in turn
#
# Prints the median, lowest and highest wall and CPU seconds of each, and the ratio of the medians.
set -euo pipefail
# the inputs are written just before they are timed: read them at once, without the wait for a copy to finish
export PINBATCH_INPUT_SETTLE=0s
cd "$(dirname "$0")/.."

RUNS="${1:-7}"
OUT="target/bench/start-up"

if [[ ! -s target/pinbatch.jar ]]; then
	echo "building target/pinbatch.jar..."
	mvn -q -DskipTests package
fi
rm -rf "$OUT"
mkdir -p "$OUT"
cp target/pinbatch.jar "$OUT/pinbatch.jar"
printf 'title,media_url,board,account\nA pin,https://images.example.com/a.jpg,Kitchen Ideas,acme-home\n' >"$OUT/one.csv"
java -Djarmode=tools -jar "$OUT/pinbatch.jar" extract --destination "$OUT/app" >/dev/null
dry_run=(--input="$OUT/one.csv" --dry-run --sandbox --results="$OUT/one.results.csv" --pinbatch.data-dir="$OUT/data")
java -XX:ArchiveClassesAtExit="$OUT/app/pinbatch.jsa" -Xlog:cds=error -jar "$OUT/app/pinbatch.jar" "${dry_run[@]}" \
	>/dev/null

time_one() { # label, command...: appends "label wall cpu"
	local label=$1
	shift
	/usr/bin/time -f "$label %e %U %S" -a -o "$OUT/times" "$@" >/dev/null 2>&1
}
for ((i = 0; i < RUNS; i++)); do
	time_one jar java -jar "$OUT/pinbatch.jar" "${dry_run[@]}"
	time_one archive java -XX:SharedArchiveFile="$OUT/app/pinbatch.jsa" -jar "$OUT/app/pinbatch.jar" "${dry_run[@]}"
done
median_of() { # label, field: "median (lowest to highest)" of that field (wall: 2, cpu: user + system)
	awk -v l="$1" -v f="$2" '$1 == l { print (f == "wall" ? $2 : $3 + $4) }' "$OUT/times" | sort -n |
		awk '{ v[NR] = $1 } END { printf "%.2f s (%.2f to %.2f)", v[int((NR + 1) / 2)], v[1], v[NR] }'
}
median() { # label, field: the median alone
	awk -v l="$1" -v f="$2" '$1 == l { print (f == "wall" ? $2 : $3 + $4) }' "$OUT/times" | sort -n |
		awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
echo "one-row dry run, $RUNS runs each, median (lowest to highest):"
echo "  jar as built:             wall $(median_of jar wall), cpu $(median_of jar cpu)"
echo "  extracted, class archive: wall $(median_of archive wall), cpu $(median_of archive cpu)"
awk -v a="$(median archive wall)" -v j="$(median jar wall)" \
	'BEGIN { printf "  median wall time, archive / jar: %.2f\n", a / j }'
