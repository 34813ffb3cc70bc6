#!/usr/bin/env python3
"""Nightly backups, full against incremental.

A table `b.t` is range-partitioned by night. It starts with `--initial` partitions of data;
each of `--nights` nights adds one partition and loads it, then backs the database up twice:
in full to repository `full`, and with `"type" = "incremental"` to repository `inc` (both local,
on the same disk). For every night it records the seconds each backup took (the `snapdeck sql`
run, which waits for the job) and the bytes each one added to its repository (the snapshot's
folder). The night's new data is what the full backup grew by since the night before (the new
partition's segments and tablet header). At the end the last night's snapshot is restored from
each repository into a fresh database (`--runs` times, medians) and its CHECKSUM TABLE compared
with the one taken at backup time.

Prints a Markdown table and the issue's targets: incremental bytes <= 1.1 x the new data;
restore of the last incremental <= 1.2 x the restore of the last full one.

Usage:
    swift build -c release --product snapdeck --scratch-path .build-bench
    python3 Benchmarks/incremental_benchmark.py [--quick] [--bin PATH] [--tmp DIR]
"""
import argparse
import base64
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

MIB = 1 << 20


def run(binary, data, statements, capture=False):
    start = time.perf_counter()
    proc = subprocess.run([binary, "sql", "--data", data, "--format", "tsv", "-e", statements],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"snapdeck sql failed: {statements[:200]}\n{proc.stderr}")
    return (elapsed, proc.stdout) if capture else elapsed


def folder_bytes(path):
    total = 0
    for parent, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(parent, name))
    return total


def snapshot_folder(repo, label):
    root = os.path.join(repo, "__palo_repository_" + os.path.basename(repo))
    return os.path.join(root, f"__ss_{label}")


