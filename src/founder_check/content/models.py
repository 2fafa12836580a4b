"""Immutable models of the content: sections, questions, factors, stages, levels, red flags.

They validate what a single file can know (kinds, values in [0, 1], bands); references
across files (factor ids, chapters, conditions) are checked in `content.check`.
"""

from __future__ import annotations

import math
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Lang = Literal["en", "zh"]
Kind = Literal["single", "multi", "scale", "number", "yesno", "text"]
Severity = Literal["critical", "major", "minor"]
SEVERITIES: tuple[Severity, ...] = ("critical", "major", "minor")

Value = float
UnitValue = Field(ge=0.0, le=1.0)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(_Model):
    """A user-facing string in both languages."""

    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)

    def get(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


class Condition(_Model):
    """A test over answers (and, in scoring rules, factor scores); see docs/content-format.md."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    question: str | None = None
    equals: str | None = None
    one_of: tuple[str, ...] | None = None
    includes: str | None = None
    includes_any: tuple[str, ...] | None = None
    lt: float | None = None
    le: float | None = None
    gt: float | None = None
    ge: float | None = None
    value_below: float | None = None
    value_at_least: float | None = None
    answered: bool | None = None
    factor: str | None = None
    below: float | None = None
    at_least: float | None = None
    all_: tuple[Condition, ...] | None = Field(default=None, alias="all")
    any_: tuple[Condition, ...] | None = Field(default=None, alias="any")
    not_: Condition | None = Field(default=None, alias="not")

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        question_tests = [
            name
            for name in (
                "equals",
                "one_of",
                "includes",
                "includes_any",
                "lt",
                "le",
                "gt",
                "ge",
                "value_below",
                "value_at_least",
                "answered",
            )
            if getattr(self, name) is not None
        ]
        factor_tests = [name for name in ("below", "at_least") if getattr(self, name) is not None]
        groups = [name for name in ("all_", "any_", "not_") if getattr(self, name) is not None]
        if self.question is not None:
            if factor_tests or groups or self.factor is not None:
                raise ValueError("a question condition cannot also test a factor or group")
            if len(question_tests) != 1:
                raise ValueError(
                    "a question condition needs exactly one test: equals, one_of, includes, "
                    "includes_any, lt, le, gt, ge, value_below, value_at_least or answered"
                )
        elif self.factor is not None:
            if question_tests or groups or len(factor_tests) != 1:
                raise ValueError("a factor condition needs exactly one test: below or at_least")
        elif len(groups) != 1 or question_tests or factor_tests:
            raise ValueError(
                "a condition is {question: ..., <test>: ...}, {factor: ..., below: ...}, "
                "{all: [...]}, {any: [...]} or {not: ...}"
            )
        return self

    def walk(self) -> list[Condition]:
        """This condition and every condition nested in it."""
        found: list[Condition] = []
        todo: list[Condition] = [self]
        while todo:
            node = todo.pop()
            found.append(node)
            todo.extend(node.all_ or ())
            todo.extend(node.any_ or ())
            if node.not_ is not None:
                todo.append(node.not_)
        return found


class Option(_Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_]*$")
    label: Text
    value: float = UnitValue
    exclusive: bool = False


class Band(_Model):
    """Numbers with `from_ <= x < to` (the last band also takes `to`) score `value`."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    from_: float = Field(alias="from")
    to: float
    value: float = UnitValue
    label: Text

    @model_validator(mode="after")
    def _ordered(self) -> Band:
        if not self.from_ < self.to:
            raise ValueError(f"band 'from' ({self.from_:g}) must be below 'to' ({self.to:g})")
        return self


class Scale(_Model):
    min: int = 1
    max: int = 5
    labels: dict[int, Text]

    @model_validator(mode="after")
    def _ends_labelled(self) -> Scale:
        if self.max <= self.min:
            raise ValueError("scale 'max' must be above 'min'")
        missing = [end for end in (self.min, self.max) if end not in self.labels]
        if missing:
            raise ValueError(f"scale needs labels for both ends; missing {missing}")
        outside = [point for point in self.labels if not self.min <= point <= self.max]
        if outside:
            raise ValueError(f"scale labels outside {self.min}..{self.max}: {outside}")
        return self


YES = "yes"
NO = "no"


class Question(_Model):
    id: str = Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
    kind: Kind
    text: Text
    help: Text
    required: bool = True
    when: Condition | None = None
    from_stage: str | None = None
    factors: dict[str, float] = {}
    chapters: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    scale: Scale | None = None
    unit: Text | None = None
    min: float | None = None
    max: float | None = None
    integer: bool = False
    bands: tuple[Band, ...] = ()
    yes_value: float = UnitValue
    no_value: float = UnitValue

    def __init__(self, **data: object) -> None:
        if data.get("kind") == "yesno":
            data.setdefault("yes_value", 1.0)
            data.setdefault("no_value", 0.0)
        else:
            data.setdefault("yes_value", 0.0)
            data.setdefault("no_value", 0.0)
        super().__init__(**data)

    @model_validator(mode="after")
    def _fits_kind(self) -> Question:
        kind = self.kind
        if kind in ("single", "multi"):
            if len(self.options) < 2:
                raise ValueError(f"a {kind} question needs at least two options")
            ids = [option.id for option in self.options]
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                raise ValueError(f"duplicate option ids: {', '.join(duplicates)}")
        elif self.options:
            raise ValueError(f"a {kind} question has no options")
        if kind == "single" and any(option.exclusive for option in self.options):
            raise ValueError("'exclusive' is for options of a multi question")
        if (kind == "scale") != (self.scale is not None):
            raise ValueError("'scale' is required for, and only for, a scale question")
        if kind == "number":
            self._check_bands()
        elif self.bands or self.unit or self.min is not None or self.max is not None:
            raise ValueError("unit, min, max and bands are for number questions only")
        if kind == "text" and self.factors:
            raise ValueError("a text question is not scored, so it has no factors")
        for factor, weight in self.factors.items():
            if not (weight > 0 and math.isfinite(weight)):
                raise ValueError(f"factor weight for {factor!r} must be above 0")
        return self

    def _check_bands(self) -> None:
        if self.min is None or self.max is None or self.unit is None:
            raise ValueError("a number question needs 'unit', 'min' and 'max'")
        if self.max <= self.min:
            raise ValueError("'max' must be above 'min'")
        if not self.bands:
            raise ValueError("a number question needs 'bands'")
        expected = self.min
        for band in self.bands:
            if band.from_ != expected:
                raise ValueError(
                    f"bands must cover {self.min:g}..{self.max:g} in order without gaps or "
                    f"overlaps: a band starts at {band.from_:g}, expected {expected:g}"
                )
            expected = band.to
        if expected != self.max:
            raise ValueError(f"the last band ends at {expected:g}, expected max {self.max:g}")

    @property
    def section(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def scored(self) -> bool:
        return bool(self.factors)

    def option(self, option_id: str) -> Option | None:
        for option in self.options:
            if option.id == option_id:
                return option
        return None

    def band_for(self, number: float) -> Band:
        for band in self.bands:
            if band.from_ <= number < band.to:
                return band
        return self.bands[-1]

    def choices(self) -> list[tuple[str, float]]:
        """Every possible discrete answer with its value (number questions: band starts)."""
        if self.kind in ("single", "multi"):
            return [(option.id, option.value) for option in self.options]
        if self.kind == "yesno":
            return [(YES, self.yes_value), (NO, self.no_value)]
        if self.kind == "scale" and self.scale is not None:
            span = self.scale.max - self.scale.min
            return [
                (str(point), (point - self.scale.min) / span)
                for point in range(self.scale.min, self.scale.max + 1)
            ]
        return []


class Section(_Model):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    order: int
    title: Text
    intro: Text
    questions: tuple[Question, ...] = Field(min_length=1)


class Factor(_Model):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: Text
    description: Text
    weight: float = Field(gt=0)
    chapters: tuple[str, ...] = Field(min_length=1)


class Level(_Model):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: Text
    description: Text
    min_score: float = Field(ge=0, le=100)
    requires: tuple[Condition, ...] = ()


class Stage(_Model):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: Text
    description: Text
    weights: dict[str, float] = {}
    targets: dict[str, float] = {}


class RedFlag(_Model):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    severity: Severity
    title: Text
    explanation: Text
    action: Text
    when: Condition
    cases: tuple[Text, ...] = Field(min_length=1)
    chapters: tuple[str, ...] = Field(min_length=1)


class Document(_Model):
    id: str = Field(pattern=r"^[0-9]{3}$")
    file: str
    title: Text


class Chapter(_Model):
    doc: str
    section: str = Field(min_length=1)
    title: Text
    summary: Text

    @property
    def ref(self) -> str:
        return f"{self.doc} §{self.section}"


class Content(_Model):
    """Everything the tool asks and scores with, loaded from one content folder."""

    name: str
    version: str
    root: str
    sections: tuple[Section, ...]
    factors: tuple[Factor, ...]
    levels: tuple[Level, ...]
    red_flag_caps: dict[Severity, str] = {}
    stages: tuple[Stage, ...]
    default_stage: str
    red_flags: tuple[RedFlag, ...] = ()
    documents: tuple[Document, ...]
    chapters: tuple[Chapter, ...]

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        """Every question, in the order they are asked."""
        return tuple(q for section in self.sections for q in section.questions)

    @cached_property
    def question_by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def factor_by_id(self) -> dict[str, Factor]:
        return {factor.id: factor for factor in self.factors}

    @cached_property
    def stage_by_id(self) -> dict[str, Stage]:
        return {stage.id: stage for stage in self.stages}

    @cached_property
    def stage_rank(self) -> dict[str, int]:
        return {stage.id: rank for rank, stage in enumerate(self.stages)}

    @cached_property
    def level_by_id(self) -> dict[str, Level]:
        return {level.id: level for level in self.levels}

    @cached_property
    def chapter_by_ref(self) -> dict[str, Chapter]:
        return {chapter.ref: chapter for chapter in self.chapters}

    @cached_property
    def document_by_id(self) -> dict[str, Document]:
        return {document.id: document for document in self.documents}

    @cached_property
    def red_flag_by_id(self) -> dict[str, RedFlag]:
        return {flag.id: flag for flag in self.red_flags}
