"""Lists whose items wrap under their own text (a hanging indent), for the terminal.

An item printed as one long Text continues at the left edge when it wraps, so its second
line reads like a new item. Here each item is a row of a grid: its marker ("•", "3.", a
badge or a label) in a column of its own, its text in the next, so rich wraps the text
inside its column, and a `cjk_wrap.WrapConsole` still breaks Chinese by its rules there.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

Marker = Text | str


def hanging(rows: Sequence[tuple[Marker, RenderableType]], *, spaced: bool = False) -> Table:
    """Each (marker, body) as one item: the body starts after the widest marker and every
    line it wraps to starts there too; `spaced` puts a blank line between items."""
    width = max((cell_len(_plain(marker)) for marker, _ in rows), default=0)
    grid = Table.grid()
    grid.add_column(width=width, no_wrap=True)
    grid.add_column()
    for number, (marker, body) in enumerate(rows):
        if spaced and number:
            grid.add_row()
        grid.add_row(_text(marker), _text(body) if isinstance(body, str) else body)
    return grid


def bullets(items: Sequence[RenderableType], *, indent: int = 1) -> Table:
    """A bulleted list, its bullets `indent` cells from the left."""
    return hanging([(" " * indent + "• ", item) for item in items])


def numbered(items: Sequence[RenderableType], *, spaced: bool = True) -> Table:
    """A numbered list; the numbers are right-aligned, so from the tenth item on every
    text still starts in the same column."""
    digits = len(str(len(items)))
    return hanging(
        [
            (Text(f"{number:>{digits}}. ", style="bold"), item)
            for number, item in enumerate(items, start=1)
        ],
        spaced=spaced,
    )


def indented(body: RenderableType, cells: int) -> Padding:
    """`body` moved `cells` to the right, wrapped lines included."""
    return Padding(body, (0, 0, 0, cells))


def _plain(marker: Marker) -> str:
    return marker.plain if isinstance(marker, Text) else marker


def _text(text: Marker) -> Text:
    """A string as plain Text: a "[" in a founder's words is not rich markup."""
    return text if isinstance(text, Text) else Text(text)
