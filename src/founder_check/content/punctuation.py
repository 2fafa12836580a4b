"""Chinese texts written the way Chinese is written: full-width punctuation, no stray spaces.

In Chinese prose the comma, full stop, colon, brackets and quotes are full-width (，。：（）“”);
an ASCII one set against Chinese characters reads as a typo. `ascii_punctuation` finds each
ASCII , . ; : ? ! ( ) " ' whose nearest character on either side (spaces skipped) is Chinese:
a Han character, kana, or a CJK or full-width mark. Left alone: punctuation between Latin
letters or digits ("1.5", "GPT-4", "A/B", "e.g."), a list number starting a line ("1. "), a
dot that starts a file suffix (导出.csv, （.yaml）), a colon that ends a key before a closing
bracket (（encoding:）),
a mark quoted alone (输入“?”), code spans (`--stage`) and URLs.

A folded YAML block (`zh: >`) joins its lines with a space, which Chinese does not have
between characters: `join_lines` removes whitespace between two Chinese characters, so an
author can break a long Chinese text over lines.
"""

from __future__ import annotations

import re

_CHINESE = (
    "\u2e80-\u2fdf"  # CJK radicals
    "\u3000-\u303f"  # CJK symbols and punctuation (、。「」《》【】...)
    "\u3040-\u30ff"  # kana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\ufe30-\ufe4f"  # CJK compatibility forms
    "\uff00-\uffef"  # full-width forms (，：；！？（）...)
)
_ASCII_MARKS = ",.;:?!()\"'"
_MARK = re.compile(
    rf"(?<=[{_CHINESE}])[ ]*([{re.escape(_ASCII_MARKS)}])"
    rf"|([{re.escape(_ASCII_MARKS)}])(?=[ ]*[{_CHINESE}])"
)
_KEPT_AS_WRITTEN = re.compile(r"`[^`]*`|https?://\S+")
_QUOTES = "\u2018-\u201d"  # ‘ ’ “ ”, the quotes Chinese uses
_BETWEEN_CHINESE = re.compile(rf"(?<=[{_CHINESE}{_QUOTES}])\s+(?=[{_CHINESE}{_QUOTES}])")

FULL_WIDTH = {
    ",": "，",
    ".": "。",
    ";": "；",
    ":": "：",
    "?": "？",
    "!": "！",
    "(": "（",
    ")": "）",
    '"': "“ ”",
    "'": "‘ ’",
}


def ascii_punctuation(text: str) -> list[tuple[str, str]]:
    """Each ASCII mark set against Chinese in `text`, as (mark, the text around it)."""
    blanked = _KEPT_AS_WRITTEN.sub(lambda match: "\0" * len(match.group()), text)
    found = []
    for match in _MARK.finditer(blanked):
        mark = match.group(1) or match.group(2)
        at = match.start(1) if match.group(1) else match.start(2)
        if not _part_of_a_name(blanked, at):
            found.append((mark, text[max(0, at - 8) : at + 9].replace("\n", " ")))
    return found


def _part_of_a_name(text: str, at: int) -> bool:
    """Whether the mark at `at` belongs to a name or a number: a list number starting a line
    ("1. "), a file suffix or decimal point (.csv, 1.5), or the colon of a key before a
    closing bracket or the end (encoding:）)."""
    after = text[at + 1 : at + 2]
    if text[at] == "." and after == " " and text[at - 1 : at].isdigit():
        before_number = text[:at].rstrip("0123456789")
        return not before_number.split("\n")[-1].strip()  # a list's "1. " starting a line
    if text[at] == ".":
        return after.isascii() and after.isalnum()
    if text[at] == ":" and at > 0:
        before = text[at - 1]
        return (
            before.isascii()
            and (before.isalpha() or before == "_")
            and after in ("", "）", ")", "”")
        )
    return False


def punctuation_problem(text: str) -> str | None:
    """What is wrong with a Chinese text's punctuation, in one line, or None."""
    found = ascii_punctuation(text)
    if not found:
        return None
    shown = "; ".join(
        f"{mark!r} in {snippet!r} (write {FULL_WIDTH[mark]})" for mark, snippet in found[:3]
    )
    more = f", and {len(found) - 3} more" if len(found) > 3 else ""
    return f"Chinese text with ASCII punctuation next to Chinese characters: {shown}{more}"


def join_lines(text: str) -> str:
    """`text` without the whitespace between two Chinese characters (see the docstring)."""
    return _BETWEEN_CHINESE.sub("", text)
