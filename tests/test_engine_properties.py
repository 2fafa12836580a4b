"""Property tests of the scoring rules in the design (docs: engine.py's docstring)."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from founder_check import Content, load_content
from founder_check.content.models import Question
from founder_check.scoring.answers import Answers
from founder_check.scoring.conditions import applies
from founder_check.scoring.engine import score
from founder_check.scoring.scorecard import Scorecard
from founder_check.scoring.valuation import AnswerValue, answer_value

CONTENT = load_content()
STAGES = [stage.id for stage in CONTENT.stages]
LEVELS = [level.id for level in CONTENT.levels]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def typed_answer(question: Question) -> st.SearchStrategy[AnswerValue]:
    kind = question.kind
    if kind == "single":
        return st.sampled_from([option.id for option in question.options])
    if kind == "multi":
        plain = [o.id for o in question.options if not o.exclusive]
        exclusive = [o.id for o in question.options if o.exclusive]
        subsets = st.lists(st.sampled_from(plain), unique=True).map(tuple)
        return (
            st.one_of(subsets, st.sampled_from(exclusive).map(lambda o: (o,)))
            if exclusive
            else subsets
        )
    if kind == "yesno":
        return st.booleans()
    if kind == "scale":
        assert question.scale is not None
        return st.integers(question.scale.min, question.scale.max)
    if kind == "number":
        assert question.min is not None and question.max is not None
        if question.integer:
            return st.integers(int(question.min), int(question.max))
        return st.floats(question.min, question.max, allow_nan=False)
    return st.text(max_size=20)


@st.composite
def answers_strategy(draw: Any, content: Content = CONTENT) -> Answers:
    """Valid answers: conditions respected, optional questions sometimes skipped."""
    values: dict[str, AnswerValue] = {}
    skipped: list[str] = []
    for question in content.questions:
        if question.when is not None and not applies(question.when, values, content=content):
            continue
        if not question.required and draw(st.booleans()):
            skipped.append(question.id)
            continue
        values[question.id] = draw(typed_answer(question))
    stage = draw(st.sampled_from(STAGES))
    return Answers(founder="P", company="Q", stage=stage, values=values, skipped=tuple(skipped))


def factor_scores(card: Scorecard) -> dict[str, float | None]:
    return {factor.id: factor.score for factor in card.factors}


@SETTINGS
@given(answers_strategy())
def test_scores_are_within_0_and_100(answers: Answers) -> None:
    card = score(CONTENT, answers)
    assert 0 <= card.overall <= 100
    for value in factor_scores(card).values():
        assert value is None or 0 <= value <= 100


@SETTINGS
@given(answers_strategy())
def test_same_answers_same_scorecard(answers: Answers) -> None:
    first = score(CONTENT, answers, generated_at="2026-01-01T00:00:00+00:00")
    second = score(CONTENT, answers, generated_at="2026-01-01T00:00:00+00:00")
    assert first == second


@SETTINGS
@given(answers_strategy(), st.data())
def test_a_better_answer_never_lowers_any_score_or_the_level(answers: Answers, data: Any) -> None:
    scored = [q for q in CONTENT.questions if q.scored and q.id in answers.values]
    question = data.draw(st.sampled_from(scored))
    other = data.draw(typed_answer(question))
    worse, better = sorted(
        [answers.values[question.id], other], key=lambda a: answer_value(question, a)
    )
    # equally valued answers may differ in red flags (two bottom options, two patterns)
    assume(answer_value(question, better) > answer_value(question, worse))
    low = score(
        CONTENT, Answers(stage=answers.stage, values={**answers.values, question.id: worse})
    )
    high = score(
        CONTENT, Answers(stage=answers.stage, values={**answers.values, question.id: better})
    )
    assert high.overall >= low.overall
    assert LEVELS.index(high.level.id) >= LEVELS.index(low.level.id), (
        question.id,
        worse,
        better,
        [hit.id for hit in high.red_flags],
    )
    low_factors, high_factors = factor_scores(low), factor_scores(high)
    for factor_id, low_score in low_factors.items():
        high_score = high_factors[factor_id]
        if low_score is not None:
            assert high_score is not None and high_score >= low_score, factor_id


@SETTINGS
@given(answers_strategy())
def test_every_point_is_traceable(answers: Answers) -> None:
    card = score(CONTENT, answers)
    for factor in card.factors:
        total = sum(result.contributions.get(factor.id, 0.0) for result in card.questions)
        if factor.score is None:
            assert total == 0
        else:
            assert math.isclose(total, factor.score, abs_tol=0.06)
    flag_points = sum(hit.points for hit in card.red_flags)
    assert math.isclose(flag_points, card.red_flag_points, abs_tol=0.05)
    total = sum(r.overall_points for r in card.questions) + flag_points
    assert math.isclose(total, card.overall, abs_tol=0.1)


@SETTINGS
@given(answers_strategy(), st.data())
def test_a_skipped_question_is_coverage_not_zero(answers: Answers, data: Any) -> None:
    full = score(CONTENT, answers)
    counted = [r.id for r in full.questions if r.status == "answered"]
    question = CONTENT.question_by_id[data.draw(st.sampled_from(counted))]
    values = {k: v for k, v in answers.values.items() if k != question.id}
    partial = score(CONTENT, Answers(stage=answers.stage, values=values))
    result = next(r for r in partial.questions if r.id == question.id)
    assert result.status == "skipped" and result.value is None and result.contributions == {}
    assert question.id in partial.coverage.skipped
    assert partial.coverage.answered == full.coverage.answered - 1
    assert partial.coverage.weighted < full.coverage.weighted


def test_skipping_among_perfect_answers_keeps_a_perfect_score() -> None:
    """A skipped question is left out of the mean: with every other answer perfect, 100."""
    best = {q.id: _best(q) for q in CONTENT.questions if q.scored and q.when is None}
    for question_id in best:
        values = {k: v for k, v in best.items() if k != question_id}
        card = score(CONTENT, Answers(stage="growth", values=values))
        assert card.overall == 100, question_id
        assert all(f.score in (None, 100) for f in card.factors)
        assert card.coverage.weighted < 1


def _best(question: Question) -> AnswerValue:
    if question.kind == "number":
        band = max(question.bands, key=lambda b: b.value)
        return band.from_
    if question.kind == "multi":
        return tuple(o.id for o in question.options if not o.exclusive)
    choice, _ = max(question.choices(), key=lambda c: c[1])
    if question.kind == "yesno":
        return choice == "yes"
    if question.kind == "scale":
        return int(choice)
    return choice
