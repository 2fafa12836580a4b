"""Speed and memory of `founder-check cohort`, against the floor of parsing the YAML alone.

Generates synthetic cohorts (answers drawn at random from the shipped content, all valid) of
1,000 and 10,000 founders as YAML files, as JSON files and as one CSV file, in a temporary
folder (removed afterwards unless --keep). Then, for each, it times `founder-check cohort
INPUT --out DIR` end to end in a fresh process (stdout to /dev/null, so no progress bar),
with --jobs 1 and 2, and prints founders per second and the peak memory of the largest
process, beside the floor: a fresh Python process that only reads every file of the same
cohort with yaml.load(..., Loader=yaml.CSafeLoader).

Outputs of every run go to new folders, removed only at the end: on ext4 without a journal
(as on this benchmark's machines) creating files is several times slower for a few minutes
after many files were deleted, so do not run it right after removing a large cohort report.

Targets (the cohort-speed issue), each printed beside its measure:
- YAML, --jobs 2: at least 70 % of the floor's founders per second;
- JSON, --jobs 2: at least 3,000 founders per second on the reference 2-core machine, and
  its share of a floor that only reads and parses the same JSON files (json.loads), and
  beside it the founders per second that creating the scorecard files alone allows (a
  process that only creates that many files of the same size and flushes them);
- peak memory for the largest size at most 1.2x that for the smallest (run
  `--sizes 1000,50000` for the issue's figure);
- output per founder at most 12 KB (the report folder's bytes over the founders).
Runs pass --no-onepagers unless --onepagers is given: a one-pager (HTML rendering) costs
more than scoring a founder, and is measured apart.

Usage: python benchmarks/cohort.py [--sizes 1000,10000] [--jobs 1,2] [--formats yaml,json,csv]
                                   [--repeat 1] [--keep] [--onepagers]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from answer_factory import answers_data, csv_cell  # noqa: E402

# Runs a command as its child; prints wall seconds and the peak RSS (KiB) of the largest
# process among the command and the processes it waited for (e.g. --jobs workers).
_MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(wall, peak, code)
"""

# The JSON floor: read and parse every file with json.loads, nothing else.
_FLOOR_JSON = r"""
import json, os, sys
count = 0
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        if name.endswith(".json"):
            with open(os.path.join(root, name), encoding="utf-8") as handle:
                json.load(handle)
            count += 1
print(count, file=sys.stderr)
"""

# What the machine allows a run that writes one file per founder: a fresh process that only
# creates COUNT new files of SIZE bytes in a new folder (as the scorecards are, each opened,
# written and closed once) and flushes them to disk (as a run does before its folder moves).
_FLOOR_FILES = r"""
import os, sys
folder, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.mkdir(folder)
data = b"x" * size
flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
for number in range(count):
    fd = os.open(os.path.join(folder, f"founder-{number:05d}.json"), flags, 0o600)
    os.write(fd, data)
    os.close(fd)
os.sync()
"""

# The floor: read and parse every file of the cohort with libyaml's safe loader, nothing else.
_FLOOR = r"""
import os, sys, yaml
count = 0
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        with open(os.path.join(root, name), encoding="utf-8") as handle:
            yaml.load(handle.read(), Loader=yaml.CSafeLoader)
        count += 1
assert count > 0
"""


SCORECARD_BYTES = 9 * 1024  # about a compact scorecard's size (the runs print the real one)


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_scalar(item) for item in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def yaml_text(data: dict[str, Any]) -> str:
    """An answers file as a person would write it (block mapping, flow lists)."""
    lines = [f"{key}: {_yaml_scalar(data[key])}" for key in ("founder", "company", "stage")]
    lines.append("answers:")
    lines += [f"  {key}: {_yaml_scalar(value)}" for key, value in data["answers"].items()]
    return "\n".join(lines) + "\n"


