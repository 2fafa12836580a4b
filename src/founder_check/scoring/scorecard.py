"""The scorecard: everything a score is made of, as a versioned, serialisable model.

Texts (names, titles, labels) are in the language the scorecard was made in (`lang`); ids
never change with the language, so programs should key on ids. Plain (mutable) dataclasses,
treated as read-only once built (the engine shares the stage, level and chapter records
between scorecards): the engine builds them without pydantic (start-up speed), and a cohort
builds and encodes thousands (frozen dataclasses cost several times more to construct, and
orjson encodes slotted ones over twice as slowly); `schemas` derives the JSON Schema from
them with pydantic, and the tests validate produced scorecards against it. What a number
means, its bounds and its decimals are stated once, in the types below (`Score`, `Points`...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

from founder_check.content.models import strict

# 2.0: red flags carry id, severity, evidence (the answers that made the rule hold) and
# chapters; the stage used (id, name, source) and the gate level are reported.
# 3.0: "not sure" answers: question status `unknown`, `coverage.unknown`, `to_find_out`;
# one readiness level, `level`, the lowest of `score_level`, `gate_level` and `flag_cap`;
# `next_gate` is the level above it, with the score, must-haves and red flags it needs;
# `next_level` (absent at the top) and `plan`, the answer changes that reach it.
# 3.1: answers that leave whole sections out are scored: `coverage.sections`,
# `coverage.sections_answered` and `coverage.left_out` (each section's missing questions).
SCHEMA_VERSION = "3.1"

QuestionStatus = Literal[
    "answered", "unknown", "skipped", "not_applicable", "not_expected", "unscored"
]
Confidence = Literal["high", "medium", "low", "none"]
StageSource = Literal["option", "answers", "default"]
JsonAnswer = str | bool | int | float | list[str] | None


class Bounds:
    """The range a number always lies in, declared on its field: the JSON Schema states it
    (`minimum`, `maximum`) and pydantic checks it when it validates. Plain Python, so that
    building a scorecard imports no pydantic (start-up time)."""

    def __init__(self, ge: float | None = None, le: float | None = None) -> None:
        self.ge = ge
        self.le = le

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        if self.ge is not None:
            schema["ge"] = self.ge
        if self.le is not None:
            schema["le"] = self.le
        return schema


class Format:
    """What a text holds, as the JSON Schema's `format` (`date`, `date-time`), so that programs
    know how to parse it."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        schema = handler(core_schema)
        schema["format"] = self.name
        return schema


# The numbers of scorecards and cohort files, with the decimals they are rounded to
# (README, "Schemas"): a test checks every float of `assess --json` against them.
Score = Annotated[float, Bounds(0, 100)]  # a score, target or gap on the 0-100 scale: 1
Points = Annotated[float, Bounds(0, 100)]  # overall points: 2; per question (`questions`): 3
PointsTaken = Annotated[float, Bounds(-100, 0)]  # what red flags take off the overall: 2
# what a plan step moves the overall by: 2 (below 0 where it answers a question left out,
# weaker than the mean, to meet a must-have)
Change = Annotated[float, Bounds(-100, 100)]
Fraction = Annotated[float, Bounds(0, 1)]  # an answer's value, the weight answered: 3
Weight = Annotated[float, Bounds(0)]  # a factor's weight at the stage: as the content gives it
Count = Annotated[int, Bounds(0)]
Ordinal = Annotated[int, Bounds(1)]  # a rank, size, line or row number, counted from 1
Days = Annotated[int, Bounds(1)]
Timestamp = Annotated[str, Format("date-time")]  # RFC 3339: 2026-05-04T09:30:00+00:00
Day = Annotated[str, Format("date")]  # ISO 8601: 2026-05-04


@dataclass
class Versions:
    name: str
    version: str


@dataclass
class Subject:
    founder: str | None
    company: str | None


@dataclass
class StageRef:
    id: str
    name: str
    source: StageSource


@dataclass
class LevelRef:
    id: str
    name: str
    description: str


@dataclass
class GateRequirement:
    """A must-have of the next readiness gate that is not met yet."""

    text: str
    questions: list[str]


@dataclass
class NextGate:
    """What stands between the level told and the one above it: the score it needs, the
    must-haves of that level (and of those below it) still missing, and the red flags whose
    severity caps the level below it."""

    level: LevelRef
    min_score: Score
    missing: list[GateRequirement]
    red_flags: list[str]


@dataclass
class LevelName:
    id: str
    name: str


