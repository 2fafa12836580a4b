"""Cohort statistics: spreads, ranks, percentiles, shared gaps, red flags."""

from __future__ import annotations

import math
import random
import statistics
from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from founder_check import Content
from founder_check.cohort.aggregate import NO_FLAG, CohortTally, FounderOutcome
from founder_check.cohort.compact import compact_scorecard, founder_outcome
from founder_check.scoring.answers import Answers, parse_answers
from founder_check.scoring.engine import score
from tests.answer_factory import answers_data


def summarize(content: Content, answers: Answers) -> FounderOutcome:
    """The cohort's summary of one founder, as `cohort` makes it (the compact path)."""
    card, outcome, plan = compact_scorecard(
        content, answers, stage=None, lang="en", generated_at=None
    )
    return founder_outcome(card, outcome, plan, source="f.yaml")


def _outcome(
    content: Content,
    overall: float,
    *,
    factors: list[float | None] | None = None,
    flags: tuple[tuple[str, str], ...] = (),
    gaps: tuple[tuple[str, float], ...] = (),
    name: str = "x",
    targets: list[float | None] | None = None,
    below: list[bool] | None = None,
) -> FounderOutcome:
    count = len(content.factors)
    return FounderOutcome(
        source=f"{name}.yaml",
        row=None,
        line=None,
        founder=name,
        company=None,
        stage="seed",
        stage_source="default",
        overall=overall,
        level="validating",
        factors=tuple(factors) if factors is not None else (overall,) * count,
        below_target=tuple(below) if below is not None else (False,) * count,
        weakest=None,
        red_flags=flags,
        gaps=gaps,
        targets=tuple(targets) if targets is not None else (None,) * count,
    )


def test_ranks_share_ties_and_order_keeps_input_order(content: Content) -> None:
    tally = CohortTally(content)
    for overall in (50.0, 70.0, 50.0, 90.0, 10.0):
        tally.add(_outcome(content, overall))
    stats = tally.finish("en")
    order = list(stats.rank_order())
    assert order == [3, 1, 0, 2, 4]
    assert [stats.rank(i) for i in order] == [1, 2, 3, 3, 5]


def test_placement_is_hidden_below_five_founders(content: Content) -> None:
    tally = CohortTally(content)
    for overall in (50.0, 60.0, 70.0, 80.0):
        tally.add(_outcome(content, overall))
    small = tally.finish("en")
    placement = small.placement(0)
    assert (placement.size, placement.rank, placement.percentiles) == (4, None, None)
    tally.add(_outcome(content, 90.0))
    stats = tally.finish("en")
    top = stats.placement(4)
    assert top.rank == 1 and top.percentiles is not None
    assert top.percentiles.overall == 90.0
    assert set(top.percentiles.factors.values()) == {90.0}


def test_factor_percentiles_need_five_founders_scored_on_that_factor(content: Content) -> None:
    first_factor = content.factors[0].id
    for unscored, expected in ((1, 90.0), (2, None)):
        tally = CohortTally(content)
        for number in range(6):
            factors: list[float | None] = [float(number)] * len(content.factors)
            if number < unscored:
                factors[0] = None
            tally.add(_outcome(content, float(number), factors=factors))
        stats = tally.finish("en")
        best = stats.percentiles(5)
        assert best is not None and best.factors[first_factor] == expected
        assert best.factors[content.factors[1].id] == round(100 * 5.5 / 6, 1)
        assert stats.percentiles(0).factors[first_factor] is None  # type: ignore[union-attr]
    spread = stats.factor_stats()[0]
    assert spread.founders == 4 and spread.min == 2.0 and spread.max == 5.0


def test_factor_without_any_score_has_empty_stats(content: Content) -> None:
    tally = CohortTally(content)
    tally.add(_outcome(content, 40.0, factors=[None] * len(content.factors)))
    spread = tally.finish("en").factor_stats()[0]
    assert spread.founders == 0 and spread.median is None and spread.mean is None


