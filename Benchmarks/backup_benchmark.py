#!/usr/bin/env python3
"""BACKUP benchmark: SnapDeck's `BACKUP SNAPSHOT` to a local repository against `cp -r`,
`rsync -a` and `restic backup` of the very same segment files, on the same disk in the same run.

Data sets: (a) "large", 20 segment files of 64 MiB; (b) "small", 5,000 tablets of ~64 KiB.
Both use RANGE partitions so every tablet gets its share of one LOAD. Also measured: the
snapshot phase (from the engine log) against `cp -al`, a one-tablet backup end to end, and the
peak RSS of a backup of 100,000 tablets. Prints a Markdown table with medians, min-max, ratios
and the issue's targets. Needs rsync and restic (apt-get install -y rsync restic).

Usage: python3 Benchmarks/backup_benchmark.py [--quick] [--runs K] [--workers N] [--bin PATH]
"""
import argparse
import base64
import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

MIB = 1 << 20
SEGMENT_ROW_OVERHEAD = 7  # bytes a segment stores per row beyond the pad text (measured)
PHASES = ["PENDING", "SNAPSHOTING", "UPLOAD_SNAPSHOT", "UPLOADING", "SAVE_META", "UPLOAD_INFO"]
RESTIC_ENV = dict(os.environ, RESTIC_PASSWORD="snapdeck-bench")


BACKENDS = [3]


def run_measured(argv, env=None):
    """Runs argv, returns (seconds, peak RSS in MiB of the child)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode()
    if status != 0 or "ERROR" in err:
        sys.exit(f"command failed: {' '.join(argv)}\n{err}")
    return elapsed, usage.ru_maxrss / 1024.0


def sql(binary, data, statements):
    return run_measured([binary, "sql", "--data", data, "-e", statements])


def sync():
    subprocess.run(["sync"], check=True)


def write_csv(path, rows, pad):
    """`k,pad` rows, k = 0..rows-1, with random base64 pads (nothing for restic to deduplicate)."""
    batch = max(1, MIB // pad)
    with open(path, "wb") as f:
        for first in range(0, rows, batch):
            count = min(batch, rows - first)
            blob = base64.b64encode(os.urandom(count * pad * 3 // 4 + 3))
            f.write(b"".join(b"%d,%s\n" % (first + i, blob[i * pad:(i + 1) * pad]) for i in range(count)))


def create_dataset(binary, data, work, parts, buckets, rows, pad, args):
    """Cluster with table b.t: `parts` RANGE partitions x `buckets` buckets, one LOAD of `rows`.
    Returns (CREATE TABLE seconds, LOAD seconds)."""
    subprocess.run([binary, "init", "--data", data, "--backends", str(args.backends)],
                   check=True, stdout=subprocess.DEVNULL)
    if args.workers:
        sql(binary, data, f'ADMIN SET FRONTEND CONFIG ("transfer_workers_per_backend" = "{args.workers}")')
    width = -(-rows // parts)
    partitions = ", ".join(f'PARTITION p{i} VALUES LESS THAN ("{(i + 1) * width}")' for i in range(parts))
    create_s, _ = sql(binary, data, "CREATE DATABASE b; CREATE TABLE b.t (k INT NOT NULL, pad VARCHAR(2000)) "
                      f"DUPLICATE KEY(k) PARTITION BY RANGE(k) ({partitions}) DISTRIBUTED BY HASH(k) "
                      f'BUCKETS {buckets} PROPERTIES ("replication_num" = "1")')
    csv = os.path.join(work, "load.csv")
    write_csv(csv, rows, pad)
    load_s, _ = sql(binary, data, f"LOAD DATA LOCAL INFILE '{csv}' INTO TABLE b.t")
    os.remove(csv)
    return create_s, load_s


def segment_sizes(data):
    return [os.path.getsize(p) for p in glob.glob(os.path.join(data, "backends/*/data/*/*.dat"))]


def repository_segment_sizes(repo):
    return [os.path.getsize(p) for p in glob.glob(os.path.join(repo, "**/*.dat.*"), recursive=True)]


def describe(sizes):
    return (f"{len(sizes):,} files, {sum(sizes) / MIB:,.1f} MiB in all, size min/mean/max "
            f"{min(sizes) / 1024:,.1f} / {statistics.mean(sizes) / 1024:,.1f} / {max(sizes) / 1024:,.1f} KiB")


def backup_phases(data, label):
    """Phase durations (ms) of a finished job from the engine log, plus the job's own total."""
    with open(os.path.join(data, "log", "snapdeck.log")) as f:
        log = f.read()
    prefix = rf"backup {re.escape(label)} \(job \d+\) "
    phases = {m[0]: float(m[1]) for m in re.findall(prefix + r"(\w+) took ([\d.]+) ms", log)}
    total = re.search(prefix + r"UPLOAD_INFO took [\d.]+ ms -> FINISHED in (\d+) ms", log)
    if not total:
        sys.exit(f"backup {label} did not finish (no FINISHED line in {data}/log/snapdeck.log)")
    phases["total"] = float(total[1])
    return phases


