"""The founder store reads back what was added, in any order and from a forked child, and
the background writer reports how its child ended."""

from __future__ import annotations

import errno
import multiprocessing
import os
from pathlib import Path

import pytest

from founder_check.cohort.aggregate import FounderOutcome
from founder_check.cohort.background import Background
from founder_check.cohort.store import FounderStore

FORK = "fork" in multiprocessing.get_all_start_methods()


def _outcome(number: int) -> FounderOutcome:
    return FounderOutcome(
        source=f"in/founder-{number}.yaml",
        row=None if number % 2 else number,
        line=number % 7 or None,
        founder=f"Founder {number} 创始人",
        company=None if number % 5 == 0 else f"Company {number}",
        stage=("idea", "seed", "growth")[number % 3],
        stage_source="answers",
        overall=round(number * 0.7 % 100, 1),
        level="validating",
        factors=(None, float(number % 100), 50.5),
        below_target=(False, number % 2 == 0, True),
        weakest="team",
        red_flags=(("no_runway", "critical"),) * (number % 3),
        gaps=(("funding.runway_months", 2.5), ("team.roles_covered", 1.25)),
        targets=(60.0, None, 55.0),
        card=(f".part-{number}", number * 10, 9, 0),
    )


def _check(store: FounderStore, number: int) -> None:
    founder = store.get(number)
    outcome = _outcome(number)
    assert founder.index == number
    assert (founder.source, founder.row, founder.line) == (
        outcome.source,
        outcome.row,
        outcome.line,
    )
    assert (founder.founder, founder.company, founder.stage) == (
        outcome.founder,
        outcome.company,
        outcome.stage,
    )
    assert founder.factors == outcome.factors
    assert founder.below_target == outcome.below_target
    assert founder.red_flags == outcome.red_flags
    assert founder.top_gaps == outcome.top_gaps
    assert founder.scorecard == f"card-{number}.json"
    assert founder.part == outcome.card


def test_reads_back_in_any_order_while_adding(tmp_path: Path) -> None:
    with FounderStore(tmp_path) as store:
        for number in range(300):
            assert store.add(_outcome(number), f"card-{number}.json") == number
            if number % 37 == 0:  # a duplicate check reads an earlier founder meanwhile
                _check(store, number // 2)
        for number in reversed(range(300)):
            _check(store, number)
        assert [founder.index for founder in store] == list(range(300))
        assert len(store) == 300


def test_empty_store_reads_nothing(tmp_path: Path) -> None:
    with FounderStore(tmp_path) as store:
        assert list(store) == []


def _read_all(store: FounderStore, out: Path) -> None:
    out.write_text("\n".join(f"{f.index} {f.founder}" for f in store), encoding="utf-8")


@pytest.mark.skipif(not FORK, reason="needs fork")
def test_a_forked_child_reads_while_the_parent_reads(tmp_path: Path) -> None:
    """Reading moves no shared file offset: both processes read every founder right."""
    with FounderStore(tmp_path) as store:
        for number in range(2000):
            store.add(_outcome(number), f"card-{number}.json")
        child = Background(_read_all, store, tmp_path / "child.txt", parallel=True)
        for _ in range(3):
            for number in range(0, 2000, 3):
                _check(store, number)
        child.join()
    lines = (tmp_path / "child.txt").read_text(encoding="utf-8").splitlines()
    assert lines == [f"{n} Founder {n} 创始人" for n in range(2000)]


def _fail(code: int) -> None:
    raise OSError(code, os.strerror(code), "cohort.xlsx")


def _die() -> None:
    os._exit(9)


@pytest.mark.parametrize("parallel", [True, False])
def test_background_raises_what_the_function_raised(parallel: bool) -> None:
    job = Background(_fail, errno.ENOSPC, parallel=parallel)
    with pytest.raises(OSError) as caught:
        job.join()
    assert caught.value.errno == errno.ENOSPC
    assert caught.value.filename == "cohort.xlsx"


@pytest.mark.skipif(not FORK, reason="needs fork")
def test_background_reports_a_child_that_died() -> None:
    job = Background(_die, parallel=True)
    with pytest.raises(RuntimeError, match="exit code 9"):
        job.join()


@pytest.mark.skipif(not FORK, reason="needs fork")
def test_cancelled_background_leaves_nothing_running(tmp_path: Path) -> None:
    job = Background(_read_all, FounderStore(tmp_path), tmp_path / "x.txt", parallel=True)
    job.cancel()
    job.join()  # nothing left to wait for, nothing raised
    assert multiprocessing.active_children() == []
