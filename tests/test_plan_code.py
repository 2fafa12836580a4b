"""The scoring plan's generated code (`scoring.plan_code`) computes what the rules say, to
the last bit: it is checked against the same arithmetic written as plain loops over the
plan (the form the plan ran in before its code was generated), on random profiles with
answers left out and "not sure" answers, at every stage.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Mapping, Sequence
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from founder_check import Content
from founder_check.content.models import UNKNOWN
from founder_check.scoring.answers import parse_answers
from founder_check.scoring.plan import PlanQuestion, ScoringPlan, _means, scoring_plan
from founder_check.scoring.plan_code import STRENGTH_VALUE, _Writer
from founder_check.scoring.valuation import AnswerValue
from tests.scoring_reference import random_profiles


def loop_read(plan: ScoringPlan, values: Mapping[str, AnswerValue]) -> tuple[Any, ...]:
    """`read`, as loops over the plan's questions."""
    statuses: list[str | None] = [None] * len(plan.questions)
    answer_values: list[float | None] = [None] * len(plan.questions)
    count = len(plan.factor_ids)
    totals, weights = [0.0] * count, [0.0] * count
    possible = got = 0.0
    unknowns: list[tuple[PlanQuestion, float]] = []
    for index, item in enumerate(plan.questions):
        statuses[index] = {0: None, 1: "not_expected", 2: "unscored"}[item.static]
        if item.when is not None and not item.when(values, None, None):
            statuses[index] = "not_applicable"
    for index, item in enumerate(plan.questions):
        if item.static or statuses[index] is not None:
            continue
        for stage_weighted in item.stage_weights:
            possible += stage_weighted
        raw = values.get(item.id)
        if raw is None:
            statuses[index] = "skipped"
            continue
        value = item.value_of(raw)
        answer_values[index] = value
        if raw == UNKNOWN:
            statuses[index] = "unknown"
            unknowns.append((item, value))
            continue
        statuses[index] = "answered"
        for stage_weighted in item.stage_weights:
            got += stage_weighted
        for factor, weight in item.terms:
            totals[factor] += weight * value
            weights[factor] += weight
    all_totals, all_weights = list(totals), list(weights)
    for item, value in unknowns:
        for factor, weight in item.terms:
            all_totals[factor] += weight * value
            all_weights[factor] += weight
    return statuses, answer_values, totals, weights, all_totals, all_weights, possible, got


def loop_rank(
    plan: ScoringPlan,
    statuses: Sequence[str | None],
    answer_values: Sequence[float | None],
    scores: Sequence[float | None],
    weights: Sequence[float],
    share: Sequence[float],
) -> tuple[list[Any], list[Any]]:
    """`rank`, as loops over the plan's questions."""
    below = {
        factor
        for factor, (target, score) in enumerate(zip(plan.targets, scores, strict=True))
        if target is not None and score is not None and target - score > 0
    }
    gaps, strengths = [], []
    for index, item in enumerate(plan.questions):
        value = answer_values[index]
        if statuses[index] != "answered" or value is None:
            continue
        if value >= STRENGTH_VALUE:
            points = 0.0
            for factor, weight in item.terms:
                points += 100.0 * weight * value / weights[factor] * share[factor]
            strengths.append((-points, item.id, index))
        if value < 1.0 and not below.isdisjoint(factor for factor, _ in item.terms):
            shortfall = 0.0
            for factor, weight in item.terms:
                shortfall += 100.0 * weight * (1.0 - value) / weights[factor] * share[factor]
            gaps.append((-round(shortfall, 2), item.id, index))
    return gaps, strengths


def _bits(value: Any) -> Any:
    """A value with every float as its bytes, so that == compares floats to the bit."""
    if isinstance(value, float):
        return struct.pack("<d", value)
    if isinstance(value, list | tuple):
        return [_bits(item) for item in value]
    return value


def test_the_generated_code_matches_the_loops_to_the_bit(content: Content) -> None:
    profiles = random_profiles(content, 300, seed=31)
    unknowns = 0
    for index, data in enumerate(profiles):
        answers = parse_answers(data, content, source="profile")
        stage = content.stages[index % len(content.stages)]
        plan = scoring_plan(content, stage)
        values = answers.values
        read = plan.code.read(values)
        assert _bits(list(read)) == _bits(list(loop_read(plan, values)))
        unknowns += any(status == "unknown" for status in read[0])
        scores = _means(read[4], read[5])
        total = sum(w for w, s in zip(plan.weights, scores, strict=True) if s is not None)
        share = tuple(w / total if total > 0 else 0.0 for w in plan.weights)
        ranked = plan.code.rank(read[0], read[1], scores, read[5], share)
        assert _bits(ranked) == _bits(loop_rank(plan, read[0], read[1], scores, read[5], share))
    assert unknowns > 30, "the profiles should exercise the 'not sure' path"


def test_the_source_names_each_question_the_stage_expects(content: Content) -> None:
    for stage in content.stages:
        plan = scoring_plan(content, stage)
        for item in plan.questions:
            assert (f"get({item.id!r})" in plan.code.source) == (not item.static)


@given(st.floats())
def test_a_number_reads_back_as_the_same_float(number: float) -> None:
    writer = _Writer()
    text = writer.number(number)
    back = eval(text, dict(writer.names))  # the writer's own output
    if math.isnan(number):
        assert math.isnan(back)
    else:
        assert struct.pack("<d", back) == struct.pack("<d", number)
