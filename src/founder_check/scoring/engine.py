"""The scoring engine: a pure function from content and answers to a Scorecard.

Rules (proved by the property tests in tests/test_engine_properties.py):
- A factor's score is the weighted mean of the values of its answered questions, times 100.
  Skipped, not-applicable and not-yet-expected questions are left out of the mean (and
  reported as coverage), never counted as zero.
- The overall score is the mean of the factor scores weighted by the stage's weights, over
  the factors that have at least one answer.
- With the set of answered questions fixed, every score is a non-decreasing function of
  each answer's value, so a better answer never lowers any score.
- Every point is traceable: each question records its contribution to each factor and to
  the overall score, and these add up to the factor and overall scores.
- A "not sure" answer (`UNKNOWN`) counts in its factors at its conservative value
  (`valuation.unknown_value`), but not in the coverage behind the confidence; it is listed
  under `to_find_out`, never among gaps or strengths, and never raises a red flag: a rule
  holds only through the other answers, with factor scores left without the unknowns.
- A triggered red flag takes points off the weighted mean (`red_flag_points` in
  levels.yaml, milder severities never costing more), recorded on the flag; question
  points plus flag points add up to the overall score. Replacing a "not sure" with a real
  answer can reveal a red flag and so cost points: the weighted mean never drops when the
  real answer is worth more, but a fact that was not known could not be flagged before.
- The plan to the next level (`plan`, `next_level`) is worked out by `planner` from the
  answers and the content; it is handed the scoring plan to score what-if answers with,
  and each plan is confirmed by scoring its answers again.

The numbers come from the compiled scoring plan (`scoring.plan`), the one implementation
of these rules, shared with the planner and the cohort. This module builds the scorecard
around a plan's outcome: the texts of one language (question texts, answer labels, flag
and level texts, chapter references), worked out once per stage and language into a
`_Plan` kept on the content.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from founder_check._version import __version__
from founder_check.content.models import Content, Lang, Level, Question, RedFlag, Stage
from founder_check.scoring.answers import Answers
from founder_check.scoring.conditions import Compiled, compile_condition, questions_in
from founder_check.scoring.left_out import left_out_sections
from founder_check.scoring.plan import (
    NOT_COUNTED,
    Outcome,
    ScoringPlan,
    factor_gap,
    pick_stage,
    reading_reasons,
    scoring_plan,
)
from founder_check.scoring.scorecard import (
    SCHEMA_VERSION,
    ChapterRef,
    Confidence,
    Coverage,
    Evidence,
    FactorScore,
    Gap,
    GateRequirement,
    JsonAnswer,
    LevelRef,
    NextGate,
    QuestionResult,
    RecommendedChapter,
    RedFlagHit,
    Scorecard,
    StageRef,
    StageSource,
    Strength,
    Subject,
    ToFindOut,
    Versions,
)
from founder_check.scoring.valuation import AnswerValue, aim_label, label_function

if TYPE_CHECKING:
    from founder_check.scoring.flag_texts import TextsRedFlag


@dataclass(frozen=True, slots=True)
class _QuestionPlan:
    """One question's texts in one language, and its factors."""

    id: str
    terms: tuple[tuple[int, str, float], ...]  # (factor index, factor id, weight)
    factor_ids: list[str]
    label_of: Callable[[AnswerValue], str]
    text: str
    best_options: list[str]
    chapters: list[str]


@dataclass(frozen=True, slots=True)
class _FlagPlan:
    """One red-flag rule, its texts in the plan's language."""

    id: str
    condition: Compiled
    texts: TextsRedFlag


@dataclass(frozen=True, slots=True)
class _LevelPlan:
    level: Level
    rank: int
    ref: LevelRef
    requires: tuple[tuple[Compiled, GateRequirement], ...]


@dataclass(frozen=True)
class _Plan:
    stage: Stage
    questions: tuple[_QuestionPlan, ...]  # in the scoring plan's order
    question_ids: tuple[str, ...]
    question_by_id: dict[str, _QuestionPlan]
    factor_ids: tuple[str, ...]
    factor_names: dict[str, str]
    targets: dict[str, float | None]
    stage_ref: dict[StageSource, StageRef]
    levels: tuple[_LevelPlan, ...]
    red_flags: tuple[_FlagPlan, ...]  # in the scoring plan's order: the report's
    chapters: dict[str, ChapterRef]
    summaries: dict[str, str]
    lessons: dict[str, str]  # chapter ref -> what it teaches (every cited chapter has one)
    documents: dict[str, str]
    versions: tuple[Versions, Versions]


