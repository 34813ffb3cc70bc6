#!/usr/bin/env python3
"""What a remote dashboard costs the FE it watches: statements per second and the dashboard's
own CPU, idle and while a backup runs.

`snapdeck serve` runs on a demo cluster; the dashboard (`snapdeck tui -h …`) runs in tmux and
reaches the server through a counting proxy in this script, which sees every COM_QUERY the
dashboard sends. CPU is the dashboard process's user + system time (from /proc) over the same
window. Targets (issue: the console for real clusters): idle ≤ 1 statement/s and ≤ 0.5 % CPU.

Needs a release build (`swift build -c release --product snapdeck --scratch-path .build-bench`)
and tmux. Usage: python3 Benchmarks/remote_dashboard_benchmark.py [--seconds 120]
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CountingProxy:
    """Forwards 127.0.0.1:port to the server and counts the COM_QUERY packets clients send."""

    def __init__(self, target_port):
        self.target = target_port
        self.queries = 0
        self.lock = threading.Lock()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            client, _ = self.listener.accept()
            server = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self.pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self.pump, args=(server, client, False), daemon=True).start()

    def pump(self, source, sink, from_client):
        pending = b""
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
                if from_client:
                    pending += data
                    # Packets: 3-byte length, sequence id, payload; a command starts at sequence 0.
                    while len(pending) >= 4:
                        length = int.from_bytes(pending[:3], "little")
                        if len(pending) < 4 + length:
                            break
                        if pending[3] == 0 and length > 0 and pending[4] == 0x03:
                            with self.lock:
                                self.queries += 1
                        pending = pending[4 + length:]
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def count(self):
        with self.lock:
            return self.queries


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def tmux(sock, *args):
    return subprocess.run(["tmux", "-S", sock, *args], check=True, capture_output=True, text=True).stdout


def wait_for(sock, text, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if text in tmux(sock, "capture-pane", "-t", "bench", "-p"):
            return
        time.sleep(0.1)
    sys.exit(f"the dashboard never showed {text!r}:\n" + tmux(sock, "capture-pane", "-t", "bench", "-p"))


def measure(proxy, pid, seconds):
    q0, c0, t0 = proxy.count(), cpu_seconds(pid), time.time()
    time.sleep(seconds)
    q1, c1, t1 = proxy.count(), cpu_seconds(pid), time.time()
    wall = t1 - t0
    return (q1 - q0) / wall, 100 * (c1 - c0) / wall


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-bench/release/snapdeck"))
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"no release build at {args.binary}: swift build -c release --product snapdeck --scratch-path .build-bench")
    work = tempfile.mkdtemp(prefix="snapdeck-remote-bench-")
    sock = os.path.join(work, "tmux.sock")
    serve = None
    try:
        data = os.path.join(work, "demo")
        subprocess.run([args.binary, "demo", "--dir", data, "--no-dashboard"], check=True, capture_output=True)
        port = free_port()
        serve = subprocess.Popen([args.binary, "serve", "--data", data, "--port", str(port)],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        serve.stdout.readline()
        proxy = CountingProxy(port)
        tmux(sock, "new-session", "-d", "-s", "bench", "-x", "120", "-y", "32",
             f"env LANG=C.UTF-8 TERM=xterm-256color {args.binary} tui -h 127.0.0.1 -P {proxy.port} -uroot")
        pid = int(tmux(sock, "display", "-p", "-t", "bench", "#{pane_pid}").strip())
        wait_for(sock, "1 Backups")
        time.sleep(12)  # the first reads (catalog for the dialogs included) are not the idle rhythm
        idle_rate, idle_cpu = measure(proxy, pid, args.seconds)

        subprocess.run([args.binary, "sql", "-h", "127.0.0.1", "-P", str(port), "-uroot", "-e",
                        "ADMIN SET FRONTEND CONFIG ('transfer_rate_limit_bytes_per_second' = '16384');"
                        "BACKUP SNAPSHOT retail.bench TO demo_repo"], check=True, capture_output=True)
        wait_for(sock, "UPLOADING", 60)
        busy_rate, busy_cpu = measure(proxy, pid, min(30, args.seconds))

        print(f"{'dashboard on snapdeck serve':34} {'statements/s':>13} {'CPU %':>7}")
        print(f"{'idle':34} {idle_rate:13.2f} {idle_cpu:7.2f}")
        print(f"{'one backup running':34} {busy_rate:13.2f} {busy_cpu:7.2f}")
        print(f"idle targets: ≤ 1 statement/s ({'met' if idle_rate <= 1 else 'MISSED'}), "
              f"≤ 0.5 % CPU ({'met' if idle_cpu <= 0.5 else 'MISSED'}); window {args.seconds:.0f} s")
    finally:
        subprocess.run(["tmux", "-S", sock, "kill-server"], capture_output=True)
        if serve:
            serve.terminate()
            serve.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
