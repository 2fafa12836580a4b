"""Line wrapping that breaks Chinese between characters, as a reader of Chinese expects.

rich wraps at whitespace only (its maintainer says so: Textualize/rich#2494), so a Chinese
sentence, which has no spaces, is one long "word": it is pushed whole onto a new line and
then chopped at the width, or cut with an ellipsis in a table cell. Here a line may also
break between two characters when one of them is wide (an East Asian ideograph, kana or
full-width form), except where the rules of Chinese typography forbid it (GB/T 15834 and
W3C's Requirements for Chinese Text Layout): no line starts with a closing mark (，。、；：！？
）」』】》” ...), no line ends with an opening one （「『【《“ ...), and —— or …… is never split.
Latin text keeps rich's whitespace-only breaks, so English output is unchanged.

These are the rules of UAX #14 (Unicode line breaking) that matter for Chinese, written out
because the Python implementation of UAX #14, uniseg 0.10 (Unicode 16), takes about 0.1 ms
per character: a second more for every Chinese report, which rich wraps more than once.

`WrapText` is a rich `Text` that wraps and measures this way, and folds a word too wide for
its table column instead of cutting it with an ellipsis (a report loses no text); a
`WrapConsole` renders every string and every `Text` as one, so tables, panels and plain
prints all follow the same rules without their renderers knowing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console
from rich.containers import Lines
from rich.measure import Measurement
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import ConsoleOptions, JustifyMethod, OverflowMethod, RenderableType
    from rich.segment import Segment

# Marks that must not begin a line: closing brackets and quotes, sentence punctuation, the
# dash and per cent signs, and the ASCII ones when they sit against Chinese. The interview's
# wrapping (`interview.linebreak`) keeps the same rules.
NO_LINE_START = frozenset("，。、；：！？）］｝〕〗〙〛〉》」』】”’…‥·・ー々〜～—％" + ",.;:!?)]}%")
# Marks that must not end a line: opening brackets and quotes.
NO_LINE_END = frozenset("（［｛〔〖〘〚〈《「『【“‘" + "([{")
# Two-character marks (—— and ……) that must stay on one line.
_NO_SPLIT = frozenset("—…")


_WORD = re.compile(r"\s*\S+\s*")  # rich's word: leading and trailing whitespace included


@lru_cache(maxsize=4096)
def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def may_break(before: str, after: str) -> bool:
    """Whether a line may break between two non-space characters without a space."""
    if not (_wide(before) or _wide(after)):
        return False
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    return not (before == after and before in _NO_SPLIT)


def units(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each piece a line may not break inside: a run of characters with
    no break opportunity, and the whitespace after it (leading whitespace joins the first)."""
    if text.isascii():  # no wide character: the words rich splits at whitespace, faster
        for match in _WORD.finditer(text):
            yield match.span()
        return
    start = 0
    for index in range(1, len(text)):
        before, after = text[index - 1], text[index]
        if after.isspace():
            continue
        opportunity = before.isspace() or may_break(before, after)
        if opportunity and text[start:index].strip():  # leading spaces join the first unit
            yield start, index
            start = index
    if start < len(text):
        yield start, len(text)


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """The offsets at which to break one line of `text` to fit `width` cells: rich's
    `divide_line`, with `units` in place of its whitespace-separated words. A unit wider than
    a whole line is folded (`fold`) or left to be cropped, as rich does."""
    breaks: list[int] = []
    offset = 0  # cells used on the current line
    for start, end in units(text):
        piece = text[start:end]
        length = cell_len(piece.rstrip())
        if width - offset >= length:
            offset += cell_len(piece)
        elif length > width:
            if not fold:
                if start:
                    breaks.append(start)
                offset = cell_len(piece)
                continue
            chunks = chop(piece, width)
            for number, chunk in enumerate(chunks, start=1):
                if start:
                    breaks.append(start)
                if number == len(chunks):
                    offset = cell_len(chunk)
                else:
                    start += len(chunk)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(piece)
    return breaks


def chop(piece: str, width: int) -> list[str]:
    """A piece wider than a line, in lines of at most `width` cells. rich's `chop_cells`
    cuts at the width; here a cut moves back a character or two where it would start a
    line with a closing mark or end one with an opening mark, as a break elsewhere would."""
    lines: list[str] = []
    start = used = 0  # where the current line starts, and the cells it holds so far
    for index, char in enumerate(piece):
        size = get_character_cell_size(char)
        if used + size > width and index > start:
            cut = index
            while cut - start > 1 and (
                piece[cut] in NO_LINE_START or piece[cut - 1] in NO_LINE_END
            ):
                cut -= 1
            if cut - start == 1:  # marks only: cut at the width after all
                cut = index
            lines.append(piece[start:cut])
            start, used = cut, cell_len(piece[cut:index])
        used += size
    return [*lines, piece[start:]]


class WrapText(Text):
    """A rich Text that wraps and measures with the line-break rules above."""

    @classmethod
    def of(cls, text: Text) -> WrapText:
        """The same text, spans and settings, as a WrapText."""
        copy = cls(
            text.plain,
            style=text.style,
            justify=text.justify,
            overflow=text.overflow,
            no_wrap=text.no_wrap,
            end=text.end,
            tab_size=text.tab_size,
        )
        copy._spans[:] = text._spans
        return copy

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        """rich's `Text.wrap` with `divide_line` from this module, and no text lost: a word
        wider than its table column is folded onto the next line, not cut with an ellipsis
        (rich's default for table cells)."""
        wrap_justify = justify or self.justify or "default"
        wrap_overflow = overflow or self.overflow or "fold"
        if wrap_overflow == "ellipsis":
            wrap_overflow = "fold"
        if no_wrap is None:
            no_wrap = bool(self.no_wrap)
        no_wrap = no_wrap or overflow == "ignore"
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(tab_size)
            if no_wrap:
                if overflow == "ignore":
                    lines.append(line)
                    continue
                new_lines = Lines([line])
            else:
                offsets = divide_line(str(line), width, fold=wrap_overflow == "fold")
                new_lines = line.divide(offsets)
                for new_line in new_lines:
                    new_line.rstrip_end(width)
            if wrap_justify:
                new_lines.justify(console, width, justify=wrap_justify, overflow=wrap_overflow)
            for new_line in new_lines:
                new_line.truncate(width, overflow=wrap_overflow)
            lines.extend(new_lines)
        return lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """At most the longest line; at least the widest piece that cannot be broken."""
        text = self.plain
        lines = text.splitlines()
        widest_line = max((cell_len(line) for line in lines), default=0)
        widest_unit = max(
            (cell_len(text[start:end].strip()) for line in lines for start, end in units(line)),
            default=widest_line,
        )
        return Measurement(widest_unit, widest_line)


class WrapConsole(Console):
    """A rich Console that renders every string and every plain Text as a WrapText."""

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return WrapText.of(super().render_str(text, **kwargs))

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterator[Segment]:
        if type(renderable) is Text:  # a subclass keeps its own wrapping
            renderable = WrapText.of(renderable)
        yield from super().render(renderable, options)
