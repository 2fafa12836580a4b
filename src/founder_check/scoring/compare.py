"""Progress between two assessments: what changed, and what each change was worth.

A pure function from content and two sets of answers to a `Comparison`. Each assessment is
scored at its own stage for its overall score, level, factors and red flags: what the
founder was told then, and is told now. The effect of each changed answer is measured at
NEW's stage: starting from OLD's answers, the changes are applied one at a time in
questionnaire order and the answers scored again after each, a change's points being what
it moved the overall score. When the stages differ, the stage change is one more effect
(OLD's answers scored at NEW's stage, less OLD's score), so the effects always add up to the
overall change (each score rounded as the scorecard rounds it). The order matters for the
split, not for the total: a change that only counts together with another is credited to
the later of the two.
"""

from __future__ import annotations

from dataclasses import dataclass

from founder_check.content.models import UNKNOWN, Content, Lang
from founder_check.scoring.answers import Answers, coerce_answer
from founder_check.scoring.engine import score
from founder_check.scoring.planner import written
from founder_check.scoring.scorecard import JsonAnswer, PlanStep, QuestionStatus, Scorecard
from founder_check.scoring.valuation import AnswerValue, answer_label, answer_value

_TOLERANCE = 1e-9


@dataclass
class Pair:
    """A number before and after, and how much it moved."""

    old: float
    new: float
    delta: float


@dataclass
class Named:
    id: str
    name: str


@dataclass
class NamedPair:
    old: Named
    new: Named


@dataclass
class TextPair:
    old: str | None
    new: str | None


@dataclass
class StageChange:
    """The stages the two assessments were scored at, and what the change alone moved."""

    old: Named
    new: Named
    points: float  # OLD's answers scored at NEW's stage, less OLD's overall score


@dataclass
class FactorChange:
    id: str
    name: str
    old: float | None
    new: float | None
    delta: float | None


@dataclass
class AnswerChange:
    """One changed answer; `old`/`new` as an answers file writes them (null: not answered,
    and the status says why: skipped, not applicable, ...)."""

    question: str
    text: str
    old: JsonAnswer
    new: JsonAnswer
    old_label: str | None
    new_label: str | None
    old_status: QuestionStatus
    new_status: QuestionStatus
    points: float


@dataclass
class PlanCheck:
    """One step of OLD's next-steps plan, and whether NEW's answer reaches its target."""

    question: str
    text: str
    target: JsonAnswer
    target_label: str
    done: bool


@dataclass
class Comparison:
    """OLD and NEW side by side; texts in `lang`, ids as in the scorecard."""

    lang: Lang
    source: TextPair  # the files compared
    date: TextPair  # the answers' `date:` (null when a file has none)
    stage: StageChange
    overall: Pair
    level: NamedPair
    factors: list[FactorChange]
    changes: list[AnswerChange]
    flags_raised: list[str]
    flags_cleared: list[str]
    flag_titles: dict[str, str]
    plan: list[PlanCheck]  # OLD's next steps (none at the top level)
    plan_done: list[str]  # the questions of the steps NEW has done


def compare(content: Content, old: Answers, new: Answers, *, lang: Lang = "en") -> Comparison:
    """Compare two assessments of one company (see the module docstring for the rules)."""
    old_card = score(content, old, lang=lang)  # with its plan, to check against NEW
    new_card = score(content, new, lang=lang, next_steps=False)
    changes, start = _answer_changes(content, old, new, old_card, new_card, lang)
    stage_points = _delta(start, old_card.overall)
    old_flags = {hit.id: hit.title for hit in old_card.red_flags}
    new_flags = {hit.id: hit.title for hit in new_card.red_flags}
    plan = _plan_checks(content, old_card.plan, new, lang)
    return Comparison(
        lang=lang,
        source=TextPair(old.source, new.source),
        date=TextPair(_day(old), _day(new)),
        stage=StageChange(
            old=Named(old_card.stage.id, old_card.stage.name),
            new=Named(new_card.stage.id, new_card.stage.name),
            points=stage_points,
        ),
        overall=Pair(
            old=old_card.overall,
            new=new_card.overall,
            delta=_delta(new_card.overall, old_card.overall),
        ),
        level=NamedPair(
            old=Named(old_card.level.id, old_card.level.name),
            new=Named(new_card.level.id, new_card.level.name),
        ),
        factors=_factor_changes(old_card, new_card),
        changes=changes,
        flags_raised=[flag for flag in new_flags if flag not in old_flags],
        flags_cleared=[flag for flag in old_flags if flag not in new_flags],
        flag_titles={**old_flags, **new_flags},
        plan=plan,
        plan_done=[step.question for step in plan if step.done],
    )


