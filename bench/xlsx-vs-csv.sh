#!/usr/bin/env bash
# XLSX vs CSV reading speed, in bounded memory (a benchmark, not a test).
#
#   bench/xlsx-vs-csv.sh [ROWS] [MODE]      ROWS: default 200000
#                                           MODE: auto (default) | cli | raw
#
# Generates ROWS valid pins as an Excel-style workbook (shared strings, unique text per row) and as CSV, under
# target/bench, then reads each with -Xmx256m and prints rows/s and the XLSX/CSV ratio.
#   cli  times `java -jar target/pinbatch.jar --input=FILE --dry-run --sandbox --results=...` (JVM start included)
#   raw  times the readers alone (com.pinbatch.bench.BenchReadRows over XlsxRowSource / CsvRowSource)
#   auto uses cli when the jar's --help offers --dry-run, raw otherwise
set -euo pipefail
# the inputs are written just before they are timed: read them at once, without the wait for a copy to finish
export PINBATCH_INPUT_SETTLE=0s
cd "$(dirname "$0")/.."

ROWS="${1:-200000}"
MODE="${2:-auto}"
HEAP="-Xmx256m"
OUT="target/bench"
if (( ROWS % 1000 == 0 )); then NAME="bench-$((ROWS / 1000))k"; else NAME="bench-$ROWS"; fi
CSV="$OUT/$NAME.csv"
XLSX="$OUT/$NAME.xlsx"

mkdir -p "$OUT"
# every row's text is unique, so the shared-strings table grows with the rows: past the default guard at 200k rows
XLSX_LIMITS="--pinbatch.xlsx.max-shared-characters=$((ROWS * 500)) --pinbatch.xlsx.max-shared-strings=$((ROWS * 10))"
# -DskipTests still compiles the tests, where the benchmark classes live
if [[ "$MODE" != raw && ! -s target/pinbatch.jar ]]; then
	echo "building target/pinbatch.jar..."
	if ! mvn -q -DskipTests package >"$OUT/build.log" 2>&1; then
		[[ "$MODE" == auto ]] || { cat "$OUT/build.log" >&2; exit 1; }
		echo "no runnable jar (see $OUT/build.log): measuring the readers alone"
	fi
fi
if [[ ! -f target/test-classes/com/pinbatch/bench/BenchReadRows.class ]]; then
	mvn -q test-compile
fi
if [[ ! -s target/cp.txt ]]; then
	mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CLASSPATH_BENCH="target/classes:target/test-classes:$(cat target/cp.txt)"

if [[ ! -f "$CSV" || ! -f "$XLSX" ]]; then
	# writing shared strings through POI keeps them all in memory: only the generator needs a big heap
	echo "generating $ROWS rows into $OUT..."
	java -Xmx6g -cp "$CLASSPATH_BENCH" com.pinbatch.bench.BenchInputGenerator "$OUT" "$ROWS"
fi

if [[ "$MODE" == auto ]]; then
	if [[ -s target/pinbatch.jar ]] && java -jar target/pinbatch.jar --help 2>/dev/null | grep -q -- '--dry-run'; then
		MODE=cli
	else
		MODE=raw
	fi
fi

# prints the rows/s of one run; fails on OutOfMemoryError or an unexpected exit code
rate() {
	local file="$1" start end status=0
	start=$(date +%s.%N)
	if [[ "$MODE" == cli ]]; then
		# a fresh job repository per run: an old one would make the run report "already processed", or load history
		rm -rf "$OUT/data-$(basename "$file")"
		java "$HEAP" -XX:+ExitOnOutOfMemoryError -jar target/pinbatch.jar --input="$file" --dry-run --sandbox \
			--pinbatch.data-dir="$OUT/data-$(basename "$file")" $XLSX_LIMITS \
			--results="$OUT/results-$(basename "$file").csv" >"$OUT/run-$(basename "$file").log" 2>&1 || status=$?
		# 3 = finished with some INVALID rows: still a full pass over the file; but the JVM also exits with 3 when
		# -XX:+ExitOnOutOfMemoryError fires, so look for that too
		if grep -q OutOfMemoryError "$OUT/run-$(basename "$file").log"; then
			echo "run over $file ran out of memory with $HEAP, see $OUT/run-$(basename "$file").log" >&2
			return 1
		fi
		if (( status != 0 && status != 3 )); then
			echo "run over $file failed (exit $status), see $OUT/run-$(basename "$file").log" >&2
			return 1
		fi
	else
		java "$HEAP" -XX:+ExitOnOutOfMemoryError -cp "$CLASSPATH_BENCH" com.pinbatch.bench.BenchReadRows "$file" \
			>"$OUT/run-$(basename "$file").log" 2>&1 || status=$?
		if (( status != 0 )); then
			echo "reading $file failed (exit $status), see $OUT/run-$(basename "$file").log" >&2
			return 1
		fi
		# the reader's own figure: JVM start-up is not reading
		sed -n 's/.*rows_per_s=\([0-9]*\).*/\1/p' "$OUT/run-$(basename "$file").log"
		return 0
	fi
	end=$(date +%s.%N)
	awk -v rows="$ROWS" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", rows / (e - s) }'
}

echo "mode: $MODE, heap: $HEAP, rows: $ROWS"
csv_rate=$(rate "$CSV")
echo "CSV : $csv_rate rows/s  ($CSV, $(du -h "$CSV" | cut -f1))"
xlsx_rate=$(rate "$XLSX")
echo "XLSX: $xlsx_rate rows/s  ($XLSX, $(du -h "$XLSX" | cut -f1))"
awk -v x="$xlsx_rate" -v c="$csv_rate" 'BEGIN { printf "XLSX/CSV: %.2f (goal: at least 0.50)\n", x / c }'
