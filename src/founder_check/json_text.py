"""JSON text of what the tool writes (scorecards, cohort records): one encoder for all.

orjson encodes dataclasses (fields in declaration order), dicts, lists and tuples natively,
several times faster than the standard library with a `default` hook: a cohort encodes
thousands of ~45 KB scorecards. Its indented form is byte-for-byte what `json.dumps(...,
ensure_ascii=False, indent=2)` gives for the same data; non-ASCII text stays as UTF-8.
"""

from __future__ import annotations

from typing import Any


def compact(value: Any) -> bytes:
    """UTF-8 JSON without any whitespace."""
    import orjson

    return orjson.dumps(value)


def indented(value: Any) -> str:
    """JSON indented by two spaces, ending with a newline."""
    import orjson

    return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()
