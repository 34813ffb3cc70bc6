#!/usr/bin/env python3
"""Prints the reliability figures from the JSON lines the suites write
(SNAPDECK_RELIABILITY_REPORT) and the test log: a Markdown table per suite."""
import json
import re
import sys
from collections import OrderedDict

report, log = sys.argv[1], sys.argv[2]
attempts = [json.loads(line) for line in open(report) if line.strip()]
LEFTOVER = re.compile(r"orphan|left|unfinished write|hidden|garbage|owing|still in the repository")

def corruption_grid(entries):
    """Kinds of file down, kinds of damage across; each cell `survived/tried` over both
    restore targets (into new tables, over existing ones)."""
    cells = OrderedDict()
    damages = []
    for a in entries:
        kind, damage = a["case"].split(" ")[:2]
        if damage not in damages:
            damages.append(damage)
        cell = cells.setdefault(kind, {}).setdefault(damage, [0, 0])
        cell[0] += 1 if a["survived"] else 0
        cell[1] += 1
    print("\n### Corruption matrix (restores into new and over existing tables)\n")
    print("| file | " + " | ".join(damages) + " |")
    print("| --- |" + " ---: |" * len(damages))
    for kind, row in cells.items():
        print(f"| {kind} | " + " | ".join(f"{row[d][0]}/{row[d][1]}" if d in row else "-" for d in damages) + " |")
    missed = [a for a in entries if not a["survived"]]
    print(f"\n{len(entries) - len(missed)} of {len(entries)} damaged snapshots caught before COMMIT (or harmless and reported by CHECK); {len(missed)} missed.")
    for a in missed[:5]:
        print(f"- {a['case']}: {a['problems'][:2]}")


corruption = [a for a in attempts if a["suite"] == "corruption"]
if corruption:
    corruption_grid(corruption)

for suite, title in (("crash", "Crash matrix (kill -9, then restart)"),):
    rows = OrderedDict()
    for a in attempts:
        if a["suite"] != suite:
            continue
        row = rows.setdefault(a["case"], {"tried": 0, "survived": 0, "lost": 0, "orphans": 0, "problems": []})
        row["tried"] += 1
        if a["survived"]:
            row["survived"] += 1
        else:
            row["lost"] += 1
            row["problems"] += a["problems"]
        row["orphans"] += sum(1 for p in a["problems"] if LEFTOVER.search(p))
    if not rows:
        continue
    print(f"\n### {title}\n")
    print("| case | tried | survived | lost | orphans |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, r in rows.items():
        print(f"| {name} | {r['tried']} | {r['survived']} | {r['lost']} | {r['orphans']} |")
    total = {k: sum(r[k] for r in rows.values()) for k in ("tried", "survived", "lost", "orphans")}
    print(f"| **all** | **{total['tried']}** | **{total['survived']}** | **{total['lost']}** | **{total['orphans']}** |")
    for name, r in rows.items():
        for p in r["problems"][:3]:
            print(f"- {name}: {p}")

text = open(log, errors="replace").read()
suites = re.findall(r"[✔✘] Suite (\w+) (passed|failed)", text)
if suites:
    print("\n### Other suites\n")
    print("| suite | result |")
    print("| --- | --- |")
    for name, result in suites:
        if name not in ("CrashMatrixTests", "CorruptionMatrixTests"):
            skipped = " (skipped: no tmpfs here)" if name == "DiskFullTests" and "skipped" in text else ""
            print(f"| {name} | {result}{skipped} |")
