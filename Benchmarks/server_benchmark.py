#!/usr/bin/env python3
"""MySQL-protocol server benchmark: `snapdeck serve` against a MariaDB server on this machine,
both driven by the same pymysql load generator in the same run.

Query shapes: `SELECT 1`; `SELECT COUNT(*)` on a 1,000-row table; and `SHOW BACKUP FROM db`
with 200 finished jobs, whose MariaDB counterpart is `SELECT * FROM backup_jobs` on a 200-row,
14-column table (MariaDB has no SHOW BACKUP; this is the same result shape). Each shape runs
for --seconds at 1, 16 and 64 connections (threads over --processes client processes); every
query's latency is recorded. Also: RSS of the server with 1,000 idle logged-in connections, and
the worst `SELECT 1` latency on one connection while another loads 2,000,000 rows (a statement
holds the engine; this shows for how long other sessions wait).

Needs: a release build (`swift build -c release --product snapdeck --scratch-path .build-bench`),
pymysql in .venv-test (Scripts/test.sh makes it) and mariadb-server (apt-get install -y
mariadb-server). Usage: .venv-test/bin/python Benchmarks/server_benchmark.py [--quick]
"""
import argparse
import multiprocessing
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import pymysql

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc, what):
    deadline = time.time() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                sys.exit(f"{what} did not start")
            time.sleep(0.05)


