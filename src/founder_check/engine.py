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
  answers and the content; it is handed a way to score what-if answers without planning,
  and each plan is confirmed by scoring its answers again.

Everything that depends only on the content, the stage and the language (weights, texts,
option values and labels, chapter references) is worked out once into a `_Plan` and kept
on the content, so that scoring a cohort of thousands costs little per founder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from founder_check import __version__
from founder_check.answers import Answers
from founder_check.conditions import Compiled, Test, compile_condition, questions_in
from founder_check.content.models import (
    SEVERITY_RANK,
    UNKNOWN,
    Content,
    Lang,
    Level,
    Question,
    Severity,
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
    ToFindOut,
    Versions,
)
from founder_check.valuation import AnswerValue, label_function, value_function

STRENGTH_VALUE = 0.8
TOP_GAPS_FOR_READING = 5
MAX_RECOMMENDED_CHAPTERS = 8
MAX_STRENGTHS = 5


@dataclass(frozen=True, slots=True)
class _QuestionPlan:
    """One question as scored at one stage, in one language."""

    id: str
    static_status: str | None  # "not_expected" or "unscored"; None: depends on the answer
    when: Test | None
    terms: tuple[tuple[str, float, float], ...]  # (factor, weight, weight x stage weight)
    factor_ids: list[str]
    value_of: Callable[[AnswerValue], float]
    label_of: Callable[[AnswerValue], str]
    text: str
    best_options: list[str]
    chapters: list[str]


@dataclass(frozen=True, slots=True)
class _FlagPlan:
    """One red-flag rule, its texts in the plan's language."""

    id: str
    severity: Severity
    condition: Compiled
    title: str
    because: str
    explanation: str
    action: str
    cases: list[str]
    chapters: list[str]


@dataclass(frozen=True, slots=True)
class _LevelPlan:
    level: Level
    rank: int
    ref: LevelRef
    requires: tuple[tuple[Compiled, GateRequirement], ...]