def timed_backup(binary, data, work, label):
    """BACKUP into a fresh repository folder; checks the repository holds exactly the segment
    files. Returns (wall seconds, peak RSS MiB, phase ms)."""
    repo = os.path.join(work, f"repo-{label}")
    sql(binary, data, f"CREATE REPOSITORY r{label} WITH LOCAL ON LOCATION '{repo}'")
    sync()
    seconds, rss = sql(binary, data, f"BACKUP SNAPSHOT b.{label} TO r{label}")
    phases = backup_phases(data, label)
    if sorted(repository_segment_sizes(repo)) != sorted(segment_sizes(data)):
        sys.exit(f"repository {repo} does not hold exactly the segment files of {data}")
    sql(binary, data, f"DROP REPOSITORY r{label}")
    shutil.rmtree(repo)
    return seconds, rss, phases


def timed_restore(binary, data, work, label, backends):
    """BACKUP once (untimed), then RESTORE it into a fresh cluster with the same number of
    backends. Returns (wall seconds of the RESTORE command, peak RSS MiB, job ms)."""
    repo = os.path.join(work, f"repo-{label}")
    sql(binary, data, f"CREATE REPOSITORY r{label} WITH LOCAL ON LOCATION '{repo}'; BACKUP SNAPSHOT b.{label} TO r{label}")
    listing = subprocess.run([binary, "sql", "--data", data, "--format", "tsv", "-e", f"SHOW SNAPSHOT ON r{label}"],
                             check=True, capture_output=True, text=True).stdout
    timestamp = [line.split("\t")[1] for line in listing.splitlines()[1:] if line.startswith(label + "\t")][0]
    target = os.path.join(work, f"target-{label}")
    subprocess.run([binary, "init", "--data", target, "--backends", str(backends)], check=True, stdout=subprocess.DEVNULL)
    sql(binary, target, f"CREATE DATABASE b; CREATE REPOSITORY r{label} WITH LOCAL ON LOCATION '{repo}'")
    sync()
    seconds, rss = sql(binary, target, f"RESTORE SNAPSHOT b.{label} FROM r{label} "
                                       f"PROPERTIES ('backup_timestamp' = '{timestamp}', 'replication_num' = '1')")
    log = open(os.path.join(target, "log", "snapdeck.log")).read()
    done = re.search(rf"restore {re.escape(label)} \(job \d+\) COMMITTING took [\d.]+ ms -> FINISHED in (\d+) ms", log)
    if not done:
        sys.exit(f"restore {label} did not finish (see {target}/log/snapdeck.log)")
    if sorted(segment_sizes(target)) != sorted(segment_sizes(data)):
        sys.exit(f"restored cluster {target} does not hold the same segment files as {data}")
    shutil.rmtree(target)
    shutil.rmtree(repo)
    return seconds, rss, float(done[1])


def stage_segments(data, stage):
    """Hard-links each backend's data folder (segment files only, one replica each) into stage."""
    os.makedirs(stage)
    for backend in sorted(glob.glob(os.path.join(data, "backends", "*"))):
        subprocess.run(["cp", "-al", os.path.join(backend, "data"), os.path.join(stage, os.path.basename(backend))],
                       check=True)


