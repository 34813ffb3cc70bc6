#!/usr/bin/env bash
# The test command of README.md and CI: installs what the tests need, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
# The S3 tests run against nanio, a signature-checking S3 server, from this virtualenv.
if [ ! -x .venv-test/bin/nanio ]; then
    python3 -m venv .venv-test
    .venv-test/bin/pip install --quiet nanio==0.1.7
fi
swift build
# A hung test must fail the run with its output, not stall CI until it is killed.
timeout --kill-after=30s 45m swift test 2>&1 | tee .build/test-output.txt
