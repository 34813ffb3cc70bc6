#!/usr/bin/env python3
"""S3 benchmark: SnapDeck BACKUP to / RESTORE from an S3 repository against `rclone copy` and
`aws s3 cp --recursive` of the very same segment files, on one nanio server in the same run.

Data sets: (a) 200 MiB as 4 segment files of 50 MiB; (b) 200 MiB as 2,000 segment files of
100 KiB. SnapDeck also uploads one small header file per tablet and its snapshot metadata; the
peers copy the segment files only. Every upload goes to a fresh prefix, every download to a
fresh folder. Prints a Markdown table with medians, min-max and ratios against rclone.

Needs: nanio in .venv-test (Scripts/test.sh makes it), rclone (apt-get install -y rclone) and
awscli (`aws`, pip). rclone runs with AWS_CA_BUNDLE unset: it refuses the variable otherwise.

Usage: python3 Benchmarks/s3_benchmark.py [--quick] [--runs K] [--bin PATH]
"""
import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from backup_benchmark import MIB, SEGMENT_ROW_OVERHEAD, create_dataset, run_measured, segment_sizes, describe, \
    spread, stage_segments, sync, sql  # noqa: E402

ACCESS, SECRET, BUCKET = "benchak", "bench-secret-key", "bench"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_nanio(root, work):
    nanio = os.path.join(root, ".venv-test", "bin", "nanio")
    if not os.path.exists(nanio):
        sys.exit(f"{nanio} missing: run Scripts/test.sh once (it installs nanio in .venv-test)")
    port = free_port()
    data = os.path.join(work, "nanio-data")
    os.makedirs(data)
    env = dict(os.environ, NANIO_ACCESS_KEY=ACCESS, NANIO_SECRET_KEY=SECRET)
    proc = subprocess.Popen([nanio, "serve", "--host", "127.0.0.1", "--port", str(port), "--data-dir", data,
                             "--no-access-log", "--log-level", "warning"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                sys.exit("nanio did not start")
            time.sleep(0.05)
    return proc, f"http://127.0.0.1:{port}"


def aws_env():
    return dict(os.environ, AWS_ACCESS_KEY_ID=ACCESS, AWS_SECRET_ACCESS_KEY=SECRET, AWS_DEFAULT_REGION="us-east-1")


def rclone_env(endpoint):
    env = dict(os.environ, RCLONE_CONFIG_PEER_TYPE="s3", RCLONE_CONFIG_PEER_PROVIDER="Other",
               RCLONE_CONFIG_PEER_ENDPOINT=endpoint, RCLONE_CONFIG_PEER_ACCESS_KEY_ID=ACCESS,
               RCLONE_CONFIG_PEER_SECRET_ACCESS_KEY=SECRET, RCLONE_CONFIG_PEER_REGION="us-east-1",
               RCLONE_CONFIG_PEER_FORCE_PATH_STYLE="true")
    env.pop("AWS_CA_BUNDLE", None)
    return env


def snapshot_timestamp(binary, data, repo, label):
    listing = subprocess.run([binary, "sql", "--data", data, "--format", "tsv", "-e", f"SHOW SNAPSHOT ON {repo}"],
                             check=True, capture_output=True, text=True).stdout
    return [line.split("\t")[1] for line in listing.splitlines()[1:] if line.startswith(label + "\t")][0]


def measure(name, binary, data, work, endpoint, runs, backends):
    stage = os.path.join(work, "stage")
    stage_segments(data, stage)
    create = (f"WITH S3 ON LOCATION 's3://{BUCKET}/snapdeck-{name}' PROPERTIES ('s3.endpoint' = '{endpoint}', "
              f"'s3.region' = 'us-east-1', 's3.access_key' = '{ACCESS}', 's3.secret_key' = '{SECRET}', "
              "'use_path_style' = 'true')")
    times = {k: [] for k in ["snapdeck up", "snapdeck down", "rclone up", "rclone down", "aws up", "aws down"]}
    times["objects"] = []
    sql(binary, data, f"CREATE REPOSITORY s3r {create}")
    for run in range(runs):
        label = f"{name}{run}"
        sync()
        times["snapdeck up"].append(sql(binary, data, f"BACKUP SNAPSHOT b.{label} TO s3r")[0])
        timestamp = snapshot_timestamp(binary, data, "s3r", label)
        snapshot = os.path.join(work, "nanio-data", BUCKET, f"snapdeck-{name}", "__palo_repository_s3r", f"__ss_{label}")
        times["objects"].append(sum(len(files) for _, _, files in os.walk(snapshot)))
        target = os.path.join(work, f"target-{label}")
        subprocess.run([binary, "init", "--data", target, "--backends", str(backends)], check=True,
                       stdout=subprocess.DEVNULL)
        sql(binary, target, f"CREATE DATABASE b; CREATE REPOSITORY s3r {create}")
        sync()
        times["snapdeck down"].append(sql(binary, target, f"RESTORE SNAPSHOT b.{label} FROM s3r PROPERTIES "
                                          f"('backup_timestamp' = '{timestamp}', 'replication_num' = '1')")[0])
        if sorted(segment_sizes(target)) != sorted(segment_sizes(data)):
            sys.exit(f"restored cluster {target} does not hold the same segment files as {data}")
        shutil.rmtree(target)

        for tool, up, down in [
            ("rclone", ["rclone", "copy", stage, f"peer:{BUCKET}/rclone-{label}"],
             ["rclone", "copy", f"peer:{BUCKET}/rclone-{label}", os.path.join(work, "dst")]),
            ("aws", ["aws", "--endpoint-url", endpoint, "s3", "cp", "--recursive", "--quiet", stage,
                     f"s3://{BUCKET}/aws-{label}"],
             ["aws", "--endpoint-url", endpoint, "s3", "cp", "--recursive", "--quiet", f"s3://{BUCKET}/aws-{label}",
              os.path.join(work, "dst")]),
        ]:
            env = rclone_env(endpoint) if tool == "rclone" else aws_env()
            sync()
            times[f"{tool} up"].append(run_measured(up, env)[0])
            sync()
            times[f"{tool} down"].append(run_measured(down, env)[0])
            copied = sorted(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(work, "dst")) for f in fs)
            if copied != sorted(segment_sizes(data)):
                sys.exit(f"{tool} did not copy the same files")
            shutil.rmtree(os.path.join(work, "dst"))
    shutil.rmtree(stage)
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="20 MiB instead of 200 MiB, 1 run: a smoke test")
    parser.add_argument("--runs", type=int, help="repetitions (default 3, quick 1)")
    parser.add_argument("--backends", type=int, default=3)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--bin", default=os.path.join(root, ".build-bench/release/snapdeck"))
    parser.add_argument("--tmp", default=os.path.join(os.path.dirname(root), "tmp-bench"))
    parser.add_argument("--only", choices=["few", "many"], help="one data set only")
    parser.add_argument("--workers", type=int, help="transfer_workers_per_backend (engine default 2)")
    args = parser.parse_args()
    if not os.path.exists(args.bin):
        sys.exit(f"build first: swift build -c release --product snapdeck --scratch-path .build-bench ({args.bin} missing)")
    for tool in ["rclone", "aws"]:
        if not shutil.which(tool):
            sys.exit(f"{tool} missing: apt-get install -y rclone; pip install awscli")
    runs = args.runs or (1 if args.quick else 3)
    total_mib = 20 if args.quick else 200
    os.makedirs(args.tmp, exist_ok=True)
    work = tempfile.mkdtemp(prefix="snapdeck-s3-", dir=args.tmp)
    server, endpoint = start_nanio(root, work)
    started = time.perf_counter()
    try:
        subprocess.run(["aws", "--endpoint-url", endpoint, "s3", "mb", f"s3://{BUCKET}"], check=True,
                       env=aws_env(), stdout=subprocess.DEVNULL)
        results, sizes = {}, {}
        sets = [("few", 4, 1), ("many", 20, 100)]
        if args.only:
            sets = [s for s in sets if s[0] == args.only]
        for name, parts, buckets in sets:
            data = os.path.join(work, f"cluster-{name}")
            files = parts * buckets
            pad = 1000 if files < 100 else 200
            rows = total_mib * MIB // (pad + SEGMENT_ROW_OVERHEAD)
            create_dataset(args.bin, data, work, parts, buckets, rows, pad, args)
            sizes[name] = segment_sizes(data)
            results[name] = measure(name, args.bin, data, work, endpoint, runs, args.backends)
            shutil.rmtree(data)
    finally:
        server.kill()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.perf_counter() - started

    print(f"SnapDeck BACKUP / RESTORE with an S3 repository on nanio 0.1.7 (127.0.0.1, SigV4 checked), "
          f"{args.backends} backends, replication 1, transfer_workers_per_backend {args.workers or '2 (default)'}, {runs} runs, median (min–max), `sync` before "
          f"each timed command; benchmark wall time {elapsed:.0f} s.\n")
    for name, title in [("few", "(a) few"), ("many", "(b) many")]:
        if name in sizes:
            print(f"- {title}: {describe(sizes[name])}")
    print()
    print("| data set | direction | SnapDeck | rclone copy | aws s3 cp --recursive | SnapDeck / rclone | target | "
          "objects SnapDeck / peers | ms per object SnapDeck / rclone |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, title in [("few", "(a) 4 files"), ("many", "(b) 2,000 files")]:
        if name not in results:
            continue
        t = results[name]
        for direction, verb in [("up", "upload (BACKUP)"), ("down", "download (RESTORE)")]:
            ratio = statistics.median(t[f"snapdeck {direction}"]) / statistics.median(t[f"rclone {direction}"])
            verdict = f"{'PASS' if ratio <= 1.0 else 'MISS'} (≤ 1.0x)"
            objects, peers = t["objects"][0], len(sizes[name])
            per_object = (f"{1000 * statistics.median(t[f'snapdeck {direction}']) / objects:.2f} / "
                          f"{1000 * statistics.median(t[f'rclone {direction}']) / peers:.2f}")
            print(f"| {title} | {verb} | {spread(t[f'snapdeck {direction}'])} | {spread(t[f'rclone {direction}'])} | "
                  f"{spread(t[f'aws {direction}'])} | {ratio:.2f}x | {verdict} | {objects:,} / {peers:,} | {per_object} |")
    print("\nSnapDeck's objects: the segment files, Doris's `<tablet>.hdr` beside each tablet's segments, "
          "`__meta` and `__info` (the repository layout); the peers copy the segment files only.")
    print("\nCommands (STAGE = `cp -al` of each backend's data folder, i.e. exactly the backed-up segment files):\n")
    print("- SnapDeck: `snapdeck sql --data DIR -e \"BACKUP SNAPSHOT b.L TO s3r\"` (waits for FINISHED), repository "
          "`CREATE REPOSITORY s3r WITH S3 ON LOCATION 's3://bench/snapdeck-SET' PROPERTIES (s3.endpoint, s3.region, "
          "s3.access_key, s3.secret_key, use_path_style)`; RESTORE into a fresh `snapdeck init` cluster: "
          "`RESTORE SNAPSHOT b.L FROM s3r PROPERTIES ('backup_timestamp'=..., 'replication_num'='1')`")
    print("- `env -u AWS_CA_BUNDLE rclone copy STAGE peer:bench/rclone-L` and back to a fresh folder "
          "(remote from RCLONE_CONFIG_PEER_* variables: provider Other, force_path_style true; rclone defaults)")
    print("- `aws --endpoint-url E s3 cp --recursive --quiet STAGE s3://bench/aws-L` and back (awscli defaults)")


if __name__ == "__main__":
    main()
