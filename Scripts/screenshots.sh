#!/usr/bin/env bash
# Makes the PNGs in Screenshots/ from the real binary in a real terminal: tmux runs the
# dashboard on a demo cluster, and each scene is drawn cell for cell by Scripts/pane_to_png.sh
# and measured by Scripts/check_screenshot.py (borders straight, bars full width) before it is kept.
#
#   bash Scripts/screenshots.sh            # all scenes
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash Scripts/install-deps.sh
bash Scripts/pane_to_png.sh --install
bash Scripts/install-deps.sh python3-venv
# Pillow, for the check, in a venv of its own so the system Python is left alone.
venv="$root/.venv-shots"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import PIL' 2>/dev/null || "$venv/bin/pip" install -q Pillow
swift build --product snapdeck >/dev/null
bin="$root/.build/debug/snapdeck"
work=$(mktemp -d)
trap 'tmux kill-session -t shots 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" demo --dir "$work/demo" >/dev/null
mkdir -p Screenshots

# Waits until the pane shows $1 (a fixed string), at most 20 s.
wait_for() {
  for _ in $(seq 1 200); do
    tmux capture-pane -t shots -p | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  echo "timed out waiting for: $1" >&2
  tmux capture-pane -t shots -p >&2
  return 1
}

# Captures the pane as Screenshots/$1.png, and fails if the picture does not match the pane.
shoot() {
  local name=$1
  bash Scripts/pane_to_png.sh shots "Screenshots/$name.png" "$work/$name.ansi" >/dev/null
  "$venv/bin/python" Scripts/check_screenshot.py "Screenshots/$name.png" "$work/$name.ansi"
}

key() { tmux send-keys -t shots "$@"; }

# Schedules: a nightly incremental one for retail (next run tomorrow at 02:00), and one for
# telemetry run three times by hand with rows loaded in between, so the Snapshots tab has a
# full snapshot with two incrementals on top of it.
tomorrow=$(date -d tomorrow '+%Y-%m-%d 02:00:00')
"$bin" sql --data "$work/demo" -e "
  CREATE JOB retail_nightly ON SCHEDULE EVERY 1 DAY STARTS '$tomorrow' COMMENT 'orders, customers, products'
    DO BACKUP SNAPSHOT retail.retail_nightly_{ts} TO demo_repo PROPERTIES ('type' = 'incremental', 'ttl' = '7 DAY');
  CREATE JOB telemetry_hourly ON SCHEDULE EVERY 1 HOUR STARTS '$tomorrow'
    DO BACKUP SNAPSHOT telemetry.telemetry_{ts} TO demo_repo PROPERTIES ('type' = 'incremental', 'ttl' = '2 DAY');" >/dev/null
for night in 1 2 3; do
  "$bin" sql --data "$work/demo" -e "
    INSERT INTO telemetry.hosts VALUES ($((100 + night)), 'edge-$night', 'r$night', true);
    EXECUTE JOB WHERE jobname = 'telemetry_hourly'" >/dev/null
  # Labels carry the run's second: the next run waits for the clock to move on.
  second=$(date +%s); while [ "$(date +%s)" = "$second" ]; do sleep 0.1; done
done
"$bin" sql --data "$work/demo" -e "PAUSE JOB WHERE jobname = 'telemetry_hourly'" >/dev/null

# History to show: a finished restore, and engine faults plus a slow transfer rate so the next
# backup is caught running with a task error on screen.
"$bin" sql --data "$work/demo" -e "
  BACKUP SNAPSHOT retail.nightly TO demo_repo ON (customers, products);
  CREATE DATABASE staging;" >/dev/null
ts=$("$bin" sql --data "$work/demo" --format tsv -e "SHOW SNAPSHOT ON demo_repo WHERE SNAPSHOT = 'nightly'" | tail -1 | cut -f2)
"$bin" sql --data "$work/demo" -e "
  RESTORE SNAPSHOT staging.nightly FROM demo_repo PROPERTIES ('backup_timestamp' = '$ts', 'replication_num' = '2');
  ADMIN SET FRONTEND CONFIG ('fault_transfer_fail_percent' = '35', 'transfer_rate_limit_bytes_per_second' = '131072');" >/dev/null

# TERM=tmux-256color, the terminal tmux really is: with xterm-256color, which has bce, ncurses
# paints a row's coloured tail by erasing it, and capture-pane does not report erased cells.
tmux new-session -d -s shots -x 120 -y 32 "env -u NO_COLOR TERM=tmux-256color LANG=C.UTF-8 '$bin' tui --data '$work/demo'"
wait_for "1 Backups"

key b; wait_for "New backup"
for _ in 1 2 3; do
  tmux capture-pane -t shots -p | grep -qF 'BACKUP SNAPSHOT `retail`.' && break
  key Right; sleep 0.2
done
key Enter
wait_for "=injected"
shoot backups-running
key Enter; wait_for "Timeline"; shoot backup-detail; key Escape

key 2; wait_for "nightly"; shoot restores
key '?'; wait_for "Keys ·"; shoot help; key Escape
key 4; wait_for "nightly"; key Enter; sleep 1; shoot snapshots-drilldown; key Escape
key r; wait_for "Restore snapshot"; shoot restore-dialog; key Escape
key 3; key n; wait_for "New repository"
tmux send-keys -t shots -l "offsite"; key Tab Right Tab; wait_for "Endpoint"
tmux send-keys -t shots -l "s3://backups/prod"; key Tab
tmux send-keys -t shots -l "https://s3.eu-central-1.amazonaws.com"; key Tab; key C-u
tmux send-keys -t shots -l "eu-central-1"; key Tab
tmux send-keys -t shots -l "AKIAIOSFODNN7EXAMPLE"; key Tab
tmux send-keys -t shots -l "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
wait_for '"s3.secret_key" = "******"'; shoot s3-repository-dialog; key Escape
key 5; sleep 0.5; key Enter; sleep 0.5; shoot catalog
key 8; wait_for "telemetry_hourly"; shoot schedules
key 4; wait_for "telemetry_"; key t; wait_for "Chain view"; shoot snapshots-chain; key t
key 1; tmux resize-window -t shots -x 80 -y 24; sleep 0.5; shoot backups-80x24
tmux kill-session -t shots
# The dashboard held the data directory; the server takes it once that process is gone.
for _ in $(seq 1 100); do pgrep -f "tui --data $work/demo" >/dev/null || break; sleep 0.1; done

# The same cluster behind `snapdeck serve`, and the dashboard of another process on it, with a
# backup started over the protocol (the rate limit and injected faults above still apply).
"$bin" serve --data "$work/demo" --port 0 > "$work/serve.out" 2>/dev/null &
serve_pid=$!
# The server is stopped and waited for before its data directory is removed.
trap 'tmux kill-session -t shots 2>/dev/null || true; kill $serve_pid 2>/dev/null || true; wait $serve_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 200); do grep -q ' on 127.0.0.1:' "$work/serve.out" && break; sleep 0.1; done
port=$(sed -n 's/.* on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.out" | head -1)
"$bin" sql -h 127.0.0.1 -P "$port" -uroot -e "BACKUP SNAPSHOT telemetry.hourly TO demo_repo" >/dev/null
tmux new-session -d -s shots -x 120 -y 32 "env -u NO_COLOR TERM=tmux-256color LANG=C.UTF-8 '$bin' tui -h 127.0.0.1 -P $port -uroot"
wait_for "SnapDeck 0.1.0"; wait_for "hourly"; key Down Down; sleep 0.5; shoot remote-dashboard
tmux send-keys -t shots q
