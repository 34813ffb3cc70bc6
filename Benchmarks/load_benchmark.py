#!/usr/bin/env python3
"""Bulk-load benchmark (foundation issue): a 1,000,000-row, 8-column CSV (about 60 MB) loaded
into a table with 16 buckets and 3 replicas, against `sqlite3 .import` of the same file in the
same run; then CHECKSUM TABLE. Prints a Markdown table with times, ratios and peak RSS.

Usage: python3 Benchmarks/load_benchmark.py [--rows N] [--runs K] [--bin PATH]
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


def make_csv(path, rows):
    rng = random.Random(42)
    statuses = ["PAID", "SHIPPED", "DELIVERED", "RETURNED"]
    with open(path, "w") as f:
        for i in range(1, rows + 1):
            f.write(f"{i},2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},{rng.randint(1, 100000)},"
                    f"{rng.randint(1, 5000)},{rng.randint(1, 9)},{rng.randint(100, 999999) / 100:.2f},"
                    f"{statuses[i % 4]},customer-{rng.randint(1, 99999):05d}\n")


SCHEMA = """CREATE DATABASE bench;
CREATE TABLE bench.orders (order_id BIGINT NOT NULL, order_date DATE NOT NULL, customer_id INT NOT NULL,
  product_id INT NOT NULL, quantity SMALLINT NOT NULL, amount DECIMAL(12,2) NOT NULL, status VARCHAR(16),
  note VARCHAR(32)) DUPLICATE KEY(order_id) DISTRIBUTED BY HASH(order_id) BUCKETS 16
  PROPERTIES ("replication_num" = "3");"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--bin", default=os.path.join(root, ".build/release/snapdeck"))
    args = parser.parse_args()
    if not os.path.exists(args.bin):
        sys.exit(f"build first: swift build -c release ({args.bin} missing)")
    work = tempfile.mkdtemp(prefix="snapdeck-bench-")
    try:
        csv = os.path.join(work, "orders.csv")
        make_csv(csv, args.rows)
        size_mb = os.path.getsize(csv) / 1e6
        snap, snap_rss, sqlite, check, check_rss = [], [], [], [], []
        for run in range(args.runs):
            data = os.path.join(work, f"cluster-{run}")
            subprocess.run([args.bin, "sql", "--data", data, "-e", SCHEMA], check=True, stdout=subprocess.DEVNULL)
            t, rss = run_measured([args.bin, "sql", "--data", data, "-e",
                                   f"LOAD DATA LOCAL INFILE '{csv}' INTO TABLE bench.orders"])
            snap.append(t)
            snap_rss.append(rss)
            t, rss = run_measured([args.bin, "sql", "--data", data, "-e", "CHECKSUM TABLE bench.orders"])
            check.append(t)
            check_rss.append(rss)
            db = os.path.join(work, f"sqlite-{run}.db")
            t, _ = run_measured(["sqlite3", "-cmd", ".mode csv", db, f".import {csv} t"])
            sqlite.append(t)
            shutil.rmtree(data)
        m = statistics.median
        print(f"Load of {args.rows:,} rows x 8 columns ({size_mb:.0f} MB CSV), 16 buckets x 3 replicas, "
              f"median of {args.runs} runs:\n")
        print("| operation | time (s) | ratio to sqlite3 .import | peak RSS (MiB) |")
        print("| --- | --- | --- | --- |")
        print(f"| snapdeck LOAD DATA | {m(snap):.2f} | {m(snap) / m(sqlite):.2f}x | {max(snap_rss):.0f} |")
        print(f"| sqlite3 .import | {m(sqlite):.2f} | 1.00x | - |")
        print(f"| snapdeck CHECKSUM TABLE | {m(check):.2f} | {m(check) / m(sqlite):.2f}x | {max(check_rss):.0f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