def test_shared_gaps_and_red_flags_are_counted(content: Content) -> None:
    questions = [q.id for q in content.questions if q.scored]
    flags = content.red_flags
    assert len(flags) >= 2, "the bundled content has red flags"
    critical = next(f for f in flags if f.severity == "critical")
    minor = next(f for f in flags if f.severity != "critical")
    tally = CohortTally(content)
    tally.add(
        _outcome(
            content,
            50.0,
            gaps=((questions[1], 1.5), (questions[0], 0.5)),
            flags=((minor.id, minor.severity),),
            name="a",
        )
    )
    tally.add(_outcome(content, 60.0, gaps=((questions[1], 0.5),), name="b"))
    tally.add(
        _outcome(
            content,
            70.0,
            gaps=((questions[2], 0.5), (questions[1], 1.0)),
            flags=((critical.id, critical.severity), (minor.id, minor.severity)),
            name="c",
        )
    )
    stats = tally.finish("zh")
    gaps = stats.shared_gaps()
    # ranked by what they cost the cohort's mean; equal costs keep the question order
    assert [(g.question, g.founders, g.points_each, g.cohort_points) for g in gaps] == [
        (questions[1], 3, 1.0, 1.0),
        (questions[0], 1, 0.5, round(0.5 / 3, 2)),
        (questions[2], 1, 0.5, round(0.5 / 3, 2)),
    ]
    assert gaps[0].text == content.question_by_id[questions[1]].text.zh
    assert all(c.ref in content.chapter_by_ref for g in gaps for c in g.chapters)
    counts = stats.red_flag_counts()
    assert [(c.id, c.founders) for c in counts] == [(critical.id, 1), (minor.id, 2)]
    order = stats.rank_order()
    flagged, total = stats.flagged(order, limit=1)
    assert (flagged, total) == ([2], 2)
    assert stats.flagged(order)[0] == [2, 0]
    assert tally.worst_flag[1] == NO_FLAG


@pytest.mark.parametrize("seed", range(3))
def test_summarize_keeps_what_the_cohort_needs(content: Content, seed: int) -> None:
    answers = parse_answers(answers_data(content, rng=random.Random(seed)), content)
    card = score(content, answers)
    outcome = summarize(content, answers)
    assert outcome.overall == card.overall and outcome.level == card.level.id
    assert outcome.factors == tuple(f.score for f in card.factors)
    assert outcome.gaps == tuple((g.question, g.shortfall) for g in card.gaps)
    assert outcome.top_gaps == tuple(g.question for g in card.gaps[:3])
    assert outcome.targets == tuple(f.target for f in card.factors)
    assert outcome.below_target == tuple(bool(f.gap) for f in card.factors)
    assert outcome.red_flags == tuple((h.id, h.severity) for h in card.red_flags)
    scored = [f for f in card.factors if f.score is not None]
    weakest = next(f for f in scored if f.id == outcome.weakest)
    assert all((weakest.gap or 0) >= (f.gap or 0) for f in scored)
    assert not math.isnan(outcome.overall)


def test_a_costly_gap_of_a_few_outranks_a_cheap_gap_of_all(content: Content) -> None:
    """The shortfall, not the share: a gap every founder has at a tenth of a point matters
    less than one half the cohort has at five points each."""
    cheap, costly = [q.id for q in content.questions if q.scored][:2]
    tally = CohortTally(content)
    for number in range(4):
        gaps = ((cheap, 0.1), (costly, 5.0)) if number % 2 else ((cheap, 0.1),)
        tally.add(_outcome(content, 50.0, gaps=gaps, name=str(number)))
    gaps = tally.finish("en").shared_gaps()
    assert [(g.question, g.founders) for g in gaps] == [(costly, 2), (cheap, 4)]
    assert (gaps[0].points_each, gaps[0].cohort_points) == (5.0, 2.5)
    assert (gaps[1].points_each, gaps[1].cohort_points) == (0.1, 0.1)


