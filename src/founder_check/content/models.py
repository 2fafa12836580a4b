"""Immutable models of the content: sections, questions, factors, stages, levels, red flags.

They are plain frozen dataclasses, validated by pydantic only when content is read from YAML
(`content.loader`); a run that finds the content in the cache never imports pydantic, which
keeps start-up fast. Each `__post_init__` checks what a single file can know (kinds, values
in [0, 1], bands); references across files are checked in `content.check`. YAML keys that are
Python keywords (`from`, `all`, `any`, `not`) are held in fields with a trailing underscore.

A key no model knows is an error at any depth: the record a file is read as (`Section` here,
the others in `content.files`) is marked `@strict`, and pydantic applies that to every
record inside it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, TypeVar

from founder_check.base.i18n import Lang as Lang  # the content's texts come in these

Kind = Literal["single", "multi", "scale", "number", "yesno", "text"]
Severity = Literal["critical", "major", "minor"]
SEVERITY_RANK: dict[str, int] = {"critical": 0, "major": 1, "minor": 2}  # most severe first

UNKNOWN = "unknown"
"""The typed answer 'not sure' to any scored question (a string: option ids never equal it)."""

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_]*$")
QUESTION_ID_PATTERN = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
STRICT: dict[str, Any] = {"extra": "forbid"}

_Built = TypeVar("_Built")
_Record = TypeVar("_Record", bound=type)


def strict(record: _Record) -> _Record:
    """Make an unknown key an error where pydantic reads `record`: put on the records that
    files are read as (pydantic applies it to the records inside them too)."""
    setattr(record, "__pydantic_config__", STRICT)  # noqa: B010 - read by pydantic
    return record


def _check_id(value: str, what: str = "id") -> None:
    if not ID_PATTERN.match(value):
        raise ValueError(f"{what} {value!r} must be lower-case letters, digits and _")


def _check_unit(value: float, what: str = "value") -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{what} {value:g} must be between 0 and 1")


@dataclass(frozen=True)
class Text:
    """A user-facing string in both languages."""

    en: str
    zh: str

    def __post_init__(self) -> None:
        if not self.en.strip() or not self.zh.strip():
            raise ValueError("both 'en' and 'zh' must be non-empty")

    def get(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Condition:
    """A test over answers (and, in scoring rules, factor scores); see docs/content-format.md."""

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
    stage_in: tuple[str, ...] | None = None
    all_: tuple[Condition, ...] | None = None
    any_: tuple[Condition, ...] | None = None
    not_: Condition | None = None

    def __post_init__(self) -> None:
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
        if self.stage_in is not None:
            if question_tests or factor_tests or groups or self.question or self.factor:
                raise ValueError("a stage condition is only {stage_in: [stage ids]}")
            if not self.stage_in:
                raise ValueError("stage_in needs at least one stage id")
        elif self.question is not None:
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
                "{stage_in: [...]}, {all: [...]}, {any: [...]} or {not: ...}"
            )

    def walk(self) -> list[Condition]:
        """This condition and every condition nested in it, in the order written."""
        found: list[Condition] = []
        todo: list[Condition] = [self]
        while todo:
            node = todo.pop()
            found.append(node)
            children = [*(node.all_ or ()), *(node.any_ or ())]
            if node.not_ is not None:
                children.append(node.not_)
            todo.extend(reversed(children))
        return found


HORIZONS = (30, 60, 90)  # the time frames an action is planned in, in days


@dataclass(frozen=True)
class Option:
    id: str
    label: Text
    value: float
    exclusive: bool = False

    def __post_init__(self) -> None:
        _check_id(self.id, "option id")
        if self.id == UNKNOWN:
            raise ValueError(f"option id {UNKNOWN!r} is reserved for a 'not sure' answer")
        _check_unit(self.value)


@dataclass(frozen=True)
class Band:
    """Numbers with `from_ <= x < to` (the last band also takes `to`) score `value`."""

    from_: float
    to: float
    value: float
    label: Text

    def __post_init__(self) -> None:
        _check_unit(self.value)
        if not self.from_ < self.to:
            raise ValueError(f"band 'from' ({self.from_:g}) must be below 'to' ({self.to:g})")


@dataclass(frozen=True)
class Scale:
    labels: dict[int, Text]
    min: int = 1
    max: int = 5

    def __post_init__(self) -> None:
        if self.max <= self.min:
            raise ValueError("scale 'max' must be above 'min'")
        missing = [end for end in (self.min, self.max) if end not in self.labels]
        if missing:
            raise ValueError(f"scale needs labels for both ends; missing {missing}")
        outside = [point for point in self.labels if not self.min <= point <= self.max]
        if outside:
            raise ValueError(f"scale labels outside {self.min}..{self.max}: {outside}")


YES = "yes"
NO = "no"


@dataclass(frozen=True)
class Question:
    id: str
    kind: Kind
    text: Text
    help: Text
    required: bool = True
    when: Condition | None = None
    from_stage: str | None = None
    factors: dict[str, float] = field(default_factory=dict)
    chapters: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    scale: Scale | None = None
    unit: Text | None = None
    min: float | None = None
    max: float | None = None
    integer: bool = False
    bands: tuple[Band, ...] = ()
    yes_value: float | None = None
    no_value: float | None = None
    # what to do to improve this answer, and within how many days (30, 60 or 90): the
    # engine's next-steps plan quotes them for the questions it picks
    action: Text | None = None
    horizon_days: int | None = None

    def __post_init__(self) -> None:
        if not QUESTION_ID_PATTERN.match(self.id):
            raise ValueError(f"question id {self.id!r} must look like 'section.name'")
        kind = self.kind
        if kind == "yesno":
            _check_unit(self.yes_value if self.yes_value is not None else 1.0, "yes_value")
            _check_unit(self.no_value if self.no_value is not None else 0.0, "no_value")
        elif self.yes_value is not None or self.no_value is not None:
            raise ValueError("yes_value and no_value are for yesno questions only")
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
        if self.horizon_days is not None and self.horizon_days not in HORIZONS:
            raise ValueError(f"horizon_days must be one of {', '.join(map(str, HORIZONS))}")
        for factor, weight in self.factors.items():
            if not (weight > 0 and math.isfinite(weight)):
                raise ValueError(f"factor weight for {factor!r} must be above 0")

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

    @property
    def yes_score(self) -> float:
        return self.yes_value if self.yes_value is not None else 1.0

    @property
    def no_score(self) -> float:
        return self.no_value if self.no_value is not None else 0.0

    def option(self, option_id: str) -> Option | None:
        return self._option_by_id.get(option_id)

    @cached_property
    def _option_by_id(self) -> dict[str, Option]:
        return {option.id: option for option in self.options}

    def band_for(self, number: float) -> Band:
        for band in self.bands:
            if band.from_ <= number < band.to:
                return band
        return self.bands[-1]

    def choices(self) -> list[tuple[str, float]]:
        """Every possible discrete answer with its value (number questions: none)."""
        if self.kind in ("single", "multi"):
            return [(option.id, option.value) for option in self.options]
        if self.kind == "yesno":
            return [(YES, self.yes_score), (NO, self.no_score)]
        if self.kind == "scale" and self.scale is not None:
            span = self.scale.max - self.scale.min
            return [
                (str(point), (point - self.scale.min) / span)
                for point in range(self.scale.min, self.scale.max + 1)
            ]
        return []


@strict
@dataclass(frozen=True)
class Section:
    id: str
    order: int
    title: Text
    intro: Text
    questions: tuple[Question, ...]

    def __post_init__(self) -> None:
        _check_id(self.id, "section id")
        if not self.questions:
            raise ValueError("a section needs at least one question")


@dataclass(frozen=True)
class Factor:
    id: str
    name: Text
    description: Text
    weight: float
    chapters: tuple[str, ...]

    def __post_init__(self) -> None:
        _check_id(self.id, "factor id")
        if not self.weight > 0:
            raise ValueError("a factor weight must be above 0")
        if not self.chapters:
            raise ValueError("a factor must cite the chapters that state it")


@dataclass(frozen=True)
class Requirement:
    """A must-have of a readiness gate: what the company has when it meets it, as a
    sentence the report can show, and the condition over the answers that checks it."""

    text: Text
    when: Condition


@dataclass(frozen=True)
class Level:
    id: str
    name: Text
    description: Text
    min_score: float
    requires: tuple[Requirement, ...] = ()

    def __post_init__(self) -> None:
        _check_id(self.id, "level id")
        if not 0 <= self.min_score <= 100:
            raise ValueError("min_score is a score from 0 to 100")


@dataclass(frozen=True)
class Stage:
    id: str
    name: Text
    description: Text
    weights: dict[str, float] = field(default_factory=dict)
    targets: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _check_id(self.id, "stage id")


@dataclass(frozen=True)
class RedFlag:
    id: str
    severity: Severity
    title: Text
    explanation: Text
    action: Text
    when: Condition
    # why it holds, as a sentence about the company ("no lawyer has reviewed how you use
    # personal data"): the report's "because" line
    because: Text | None = None
    cases: tuple[Text, ...] = ()
    chapters: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_id(self.id, "red flag id")
        if not self.cases or not self.chapters:
            raise ValueError("a red flag must name its cases and chapters")


@dataclass(frozen=True)
class Document:
    id: str
    file: str
    title: Text

    def __post_init__(self) -> None:
        if not re.match(r"^[0-9]{3}$", self.id):
            raise ValueError(f"document id {self.id!r} must be three digits")


@dataclass(frozen=True)
class Chapter:
    doc: str
    section: str
    title: Text
    summary: Text
    # what the chapter teaches a founder, in our words: shown where the report recommends it
    lesson: Text | None = None

    @property
    def ref(self) -> str:
        return f"{self.doc} §{self.section}"


@dataclass(frozen=True)
class Content:
    """Everything the tool asks and scores with, loaded from one content folder."""

    name: str
    version: str
    root: str
    sections: tuple[Section, ...]
    factors: tuple[Factor, ...]
    levels: tuple[Level, ...]
    stages: tuple[Stage, ...]
    default_stage: str
    documents: tuple[Document, ...]
    chapters: tuple[Chapter, ...]
    red_flags: tuple[RedFlag, ...] = ()
    red_flag_caps: dict[Severity, str] = field(default_factory=dict)
    # points a triggered red flag takes off the overall score, by severity, and at most in all
    red_flag_points: dict[Severity, float] = field(default_factory=dict)
    red_flag_points_max: float | None = None

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

    @cached_property
    def memo(self) -> dict[Any, Any]:
        """Derived read-only data computed once per content (the engine's scoring plans,
        compiled conditions); never pickled: it holds closures and is cheap to rebuild."""
        return {}

    def remember(self, key: Hashable, build: Callable[[], _Built]) -> _Built:
        """`build()`, called once per content for `key`: the result is kept in `memo`."""
        memo = self.memo
        if key in memo:
            found: _Built = memo[key]
            return found
        built = memo[key] = build()
        return built

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("memo", None)
        return state