def _plan(content: Content, stage: Stage, lang: Lang) -> _Plan:
    key = ("engine-plan", stage.id, lang)
    return content.remember(key, lambda: _make_plan(content, stage, lang))


def _make_plan(content: Content, stage: Stage, lang: Lang) -> _Plan:
    factor_index = {factor.id: index for index, factor in enumerate(content.factors)}
    questions = [
        _QuestionPlan(
            id=question.id,
            terms=tuple(
                (factor_index[factor_id], factor_id, weight)
                for factor_id, weight in question.factors.items()
            ),
            factor_ids=list(question.factors),
            label_of=label_function(question, lang),
            text=question.text.get(lang),
            best_options=_best_options(question, lang) if question.scored else [],
            chapters=list(question.chapters),
        )
        for question in content.questions
    ]
    chapters = {
        chapter.ref: ChapterRef(
            ref=chapter.ref,
            doc=chapter.doc,
            section=chapter.section,
            title=chapter.title.get(lang),
        )
        for chapter in content.chapters
    }
    levels = _level_plans(content, lang)
    name = stage.name.get(lang)
    return _Plan(
        stage=stage,
        questions=tuple(questions),
        question_ids=tuple(item.id for item in questions),
        question_by_id={item.id: item for item in questions},
        factor_ids=tuple(f.id for f in content.factors),
        factor_names={f.id: f.name.get(lang) for f in content.factors},
        targets={f.id: stage.targets.get(f.id) for f in content.factors},
        stage_ref={
            source: StageRef(id=stage.id, name=name, source=source)
            for source in ("option", "answers", "default")
        },
        levels=levels,
        red_flags=_flag_plans(content, stage, lang),
        chapters=chapters,
        summaries={chapter.ref: chapter.summary.get(lang) for chapter in content.chapters},
        lessons={c.ref: c.lesson.get(lang) for c in content.chapters if c.lesson is not None},
        documents={document.id: document.title.get(lang) for document in content.documents},
        versions=(
            Versions(name="founder-check", version=__version__),
            Versions(name=content.name, version=content.version),
        ),
    )


def _level_plans(content: Content, lang: Lang) -> tuple[_LevelPlan, ...]:
    return tuple(
        _LevelPlan(
            level=level,
            rank=rank,
            ref=_level_ref(level, lang),
            requires=tuple(
                (
                    compile_condition(requirement.when, content),
                    GateRequirement(
                        text=requirement.text.get(lang),
                        questions=questions_in(requirement.when),
                    ),
                )
                for requirement in level.requires
            ),
        )
        for rank, level in enumerate(content.levels)
    )


def _flag_plans(content: Content, stage: Stage, lang: Lang) -> tuple[_FlagPlan, ...]:
    """The red flags' texts, in the scoring plan's order (its outcomes index them)."""
    by_id = {flag.id: flag for flag in content.red_flags}
    flags = [by_id[flag.id] for flag in scoring_plan(content, stage).flags]
    return tuple(
        _FlagPlan(flag.id, compile_condition(flag.when, content), red_flag_texts(flag, lang))
        for flag in flags
    )


def red_flag_texts(flag: RedFlag, lang: Lang) -> TextsRedFlag:
    """A red flag's texts in one language, as a scorecard's flag and texts.json hold them."""
    title = flag.title.get(lang)
    return {
        "severity": flag.severity,
        "title": title,
        "because": flag.because.get(lang) if flag.because else title,
        "explanation": flag.explanation.get(lang),
        "action": flag.action.get(lang),
        "cases": [case.get(lang) for case in flag.cases],
        "chapters": list(flag.chapters),
    }