@dataclass(frozen=True)
class _Plan:
    stage: Stage
    questions: tuple[_QuestionPlan, ...]
    question_by_id: dict[str, _QuestionPlan]
    factor_ids: tuple[str, ...]
    weights: dict[str, float]
    factor_names: dict[str, str]
    targets: dict[str, float | None]
    stage_ref: dict[StageSource, StageRef]
    levels: tuple[_LevelPlan, ...]
    caps: dict[str, int]  # severity -> rank of the highest level a red flag of it allows
    flag_points: dict[str, float]  # severity -> points a red flag of it takes off the overall
    flag_points_max: float | None
    red_flags: tuple[_FlagPlan, ...]  # most severe first, then by id: the report's order
    chapters: dict[str, ChapterRef]
    summaries: dict[str, str]
    lessons: dict[str, str]  # chapter ref -> what it teaches (every cited chapter has one)
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
    weights = {f.id: stage.weights.get(f.id, f.weight) for f in content.factors}
    questions = []
    for question in content.questions:
        static_status = None
        if question.from_stage is not None and content.stage_rank[question.from_stage] > rank:
            static_status = "not_expected"
        elif not question.scored:
            static_status = "unscored"
        questions.append(
            _QuestionPlan(
                id=question.id,
                static_status=static_status,
                when=_when(question, content),
                terms=tuple(
                    (factor_id, weight, weight * weights[factor_id])
                    for factor_id, weight in question.factors.items()
                ),
                factor_ids=list(question.factors),
                value_of=value_function(question),
                label_of=label_function(question, lang),
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
    levels = tuple(
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
    level_by_id = {item.level.id: item for item in levels}
    flags = sorted(content.red_flags, key=lambda flag: (SEVERITY_RANK[flag.severity], flag.id))
    name = stage.name.get(lang)
    return _Plan(
        stage=stage,
        questions=tuple(questions),
        question_by_id={item.id: item for item in questions},
        factor_ids=tuple(f.id for f in content.factors),
        weights=weights,
        factor_names={f.id: f.name.get(lang) for f in content.factors},
        targets={f.id: stage.targets.get(f.id) for f in content.factors},
        stage_ref={
            source: StageRef(id=stage.id, name=name, source=source)
            for source in ("option", "answers", "default")
        },
        levels=levels,
        caps={
            severity: level_by_id[level_id].rank
            for severity, level_id in content.red_flag_caps.items()
        },
        flag_points={severity: points for severity, points in content.red_flag_points.items()},
        flag_points_max=content.red_flag_points_max,
        red_flags=tuple(
            _FlagPlan(
                id=flag.id,
                severity=flag.severity,
                condition=compile_condition(flag.when, content),
                title=flag.title.get(lang),
                because=flag.because.get(lang) if flag.because else flag.title.get(lang),
                explanation=flag.explanation.get(lang),
                action=flag.action.get(lang),
                cases=[case.get(lang) for case in flag.cases],
                chapters=list(flag.chapters),
            )
            for flag in flags
        ),
        chapters=chapters,
        summaries={chapter.ref: chapter.summary.get(lang) for chapter in content.chapters},
        lessons={c.ref: c.lesson.get(lang) for c in content.chapters if c.lesson is not None},
        documents={document.id: document.title.get(lang) for document in content.documents},
        versions=(
            Versions(name="founder-check", version=__version__),
            Versions(name=content.name, version=content.version),
        ),
    )


def _when(question: Question, content: Content) -> Test | None:
    return None if question.when is None else compile_condition(question.when, content).test


def score(
    content: Content,
    answers: Answers,
    *,
    stage: str | None = None,
    lang: Lang = "en",
    generated_at: str | None = None,
    next_steps: bool = True,
) -> Scorecard:
    """Score answers against content; `stage` overrides the answers' own stage.

    The scorecard's `date` is the answers' date, else today's: the day the facts describe,
    which `generated_at` (the moment of scoring) is not when an old file is rescored.
    `next_steps=False` leaves out the plan to the next level (`plan` empty, `next_level`
    None), for callers that only need the scores.
    """
    stage_model, stage_source = _pick_stage(content, answers, stage)
    card, overall = _scorecard(content, answers, stage_model, stage_source, lang, generated_at)
    if next_steps:
        from founder_check.planner import next_steps as plan_next_steps

        def measure(values: dict[str, AnswerValue]) -> tuple[float, str]:
            changed = replace(answers, values=values)
            what_if, exact = _scorecard(
                content, changed, stage_model, stage_source, lang, generated_at
            )
            return exact, what_if.level.id

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
) -> tuple[Scorecard, float]:
    """The scorecard without a plan, and its overall score before rounding."""
    plan = _plan(content, stage_model, lang)
    values = answers.values
    weights = plan.weights

    # each question's status; the answered ones (and the "not sure" ones) with their values
    statuses: dict[str, str] = {}
    answered: list[tuple[_QuestionPlan, AnswerValue, float]] = []
    unknown: list[tuple[_QuestionPlan, float]] = []
    applicable: list[_QuestionPlan] = []  # scored questions expected at this stage
    skipped: list[str] = []
    not_applicable: list[str] = []
    not_expected: list[str] = []
    possible = 0.0  # stage-weighted question weights: applicable, and answered
    got = 0.0
    totals = dict.fromkeys(plan.factor_ids, 0.0)
    denominators = dict.fromkeys(plan.factor_ids, 0.0)
    counts = dict.fromkeys(plan.factor_ids, 0)
    applicable_counts = dict.fromkeys(plan.factor_ids, 0)
    for item in plan.questions:
        question_id = item.id
        if item.when is not None and not item.when(values, None, None):
            statuses[question_id] = "not_applicable"
            not_applicable.append(question_id)
            continue
        if item.static_status is not None:
            statuses[question_id] = item.static_status
            if item.static_status == "not_expected":
                not_expected.append(question_id)
            continue
        applicable.append(item)
        for factor_id, _, stage_weighted in item.terms:
            possible += stage_weighted
            applicable_counts[factor_id] += 1
        raw = values.get(question_id)
        if raw is None:
            statuses[question_id] = "skipped"
            skipped.append(question_id)
            continue
        value = item.value_of(raw)
        answered.append((item, raw, value))
        if raw == UNKNOWN:
            statuses[question_id] = "unknown"
            unknown.append((item, value))
            continue
        statuses[question_id] = "answered"
        for factor_id, weight, stage_weighted in item.terms:
            got += stage_weighted
            totals[factor_id] += weight * value
            denominators[factor_id] += weight
            counts[factor_id] += 1
    known_scores = factor_scores = _factor_scores(totals, denominators)
    if unknown:
        _add_unknown(unknown, totals, denominators, counts)
        factor_scores = _factor_scores(totals, denominators)
    weight_sum = sum(weights[f] for f, s in factor_scores.items() if s is not None)
    overall = (
        sum(weights[f] * s for f, s in factor_scores.items() if s is not None) / weight_sum
        if weight_sum > 0
        else 0.0
    )
    # overall points per factor point, for each factor
    share = {f: (weights[f] / weight_sum if weight_sum > 0 else 0.0) for f in weights}

    stage_id = plan.stage.id
    red_flags = _red_flags(plan, values, known_scores, stage_id)
    mean = overall
    overall = _take_flag_points(plan, mean, red_flags)
    score_level = _score_level(plan.levels, overall)
    unmet = _unmet_requirements(plan, values, known_scores, stage_id)
    gate_level = _gate_level(plan, unmet)
    flag_cap = _flag_cap(plan, red_flags)
    level = plan.levels[min(score_level.rank, gate_level.rank, flag_cap.rank)]
    next_gate = _next_gate(plan, level, unmet, red_flags)

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
            FactorScore(  # id, name, score, weight, target, gap, answered, applicable
                factor_id,
                plan.factor_names[factor_id],
                None if factor_score is None else round(factor_score, 1),
                weights[factor_id],
                target,
                gap,
                counts[factor_id],
                applicable_counts[factor_id],
            )
        )

    scored = {item.id: (raw, value) for item, raw, value in answered}
    results = []
    gaps = []
    strengths = []
    to_find_out = []
    for item in plan.questions:
        question_id = item.id
        entry = scored.get(question_id)
        if entry is None:
            results.append(
                QuestionResult(  # id, status, answer, value, contributions, overall points
                    question_id,
                    statuses[question_id],  # type: ignore[arg-type]
                    _json_answer(values.get(question_id)),
                    None,
                    {},
                    0.0,
                )
            )
            continue
        raw, value = entry
        status = statuses[question_id]
        contributions: dict[str, float] = {}
        overall_points = 0.0
        shortfall = 0.0
        for factor_id, weight, _ in item.terms:
            points = 100.0 * weight * value / denominators[factor_id]
            contributions[factor_id] = round(points, 3)
            overall_points += points * share[factor_id]
            shortfall += 100.0 * weight * (1.0 - value) / denominators[factor_id] * share[factor_id]
        if status == "unknown":
            to_find_out.append(ToFindOut(question_id, item.text, item.chapters))
        elif value < 1.0 and not below_target.isdisjoint(item.factor_ids):
            gaps.append(
                Gap(  # positional: this runs for ~30 questions of each founder
                    question_id,  # question
                    item.text,  # text
                    _json_answer(raw),  # answer
                    item.label_of(raw),  # answer_label
                    round(value, 3),  # value
                    round(shortfall, 2),  # shortfall
                    item.factor_ids,  # factors
                    item.best_options,  # best_options
                    item.chapters,  # chapters
                )
            )
        if value >= STRENGTH_VALUE and status == "answered":
            strengths.append((overall_points, item, raw, value))
        results.append(
            QuestionResult(  # id, status, answer, value, contributions, overall points
                question_id,
                status,  # type: ignore[arg-type]
                _json_answer(raw),
                value,
                contributions,
                round(overall_points, 3),
            )
        )
    gaps.sort(key=lambda gap: (-gap.shortfall, gap.question))
    strengths.sort(key=lambda entry: (-entry[0], entry[1].id))

    weighted = got / possible if possible > 0 else 0.0
    recommended = _recommended(plan, gaps, red_flags)
    cited = {ref for gap in gaps for ref in gap.chapters}
    cited.update(ref for hit in red_flags for ref in hit.chapters)
    cited.update(ref for entry in to_find_out for ref in entry.chapters)
    card = Scorecard(
        schema_version=SCHEMA_VERSION,
        tool=plan.versions[0],
        content=plan.versions[1],
        generated_at=generated_at,
        date=(answers.date or date.today()).isoformat(),
        lang=lang,
        subject=Subject(founder=answers.founder, company=answers.company),
        stage=plan.stage_ref[stage_source],
        overall=round(overall, 1),
        red_flag_points=round(overall - mean, 2),
        level=level.ref,
        score_level=score_level.ref,
        gate_level=gate_level.ref,
        flag_cap=flag_cap.ref if flag_cap.rank < len(plan.levels) - 1 else None,
        next_gate=next_gate,
        next_level=None,
        plan=[],
        factors=factors,
        questions=results,
        gaps=gaps,
        to_find_out=to_find_out,
        strengths=[
            Strength(
                question=item.id,
                text=item.text,
                answer_label=item.label_of(raw),
                value=value,
                factors=item.factor_ids,
            )
            for _, item, raw, value in strengths[:MAX_STRENGTHS]
        ],
        red_flags=red_flags,
        recommended_chapters=recommended,
        coverage=Coverage(
            applicable=len(applicable),
            answered=len(answered) - len(unknown),
            skipped=skipped,
            not_applicable=not_applicable,
            not_expected=not_expected,
            unknown=[item.id for item, _ in unknown],
            weighted=round(weighted, 3),
            confidence=_confidence(weighted, len(answered) - len(unknown)),
        ),
        chapters={ref: plan.chapters[ref] for ref in sorted(cited)},
        documents={doc: plan.documents[doc] for doc in sorted({r.split(" ")[0] for r in cited})},
    )
    return card, overall


def _cite(plan: _Plan, card: Scorecard, refs: list[str]) -> None:
    """Add chapters (the plan's) to the scorecard's `chapters` and `documents`, in order."""
    new = set(refs) - card.chapters.keys()
    if not new:
        return
    cited = new | card.chapters.keys()
    card.chapters = {ref: plan.chapters[ref] for ref in sorted(cited)}
    card.documents = {doc: plan.documents[doc] for doc in sorted({r.split(" ")[0] for r in cited})}


def _factor_scores(
    totals: dict[str, float], denominators: dict[str, float]
) -> dict[str, float | None]:
    """Each factor's weighted mean, times 100; None for a factor no answer feeds."""
    return {
        f: (100.0 * totals[f] / denominators[f] if denominators[f] > 0 else None) for f in totals
    }


def _add_unknown(
    unknown: list[tuple[_QuestionPlan, float]],
    totals: dict[str, float],
    denominators: dict[str, float],
    counts: dict[str, int],
) -> None:
    """Count the "not sure" answers in their factors, at their conservative values.

    Added after the real answers so that the factor scores without them (what red-flag
    rules test) are at hand; the coverage behind the confidence leaves them out.
    """
    for item, value in unknown:
        for factor_id, weight, _ in item.terms:
            totals[factor_id] += weight * value
            denominators[factor_id] += weight
            counts[factor_id] += 1


def _pick_stage(content: Content, answers: Answers, stage: str | None) -> tuple[Stage, StageSource]:
    if stage is not None:
        return content.stage_by_id[stage], "option"
    if answers.stage is not None:
        return content.stage_by_id[answers.stage], "answers"
    return content.stage_by_id[content.default_stage], "default"


def _json_answer(raw: AnswerValue | None) -> JsonAnswer:
    return list(raw) if isinstance(raw, tuple) else raw


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
    plan: _Plan,
    values: dict[str, AnswerValue],
    factor_scores: dict[str, float | None],
    stage: str,
) -> list[RedFlagHit]:
    """The rules that hold, most severe first, each with the answers that make it hold.

    A "not sure" answer never makes a rule hold: every test on it, and every `not` over
    it, is false (`conditions`), so a rule holds only through the other answers; and
    `factor_scores` leave the "not sure" answers out. Not knowing is not a confessed
    weakness.
    """
    questions = plan.question_by_id
    hits = []
    for flag in plan.red_flags:
        condition = flag.condition
        if not condition.test(values, factor_scores, stage):
            continue
        evidence = []
        for question_id in condition.evidence(values, factor_scores, stage):
            raw = values[question_id]
            evidence.append(
                Evidence(
                    question=question_id,
                    answer=_json_answer(raw),
                    answer_label=questions[question_id].label_of(raw),
                )
            )
        hits.append(
            RedFlagHit(
                id=flag.id,
                severity=flag.severity,
                title=flag.title,
                because=flag.because,
                explanation=flag.explanation,
                action=flag.action,
                evidence=evidence,
                cases=flag.cases,
                chapters=flag.chapters,
                points=0.0,
            )
        )
    return hits


