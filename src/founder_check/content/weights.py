"""How much each success factor counts at each stage (`founder-check content weights`).

`stage_weights(content)` gives, for every stage and every factor, the weight as a share of
the stage's total, the target, the overall points the factor can move and how many scored
questions feed it there. Pure: no printing, no I/O; `report.weights` renders the rows.

The overall score is the mean of the factor scores weighted by the stage's weights, over the
factors that have an answer (`engine.score`). With every factor answered, a factor's score
therefore moves the overall score by `share x score / 100`, so between a factor score of 0
and of 100 the overall score moves by `share x 100` points: the `points` column. A factor
that no scored question feeds at a stage can never be answered there: it moves nothing and
the other factors' points are taken over the factors that can be answered (as the engine
does), so the points of a stage always add up to 100.
"""

from __future__ import annotations

from dataclasses import dataclass

from founder_check.content.models import Content, Question, Stage


@dataclass(frozen=True)
class FactorWeight:
    """One factor at one stage."""

    factor: str  # factor id
    weight: float  # the stage's weight as written (the factor's default if the stage omits it)
    share: float  # the weight as a percentage of the stage's total weight, 0-100
    target: float | None  # the score (0-100) expected at this stage; None: the stage sets none
    points: float  # overall points between this factor at 0 and at 100, every factor answered
    questions: int  # scored questions that feed the factor at this stage


@dataclass(frozen=True)
class StageWeights:
    """Every factor at one stage, in the content's factor order."""

    stage: str  # stage id
    factors: tuple[FactorWeight, ...]
    questions: int  # distinct scored questions at this stage (a question may feed several)

    def factor(self, factor_id: str) -> FactorWeight:
        for row in self.factors:
            if row.factor == factor_id:
                return row
        raise KeyError(factor_id)


def counts_at(content: Content, question: Question, stage: Stage) -> bool:
    """Whether a question is scored at this stage: it feeds a factor and its `from_stage`
    (if any) is this stage or an earlier one. Conditional questions count: they feed their
    factors whenever they apply."""
    if not question.scored:
        return False
    if question.from_stage is None:
        return True
    return content.stage_rank[question.from_stage] <= content.stage_rank[stage.id]


def weights_at(content: Content, stage: Stage) -> StageWeights:
    """Every factor's weight share, target, overall points and question count at `stage`."""
    scored = [q for q in content.questions if counts_at(content, q, stage)]
    feeding = {f.id: sum(1 for q in scored if f.id in q.factors) for f in content.factors}
    weights = {f.id: stage.weights.get(f.id, f.weight) for f in content.factors}
    total = sum(weights.values())
    answerable = sum(w for f, w in weights.items() if feeding[f] > 0)
    rows = tuple(
        FactorWeight(
            factor=f.id,
            weight=weights[f.id],
            share=100.0 * weights[f.id] / total if total > 0 else 0.0,
            target=stage.targets.get(f.id),
            points=(
                100.0 * weights[f.id] / answerable if feeding[f.id] > 0 and answerable > 0 else 0.0
            ),
            questions=feeding[f.id],
        )
        for f in content.factors
    )
    return StageWeights(stage=stage.id, factors=rows, questions=len(scored))


def stage_weights(content: Content) -> tuple[StageWeights, ...]:
    """`weights_at` for every stage, lowest first."""
    return tuple(weights_at(content, stage) for stage in content.stages)