def score(
    content: Content,
    answers: Answers,
    *,
    stage: str | None = None,
    lang: Lang = "en",
    generated_at: str | None = None,
    next_steps: bool = True,
    outcome: Outcome | None = None,
) -> Scorecard:
    """Score answers against content; `stage` overrides the answers' own stage.

    The scorecard's `date` is the answers' date, else today's: the day the facts describe,
    which `generated_at` (the moment of scoring) is not when an old file is rescored.
    `next_steps=False` leaves out the plan to the next level (`plan` empty, `next_level`
    None), for callers that only need the scores. `outcome` is the scoring plan's outcome
    for these answers and stage when the caller has it already (a cohort founder's
    one-pager), so that they are not scored twice.
    """
    stage_model, stage_source = pick_stage(content, answers, stage)
    card, overall = _scorecard(
        content, answers, stage_model, stage_source, lang, generated_at, outcome
    )
    if next_steps:
        from founder_check.scoring.planner import next_steps as plan_next_steps

        scoring = scoring_plan(content, stage_model)

        def measure(values: dict[str, AnswerValue]) -> tuple[float, str]:
            what_if = scoring.evaluate(values)
            return what_if.overall, content.levels[what_if.level].id

        card.plan, card.next_level = plan_next_steps(
            content,
            answers.values,
            stage_model,
            lang,
            level=card.level.id,
            overall=overall,
            measure=measure,
        )
        _cite(_plan(content, stage_model, lang), card, [r for s in card.plan for r in s.chapters])
    return card


def _scorecard(
    content: Content,
    answers: Answers,
    stage_model: Stage,
    stage_source: StageSource,
    lang: Lang,
    generated_at: str | None,
    known: Outcome | None = None,
) -> tuple[Scorecard, float]:
    """The scorecard without a plan, and its overall score before rounding: the scoring
    plan's outcome (`known`, or worked out now), with the texts of the language around it."""
    scoring = scoring_plan(content, stage_model)
    outcome = known if known is not None else scoring.evaluate(answers.values)
    plan = _plan(content, stage_model, lang)
    values = answers.values
    statuses = dict(zip(plan.question_ids, outcome.statuses, strict=True))
    red_flags = _red_flags(plan, outcome, values)
    gaps = _gaps(plan, outcome, values)
    to_find_out = _to_find_out(plan, outcome)
    level = plan.levels[outcome.level]
    cited = sorted(
        {ref for gap in gaps for ref in gap.chapters}
        | {ref for hit in red_flags for ref in hit.chapters}
        | {ref for entry in to_find_out for ref in entry.chapters}
    )
    card = Scorecard(
        schema_version=SCHEMA_VERSION,
        tool=plan.versions[0],
        content=plan.versions[1],
        generated_at=generated_at,
        date=(answers.date or date.today()).isoformat(),
        lang=lang,
        subject=Subject(founder=answers.founder, company=answers.company),
        stage=plan.stage_ref[stage_source],
        overall=round(outcome.overall, 1),
        red_flag_points=round(outcome.overall - outcome.mean, 2),
        level=level.ref,
        score_level=plan.levels[outcome.score_level].ref,
        gate_level=plan.levels[outcome.gate_level].ref,
        flag_cap=plan.levels[outcome.flag_cap].ref
        if outcome.flag_cap < len(plan.levels) - 1
        else None,
        next_gate=_next_gate(plan, scoring, outcome),
        next_level=None,
        plan=[],
        factors=_factors(plan, scoring, outcome),
        questions=_question_results(plan, outcome, values),
        gaps=gaps,
        to_find_out=to_find_out,
        strengths=_strengths(plan, outcome, values),
        red_flags=red_flags,
        recommended_chapters=_recommended(plan, gaps, red_flags),
        coverage=_coverage(content, answers, outcome, statuses, lang),
        chapters={ref: plan.chapters[ref] for ref in cited},
        documents={doc: plan.documents[doc] for doc in sorted({r.split(" ")[0] for r in cited})},
    )
    return card, outcome.overall


def _to_find_out(plan: _Plan, outcome: Outcome) -> list[ToFindOut]:
    """The questions answered "not sure", to find out."""
    return [
        ToFindOut(item.id, item.text, item.chapters)
        for item, status in zip(plan.questions, outcome.statuses, strict=True)
        if status == "unknown"
    ]


