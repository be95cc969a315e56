#!/usr/bin/env bash
# The web console with a large upload, in bounded memory (a benchmark, not a test): a console in -Xmx256m, one CSV of
# ROWS rows uploaded, then its review page asked for, twice. Prints the time to the upload's answer, the page's HTTP
# status, time (the first waits for the review, a dry run of the file) and size, and the console's peak RSS. Before
# the review page read its result file in bounded memory, 1,000,000 rows ended the console with an OutOfMemoryError.
#
#   bench/console-large-upload.sh [ROWS]      ROWS: default 1000000
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="${1:-1000000}"
PORT="${PORT:-18790}"
OUT="$PWD/target/bench/console-upload"
JAR="$OUT/pinbatch.jar"

if [[ ! -s target/pinbatch.jar ]]; then
	echo "building target/pinbatch.jar..."
	mvn -q -DskipTests package
fi
rm -rf "$OUT"
mkdir -p "$OUT"
cp target/pinbatch.jar "$JAR"
# one short row each, every one INVALID (its media no address nor file): each carries its message, as a bad export's
awk -v n="$ROWS" 'BEGIN { print "title,media_url"; for (i = 1; i <= n; i++) print "a,b" }' >"$OUT/big.csv"

/usr/bin/time -f '%M' -o "$OUT/rss" java -Xmx256m -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} \
	-Duser.home="$OUT/home" -jar "$JAR" \
	--serve --sandbox --pinbatch.data-dir="$OUT/data" --server.port="$PORT" >"$OUT/console.log" 2>&1 &
console=$!
trap 'pkill -P $console 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
	curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
	sleep 0.5
done
jar="$OUT/cookies"
token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/" \
	| sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
start=$(date +%s.%N)
page=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' -F "_csrf=$token" -F "file=@$OUT/big.csv" \
	-F 'board=Kitchen Ideas' -F account=acme-home "http://127.0.0.1:$PORT/uploads")
uploaded=$(date +%s.%N)
status=$(curl -s -b "$jar" -o "$OUT/page.html" -w '%{http_code}' --max-time 900 "$page" || true)
shown=$(date +%s.%N)
# again: the review is done, what is left is the page's read of its result file
status_again=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' --max-time 900 "$page" || true)
again=$(date +%s.%N)
pkill -TERM -P $console 2>/dev/null || true # the console, not the time command that measures it
wait $console 2>/dev/null || true
awk -v rows="$ROWS" -v s="$start" -v u="$uploaded" -v p="$shown" -v code="$status" -v code2="$status_again" \
	-v a="$again" \
	-v bytes="$(wc -c <"$OUT/page.html" 2>/dev/null || echo 0)" -v rss="$(tail -n 1 "$OUT/rss")" 'BEGIN {
	printf "%d rows: upload %.1f s; review page (the review done first) HTTP %s in %.1f s, %d bytes;", rows, u - s,
		code, p - u, bytes
	printf " the page again: HTTP %s in %.1f s; console peak RSS %.0f MB\n", code2, a - p, rss / 1024
}'
grep -h 'OutOfMemoryError' "$OUT/console.log" || true
