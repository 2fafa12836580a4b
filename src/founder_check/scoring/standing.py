"""Where answers stand (overall score, red flags, readiness level) without a scorecard.

The planner tries many what-if answers for each founder; building a whole scorecard for each
(texts, gaps, chapters) would cost dearly. A `State` is the compiled scoring plan's outcome
for a set of answers (`scoring.plan`, the one implementation of the rules), reduced to the
numbers that decide the level, with the factor sums the planner's estimates start from.
The `Model` adds what the planner reasons with: the rules' conditions, to find the answers
that would meet a must-have or clear a red flag.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from founder_check.content.models import (
    SEVERITY_RANK,
    Condition,
    Content,
    Severity,
    Stage,
)
from founder_check.scoring.conditions import Test, compile_condition
from founder_check.scoring.plan import scoring_plan
from founder_check.scoring.valuation import AnswerValue, value_function

Values = Mapping[str, AnswerValue]
Scores = dict[str, float | None]
Sums = dict[str, float]


class Standing(NamedTuple):
    """The numbers a readiness level is made of, for one set of answers."""

    overall: float  # the weighted mean less the red flags' points, as the engine reports it
    level: int  # rank of the level told: the lowest of score, gate and flag levels
    flags: frozenset[str]  # ids of the red flags that hold
    unmet: frozenset[tuple[int, int]]  # (level rank, index) of the must-haves not met
    known: Scores  # factor scores without the "not sure" answers: what rules test


class State(NamedTuple):
    """Answers, their factor sums and their standing. Treat `values` as read-only."""

    values: Mapping[str, AnswerValue]
    known_totals: Sums  # weighted values of the real answers, per factor
    known_weights: Sums
    totals: Sums  # the same with the "not sure" answers
    weights: Sums
    standing: Standing


class ScoredQuestion(NamedTuple):
    """A question that counts in the score at this stage."""

    id: str
    when: Test | None
    terms: tuple[tuple[str, float], ...]  # (factor, weight in the factor)
    value_of: Callable[[AnswerValue], float]


class FlagRule(NamedTuple):
    id: str
    severity: Severity
    condition: Condition
    test: Test
    cap: int | None  # rank of the highest level it allows; None: it caps nothing


class LevelRule(NamedTuple):
    id: str
    min_score: float
    requires: tuple[tuple[Condition, Test], ...]


class Model:
    """The content's scoring rules at one stage, as the planner reasons with them; the
    numbers come from the scoring plan."""

    def __init__(self, content: Content, stage: Stage) -> None:
        rank = content.stage_rank[stage.id]
        self.stage = stage.id
        self.factor_ids = tuple(f.id for f in content.factors)
        self.factor_weights = {f.id: stage.weights.get(f.id, f.weight) for f in content.factors}
        self.scored = tuple(
            ScoredQuestion(
                id=question.id,
                when=None
                if question.when is None
                else compile_condition(question.when, content).test,
                terms=tuple(question.factors.items()),
                value_of=value_function(question),
            )
            for question in content.questions
            if question.scored
            and (question.from_stage is None or content.stage_rank[question.from_stage] <= rank)
        )
        self.scored_by_id = {item.id: item for item in self.scored}
        level_rank = {level.id: index for index, level in enumerate(content.levels)}
        flags = sorted(content.red_flags, key=lambda flag: (SEVERITY_RANK[flag.severity], flag.id))
        self.flags = tuple(
            FlagRule(
                id=flag.id,
                severity=flag.severity,
                condition=flag.when,
                test=compile_condition(flag.when, content).test,
                cap=(
                    level_rank[content.red_flag_caps[flag.severity]]
                    if flag.severity in content.red_flag_caps
                    else None
                ),
            )
            for flag in flags
        )
        self.flag_by_id = {flag.id: flag for flag in self.flags}
        self.levels = tuple(
            LevelRule(
                id=level.id,
                min_score=level.min_score,
                requires=tuple(
                    (requirement.when, compile_condition(requirement.when, content).test)
                    for requirement in level.requires
                ),
            )
            for level in content.levels
        )
        self.plan = scoring_plan(content, stage)

    def state(self, values: Values) -> State:
        """The answers' standing and factor sums, as the scoring plan finds them."""
        outcome = self.plan.evaluate(values)
        factor_ids = self.factor_ids
        flags = self.plan.flags
        standing = Standing(
            overall=outcome.overall,
            level=outcome.level,
            flags=frozenset(flags[index].id for index in outcome.flags),
            unmet=frozenset(
                (rank, index) for rank, missing in enumerate(outcome.unmet) for index in missing
            ),
            known=outcome.known_scores,
        )
        return State(
            values,
            dict(zip(factor_ids, outcome.known_totals, strict=True)),
            dict(zip(factor_ids, outcome.known_denominators, strict=True)),
            dict(zip(factor_ids, outcome.totals, strict=True)),
            dict(zip(factor_ids, outcome.denominators, strict=True)),
            standing,
        )

    def change(self, state: State, question_id: str, answer: AnswerValue) -> State:
        """The state with one answer changed."""
        return self.state({**state.values, question_id: answer})

    def known_after(self, state: State, question_id: str, answer: AnswerValue) -> Scores:
        """The factor scores without "not sure" answers once one answer is changed."""
        return self.change(state, question_id, answer).standing.known

    def unmet(self, standing: Standing, up_to: int) -> list[Condition]:
        """The must-haves of the levels up to rank `up_to` that are not met, lowest first."""
        return [
            self.levels[rank].requires[index][0]
            for rank, index in sorted(standing.unmet)
            if rank <= up_to
        ]

    def blocking(self, standing: Standing, below: int) -> list[FlagRule]:
        """The red flags that hold and cap the level below rank `below`."""
        return [
            self.flag_by_id[flag_id]
            for flag_id in sorted(standing.flags)
            if (cap := self.flag_by_id[flag_id].cap) is not None and cap < below
        ]


def model(content: Content, stage: Stage) -> Model:
    """The model of `content` at `stage`, built once and kept on the content."""
    return content.remember(("standing-model", stage.id), lambda: Model(content, stage))
