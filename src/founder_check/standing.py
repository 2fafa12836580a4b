"""Where answers stand (overall score, red flags, readiness level) without a scorecard.

The planner tries many what-if answers for each founder; building a whole scorecard for each
(texts, gaps, chapters) would cost a cohort dearly. This module computes only the numbers that
decide the level, by the engine's rules: `state` from scratch, in the engine's order of
summation (its overall score is the engine's to the last bit; tests/test_planner.py checks
it), and `change` from a state by one answer, updating the sums and re-testing only what
the change can turn: the red flags that held, the must-haves that were missing, and the rules
that look at the changed answer or at a factor it feeds (a rule looking at neither cannot
turn); after a skipped or "not sure" answer, everything. The planner confirms its finished
plan with the engine itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from founder_check.conditions import Test, compile_condition, questions_in
from founder_check.content.models import (
    SEVERITY_RANK,
    UNKNOWN,
    Condition,
    Content,
    Severity,
    Stage,
)
from founder_check.valuation import AnswerValue, value_function

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
    points: float
    cap: int | None  # rank of the highest level it allows; None: it caps nothing


class LevelRule(NamedTuple):
    id: str
    min_score: float
    requires: tuple[tuple[Condition, Test], ...]


class Model:
    """The content's scoring rules at one stage, ready to apply to any answers."""

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
        # answers that decide whether other questions are asked: changing one starts afresh
        self.triggers = frozenset(
            question_id
            for question in content.questions
            if question.when is not None
            for question_id in questions_in(question.when)
        )
        level_rank = {level.id: index for index, level in enumerate(content.levels)}
        flags = sorted(content.red_flags, key=lambda flag: (SEVERITY_RANK[flag.severity], flag.id))
        self.flags = tuple(
            FlagRule(
                id=flag.id,
                severity=flag.severity,
                condition=flag.when,
                test=compile_condition(flag.when, content).test,
                points=content.red_flag_points.get(flag.severity, 0.0),
                cap=(
                    level_rank[content.red_flag_caps[flag.severity]]
                    if flag.severity in content.red_flag_caps
                    else None
                ),
            )
            for flag in flags
        )
        self.flag_by_id = {flag.id: flag for flag in self.flags}
        self.points_max = content.red_flag_points_max
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
        self.requirements = tuple(
            (rank, index)
            for rank, level in enumerate(self.levels)
            for index in range(len(level.requires))
        )
        # what a change of one answer can turn: the rules that name it or test its factors
        flag_looks = [(flag.id, _looks_at(flag.condition)) for flag in self.flags]
        requirement_looks = [
            (key, _looks_at(self.levels[key[0]].requires[key[1]][0])) for key in self.requirements
        ]
        self.flags_of: dict[str, frozenset[str]] = {}
        self.requirements_of: dict[str, frozenset[tuple[int, int]]] = {}
        for question in content.questions:
            factors = set(question.factors)
            self.flags_of[question.id] = frozenset(
                flag_id
                for flag_id, (questions, tested) in flag_looks
                if question.id in questions or not tested.isdisjoint(factors)
            )
            self.requirements_of[question.id] = frozenset(
                key
                for key, (questions, tested) in requirement_looks
                if question.id in questions or not tested.isdisjoint(factors)
            )

    def state(self, values: Values) -> State:
        """The answers' sums and standing from scratch, summed as the engine sums them: the
        real answers in questionnaire order, then the "not sure" ones onto them."""
        totals = dict.fromkeys(self.factor_ids, 0.0)
        weights = dict.fromkeys(self.factor_ids, 0.0)
        unknown: list[ScoredQuestion] = []
        for item in self.scored:
            raw = values.get(item.id)
            if raw is None or (item.when is not None and not item.when(values, None, None)):
                continue
            if raw == UNKNOWN:
                unknown.append(item)
                continue
            value = item.value_of(raw)
            for factor_id, weight in item.terms:
                totals[factor_id] += weight * value
                weights[factor_id] += weight
        known_totals, known_weights = dict(totals), dict(weights)
        for item in unknown:
            value = item.value_of(UNKNOWN)
            for factor_id, weight in item.terms:
                totals[factor_id] += weight * value
                weights[factor_id] += weight
        standing = self._standing(
            values, known_totals, known_weights, totals, weights, self.flags, self.requirements
        )
        return State(values, known_totals, known_weights, totals, weights, standing)

    def change(self, state: State, question_id: str, answer: AnswerValue) -> State:
        """The state with one answer changed (to a real answer), updated from `state`."""
        values = {**state.values, question_id: answer}
        old = state.values.get(question_id)
        if question_id in self.triggers or answer == UNKNOWN:
            return self.state(values)
        sums = self._sums_after(state, question_id, old, answer)
        previous = state.standing
        if old is None or old == UNKNOWN:  # a new fact: test everything
            flags, requirements = self.flags, self.requirements
        else:
            turnable = previous.flags | self.flags_of[question_id]
            flags = tuple(flag for flag in self.flags if flag.id in turnable)
            requirements = tuple(sorted(previous.unmet | self.requirements_of[question_id]))
        standing = self._standing(values, *sums, flags, requirements)
        return State(values, *sums, standing)

    def known_after(self, state: State, question_id: str, answer: AnswerValue) -> Scores:
        """The factor scores without "not sure" answers once one answer is changed."""
        if question_id in self.triggers:
            return self.state({**state.values, question_id: answer}).standing.known
        known_totals, known_weights, _, _ = self._sums_after(
            state, question_id, state.values.get(question_id), answer
        )
        return _scores(known_totals, known_weights)

    def _sums_after(
        self, state: State, question_id: str, old: AnswerValue | None, answer: AnswerValue
    ) -> tuple[Sums, Sums, Sums, Sums]:
        known_totals, known_weights = dict(state.known_totals), dict(state.known_weights)
        totals, weights = dict(state.totals), dict(state.weights)
        item = self.scored_by_id.get(question_id)
        if item is None or (item.when is not None and not item.when(state.values, None, None)):
            return known_totals, known_weights, totals, weights
        new = item.value_of(answer)
        for factor_id, weight in item.terms:
            if old is None:
                totals[factor_id] += weight * new
                weights[factor_id] += weight
            else:
                totals[factor_id] += weight * (new - item.value_of(old))
            if old is None or old == UNKNOWN:
                known_totals[factor_id] += weight * new
                known_weights[factor_id] += weight
            else:
                known_totals[factor_id] += weight * (new - item.value_of(old))
        return known_totals, known_weights, totals, weights

    def _standing(
        self,
        values: Values,
        known_totals: Sums,
        known_weights: Sums,
        totals: Sums,
        weights: Sums,
        flags: tuple[FlagRule, ...],
        requirements: tuple[tuple[int, int], ...],
    ) -> Standing:
        known = _scores(known_totals, known_weights)
        unchanged = weights == known_weights and totals == known_totals  # nothing "not sure"
        scores = known if unchanged else _scores(totals, weights)
        factor_weights = self.factor_weights
        weight_sum = sum(factor_weights[f] for f, s in scores.items() if s is not None)
        mean = (
            sum(factor_weights[f] * s for f, s in scores.items() if s is not None) / weight_sum
            if weight_sum > 0
            else 0.0
        )
        stage = self.stage
        hits = [flag for flag in flags if flag.test(values, known, stage)]
        overall = mean
        total = sum(flag.points for flag in hits)
        if total > 0:
            taken = min(total, mean)
            if self.points_max is not None:
                taken = min(taken, self.points_max)
            overall = mean - taken
        score_level = 0
        for index, level in enumerate(self.levels):
            if overall >= level.min_score:
                score_level = index
        levels = self.levels
        unmet = frozenset(
            (rank, index)
            for rank, index in requirements
            if not levels[rank].requires[index][1](values, known, stage)
        )
        gate_level = min((rank for rank, _ in unmet), default=len(levels)) - 1
        flag_cap = len(levels) - 1
        for flag in hits:
            if flag.cap is not None:
                flag_cap = min(flag_cap, flag.cap)
        return Standing(
            overall=overall,
            level=max(0, min(score_level, gate_level, flag_cap)),
            flags=frozenset(flag.id for flag in hits),
            unmet=unmet,
            known=known,
        )

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


def _looks_at(condition: Condition) -> tuple[frozenset[str], frozenset[str]]:
    """The questions and the factors a condition tests."""
    nodes = condition.walk()
    return (
        frozenset(node.question for node in nodes if node.question is not None),
        frozenset(node.factor for node in nodes if node.factor is not None),
    )


def model(content: Content, stage: Stage) -> Model:
    """The model of `content` at `stage`, built once and kept on the content."""
    key = ("standing-model", stage.id)
    cached = content.memo.get(key)
    if cached is None:
        cached = content.memo[key] = Model(content, stage)
    result: Model = cached
    return result


def _scores(totals: Sums, weights: Sums) -> Scores:
    return {f: (100.0 * totals[f] / weights[f] if weights[f] > 0 else None) for f in totals}