@dataclass
class PlanStep:
    """One answer change of the plan to the next level (`planner`). `current` and `target`
    are answers as an answers file writes them (option ids, a list of them, a number, `yes`
    or `no`, a scale point, `unknown`; `current` null when skipped); `points` is what the step
    adds to the overall score with the steps before it made; `unlocks` the level reached once
    it and those before it are made (null while still the level told); chapters are refs
    into the scorecard's `chapters`."""

    question: str
    text: str
    current: JsonAnswer
    current_label: str
    target: JsonAnswer
    target_label: str
    points: Change
    unlocks: str | None
    action: str  # what to do, from the content; empty where the content has none yet
    horizon_days: Days | None  # within how many days (30, 60 or 90)
    chapters: list[str]


@dataclass
class FactorScore:
    id: str
    name: str
    score: Score | None
    weight: Weight
    target: Score | None
    gap: Score | None
    answered: Count
    applicable: Count


@dataclass
class ChapterRef:
    ref: str
    doc: str
    section: str
    title: str


@dataclass
class QuestionResult:
    """One question's part in the score: texts and option labels are in the questionnaire."""

    id: str
    status: QuestionStatus
    answer: JsonAnswer
    value: Fraction | None
    contributions: dict[str, Points]
    overall_points: Points


@dataclass
class Gap:
    """An answer below the best in a factor under the stage's target; chapters are refs
    into the scorecard's `chapters`."""

    question: str
    text: str
    answer: JsonAnswer
    answer_label: str
    value: Fraction
    shortfall: Points
    factors: list[str]
    best_options: list[str]
    chapters: list[str]


@dataclass
class ToFindOut:
    """A question answered "not sure": something to find out, not a confessed weakness.
    Its chapters are refs into the scorecard's `chapters`."""

    question: str
    text: str
    chapters: list[str]


@dataclass
class Strength:
    question: str
    text: str
    answer_label: str
    value: Fraction
    factors: list[str]


@dataclass
class Evidence:
    question: str
    answer: JsonAnswer
    answer_label: str


@dataclass
class RedFlagHit:
    id: str
    severity: Literal["critical", "major", "minor"]
    title: str
    because: str  # why it holds, as a sentence about the company
    explanation: str
    action: str
    evidence: list[Evidence]
    cases: list[str]
    chapters: list[str]
    points: PointsTaken  # taken off the overall score


@dataclass
class RecommendedChapter(ChapterRef):
    doc_title: str
    summary: str
    lesson: str  # what the chapter teaches a founder, in the scorecard's language
    reasons: list[str]


@dataclass
class MissingQuestion:
    question: str
    text: str


@dataclass
class LeftOutSection:
    """A section the answers leave out entirely (as `assess --section` writes them), with
    the questions still to answer there: those that apply and count at this stage, and the
    required ones that decide which others apply."""

    section: str
    title: str
    questions: list[MissingQuestion]


@dataclass
class Coverage:
    applicable: Count
    answered: Count
    skipped: list[str]  # the questions of `left_out` sections included
    not_applicable: list[str]
    not_expected: list[str]
    unknown: list[str]
    weighted: Fraction
    confidence: Confidence
    sections: Count  # in the questionnaire
    sections_answered: Count
    left_out: list[LeftOutSection]


@strict  # no field beyond those declared, here and in every record it holds
@dataclass
class Scorecard:
    """The result of scoring one founder's answers; see `founder-check schema scorecard`."""

    JSON_OMIT_WHEN_NONE: ClassVar[tuple[str, ...]] = ("next_level",)

    schema_version: str
    tool: Versions
    content: Versions
    generated_at: Timestamp | None
    date: Day  # the assessment date: the answers' `date:`, else the day scored
    lang: Literal["en", "zh"]
    subject: Subject
    stage: StageRef
    overall: Score  # the weighted mean of the factor scores, plus `red_flag_points`
    red_flag_points: PointsTaken  # what the triggered red flags take off
    level: LevelRef  # the one level a founder is told: the lowest of the three below
    score_level: LevelRef  # reached by the overall score alone
    gate_level: LevelRef  # every must-have met up to and including this level
    flag_cap: LevelRef | None  # the highest level the triggered red flags allow
    next_gate: NextGate | None
    next_level: LevelName | None  # the level `plan` reaches; left out of the JSON when None
    plan: list[PlanStep]  # next steps to `next_level`, most points first; empty at the top
    factors: list[FactorScore]
    questions: list[QuestionResult]
    gaps: list[Gap]
    to_find_out: list[ToFindOut]
    strengths: list[Strength]
    red_flags: list[RedFlagHit]
    recommended_chapters: list[RecommendedChapter]
    coverage: Coverage
    chapters: dict[str, ChapterRef]
    documents: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        """The scorecard as the data `assess --json` writes: decoded from the same encoder's
        output, so the keys, values and rounding are those of the file (lists, not tuples;
        `next_level` left out at the top level; a lone surrogate as U+FFFD)."""
        import json

        from founder_check.base.json_text import compact

        data: dict[str, Any] = json.loads(compact(self))
        return data