def timed_peer(argv, destination, env=None):
    sync()
    seconds, _ = run_measured(argv, env)
    shutil.rmtree(destination)
    return seconds


def measure_dataset(name, binary, data, work, runs):
    """Per run: SnapDeck backup, cp -r, cp -r && sync, rsync -a, restic backup, cp -al of the staged files."""
    stage, dst = os.path.join(work, "stage"), os.path.join(work, "dst")
    stage_segments(data, stage)
    times = {"snapdeck": [], "snapshot": [], "cp -r": [], "cp -r && sync": [], "rsync -a": [], "restic backup": [], "cp -al": [],
             "restore": [], "cp -r + md5sum": []}
    phases = []
    for run in range(runs):
        seconds, _, job = timed_backup(binary, data, work, f"{name}{run}")
        times["snapdeck"].append(seconds)
        times["snapshot"].append(job["SNAPSHOTING"] / 1000)
        phases.append(job)
        times["cp -r"].append(timed_peer(["cp", "-r", stage, dst], dst))
        # SnapDeck's backup ends durable (it waits for the disk before writing __info); cp -r
        # returns with the copy still in the page cache. This peer does what SnapDeck does.
        times["cp -r && sync"].append(timed_peer(["bash", "-c", f"cp -r '{stage}' '{dst}' && sync"], dst))
        times["rsync -a"].append(timed_peer(["rsync", "-a", stage + "/", dst + "/"], dst))
        subprocess.run(["restic", "init", "-q", "-r", dst], check=True, env=RESTIC_ENV, stdout=subprocess.DEVNULL)
        times["restic backup"].append(timed_peer(["restic", "-r", dst, "backup", "-q", "--no-cache", stage],
                                                 dst, RESTIC_ENV))
        times["cp -al"].append(timed_peer(["cp", "-al", stage, dst], dst))
        times["restore"].append(timed_restore(binary, data, work, f"{name}r{run}", BACKENDS[0])[0])
        times["cp -r + md5sum"].append(timed_peer(
            ["bash", "-c", f"cp -r '{stage}' '{dst}' && find '{dst}' -type f -print0 | xargs -0 md5sum > /dev/null"], dst))
    shutil.rmtree(stage)
    return times, phases


def spread(v, unit="s"):
    """`median unit (min–max)` of the values v."""
    digits = 0 if unit == "MiB" else 1 if unit == "ms" else 2 if min(v) >= 0.1 else 3
    one = f"{statistics.median(v):.{digits}f}"
    return f"{one} {unit}" if len(v) == 1 else \
        f"{one} {unit} ({min(v):.{digits}f}–{max(v):.{digits}f})"


def verdict(ratio, target):
    """target: None or (comparison, limit), e.g. ("≤", 1.2)."""
    if not target:
        return "-"
    op, limit = target
    ok = ratio <= limit if op == "≤" else ratio < limit
    return f"{'PASS' if ok else 'MISS'} ({op} {limit:g}x)"


