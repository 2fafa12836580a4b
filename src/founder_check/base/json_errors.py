"""What is wrong with a JSON text, said in our words and placed where the fix is.

Python's own messages and positions change between versions (3.13 reports a trailing comma as
"Illegal trailing comma before end of object" at the comma; earlier versions report
"Expecting property name" at the closing brace), so a founder's error, and the tests, would
depend on the Python that runs. The position is worked out here from the text instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from founder_check.base.messages import Message

_MESSAGES = (
    # (start of Python's message, ours: a key of `problem_texts`); the first that matches wins
    ("Expecting property name", "json_key_quotes"),
    ("Expecting ':' delimiter", "json_colon"),
    ("Expecting ',' delimiter", "json_comma"),
    ("Unterminated string", "json_unclosed"),
    ("Invalid control character", "json_control"),
    ("Invalid \\uXXXX escape", "json_u_escape"),
    ("Invalid \\escape", "json_escape"),
    ("Extra data", "json_extra"),
)


@dataclass(frozen=True)
class JsonErrorSpot:
    """Where a JSON text goes wrong (1-based line and column) and what is wrong there."""

    line: int
    column: int
    message: Message


def describe_json_error(text: str, error: json.JSONDecodeError) -> JsonErrorSpot:
    """Our description of a decoding error of `text`, the same on every Python version."""
    position = min(max(error.pos, 0), len(text))
    comma = _trailing_comma(text, position)
    if comma is not None:
        closing = text[_next_visible(text, comma + 1)]
        kind = "list" if closing == "]" else "mapping"
        message = Message(f"json_trailing_comma_{kind}")
        position = comma
    elif error.msg.startswith("Expecting value"):
        ends = _next_visible(text, position) >= len(text)
        message = Message("json_ends_early" if ends else "json_value")
    else:
        key = next((ours for theirs, ours in _MESSAGES if error.msg.startswith(theirs)), None)
        message = Message(key or "json_other")
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return JsonErrorSpot(line=line, column=column, message=message)


def _trailing_comma(text: str, position: int) -> int | None:
    """The position of a comma directly (but for blanks) before a closing bracket, when the
    error is at that comma or at the bracket; else None."""
    comma: int | None = position
    if position >= len(text) or text[position] != ",":
        comma = _previous_visible(text, _next_visible(text, position) - 1)
    if comma is None or text[comma] != ",":
        return None
    after = _next_visible(text, comma + 1)
    if after < len(text) and text[after] in "]}":
        return comma
    return None


def _next_visible(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _previous_visible(text: str, position: int) -> int | None:
    while position >= 0 and text[position] in " \t\r\n":
        position -= 1
    return position if position >= 0 else None
