#!/usr/bin/env bash
# The test command of README.md and CI: installs what the tests need, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build
# A hung test must fail the run with its output, not stall CI until it is killed.
timeout --kill-after=30s 45m swift test 2>&1 | tee .build/test-output.txt