def _answer_changes(
    content: Content,
    old: Answers,
    new: Answers,
    old_card: Scorecard,
    new_card: Scorecard,
    lang: Lang,
) -> tuple[list[AnswerChange], float]:
    """Each answer that changed, in questionnaire order, with the points it moved the overall
    score (applied one after the other onto the old answers, at the new stage); and the old
    answers' overall score at that stage."""
    stage = new_card.stage.id
    current = dict(old.values)
    before = start = _overall(content, current, stage)
    old_status = {result.id: result.status for result in old_card.questions}
    new_status = {result.id: result.status for result in new_card.questions}
    changes = []
    for question in content.questions:
        was, now = old.values.get(question.id), new.values.get(question.id)
        if _same(was, now):
            continue
        if now is None:
            del current[question.id]
        else:
            current[question.id] = now
        after = _overall(content, current, stage)
        changes.append(
            AnswerChange(
                question=question.id,
                text=question.text.get(lang),
                old=written(question, was),
                new=written(question, now),
                old_label=None if was is None else answer_label(question, was, lang),
                new_label=None if now is None else answer_label(question, now, lang),
                old_status=old_status[question.id],
                new_status=new_status[question.id],
                points=_delta(after, before),
            )
        )
        before = after
    return changes, start


def _overall(content: Content, values: dict[str, AnswerValue], stage: str) -> float:
    """The overall score of answers at a stage, as a scorecard rounds it."""
    return score(content, Answers(values=values), stage=stage, next_steps=False).overall


def _delta(new: float, old: float) -> float:
    """The difference of two scores as the scorecard rounds them (one decimal)."""
    return round(new - old, 1) + 0.0  # + 0.0: never -0.0


def _day(answers: Answers) -> str | None:
    """The answers' own date (not the scorecard's stand-in, today): None when undated."""
    return None if answers.date is None else answers.date.isoformat()


def _same(old: AnswerValue | None, new: AnswerValue | None) -> bool:
    """Equal answers; the choices of a multiple choice in any order are the same answer."""
    if isinstance(old, tuple) and isinstance(new, tuple):
        return set(old) == set(new)
    return old == new


def _factor_changes(old: Scorecard, new: Scorecard) -> list[FactorChange]:
    after = {factor.id: factor.score for factor in new.factors}
    changes = []
    for factor in old.factors:
        now = after.get(factor.id)
        delta = None if factor.score is None or now is None else _delta(now, factor.score)
        changes.append(FactorChange(factor.id, factor.name, factor.score, now, delta))
    return changes


def _plan_checks(
    content: Content, steps: list[PlanStep], new: Answers, lang: Lang
) -> list[PlanCheck]:
    """Each step of OLD's next-steps plan, done when NEW's answer is worth at least its
    target's value ("not sure" never is)."""
    checks = []
    for step in steps:
        question = content.question_by_id.get(step.question)
        if question is None or step.target is None:
            continue
        try:
            target = coerce_answer(question, step.target)
        except ValueError:  # a target this content cannot read: nothing to check
            continue
        answer = new.values.get(step.question)
        done = (
            answer is not None
            and answer != UNKNOWN
            and answer_value(question, answer) >= answer_value(question, target) - _TOLERANCE
        )
        checks.append(
            PlanCheck(
                question=question.id,
                text=question.text.get(lang),
                target=step.target,
                target_label=answer_label(question, target, lang),
                done=done,
            )
        )
    return checks
