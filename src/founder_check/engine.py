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
"""

from __future__ import annotations

from dataclasses import dataclass

from founder_check import __version__
from founder_check.answers import Answers
from founder_check.condition_text import condition_text
from founder_check.conditions import applies, matching_questions, questions_in
from founder_check.content.models import Condition, Content, Lang, Level, Question, Stage
from founder_check.scorecard import (
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
    Versions,
)
from founder_check.valuation import AnswerValue, answer_label, answer_value

STRENGTH_VALUE = 0.8
TOP_GAPS_FOR_READING = 5
MAX_RECOMMENDED_CHAPTERS = 8
MAX_STRENGTHS = 5
SEVERITY_ORDER = {"critical": 0, "major": 1, "minor": 2}


@dataclass
class _Scored:
    question: Question
    value: float


def score(
    content: Content,
    answers: Answers,
    *,
    stage: str | None = None,
    lang: Lang = "en",
    generated_at: str | None = None,
) -> Scorecard:
    """Score answers against content; `stage` overrides the answers' own stage."""
    stage_model, stage_source = _pick_stage(content, answers, stage)
    stage_rank = content.stage_rank[stage_model.id]
    values = answers.values

    statuses: dict[str, str] = {}
    scored: list[_Scored] = []
    for question in content.questions:
        if question.when is not None and not applies(question.when, values, content=content):
            statuses[question.id] = "not_applicable"
        elif (
            question.from_stage is not None and content.stage_rank[question.from_stage] > stage_rank
        ):
            statuses[question.id] = "not_expected"
        elif not question.scored:
            statuses[question.id] = "unscored"
        elif question.id not in values:
            statuses[question.id] = "skipped"
        else:
            statuses[question.id] = "answered"
            scored.append(_Scored(question, answer_value(question, values[question.id])))

    weights = {f.id: stage_model.weights.get(f.id, f.weight) for f in content.factors}
    totals = {f.id: 0.0 for f in content.factors}
    denominators = {f.id: 0.0 for f in content.factors}
    for item in scored:
        for factor_id, weight in item.question.factors.items():
            totals[factor_id] += weight * item.value
            denominators[factor_id] += weight
    factor_scores: dict[str, float | None] = {
        f: (100.0 * totals[f] / denominators[f] if denominators[f] > 0 else None) for f in totals
    }
    weight_sum = sum(weights[f] for f, s in factor_scores.items() if s is not None)
    overall = (
        sum(weights[f] * s for f, s in factor_scores.items() if s is not None) / weight_sum
        if weight_sum > 0
        else 0.0
    )

    def share(factor_id: str) -> float:
        """How many overall points one factor point is worth."""
        return weights[factor_id] / weight_sum if weight_sum > 0 else 0.0

    red_flags = _red_flags(content, values, factor_scores, stage_model.id, lang)
    score_level = _score_level(content.levels, overall)
    gate_level, next_gate = _gate_level(content, values, factor_scores, stage_model.id, lang)
    level = _capped_level(content, score_level, red_flags)

    factors = []
    below_target: set[str] = set()
    for factor in content.factors:
        factor_score = factor_scores[factor.id]
        target = stage_model.targets.get(factor.id)
        gap = None
        if factor_score is not None and target is not None:
            gap = round(max(0.0, target - factor_score), 1)
            if target - factor_score > 0:
                below_target.add(factor.id)
        factors.append(
            FactorScore(
                id=factor.id,
                name=factor.name.get(lang),
                score=None if factor_score is None else round(factor_score, 1),
                weight=weights[factor.id],
                target=target,
                gap=gap,
                answered=sum(1 for i in scored if factor.id in i.question.factors),
                applicable=sum(
                    1
                    for q in content.questions
                    if factor.id in q.factors and statuses[q.id] in ("answered", "skipped")
                ),
            )
        )

    results = []
    gaps = []
    strengths = []
    for question in content.questions:
        status = statuses[question.id]
        raw = values.get(question.id)
        value = None
        contributions: dict[str, float] = {}
        overall_points = 0.0
        if status == "answered" and raw is not None:
            value = answer_value(question, raw)
            for factor_id, weight in question.factors.items():
                points = 100.0 * weight * value / denominators[factor_id]
                contributions[factor_id] = round(points, 3)
                overall_points += points * share(factor_id)
            shortfall = sum(
                100.0 * weight * (1.0 - value) / denominators[f] * share(f)
                for f, weight in question.factors.items()
            )
            if value < 1.0 and below_target.intersection(question.factors):
                gaps.append(_gap(content, question, raw, value, shortfall, lang))
            if value >= STRENGTH_VALUE:
                strengths.append((overall_points, question, raw, value))
        results.append(
            QuestionResult(
                id=question.id,
                section=question.section,
                text=question.text.get(lang),
                status=status,  # type: ignore[arg-type]
                answer=_json_answer(raw),
                answer_label=answer_label(question, raw, lang) if raw is not None else None,
                value=value,
                contributions=contributions,
                overall_points=round(overall_points, 3),
            )
        )
    gaps.sort(key=lambda gap: (-gap.shortfall, gap.question))
    strengths.sort(key=lambda item: (-item[0], item[1].id))

    applicable = [q for q in content.questions if statuses[q.id] in ("answered", "skipped")]
    possible = sum(sum(w * share_all(weights, f) for f, w in q.factors.items()) for q in applicable)
    got = sum(
        sum(w * share_all(weights, f) for f, w in item.question.factors.items()) for item in scored
    )
    weighted = got / possible if possible > 0 else 0.0

    return Scorecard(
        schema_version=SCHEMA_VERSION,
        tool=Versions(name="founder-check", version=__version__),
        content=Versions(name=content.name, version=content.version),
        generated_at=generated_at,
        lang=lang,
        subject=Subject(founder=answers.founder, company=answers.company),
        stage=StageRef(id=stage_model.id, name=stage_model.name.get(lang), source=stage_source),
        overall=round(overall, 1),
        level=_level_ref(level, lang),
        score_level=_level_ref(score_level, lang),
        gate_level=_level_ref(gate_level, lang),
        next_gate=next_gate,
        factors=factors,
        questions=results,
        gaps=gaps,
        strengths=[
            Strength(
                question=q.id,
                text=q.text.get(lang),
                answer_label=answer_label(q, raw, lang),
                value=value,
                factors=list(q.factors),
            )
            for _, q, raw, value in strengths[:MAX_STRENGTHS]
        ],
        red_flags=red_flags,
        recommended_chapters=_recommended(content, gaps, red_flags, lang),
        coverage=Coverage(
            applicable=len(applicable),
            answered=len(scored),
            skipped=[q.id for q in applicable if statuses[q.id] == "skipped"],
            not_applicable=[q for q, s in statuses.items() if s == "not_applicable"],
            not_expected=[q for q, s in statuses.items() if s == "not_expected"],
            weighted=round(weighted, 3),
            confidence=_confidence(weighted, len(scored)),
        ),
    )