def _take_flag_points(plan: _Plan, overall: float, red_flags: list[RedFlagHit]) -> float:
    """The overall score less the points of the triggered red flags (their sum capped at
    the content's maximum, and never below 0); each hit records what it took.

    A decisive fact costs points as well as holding the level down: a company whose cash
    runs out next quarter is weaker than the mean of its other answers says.
    """
    wanted = [plan.flag_points.get(hit.severity, 0.0) for hit in red_flags]
    total = sum(wanted)
    if total <= 0:
        return overall
    taken = min(total, overall)
    if plan.flag_points_max is not None:
        taken = min(taken, plan.flag_points_max)
    for hit, points in zip(red_flags, wanted, strict=True):
        hit.points = -round(points * taken / total, 2)
    return overall - taken


def _score_level(levels: tuple[_LevelPlan, ...], overall: float) -> _LevelPlan:
    reached = levels[0]
    for level in levels:
        if overall >= level.level.min_score:
            reached = level
    return reached


def _unmet_requirements(
    plan: _Plan,
    values: dict[str, AnswerValue],
    factor_scores: dict[str, float | None],
    stage: str,
) -> list[list[GateRequirement]]:
    """For each level, lowest first, its must-haves that the answers do not meet."""
    return [
        [
            requirement
            for condition, requirement in level.requires
            if not condition.test(values, factor_scores, stage)
        ]
        for level in plan.levels
    ]


