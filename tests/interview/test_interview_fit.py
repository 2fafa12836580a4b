"""Fitting the screen, in-process: line breaking by cells, list rows wrapped under their
entry, the prompt's keys line broken by words, and the keys every prompt shares (Esc goes
back, Ctrl-D ends). The real terminal is test_interview_screen.py's."""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import questionary
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from founder_check.content.loader import load_content
from founder_check.content.models import Content
from founder_check.interview.fit import fit_instruction, wrap_fragments
from founder_check.interview.keys import GoBack
from founder_check.interview.linebreak import NO_LINE_END, NO_LINE_START, cells, wrap
from founder_check.interview.prompts import (
    confirm_prompt,
    menu_prompt,
    metadata_prompt,
    question_prompt,
    stage_prompt,
)

BUNDLED = load_content()
LABELS = {
    lang: [o.label.get(lang) for q in BUNDLED.questions for o in q.options]
    + [q.text.get(lang) for q in BUNDLED.questions]
    + [q.help.get(lang) for q in BUNDLED.questions]
    for lang in ("en", "zh")
}
ESC, CTRL_D, ENTER = "\x1b", "\x04", "\r"


# -- line breaking ----------------------------------------------------------------------------


@pytest.mark.parametrize("width", [20, 37, 54, 76])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rows_fit_and_nothing_is_lost(lang: str, width: int) -> None:
    for text in LABELS[lang]:
        rows = wrap(text, width)
        assert all(cells(row) <= width for row in rows), (text, rows)
        assert "".join("".join(rows).split()) == "".join(text.split()), text
        if lang == "en":  # breaks fall on spaces: the words are the same words
            assert " ".join(rows).split() == text.split(), text


@pytest.mark.parametrize("width", [20, 37, 54])
def test_chinese_breaks_between_characters_and_keeps_punctuation_rules(width: int) -> None:
    for text in LABELS["zh"]:
        rows = wrap(text, width)
        for row in rows[1:]:
            assert row[0] not in NO_LINE_START, (text, rows)
        for row in rows[:-1]:
            assert row[-1] not in NO_LINE_END, (text, rows)
            assert cells(row) >= width - 6, f"a short row: Chinese breaks anywhere {rows}"


def test_the_first_row_leaves_room_for_what_precedes_it() -> None:
    rows = wrap("(↑/↓ to move, Enter to choose; Esc to go back)", 30, first=12)
    assert cells(rows[0]) <= 12 and all(cells(row) <= 30 for row in rows)
    assert wrap("together", 30, first=3) == ["", "together"]  # no room: start below


def test_a_word_wider_than_the_row_is_split_not_lost() -> None:
    assert wrap("a https://example.org/a/very/long/path b", 10) == [
        "a",
        "https://ex",
        "ample.org/",
        "a/very/lon",
        "g/path b",
    ]


# -- a list's rows --------------------------------------------------------------------------


def test_list_rows_wrap_under_their_entry_and_keep_their_style() -> None:
    long = "Several segments at once with no priority among them, resources split between them"
    fragments = [
        ("class:pointer", " » "),
        ("[SetCursorPosition]", ""),
        ("class:text", "● "),
        ("class:highlighted", long),
        ("", "\n"),
        ("class:text", "   "),
        ("class:text", "○ "),
        ("class:text", "Short"),
    ]
    out = wrap_fragments(fragments, 40)  # type: ignore[arg-type]
    text = "".join(fragment[1] for fragment in out)
    rows = text.split("\n")
    assert all(cells(row) <= 40 for row in rows), rows
    assert rows[0].startswith(" » ● Several")
    assert all(row.startswith("     ") and row[5] != " " for row in rows[1:-1])
    assert rows[-1] == "   ○ Short"
    assert " ".join(" ".join(rows[:-1]).split()[2:]) == long
    styles = {fragment[0] for fragment in out if fragment[1].strip() and "Short" not in fragment[1]}
    assert styles == {"class:pointer", "class:text", "class:highlighted"}
    assert ("[SetCursorPosition]", "") in out


class Narrow(DummyOutput):
    """A terminal `columns` wide."""

    def __init__(self, columns: int) -> None:
        self.columns = columns

    def get_size(self) -> Size:
        return Size(rows=40, columns=self.columns)


