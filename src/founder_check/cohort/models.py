"""The cohort report (`cohort.json`) and the cohort block of each founder's scorecard.

Plain frozen dataclasses like the scorecard's: `founder-check schema cohort` derives their
JSON Schema with pydantic; the exporter writes plain data in exactly their shape (streaming
the founder list) and the tests validate what it writes against that schema. Texts are in
the report's language; programs should key on ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from founder_check.content.models import STRICT
from founder_check.scorecard import ChapterRef, JsonAnswer, StageRef, Subject, Versions

# 2.0: shared gaps are ranked by what they cost the cohort (`points_each`, `cohort_points`,
# instead of `share`); factors carry their mean `target` and the `shortfall` of those below it.
COHORT_SCHEMA_VERSION = "2.0"
MIN_COHORT_FOR_PERCENTILES = 5
_DRAFT = "https://json-schema.org/draft/2020-12/schema"

Severity = Literal["critical", "major", "minor"]


@dataclass(frozen=True)
class Counts:
    """How many inputs were read, scored and rejected (duplicates are among the rejected)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    inputs: int
    scored: int
    rejected: int
    duplicates: int


@dataclass(frozen=True)
class FactorStats:
    """The spread of one factor's scores over the founders that have a score on it; `target`
    is the mean of their stages' targets (the stage's target when they share a stage), and
    `shortfall` how many points the `below_target` founders are short of theirs, on average."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    id: str
    name: str
    founders: int
    min: float | None
    q1: float | None
    median: float | None
    q3: float | None
    max: float | None
    mean: float | None
    target: float | None
    below_target: int
    shortfall: float | None


@dataclass(frozen=True)
class SharedGap:
    """A question on which founders fall short, a candidate workshop topic: how many have the
    gap, the overall points the best answer would add to each of them on average, and how much
    the cohort's mean overall score would rise if all of them gave it."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    question: str
    text: str
    founders: int
    points_each: float
    cohort_points: float
    factors: list[str]
    chapters: list[ChapterRef]


@dataclass(frozen=True)
class RedFlagCount:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    id: str
    severity: Severity
    title: str
    founders: int


@dataclass(frozen=True)
class FounderRedFlag:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    id: str
    severity: Severity
    title: str


@dataclass(frozen=True)
class LevelBrief:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    id: str
    name: str


@dataclass(frozen=True)
class Percentiles:
    """Share of the cohort (0-100) scoring below this founder, ties counting half."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    overall: float
    factors: dict[str, float | None]


@dataclass(frozen=True)
class FounderEntry:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    rank: int
    founder: str | None
    company: str | None
    stage: StageRef
    overall: float
    level: LevelBrief
    weakest_factor: str | None
    factors: dict[str, float | None]
    red_flag_count: int
    red_flags: list[FounderRedFlag]
    percentiles: Percentiles | None
    scorecard: str | None
    source: str
    row: int | None
    line: int | None


@dataclass(frozen=True)
class ProblemEntry:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    line: int | None
    field: str | None
    message: str


@dataclass(frozen=True)
class RejectedInput:
    """An input that was not scored, with every problem found in it."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    source: str
    row: int | None
    problems: list[ProblemEntry]


@dataclass(frozen=True)
class CohortReport:
    """Everything `founder-check cohort` found; founders are listed best first."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    schema_version: str
    tool: Versions
    content: Versions
    generated_at: str | None
    lang: Literal["en", "zh"]
    stage_option: str | None
    min_size_for_percentiles: int
    counts: Counts
    factors: list[FactorStats]
    shared_gaps: list[SharedGap]
    red_flags: list[RedFlagCount]
    founders: list[FounderEntry]
    rejected: list[RejectedInput]


@dataclass(frozen=True)
class Placement:
    """Where one founder stands in the cohort; rank and percentiles only in cohorts of 5+."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    size: int
    min_size: int
    rank: int | None
    percentiles: Percentiles | None


