#!/usr/bin/env bash
# Fuzzes the real binary: mutated statements through `snapdeck sql -e` and stdin against scratch
# data directories (the generator and runner are the BinaryFuzzTests end-to-end test, which CI
# runs with 20,000 statements). Prints a Markdown table (statements, runs, crashes, hangs, runs
# over 2 s, slowest run) and every finding with the seed, run and saved script to reproduce it.
#
#   bash Scripts/fuzz.sh [--seed N] [--count N]     (defaults: the CI seed, 200,000 statements)
#
# Exits non-zero when a run crashed or hung. A saved script reproduces a finding on a fresh
# data directory with `snapdeck sql --force --data DIR < script` when it does not depend on
# what earlier runs left in theirs.
set -euo pipefail
cd "$(dirname "$0")/.."
count=200000
seed=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed="$2"; shift 2 ;;
    --count) count="$2"; shift 2 ;;
    *) echo "usage: $0 [--seed N] [--count N]" >&2; exit 2 ;;
  esac
done
case "$count" in ''|*[!0-9]*) echo "--count must be a number" >&2; exit 2 ;; esac
case "$seed" in *[!0-9]*) echo "--seed must be a decimal number" >&2; exit 2 ;; esac
bash Scripts/install-deps.sh
swift build --build-tests
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
status=0
SNAPDECK_FUZZ_COUNT="$count" SNAPDECK_FUZZ_SEED="$seed" SNAPDECK_FUZZ_REPORT="$report" \
  swift test --skip-build --filter 'BinaryFuzzTests/mutatedStatementsNeverCrashOrHangTheBinary' \
  > .build/fuzz-output.txt 2>&1 || status=$?
if [ -s "$report" ]; then
  cat "$report"
else
  tail -n 40 .build/fuzz-output.txt
fi
echo "seed: ${seed:-the CI default}; full output: .build/fuzz-output.txt"
exit "$status"
