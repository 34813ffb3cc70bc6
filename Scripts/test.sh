#!/usr/bin/env bash
# The test command of README.md and CI: installs what the tests need, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build
swift test 2>&1 | tee .build/test-output.txt