def _gate_level(plan: _Plan, unmet: list[list[GateRequirement]]) -> _LevelPlan:
    """The highest level whose must-haves, and those of every level below, are all met."""
    cleared = plan.levels[0]
    for level, missing in zip(plan.levels, unmet, strict=True):
        if missing:
            break
        cleared = level
    return cleared


def _flag_cap(plan: _Plan, red_flags: list[RedFlagHit]) -> _LevelPlan:
    """The highest level the triggered red flags allow (the top level when none caps)."""
    rank = len(plan.levels) - 1
    for hit in red_flags:
        cap = plan.caps.get(hit.severity)
        if cap is not None:
            rank = min(rank, cap)
    return plan.levels[rank]


def _next_gate(
    plan: _Plan,
    level: _LevelPlan,
    unmet: list[list[GateRequirement]],
    red_flags: list[RedFlagHit],
) -> NextGate | None:
    """What the level above the one told still needs; None at the top of the ladder."""
    if level.rank + 1 >= len(plan.levels):
        return None
    target = plan.levels[level.rank + 1]
    missing = [requirement for below in unmet[: target.rank + 1] for requirement in below]
    blocking = [
        hit.id for hit in red_flags if plan.caps.get(hit.severity, target.rank) < target.rank
    ]
    return NextGate(
        level=target.ref,
        min_score=target.level.min_score,
        missing=missing,
        red_flags=blocking,
    )


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
