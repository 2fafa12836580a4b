"""The cohort report (`cohort.json`) and the cohort block of each founder's scorecard.

Plain frozen dataclasses like the scorecard's: `founder-check schema cohort` derives their
JSON Schema with pydantic; the exporter writes plain data in exactly their shape (streaming
the founder list) and the tests validate what it writes against that schema. Texts are in
the report's language; programs should key on ids.

Only the three files' top records (`CohortReport`, `CohortScorecard`, `CohortTexts`) carry
the config that forbids unknown fields: pydantic applies it to every record inside them,
as it does for the scorecard's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from founder_check.content.models import strict
from founder_check.scoring.flag_texts import TextsRedFlag
from founder_check.scoring.scorecard import (
    ChapterRef,
    Count,
    Day,
    Fraction,
    JsonAnswer,
    Ordinal,
    Points,
    PointsTaken,
    Score,
    StageRef,
    Subject,
    Timestamp,
    Versions,
)

# 2.0: shared gaps are ranked by what they cost the cohort (`points_each`, `cohort_points`,
# instead of `share`); factors carry their mean `target` and the `shortfall` of those below it.
COHORT_SCHEMA_VERSION = "2.0"
COMPACT_SCHEMA_VERSION = "2.0"  # a founder's scorecard in a cohort report (`compact`)
TEXTS_SCHEMA_VERSION = "1.0"  # its texts.json
MIN_COHORT_FOR_PERCENTILES = 5

Severity = Literal["critical", "major", "minor"]


@dataclass(frozen=True)
class Counts:
    """How many inputs were read, scored and rejected (duplicates are among the rejected)."""

    inputs: Count
    scored: Count
    rejected: Count
    duplicates: Count


@dataclass(frozen=True)
class FactorStats:
    """The spread of one factor's scores over the founders that have a score on it; `target`
    is the mean of their stages' targets (the stage's target when they share a stage), and
    `shortfall` how many points the `below_target` founders are short of theirs, on average."""

    id: str
    name: str
    founders: Count
    min: Score | None
    q1: Score | None
    median: Score | None
    q3: Score | None
    max: Score | None
    mean: Score | None
    target: Score | None
    below_target: Count
    shortfall: Score | None


@dataclass(frozen=True)
class SharedGap:
    """A question on which founders fall short, a candidate workshop topic: how many have the
    gap, the overall points the best answer would add to each of them on average, and how much
    the cohort's mean overall score would rise if all of them gave it."""

    question: str
    text: str
    founders: Ordinal
    points_each: Points
    cohort_points: Points
    factors: list[str]
    chapters: list[ChapterRef]


@dataclass(frozen=True)
class RedFlagCount:
    id: str
    severity: Severity
    title: str
    founders: Ordinal


@dataclass(frozen=True)
class FounderRedFlag:
    id: str
    severity: Severity
    title: str


@dataclass(frozen=True)
class LevelBrief:
    id: str
    name: str


@dataclass(frozen=True)
class Percentiles:
    """Share of the cohort (0-100) scoring below this founder, ties counting half."""

    overall: Score
    factors: dict[str, Score | None]


@dataclass(frozen=True)
class FounderEntry:
    rank: Ordinal
    founder: str | None
    company: str | None
    stage: StageRef
    overall: Score
    level: LevelBrief
    weakest_factor: str | None
    factors: dict[str, Score | None]
    red_flag_count: Count
    red_flags: list[FounderRedFlag]
    percentiles: Percentiles | None
    scorecard: str | None
    source: str
    row: Ordinal | None
    line: Ordinal | None


@dataclass(frozen=True)
class ProblemEntry:
    line: Ordinal | None
    field: str | None
    message: str


@dataclass(frozen=True)
class RejectedInput:
    """An input that was not scored, with every problem found in it."""

    source: str
    row: Ordinal | None
    problems: list[ProblemEntry]


@strict
@dataclass(frozen=True)
class CohortReport:
    """Everything `founder-check cohort` found; founders are listed best first."""

    schema_version: str
    tool: Versions
    content: Versions
    generated_at: Timestamp | None
    lang: Literal["en", "zh"]
    stage_option: str | None
    min_size_for_percentiles: Ordinal
    counts: Counts
    factors: list[FactorStats]
    shared_gaps: list[SharedGap]
    red_flags: list[RedFlagCount]
    founders: list[FounderEntry]
    rejected: list[RejectedInput]


