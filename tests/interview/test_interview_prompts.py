"""Prompt building: each question kind gets a fitting prompt that returns a valid answer.

Prompts are driven in-process with prompt_toolkit's pipe input (keys sent before asking)
and a dummy output; every test finishes in well under a second.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import questionary
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput

from founder_check.content.models import Content, Question
from founder_check.interview.prompts import (
    SKIP,
    answer_validator,
    format_number,
    menu_prompt,
    metadata_prompt,
    number_label,
    question_prompt,
    read_answer,
    stage_prompt,
)

UP, DOWN, ENTER, SPACE, BACKSPACE = "\x1b[A", "\x1b[B", "\r", " ", "\x7f"

Factory = Callable[..., questionary.Question]


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe_input:
        yield pipe_input


def drive(pipe: PipeInput, factory: Factory, keys: str) -> Any:
    """Type `keys` into the prompt made by `factory` and return what it answers."""
    pipe.send_text(keys)
    return factory(input=pipe, output=DummyOutput()).unsafe_ask()


def ask(
    pipe: PipeInput, question: Question, keys: str, default: Any = None, lang: str = "en"
) -> Any:
    raw = drive(pipe, lambda **io: question_prompt(question, lang, default, **io), keys)  # type: ignore[arg-type]
    return read_answer(question, raw)


def q(content: Content, question_id: str) -> Question:
    return content.question_by_id[question_id]


# -- single and scale: a select list ------------------------------------------------------


def test_single_is_chosen_with_arrow_keys(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "basics.sector"), DOWN + ENTER) == "retail"


def test_single_preselects_the_earlier_answer(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "basics.sector"), ENTER, default="other") == "other"


def test_required_single_has_no_skip_entry(pipe: PipeInput, content: Content) -> None:
    # Up from the first entry wraps to the last one: the last option, not a skip entry.
    assert ask(pipe, q(content, "basics.sector"), UP + ENTER) == "other"


def test_optional_single_can_be_skipped(pipe: PipeInput, content: Content) -> None:
    question = q(content, "details.focus")
    assert drive(pipe, lambda **io: question_prompt(question, "en", **io), UP + ENTER) == SKIP
    assert read_answer(question, SKIP) is None


def test_scale_answers_a_whole_number(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "basics.maturity"), DOWN * 3 + ENTER) == 4


def test_scale_preselects_the_earlier_answer(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "basics.maturity"), ENTER, default=2) == 2


# -- multi: a checkbox list ---------------------------------------------------------------


def test_multi_ticks_with_space(pipe: PipeInput, content: Content) -> None:
    keys = SPACE + DOWN + SPACE + ENTER
    assert ask(pipe, q(content, "details.strengths"), keys) == ("research", "sales")


def test_multi_keeps_earlier_ticks(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "details.strengths"), ENTER, default=("product",)) == ("product",)


def test_multi_refuses_an_empty_answer_then_accepts(pipe: PipeInput, content: Content) -> None:
    # Enter with nothing ticked is refused inline; the prompt stays until one is ticked.
    assert ask(pipe, q(content, "details.strengths"), ENTER + SPACE + ENTER) == ("research",)


def test_multi_validator_explains_exclusive_options(content: Content) -> None:
    validate = answer_validator(q(content, "details.strengths"), "en")
    assert validate(["research"]) is True
    assert validate(["research", "none_of_these"]) == (
        "'None of these' cannot be combined with other options."
    )
    assert validate([]) == "Tick at least one option."
    zh = answer_validator(q(content, "details.strengths"), "zh")
    assert zh(["none_of_these", "sales"]) == "“以上都没有”不能与其他选项同时选择。"


# -- yes/no: a confirm, or a select with a skip entry when optional -----------------------


def test_required_yesno_is_a_confirm(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "basics.raising"), "y") is True


def test_required_yesno_enter_keeps_the_earlier_answer(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "basics.raising"), ENTER, default=True) is True


def test_optional_yesno_offers_yes_no_and_skip(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "details.audited"), DOWN + ENTER) is False


def test_optional_yesno_skip(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "details.audited"), UP + ENTER, default=True) is None


# -- numbers: typed, checked inline by coerce_answer --------------------------------------


def test_number_is_typed(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "basics.team_size"), "12" + ENTER) == 12


def test_invalid_number_is_refused_inline(pipe: PipeInput, content: Content) -> None:
    keys = "abc" + ENTER + BACKSPACE * 3 + "7" + ENTER
    assert ask(pipe, q(content, "basics.team_size"), keys) == 7


def test_number_out_of_range_is_refused_inline(pipe: PipeInput, content: Content) -> None:
    keys = "501" + ENTER + BACKSPACE * 3 + "500" + ENTER
    assert ask(pipe, q(content, "basics.team_size"), keys) == 500


def test_decimal_number_and_its_default(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "details.runway"), ENTER, default=18.5) == 18.5


def test_optional_number_is_skipped_when_empty(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "details.growth"), ENTER) is None


def test_number_validator_messages(content: Content) -> None:
    whole = answer_validator(q(content, "basics.team_size"), "en")
    assert whole("12") is True
    assert whole("abc") == "Enter a whole number from 0 to 500 (people)."
    assert whole("2.5") == "Enter a whole number from 0 to 500 (people)."
    assert whole("") == "An answer is required for this question."
    zh = answer_validator(q(content, "basics.team_size"), "zh")
    assert zh("600") == "请输入 0 到 500 之间的整数（人）。"
    assert zh("") == "此题必须作答。"
    optional = answer_validator(q(content, "details.growth"), "en")
    assert optional("") is True
    assert optional("-101") == "Enter a number from -100 to 1000 (%)."


def test_number_label_shows_range_and_unit(content: Content) -> None:
    assert number_label(q(content, "details.runway"), "en") == "Number from 0 to 120 (months)"
    assert number_label(q(content, "basics.team_size"), "zh") == "整数，0 到 500（人）"


@pytest.mark.parametrize(
    ("number", "text"), [(12, "12"), (12.0, "12"), (18.5, "18.5"), (1e7, "10000000"), (0.1, "0.1")]
)
def test_format_number(number: float, text: str) -> None:
    assert format_number(number) == text


# -- text ---------------------------------------------------------------------------------


def test_text_answer(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "details.notes"), "Two pilots" + ENTER) == "Two pilots"


def test_optional_text_is_skipped_when_empty(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "details.notes"), ENTER) is None


def test_required_question_cannot_be_skipped(content: Content) -> None:
    with pytest.raises(ValueError, match="cannot be skipped"):
        read_answer(q(content, "basics.sector"), SKIP)


# -- metadata and menus -------------------------------------------------------------------


def test_stage_prompt_lists_stages_and_a_skip(pipe: PipeInput, content: Content) -> None:
    first = drive(pipe, lambda **io: stage_prompt(content, "en", None, **io), ENTER)
    assert first == content.stages[0].id
    first_again = drive(
        pipe, lambda **io: stage_prompt(content, "en", "seed", **io), UP * 2 + ENTER
    )
    assert first_again == content.stages[0].id  # seed is preselected, third in the list
    last = drive(pipe, lambda **io: stage_prompt(content, "zh", None, **io), UP + ENTER)
    assert last == SKIP


def test_metadata_prompt_keeps_the_default(pipe: PipeInput) -> None:
    assert drive(pipe, lambda **io: metadata_prompt("Name", "Ada", "en", **io), ENTER) == "Ada"


def test_menu_prompt_returns_the_value(pipe: PipeInput) -> None:
    choices = [("Save", "save"), ("Change", "change")]
    assert drive(pipe, lambda **io: menu_prompt("Next?", choices, "en", **io), DOWN + ENTER) == (
        "change"
    )
