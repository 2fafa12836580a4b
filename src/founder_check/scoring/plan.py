"""The compiled scoring plan: the rules of one stage, ready to score a founder in a few
dozen microseconds with lookups and arithmetic.

Everything that depends only on the content and the stage (which questions count, their
weights times the stage's factor weights, option values, the compiled `when`, red-flag
and gate conditions, flag points and caps) is worked out once by `scoring_plan` and kept on
the content; the arithmetic over the questions is generated as straight-line code
(`plan_code`). `ScoringPlan.evaluate` then turns one founder's answers into an `Outcome`:
numbers and indices only, no texts and no model objects. This is the one implementation of
the scoring rules: the engine builds a full scorecard around an outcome (adding texts in a
language), the planner rescores what-if answers with it, and a cohort writes outcomes by id.

The rules themselves are documented in `engine` and proved by the property tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from founder_check.content.models import (
    SEVERITY_RANK,
    UNKNOWN,
    Content,
    Question,
    Severity,
    Stage,
)
from founder_check.scoring.conditions import Test, compile_condition
from founder_check.scoring.plan_code import PlanCode, PlanQuestion, compile_plan_code
from founder_check.scoring.valuation import AnswerValue, unknown_value, value_function

if TYPE_CHECKING:
    from founder_check.scoring.answers import Answers
    from founder_check.scoring.scorecard import StageSource

MAX_STRENGTHS = 5
TOP_GAPS_FOR_READING = 5  # chapters behind the red flags first, then these largest gaps
MAX_RECOMMENDED_CHAPTERS = 8
# statuses of questions that do not count in a founder's coverage
NOT_COUNTED = frozenset({"not_applicable", "not_expected", "unscored"})

# a question's status before its answer is looked at
_ASKED, _NOT_EXPECTED, _UNSCORED = 0, 1, 2
_STATIC_STATUS = {_ASKED: None, _NOT_EXPECTED: "not_expected", _UNSCORED: "unscored"}


@dataclass(frozen=True, slots=True)
class PlanFlag:
    id: str
    severity: Severity
    test: Test
    points: float  # what the flag takes off the overall, before the cap
    cap: int | None  # rank of the highest level it allows


@dataclass(frozen=True, slots=True)
class Outcome:
    """One founder scored: every number a scorecard shows, by index into the plan.

    `overall` and the factor scores are unrounded; rounding is the scorecard's business.
    """

    statuses: tuple[str, ...]  # per question: answered, unknown, skipped, not_applicable, ...
    values: tuple[float | None, ...]  # per question: the answer's value, when it has one
    factor_scores: tuple[float | None, ...]  # per factor, "not sure" answers included
    known_scores: dict[str, float | None]  # per factor id, without them: what rules test
    totals: list[float]  # per factor: weight x value of the answers in its mean
    denominators: list[float]  # per factor: the weights of the answers in its mean
    known_totals: list[float]  # the same without the "not sure" answers
    known_denominators: list[float]
    share: tuple[float, ...]  # per factor: overall points per factor point
    mean: float  # the weighted mean of the factor scores
    overall: float  # the mean less the red flags' points
    flags: tuple[int, ...]  # indices into plan.flags of the rules that hold, report order
    flag_points: tuple[float, ...]  # what each of them took (negative, rounded to 0.01)
    score_level: int  # ranks into content.levels
    gate_level: int
    flag_cap: int
    level: int
    unmet: Unmet  # per level: the indices of its unmet must-haves
    gaps: tuple[tuple[int, float], ...]  # (question index, shortfall), largest first
    strengths: tuple[tuple[int, float], ...]  # (question index, overall points), top first
    weighted: float  # the applicable question weight answered, 0..1


Unmet = tuple[tuple[int, ...], ...]


def _means(totals: list[float], denominators: list[float]) -> list[float | None]:
    """Each factor's weighted mean of its answers' values, times 100 (None: no answer)."""
    return [
        100.0 * total / denominator if denominator > 0 else None
        for total, denominator in zip(totals, denominators, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class ScoringPlan:
    stage: Stage
    questions: tuple[PlanQuestion, ...]
    factor_ids: tuple[str, ...]
    weights: tuple[float, ...]  # per factor, the stage's weight
    targets: tuple[float | None, ...]
    flags: tuple[PlanFlag, ...]  # most severe first, then by id: the report's order
    flag_points_max: float | None
    gates: tuple[tuple[Test, ...], ...]  # per level, lowest first: its must-haves
    min_scores: tuple[float, ...]  # per level
    code: PlanCode  # the arithmetic of `questions`, compiled (`plan_code`)

    def evaluate(self, values: Mapping[str, AnswerValue]) -> Outcome:
        """Score one founder's typed answers (as `Answers.values` holds them)."""
        read = self.code.read(values)
        known = _means(read.known_totals, read.known_weights)
        # "not sure" answers count in the factors, not in the rules
        scores = known if read.totals is read.known_totals else _means(read.totals, read.weights)
        weight_sum = weighted_sum = 0.0
        for weight, factor_score in zip(self.weights, scores, strict=True):
            if factor_score is not None:
                weight_sum += weight
                weighted_sum += weight * factor_score
        mean = weighted_sum / weight_sum if weight_sum > 0 else 0.0
        share = tuple(w / weight_sum if weight_sum > 0 else 0.0 for w in self.weights)
        known_scores = dict(zip(self.factor_ids, known, strict=True))
        hits, overall, flag_points, ranks, unmet = self._standing(values, known_scores, mean)
        gaps, strengths = self.code.rank(read.statuses, read.values, scores, read.weights, share)
        gaps.sort()
        strengths.sort()
        return Outcome(
            statuses=tuple(read.statuses),  # type: ignore[arg-type]  # every one is set
            values=tuple(read.values),
            factor_scores=tuple(scores),
            known_scores=known_scores,
            totals=read.totals,
            denominators=read.weights,
            known_totals=read.known_totals,
            known_denominators=read.known_weights,
            share=share,
            mean=mean,
            overall=overall,
            flags=hits,
            flag_points=flag_points,
            score_level=ranks[0],
            gate_level=ranks[1],
            flag_cap=ranks[2],
            level=min(ranks),
            unmet=unmet,
            gaps=tuple((index, -shortfall) for shortfall, _, index in gaps),
            strengths=tuple((index, -points) for points, _, index in strengths[:MAX_STRENGTHS]),
            weighted=read.got / read.possible if read.possible > 0 else 0.0,
        )

    def _standing(
        self, values: Mapping[str, AnswerValue], known_scores: dict[str, float | None], mean: float
    ) -> tuple[tuple[int, ...], float, tuple[float, ...], tuple[int, int, int], Unmet]:
        """The red flags that hold, the overall score after their points, the score, gate
        and flag levels, and each level's unmet must-haves."""
        stage_id = self.stage.id
        hits = tuple(
            index
            for index, flag in enumerate(self.flags)
            if flag.test(values, known_scores, stage_id)
        )
        overall, flag_points = self._take_flag_points(mean, hits)
        score_level = 0
        for rank, minimum in enumerate(self.min_scores):
            if overall >= minimum:
                score_level = rank
        unmet = tuple(
            tuple(i for i, test in enumerate(gate) if not test(values, known_scores, stage_id))
            for gate in self.gates
        )
        gate_level = 0
        for rank, missing in enumerate(unmet):
            if missing:
                break
            gate_level = rank
        flag_cap = len(self.min_scores) - 1
        for index in hits:
            cap = self.flags[index].cap
            if cap is not None and cap < flag_cap:
                flag_cap = cap
        return hits, overall, flag_points, (score_level, gate_level, flag_cap), unmet

    def blocking(self, outcome: Outcome, below: int) -> list[int]:
        """The red flags that hold and cap the level below rank `below` (indices into
        `flags`, in their order)."""
        return [
            index
            for index in outcome.flags
            if (cap := self.flags[index].cap) is not None and cap < below
        ]

    def _take_flag_points(
        self, mean: float, hits: tuple[int, ...]
    ) -> tuple[float, tuple[float, ...]]:
        """The overall score less the points of the triggered red flags (their sum capped at
        the content's maximum, and never below 0), and what each flag took.

        A decisive fact costs points as well as holding the level down: a company whose cash
        runs out next quarter is weaker than the mean of its other answers says.
        """
        wanted = [self.flags[index].points for index in hits]
        total = sum(wanted)
        if total <= 0:
            return mean, tuple(0.0 for _ in hits)
        taken = min(total, mean)
        if self.flag_points_max is not None:
            taken = min(taken, self.flag_points_max)
        return mean - taken, tuple(-round(points * taken / total, 2) for points in wanted)