def comparison_rows(title, times, targets):
    snap_m = statistics.median(times["snapdeck"])
    rows = []
    for peer in ["cp -r", "cp -r && sync", "rsync -a", "restic backup"]:
        ratio = snap_m / statistics.median(times[peer])
        rows.append((f"{title}: BACKUP vs {peer}", spread(times["snapdeck"]), spread(times[peer]),
                     f"{ratio:.2f}x", verdict(ratio, targets.get(peer))))
    ratio = statistics.median(times["snapshot"]) / statistics.median(times["cp -al"])
    rows.append((f"{title}: snapshot phase vs cp -al", spread(times["snapshot"]), spread(times["cp -al"]),
                 f"{ratio:.2f}x", "-"))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes and 2 runs: a smoke test")
    parser.add_argument("--runs", type=int, help="repetitions per measurement (default 5, quick 2)")
    parser.add_argument("--backends", type=int, default=3)
    parser.add_argument("--workers", type=int, help="transfer_workers_per_backend (engine default 2)")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--bin", default=os.path.join(root, ".build-bench/release/snapdeck"))
    parser.add_argument("--tmp", default=os.path.join(os.path.dirname(root), "tmp-bench"),
                        help="parent of the temporary folder; same disk as the data")
    args = parser.parse_args()
    BACKENDS[0] = args.backends
    if not os.path.exists(args.bin):
        sys.exit(f"build first: swift build -c release --product snapdeck --scratch-path .build-bench ({args.bin} missing)")
    for tool in ["rsync", "restic"]:
        if not shutil.which(tool):
            sys.exit(f"{tool} missing: apt-get install -y rsync restic")
    runs = args.runs or (2 if args.quick else 5)
    large_files, large_mib = (4, 8) if args.quick else (20, 64)
    small_parts, small_buckets = (5, 100) if args.quick else (5, 1000)
    rss_parts, rss_buckets = (5, 1000) if args.quick else (100, 1000)
    created_tmp = not os.path.isdir(args.tmp)
    os.makedirs(args.tmp, exist_ok=True)
    work = tempfile.mkdtemp(prefix="snapdeck-backup-", dir=args.tmp)
    started = time.perf_counter()
    try:
        def data_dir(name):
            return os.path.join(work, f"cluster-{name}")

        rows_per_file = large_mib * MIB // (1000 + SEGMENT_ROW_OVERHEAD)
        create_dataset(args.bin, data_dir("large"), work, large_files, 1, large_files * rows_per_file, 1000, args)
        small_tablets = small_parts * small_buckets
        create_dataset(args.bin, data_dir("small"), work, small_parts, small_buckets,
                       small_tablets * 64 * 1024 // (200 + SEGMENT_ROW_OVERHEAD), 200, args)
        create_dataset(args.bin, data_dir("one"), work, 1, 1, 1, 16, args)
        sizes = {name: segment_sizes(data_dir(name)) for name in ["large", "small"]}
        large, large_phases = measure_dataset("large", args.bin, data_dir("large"), work, runs)
        shutil.rmtree(data_dir("large"))
        small, small_phases = measure_dataset("small", args.bin, data_dir("small"), work, runs)
        shutil.rmtree(data_dir("small"))
        one = [timed_backup(args.bin, data_dir("one"), work, f"one{run}") for run in range(10)]
        rss_tablets = rss_parts * rss_buckets
        rss_create, rss_load = create_dataset(args.bin, data_dir("rss"), work, rss_parts, rss_buckets,
                                              rss_tablets, 16, args)
        rss_files = len(segment_sizes(data_dir("rss")))
        rss_seconds, rss_mib, rss_phases = timed_backup(args.bin, data_dir("rss"), work, "rss")
        one_restore = [timed_restore(args.bin, data_dir("one"), work, f"oner{run}", args.backends) for run in range(5)]
        rss_restore = timed_restore(args.bin, data_dir("rss"), work, "rssr", args.backends)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if created_tmp:
            shutil.rmtree(args.tmp, ignore_errors=True)
    elapsed = time.perf_counter() - started

    workers = args.workers or "2 (default)"
    print(f"SnapDeck BACKUP to a LOCAL repository, {args.backends} backends, replication 1, "
          f"transfer_workers_per_backend {workers}, {runs} runs, median (min–max), `sync` before each timed "
          f"command; benchmark wall time {elapsed:.0f} s.\n")
    print(f"- (a) large: {large_files} RANGE partitions x 1 bucket: {describe(sizes['large'])}")
    print(f"- (b) small: {small_parts} RANGE partitions x {small_buckets} buckets: {describe(sizes['small'])}")
    print(f"- RSS: {rss_parts} RANGE partitions x {rss_buckets} buckets = {rss_tablets:,} tablets, "
          f"{rss_tablets:,} rows, {rss_files:,} non-empty tablets (segment files)\n")
    print("| operation | SnapDeck | peer | ratio | target |")
    print("| --- | --- | --- | --- | --- |")
    rows = comparison_rows("(a) large", large, {"cp -r": ("≤", 1.2), "restic backup": ("<", 1.0)})
    rows += comparison_rows("(b) small", small, {"cp -r": ("≤", 1.3), "restic backup": ("<", 1.0)})
    for title, times in [("(a) large", large), ("(b) small", small)]:
        ratio = statistics.median(times["restore"]) / statistics.median(times["cp -r + md5sum"])
        rows.append((f"{title}: RESTORE vs cp -r + md5sum", spread(times["restore"]), spread(times["cp -r + md5sum"]),
                     f"{ratio:.2f}x", verdict(ratio, ("≤", 1.2))))
    one_wall = [seconds for seconds, _, _ in one]
    rows.append(("one-tablet BACKUP, wall time of `snapdeck sql`", spread(one_wall), "-", "-",
                 f"{'PASS' if statistics.median(one_wall) < 0.2 else 'MISS'} (< 0.2 s)"))
    rows.append(("one-tablet BACKUP, job's own time (log)", spread([p["total"] for _, _, p in one], "ms"),
                 "-", "-", "-"))
    rows.append((f"{rss_tablets:,}-tablet BACKUP, peak RSS", spread([rss_mib], "MiB"), "-", "-", "-"))
    rows.append((f"{rss_tablets:,}-tablet BACKUP, wall time", spread([rss_seconds]), "-", "-", "-"))
    rows.append(("one-tablet RESTORE, wall time of `snapdeck sql`", spread([r[0] for r in one_restore]), "-", "-", "-"))
    rows.append(("one-tablet RESTORE, job's own time (log)", spread([r[2] for r in one_restore], "ms"), "-", "-", "-"))
    rows.append((f"{rss_tablets:,}-tablet RESTORE, peak RSS", spread([rss_restore[1]], "MiB"), "-", "-", "-"))
    rows.append((f"{rss_tablets:,}-tablet RESTORE, wall time", spread([rss_restore[0]]), "-", "-", "-"))
    rows.append((f"{rss_tablets:,}-tablet setup: CREATE TABLE / LOAD {rss_tablets:,} rows",
                 f"{rss_create:.2f} s / {rss_load:.2f} s", "-", "-", "-"))
    for row in rows:
        print("| " + " | ".join(row) + " |")

    print("\nBACKUP phases from snapdeck.log, median ms (total = the job's own FINISHED in):\n")
    print("| data set | " + " | ".join(PHASES) + " | total |")
    print("| --- " * (len(PHASES) + 2) + "|")
    for title, phases in [("(a) large", large_phases), ("(b) small", small_phases),
                          ("one tablet", [p for _, _, p in one]), (f"{rss_tablets:,} tablets", [rss_phases])]:
        cells = [f"{statistics.median(p.get(k, 0) for p in phases):.1f}" for k in PHASES + ["total"]]
        print(f"| {title} | " + " | ".join(cells) + " |")

    print("\nCommands (STAGE = `cp -al` of each backend's data folder, i.e. exactly the backed-up files; "
          "every destination is fresh and deleted after the run):\n")
    print("- SnapDeck: `snapdeck sql --data DIR -e \"CREATE REPOSITORY rL WITH LOCAL ON LOCATION 'REPO'\"` "
          "(untimed), then timed `snapdeck sql --data DIR -e \"BACKUP SNAPSHOT b.L TO rL\"` (waits for FINISHED)")
    print("- `cp -r STAGE DST`")
    print("- `cp -r STAGE DST && sync` (durable when it returns, as a SnapDeck backup is)")
    print("- `rsync -a STAGE/ DST/`")
    print("- `restic init -q -r DST` (untimed), then `restic -r DST backup -q --no-cache STAGE` "
          "(RESTIC_PASSWORD set)")
    print("- `cp -al STAGE DST` (against the SNAPSHOTING phase of the same runs' BACKUP, from the log)")
    print("- RESTORE: after an untimed BACKUP, `snapdeck init` a fresh cluster with the same backends, then timed "
          "`snapdeck sql --data NEW -e \"RESTORE SNAPSHOT b.L FROM rL PROPERTIES ('backup_timestamp'=..., 'replication_num'='1')\"` "
          "(waits for FINISHED); peer `cp -r STAGE DST && find DST -type f -print0 | xargs -0 md5sum`")


if __name__ == "__main__":
    main()
