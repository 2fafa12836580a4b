"""Keep text that came from an input from acting on the terminal it is printed to.

A file name, an unknown key, a CSV header or a founder's name may hold an escape sequence
(clear the screen, retitle the window, fake a prompt), a carriage return that overwrites the
line, a right-to-left override that reorders it, or a lone surrogate that no encoder takes.
`visible` shows such characters as escapes (`\\x1b`, `\\u202e`) so the reader sees what is
there; `SafeRender` removes the ones left in anything rendered by a rich console, a safety
net under every renderer. Newline and tab are kept only where they are the layout's own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, ConsoleRenderable

# C0 and C1 controls and DEL; bidirectional marks, embeddings, overrides and isolates;
# line and paragraph separators (some terminals start a new line); lone surrogates.
_UNSAFE_CLASS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
)
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
_UNSAFE_OR_LAYOUT = re.compile(f"[\t\n{_UNSAFE_CLASS}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, layout: bool = False) -> str:
    """`text` with every unsafe character shown as an escape; `layout=True` keeps newlines
    and tabs (a message of several lines), else they are escaped too (one line per item)."""
    pattern = _UNSAFE if layout else _UNSAFE_OR_LAYOUT
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)


def is_safe(text: str) -> bool:
    """Whether `text` can be printed as it is (newlines and tabs allowed)."""
    return _UNSAFE.search(text) is None


def strip_unsafe(text: str) -> str:
    """`text` without unsafe characters (newline and tab kept): for text already laid out,
    where an escape would change the width a table computed."""
    return text if _UNSAFE.search(text) is None else _UNSAFE.sub("", text)


class _Cleaned:
    """Renders a renderable, then drops unsafe characters from its text segments; control
    segments (cursor moves rich itself emits) and styles pass unchanged."""

    __slots__ = ("inner",)

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Any]:
        from rich.segment import Segment

        for segment in console.render(self.inner, options):
            text = segment.text
            if segment.control or _UNSAFE.search(text) is None:
                yield segment
            else:
                yield Segment(_UNSAFE.sub("", text), segment.style)


@functools.cache
def _hook_class() -> type:
    from rich.console import RenderHook

    class SafeRender(RenderHook):
        """A rich render hook: whatever a console prints passes through `_Cleaned`."""

        def process_renderables(
            self, renderables: list[ConsoleRenderable]
        ) -> list[ConsoleRenderable]:
            return [_Cleaned(renderable) for renderable in renderables]

    return SafeRender


def safe_console(*, stderr: bool = False, **kwargs: Any) -> Console:
    """A rich console whose output never carries a control character from an input; it
    wraps Chinese between characters (`cjk_wrap`), as every report needs."""
    from founder_check.base.cjk_wrap import WrapConsole

    console = WrapConsole(stderr=stderr, highlight=False, **kwargs)
    console.push_render_hook(_hook_class()())
    return console