def _strengths(plan: _Plan, outcome: Outcome, values: Mapping[str, AnswerValue]) -> list[Strength]:
    """The strongest answers, as the outcome ranks them."""
    strengths = []
    for index, _ in outcome.strengths:
        item = plan.questions[index]
        strengths.append(
            Strength(
                question=item.id,
                text=item.text,
                answer_label=item.label_of(values[item.id]),
                value=round(outcome.values[index] or 0.0, 3),
                factors=item.factor_ids,
            )
        )
    return strengths


def _coverage(
    content: Content, answers: Answers, outcome: Outcome, statuses: dict[str, str], lang: Lang
) -> Coverage:
    """How much of what is asked of this founder was answered, and what was left out."""
    answered = outcome.statuses.count("answered")
    return Coverage(
        applicable=sum(status not in NOT_COUNTED for status in outcome.statuses),
        answered=answered,
        skipped=[q for q, status in statuses.items() if status == "skipped"],
        not_applicable=[q for q, status in statuses.items() if status == "not_applicable"],
        not_expected=[q for q, status in statuses.items() if status == "not_expected"],
        unknown=[q for q, status in statuses.items() if status == "unknown"],
        weighted=round(outcome.weighted, 3),
        confidence=_confidence(outcome.weighted, answered),
        sections=len(content.sections),
        sections_answered=len(content.sections) - len(answers.left_out),
        left_out=left_out_sections(content, answers.left_out, statuses, lang),
    )


def _factors(plan: _Plan, scoring: ScoringPlan, outcome: Outcome) -> list[FactorScore]:
    """Each factor's score beside the stage's target, and the answers behind it."""
    answered = dict.fromkeys(plan.factor_ids, 0)
    applicable = dict.fromkeys(plan.factor_ids, 0)
    for item, status in zip(plan.questions, outcome.statuses, strict=True):
        if status in NOT_COUNTED:
            continue
        for factor_id in item.factor_ids:
            applicable[factor_id] += 1
            if status in ("answered", "unknown"):
                answered[factor_id] += 1
    factors = []
    for index, factor_id in enumerate(plan.factor_ids):
        raw_score = outcome.factor_scores[index]
        factor_score = None if raw_score is None else round(raw_score, 1)
        target = plan.targets[factor_id]
        factors.append(
            FactorScore(  # id, name, score, weight, target, gap, answered, applicable
                factor_id,
                plan.factor_names[factor_id],
                factor_score,
                scoring.weights[index],
                target,
                factor_gap(raw_score, target),
                answered[factor_id],
                applicable[factor_id],
            )
        )
    return factors


def _question_results(
    plan: _Plan, outcome: Outcome, values: dict[str, AnswerValue]
) -> list[QuestionResult]:
    """Every question's status, answer, value and the points it adds to each factor and
    to the overall score (these add up to the factor and overall scores)."""
    results = []
    denominators, share = outcome.denominators, outcome.share
    for item, status, value in zip(plan.questions, outcome.statuses, outcome.values, strict=True):
        answer = _json_answer(values.get(item.id))
        if value is None:
            results.append(QuestionResult(item.id, status, answer, None, {}, 0.0))  # type: ignore[arg-type]
            continue
        contributions: dict[str, float] = {}
        overall_points = 0.0
        for factor, factor_id, weight in item.terms:
            points = 100.0 * weight * value / denominators[factor]
            contributions[factor_id] = round(points, 3)
            overall_points += points * share[factor]
        results.append(
            QuestionResult(  # id, status, answer, value, contributions, overall points
                item.id,
                status,  # type: ignore[arg-type]
                answer,
                round(value, 3),  # a sum of option values: 0.45, not 0.44999999999999996
                contributions,
                round(overall_points, 3),
            )
        )
    return results


def _gaps(plan: _Plan, outcome: Outcome, values: dict[str, AnswerValue]) -> list[Gap]:
    """The answers below the best in a factor under its target, largest shortfall first."""
    gaps = []
    for index, shortfall in outcome.gaps:
        item = plan.questions[index]
        raw = values[item.id]
        gaps.append(
            Gap(  # positional: this runs for ~30 questions of each founder
                item.id,  # question
                item.text,  # text
                _json_answer(raw),  # answer
                item.label_of(raw),  # answer_label
                round(outcome.values[index] or 0.0, 3),  # value
                shortfall,  # shortfall
                item.factor_ids,  # factors
                item.best_options,  # best_options
                item.chapters,  # chapters
            )
        )
    return gaps


