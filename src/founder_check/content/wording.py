"""Wording rules for answer labels: each must read on its own.

Reports quote one answer at a time ("your answer: ...", "aim for: ..."), far from the list it
was chosen from, so a label that leans on another ("As 4, plus ...", "同上……", "在 3 的基础上……")
means nothing there. `content check` refuses such labels with `leans_on_another`.
"""

from __future__ import annotations

import re

from founder_check.content.models import Text

_EN = (
    re.compile(r"^as\s+(\d+|above|before|previous|the\s+(previous|last|one\s+(above|before)))\b"),
    re.compile(r"^(the\s+)?same\s+as\b"),
    re.compile(r"^(ditto|idem)\b"),
    re.compile(r"\bas\s+(above|before)\b"),
)
_ZH = (
    re.compile(r"^同\s*(上|前|\d)"),
    re.compile(r"同上"),
    re.compile(r"^与\s*\d+\s*(相同|一样)"),
    re.compile(r"在\s*(\d+|此|上述|上一[项档级条]?|前[一述]?[项档级条]?)\s*(的)?\s*基础上"),
    re.compile(r"上一[项档级条]"),
)


def leans_on_another(label: Text) -> str | None:
    """Why the label only makes sense next to another one, or None if it stands alone."""
    english = label.en.strip().lower()
    if any(pattern.search(english) for pattern in _EN):
        return f"the label {label.en!r} refers to another answer; say it in full"
    chinese = label.zh.strip()
    if any(pattern.search(chinese) for pattern in _ZH):
        return f"the label {label.zh!r} refers to another answer; say it in full"
    return None
