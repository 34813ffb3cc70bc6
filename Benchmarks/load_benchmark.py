#!/usr/bin/env python3
"""Bulk-load benchmark (foundation issue): a 1,000,000-row, 8-column CSV (about 60 MB) loaded
into a table with 16 buckets and 3 replicas, against `sqlite3 .import` of the same file in the
same run; then CHECKSUM TABLE. Prints a Markdown table with times, rows per second, ratios and
peak RSS.

`--big` loads a CSV of about 3 GB instead (`--big-gb` sets the size; about 48 million rows),
to show that LOAD DATA streams: its peak RSS must stay far below the file's size. It needs
about 4x the file's size of free disk (the CSV, three replicas, the sqlite3 copy): check
`df -h` first. CHECKSUM TABLE is left out of the big run.

Usage: python3 Benchmarks/load_benchmark.py [--rows N] [--runs K] [--bin PATH]
       python3 Benchmarks/load_benchmark.py --big [--big-gb G] [--csv PATH] [--runs K] [--bin PATH]
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run_measured(argv, stdin=None):
    """Runs argv, returns (seconds, peak RSS in MiB of the child)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if stdin:
        proc.stdin.write(stdin.encode())
        proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode()
    if status != 0:
        sys.exit(f"command failed: {' '.join(argv)}\n{err}")
    return elapsed, usage.ru_maxrss / 1024.0


def row_tails(rows, seed=42):
    """The columns after order_id of `rows` rows, each ending in a newline."""
    rng = random.Random(seed)
    statuses = ["PAID", "SHIPPED", "DELIVERED", "RETURNED"]
    for i in range(1, rows + 1):
        yield (f",2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},{rng.randint(1, 100000)},"
               f"{rng.randint(1, 5000)},{rng.randint(1, 9)},{rng.randint(100, 999999) / 100:.2f},"
               f"{statuses[i % 4]},customer-{rng.randint(1, 99999):05d}\n")


def make_csv(path, rows):
    """Writes `rows` rows; returns the row count."""
    with open(path, "w") as f:
        for i, tail in enumerate(row_tails(rows)):
            f.write(f"{i + 1}{tail}")
    return rows


def make_big_csv(path, size):
    """Writes blocks of a million random rows, with ids running on, until `size` bytes;
    returns the row count. Repeating one block keeps generation to seconds per GB."""
    block = 1_000_000
    tails = list(row_tails(block))
    rows = 0
    with open(path, "w") as f:
        while f.tell() < size:
            f.write("".join(f"{rows + i + 1}{tail}" for i, tail in enumerate(tails)))
            rows += block
    return rows


def count_rows(path):
    with open(path, "rb") as f:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))


def in_child(make, *args):
    """Runs `make(*args)` (returning an int) in a forked process and returns its result.
    Linux carries a process's peak RSS over fork and exec, so memory this script takes would
    show as the peak RSS of every snapdeck it starts later: the big CSV's rows stay out of it."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        code = 1
        try:
            os.write(w, str(make(*args)).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(w)
    with os.fdopen(r) as result:
        out = result.read()
    _, status = os.waitpid(pid, 0)
    if status != 0:
        sys.exit("making the CSV failed")
    return int(out)


SCHEMA = """CREATE DATABASE bench;
CREATE TABLE bench.orders (order_id BIGINT NOT NULL, order_date DATE NOT NULL, customer_id INT NOT NULL,
  product_id INT NOT NULL, quantity SMALLINT NOT NULL, amount DECIMAL(12,2) NOT NULL, status VARCHAR(16),
  note VARCHAR(32)) DUPLICATE KEY(order_id) DISTRIBUTED BY HASH(order_id) BUCKETS 16
  PROPERTIES ("replication_num" = "3");
ADMIN SET FRONTEND CONFIG ("load_max_rows_per_statement" = "1000000000");"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int)
    parser.add_argument("--big", action="store_true", help="load a CSV of about --big-gb GB")
    parser.add_argument("--big-gb", type=float, default=3.0)
    parser.add_argument("--csv", help="load this CSV (of the benchmark's schema) instead of making one")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--bin", default=os.path.join(root, ".build/release/snapdeck"))
    args = parser.parse_args()
    runs = args.runs or (1 if args.big else 3)
    if not os.path.exists(args.bin):
        sys.exit(f"build first: swift build -c release ({args.bin} missing)")
    work = tempfile.mkdtemp(prefix="snapdeck-bench-")
    try:
        if args.csv:
            csv, rows = args.csv, count_rows(args.csv)
        else:
            csv = os.path.join(work, "orders.csv")
            rows = in_child(make_big_csv, csv, int(args.big_gb * 1e9)) if args.big else in_child(make_csv, csv, args.rows)
        size_mb = os.path.getsize(csv) / 1e6
        snap, snap_rss, sqlite, check, check_rss = [], [], [], [], []
        for run in range(runs):
            data = os.path.join(work, f"cluster-{run}")
            subprocess.run([args.bin, "sql", "--data", data, "-e", SCHEMA], check=True, stdout=subprocess.DEVNULL)
            t, rss = run_measured([args.bin, "sql", "--data", data, "-e",
                                   f"LOAD DATA LOCAL INFILE '{csv}' INTO TABLE bench.orders"])
            snap.append(t)
            snap_rss.append(rss)
            if not args.big:
                t, rss = run_measured([args.bin, "sql", "--data", data, "-e", "CHECKSUM TABLE bench.orders"])
                check.append(t)
                check_rss.append(rss)
            shutil.rmtree(data)
            db = os.path.join(work, f"sqlite-{run}.db")
            t, _ = run_measured(["sqlite3", "-cmd", ".mode csv", db, f".import {csv} t"])
            sqlite.append(t)
            os.remove(db)
        m = statistics.median
        print(f"Load of {rows:,} rows x 8 columns ({size_mb:,.0f} MB CSV), 16 buckets x 3 replicas, "
              f"median of {runs} run{'s' if runs > 1 else ''}:\n")
        print("| operation | time (s) | rows/s | ratio to sqlite3 .import | peak RSS (MiB) |")
        print("| --- | --- | --- | --- | --- |")
        print(f"| snapdeck LOAD DATA | {m(snap):.2f} | {rows / m(snap):,.0f} | {m(snap) / m(sqlite):.2f}x | {max(snap_rss):.0f} |")
        print(f"| sqlite3 .import | {m(sqlite):.2f} | {rows / m(sqlite):,.0f} | 1.00x | - |")
        if check:
            print(f"| snapdeck CHECKSUM TABLE | {m(check):.2f} | {rows / m(check):,.0f} | {m(check) / m(sqlite):.2f}x | {max(check_rss):.0f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
