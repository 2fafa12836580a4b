"""The scorecard: everything a score is made of, as a versioned, serialisable model.

Texts (names, titles, labels) are in the language the scorecard was made in (`lang`); ids
never change with the language, so programs should key on ids.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

SCHEMA_VERSION = "1.0"

QuestionStatus = Literal["answered", "skipped", "not_applicable", "not_expected", "unscored"]
Confidence = Literal["high", "medium", "low", "none"]
JsonAnswer = str | bool | int | float | list[str] | None


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Versions(_Model):
    name: str
    version: str


class Subject(_Model):
    founder: str | None
    company: str | None


class StageRef(_Model):
    id: str
    name: str
    source: Literal["option", "answers", "default"]


class LevelRef(_Model):
    id: str
    name: str
    description: str


class FactorScore(_Model):
    id: str
    name: str
    score: float | None
    weight: float
    target: float | None
    gap: float | None
    answered: int
    applicable: int


class ChapterRef(_Model):
    ref: str
    doc: str
    doc_title: str
    section: str
    title: str
    summary: str


class QuestionResult(_Model):
    id: str
    section: str
    text: str
    status: QuestionStatus
    answer: JsonAnswer
    answer_label: str | None
    value: float | None
    contributions: dict[str, float]
    overall_points: float


class Gap(_Model):
    question: str
    text: str
    answer: JsonAnswer
    answer_label: str
    value: float
    shortfall: float
    factors: list[str]
    strong_answer: str
    best_options: list[str]
    chapters: list[ChapterRef]


class Strength(_Model):
    question: str
    text: str
    answer_label: str
    value: float
    factors: list[str]


class Evidence(_Model):
    question: str
    answer: JsonAnswer
    answer_label: str


class RedFlagHit(_Model):
    id: str
    severity: Literal["critical", "major", "minor"]
    title: str
    explanation: str
    action: str
    evidence: list[Evidence]
    cases: list[str]
    chapters: list[ChapterRef]


class RecommendedChapter(ChapterRef):
    reasons: list[str]


class Coverage(_Model):
    applicable: int
    answered: int
    skipped: list[str]
    not_applicable: list[str]
    not_expected: list[str]
    weighted: float
    confidence: Confidence


class Scorecard(_Model):
    """The result of scoring one founder's answers; see `founder-check schema scorecard`."""

    schema_version: str = SCHEMA_VERSION
    tool: Versions
    content: Versions
    generated_at: str | None
    lang: Literal["en", "zh"]
    subject: Subject
    stage: StageRef
    overall: float
    level: LevelRef
    score_level: LevelRef
    gate_level: LevelRef
    factors: list[FactorScore]
    questions: list[QuestionResult]
    gaps: list[Gap]
    strengths: list[Strength]
    red_flags: list[RedFlagHit]
    recommended_chapters: list[RecommendedChapter]
    coverage: Coverage
