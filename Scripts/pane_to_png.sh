#!/usr/bin/env bash
# Draws what a tmux pane shows, with its colours, as a PNG: every terminal cell one fixed-size box
# (two for wide characters), so borders and bars line up as in the terminal whatever widths the
# font gives symbols such as ● ✓ ✗. Other scripts that run a scene in tmux call this to shoot it.
#
#   bash Scripts/pane_to_png.sh TMUX-TARGET OUT.png [CAPTURE-OUT]
#
# CAPTURE-OUT, if given, keeps the pane's captured text with its escapes, which
# Scripts/check_screenshot.py reads to find where each border must be in the PNG.
#
# Run the program in the pane with TERM=tmux-256color: under a terminal type with bce
# (xterm-256color) ncurses paints a row's coloured tail by erasing it, and capture-pane leaves
# erased cells out, so a bar would end early in the picture though not on screen.
#
# Needs tmux, python3, chromium and the fonts (fonts-dejavu-core, fonts-wqy-zenhei for CJK);
# `bash Scripts/pane_to_png.sh --install` installs the missing ones through apt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

if [ "${1:-}" = "--install" ]; then
  bash "$here/install-deps.sh" tmux python3 chromium fonts-dejavu-core fonts-wqy-zenhei
  exit 0
fi

if [ $# -lt 2 ]; then
  echo "usage: $0 TMUX-TARGET OUT.png [CAPTURE-OUT]" >&2
  exit 2
fi
target=$1 out=$2 capture=${3:-}
case "$out" in /*) ;; *) out="$(pwd)/$out" ;; esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cols=$(tmux display -p -t "$target" '#{pane_width}')
rows=$(tmux display -p -t "$target" '#{pane_height}')
read -r cell_w cell_h pad < <(python3 "$here/pane_to_html.py" --geometry)
# -N: without it tmux drops a row's trailing blanks even when they are coloured, and bars such
# as the header would stop a cell or more short of the pane's edge.
tmux capture-pane -t "$target" -e -p -N > "$tmp/pane.ansi"
python3 "$here/pane_to_html.py" --cols "$cols" --rows "$rows" --title "$(basename "$out" .png)" \
  < "$tmp/pane.ansi" > "$tmp/pane.html"
if [ -n "$capture" ]; then cp "$tmp/pane.ansi" "$capture"; fi
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size=$((cols * cell_w + 2 * pad)),$((rows * cell_h + 2 * pad)) --screenshot="$out" \
  "file://$tmp/pane.html" >/dev/null 2>&1
echo "$out"
