"""The benchmarks run: a tiny size of each, only to see that they work and print their
figures beside their targets (the figures themselves are measured by hand, see
docs/performance.md)."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT


def _run(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_cohort_benchmark_prints_every_target() -> None:
    out = _run(
        "benchmarks/cohort.py", "--sizes", "12,24", "--formats", "yaml,json", "--jobs", "1,2"
    )
    assert "of floor (target >= 70% with --jobs 2)" in out
    assert "target >= 3000/s with --jobs 2" in out and "of JSON floor" in out
    assert re.search(r"^ffloor +24 .* creating 24 files of 9 KB alone", out, re.M), out
    assert "% of the files floor" in out
    assert "scorecard" in out and "KB per founder (target <= 12)" in out
    assert "peak memory 24 vs 12 founders (target <= 1.2x)" in out


def test_founder_stages_prints_the_compiled_plan_beside_loading() -> None:
    out = _run("benchmarks/founder_stages.py", "--count", "40")
    assert "score (compiled plan)" in out and "parse YAML (guarded reader)" in out
    assert "validate (parse_answers)" in out
    assert "scoring with the compiled plan:" in out and "(target: 100 µs)" in out


def test_startup_benchmark_prints_the_start_up_targets() -> None:
    out = _run("benchmarks/startup.py", "--runs", "2")
    assert "score with next steps" in out and "(target < 20 ms)" in out
    version = r"^--version: .* vs import click .* -> \d+\.\d+x \(target <= 1\.1x\)$"
    assert re.search(version, out, re.M), out
    assess = re.search(
        r"^assess --json -: .* vs import rich\.console, pydantic, yaml .* -> \d+\.\d+x "
        r"\(target <= (\d+\.\d+)x, as in version 0\.1\.0\)$",
        out,
        re.M,
    )
    assert assess, out
    assert 1.0 < float(assess.group(1)) < 5.0  # a measured ratio, not a missing one


def test_cohort_phases_benchmark_times_every_phase() -> None:
    out = _run("benchmarks/cohort_phases.py", "--size", "30", "--format", "json", "--jobs", "2")
    for phase in ("start-up", "scoring", "scorecard files", "reports", "terminal summary"):
        assert re.search(rf"^{phase} +\d+\.\d\d +\d+\.\d\d", out, re.M), out
    # the workers' CPU is read from /proc where there is one
    if sys.platform == "linux":
        assert re.search(r"^scoring +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d$", out, re.M), out
    assert re.search(r"^whole run +\d+\.\d\d$", out, re.M), out
    assert re.search(r"^workbook child: \d+\.\d\d s wall, \d+\.\d\d s CPU", out, re.M), out
