#!/usr/bin/env bash
# End-to-end dry-run rate against a bare Commons CSV parse of the same file, in bounded memory (a benchmark, not a
# test; issue 14: a dry run, result file included, at no less than 25 % of the bare parse's rate in -Xmx256m).
#
#   bench/dry-run-rate.sh [ROWS]        ROWS: default 1000000
#
# Generates ROWS ten-column pins under target/bench (undated, for the sandbox's accounts: most pass the accounts'
# caps, so their result lines carry the cap's message), then times, each with -Xmx256m:
#   bare     com.pinbatch.bench.BenchBareCsvParse: Commons CSV over the file, every cell touched (no JVM start-up)
#   dry run  java -jar pinbatch.jar --input=FILE --dry-run --sandbox --results=...: JVM and Spring start-up, survey,
#            plan, job and result file, the whole command
# and prints rows/s of each, their ratio, the dry run's peak RSS and the time to its first line of output.
set -euo pipefail
# the inputs are written just before they are timed: read them at once, without the wait for a copy to finish
export PINBATCH_INPUT_SETTLE=0s
cd "$(dirname "$0")/.."

ROWS="${1:-1000000}"
HEAP="-Xmx256m"
OUT="target/bench"
CSV="$OUT/dry-run-$ROWS.csv"
JAR="$OUT/pinbatch-bench.jar"

mkdir -p "$OUT"
if [[ ! -s target/pinbatch.jar || ! -f target/test-classes/com/pinbatch/bench/BenchBareCsvParse.class ]]; then
	echo "building target/pinbatch.jar and the benchmark classes..."
	mvn -q -DskipTests package
fi
if [[ ! -s target/cp.txt ]]; then
	mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
fi
# a copy: a build during the run must not replace the jar under the running JVM
cp target/pinbatch.jar "$JAR"
if [[ ! -s "$CSV" ]]; then
	echo "generating $ROWS rows into $CSV..."
	awk -v n="$ROWS" 'BEGIN {
		print "title,description,media_url,board,link,account,publish_at,alt_text,keywords,campaign"
		split("Kitchen Ideas,Small Spaces,Home Office", boards, ",")
		for (i = 1; i <= n; i++) {
			printf "Pin number %d,Description of pin %d with some words to make it realistic,https://images.example.com/p/%d.jpg,%s,https://www.acme-home.example/p/%d,acme-home,,Alt text %d,\"a, b\",spring\n", i, i, i, boards[i % 3 + 1], i, i
		}
	}' >"$CSV"
fi

bare=$(java "$HEAP" -cp "target/test-classes:$(cat target/cp.txt)" com.pinbatch.bench.BenchBareCsvParse "$CSV")
bare_rate=$(sed -n 's/.*rows_per_s=\([0-9]*\).*/\1/p' <<<"$bare")
echo "bare Commons CSV parse: $bare"

# a first dry run: no job repository yet, no earlier result file to merge
rm -rf "$OUT/dry-run-data" "$OUT/dry-run-results.csv"
start=$(date +%s.%N)
status=0
/usr/bin/time -f '%M' -o "$OUT/dry-run.rss" java "$HEAP" -XX:+ExitOnOutOfMemoryError -jar "$JAR" --input="$CSV" \
	--dry-run --sandbox --pinbatch.data-dir="$OUT/dry-run-data" --results="$OUT/dry-run-results.csv" 2>&1 \
	| while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done >"$OUT/dry-run.log" || status=$?
end=$(date +%s.%N)
if grep -q OutOfMemoryError "$OUT/dry-run.log"; then
	echo "the dry run ran out of memory with $HEAP, see $OUT/dry-run.log" >&2
	exit 1
fi
lines=$(($(wc -l <"$OUT/dry-run-results.csv") - 1))
first=$(head -n 1 "$OUT/dry-run.log" | cut -d' ' -f1)
awk -v rows="$ROWS" -v s="$start" -v e="$end" -v f="$first" -v b="$bare_rate" -v rss="$(tail -n 1 "$OUT/dry-run.rss")" -v lines="$lines" 'BEGIN {
	rate = rows / (e - s)
	printf "pinbatch dry run: %d rows in %.1f s = %.0f rows/s, result file %d lines, peak RSS %.0f MB, first output after %.1f s\n", rows, e - s, rate, lines, rss / 1024, f - s
	printf "dry run / bare parse: %.3f (goal: at least 0.25)\n", rate / b
}'
