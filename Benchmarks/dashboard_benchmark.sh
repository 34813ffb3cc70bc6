#!/usr/bin/env bash
# Dashboard benchmark (issue 6): frame time (build + diff + present) at 120x40 with 1,000 jobs,
# CPU of an idle dashboard over 60 s, and CPU while a backup runs, from /proc/<pid>/stat.
#   bash Benchmarks/dashboard_benchmark.sh [jobs]
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${1:-1000}
swift build -c release --product snapdeck --scratch-path .build-bench >/dev/null
bin=$(pwd)/.build-bench/release/snapdeck
work=$(mktemp -d)
session=snapdeck-bench-$$
trap 'tmux kill-session -t $session 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" demo --dir "$work/demo" --orders 50000 --no-dashboard >/dev/null
"$bin" sql --data "$work/demo" -e "ADMIN SET FRONTEND CONFIG ('max_backup_restore_job_num_per_db' = '$jobs', 'transfer_rate_limit_bytes_per_second' = '0'); CREATE DATABASE many; CREATE TABLE many.t (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1; INSERT INTO many.t VALUES (1)" >/dev/null
start=$(date +%s)
for i in $(seq 1 "$jobs"); do
  "$bin" sql --data "$work/demo" -e "BACKUP SNAPSHOT many.b$i TO demo_repo PROPERTIES ('content' = 'METADATA_ONLY')" >/dev/null
done
echo "created $jobs finished jobs in $(( $(date +%s) - start )) s"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
tmux new-session -d -s $session -x 120 -y 40 "env SNAPDECK_FRAME_STATS='$work/frames.txt' LANG=C.UTF-8 '$bin' tui --data '$work/demo'"
for _ in $(seq 1 100); do tmux capture-pane -t $session -p | grep -q "1 Backups" && break; sleep 0.1; done
pid=$(cat "$work/demo/snapdeck.lock")
# Frames: move the selection through the 1,000-job table (each key is one frame).
for _ in $(seq 1 300); do tmux send-keys -t $session j; done
sleep 2
for _ in $(seq 1 300); do tmux send-keys -t $session k; done
sleep 2
# Idle: 60 s with nothing happening but the clock.
before=$(ticks "$pid"); sleep 60; after=$(ticks "$pid")
idle=$(awk -v a="$after" -v b="$before" -v hz="$hz" 'BEGIN { printf "%.2f", (a - b) * 100 / (hz * 60) }')
# Busy: a backup of the demo's retail database, started from the SQL console.
tmux send-keys -t $session 6
tmux send-keys -t $session -l "BACKUP SNAPSHOT retail.bench TO demo_repo"
before=$(ticks "$pid"); t0=$(date +%s.%N)
tmux send-keys -t $session Enter
for _ in $(seq 1 600); do
  tmux send-keys -t $session Escape 1
  tmux capture-pane -t $session -p | grep -E "bench +✓ FINISHED" -q && break
  sleep 0.1
done
after=$(ticks "$pid"); t1=$(date +%s.%N)
busy=$(awk -v a="$after" -v b="$before" -v hz="$hz" -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.1f", (a - b) * 100 / (hz * (t1 - t0)) }')
tmux send-keys -t $session q
for _ in $(seq 1 100); do [ -f "$work/frames.txt" ] && break; sleep 0.1; done
echo
echo "| measurement | value | target |"
echo "| --- | --- | --- |"
echo "| frame (build + diff + present), 120x40, $jobs jobs | $(cat "$work/frames.txt") | <= 2 ms |"
echo "| CPU of the idle dashboard over 60 s | ${idle} % | <= 0.5 % |"
echo "| CPU of the process while a backup of retail runs (includes the backup itself) | ${busy} % | - |"
