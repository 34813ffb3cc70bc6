#!/usr/bin/env bash
# The main job for a new user: installs what SnapDeck needs, builds it, and opens the demo
# cluster (created on first run in ./snapdeck-demo). Extra arguments go to `snapdeck demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build --product snapdeck
exec .build/debug/snapdeck demo "$@"
