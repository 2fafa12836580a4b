"""Text that can always be written as UTF-8.

A terminal that sends bytes which are not UTF-8 (a Latin-1 keyboard, a pasted binary) gives
Python strings with lone surrogates (U+D800 to U+DFFF), which no UTF-8 writer accepts. They
are replaced with U+FFFD, the replacement character, so the rest of the text is kept.
"""

from __future__ import annotations

REPLACEMENT = "\ufffd"


def replace_lone_surrogates(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD (a surrogate pair is joined)."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text
