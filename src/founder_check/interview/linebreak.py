"""Break a line of English or Chinese into rows that fit a width in terminal cells.

The interview's list entries and question texts must wrap, not be cut, down to 60 columns.
Width is counted in cells as the terminal draws them (a Chinese character takes two), with
prompt_toolkit's measure, the one that draws the lists. A row may break after a space, and
between two Chinese characters or a Chinese character and a Latin word (Chinese has no
spaces); never before closing punctuation (，。）” ...) nor after opening punctuation (（“ ...),
the basic rule of Chinese typesetting. A word wider than the row is split where it must be.
"""

from __future__ import annotations

import re

from prompt_toolkit.utils import get_cwidth

# closing marks are glued to what comes before them, so no row starts with one; opening
# marks to what follows them, so no row ends with one (the reports' rules, `cjk_wrap`)
from founder_check.base.cjk_wrap import NO_LINE_END, NO_LINE_START

_WIDE = r"\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_ATOMS = re.compile(rf"\s+|[{_WIDE}‘’“”…—]|[^\s{_WIDE}‘’“”…—]+")


def cells(text: str) -> int:
    """The width of `text` in terminal cells."""
    return get_cwidth(text)


def wrap(text: str, width: int, first: int | None = None) -> list[str]:
    """`text` as rows of at most `width` cells (the first row at most `first`), its own line
    breaks kept; spaces where a row breaks are dropped, nothing else is."""
    rows: list[str] = []
    for number, line in enumerate(text.split("\n")):
        room = first if first is not None and number == 0 else width
        rows.extend(_wrap_line(line, max(width, 1), max(room, 0)))
    return rows


def _wrap_line(line: str, width: int, first: int) -> list[str]:
    rows: list[str] = []
    current = ""
    room = first
    for chunk in _chunks(line):
        if chunk.isspace():
            if current:
                current += chunk
            continue
        if cells(current + chunk) <= room:
            current += chunk
            continue
        # a break: before this chunk (a first row with no room left beside its prefix is
        # left empty, so the text starts on the row below)
        if current or room < width:
            rows.append(current.rstrip())
        room = width
        pieces = _split(chunk, width)
        rows.extend(pieces[:-1])
        current = pieces[-1]
    rows.append(current.rstrip())
    return rows


def _chunks(line: str) -> list[str]:
    """The line cut where a row may break: runs of space, Latin words, single Chinese
    characters, with closing marks glued to what precedes and opening marks to what follows."""
    chunks: list[str] = []
    glue_next = False
    for atom in _ATOMS.findall(line):
        if atom.isspace():
            chunks.append(atom)
            glue_next = False
            continue
        if chunks and not chunks[-1].isspace() and (glue_next or atom[0] in NO_LINE_START):
            chunks[-1] += atom
        else:
            chunks.append(atom)
        glue_next = atom[-1] in NO_LINE_END
    return chunks


def _split(chunk: str, width: int) -> list[str]:
    """A chunk wider than a row, split by cells; a chunk that fits, as it is."""
    pieces = [""]
    for char in chunk:
        if pieces[-1] and cells(pieces[-1] + char) > width:
            pieces.append("")
        pieces[-1] += char
    return pieces