def generate(folder: Path, size: int, seed: int) -> dict[str, Path]:
    """YAML files, JSON files and one CSV file of the same `size` founders, flushed to disk."""
    from founder_check import load_content

    content = load_content()
    rng = random.Random(seed)
    stages = [stage.id for stage in content.stages]
    paths = {fmt: folder / f"{fmt}-{size}" for fmt in ("yaml", "json", "csv")}
    for path in paths.values():
        path.mkdir(parents=True)
    headers = ["founder", "company", "stage", *(q.id for q in content.questions)]
    with open(paths["csv"] / "cohort.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for number in range(size):
            data = answers_data(
                content,
                founder=f"Founder {number:05d}",
                company=f"Company {number:05d}",
                stage=rng.choice(stages),
                rng=rng,
            )
            name = f"founder-{number:05d}"
            (paths["yaml"] / f"{name}.yaml").write_text(yaml_text(data), encoding="utf-8")
            (paths["json"] / f"{name}.json").write_text(
                json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
            )
            answers = data["answers"]
            row = [data["founder"], data["company"], data["stage"]]
            row += [csv_cell(answers.get(q.id)) for q in content.questions]
            writer.writerow(row)
    paths["csv"] = paths["csv"] / "cohort.csv"
    # on disk before anything is measured: left to the kernel's write-back, the files would
    # be written while the runs create their own, and slow those (several times over on a
    # small virtual disk); a user's inputs were written long before the run. Each run
    # flushes its own output (os.sync) within its time.
    if hasattr(os, "sync"):
        os.sync()
    return paths


@contextlib.contextmanager
def work_folder(prefix: str, *, keep: bool) -> Iterator[Path]:
    """A temporary folder for a benchmark's data and outputs, removed after it unless
    `keep` (then its path is printed)."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield work
    finally:
        if keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def measure(command: list[str]) -> tuple[float, float]:
    """(wall seconds, peak MiB) of a command run in a fresh child process."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    wall, peak, code = result.stdout.split()
    if code not in ("0",):
        raise SystemExit(f"{' '.join(command)} exited {code}: {result.stderr[-2000:]}")
    return float(wall), int(peak) / 1024


def _folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--formats", default="yaml,json,csv")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement (median)")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    parser.add_argument("--onepagers", action="store_true", help="write one-pagers too")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    jobs_list = [int(jobs) for jobs in args.jobs.split(",")]
    formats = args.formats.split(",")
    exe = str(Path(sys.executable).parent / "founder-check")
    if not Path(exe).exists():
        exe = shutil.which("founder-check") or "founder-check"

    import compileall

    import yaml

    # an installed package has its bytecode; a source checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would compile every module again in every measured run
    compileall.compile_dir(str(ROOT / "src" / "founder_check"), quiet=1)
    if not getattr(yaml, "__with_libyaml__", False):
        print("warning: PyYAML without libyaml: the floor uses the pure-Python loader")
    with work_folder("founder-check-bench-", keep=args.keep) as work:
        print(f"data in {work}; founder-check at {exe}; {os.cpu_count()} CPUs")
        data = {}
        for size in sizes:
            start = time.perf_counter()
            data[size] = generate(work / "in", size, args.seed + size)
            print(f"generated {size} founders x 3 formats in {time.perf_counter() - start:.1f} s")
        results: dict[tuple[str, int, int], tuple[float, float]] = {}
        floors: dict[int, float] = {}
        json_floors: dict[int, float] = {}
        sizes_out: dict[tuple[str, int, int], float] = {}
        header = (
            f"{'format':6} {'founders':>8} {'jobs':>4} {'seconds':>8} {'founders/s':>10} "
            f"{'peak MiB':>8}  vs floor / target"
        )
        print(header)
        for size in sizes:
            floor_walls = [
                measure([sys.executable, "-c", _FLOOR, str(data[size]["yaml"])])[0]
                for _ in range(args.repeat)
            ]
            floors[size] = statistics.median(floor_walls)
            print(
                f"{'floor':6} {size:>8} {'':>4} {floors[size]:>8.2f} "
                f"{size / floors[size]:>10.0f} {'':>8}  yaml.load(CSafeLoader) alone"
            )
            json_floors[size] = statistics.median(
                measure([sys.executable, "-c", _FLOOR_JSON, str(data[size]["json"])])[0]
                for _ in range(args.repeat)
            )
            print(
                f"{'jfloor':6} {size:>8} {'':>4} {json_floors[size]:>8.2f} "
                f"{size / json_floors[size]:>10.0f} {'':>8}  json.load alone"
            )
            files_floor = statistics.median(
                measure(
                    [
                        sys.executable,
                        "-c",
                        _FLOOR_FILES,
                        str(work / f"files-floor-{size}-{attempt}"),
                        str(size),
                        str(SCORECARD_BYTES),
                    ]
                )[0]
                for attempt in range(args.repeat)
            )
            print(
                f"{'ffloor':6} {size:>8} {'':>4} {files_floor:>8.2f} "
                f"{size / files_floor:>10.0f} {'':>8}  creating {size} files of "
                f"{SCORECARD_BYTES // 1024} KB alone, then flushing them"
            )
            for fmt in formats:
                for jobs in jobs_list:
                    runs = []
                    for attempt in range(args.repeat):
                        # a new folder each run, all deleted at the end: ext4 allocates new
                        # inodes slowly for a while after many files are deleted (it skips
                        # recently freed ones), so deleting the last run's 10,000 scorecards
                        # here would slow the next run's writes several times over
                        out = work / f"out-{fmt}-{size}-{jobs}-{attempt}"
                        runs.append(
                            measure(
                                [
                                    exe,
                                    "cohort",
                                    str(data[size][fmt]),
                                    "--out",
                                    str(out),
                                    "--jobs",
                                    str(jobs),
                                    *([] if args.onepagers else ["--no-onepagers"]),
                                ]
                            )
                        )
                        sizes_out[(fmt, size, jobs)] = _folder_bytes(out / "scorecards") / size
                        folder_out = _folder_bytes(out) / size
                    wall = statistics.median(run[0] for run in runs)
                    peak = max(run[1] for run in runs)
                    results[(fmt, size, jobs)] = (wall, peak)
                    rate = size / wall
                    note = ""
                    if fmt == "yaml":
                        share = rate / (size / floors[size])
                        note = f"{share:.0%} of floor (target >= 70% with --jobs 2)"
                    elif fmt == "json":
                        share = rate / (size / json_floors[size])
                        files_share = rate / (size / files_floor)
                        note = (
                            f"{share:.0%} of JSON floor, {files_share:.0%} of the files floor; "
                            "target >= 3000/s with --jobs 2"
                        )
                    kib = sizes_out[(fmt, size, jobs)] / 1024
                    print(
                        f"{fmt:6} {size:>8} {jobs:>4} {wall:>8.2f} {rate:>10.0f} "
                        f"{peak:>8.1f}  {note}; scorecard {kib:.1f} KB per founder (target <= 12),"
                        f" {folder_out / 1024:.1f} KB with the cohort files"
                    )
        if len(sizes) >= 2:
            small, large = min(sizes), max(sizes)
            print(f"peak memory {large} vs {small} founders (target <= 1.2x):")
            for fmt in formats:
                for jobs in jobs_list:
                    ratio = results[(fmt, large, jobs)][1] / results[(fmt, small, jobs)][1]
                    print(f"  {fmt:5} --jobs {jobs}: {ratio:.2f}x")


if __name__ == "__main__":
    main()
