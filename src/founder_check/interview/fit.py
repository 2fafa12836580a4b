"""Make a questionary prompt fit the terminal: list entries wrap instead of being cut.

questionary draws a list (select, checkbox) in a prompt_toolkit window that does not wrap,
so an entry wider than the terminal loses its end. `wrap_list` rewraps the list each time it
is drawn, at the terminal's width then (a resized terminal rewraps it): every entry breaks
into rows under its own first letter, keeping its style (pointer, highlight, tick). The line
above the list (the question mark, "Choose one" and the keys to use) is wrapped once, by
words, when the prompt is made (`fit_instruction`). A message saying why an answer is not
accepted is broken by words too (`fit_validator`), and a line's prompt shows it on as many
rows as it needs (prompt_toolkit gives it one row, cutting the rest).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import questionary
from prompt_toolkit.application import get_app_session
from prompt_toolkit.application.current import get_app_or_none
from prompt_toolkit.filters import has_validation_error
from prompt_toolkit.formatted_text import StyleAndTextTuples, to_formatted_text
from prompt_toolkit.layout import ConditionalContainer, Window, walk
from prompt_toolkit.output import Output
from questionary.prompts.common import InquirerControl

from founder_check.interview.linebreak import cells, wrap

Validator = Callable[[Any], "bool | str"]
MIN_TEXT_WIDTH = 12
"""An entry keeps at least this many cells per row, however narrow the terminal."""


def terminal_width(output: Output | None = None) -> int:
    """The width of the terminal a prompt draws on: `output`'s, else that of the running
    prompt, else that of prompt_toolkit's session (the terminal)."""
    if output is None:
        app = get_app_or_none()
        output = app.output if app is not None else get_app_session().output
    return max(output.get_size().columns, 1)


def wrap_list(prompt: questionary.Question) -> None:
    """Rewrap the prompt's list (if it has one) at the terminal's width each time it draws,
    and let the message under a line (why an answer is not accepted) take several rows."""
    layout = prompt.application.layout
    for window in layout.find_all_windows():
        control = window.content
        if isinstance(control, InquirerControl):
            draw: Callable[[], Any] = control.text  # type: ignore[assignment]

            def wrapped(draw: Callable[[], Any] = draw) -> StyleAndTextTuples:
                return wrap_fragments(to_formatted_text(draw()), terminal_width())

            control.text = wrapped
    for container in walk(layout.container):
        if (
            isinstance(container, ConditionalContainer)
            and container.filter is has_validation_error
            and isinstance(container.content, Window)
        ):
            container.content.height = None  # as many rows as the message has


def fit_validator(validate: Validator) -> Validator:
    """`validate` with its messages broken by words to the terminal's width."""

    def fitted(raw: Any) -> bool | str:
        verdict = validate(raw)
        if isinstance(verdict, str):
            return "\n".join(wrap(verdict, terminal_width() - 1))
        return verdict

    return fitted


def wrap_fragments(fragments: StyleAndTextTuples, width: int) -> StyleAndTextTuples:
    """Styled rows of a list, each entry wrapped to `width` under its own first letter.

    On each row the last piece of text is the entry; what precedes it (the pointer, the
    tick box) sets the indent of its continuation rows.
    """
    result: StyleAndTextTuples = []
    for number, row in enumerate(_rows(fragments)):
        if number:
            result.append(("", "\n"))
        result.extend(_wrap_row(row, width))
    return result


def fit_instruction(
    message: str, instruction: str, qmark: str = "?", output: Output | None = None
) -> str:
    """The instruction shown after `qmark message`, broken by words to the terminal's width
    (prompt_toolkit would break it at the edge, mid-word)."""
    width = terminal_width(output) - 1  # the cursor's cell after the line
    used = cells(f"{qmark} {message} ")
    return "\n".join(wrap(instruction, width, first=width - used))


def _rows(fragments: StyleAndTextTuples) -> list[StyleAndTextTuples]:
    rows: list[StyleAndTextTuples] = [[]]
    for fragment in fragments:
        style, text, *rest = fragment
        parts = text.split("\n")
        for number, part in enumerate(parts):
            if number:
                rows.append([])
            if part or not text:
                rows[-1].append((style, part, *rest))  # type: ignore[arg-type]
    return rows


def _wrap_row(row: StyleAndTextTuples, width: int) -> StyleAndTextTuples:
    last = max((i for i, fragment in enumerate(row) if fragment[1]), default=None)
    if last is None:
        return row
    indent = sum(cells(fragment[1]) for fragment in row[:last])
    style, text = row[last][0], row[last][1]
    room = max(width - indent, MIN_TEXT_WIDTH)
    pieces = wrap(text, room)
    if len(pieces) == 1:
        return row
    result: StyleAndTextTuples = [*row[:last], (style, pieces[0])]
    for piece in pieces[1:]:
        result += [("", "\n"), ("", " " * indent), (style, piece)]
    return [*result, *row[last + 1 :]]
