"""Cohort statistics: from each founder's scorecard to factor spreads, shared gaps, red flags,
ranks and percentiles. Pure computation, no I/O.

A cohort can hold 10,000 founders, so a scorecard is reduced right after scoring to a
`FounderOutcome` (a few numbers and ids), and `CohortTally` keeps only numbers per founder
(in arrays) and counts per question and red flag; memory grows by tens of bytes a founder.
"""

from __future__ import annotations

import heapq
import math
import statistics
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from founder_check.cohort.models import (
    MIN_COHORT_FOR_PERCENTILES,
    FactorStats,
    Percentiles,
    Placement,
    RedFlagCount,
    SharedGap,
)
from founder_check.content.models import SEVERITY_RANK, Content, Lang
from founder_check.scorecard import ChapterRef, Scorecard

NO_FLAG = 3
TOP_SHARED_GAPS = 10
_NAN = math.nan


@dataclass(frozen=True, slots=True)
class FounderOutcome:
    """What the cohort needs from one scorecard; `card` is the part file that holds its JSON."""

    source: str
    row: int | None
    line: int | None
    founder: str | None
    company: str | None
    stage: str
    stage_source: str
    overall: float
    level: str
    factors: tuple[float | None, ...]
    below_target: tuple[bool, ...]
    weakest: str | None
    red_flags: tuple[tuple[str, str], ...]
    gap_questions: tuple[str, ...]
    card: str | None = None


def summarize(
    card: Scorecard,
    *,
    source: str,
    row: int | None = None,
    line: int | None = None,
    part: str | None = None,
) -> FounderOutcome:
    """Reduce a scorecard to its outcome; factors keep the scorecard's (content) order."""
    scored = [f for f in card.factors if f.score is not None]
    weakest = min(scored, key=lambda f: (-(f.gap or 0.0), f.score, f.id), default=None)
    return FounderOutcome(
        source=source,
        row=row,
        line=line,
        founder=card.subject.founder,
        company=card.subject.company,
        stage=card.stage.id,
        stage_source=card.stage.source,
        overall=card.overall,
        level=card.level.id,
        factors=tuple(f.score for f in card.factors),
        below_target=tuple(bool(f.gap) for f in card.factors),
        weakest=weakest.id if weakest is not None else None,
        red_flags=tuple((hit.id, hit.severity) for hit in card.red_flags),
        gap_questions=tuple(gap.question for gap in card.gaps),
        card=part,
    )


def quartiles(values: Sequence[float]) -> tuple[float, float, float, float, float, float]:
    """(min, q1, median, q3, max, mean) of non-empty values (inclusive quartiles)."""
    if len(values) == 1:
        only = values[0]
        return only, only, only, only, only, only
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return min(values), q1, median, q3, max(values), math.fsum(values) / len(values)


def percentile_table(sorted_values: Sequence[float]) -> dict[float, float]:
    """Each distinct value's percentile: the share (0-100) of the values below it, values
    equal to it counting half. One pass; scores have one decimal, so a cohort of any size
    has at most a thousand distinct values."""
    table: dict[float, float] = {}
    size = len(sorted_values)
    start = 0
    while start < size:
        value = sorted_values[start]
        end = bisect_right(sorted_values, value, start)
        table[value] = round(100.0 * (start + 0.5 * (end - start)) / size, 1)
        start = end
    return table


