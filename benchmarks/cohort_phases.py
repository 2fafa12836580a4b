"""Where a whole `founder-check cohort` run spends its time, phase by phase.

Runs `founder-check cohort INPUT --out DIR --jobs N --no-onepagers` in this process (the
terminal report to /dev/null) and prints, for each phase of `cohort/run.py`, its wall time
and the CPU time the parent and the worker processes spent in it:

- start-up: importing the command line, the content, the worker processes;
- scoring: every founder read, typed, scored and spooled (`_count_in`);
- scorecard files: each founder's scorecard written from the spools (`Workers.finish`);
- reports: cohort.csv, the dashboard, texts.json and cohort.json, and the wait for the
  workbook (`_write_reports`);
- terminal summary (`render`).

The workbook's child (forked when the statistics are known) is timed apart: its own wall
and CPU time. Workers' CPU is read from /proc (Linux); elsewhere it is left out.

Without INPUT, a cohort of --size random valid founders is generated in a temporary folder
(the generator of benchmarks/cohort.py) and flushed to disk before the run.

Usage: python benchmarks/cohort_phases.py [INPUT] [--size 10000] [--format json]
                                          [--jobs 2] [--keep]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import resource
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from cohort import generate, work_folder  # noqa: E402

_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _workers_cpu() -> dict[int, float]:
    """User and system seconds of each child process still running (Linux only)."""
    pid = os.getpid()
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            children = handle.read().split()
    except OSError:
        return {}
    seconds = {}
    for child in children:
        try:
            with open(f"/proc/{child}/stat", encoding="ascii") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended meanwhile
        seconds[int(child)] = (int(fields[11]) + int(fields[12])) / _TICKS
    return seconds


class Phases:
    """Wall and CPU time at each phase boundary, in order; the workers are the children
    running when scoring starts (not the workbook's child, forked later)."""

    def __init__(self) -> None:
        self.marks: list[tuple[str, float, float, dict[int, float]]] = []
        self.workers: set[int] = set()
        self.mark("start")

    def mark(self, name: str) -> None:
        children = _workers_cpu()
        if name == "before scoring":
            self.workers = set(children)
        self.marks.append((name, time.perf_counter(), _own_cpu(), children))

    def rows(self) -> Iterator[tuple[str, float, float, float | None]]:
        """(phase, wall, parent CPU, workers' CPU) from each mark to the next."""
        for (_, wall0, own0, kids0), (name, wall1, own1, kids1) in zip(
            self.marks, self.marks[1:], strict=False
        ):
            shared = self.workers & set(kids0) & set(kids1)
            workers = sum(kids1[pid] - kids0[pid] for pid in shared) if shared else None
            yield name, wall1 - wall0, own1 - own0, workers


def _marking(phases: Phases, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def marked(*args: Any, **kwargs: Any) -> Any:
        phases.mark(f"before {name}")
        try:
            return function(*args, **kwargs)
        finally:
            phases.mark(name)

    return marked


def _timed_workbook(log: Path, function: Callable[..., Any]) -> Callable[..., Any]:
    """The workbook writer, noting its own wall and CPU time (it runs in a forked child)."""

    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), _own_cpu()
        try:
            return function(*args, **kwargs)
        finally:
            spent = f"{time.perf_counter() - wall} {_own_cpu() - cpu}\n"
            log.write_text(spent, encoding="ascii")

    return timed


def measure(input_path: Path, out: Path, jobs: int, work: Path) -> None:
    phases = Phases()  # start-up counts from here: importing the command line on
    from founder_check import cli
    from founder_check.cohort import process, run, workbook

    workbook_log = work / "workbook-time"
    run._count_in = _marking(phases, "scoring", run._count_in)
    run._write_reports = _marking(phases, "reports", run._write_reports)
    run.render = _marking(phases, "terminal summary", run.render)
    finish = process.Workers.finish

    def finishing(self: process.Workers, tasks: Any) -> Iterator[int]:
        phases.mark("before scorecard files")
        yield from finish(self, tasks)
        phases.mark("scorecard files")

    process.Workers.finish = finishing
    workbook.write_workbook = _timed_workbook(workbook_log, workbook.write_workbook)
    argv = ["founder-check", "cohort", str(input_path), "--out", str(out)]
    sys.argv = [*argv, "--jobs", str(jobs), "--no-onepagers"]
    with open(os.devnull, "w", encoding="utf-8") as devnull, contextlib.redirect_stdout(devnull):
        try:
            cli.main()
        except SystemExit as exit_:
            if exit_.code not in (0, None):
                raise SystemExit(f"the run exited {exit_.code}") from None
    phases.mark("exit")
    _print(phases, workbook_log)


def _print(phases: Phases, workbook_log: Path) -> None:
    print(f"{'phase':<20} {'wall s':>7} {'parent CPU s':>12} {'workers CPU s':>13}")
    between = 0.0  # the parent's steps from one phase to the next
    for name, wall, own, workers in phases.rows():
        if name == "before scoring":
            name = "start-up"
        elif name.startswith("before ") or name == "exit":
            between += wall
            continue
        shown = "" if workers is None else f"{workers:.2f}"
        print(f"{name:<20} {wall:>7.2f} {own:>12.2f} {shown:>13}")
    print(f"{'in between':<20} {between:>7.2f}")
    print(f"{'whole run':<20} {phases.marks[-1][1] - phases.marks[0][1]:>7.2f}")
    if workbook_log.exists():
        wall, cpu = (float(value) for value in workbook_log.read_text().split())
        print(f"workbook child: {wall:.2f} s wall, {cpu:.2f} s CPU (beside the phases above)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--format", choices=("json", "yaml", "csv"), default="json")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    args = parser.parse_args()
    with work_folder("founder-check-phases-", keep=args.keep) as work:
        input_path = args.input
        if input_path is None:
            input_path = generate(work / "in", args.size, args.seed)[args.format]
            print(f"{args.size} {args.format} founders generated in {work / 'in'}")
        measure(input_path, work / "out", args.jobs, work)


if __name__ == "__main__":
    main()