def share_all(weights: dict[str, float], factor_id: str) -> float:
    total = sum(weights.values())
    return weights[factor_id] / total if total > 0 else 0.0


def _pick_stage(content: Content, answers: Answers, stage: str | None) -> tuple[Stage, StageSource]:
    if stage is not None:
        return content.stage_by_id[stage], "option"
    if answers.stage is not None:
        return content.stage_by_id[answers.stage], "answers"
    return content.stage_by_id[content.default_stage], "default"


def _json_answer(raw: AnswerValue | None) -> JsonAnswer:
    return list(raw) if isinstance(raw, tuple) else raw


def _chapter_ref(content: Content, ref: str, lang: Lang) -> ChapterRef:
    chapter = content.chapter_by_ref[ref]
    return ChapterRef(
        ref=ref,
        doc=chapter.doc,
        doc_title=content.document_by_id[chapter.doc].title.get(lang),
        section=chapter.section,
        title=chapter.title.get(lang),
        summary=chapter.summary.get(lang),
    )


def _gap(
    content: Content,
    question: Question,
    raw: AnswerValue,
    value: float,
    shortfall: float,
    lang: Lang,
) -> Gap:
    best_options = _best_options(question, lang)
    return Gap(
        question=question.id,
        text=question.text.get(lang),
        answer=_json_answer(raw),
        answer_label=answer_label(question, raw, lang),
        value=round(value, 3),
        shortfall=round(shortfall, 2),
        factors=list(question.factors),
        strong_answer=question.help.get(lang),
        best_options=best_options,
        chapters=[_chapter_ref(content, ref, lang) for ref in question.chapters],
    )


