#!/usr/bin/env bash
# What remembering earlier runs' pins costs each run as the job repository grows (a benchmark, not a test): for each
# SIZE, a job repository holding that many sent rows, then the look-ups a run's steps make when they start and those
# of a row that matches. Prints one line a size.
#
#   bench/earlier-pins.sh [SIZE...]      default: 0 10000 100000 1000000
set -euo pipefail
# the inputs are written just before they are timed: read them at once, without the wait for a copy to finish
export PINBATCH_INPUT_SETTLE=0s
cd "$(dirname "$0")/.."

SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(0 10000 100000 1000000)
if [[ ! -f target/test-classes/com/pinbatch/bench/BenchEarlierPins.class ]]; then
	mvn -q -DskipTests package
fi
if [[ ! -s target/cp.txt ]]; then
	mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
fi
mkdir -p target/bench
java -Xmx256m -cp "target/classes:target/test-classes:$(cat target/cp.txt)" com.pinbatch.bench.BenchEarlierPins "${SIZES[@]}"
rm -rf target/bench/earlier-pins-*