@dataclass(frozen=True)
class Placement:
    """Where one founder stands in the cohort; rank and percentiles only in cohorts of 5+."""

    size: Ordinal
    min_size: Ordinal
    rank: Ordinal | None
    percentiles: Percentiles | None


QuestionState = tuple[str] | tuple[str, Fraction]  # [status] or [status, value]


@dataclass(frozen=True)
class CompactStage:
    id: str
    source: Literal["option", "answers", "default"]


@dataclass(frozen=True)
class CompactNextGate:
    """The level above the one told: its must-haves not met, as [level, index] into
    texts.json's `levels[level].requires`, and the red flags that cap below it."""

    level: str
    missing: list[tuple[str, Count]]
    red_flags: list[str]


@dataclass(frozen=True)
class CompactCoverage:
    applicable: Count
    answered: Count
    weighted: Fraction
    sections: Count
    sections_answered: Count
    left_out: list[tuple[str, list[str]]]  # [section, its questions still to answer]


@strict
@dataclass(frozen=True)
class CohortScorecard:
    """A founder's scorecard as written by `cohort`: the same results as `assess --json`
    by id (`cohort/compact.py`), the texts once in the report folder's texts.json, and the
    founder's place in the cohort. Rows are arrays: `factors` [id, score, target, gap],
    `gaps` [question, value, shortfall], `red_flags` [id, points, evidence questions],
    `recommended_chapters` [chapter, reasons]."""

    schema_version: str
    texts: str
    tool: Versions
    content: Versions
    generated_at: Timestamp | None
    date: Day
    lang: Literal["en", "zh"]
    subject: Subject
    stage: CompactStage
    overall: Score
    red_flag_points: PointsTaken
    level: str
    score_level: str
    gate_level: str
    flag_cap: str | None
    next_gate: CompactNextGate | None
    factors: list[tuple[str, Score | None, Score | None, Score | None]]
    answers: dict[str, JsonAnswer]
    questions: dict[str, QuestionState]
    gaps: list[tuple[str, Fraction, Points]]
    red_flags: list[tuple[str, PointsTaken, list[str]]]
    to_find_out: list[str]
    strengths: list[str]
    recommended_chapters: list[tuple[str, list[str]]]
    coverage: CompactCoverage
    cohort: Placement


@dataclass(frozen=True)
class TextsLevel:
    name: str
    description: str
    requires: list[str]


@dataclass(frozen=True)
class TextsQuestion:
    text: str
    chapters: list[str]
    options: dict[str, str] | None = None


@dataclass(frozen=True)
class TextsChapter:
    doc: str
    section: str
    title: str
    summary: str
    lesson: str | None


@strict
@dataclass(frozen=True)
class CohortTexts:
    """texts.json: every text the cohort's compact scorecards refer to, by id, in the
    report's language."""

    schema_version: str
    lang: Literal["en", "zh"]
    content: Versions
    stages: dict[str, str]
    levels: dict[str, TextsLevel]
    factors: dict[str, str]
    sections: dict[str, str]
    questions: dict[str, TextsQuestion]
    red_flags: dict[str, TextsRedFlag]
    chapters: dict[str, TextsChapter]
    documents: dict[str, str]


def cohort_schema() -> dict[str, Any]:
    """JSON Schema of cohort.json."""
    from founder_check.scoring.schemas import model_schema

    return model_schema(CohortReport, "cohort", COHORT_SCHEMA_VERSION)


def cohort_scorecard_schema() -> dict[str, Any]:
    """JSON Schema of a founder's scorecard written by `cohort` (compact, by id)."""
    from founder_check.scoring.schemas import model_schema

    return model_schema(CohortScorecard, "cohort-scorecard", COMPACT_SCHEMA_VERSION)


def cohort_texts_schema() -> dict[str, Any]:
    """JSON Schema of texts.json, the texts the compact scorecards refer to."""
    from founder_check.scoring.schemas import model_schema

    return model_schema(CohortTexts, "cohort-texts", TEXTS_SCHEMA_VERSION)