def factor_gap(score: float | None, target: float | None) -> float | None:
    """How far a factor's score falls short of the stage's target (0 at or above it), as
    every report gives it: one decimal, taken from the score as shown (to one decimal), so
    that score plus gap is the target; None without a score or a target."""
    if score is None or target is None:
        return None
    return round(max(0.0, target - round(score, 1)), 1)


def pick_stage(content: Content, answers: Answers, stage: str | None) -> tuple[Stage, StageSource]:
    """The stage to score at: `--stage`, else the answers' own, else the content's default."""
    if stage is not None:
        return content.stage_by_id[stage], "option"
    if answers.stage is not None:
        return content.stage_by_id[answers.stage], "answers"
    return content.stage_by_id[content.default_stage], "default"


def reading_reasons(
    flags: Iterable[tuple[str, Sequence[str]]], gaps: Iterable[tuple[str, Sequence[str]]]
) -> list[tuple[str, list[str]]]:
    """The chapters to read, each once with the red flags and gap questions that point to
    it: behind the red flags first, then behind the largest gaps ((id, chapter refs) each,
    in report order)."""
    reasons: dict[str, list[str]] = {}
    for flag_id, chapters in flags:
        for ref in chapters:
            reasons.setdefault(ref, []).append(flag_id)
    for question_id, chapters in islice(gaps, TOP_GAPS_FOR_READING):
        for ref in chapters:
            reasons.setdefault(ref, []).append(question_id)
    return list(reasons.items())[:MAX_RECOMMENDED_CHAPTERS]


