#!/usr/bin/env bash
# The reliability suites, run as an attacker would run them, with a figures table at the end:
# the crash matrix (kill -9 in every job state, between a cancel and its clean-up, and after
# each step of a snapshot drop) repeated --passes times, the corruption matrix, hostile names
# and locations, full and read-only disks, and the SQL fuzzer with --fuzz statements (through
# a release build). Usage:
#   bash Scripts/reliability.sh [--passes N] [--fuzz N]     (defaults: 5 passes, 200000 statements)
set -euo pipefail
cd "$(dirname "$0")/.."
passes=5
fuzz=200000
while [ $# -gt 0 ]; do
  case "$1" in
    --passes) passes="$2"; shift 2 ;;
    --fuzz) fuzz="$2"; shift 2 ;;
    *) echo "usage: $0 [--passes N] [--fuzz N]" >&2; exit 2 ;;
  esac
done
bash Scripts/install-deps.sh
swift build --build-tests
report="$(mktemp /tmp/snapdeck-reliability-XXXXXX.jsonl)"
status=0
SNAPDECK_RELIABILITY_REPORT="$report" SNAPDECK_RELIABILITY_PASSES="$passes" \
  swift test --skip-build --filter 'CrashMatrixTests|CorruptionMatrixTests|HostileLocationTests|DiskFullTests|SameLabelTests|CancelCleanupTests|SnapshotConsistencyTests' \
  > "$report.log" 2>&1 || status=1
# Run times are a speed figure, so the fuzzer drives a release build (as the benchmarks do);
# CI's fuzz test uses the debug build and asserts no times.
swift build -c release --product snapdeck --scratch-path .build-release
fuzz_table="$(SNAPDECK_BIN="$PWD/.build-release/release/snapdeck" bash Scripts/fuzz.sh --count "$fuzz" 2>"$report.fuzz.log")" || status=1
python3 Scripts/reliability_table.py "$report" "$report.log"
if [ -n "$fuzz_table" ]; then
  printf '\n%s\n' "$fuzz_table"
fi
echo
echo "Test output: $report.log"
exit "$status"
