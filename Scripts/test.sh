#!/usr/bin/env bash
# The test command of README.md and CI: installs what the tests need, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
# The test virtualenv: nanio (a signature-checking S3 server) for the S3 tests, and the MySQL
# drivers (pymysql, mysql-connector-python) the server's tests connect with.
if ! cmp -s Scripts/test-requirements.txt .venv-test/requirements.txt; then
    python3 -m venv .venv-test
    .venv-test/bin/pip install --quiet -r Scripts/test-requirements.txt
    cp Scripts/test-requirements.txt .venv-test/requirements.txt
fi
swift build
# A hung test must fail the run with its output, not stall CI until it is killed.
timeout --kill-after=30s 45m swift test 2>&1 | tee .build/test-output.txt
