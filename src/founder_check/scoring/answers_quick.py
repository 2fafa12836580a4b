"""The fast path of answers validation: data that needs no correction and no message.

Most answers a cohort holds are written by tools (a form export, a script, an earlier
`founder-check` run) and are already exactly right: known keys, option ids as written,
numbers in range. For those, this path builds the typed answers with set lookups compiled
once per content, several times faster than the full validator. Anything it is not sure
of (a stray space, "Yes" for a yes/no question, a float for a whole number, a missing
required answer, an unknown key) it leaves alone by returning None, and the full
validator in `answers.parse_answers` decides and explains; so whatever this path accepts,
the full validator accepts with the same result (tests/test_answers_quick.py checks it).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from founder_check.content.models import UNKNOWN, Content, Question
from founder_check.scoring.answer_rules import (
    MAX_TEXT,
    METADATA_FIELDS,
    NO_WORDS,
    TOP_KEYS,
    UNKNOWN_WORDS,
    YES_WORDS,
    parse_date,
    required_at,
)
from founder_check.scoring.conditions import compile_condition
from founder_check.scoring.valuation import AnswerValue

_NOT_PLAIN: Any = object()  # a raw answer that needs the full validator
_SAFE_INTEGER = 2**53  # whole numbers a float holds exactly
_TOP_KEYS = frozenset(TOP_KEYS)
_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?\Z")  # ASCII digits: what float() reads alike

Coerce = Callable[[Any], Any]  # a raw answer -> its typed value, or _NOT_PLAIN


class QuickFields(NamedTuple):
    """The fields of `Answers` besides its source, as the full validator would set them."""

    founder: str | None
    company: str | None
    stage: str | None
    date: dt.date | None
    values: dict[str, AnswerValue]
    skipped: tuple[str, ...]
    left_out: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Item:
    question: Question
    section: str
    when: Callable[..., bool] | None
    coerce: Coerce


class QuickReader:
    """The content's questions compiled for the fast path (`quick_reader` caches one)."""

    def __init__(self, content: Content) -> None:
        self._content = content
        self._known = frozenset(content.question_by_id)
        self._stages = frozenset(content.stage_by_id)
        self._section_of = {q.id: q.section for q in content.questions}
        self._section_ids = tuple(section.id for section in content.sections)
        self._items = tuple(
            _Item(
                question,
                question.section,
                compile_condition(question.when, content).test if question.when else None,
                _coercer(question),
            )
            for question in content.questions
        )

    def read(self, data: Any, *, require_complete: bool = True) -> QuickFields | None:
        """The answers' fields, or None when the data needs the full validator."""
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        if not _TOP_KEYS.issuperset(data):
            return None
        metadata = [_plain_metadata(data.get(name)) for name in METADATA_FIELDS]
        if _NOT_PLAIN in metadata:
            return None
        founder, company, stage = metadata
        if stage is not None and stage not in self._stages:
            return None
        try:
            answered_on = parse_date(data.get("date"))
        except ValueError:
            return None
        raw_answers = data.get("answers")
        if raw_answers is None:
            raw_answers = {}
        elif not isinstance(raw_answers, dict) or not self._known.issuperset(raw_answers):
            return None
        left_out = self._left_out(raw_answers)
        values: dict[str, AnswerValue] = {}
        skipped: list[str] = []
        content = self._content
        for item in self._items:
            if item.when is not None and not item.when(values, None, None):
                continue
            question = item.question
            raw = raw_answers.get(question.id)
            if raw is None:
                needed = require_complete and item.section not in left_out
                if needed and required_at(question, content, stage):
                    return None  # a missing answer: the full validator says which
                if question.id in raw_answers or not question.required:
                    skipped.append(question.id)
                continue
            value = item.coerce(raw)
            if value is _NOT_PLAIN:
                return None
            values[question.id] = value
        return QuickFields(founder, company, stage, answered_on, values, tuple(skipped), left_out)

    def _left_out(self, raw_answers: dict[Any, Any]) -> tuple[str, ...]:
        """As `answers.left_out_sections`: sections with no given answer, none if none has."""
        section_of = self._section_of
        answered = {
            section_of[key]
            for key, raw in raw_answers.items()
            if raw is not None and raw != "" and raw != [] and raw != {}
        }
        if not answered:
            return ()
        return tuple(section for section in self._section_ids if section not in answered)