QuestionState = tuple[str] | tuple[str, float]  # [status] or [status, value]


@dataclass(frozen=True)
class CompactStage:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    id: str
    source: Literal["option", "answers", "default"]


@dataclass(frozen=True)
class CompactNextGate:
    """The level above the one told: its must-haves not met, as [level, index] into
    texts.json's `levels[level].requires`, and the red flags that cap below it."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    level: str
    missing: list[tuple[str, int]]
    red_flags: list[str]


@dataclass(frozen=True)
class CompactCoverage:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    applicable: int
    answered: int
    weighted: float
    sections: int
    sections_answered: int
    left_out: list[tuple[str, list[str]]]  # [section, its questions still to answer]


@dataclass(frozen=True)
class CohortScorecard:
    """A founder's scorecard as written by `cohort`: the same results as `assess --json`
    by id (`cohort/compact.py`), the texts once in the report folder's texts.json, and the
    founder's place in the cohort. Rows are arrays: `factors` [id, score, target, gap],
    `gaps` [question, value, shortfall], `red_flags` [id, points, evidence questions],
    `recommended_chapters` [chapter, reasons]."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    schema_version: str
    texts: str
    tool: Versions
    content: Versions
    generated_at: str | None
    date: str
    lang: Literal["en", "zh"]
    subject: Subject
    stage: CompactStage
    overall: float
    red_flag_points: float
    level: str
    score_level: str
    gate_level: str
    flag_cap: str | None
    next_gate: CompactNextGate | None
    factors: list[tuple[str, float | None, float | None, float | None]]
    answers: dict[str, JsonAnswer]
    questions: dict[str, QuestionState]
    gaps: list[tuple[str, float, float]]
    red_flags: list[tuple[str, float, list[str]]]
    to_find_out: list[str]
    strengths: list[str]
    recommended_chapters: list[tuple[str, list[str]]]
    coverage: CompactCoverage
    cohort: Placement


@dataclass(frozen=True)
class TextsLevel:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    name: str
    description: str
    requires: list[str]


@dataclass(frozen=True)
class TextsQuestion:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    text: str
    chapters: list[str]
    options: dict[str, str] | None = None


@dataclass(frozen=True)
class TextsRedFlag:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    severity: Severity
    title: str
    because: str
    explanation: str
    action: str
    cases: list[str]
    chapters: list[str]


@dataclass(frozen=True)
class TextsChapter:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    doc: str
    section: str
    title: str
    summary: str
    lesson: str | None


@dataclass(frozen=True)
class CohortTexts:
    """texts.json: every text the cohort's compact scorecards refer to, by id, in the
    report's language."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

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


def _schema(model: type[Any], name: str, version: str) -> dict[str, Any]:
    from pydantic import TypeAdapter

    schema: dict[str, Any] = TypeAdapter(model).json_schema()
    schema["$schema"] = _DRAFT
    schema["$id"] = f"https://founder-check.invalid/schema/{name}-{version}.json"
    schema["properties"]["schema_version"] = {"const": version}
    return schema


def cohort_schema() -> dict[str, Any]:
    """JSON Schema of cohort.json."""
    return _schema(CohortReport, "cohort", COHORT_SCHEMA_VERSION)


def cohort_scorecard_schema() -> dict[str, Any]:
    """JSON Schema of a founder's scorecard written by `cohort` (compact, by id)."""
    from founder_check.cohort.compact import COMPACT_SCHEMA_VERSION

    schema = _schema(CohortScorecard, "cohort-scorecard", COMPACT_SCHEMA_VERSION)
    schema["properties"]["date"]["format"] = "date"
    return schema


def cohort_texts_schema() -> dict[str, Any]:
    """JSON Schema of texts.json, the texts the compact scorecards refer to."""
    from founder_check.cohort.compact import TEXTS_SCHEMA_VERSION

    return _schema(CohortTexts, "cohort-texts", TEXTS_SCHEMA_VERSION)