def _best_options(question: Question, lang: Lang) -> list[str]:
    """Labels of the highest-valued answers: what to aim for."""
    if question.kind == "number":
        top_band = max(question.bands, key=lambda band: band.value)
        return [top_band.label.get(lang)]
    if question.kind == "yesno":
        yes = question.yes_score >= question.no_score
        return [("是" if yes else "否") if lang == "zh" else ("yes" if yes else "no")]
    if question.kind == "scale" and question.scale is not None:
        label = question.scale.labels.get(question.scale.max)
        return [label.get(lang)] if label is not None else []
    best = max(option.value for option in question.options)
    return [o.label.get(lang) for o in question.options if o.value == best and not o.exclusive]


def _red_flags(
    content: Content,
    values: dict[str, AnswerValue],
    factor_scores: dict[str, float | None],
    stage: str,
    lang: Lang,
) -> list[RedFlagHit]:
    hits = []
    for flag in content.red_flags:
        if not applies(
            flag.when, values, content=content, factor_scores=factor_scores, stage=stage
        ):
            continue
        evidence = []
        for question_id in matching_questions(
            flag.when, values, content=content, factor_scores=factor_scores, stage=stage
        ):
            if question_id in values:
                question = content.question_by_id[question_id]
                raw = values[question_id]
                evidence.append(
                    Evidence(
                        question=question_id,
                        answer=_json_answer(raw),
                        answer_label=answer_label(question, raw, lang),
                    )
                )
        hits.append(
            RedFlagHit(
                id=flag.id,
                severity=flag.severity,
                title=flag.title.get(lang),
                explanation=flag.explanation.get(lang),
                action=flag.action.get(lang),
                evidence=evidence,
                cases=[case.get(lang) for case in flag.cases],
                chapters=[_chapter_ref(content, ref, lang) for ref in flag.chapters],
            )
        )
    hits.sort(key=lambda hit: (SEVERITY_ORDER[hit.severity], hit.id))
    return hits


def _score_level(levels: tuple[Level, ...], overall: float) -> Level:
    reached = levels[0]
    for level in levels:
        if overall >= level.min_score:
            reached = level
    return reached


def _gate_level(
    content: Content,
    values: dict[str, AnswerValue],
    factor_scores: dict[str, float | None],
    stage: str,
    lang: Lang,
) -> tuple[Level, NextGate | None]:
    """The highest level whose must-haves, and those of every level below, are all met;
    and what the next gate still lacks."""

    def met(condition: Condition) -> bool:
        return applies(condition, values, content=content, factor_scores=factor_scores, stage=stage)

    cleared = content.levels[0]
    for level in content.levels:
        missing = [condition for condition in level.requires if not met(condition)]
        if missing:
            requirements = [
                GateRequirement(
                    text=condition_text(condition, lang, content),
                    questions=questions_in(condition),
                )
                for condition in missing
            ]
            return cleared, NextGate(level=_level_ref(level, lang), missing=requirements)
        cleared = level
    return cleared, None


def _capped_level(content: Content, level: Level, red_flags: list[RedFlagHit]) -> Level:
    order = [lv.id for lv in content.levels]
    rank = order.index(level.id)
    for hit in red_flags:
        cap = content.red_flag_caps.get(hit.severity)
        if cap is not None:
            rank = min(rank, order.index(cap))
    return content.levels[rank]


def _level_ref(level: Level, lang: Lang) -> LevelRef:
    return LevelRef(id=level.id, name=level.name.get(lang), description=level.description.get(lang))


def _recommended(
    content: Content, gaps: list[Gap], red_flags: list[RedFlagHit], lang: Lang
) -> list[RecommendedChapter]:
    """Chapters behind the red flags first, then behind the largest gaps; each listed once."""
    reasons: dict[str, list[str]] = {}
    for hit in red_flags:
        for chapter in hit.chapters:
            reasons.setdefault(chapter.ref, []).append(hit.id)
    for gap in gaps[:TOP_GAPS_FOR_READING]:
        for chapter in gap.chapters:
            reasons.setdefault(chapter.ref, []).append(gap.question)
    recommended = []
    for ref, why in list(reasons.items())[:MAX_RECOMMENDED_CHAPTERS]:
        base = _chapter_ref(content, ref, lang)
        recommended.append(RecommendedChapter(**vars(base), reasons=why))
    return recommended


def _confidence(weighted: float, answered: int) -> Confidence:
    if answered == 0:
        return "none"
    if weighted >= 0.9:
        return "high"
    if weighted >= 0.7:
        return "medium"
    return "low"
