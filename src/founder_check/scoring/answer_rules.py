"""The rules every answers source is held to, shared by the full validator (`answers`) and its
fast path for well-formed data (`answers_quick`): the keys of an answers file, the words
that mean yes, no and "not sure", when an answer is given and when one is required."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from founder_check.base.messages import Message, Quoted
from founder_check.content.models import UNKNOWN, Content, Question

METADATA_FIELDS = ("founder", "company", "stage")
TOP_KEYS = (*METADATA_FIELDS, "date", "answers")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
MAX_TEXT = 10_000
YES_WORDS = frozenset({"yes", "y", "true", "是", "对"})
NO_WORDS = frozenset({"no", "n", "false", "否", "不"})
UNKNOWN_WORDS = frozenset({UNKNOWN, "不确定"})


def is_given(raw: Any) -> bool:
    """Whether a raw value holds an answer: not null, nor empty text, list or mapping."""
    return raw is not None and raw != "" and raw != [] and raw != {}


def parse_date(raw: Any) -> dt.date | None:
    """The `date:` of an answers file: ISO 8601 text (YYYY-MM-DD) or a date already parsed
    (YAML read by another loader); a time of day or any other form is refused."""
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        raise ValueError(Message("date_time_of_day", value=Quoted.of(raw.isoformat())))
    if isinstance(raw, dt.date):
        return raw
    text = str(raw).strip() if isinstance(raw, (str, int, float)) else None
    if text is not None and ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            message = Message("date_not_in_calendar", value=Quoted.of(text))
            raise ValueError(message) from None
    shown = Quoted.of(text) if text is not None else describe(raw)
    raise ValueError(Message("not_a_date", value=shown))


def required_at(question: Question, content: Content, stage: str | None) -> bool:
    """Required, unless the question is only expected at a later stage than this one."""
    if not question.required:
        return False
    if question.from_stage is None:
        return True
    rank = content.stage_rank
    current = stage if stage in rank else content.default_stage
    return rank[question.from_stage] <= rank[current]


def is_unknown_word(raw: Any) -> bool:
    """Whether a raw answer says "not sure": `unknown` in any case, or `不确定`."""
    return isinstance(raw, str) and raw.strip().lower() in UNKNOWN_WORDS


def describe(raw: Any) -> Message | Quoted:
    if isinstance(raw, Mapping):
        return Message("a_mapping")
    if isinstance(raw, (list, tuple)):
        return Message("a_list")
    return Quoted.of(raw)