def scoring_plan(content: Content, stage: Stage) -> ScoringPlan:
    """The plan of one stage, compiled once per content (kept in `content.memo`)."""
    return content.remember(("scoring-plan", stage.id), lambda: _compile(content, stage))


def _compile(content: Content, stage: Stage) -> ScoringPlan:
    rank = content.stage_rank[stage.id]
    factor_ids = tuple(f.id for f in content.factors)
    factor_index = {factor_id: index for index, factor_id in enumerate(factor_ids)}
    weights = {f.id: stage.weights.get(f.id, f.weight) for f in content.factors}
    targets = tuple(stage.targets.get(f) for f in factor_ids)
    questions = []
    for question in content.questions:
        static = _ASKED
        if question.from_stage is not None and content.stage_rank[question.from_stage] > rank:
            static = _NOT_EXPECTED
        elif not question.scored:
            static = _UNSCORED
        terms = tuple(
            (factor_index[factor_id], weight) for factor_id, weight in question.factors.items()
        )
        questions.append(
            PlanQuestion(
                id=question.id,
                static=static,
                when=None
                if question.when is None
                else compile_condition(question.when, content).test,
                terms=terms,
                stage_weights=tuple(w * weights[f] for f, w in question.factors.items()),
                value_of=value_function(question),
                table=_single_table(question),
            )
        )
    return ScoringPlan(
        stage=stage,
        questions=tuple(questions),
        factor_ids=factor_ids,
        weights=tuple(weights[f] for f in factor_ids),
        targets=targets,
        flags=_flags(content),
        flag_points_max=content.red_flag_points_max,
        gates=tuple(
            tuple(compile_condition(r.when, content).test for r in level.requires)
            for level in content.levels
        ),
        min_scores=tuple(level.min_score for level in content.levels),
        code=compile_plan_code(
            questions,
            [_STATIC_STATUS[item.static] for item in questions],
            len(factor_ids),
            targets,
        ),
    )


def _flags(content: Content) -> tuple[PlanFlag, ...]:
    """The red-flag rules, most severe first, then by id: the order reports list them in."""
    level_rank = {level.id: index for index, level in enumerate(content.levels)}
    caps = {severity: level_rank[level_id] for severity, level_id in content.red_flag_caps.items()}
    flags = sorted(content.red_flags, key=lambda flag: (SEVERITY_RANK[flag.severity], flag.id))
    return tuple(
        PlanFlag(
            id=flag.id,
            severity=flag.severity,
            test=compile_condition(flag.when, content).test,
            points=content.red_flag_points.get(flag.severity, 0.0),
            cap=caps.get(flag.severity),
        )
        for flag in flags
    )


def _single_table(question: Question) -> dict[str, float] | None:
    """A single-choice question's values by option id ("not sure" included), which is
    what `value_function` looks up; None for other kinds."""
    if question.kind != "single":
        return None
    table = {option.id: option.value for option in question.options}
    if question.scored:
        table[UNKNOWN] = unknown_value(question)
    return table
