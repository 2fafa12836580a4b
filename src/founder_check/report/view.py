"""What a report says, in plain words: built once from a scorecard and the content that
scored it, then drawn by every renderer (terminal, Markdown) alike.

Everything here is a sentence or a name a founder reads: question texts, answer labels,
factor, level and chapter titles. Ids stay in the scorecard; a renderer never needs them.
The content is needed only for texts a scorecard does not repeat (the question behind a red
flag's evidence, the questions left unanswered).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from founder_check.content.models import Content, Lang
from founder_check.report.labels import (
    NO_FIGURE,
    answered_of,
    aside,
    field,
    joined,
    label,
    left_out_lines,
    signed,
    weight_share,
)
from founder_check.scoring.scorecard import ChapterRef, Scorecard

TOP_GAPS = 5


@dataclass(frozen=True)
class StepView:
    """One answer change of the plan to the next level."""

    question: str
    current: str
    target: str
    points: float
    unlocks: str | None  # the level's name, once this step (and those before it) are done
    action: str
    horizon_days: int | None
    reading: list[str]  # chapter titles

    @property
    def points_text(self) -> str:
        """What the step moves the overall score, signed: answering a question a partial
        assessment left out can lower it, since the score then covers one more factor."""
        return signed(self.points)

    @property
    def gains(self) -> bool:
        """Whether the step adds to the score as shown ("+0.1" or more)."""
        return self.points_text.startswith("+")


@dataclass(frozen=True)
class NextStepsView:
    level: str  # the level the steps reach
    needs: list[str]  # what that level asks for and the founder lacks, as sentences
    steps: list[StepView]
    note: str | None = None  # why a step's points can be 0 or below, when one's are


@dataclass(frozen=True)
class FlagView:
    severity: str  # critical | major | minor: the renderers' style key, not shown
    severity_label: str
    title: str
    points: float  # taken off the overall score (0 or more)
    explanation: str
    because: str
    answers: list[tuple[str, str]]  # (question, answer) that make the rule hold
    action: str
    cases: list[str]
    reading: list[str]


@dataclass(frozen=True)
class FactorView:
    """A factor's row. Its figures are shown as the scorecard holds them, score and gap to
    one decimal: whole numbers would show 40.5 against a target of 45 as 40 with a gap of 4,
    and 34.5 against 35 as a gap of 0."""

    name: str
    score: float | None
    target: float | None
    gap: float | None
    share: str  # of the stage's weight, e.g. "22%"

    @property
    def score_text(self) -> str:
        return NO_FIGURE if self.score is None else f"{self.score:.1f}"

    @property
    def target_text(self) -> str:
        return NO_FIGURE if self.target is None else f"{self.target:g}"

    @property
    def gap_text(self) -> str:
        return NO_FIGURE if self.gap is None else f"{self.gap:.1f}"


@dataclass(frozen=True)
class GapView:
    question: str
    answer: str
    strong: str
    points: float  # overall points a best answer would add
    reading: list[str]


@dataclass(frozen=True)
class ChapterView:
    section: str  # "§1.14.1 Case 1: ..."
    lesson: str
    why: list[str]  # the red flags and gaps that point here, in words


@dataclass(frozen=True)
class DocumentView:
    title: str
    chapters: list[ChapterView]


@dataclass(frozen=True)
class ReportView:
    lang: Lang
    title: str
    who: str  # founder and company, or empty
    stage: str
    date: str
    overall: float
    flag_points: float  # what the red flags took off (0 or more)
    level: str
    level_description: str
    confidence: str
    next_steps: NextStepsView | None
    flags: list[FlagView]
    factors: list[FactorView]  # the largest gaps first
    founder: str  # each part of `who` alone (empty when not given), for a page's header
    company: str
    levels: list[str]  # every level's name, lowest first: the ladder the level sits on
    level_index: int  # the level's place in `levels`
    factors_in_order: list[FactorView]  # the content's order: a fixed place for charts
    gaps: list[GapView]
    no_gaps: str  # said in place of the gaps when there are none
    to_find_out: list[tuple[str, list[str]]]  # (question, chapter titles)
    strengths: list[tuple[str, str]]  # (question, answer)
    reading: list[DocumentView]
    coverage: list[str]
    footer: str


def build_view(card: Scorecard, content: Content) -> ReportView:
    """The report of `card` in its own language, every line in words."""
    lang = card.lang
    who = " · ".join(x for x in (card.subject.founder, card.subject.company) if x)
    stage = card.stage.name
    if card.stage.source == "default":
        stage += aside(label("stage_default", lang), lang)
    confidence = label(card.coverage.confidence, lang)
    confidence += aside(answered_of(card.coverage, lang), lang)
    factors = {
        f.id: FactorView(f.name, f.score, f.target, f.gap, weight_share(f.weight, card.factors))
        for f in card.factors
    }
    level_ids = [level.id for level in content.levels]
    return ReportView(
        lang=lang,
        title=label("title", lang),
        who=who,
        stage=stage,
        date=card.date,
        overall=card.overall,
        flag_points=abs(card.red_flag_points),
        level=card.level.name,
        level_description=card.level.description,
        confidence=confidence,
        next_steps=_next_steps(card, content),
        flags=[_flag(card, content, index) for index in range(len(card.red_flags))],
        factors=[
            factors[f.id] for f in sorted(card.factors, key=lambda f: (-(f.gap or 0.0), f.id))
        ],
        founder=card.subject.founder or "",
        company=card.subject.company or "",
        levels=[level.name.get(lang) for level in content.levels],
        level_index=level_ids.index(card.level.id) if card.level.id in level_ids else 0,
        factors_in_order=list(factors.values()),
        gaps=[
            GapView(
                question=gap.text,
                answer=gap.answer_label,
                strong=" / ".join(gap.best_options),
                points=gap.shortfall,
                reading=_titles(card, gap.chapters),
            )
            for gap in card.gaps[:TOP_GAPS]
        ],
        no_gaps=_no_gaps(card),
        to_find_out=[(entry.text, _titles(card, entry.chapters)) for entry in card.to_find_out],
        strengths=[(strength.text, strength.answer_label) for strength in card.strengths],
        reading=_reading(card),
        coverage=_coverage(card, content),
        footer=(
            f"{field('content', lang)}{card.content.name} {card.content.version} · "
            f"{card.tool.name} {card.tool.version}"
        ),
    )


def _titles(card: Scorecard, refs: list[str]) -> list[str]:
    """Chapter titles for inline "read" lines; the reading list gives their documents."""
    return chapter_titles([card.chapters[ref] for ref in refs if ref in card.chapters], card.lang)


def chapter_titles(chapters: Sequence[ChapterRef], lang: Lang) -> list[str]:
    """The titles of chapters named together in one line, each told apart from the others.

    Some documents give two chapters one title ("Market promotion" stands three times in
    the shipped content): a title that repeats in the line gets its section, or its full
    reference where two documents repeat the section number too."""
    titles = Counter(chapter.title for chapter in chapters)
    sections = Counter((chapter.title, chapter.section) for chapter in chapters)
    shown = []
    for chapter in chapters:
        if titles[chapter.title] == 1:
            shown.append(chapter.title)
        elif sections[chapter.title, chapter.section] == 1:
            shown.append(chapter.title + aside(f"§{chapter.section}", lang))
        else:
            shown.append(chapter.title + aside(chapter.ref, lang))
    return shown


def _no_gaps(card: Scorecard) -> str:
    """Why the gaps are empty: every factor meets its target, or every factor the answers
    score does, while others have no answers yet (a partial assessment)."""
    unscored = sum(factor.score is None for factor in card.factors)
    if unscored:
        return label("no_gaps_unscored", card.lang, count=unscored)
    return label("no_gaps", card.lang)


def _next_steps(card: Scorecard, content: Content) -> NextStepsView | None:
    gate = card.next_gate
    if gate is None or card.next_level is None:
        return None
    lang = card.lang
    needs: list[str] = []
    if card.overall < gate.min_score:
        needs.append(label("need_score", lang).format(minimum=gate.min_score, overall=card.overall))
    titles = {hit.id: hit.title for hit in card.red_flags}
    needs += [label("need_flag", lang).format(title=titles[flag]) for flag in gate.red_flags]
    needs += [requirement.text for requirement in gate.missing]
    names = {level.id: level.name.get(lang) for level in content.levels}
    steps = [
        StepView(
            question=step.text,
            current=step.current_label,
            target=step.target_label,
            points=step.points,
            unlocks=names.get(step.unlocks, step.unlocks) if step.unlocks else None,
            action=step.action,
            horizon_days=step.horizon_days,
            reading=_titles(card, step.chapters),
        )
        for step in card.plan
    ]
    note = None if all(step.gains for step in steps) else label("steps_points_note", lang)
    return NextStepsView(level=card.next_level.name, needs=needs, steps=steps, note=note)


def _flag(card: Scorecard, content: Content, index: int) -> FlagView:
    hit = card.red_flags[index]
    lang = card.lang
    answers = []
    for evidence in hit.evidence:
        question = content.question_by_id.get(evidence.question)
        text = question.text.get(lang) if question is not None else evidence.question
        answers.append((text, evidence.answer_label))
    return FlagView(
        severity=hit.severity,
        severity_label=label("severity_" + hit.severity, lang),
        title=hit.title,
        points=abs(hit.points),
        explanation=hit.explanation,
        because=hit.because,
        answers=answers,
        action=hit.action,
        cases=hit.cases,
        reading=_titles(card, hit.chapters),
    )


def _reading(card: Scorecard) -> list[DocumentView]:
    """The recommended chapters grouped by document, each with its lesson and why."""
    why_of = {hit.id: hit.title for hit in card.red_flags}
    why_of.update({gap.question: gap.text for gap in card.gaps})
    documents: dict[str, DocumentView] = {}
    for chapter in card.recommended_chapters:
        document = documents.setdefault(chapter.doc, DocumentView(chapter.doc_title, []))
        document.chapters.append(
            ChapterView(
                section=f"§{chapter.section} {chapter.title}",
                lesson=chapter.lesson,
                why=[why_of[reason] for reason in chapter.reasons if reason in why_of],
            )
        )
    return list(documents.values())


def _coverage(card: Scorecard, content: Content) -> list[str]:
    """What the score leaves out: the sections left out and skipped questions by name, the
    rest counted."""
    lang = card.lang
    coverage = card.coverage
    lines = [answered_of(coverage, lang), *left_out_lines(coverage, lang)]
    missing = {q.question for section in coverage.left_out for q in section.questions}
    if set(coverage.skipped) - missing:
        texts = [
            content.question_by_id[question_id].text.get(lang)
            for question_id in coverage.skipped
            if question_id in content.question_by_id and question_id not in missing
        ]
        lines.append(label("skipped_list", lang, questions=joined(texts, lang)))
    if coverage.not_applicable:
        lines.append(label("not_applicable_count", lang, count=len(coverage.not_applicable)))
    if coverage.not_expected:
        lines.append(
            label(
                "not_expected_count", lang, count=len(coverage.not_expected), stage=card.stage.name
            )
        )
    return lines
