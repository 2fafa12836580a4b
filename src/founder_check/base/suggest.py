"""Suggestions ("did you mean") for a mistyped id, cheap enough to run on hostile input.

difflib compares a word with every candidate; a file of 100,000 unknown keys (or one key of
a million characters) made that minutes of work. Here only candidates whose length could
still reach the similarity cutoff are compared and over-long words get no suggestion;
callers ask only for the first few unknown words of a file (those they list).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

CUTOFF = 0.6
MAX_WORD = 200  # longer than any id: not a typo of one


def close_match(word: str, candidates: Iterable[str], *, cutoff: float = CUTOFF) -> str | None:
    """The candidate most like `word` (difflib's ratio at least `cutoff`), or None.

    The ratio is at most 2*min(a, b)/(a + b) for lengths a and b, so a candidate more than
    (2 - cutoff)/cutoff times longer or shorter than the word can never reach the cutoff.
    """
    size = len(word)
    if not size or size > MAX_WORD:
        return None
    stretch = (2 - cutoff) / cutoff
    window = sorted(c for c in set(candidates) if size / stretch <= len(c) <= size * stretch)
    close = difflib.get_close_matches(word, window, n=1, cutoff=cutoff)
    return close[0] if close else None