def start_snapdeck(binary, work):
    port = free_port()
    data = os.path.join(work, "snapdeck-data")
    proc = subprocess.Popen([binary, "serve", "--data", data, "--port", str(port), "--max-connections", "2000"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    wait_port(port, proc, "snapdeck serve")
    return proc, port


def start_mariadb(work):
    data = os.path.join(work, "mariadb-data")
    install = shutil.which("mariadb-install-db") or shutil.which("mysql_install_db")
    server = shutil.which("mariadbd") or "/usr/sbin/mariadbd"
    if not install or not os.path.exists(server):
        sys.exit("mariadb-server missing: apt-get install -y mariadb-server")
    subprocess.run([install, "--no-defaults", f"--datadir={data}", "--user=root", "--auth-root-authentication-method=normal",
                    "--skip-test-db"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port = free_port()
    proc = subprocess.Popen([server, "--no-defaults", f"--datadir={data}", "--user=root", f"--port={port}",
                             "--bind-address=127.0.0.1", f"--socket={work}/mariadb.sock", "--max-connections=2000",
                             "--skip-log-bin", "--innodb-buffer-pool-size=64M"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(port, proc, "mariadbd")
    return proc, port


def connect(port, database=None):
    return pymysql.connect(host="127.0.0.1", port=port, user="root", password="", database=database, autocommit=True)


def prepare_snapdeck(port, work):
    conn = connect(port)
    cur = conn.cursor()
    cur.execute("CREATE DATABASE bench")
    cur.execute("CREATE TABLE bench.t (id BIGINT NOT NULL, v VARCHAR(20)) DUPLICATE KEY(id) "
                "DISTRIBUTED BY HASH(id) BUCKETS 4 PROPERTIES ('replication_num' = '1')")
    cur.execute("INSERT INTO bench.t VALUES " + ",".join(f"({i}, 'row{i}')" for i in range(1000)))
    cur.execute(f"CREATE REPOSITORY bench_repo WITH LOCAL ON LOCATION 'file://{work}/repo'")
    for n in range(200):
        cur.execute(f"BACKUP SNAPSHOT bench.b{n} TO bench_repo ON (t)")
        while True:
            cur.execute("SHOW BACKUP FROM bench")
            if cur.fetchall()[-1][3] in ("FINISHED", "CANCELLED"):
                break
            time.sleep(0.02)
    conn.close()


def prepare_mariadb(port):
    conn = connect(port)
    cur = conn.cursor()
    cur.execute("CREATE DATABASE bench")
    cur.execute("CREATE TABLE bench.t (id BIGINT NOT NULL PRIMARY KEY, v VARCHAR(20))")
    cur.execute("INSERT INTO bench.t VALUES " + ",".join(f"({i}, 'row{i}')" for i in range(1000)))
    columns = ", ".join(f"c{i} VARCHAR(64)" for i in range(14))
    cur.execute(f"CREATE TABLE bench.backup_jobs ({columns})")
    row = "(" + ", ".join(["'2026-12-03 02:00:00'"] * 14) + ")"
    cur.execute("INSERT INTO bench.backup_jobs VALUES " + ",".join([row] * 200))
    conn.close()


def client_process(port, sql, threads, seconds, queue):
    latencies = []
    lock = threading.Lock()
    start = threading.Event()

    def worker():
        conn = connect(port, "bench")
        cur = conn.cursor()
        mine = []
        start.wait()
        deadline = time.perf_counter() + seconds
        while True:
            began = time.perf_counter()
            if began >= deadline:
                break
            cur.execute(sql)
            cur.fetchall()
            mine.append(time.perf_counter() - began)
        conn.close()
        with lock:
            latencies.extend(mine)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    start.set()
    for t in pool:
        t.join()
    queue.put(latencies)


def measure(port, sql, connections, seconds, processes):
    processes = min(processes, connections)
    shares = [connections // processes + (1 if i < connections % processes else 0) for i in range(processes)]
    queue = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=client_process, args=(port, sql, n, seconds, queue)) for n in shares]
    for p in procs:
        p.start()
    latencies = []
    for _ in procs:
        latencies.extend(queue.get())
    for p in procs:
        p.join()
    latencies.sort()
    count = len(latencies)
    return {"qps": count / seconds, "p50": latencies[count // 2] * 1000, "p99": latencies[min(count - 1, int(count * 0.99))] * 1000}


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def idle_rss(port, pid, count):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, count + 256)), hard))
    before = rss_kib(pid)
    held = [connect(port) for _ in range(count)]
    time.sleep(1)
    after = rss_kib(pid)
    for conn in held:
        conn.close()
    return before, after


def blocking(port, work, rows):
    """Worst SELECT 1 latency on one session while another runs a LOAD DATA of `rows` rows."""
    path = os.path.join(work, "load.csv")
    with open(path, "w") as f:
        for i in range(rows):
            f.write(f"{i},load{i}\n")
    conn = connect(port)
    conn.cursor().execute("CREATE TABLE bench.big (id BIGINT NOT NULL, v VARCHAR(20)) DUPLICATE KEY(id) "
                          "DISTRIBUTED BY HASH(id) BUCKETS 4 PROPERTIES ('replication_num' = '1')")
    loader_done = threading.Event()
    load_seconds = []

    def loader():
        c = connect(port)
        began = time.perf_counter()
        c.cursor().execute(f"LOAD DATA INFILE '{path}' INTO TABLE bench.big COLUMNS TERMINATED BY ','")
        load_seconds.append(time.perf_counter() - began)
        c.close()
        loader_done.set()

    probe = connect(port).cursor()
    thread = threading.Thread(target=loader)
    thread.start()
    worst = 0.0
    while not loader_done.is_set():
        began = time.perf_counter()
        probe.execute("SELECT 1")
        probe.fetchall()
        worst = max(worst, time.perf_counter() - began)
    thread.join()
    return load_seconds[0], worst


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build-bench", "release", "snapdeck"))
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--quick", action="store_true", help="1-second runs, 100 idle connections")
    args = parser.parse_args()
    if args.quick:
        args.seconds = 1
    idle_count = 100 if args.quick else 1000
    work = tempfile.mkdtemp(prefix="snapdeck-server-bench-")
    snapdeck, snapdeck_port = start_snapdeck(args.bin, work)
    mariadb, mariadb_port = start_mariadb(work)
    try:
        prepare_snapdeck(snapdeck_port, work)
        prepare_mariadb(mariadb_port)
        shapes = [("SELECT 1", "SELECT 1", "SELECT 1"),
                  ("SELECT COUNT(*) (1,000 rows)", "SELECT COUNT(*) FROM t", "SELECT COUNT(*) FROM t"),
                  ("SHOW BACKUP (200 jobs)", "SHOW BACKUP FROM bench", "SELECT * FROM backup_jobs")]
        print("| query | connections | SnapDeck q/s | MariaDB q/s | ratio | SnapDeck p50 / p99 ms | MariaDB p50 / p99 ms |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for label, ours, theirs in shapes:
            for connections in (1, 16, 64):
                s = measure(snapdeck_port, ours, connections, args.seconds, args.processes)
                m = measure(mariadb_port, theirs, connections, args.seconds, args.processes)
                print(f"| {label} | {connections} | {s['qps']:,.0f} | {m['qps']:,.0f} | {s['qps'] / m['qps']:.2f} | "
                      f"{s['p50']:.2f} / {s['p99']:.2f} | {m['p50']:.2f} / {m['p99']:.2f} |", flush=True)
        before, after = idle_rss(snapdeck_port, snapdeck.pid, idle_count)
        budget = 64 * 1024 + 64 * idle_count
        print(f"\nRSS of snapdeck serve: {before / 1024:.1f} MiB before, {after / 1024:.1f} MiB with {idle_count} idle "
              f"connections ({(after - before) / idle_count:.1f} KiB each); budget 64 MiB + 64 KiB each = "
              f"{budget / 1024:.1f} MiB: {'within' if after <= budget else 'OVER'}")
        rows = 200_000 if args.quick else 2_000_000
        load, worst = blocking(snapdeck_port, work, rows)
        print(f"LOAD DATA of {rows:,} rows took {load:.2f} s; the worst SELECT 1 on another session meanwhile: {worst * 1000:.1f} ms")
    finally:
        snapdeck.terminate()
        mariadb.terminate()
        snapdeck.wait()
        mariadb.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
