"""Scores counted by value: every statistic equals the one computed from a sorted copy."""

from __future__ import annotations

import math
import statistics
from array import array
from bisect import bisect_left, bisect_right

import pytest
from hypothesis import given
from hypothesis import strategies as st

from founder_check.base.score_counts import ScoreCounts, descending_order

# scores as a cohort holds them: one decimal, 0-100, in single precision; NaN is "not scored"
_TENTHS = st.integers(0, 1000).map(lambda tenths: tenths / 10)
_SCORES = st.lists(st.one_of(_TENTHS, _TENTHS, st.just(math.nan)), max_size=400)


def _single(scores: list[float]) -> array[float]:
    return array("f", scores)


def _percentile(ordered: list[float], value: float) -> float:
    below = bisect_left(ordered, value)
    equal = bisect_right(ordered, value) - below
    return round(100.0 * (below + 0.5 * equal) / len(ordered), 1)


@given(_SCORES)
def test_every_statistic_equals_that_of_a_sorted_copy(raw: list[float]) -> None:
    scores = _single(raw)
    ordered = sorted(score for score in scores if not math.isnan(score))
    counts = ScoreCounts(scores)
    assert len(counts) == len(ordered)
    assert list(counts) == ordered
    assert [counts[i] for i in range(len(ordered))] == ordered
    assert counts[1:-1:3] == ordered[1:-1:3]
    assert sum(count for _, count in counts.counts()) == len(ordered)
    if not ordered:
        assert counts.percentiles() == {}
        with pytest.raises(IndexError):
            counts[0]
        return
    assert counts[-1] == ordered[-1]
    assert counts.mean() == math.fsum(ordered) / len(ordered)
    if len(ordered) >= 2:
        expected = statistics.quantiles(ordered, n=4, method="inclusive")
        assert list(counts.quartiles()) == expected
    else:
        assert counts.quartiles() == (ordered[0],) * 3
    assert counts.percentiles() == {value: _percentile(ordered, value) for value in ordered}
    for probe in {*ordered, -1.0, 0.05, 50.05, 101.0}:
        assert counts.above(probe) == sum(1 for score in ordered if score > probe)


@given(st.lists(_TENTHS, max_size=400))
def test_descending_order_is_a_stable_sort_best_first(raw: list[float]) -> None:
    scores = _single(raw)
    order = descending_order(scores, ScoreCounts(scores))
    assert list(order) == sorted(range(len(scores)), key=lambda index: -scores[index])


def test_quartiles_and_percentiles_of_small_cohorts() -> None:
    assert ScoreCounts([5.0]).quartiles() == (5.0, 5.0, 5.0)
    spread = ScoreCounts([50.0, 10.0, 40.0, 20.0, 30.0])
    assert spread.quartiles() == (20.0, 30.0, 40.0)
    assert spread.mean() == 30.0
    assert ScoreCounts([10.0, 20.0, 20.0, 40.0]).percentiles() == {
        10.0: 12.5,
        20.0: 50.0,
        40.0: 87.5,
    }
    assert ScoreCounts([10.0, 20.0]).quartiles() == (12.5, 15.0, 17.5)


def test_memory_is_the_distinct_scores_not_the_founders() -> None:
    many = ScoreCounts(array("f", [12.5, 80.0, 12.5]) * 20_000)
    assert len(many) == 60_000
    assert list(many.counts()) == [(12.5, 40_000), (80.0, 20_000)]
    assert many[39_999] == 12.5 and many[40_000] == 80.0
