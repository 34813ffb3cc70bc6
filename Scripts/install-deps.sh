#!/usr/bin/env bash
# Installs the system packages SnapDeck builds and tests against, on a fresh Debian machine.
# Safe to run again: apt-get skips what is already installed. Other scripts name their own
# packages as arguments (`bash Scripts/install-deps.sh chromium …`) to install those instead.
set -euo pipefail
# mariadb-client: the `mysql` client the server's end-to-end tests connect with.
# mariadb-server: the MariaDB server the remote client's tests log in to (TestSupport/MariaDBServer).
packages=(libsqlite3-dev libncurses-dev sqlite3 tmux mariadb-client mariadb-server)
[ $# -gt 0 ] && packages=("$@")
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