def test_shared_gap_points_are_the_scorecards_shortfalls(content: Content) -> None:
    """Summed from real scorecards: each founder's `Gap.shortfall`, over those who have it
    (each) and over the cohort (cohort)."""
    founders = [
        parse_answers(answers_data(content, rng=random.Random(seed)), content) for seed in range(8)
    ]
    cards = [score(content, answers) for answers in founders]
    tally = CohortTally(content)
    for answers in founders:
        tally.add(summarize(content, answers))
    for gap in tally.finish("en").shared_gaps():
        points = [g.shortfall for card in cards for g in card.gaps if g.question == gap.question]
        assert gap.founders == len(points) > 0  # rounded to two decimals:
        assert gap.points_each == pytest.approx(math.fsum(points) / len(points), abs=0.0051)
        assert gap.cohort_points == pytest.approx(math.fsum(points) / len(cards), abs=0.0051)


def test_factors_are_measured_against_each_founders_target(content: Content) -> None:
    """Founders at different stages: the target shown is the mean of theirs, and the
    shortfall the mean of (target - score) over those below their own target."""
    count = len(content.factors)
    tally = CohortTally(content)
    rows = [(40.0, 65.0, True), (70.0, 65.0, False), (50.0, 55.0, True), (30.0, None, False)]
    for score_value, target, below in rows:
        factors: list[float | None] = [score_value] * count
        targets: list[float | None] = [target] * count
        tally.add(
            _outcome(content, score_value, factors=factors, targets=targets, below=[below] * count)
        )
    first = tally.finish("en").factor_stats()[0]
    assert first.founders == 4 and first.below_target == 2
    assert first.target == round((65 + 65 + 55) / 3, 1)
    assert first.shortfall == ((65 - 40) + (55 - 50)) / 2
    nobody_below = CohortTally(content)
    nobody_below.add(_outcome(content, 80.0, targets=[50.0] * count))
    top = nobody_below.finish("en").factor_stats()[0]
    assert (top.target, top.below_target, top.shortfall) == (50.0, 0, None)


_SCORE = st.integers(0, 1000).map(lambda tenths: tenths / 10)


@given(st.lists(st.tuples(_SCORE, st.one_of(_SCORE, st.none())), min_size=1, max_size=60))
def test_spreads_ranks_and_percentiles_equal_those_of_sorted_copies(
    content: Content, founders: list[tuple[float, float | None]]
) -> None:
    """Counted by score, the statistics are those of every founder's score sorted: the
    spread as `statistics.quantiles` gives it, ranks as 1 + the founders above."""
    count = len(content.factors)
    tally = CohortTally(content)
    for overall, first in founders:
        tally.add(_outcome(content, overall, factors=[first] + [overall] * (count - 1)))
    stats = tally.finish("en")
    single = [float(array("f", [v])[0]) for v in (overall for overall, _ in founders)]
    firsts = sorted(float(array("f", [v])[0]) for _, v in founders if v is not None)
    spread = stats.factor_stats()[0]
    assert spread.founders == len(firsts)
    if firsts:
        quarters = statistics.quantiles(firsts, n=4, method="inclusive") if len(firsts) > 1 else []
        expected = [firsts[0], *(quarters or [firsts[0]] * 3), firsts[-1]]
        expected.append(math.fsum(firsts) / len(firsts))
        assert [spread.min, spread.q1, spread.median, spread.q3, spread.max, spread.mean] == [
            round(v, 1) for v in expected
        ]
    ordered = sorted(single)
    assert stats.overall_median() == round(statistics.median(ordered), 1)
    for index, value in enumerate(single):
        assert stats.rank(index) == 1 + sum(1 for other in single if other > value)
        placement = stats.percentiles(index)
        if len(single) < 5:
            assert placement is None
            continue
        assert placement is not None
        below = sum(1 for other in single if other < value)
        equal = single.count(value)
        assert placement.overall == round(100.0 * (below + 0.5 * equal) / len(single), 1)