def _cite(plan: _Plan, card: Scorecard, refs: list[str]) -> None:
    """Add chapters (the plan's) to the scorecard's `chapters` and `documents`, in order."""
    new = set(refs) - card.chapters.keys()
    if not new:
        return
    cited = new | card.chapters.keys()
    card.chapters = {ref: plan.chapters[ref] for ref in sorted(cited)}
    card.documents = {doc: plan.documents[doc] for doc in sorted({r.split(" ")[0] for r in cited})}


def _json_answer(raw: AnswerValue | None) -> JsonAnswer:
    return list(raw) if isinstance(raw, tuple) else raw


def _best_options(question: Question, lang: Lang) -> list[str]:
    """Labels of the highest-valued answers: what to aim for."""
    if question.kind == "number":
        top_band = max(question.bands, key=lambda band: band.value)
        return [top_band.label.get(lang)]
    if question.kind == "yesno":
        yes = question.yes_score >= question.no_score
        return [aim_label(yes, lang)]
    if question.kind == "scale" and question.scale is not None:
        label = question.scale.labels.get(question.scale.max)
        return [label.get(lang)] if label is not None else []
    best = max(option.value for option in question.options)
    return [o.label.get(lang) for o in question.options if o.value == best and not o.exclusive]


def _red_flags(plan: _Plan, outcome: Outcome, values: dict[str, AnswerValue]) -> list[RedFlagHit]:
    """The rules that hold, most severe first, each with the answers that make it hold and
    the points it took.

    A "not sure" answer never makes a rule hold: every test on it, and every `not` over
    it, is false (`conditions`), so a rule holds only through the other answers; and the
    factor scores rules test leave the "not sure" answers out. Not knowing is not a
    confessed weakness.
    """
    questions = plan.question_by_id
    stage = plan.stage.id
    hits = []
    for index, points in zip(outcome.flags, outcome.flag_points, strict=True):
        flag = plan.red_flags[index]
        evidence = [
            Evidence(
                question=question_id,
                answer=_json_answer(values[question_id]),
                answer_label=questions[question_id].label_of(values[question_id]),
            )
            for question_id in flag.condition.evidence(values, outcome.known_scores, stage)
        ]
        hits.append(RedFlagHit(id=flag.id, evidence=evidence, points=points, **flag.texts))
    return hits


def _next_gate(plan: _Plan, scoring: ScoringPlan, outcome: Outcome) -> NextGate | None:
    """What the level above the one told still needs; None at the top of the ladder."""
    if outcome.level + 1 >= len(plan.levels):
        return None
    unmet = [
        [level.requires[i][1] for i in missing]
        for level, missing in zip(plan.levels, outcome.unmet, strict=True)
    ]
    target = plan.levels[outcome.level + 1]
    return NextGate(
        level=target.ref,
        min_score=target.level.min_score,
        missing=[requirement for below in unmet[: target.rank + 1] for requirement in below],
        red_flags=[scoring.flags[i].id for i in scoring.blocking(outcome, target.rank)],
    )


def _level_ref(level: Level, lang: Lang) -> LevelRef:
    return LevelRef(id=level.id, name=level.name.get(lang), description=level.description.get(lang))


def _recommended(
    plan: _Plan, gaps: list[Gap], red_flags: list[RedFlagHit]
) -> list[RecommendedChapter]:
    """Chapters behind the red flags first, then behind the largest gaps; each listed once."""
    reasons = reading_reasons(
        ((hit.id, hit.chapters) for hit in red_flags), ((g.question, g.chapters) for g in gaps)
    )
    recommended = []
    for ref, why in reasons:
        chapter = plan.chapters[ref]
        recommended.append(
            RecommendedChapter(
                ref=ref,
                doc=chapter.doc,
                section=chapter.section,
                title=chapter.title,
                doc_title=plan.documents[chapter.doc],
                summary=plan.summaries[ref],
                lesson=plan.lessons[ref],
                reasons=why,
            )
        )
    return recommended


def _confidence(weighted: float, answered: int) -> Confidence:
    if answered == 0:
        return "none"
    if weighted >= 0.9:
        return "high"
    if weighted >= 0.7:
        return "medium"
    return "low"
