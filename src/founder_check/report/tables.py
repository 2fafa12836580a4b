"""Tables as the terminal report draws them: the title, and the caption under the rows, at
the left edge where the reader's eye is, not centred over the columns."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text


def titled_table(title: str | Text, caption: str | None = None, **options: Any) -> Table:
    """A table titled (and captioned) at the left; `options` go to rich's Table as they are."""
    return Table(
        title=title, title_justify="left", caption=caption, caption_justify="left", **options
    )
