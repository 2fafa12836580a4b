"""Start-up and scoring speed of founder-check, against the floors set by its own imports.

Prints, in one run:
- in-process time to load and to score one answers file (median of many);
- wall time of `founder-check --version` against `python -c "import typer"`;
- wall time of `founder-check assess --answers FILE --json -` against
  `python -c "import typer, rich.console, pydantic, yaml"`;
each the median of several runs, and the ratios. Targets: --version within 1.3x of its floor,
assess within 1.5x, scoring under 2 ms, scoring with the plan to the next level under 20 ms.

Usage: python benchmarks/startup.py [--runs N] [--answers FILE]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ANSWERS = ROOT / "examples" / "seed-founder.yaml"


def wall(command: list[str], runs: int) -> float:
    """Median wall time of a command, after one warm-up run."""
    subprocess.run(command, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def in_process(answers: Path, repeat: int = 2000) -> tuple[float, float, float]:
    """Milliseconds to read answers, to score them, and to score them with the plan to the
    next level (what `assess` does)."""
    from founder_check import load_answers, load_content, score

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
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--answers", type=Path, default=DEFAULT_ANSWERS)
    args = parser.parse_args()
    exe = shutil.which("founder-check") or str(Path(sys.executable).parent / "founder-check")
    python = sys.executable

    load_ms, score_ms, plan_ms = in_process(args.answers)
    print(
        f"in-process: read+validate answers {load_ms:.3f} ms, score {score_ms:.3f} ms "
        f"(target: score < 2 ms), score with next steps {plan_ms:.3f} ms (target < 20 ms)"
    )

    floor_version = wall([python, "-c", "import typer"], args.runs)
    version = wall([exe, "--version"], args.runs)
    print(
        f"--version: {version * 1000:.1f} ms vs import typer {floor_version * 1000:.1f} ms "
        f"-> {version / floor_version:.2f}x (target <= 1.3x)"
    )

    floor_assess = wall([python, "-c", "import typer, rich.console, pydantic, yaml"], args.runs)
    assess = wall([exe, "assess", "--answers", str(args.answers), "--json", "-"], args.runs)
    print(
        f"assess --json -: {assess * 1000:.1f} ms vs import typer, rich.console, pydantic, "
        f"yaml {floor_assess * 1000:.1f} ms -> {assess / floor_assess:.2f}x (target <= 1.5x)"
    )


if __name__ == "__main__":
    main()
