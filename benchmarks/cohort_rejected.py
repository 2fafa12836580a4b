"""Peak memory and output size of `founder-check cohort` when every CSV row is rejected.

A form export whose every answer cell is invalid is the worst case for what a run keeps of
rejected inputs: each row fails every question (about 60 problems a row). Issue 12 measured
379 MB peak and 210 MB written for 10,000 such rows before rejections were trimmed, 3.4 GB
and 1.86 GB for 100,000. This generates ROWS such rows (founder, company and stage valid,
every answer cell `zz<row>`) in one CSV file in a temporary folder, runs `founder-check
cohort FILE --out DIR` in a fresh process, and prints the peak memory of the largest process
and the size of everything written to DIR, beside the targets (issue 12): under 300 MB peak
and under 50 MB written for 100,000 rows.

Usage: python benchmarks/cohort_rejected.py [--rows 100000] [--jobs 1] [--keep]
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from cohort import work_folder

TARGET_PEAK_MB = 300
TARGET_WRITTEN_MB = 50

# Runs a command as its child; prints wall seconds, the peak RSS (KiB) of the largest process
# among the command and the processes it waited for, and the exit code.
_MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(wall, peak, code)
"""


def generate(path: Path, rows: int) -> None:
    """A CSV of `rows` founders whose every answer cell is not a valid answer."""
    from founder_check import load_content

    content = load_content()
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["founder", "company", "stage", *(q.id for q in content.questions)])
        for number in range(rows):
            cells = [f"zz{number}"] * len(content.questions)
            writer.writerow([f"Founder {number}", f"Company {number}", "seed", *cells])


def folder_bytes(folder: Path) -> int:
    return sum(
        os.path.getsize(os.path.join(root, name))
        for root, _, names in os.walk(folder)
        for name in names
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    args = parser.parse_args()
    exe = str(Path(sys.executable).parent / "founder-check")
    if not Path(exe).exists():
        exe = shutil.which("founder-check") or "founder-check"
    with work_folder("founder-check-bench-", keep=args.keep) as work:
        form = work / "rejected-rows.csv"
        start = time.perf_counter()
        generate(form, args.rows)
        size_mb = form.stat().st_size / 1e6
        print(
            f"generated {args.rows:,} rows ({size_mb:.1f} MB) in "
            f"{time.perf_counter() - start:.1f} s"
        )
        out = work / "out"
        command = [exe, "cohort", str(form), "--out", str(out), "--jobs", str(args.jobs)]
        result = subprocess.run(
            [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
        )
        wall, peak_kib, code = result.stdout.split()
        if code != "1":  # every row rejected: exit 1
            raise SystemExit(f"founder-check exited {code}: {result.stderr[-2000:]}")
        peak_mb = int(peak_kib) * 1024 / 1e6
        written_mb = folder_bytes(out) / 1e6
        print(f"rows {args.rows:,}, --jobs {args.jobs}: {float(wall):.1f} s")
        print(f"  peak memory {peak_mb:7.1f} MB  (target < {TARGET_PEAK_MB} MB)")
        print(f"  written     {written_mb:7.1f} MB  (target < {TARGET_WRITTEN_MB} MB)")
        for name in ("rejected.csv", "cohort.json"):
            print(f"    {name:13} {(out / name).stat().st_size / 1e6:7.1f} MB")
        ok = peak_mb < TARGET_PEAK_MB and written_mb < TARGET_WRITTEN_MB
        print("targets met" if ok else "TARGETS MISSED")


if __name__ == "__main__":
    main()
