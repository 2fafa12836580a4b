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

Everything that depends only on the content, the stage and the language (weights, texts,
option values and labels, chapter references) is worked out once into a `_Plan` and kept
on the content, so that scoring a cohort of thousands costs little per founder.
"""

from __future__ import annotations

from dataclasses import dataclass

from founder_check import __version__
from founder_check.answers import Answers
from founder_check.condition_text import condition_text
from founder_check.conditions import applies, matching_questions, questions_in
from founder_check.content.models import (
    SEVERITY_RANK,
    Condition,
    Content,
    Lang,
    Level,
    Question,
    Stage,
)
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


@dataclass(frozen=True)
class _QuestionPlan:
    """One question as scored at one stage, in one language."""

    question: Question
    static_status: str | None  # "not_expected" or "unscored"; None: depends on the answer
    factors: tuple[tuple[str, float], ...]
    text: str
    best_options: list[str]
    chapters: list[str]


@dataclass(frozen=True)
class _Plan:
    stage: Stage
    lang: Lang
    questions: tuple[_QuestionPlan, ...]
    factor_ids: tuple[str, ...]
    weights: dict[str, float]
    factor_names: dict[str, str]
    targets: dict[str, float | None]
    stage_ref: dict[StageSource, StageRef]
    levels: dict[str, LevelRef]
    chapters: dict[str, ChapterRef]
    summaries: dict[str, str]
    documents: dict[str, str]
    versions: tuple[Versions, Versions]


def _plan(content: Content, stage: Stage, lang: Lang) -> _Plan:
    key = ("engine-plan", stage.id, lang)
    cached = content.memo.get(key)
    if cached is None:
        cached = content.memo[key] = _make_plan(content, stage, lang)
    plan: _Plan = cached
    return plan


def _make_plan(content: Content, stage: Stage, lang: Lang) -> _Plan:
    rank = content.stage_rank[stage.id]
    questions = []
    for question in content.questions:
        static_status = None
        if question.from_stage is not None and content.stage_rank[question.from_stage] > rank:
            static_status = "not_expected"
        elif not question.scored:
            static_status = "unscored"
        questions.append(
            _QuestionPlan(
                question=question,
                static_status=static_status,
                factors=tuple(question.factors.items()),
                text=question.text.get(lang),
                best_options=_best_options(question, lang) if question.scored else [],
                chapters=list(question.chapters),
            )
        )
    chapters = {
        chapter.ref: ChapterRef(
            ref=chapter.ref,
            doc=chapter.doc,
            section=chapter.section,
            title=chapter.title.get(lang),
        )
        for chapter in content.chapters
    }
    name = stage.name.get(lang)
    return _Plan(
        stage=stage,
        lang=lang,
        questions=tuple(questions),
        factor_ids=tuple(f.id for f in content.factors),
        weights={f.id: stage.weights.get(f.id, f.weight) for f in content.factors},
        factor_names={f.id: f.name.get(lang) for f in content.factors},
        targets={f.id: stage.targets.get(f.id) for f in content.factors},
        stage_ref={
            source: StageRef(id=stage.id, name=name, source=source)
            for source in ("option", "answers", "default")
        },
        levels={level.id: _level_ref(level, lang) for level in content.levels},
        chapters=chapters,
        summaries={chapter.ref: chapter.summary.get(lang) for chapter in content.chapters},
        documents={document.id: document.title.get(lang) for document in content.documents},
        versions=(
            Versions(name="founder-check", version=__version__),
            Versions(name=content.name, version=content.version),
        ),
    )


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
    plan = _plan(content, stage_model, lang)
    values = answers.values

    statuses: dict[str, str] = {}
    answered: list[tuple[_QuestionPlan, float]] = []
    for item in plan.questions:
        question = item.question
        if question.when is not None and not applies(question.when, values, content=content):
            statuses[question.id] = "not_applicable"
        elif item.static_status is not None:
            statuses[question.id] = item.static_status
        elif question.id not in values:
            statuses[question.id] = "skipped"
        else:
            statuses[question.id] = "answered"
            answered.append((item, answer_value(question, values[question.id])))

    weights = plan.weights
    totals = dict.fromkeys(plan.factor_ids, 0.0)
    denominators = dict.fromkeys(plan.factor_ids, 0.0)
    counts = dict.fromkeys(plan.factor_ids, 0)
    for item, value in answered:
        for factor_id, weight in item.factors:
            totals[factor_id] += weight * value
            denominators[factor_id] += weight
            counts[factor_id] += 1
    factor_scores: dict[str, float | None] = {
        f: (100.0 * totals[f] / denominators[f] if denominators[f] > 0 else None) for f in totals
    }
    weight_sum = sum(weights[f] for f, s in factor_scores.items() if s is not None)
    overall = (
        sum(weights[f] * s for f, s in factor_scores.items() if s is not None) / weight_sum
        if weight_sum > 0
        else 0.0
    )
    # overall points per factor point, for each factor
    share = {f: (weights[f] / weight_sum if weight_sum > 0 else 0.0) for f in weights}

    red_flags = _red_flags(content, plan, values, factor_scores)
    score_level = _score_level(content.levels, overall)
    gate_level, next_gate = _gate_level(content, plan, values, factor_scores)
    level = _capped_level(content, score_level, red_flags)

    # scored questions that apply at this stage, answered or not: the base of coverage
    applicable = [i for i in plan.questions if statuses[i.question.id] in ("answered", "skipped")]
    applicable_counts = dict.fromkeys(plan.factor_ids, 0)
    for item in applicable:
        for factor_id, _ in item.factors:
            applicable_counts[factor_id] += 1
    factors = []
    below_target: set[str] = set()
    for factor_id in plan.factor_ids:
        factor_score = factor_scores[factor_id]
        target = plan.targets[factor_id]
        gap = None
        if factor_score is not None and target is not None:
            gap = round(max(0.0, target - factor_score), 1)
            if target - factor_score > 0:
                below_target.add(factor_id)
        factors.append(
            FactorScore(
                id=factor_id,
                name=plan.factor_names[factor_id],
                score=None if factor_score is None else round(factor_score, 1),
                weight=weights[factor_id],
                target=target,
                gap=gap,
                answered=counts[factor_id],
                applicable=applicable_counts[factor_id],
            )
        )

    values_by_id = {item.question.id: value for item, value in answered}
    results = []
    gaps = []
    strengths = []
    for item in plan.questions:
        question_id = item.question.id
        raw = values.get(question_id)
        question_value = values_by_id.get(question_id)
        contributions: dict[str, float] = {}
        overall_points = 0.0
        if question_value is not None and raw is not None:
            value = question_value
            shortfall = 0.0
            for factor_id, weight in item.factors:
                points = 100.0 * weight * value / denominators[factor_id]
                contributions[factor_id] = round(points, 3)
                overall_points += points * share[factor_id]
                shortfall += (
                    100.0 * weight * (1.0 - value) / denominators[factor_id] * share[factor_id]
                )
            if value < 1.0 and any(f in below_target for f, _ in item.factors):
                gaps.append(_gap(item, raw, value, shortfall, plan.lang))
            if value >= STRENGTH_VALUE:
                strengths.append((overall_points, item, raw, value))
        results.append(
            QuestionResult(
                id=question_id,
                status=statuses[question_id],  # type: ignore[arg-type]
                answer=_json_answer(raw),
                value=question_value,
                contributions=contributions,
                overall_points=round(overall_points, 3),
            )
        )
    gaps.sort(key=lambda gap: (-gap.shortfall, gap.question))
    strengths.sort(key=lambda entry: (-entry[0], entry[1].question.id))

    possible = sum(w * weights[f] for i in applicable for f, w in i.factors)
    got = sum(w * weights[f] for i, _ in answered for f, w in i.factors)
    weighted = got / possible if possible > 0 else 0.0

    recommended = _recommended(plan, gaps, red_flags)
    cited = {ref for gap in gaps for ref in gap.chapters}
    cited.update(ref for hit in red_flags for ref in hit.chapters)
    return Scorecard(
        schema_version=SCHEMA_VERSION,
        tool=plan.versions[0],
        content=plan.versions[1],
        generated_at=generated_at,
        lang=lang,
        subject=Subject(founder=answers.founder, company=answers.company),
        stage=plan.stage_ref[stage_source],
        overall=round(overall, 1),
        level=plan.levels[level.id],
        score_level=plan.levels[score_level.id],
        gate_level=plan.levels[gate_level.id],
        next_gate=next_gate,
        factors=factors,
        questions=results,
        gaps=gaps,
        strengths=[
            Strength(
                question=item.question.id,
                text=item.text,
                answer_label=answer_label(item.question, raw, lang),
                value=value,
                factors=[f for f, _ in item.factors],
            )
            for _, item, raw, value in strengths[:MAX_STRENGTHS]
        ],
        red_flags=red_flags,
        recommended_chapters=recommended,
        coverage=Coverage(
            applicable=len(applicable),
            answered=len(answered),
            skipped=[i.question.id for i in applicable if statuses[i.question.id] == "skipped"],
            not_applicable=[q for q, s in statuses.items() if s == "not_applicable"],
            not_expected=[q for q, s in statuses.items() if s == "not_expected"],
            weighted=round(weighted, 3),
            confidence=_confidence(weighted, len(answered)),
        ),
        chapters={ref: plan.chapters[ref] for ref in sorted(cited)},
        documents={doc: plan.documents[doc] for doc in sorted({r.split(" ")[0] for r in cited})},
    )


def _pick_stage(content: Content, answers: Answers, stage: str | None) -> tuple[Stage, StageSource]:
    if stage is not None:
        return content.stage_by_id[stage], "option"
    if answers.stage is not None:
        return content.stage_by_id[answers.stage], "answers"
    return content.stage_by_id[content.default_stage], "default"


def _json_answer(raw: AnswerValue | None) -> JsonAnswer:
    return list(raw) if isinstance(raw, tuple) else raw


def _gap(item: _QuestionPlan, raw: AnswerValue, value: float, shortfall: float, lang: Lang) -> Gap:
    return Gap(
        question=item.question.id,
        text=item.text,
        answer=_json_answer(raw),
        answer_label=answer_label(item.question, raw, lang),
        value=round(value, 3),
        shortfall=round(shortfall, 2),
        factors=[f for f, _ in item.factors],
        best_options=item.best_options,
        chapters=item.chapters,
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
    plan: _Plan,
    values: dict[str, AnswerValue],
    factor_scores: dict[str, float | None],
) -> list[RedFlagHit]:
    lang = plan.lang
    stage = plan.stage.id
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
                chapters=list(flag.chapters),
            )
        )
    hits.sort(key=lambda hit: (SEVERITY_RANK[hit.severity], hit.id))
    return hits


def _score_level(levels: tuple[Level, ...], overall: float) -> Level:
    reached = levels[0]
    for level in levels:
        if overall >= level.min_score:
            reached = level
    return reached


def _gate_level(
    content: Content,
    plan: _Plan,
    values: dict[str, AnswerValue],
    factor_scores: dict[str, float | None],
) -> tuple[Level, NextGate | None]:
    """The highest level whose must-haves, and those of every level below, are all met;
    and what the next gate still lacks."""
    stage = plan.stage.id

    def met(condition: Condition) -> bool:
        return applies(condition, values, content=content, factor_scores=factor_scores, stage=stage)

    cleared = content.levels[0]
    for level in content.levels:
        missing = [condition for condition in level.requires if not met(condition)]
        if missing:
            requirements = [
                GateRequirement(
                    text=condition_text(condition, plan.lang, content),
                    questions=questions_in(condition),
                )
                for condition in missing
            ]
            return cleared, NextGate(level=plan.levels[level.id], missing=requirements)
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
    plan: _Plan, gaps: list[Gap], red_flags: list[RedFlagHit]
) -> list[RecommendedChapter]:
    """Chapters behind the red flags first, then behind the largest gaps; each listed once."""
    reasons: dict[str, list[str]] = {}
    for hit in red_flags:
        for ref in hit.chapters:
            reasons.setdefault(ref, []).append(hit.id)
    for gap in gaps[:TOP_GAPS_FOR_READING]:
        for ref in gap.chapters:
            reasons.setdefault(ref, []).append(gap.question)
    recommended = []
    for ref, why in list(reasons.items())[:MAX_RECOMMENDED_CHAPTERS]:
        chapter = plan.chapters[ref]
        recommended.append(
            RecommendedChapter(
                ref=ref,
                doc=chapter.doc,
                section=chapter.section,
                title=chapter.title,
                doc_title=plan.documents[chapter.doc],
                summary=plan.summaries[ref],
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
