"""Start-up and scoring speed of founder-check, against floors measured in the same run.

Prints, in one run:
- in-process time to load and to score one answers file (mean of many);
- wall time of `founder-check --version` against `python -c "import click"`;
- wall time of `founder-check assess --answers FILE --json -` against
  `python -c "import rich.console, pydantic, yaml"` (libraries the tool keeps whatever parses
  its command line);
each beside its target. A command and its floor run in turns, and a ratio is the median of
the ratios of each pair of runs, so that the load of a shared machine, which drifts during a
run, weighs on both alike. Targets: --version within 1.1x of importing click, the library
the command line is built on; assess within its start-up of version 0.1.0 (whose command
line was built on typer 0.28), stored as its ratio to the same floor; scoring under 2 ms,
scoring with the plan to the next level under 20 ms.

Usage: python benchmarks/startup.py [--runs N] [--answers FILE]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ANSWERS = ROOT / "examples" / "seed-founder.yaml"

VERSION_FLOOR = "import click"
VERSION_TARGET = 1.1
ASSESS_FLOOR = "import rich.console, pydantic, yaml"
# `assess --json -` of version 0.1.0 (commit 746b8de, typer 0.28.0, Python 3.11, installed
# and editable) against ASSESS_FLOOR: the median of ten runs of this script with --runs 30,
# which ranged from 1.75x to 1.88x on a shared two-core machine
ASSESS_TARGET = 1.77


@dataclass(frozen=True)
class Paired:
    """Median wall times (seconds) of a command and of its floor, and of their ratios."""

    command: float
    floor: float
    ratio: float


def paired(command: list[str], floor: list[str], runs: int) -> Paired:
    """Run a command and its floor in turns, after one warm-up run of each.

    The warm-up writes the bytecode cache even where PYTHONDONTWRITEBYTECODE is set, so that
    a source checkout starts as an installed package does, without compiling its modules.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, check=True, capture_output=True, env=env)
    subprocess.run(floor, check=True, capture_output=True, env=env)
    times: dict[str, list[float]] = {"command": [], "floor": []}
    for _ in range(runs):
        for name, argv in (("command", command), ("floor", floor)):
            start = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True, env=env)
            times[name].append(time.perf_counter() - start)
    ratios = [c / f for c, f in zip(times["command"], times["floor"], strict=True)]
    return Paired(
        statistics.median(times["command"]),
        statistics.median(times["floor"]),
        statistics.median(ratios),
    )


def console_script() -> str:
    """The `founder-check` of the Python running this script, else the one on PATH."""
    beside = Path(sys.executable).parent / "founder-check"
    if beside.exists():
        return str(beside)
    found = shutil.which("founder-check")
    if found is None:
        sys.exit("founder-check is not installed beside this Python nor on PATH")
    return found


def in_process(answers: Path, repeat: int = 2000) -> tuple[float, float, float]:
    """Milliseconds to read answers, to score them, and to score them with the plan to the
    next level (what `assess` does)."""
    from founder_check import load_content
    from founder_check.scoring.answers import load_answers
    from founder_check.scoring.engine import score

    content = load_content()
    loaded = load_answers(answers, content)
    start = time.perf_counter()
    for _ in range(repeat):
        load_answers(answers, content)
    load_ms = (time.perf_counter() - start) / repeat * 1000
    start = time.perf_counter()
    for _ in range(repeat):
        score(content, loaded, next_steps=False)
    score_ms = (time.perf_counter() - start) / repeat * 1000
    start = time.perf_counter()
    for _ in range(repeat // 4):
        score(content, loaded)
    plan_ms = (time.perf_counter() - start) / (repeat // 4) * 1000
    return load_ms, score_ms, plan_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)  # as ASSESS_TARGET was measured
    parser.add_argument("--answers", type=Path, default=DEFAULT_ANSWERS)
    args = parser.parse_args()
    exe = console_script()
    python = sys.executable
    if importlib.util.find_spec("click") is None:
        sys.exit("click is not installed beside this Python: install founder-check here")

    load_ms, score_ms, plan_ms = in_process(args.answers)
    print(
        f"in-process: read+validate answers {load_ms:.3f} ms, score {score_ms:.3f} ms "
        f"(target: score < 2 ms), score with next steps {plan_ms:.3f} ms (target < 20 ms)"
    )

    version = paired([exe, "--version"], [python, "-c", VERSION_FLOOR], args.runs)
    print(
        f"--version: {version.command * 1000:.1f} ms vs {VERSION_FLOOR} "
        f"{version.floor * 1000:.1f} ms -> {version.ratio:.2f}x (target <= {VERSION_TARGET}x)"
    )

    assess_argv = [exe, "assess", "--answers", str(args.answers), "--json", "-"]
    assess = paired(assess_argv, [python, "-c", ASSESS_FLOOR], args.runs)
    print(
        f"assess --json -: {assess.command * 1000:.1f} ms vs {ASSESS_FLOOR} "
        f"{assess.floor * 1000:.1f} ms -> {assess.ratio:.2f}x "
        f"(target <= {ASSESS_TARGET:.2f}x, as in version 0.1.0)"
    )


if __name__ == "__main__":
    main()
