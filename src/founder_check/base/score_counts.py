"""Scores counted by value instead of held one by one.

A score has one decimal between 0 and 100, so a cohort of any size has at most 1,001
distinct scores. Counting how many founders have each keeps the statistics of 50,000
founders (order statistics, quartiles, percentiles, ranks, the mean) in about a thousand
entries, where a sorted copy would hold every founder's score. Any floats work; only the
memory bound needs the few distinct values.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, repeat
from typing import overload


class ScoreCounts(Sequence[float]):
    """The scores in ascending order, read as a sequence but stored as (value, count) pairs.
    NaN, which stands for "not scored", is left out."""

    __slots__ = ("_ends", "_values")

    def __init__(self, scores: Iterable[float]) -> None:
        counts = Counter(score for score in scores if score == score)  # NaN != NaN
        self._values = sorted(counts)
        # _ends[i]: how many scores are at most _values[i]
        self._ends = list(accumulate(counts[value] for value in self._values))

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    @overload
    def __getitem__(self, position: int) -> float: ...

    @overload
    def __getitem__(self, position: slice) -> list[float]: ...

    def __getitem__(self, position: int | slice) -> float | list[float]:
        """The score at `position` in ascending order (one search among the distinct values)."""
        size = len(self)
        if isinstance(position, slice):
            return [self[index] for index in range(*position.indices(size))]
        if position < 0:
            position += size
        if not 0 <= position < size:
            raise IndexError("score position out of range")
        return self._values[bisect_right(self._ends, position)]

    def __iter__(self) -> Iterator[float]:
        for value, count in self.counts():
            yield from repeat(value, count)

    def counts(self) -> Iterator[tuple[float, int]]:
        """(score, how many have it), lowest score first."""
        start = 0
        for value, end in zip(self._values, self._ends, strict=True):
            yield value, end - start
            start = end

    def quartiles(self) -> tuple[float, float, float]:
        """(q1, median, q3) of a non-empty collection, as `statistics.quantiles(n=4,
        method="inclusive")` computes them from the sorted scores."""
        last = len(self) - 1
        if last == 0:
            return self[0], self[0], self[0]
        q1, median, q3 = (self._interpolated(quarter * last) for quarter in (1, 2, 3))
        return q1, median, q3

    def _interpolated(self, scaled: int) -> float:
        position, delta = divmod(scaled, 4)
        low = self[position]
        high = self[position + 1] if delta else low
        return (low * (4 - delta) + high * delta) / 4

    def mean(self) -> float:
        """The mean of a non-empty collection, as `math.fsum(scores) / len(scores)` gives it
        for single-precision scores (a cohort's): score x count is then exact in a double."""
        return math.fsum(value * count for value, count in self.counts()) / len(self)

    def above(self, score: float) -> int:
        """How many scores are higher than `score`."""
        place = bisect_right(self._values, score)
        return len(self) - (self._ends[place - 1] if place else 0)

    def percentiles(self) -> dict[float, float]:
        """Each distinct score's percentile: the share (0-100) of the scores below it, those
        equal to it counting half; rounded to one decimal."""
        size = len(self)
        return {
            value: round(100.0 * (end - count + 0.5 * count) / size, 1)
            for (value, count), end in zip(self.counts(), self._ends, strict=True)
        }


def descending_order(scores: Sequence[float], counts: ScoreCounts) -> array[int]:
    """The positions of `scores` (none NaN; `counts` counts them), highest score first; equal
    scores keep their order. A counting sort: no sorted copy of the scores is made."""
    start: dict[float, int] = {}
    place = 0
    for value, count in reversed(list(counts.counts())):
        start[value] = place
        place += count
    order = array("l", [0]) * len(scores)
    for index, value in enumerate(scores):
        slot = start[value]
        order[slot] = index
        start[value] = slot + 1
    return order
