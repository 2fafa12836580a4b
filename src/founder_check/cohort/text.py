"""Text from inputs made writable: every file the cohort writes is UTF-8, and orjson, the CSV
writer and the terminal all refuse a lone surrogate.

Lone surrogates get in two ways: a JSON answers file may spell one as an escape
(`"\\ud800"`), and a file name that is not UTF-8 reaches Python with each bad byte as one
(PEP 383). A file name keeps what it says: its bad bytes are shown as `\\xff`, so the person
running the cohort can still find the file. Any other text gets U+FFFD in their place.
"""

from __future__ import annotations

import os
import re

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def writable(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD (the same text when there is none)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub(REPLACEMENT, text)
    return text


def shown_path(path: str) -> str:
    """A path as UTF-8 text: the bytes of a name that are not UTF-8 shown as `\\xff` escapes."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return os.fsencode(path).decode("utf-8", "backslashreplace")
        except UnicodeError:  # a surrogate that is no file-name byte (not from the OS)
            return writable(path)
    return path


def truncated(text: str, limit: int) -> str:
    """At most `limit` characters; a cut is marked with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
