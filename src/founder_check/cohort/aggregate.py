"""Cohort statistics: from each founder's scorecard to factor spreads, shared gaps, red flags,
ranks and percentiles. Pure computation, no I/O.

A cohort can hold 10,000 founders, so a scorecard is reduced right after scoring to a
`FounderOutcome` (a few numbers and ids), and `CohortTally` keeps only numbers per founder
(in arrays) and counts and sums per question, factor and red flag; memory grows by tens of
bytes a founder.

How far short the cohort falls is measured as the scorecard measures one founder. A factor
is short by `target - score` for each founder below the stage's target (each founder's own
stage). A gap (an answer below the best, on a factor below target) costs its founder the
overall points the best answer would add (`Gap.shortfall`); across the cohort, a shared gap
costs the mean overall score `sum of those points / founders scored`: what the cohort's
mean would gain if every founder with the gap gave the best answer. That cost, which weighs
how many founders have a gap by how much it costs each, ranks the shared gaps: a gap that
every founder has but that costs a tenth of a point matters less than one that half the
cohort has at five points each.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from founder_check.base.score_counts import ScoreCounts, descending_order
from founder_check.cohort.models import (
    MIN_COHORT_FOR_PERCENTILES,
    FactorStats,
    Percentiles,
    Placement,
    RedFlagCount,
    SharedGap,
)
from founder_check.content.models import SEVERITY_RANK, Content, Lang
from founder_check.scoring.scorecard import ChapterRef

NO_FLAG = 3
TOP_SHARED_GAPS = 10
TOP_GAPS_PER_FOUNDER = 3
_NAN = math.nan


# where a founder's scorecard JSON waits for its cohort block: (spool file, offset, size of
# the scorecard, size of the one-pager after it)
CardRef = tuple[str, int, int, int]


@dataclass(frozen=True, slots=True)
class FounderSummary:
    """Who a scored founder is and how they scored (scores in content factor order): what
    each record of a scored founder holds."""

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
    below_target: tuple[bool, ...]  # per factor, as `factors`
    weakest: str | None
    red_flags: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class FounderOutcome(FounderSummary):
    """What the cohort needs from one scorecard; `card` says where its JSON is spooled."""

    gaps: tuple[tuple[str, float], ...]  # (question, overall points the best answer adds)
    targets: tuple[float | None, ...]  # the stage's target per factor (content order)
    card: CardRef | None = None

    @property
    def top_gaps(self) -> tuple[str, ...]:
        """The questions of the founder's largest gaps, largest first."""
        return tuple(question for question, _ in self.gaps[:TOP_GAPS_PER_FOUNDER])


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
        # sums in hundredths of a point (scores have one decimal, gap points two): exact, so
        # the statistics do not depend on the order founders are added in
        self.short_sums = [0] * len(self.factor_ids)  # target - score, of those below it
        self.target_sums = [0] * len(self.factor_ids)  # of the founders scored with a target
        self.target_counts = [0] * len(self.factor_ids)
        self.gap_counts: Counter[str] = Counter()
        self.gap_points: Counter[str] = Counter()
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
        for position, (score, target) in enumerate(
            zip(outcome.factors, outcome.targets, strict=True)
        ):
            if score is None or target is None:
                continue
            self.target_sums[position] += round(target * 100)
            self.target_counts[position] += 1
            if outcome.below_target[position]:
                self.short_sums[position] += round((target - score) * 100)
        for question, points in outcome.gaps:
            self.gap_counts[question] += 1
            self.gap_points[question] += round(points * 100)
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
        # counted by score, not sorted copies: memory stays flat for any cohort size
        self.overall_counts = ScoreCounts(tally.overall)
        self.factor_counts = [ScoreCounts(values) for values in tally.factors]
        self._overall_table = self.overall_counts.percentiles()
        self._factor_tables = [
            counts.percentiles() if len(counts) >= MIN_COHORT_FOR_PERCENTILES else {}
            for counts in self.factor_counts
        ]

    def rank_order(self) -> array[int]:
        """Founder indices best first; equal scores keep the processing order."""
        return descending_order(self.tally.overall, self.overall_counts)

    def rank(self, index: int) -> int:
        """1 + how many founders scored higher (equal scores share a rank)."""
        return 1 + self.overall_counts.above(self.tally.overall[index])

    def overall_median(self) -> float | None:
        """The median overall score, rounded as scores are; None for an empty cohort."""
        return round(self.overall_counts.quartiles()[1], 1) if self.size else None

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
        """Per factor, in content order: spread over the founders scored on it, their mean
        target, and how far short those below it fall on average."""
        tally = self.tally
        result = []
        for position, factor in enumerate(tally.content.factors):
            counts = self.factor_counts[position]
            spread: tuple[float | None, ...] = (None,) * 6
            if len(counts):
                spread = tuple(
                    round(v, 1) for v in (counts[0], *counts.quartiles(), counts[-1], counts.mean())
                )
            low, q1, median, q3, high, mean = spread
            targets, below = tally.target_counts[position], tally.below[position]
            result.append(
                FactorStats(
                    id=factor.id,
                    name=factor.name.get(self.lang),
                    founders=len(counts),
                    min=low,
                    q1=q1,
                    median=median,
                    q3=q3,
                    max=high,
                    mean=mean,
                    target=_mean(tally.target_sums[position], targets, 1),
                    below_target=below,
                    shortfall=_mean(tally.short_sums[position], below, 1),
                )
            )
        return result

    def shared_gaps(self, limit: int = TOP_SHARED_GAPS) -> list[SharedGap]:
        """The gaps that cost the cohort's mean overall score most, costliest first (then the
        most founders, then question order); see the module's docstring."""
        tally = self.tally
        content = tally.content
        order = {question.id: place for place, question in enumerate(content.questions)}
        ranked = sorted(
            tally.gap_counts.items(),
            key=lambda item: (-tally.gap_points[item[0]], -item[1], order.get(item[0], 0)),
        )
        gaps = []
        for question_id, count in ranked[:limit]:
            question = content.question_by_id[question_id]
            points = tally.gap_points[question_id]
            gaps.append(
                SharedGap(
                    question=question_id,
                    text=question.text.get(self.lang),
                    founders=count,
                    points_each=_mean(points, count, 2) or 0.0,
                    cohort_points=_mean(points, self.size, 2) or 0.0,
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


def _mean(hundredths: int, count: int, digits: int) -> float | None:
    """A sum kept in hundredths, divided by `count`, rounded; None for no values."""
    return round(hundredths / 100 / count, digits) if count else None


def chapter_ref(content: Content, ref: str, lang: Lang) -> ChapterRef:
    chapter = content.chapter_by_ref[ref]
    return ChapterRef(
        ref=ref,
        doc=chapter.doc,
        section=chapter.section,
        title=chapter.title.get(lang),
    )
