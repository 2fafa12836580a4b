"""JSON text of what the tool writes (scorecards, cohort records): one encoder for all.

orjson encodes dataclasses (fields in declaration order), dicts, lists and tuples natively,
several times faster than the standard library with a `default` hook: a cohort encodes
thousands of ~45 KB scorecards. Its indented form is byte-for-byte what `json.dumps(...,
ensure_ascii=False, indent=2)` gives for the same data; non-ASCII text stays as UTF-8.

orjson refuses a lone surrogate, which a JSON answers file can hold (`"\\ud800"`); such a
value is encoded by the standard library instead, each lone surrogate written as U+FFFD, so
what the founder wrote is still written, as valid UTF-8.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


def compact(value: Any) -> bytes:
    """UTF-8 JSON without any whitespace."""
    import orjson

    try:
        return orjson.dumps(_omitting(value))
    except TypeError:
        return _replacing_surrogates(value, None).encode("utf-8")


def indented(value: Any) -> str:
    """JSON indented by two spaces, ending with a newline."""
    import orjson

    try:
        return orjson.dumps(
            _omitting(value), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
        ).decode()
    except TypeError:
        return _replacing_surrogates(value, 2) + "\n"


def _replacing_surrogates(value: Any, indent: int | None) -> str:
    """The JSON orjson would give, with each lone surrogate as U+FFFD; a TypeError still for
    what is not JSON data."""
    import json

    def plain(item: Any) -> Any:
        if is_dataclass(item) and not isinstance(item, type):
            return {field.name: getattr(item, field.name) for field in fields(item)}
        if hasattr(item, "isoformat"):  # dates, as orjson writes them
            return item.isoformat()
        raise TypeError(f"{type(item).__name__} is not JSON data")

    separators = (",", ":") if indent is None else None
    text = json.dumps(
        _omitting(value), default=plain, ensure_ascii=False, indent=indent, separators=separators
    )
    return _SURROGATE.sub("\ufffd", text)


def _omitting(value: Any) -> Any:
    """A dataclass whose `JSON_OMIT_WHEN_NONE` fields are None, as a mapping without them
    (one level deep: the fields stay in order, nested records are still encoded natively);
    anything else as it is. A scorecard leaves out `next_level` at the top of the ladder."""
    names = getattr(type(value), "JSON_OMIT_WHEN_NONE", ())
    if not names or all(getattr(value, name) is not None for name in names):
        return value
    return {
        item.name: getattr(value, item.name)
        for item in fields(value)
        if not (item.name in names and getattr(value, item.name) is None)
    }