class CohortTally:
    """Numbers per founder and counts over the cohort, added one founder at a time."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.factor_ids = [factor.id for factor in content.factors]
        # scores have one decimal, so single precision keeps them distinct at half the memory
        self.overall = array("f")
        self.factors = [array("f") for _ in self.factor_ids]
        self.worst_flag = array("b")
        self.flag_count = array("H")
        self.below = [0] * len(self.factor_ids)
        self.gap_counts: Counter[str] = Counter()
        self.flag_counts: Counter[str] = Counter()

    def __len__(self) -> int:
        return len(self.overall)

    def add(self, outcome: FounderOutcome) -> int:
        """Count one founder in; returns its index (the order it was added)."""
        self.overall.append(outcome.overall)
        for values, score in zip(self.factors, outcome.factors, strict=True):
            values.append(_NAN if score is None else score)
        for position, below in enumerate(outcome.below_target):
            if below:
                self.below[position] += 1
        self.gap_counts.update(outcome.gap_questions)
        self.flag_counts.update(flag_id for flag_id, _ in outcome.red_flags)
        self.worst_flag.append(
            min((SEVERITY_RANK[severity] for _, severity in outcome.red_flags), default=NO_FLAG)
        )
        self.flag_count.append(min(len(outcome.red_flags), 65535))
        return len(self.overall) - 1

    def finish(self, lang: Lang) -> CohortStats:
        return CohortStats(self, lang)


class CohortStats:
    """The cohort's statistics, ranks and percentiles, once every founder is counted."""

    def __init__(self, tally: CohortTally, lang: Lang) -> None:
        self.tally = tally
        self.lang = lang
        self.size = len(tally)
        self.show_placement = self.size >= MIN_COHORT_FOR_PERCENTILES
        self._overall_sorted = array("f", sorted(tally.overall))
        self._factor_sorted = [
            array("f", sorted(v for v in values if not math.isnan(v))) for values in tally.factors
        ]
        self._overall_table = percentile_table(self._overall_sorted)
        self._factor_tables = [
            percentile_table(ordered) if len(ordered) >= MIN_COHORT_FOR_PERCENTILES else {}
            for ordered in self._factor_sorted
        ]

    def rank_order(self) -> array[int]:
        """Founder indices best first; equal scores keep the processing order."""
        overall = self.tally.overall
        return array("l", sorted(range(self.size), key=lambda index: -overall[index]))

    def rank(self, index: int) -> int:
        """1 + how many founders scored higher (equal scores share a rank)."""
        return 1 + self.size - bisect_right(self._overall_sorted, self.tally.overall[index])

    def percentiles(self, index: int) -> Percentiles | None:
        if not self.show_placement:
            return None
        factors: dict[str, float | None] = {
            factor_id: table.get(values[index])  # NaN (no score) is never a key
            for factor_id, values, table in zip(
                self.tally.factor_ids, self.tally.factors, self._factor_tables, strict=True
            )
        }
        return Percentiles(overall=self._overall_table[self.tally.overall[index]], factors=factors)

    def placement(self, index: int) -> Placement:
        return Placement(
            size=self.size,
            min_size=MIN_COHORT_FOR_PERCENTILES,
            rank=self.rank(index) if self.show_placement else None,
            percentiles=self.percentiles(index),
        )

    def flagged(self, order: Sequence[int], limit: int | None = None) -> tuple[list[int], int]:
        """The first `limit` founders with red flags (most severe first, then most flags, then
        by rank) and how many founders have any; only `limit` entries are ever held."""
        worst, count = self.tally.worst_flag, self.tally.flag_count
        keys = (
            (worst[index], -count[index], place, index)
            for place, index in enumerate(order)
            if worst[index] != NO_FLAG
        )
        top = sorted(keys) if limit is None else heapq.nsmallest(limit, keys)
        total = sum(1 for value in worst if value != NO_FLAG)
        return [key[-1] for key in top], total

    def factor_stats(self) -> list[FactorStats]:
        """Per factor, in content order: spread over the founders scored on it."""
        result = []
        for position, factor in enumerate(self.tally.content.factors):
            values = self._factor_sorted[position]
            spread: tuple[float | None, ...] = (None,) * 6
            if len(values):
                spread = tuple(round(v, 1) for v in quartiles(values))
            low, q1, median, q3, high, mean = spread
            result.append(
                FactorStats(
                    id=factor.id,
                    name=factor.name.get(self.lang),
                    founders=len(values),
                    min=low,
                    q1=q1,
                    median=median,
                    q3=q3,
                    max=high,
                    mean=mean,
                    below_target=self.tally.below[position],
                )
            )
        return result

    def shared_gaps(self, limit: int = TOP_SHARED_GAPS) -> list[SharedGap]:
        """The gaps most founders have, most common first (ties in question order)."""
        content = self.tally.content
        order = {question.id: place for place, question in enumerate(content.questions)}
        counted = sorted(
            self.tally.gap_counts.items(), key=lambda item: (-item[1], order.get(item[0], 0))
        )
        gaps = []
        for question_id, count in counted[:limit]:
            question = content.question_by_id[question_id]
            gaps.append(
                SharedGap(
                    question=question_id,
                    text=question.text.get(self.lang),
                    founders=count,
                    share=round(count / self.size, 3) if self.size else 0.0,
                    factors=list(question.factors),
                    chapters=[chapter_ref(content, ref, self.lang) for ref in question.chapters],
                )
            )
        return gaps

    def red_flag_counts(self) -> list[RedFlagCount]:
        """Each triggered red flag with how many founders have it, most severe first."""
        content = self.tally.content
        counts = []
        for flag_id, count in self.tally.flag_counts.items():
            flag = content.red_flag_by_id.get(flag_id)
            if flag is None:
                continue
            counts.append(
                RedFlagCount(
                    id=flag_id,
                    severity=flag.severity,
                    title=flag.title.get(self.lang),
                    founders=count,
                )
            )
        counts.sort(key=lambda c: (SEVERITY_RANK[c.severity], -c.founders, c.id))
        return counts


def chapter_ref(content: Content, ref: str, lang: Lang) -> ChapterRef:
    chapter = content.chapter_by_ref[ref]
    return ChapterRef(
        ref=ref,
        doc=chapter.doc,
        section=chapter.section,
        title=chapter.title.get(lang),
    )
