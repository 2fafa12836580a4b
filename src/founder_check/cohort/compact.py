"""A cohort founder's scorecard by id: the numbers of the scoring plan's outcome and the
founder's answers, with the content's texts written once for the whole cohort (`texts`).

A single `assess --json` inlines every text a report quotes (question texts, option
labels, red-flag explanations, chapter summaries), about 50 KB per founder; a cohort of
10,000 would repeat the same texts 10,000 times. Here each founder's file holds ids,
answers and numbers (a few KB), and `texts.json` in the report folder holds the texts by
the same ids, in the run's language: a reader joins the two (see docs/cohort.md).

Built from the outcome directly, without the full scorecard, so that writing a founder
costs little beside scoring; the fields mean exactly what the scorecard's fields of the
same names mean, which tests/test_cohort_compact.py checks founder by founder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from founder_check._version import __version__
from founder_check.cohort.aggregate import CardRef, FounderOutcome
from founder_check.cohort.models import COMPACT_SCHEMA_VERSION, TEXTS_SCHEMA_VERSION
from founder_check.content.models import Content, Lang, Stage
from founder_check.scoring.answers import Answers
from founder_check.scoring.conditions import Compiled, compile_condition, questions_in
from founder_check.scoring.engine import red_flag_texts
from founder_check.scoring.plan import (
    NOT_COUNTED,
    factor_gap,
    pick_stage,
    reading_reasons,
    scoring_plan,
)
from founder_check.scoring.valuation import AnswerValue

if TYPE_CHECKING:  # types only
    from founder_check.scoring.plan import Outcome, ScoringPlan

TEXTS_FILE = "texts.json"
MAX_BYTES = 12 * 1024  # a compact scorecard, its cohort block included, stays under this


@dataclass(frozen=True, slots=True)
class _Ids:
    """What a compact scorecard needs of the content beside the scoring plan: ids and
    chapter references, the same in every language."""

    question_ids: tuple[str, ...]
    question_chapters: tuple[tuple[str, ...], ...]
    flag_ids: tuple[str, ...]
    flag_conditions: tuple[Compiled, ...]
    flag_chapters: tuple[tuple[str, ...], ...]
    level_ids: tuple[str, ...]
    requirement_questions: tuple[tuple[tuple[str, ...], ...], ...]
    section_of: dict[str, str]


def _ids(content: Content, stage: Stage) -> _Ids:
    return content.remember(("compact-ids", stage.id), lambda: _make_ids(content, stage))


def _make_ids(content: Content, stage: Stage) -> _Ids:
    plan = scoring_plan(content, stage)
    flag_by_id = {flag.id: flag for flag in content.red_flags}
    flags = [flag_by_id[item.id] for item in plan.flags]
    return _Ids(
        question_ids=tuple(item.id for item in plan.questions),
        question_chapters=tuple(
            tuple(content.question_by_id[item.id].chapters) for item in plan.questions
        ),
        flag_ids=tuple(flag.id for flag in flags),
        flag_conditions=tuple(compile_condition(flag.when, content) for flag in flags),
        flag_chapters=tuple(tuple(flag.chapters) for flag in flags),
        level_ids=tuple(level.id for level in content.levels),
        requirement_questions=tuple(
            tuple(tuple(questions_in(r.when)) for r in level.requires) for level in content.levels
        ),
        section_of={q.id: section.id for section in content.sections for q in section.questions},
    )


# round(value, 3) by value: a cohort's question values are few (option values and their
# means: a few dozen over thousands of founders), and rounding a float to some digits costs
# several times a dict lookup; kept small, so a run of unusual numbers cannot grow it
_THOUSANDTHS: dict[float, float] = {}
_THOUSANDTHS_KEPT = 4096


def _thousandths(value: float) -> float:
    """`round(value, 3)`, remembered (0.0 and -0.0 are equal keys: zero is not kept)."""
    rounded = _THOUSANDTHS.get(value)
    if rounded is None:
        rounded = round(value, 3)
        if value and len(_THOUSANDTHS) < _THOUSANDTHS_KEPT:
            _THOUSANDTHS[value] = rounded
    return rounded


def compact_scorecard(
    content: Content,
    answers: Answers,
    *,
    stage: str | None,
    lang: Lang,
    generated_at: str | None,
) -> tuple[dict[str, Any], Outcome, ScoringPlan]:
    """The founder's compact scorecard (without its `cohort` block), with the outcome and
    plan it was built from (the cohort's summary reads them)."""
    stage_model, stage_source = pick_stage(content, answers, stage)
    plan = scoring_plan(content, stage_model)
    outcome = plan.evaluate(answers.values)
    ids = _ids(content, stage_model)
    values = answers.values
    card: dict[str, Any] = {
        "schema_version": COMPACT_SCHEMA_VERSION,
        "texts": TEXTS_FILE,
        "tool": {"name": "founder-check", "version": __version__},
        "content": {"name": content.name, "version": content.version},
        "generated_at": generated_at,
        "date": (answers.date or date.today()).isoformat(),
        "lang": lang,
        "subject": {"founder": answers.founder, "company": answers.company},
        "stage": {"id": stage_model.id, "source": stage_source},
        "overall": round(outcome.overall, 1),
        "red_flag_points": round(outcome.overall - outcome.mean, 2),
        "level": ids.level_ids[outcome.level],
        "score_level": ids.level_ids[outcome.score_level],
        "gate_level": ids.level_ids[outcome.gate_level],
        "flag_cap": ids.level_ids[outcome.flag_cap]
        if outcome.flag_cap < len(ids.level_ids) - 1
        else None,
        "next_gate": _next_gate(ids, plan, outcome),
        "factors": _factors(plan, outcome),
        "answers": {
            q: list(value) if value.__class__ is tuple else value
            for q in ids.question_ids
            if (value := values.get(q)) is not None
        },
        "questions": _questions(ids, outcome),
        "gaps": [
            [ids.question_ids[index], _thousandths(outcome.values[index] or 0.0), shortfall]
            for index, shortfall in outcome.gaps
        ],
        "red_flags": _red_flags(ids, outcome, values, plan.stage.id),
        "to_find_out": [
            q
            for q, status in zip(ids.question_ids, outcome.statuses, strict=True)
            if status == "unknown"
        ],
        "strengths": [ids.question_ids[index] for index, _ in outcome.strengths],
        "recommended_chapters": _recommended(ids, outcome),
        "coverage": _coverage(content, ids, answers, outcome),
    }
    return card, outcome, plan


def _next_gate(ids: _Ids, plan: ScoringPlan, outcome: Outcome) -> dict[str, Any] | None:
    """What the level above the one told still needs (as the scorecard's `next_gate`):
    its must-haves as [level, index] into `texts.json`'s requirements."""
    target = outcome.level + 1
    if target >= len(ids.level_ids):
        return None
    missing = [
        [ids.level_ids[rank], index]
        for rank, indices in enumerate(outcome.unmet[: target + 1])
        for index in indices
    ]
    blocking = [plan.flags[index].id for index in plan.blocking(outcome, target)]
    return {"level": ids.level_ids[target], "missing": missing, "red_flags": blocking}


def _factors(plan: ScoringPlan, outcome: Outcome) -> list[list[Any]]:
    """[id, score, target, gap] per factor, in the content's order."""
    rows = []
    for index, factor_id in enumerate(plan.factor_ids):
        score = outcome.factor_scores[index]
        target = plan.targets[index]
        rounded = None if score is None else round(score, 1)
        rows.append([factor_id, rounded, target, factor_gap(score, target)])
    return rows


def _questions(ids: _Ids, outcome: Outcome) -> dict[str, list[Any]]:
    """[status, value] of every question that has a value; the others' status only."""
    result: dict[str, list[Any]] = {}
    for question_id, status, value in zip(
        ids.question_ids, outcome.statuses, outcome.values, strict=True
    ):
        result[question_id] = [status] if value is None else [status, _thousandths(value)]
    return result


def _red_flags(
    ids: _Ids, outcome: Outcome, values: dict[str, AnswerValue], stage: str
) -> list[list[Any]]:
    """[id, points, evidence questions] per red flag that holds, most severe first."""
    return [
        [
            ids.flag_ids[index],
            points,
            ids.flag_conditions[index].evidence(values, outcome.known_scores, stage),
        ]
        for index, points in zip(outcome.flags, outcome.flag_points, strict=True)
    ]


def _recommended(ids: _Ids, outcome: Outcome) -> list[list[Any]]:
    """[chapter ref, reasons]: behind the red flags first, then the largest gaps."""
    flags = ((ids.flag_ids[i], ids.flag_chapters[i]) for i in outcome.flags)
    gaps = ((ids.question_ids[i], ids.question_chapters[i]) for i, _ in outcome.gaps)
    return [[ref, why] for ref, why in reading_reasons(flags, gaps)]


def _coverage(content: Content, ids: _Ids, answers: Answers, outcome: Outcome) -> dict[str, Any]:
    statuses = outcome.statuses
    answered = statuses.count("answered")
    left_out = set(answers.left_out)
    return {
        "applicable": sum(s not in NOT_COUNTED for s in statuses),
        "answered": answered,
        "weighted": round(outcome.weighted, 3),
        "sections": len(content.sections),
        "sections_answered": len(content.sections) - len(left_out),
        "left_out": [
            [
                section,
                [
                    q
                    for q, s in zip(ids.question_ids, statuses, strict=True)
                    if s == "skipped" and ids.section_of.get(q) == section
                ],
            ]
            for section in answers.left_out
        ],
    }


def founder_outcome(
    card: dict[str, Any],
    outcome: Outcome,
    plan: ScoringPlan,
    *,
    source: str,
    row: int | None = None,
    line: int | None = None,
    ref: CardRef | None = None,
) -> FounderOutcome:
    """What the cohort's statistics need of one founder (as `aggregate.summarize` reduces
    a full scorecard), read off the compact scorecard and its outcome."""
    factors = card["factors"]  # [id, score, target, gap]
    scored = [row for row in factors if row[1] is not None]
    weakest = min(scored, key=lambda f: (-(f[3] or 0.0), f[1], f[0]), default=None)
    return FounderOutcome(
        source=source,
        row=row,
        line=line,
        founder=card["subject"]["founder"],
        company=card["subject"]["company"],
        stage=card["stage"]["id"],
        stage_source=card["stage"]["source"],
        overall=card["overall"],
        level=card["level"],
        factors=tuple(f[1] for f in factors),
        below_target=tuple(bool(f[3]) for f in factors),
        weakest=weakest[0] if weakest is not None else None,
        red_flags=tuple((plan.flags[i].id, plan.flags[i].severity) for i in outcome.flags),
        gaps=tuple((gap[0], gap[2]) for gap in card["gaps"]),
        targets=tuple(f[2] for f in factors),
        card=ref,
    )


def cohort_texts(content: Content, lang: Lang) -> dict[str, Any]:
    """Every text the compact scorecards refer to, by id, in one language."""
    return {
        "schema_version": TEXTS_SCHEMA_VERSION,
        "lang": lang,
        "content": {"name": content.name, "version": content.version},
        "stages": {stage.id: stage.name.get(lang) for stage in content.stages},
        "levels": {
            level.id: {
                "name": level.name.get(lang),
                "description": level.description.get(lang),
                "requires": [r.text.get(lang) for r in level.requires],
            }
            for level in content.levels
        },
        "factors": {factor.id: factor.name.get(lang) for factor in content.factors},
        "sections": {section.id: section.title.get(lang) for section in content.sections},
        "questions": {q.id: _question_texts(q, lang) for q in content.questions},
        "red_flags": {flag.id: red_flag_texts(flag, lang) for flag in content.red_flags},
        "chapters": {
            chapter.ref: {
                "doc": chapter.doc,
                "section": chapter.section,
                "title": chapter.title.get(lang),
                "summary": chapter.summary.get(lang),
                "lesson": chapter.lesson.get(lang) if chapter.lesson is not None else None,
            }
            for chapter in content.chapters
        },
        "documents": {document.id: document.title.get(lang) for document in content.documents},
    }


def _question_texts(question: Any, lang: Lang) -> dict[str, Any]:
    texts: dict[str, Any] = {
        "text": question.text.get(lang),
        "chapters": list(question.chapters),
    }
    if question.kind in ("single", "multi"):
        texts["options"] = {option.id: option.label.get(lang) for option in question.options}
    return texts