def quick_reader(content: Content) -> QuickReader:
    """The content's reader, compiled once."""
    return content.remember("quick-reader", lambda: QuickReader(content))


def _plain_metadata(value: Any) -> Any:
    """Founder, company or stage as the full validator keeps it, if it needs no change."""
    if value is None:
        return None
    if (
        value.__class__ is str
        and 0 < len(value) <= 200
        and value.isprintable()
        and value == value.strip()
    ):
        return value
    return _NOT_PLAIN


def _coercer(question: Question) -> Coerce:
    """The fast typing of one question's raw answers (`answers.coerce_answer` for the rest)."""
    unknown = UNKNOWN if question.scored else _NOT_PLAIN
    kind = question.kind
    if kind in ("single", "multi"):
        return _choice_coercer(question, unknown)
    if kind == "yesno":
        return lambda raw: raw if raw is True or raw is False else _yes_no(raw, unknown)
    if kind in ("scale", "number"):
        return _number_coercer(question, unknown)

    def text(raw: Any) -> Any:
        if raw.__class__ is not str or len(raw) > MAX_TEXT or raw != raw.strip():
            return _NOT_PLAIN
        return unknown if raw.lower() in UNKNOWN_WORDS else raw

    return text


def _word(raw: Any, unknown: Any) -> Any:
    """A raw answer that is not its question's plain form: "not sure" as written, if so."""
    return unknown if raw.__class__ is str and raw in UNKNOWN_WORDS else _NOT_PLAIN


def _yes_no(raw: Any, unknown: Any) -> Any:
    """A yes/no answer written as a word (YAML's scalars are text), lower case as listed."""
    if raw.__class__ is str:
        if raw in YES_WORDS:
            return True
        if raw in NO_WORDS:
            return False
    return _word(raw, unknown)


def _choice_coercer(question: Question, unknown: Any) -> Coerce:
    # an option whose id reads as "not sure" is left to the full validator
    ids = frozenset(o.id for o in question.options if o.id.strip().lower() not in UNKNOWN_WORDS)
    if question.kind == "single":
        return lambda raw: raw if raw.__class__ is str and raw in ids else _word(raw, unknown)
    exclusive = frozenset(o.id for o in question.options if o.exclusive)

    def multi(raw: Any) -> Any:
        if raw.__class__ is str:
            return (raw,) if raw in ids else _word(raw, unknown)
        if not isinstance(raw, list):
            return _NOT_PLAIN
        if len(raw) == 1 and raw[0].__class__ is str and raw[0] in UNKNOWN_WORDS:
            return unknown
        chosen = tuple(raw)
        if not ids.issuperset(chosen) or len(set(chosen)) != len(chosen):
            return _NOT_PLAIN  # (a list item that is not text is not in `ids`)
        if len(chosen) > 1 and not exclusive.isdisjoint(chosen):
            return _NOT_PLAIN
        return chosen

    return multi


def _number_coercer(question: Question, unknown: Any) -> Coerce:
    """Whole numbers (a scale, or a number question with `integer`) and other numbers, as
    numbers or as plain decimal text (YAML's scalars are text)."""
    if question.scale is not None:
        low, high, integer = float(question.scale.min), float(question.scale.max), True
    else:
        assert question.min is not None and question.max is not None
        low, high, integer = question.min, question.max, question.integer

    def number(raw: Any) -> Any:
        kind = raw.__class__
        if kind is str and len(raw) <= 15 and _DECIMAL.match(raw):
            raw = float(raw)
            kind = float
            if integer and raw.is_integer():
                raw, kind = int(raw), int
        if kind is int:
            if -_SAFE_INTEGER < raw < _SAFE_INTEGER and low <= raw <= high:
                return raw if integer else float(raw)
            return _NOT_PLAIN
        if kind is float and not integer and math.isfinite(raw) and low <= raw <= high:
            return raw
        return _word(raw, unknown)

    return number