def write_night_csv(path, night, rows, pad):
    """`night,k,pad` rows with random base64 pads (nothing repeats between nights)."""
    with open(path, "wb") as f:
        blob = base64.b64encode(os.urandom(rows * pad * 3 // 4 + 3))
        f.write(b"".join(b"%d,%d,%s\n" % (night, k, blob[k * pad:(k + 1) * pad]) for k in range(rows)))


def load_night(binary, data, work, night, rows, pad):
    csv = os.path.join(work, f"night{night}.csv")
    write_night_csv(csv, night, rows, pad)
    run(binary, data, f"LOAD DATA LOCAL INFILE '{csv}' INTO TABLE b.t")
    os.remove(csv)


def partition_sql(night):
    return f'PARTITION p{night} VALUES [("{night}"), ("{night + 1}"))'


def timestamp_of(binary, data, repo_name, label):
    _, listing = run(binary, data, f"SHOW SNAPSHOT ON {repo_name}", capture=True)
    for line in listing.splitlines()[1:]:
        cells = line.split("\t")
        if cells[0] == label:
            return cells[1]
    sys.exit(f"snapshot {label} not listed in {repo_name}")


def checksum(binary, data, table):
    _, out = run(binary, data, f"CHECKSUM TABLE {table}", capture=True)
    return out.splitlines()[1].split("\t")[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small data, one restore run")
    parser.add_argument("--bin", default=None)
    parser.add_argument("--tmp", default=None)
    parser.add_argument("--initial", type=int, default=None, help="partitions before the first night")
    parser.add_argument("--nights", type=int, default=10)
    parser.add_argument("--runs", type=int, default=None)
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = args.bin or os.path.join(root, ".build-bench", "release", "snapdeck")
    if not os.path.exists(binary):
        sys.exit(f"{binary} missing: swift build -c release --product snapdeck --scratch-path .build-bench")
    initial = args.initial or (90 if not args.quick else 20)
    rows, pad = (20_000, 100) if not args.quick else (2_000, 100)
    runs = args.runs or (3 if not args.quick else 1)
    parent = args.tmp or os.path.join(root, "..", "tmp-bench")
    os.makedirs(parent, exist_ok=True)
    work = tempfile.mkdtemp(prefix="incremental-", dir=parent)
    try:
        data = os.path.join(work, "data")
        repos = {"full": os.path.join(work, "full"), "inc": os.path.join(work, "inc")}
        subprocess.run([binary, "init", "--data", data, "--backends", "3"], check=True, stdout=subprocess.DEVNULL)
        partitions = ", ".join(partition_sql(n) for n in range(initial))
        run(binary, data, "CREATE DATABASE b; CREATE TABLE b.t (night INT NOT NULL, k INT NOT NULL, pad VARCHAR(400)) "
                          f"DUPLICATE KEY(night, k) PARTITION BY RANGE(night) ({partitions}) "
                          'DISTRIBUTED BY HASH(k) BUCKETS 2 PROPERTIES ("replication_num" = "1"); '
                          + "; ".join(f"CREATE REPOSITORY {n} WITH LOCAL ON LOCATION '{p}'" for n, p in repos.items()))
        for night in range(initial):
            load_night(binary, data, work, night, rows, pad)
        # Night 0: both repositories start from a full backup of the existing data.
        run(binary, data, "BACKUP SNAPSHOT b.n0 TO full")
        run(binary, data, "BACKUP SNAPSHOT b.n0 TO inc")
        nights = []
        previous_full = folder_bytes(snapshot_folder(repos["full"], "n0"))
        sums = {}
        for night in range(1, args.nights + 1):
            number = initial + night - 1
            run(binary, data, f"ALTER TABLE b.t ADD {partition_sql(number)}")
            load_night(binary, data, work, number, rows, pad)
            label = f"n{night}"
            full_s = run(binary, data, f"BACKUP SNAPSHOT b.{label} TO full")
            inc_s = run(binary, data, f'BACKUP SNAPSHOT b.{label} TO inc PROPERTIES ("type" = "incremental")')
            sums[label] = checksum(binary, data, "b.t")
            full_bytes = folder_bytes(snapshot_folder(repos["full"], label))
            inc_bytes = folder_bytes(snapshot_folder(repos["inc"], label))
            nights.append({"night": night, "full_s": full_s, "inc_s": inc_s, "full_bytes": full_bytes,
                           "inc_bytes": inc_bytes, "new_bytes": full_bytes - previous_full})
            previous_full = full_bytes
        last = f"n{args.nights}"
        restore = {}
        for name in repos:
            timestamp = timestamp_of(binary, data, name, last)
            times = []
            for attempt in range(runs):
                database = f"r_{name}_{attempt}"
                run(binary, data, f"CREATE DATABASE {database}")
                seconds = run(binary, data, f"RESTORE SNAPSHOT {database}.{last} FROM {name} ON (t) "
                                            f'PROPERTIES ("backup_timestamp" = "{timestamp}", "replication_num" = "1")')
                if checksum(binary, data, f"{database}.t") != sums[last]:
                    sys.exit(f"restore of {last} from {name} does not equal its CHECKSUM at backup time")
                run(binary, data, f"DROP DATABASE {database} FORCE")
                times.append(seconds)
            restore[name] = times
        report(nights, restore, initial, rows, pad, runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(nights, restore, initial, rows, pad, runs):
    mib = lambda b: f"{b / MIB:.2f}"
    print(f"Nightly backups of b.t: {initial} partitions to start, one partition of {rows:,} rows "
          f"(~{pad} B each) added per night; 3 backends, local repositories on the same disk.\n")
    print("| night | new data MiB | full MiB | incremental MiB | inc / new | full s | incremental s |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in nights:
        print(f"| {n['night']} | {mib(n['new_bytes'])} | {mib(n['full_bytes'])} | {mib(n['inc_bytes'])} | "
              f"{n['inc_bytes'] / n['new_bytes']:.3f} | {n['full_s']:.2f} | {n['inc_s']:.2f} |")
    total_new = sum(n["new_bytes"] for n in nights)
    total_full = sum(n["full_bytes"] for n in nights)
    total_inc = sum(n["inc_bytes"] for n in nights)
    print(f"| all | {mib(total_new)} | {mib(total_full)} | {mib(total_inc)} | {total_inc / total_new:.3f} | "
          f"{sum(n['full_s'] for n in nights):.2f} | {sum(n['inc_s'] for n in nights):.2f} |")
    worst = max(n["inc_bytes"] / n["new_bytes"] for n in nights)
    full_restore = statistics.median(restore["full"])
    inc_restore = statistics.median(restore["inc"])
    print(f"\nRestore of the last night (median of {runs}): full {full_restore:.2f} s "
          f"({min(restore['full']):.2f}-{max(restore['full']):.2f}), incremental {inc_restore:.2f} s "
          f"({min(restore['inc']):.2f}-{max(restore['inc']):.2f}); both equal the CHECKSUM taken at backup time.\n")
    print("| target | measured | met |")
    print("|---|---:|:---:|")
    print(f"| incremental bytes <= 1.1 x new data (worst night) | {worst:.3f} x | {'yes' if worst <= 1.1 else 'NO'} |")
    ratio = inc_restore / full_restore
    print(f"| restore of last incremental <= 1.2 x restore of full | {ratio:.3f} x | {'yes' if ratio <= 1.2 else 'NO'} |")


if __name__ == "__main__":
    main()
