#!/usr/bin/env bash
# Makes the PNGs in Screenshots/ from the real binary in a real terminal: tmux runs the
# dashboard on a demo cluster, each scene is captured with its colours (capture-pane -e),
# turned into HTML by aha and into a PNG by headless Chromium.
#
#   bash Scripts/screenshots.sh            # all scenes
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash Scripts/install-deps.sh
for p in aha chromium fonts-wqy-zenhei; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="${missing:-} $p"
done
if [ -n "${missing:-}" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
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

# Captures the pane as Screenshots/$1.png.
shoot() {
  local name=$1 cols rows
  cols=$(tmux display -p -t shots '#{pane_width}')
  rows=$(tmux display -p -t shots '#{pane_height}')
  tmux capture-pane -t shots -e -p | aha --black --title "$name" > "$work/$name.html"
  # A monospace CJK-capable font, and no page margin, so the PNG is the terminal.
  sed -i 's|<head>|<head><style>body{margin:0;padding:6px;background:#000;} pre{font-family:"WenQuanYi Zen Hei Mono",monospace;font-size:14px;line-height:17px;margin:0;}</style>|' "$work/$name.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size=$((cols * 8 + 12)),$((rows * 17 + 12)) --screenshot="$root/Screenshots/$name.png" \
    "file://$work/$name.html" >/dev/null 2>&1
  echo "Screenshots/$name.png"
}

key() { tmux send-keys -t shots "$@"; }

# History to show: a finished restore, and engine faults plus a slow transfer rate so the next
# backup is caught running with a task error on screen.
"$bin" sql --data "$work/demo" -e "
  BACKUP SNAPSHOT retail.nightly TO demo_repo ON (customers, products);
  CREATE DATABASE staging;" >/dev/null
ts=$("$bin" sql --data "$work/demo" --format tsv -e "SHOW SNAPSHOT ON demo_repo WHERE SNAPSHOT = 'nightly'" | tail -1 | cut -f2)
"$bin" sql --data "$work/demo" -e "
  RESTORE SNAPSHOT staging.nightly FROM demo_repo PROPERTIES ('backup_timestamp' = '$ts', 'replication_num' = '2');
  ADMIN SET FRONTEND CONFIG ('fault_transfer_fail_percent' = '35', 'transfer_rate_limit_bytes_per_second' = '131072');" >/dev/null

tmux new-session -d -s shots -x 120 -y 32 "env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 '$bin' tui --data '$work/demo'"
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
key 1; tmux resize-window -t shots -x 80 -y 24; sleep 0.5; shoot backups-80x24
tmux send-keys -t shots q