def test_the_keys_line_breaks_by_words() -> None:
    hint = "(↑/↓ to move, Space to tick, Enter to confirm; tick nothing to skip; Esc to go back)"
    fitted = fit_instruction("Choose all that apply", hint, output=Narrow(60))
    rows = fitted.split("\n")
    assert len(rows) == 2 and " ".join(rows) == hint
    assert cells("? Choose all that apply " + rows[0]) < 60 and cells(rows[1]) < 60


# -- the keys every prompt shares -----------------------------------------------------------


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe_input:
        yield pipe_input


def q(content: Content, question_id: str) -> Any:
    return content.question_by_id[question_id]


PROMPTS: dict[str, Callable[[Content, dict[str, Any]], questionary.Question]] = {
    "single": lambda c, io: question_prompt(q(c, "basics.sector"), "en", **io),
    "scale": lambda c, io: question_prompt(q(c, "basics.maturity"), "en", **io),
    "multi": lambda c, io: question_prompt(q(c, "details.strengths"), "en", **io),
    "confirm": lambda c, io: question_prompt(q(c, "basics.raising"), "en", **io),
    "yesno list": lambda c, io: question_prompt(q(c, "details.audited"), "en", **io),
    "number": lambda c, io: question_prompt(q(c, "basics.team_size"), "en", **io),
    "text": lambda c, io: question_prompt(q(c, "details.notes"), "en", **io),
    "name": lambda c, io: metadata_prompt("Company name", None, "en", **io),
    "stage": lambda c, io: stage_prompt(c, "en", None, **io),
    "menu": lambda c, io: menu_prompt("What next?", [("Save", "s")], "en", **io),
}


@pytest.mark.parametrize("kind", list(PROMPTS))
def test_esc_goes_back_at_every_kind_of_prompt(
    pipe: PipeInput, content: Content, kind: str
) -> None:
    pipe.send_text(ESC)
    with pytest.raises(GoBack):
        PROMPTS[kind](content, {"input": pipe, "output": DummyOutput()}).unsafe_ask()


@pytest.mark.parametrize("kind", list(PROMPTS))
def test_ctrl_d_ends_at_every_kind_of_prompt(pipe: PipeInput, content: Content, kind: str) -> None:
    pipe.send_text("12" + CTRL_D if kind in ("number", "text", "name") else CTRL_D)
    with pytest.raises(EOFError):
        PROMPTS[kind](content, {"input": pipe, "output": DummyOutput()}).unsafe_ask()


def test_esc_does_nothing_where_there_is_nothing_to_go_back_to(pipe: PipeInput) -> None:
    """The offer to continue a draft and the very first prompt: Esc is ignored; the next key
    (typed later than an Esc's own sequence could last) answers as usual."""
    for prompt, key, expected in [
        (confirm_prompt("Continue it?", input=pipe, output=DummyOutput()), "y", True),
        (
            metadata_prompt("Name", "Ada", "en", back=False, input=pipe, output=DummyOutput()),
            ENTER,
            "Ada",
        ),
    ]:
        pipe.send_text(ESC)
        later = threading.Timer(2.0, pipe.send_text, args=(key,))
        later.start()
        try:
            assert prompt.unsafe_ask() == expected
        finally:
            later.join()


def test_keys_hint_names_esc_only_where_it_goes_back(pipe: PipeInput, content: Content) -> None:
    sector, raising = q(content, "basics.sector"), q(content, "basics.raising")
    hinted = drawn(pipe, lambda **io: question_prompt(sector, "en", **io), ENTER)
    assert "(↑/↓ to move, Enter to choose; Esc to go back)" in hinted
    plain = drawn(pipe, lambda **io: question_prompt(sector, "en", back=False, **io), ENTER)
    assert "Enter to choose)" in plain and "Esc" not in plain
    chinese = drawn(pipe, lambda **io: question_prompt(raising, "zh", **io), "y")
    assert "（y/N；Esc 返回上一步）" in chinese


def drawn(pipe: PipeInput, factory: Callable[..., questionary.Question], keys: str) -> str:
    """What a prompt draws on a 200-column terminal until `keys` answer it, as plain text."""
    buffer = io.StringIO()
    output = Vt100_Output(buffer, lambda: Size(rows=40, columns=200), term="xterm")
    pipe.send_text(keys)
    factory(input=pipe, output=output).unsafe_ask()
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", buffer.getvalue())
