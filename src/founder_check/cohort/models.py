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
from founder_check.scorecard import ChapterRef, Scorecard, StageRef, Versions

COHORT_SCHEMA_VERSION = "1.0"
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
    """The spread of one factor's scores over the founders that have a score on it."""

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
    below_target: int


@dataclass(frozen=True)
class SharedGap:
    """A question on which many founders fall short: a candidate workshop topic."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    question: str
    text: str
    founders: int
    share: float
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


@dataclass
class CohortScorecard(Scorecard):
    """A founder's scorecard as written by `cohort`: the scorecard plus its `cohort` block."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    cohort: Placement


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
    """JSON Schema of a founder's scorecard written by `cohort` (scorecard + `cohort`)."""
    from founder_check.schemas import mark_date, mark_omitted
    from founder_check.scorecard import SCHEMA_VERSION

    schema = _schema(CohortScorecard, "cohort-scorecard", SCHEMA_VERSION)
    mark_date(schema)
    mark_omitted(schema)
    return schema
