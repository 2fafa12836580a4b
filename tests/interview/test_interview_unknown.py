"""The answer "Not sure" in the interview: offered by every scored question, never others.

Prompts are driven in-process with prompt_toolkit's pipe input as in test_interview_prompts;
the whole interview as in test_interview_session. The fixture content's scored questions:
maturity (scale), team size (number), strengths (multi, with an exclusive option),
use of funds (single), licence (required yes/no), audited (optional yes/no), focus (optional
single), growth (optional number); sector and raising are context questions, notes is text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput

from founder_check.content.models import UNKNOWN, Content, Question
from founder_check.interview.drafts import read_draft
from founder_check.interview.prompts import SKIP, answer_validator, question_prompt, read_answer
from founder_check.interview.session import InterviewInterrupted
from founder_check.interview.setup import InterviewOptions
from tests.interview.test_interview_session import (
    BASICS_KEYS,
    DETAILS_KEYS,
    EXPECTED_VALUES,
    METADATA_KEYS,
    SAVE,
    Interrupt,
    interview,
)

UP, DOWN, ENTER, SPACE, BACKSPACE = "\x1b[A", "\x1b[B", "\r", " ", "\x7f"


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe_input:
        yield pipe_input


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_home: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def ask(pipe: PipeInput, question: Question, keys: str, default: Any = None) -> Any:
    """Type `keys` into the question's prompt; the typed answer (None: skipped)."""
    pipe.send_text(keys)
    prompt = question_prompt(question, "en", default, input=pipe, output=DummyOutput())
    return read_answer(question, prompt.unsafe_ask())


def q(content: Content, question_id: str) -> Question:
    return content.question_by_id[question_id]


# -- prompts ------------------------------------------------------------------------------


def test_required_single_and_scale_end_with_not_sure(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "details.use_of_funds"), UP + ENTER) == UNKNOWN
    assert ask(pipe, q(content, "basics.maturity"), UP + ENTER) == UNKNOWN


def test_optional_single_has_not_sure_before_skip(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "details.focus"), UP + UP + ENTER) == UNKNOWN
    assert ask(pipe, q(content, "details.focus"), UP + ENTER) is None


def test_context_questions_offer_no_not_sure(pipe: PipeInput, content: Content) -> None:
    assert ask(pipe, q(content, "basics.sector"), UP + ENTER) == "other"  # last option
    assert ask(pipe, q(content, "basics.raising"), "y") is True  # still a y/n confirm


def test_multi_not_sure_is_a_box_of_its_own(pipe: PipeInput, content: Content) -> None:
    strengths = q(content, "details.strengths")
    assert ask(pipe, strengths, UP + SPACE + ENTER) == UNKNOWN
    # research and Not sure together are refused; unticking Not sure lets it through
    keys = SPACE + UP + SPACE + ENTER + SPACE + ENTER
    assert ask(pipe, strengths, keys) == ("research",)
    validate = answer_validator(strengths, "en")
    assert validate(["research", UNKNOWN]) == "'Not sure' cannot be combined with other options."
    assert answer_validator(strengths, "zh")([UNKNOWN, "sales"]) == (
        "“不确定”不能与其他选项同时选择。"
    )


def test_scored_yesno_is_a_list_with_not_sure(pipe: PipeInput, content: Content) -> None:
    licence = q(content, "details.licence")
    assert ask(pipe, licence, ENTER) is True
    assert ask(pipe, licence, DOWN + ENTER) is False
    assert ask(pipe, licence, DOWN * 2 + ENTER) == UNKNOWN
    audited = q(content, "details.audited")
    assert ask(pipe, audited, DOWN * 2 + ENTER) == UNKNOWN
    assert ask(pipe, audited, UP + ENTER) is None  # skip stays last


@pytest.mark.parametrize("typed", ["?", " ? ", "unknown", "Unknown", "不确定"])
def test_number_takes_a_question_mark_or_unknown(
    pipe: PipeInput, content: Content, typed: str
) -> None:
    assert ask(pipe, q(content, "basics.team_size"), typed + ENTER) == UNKNOWN


def test_earlier_not_sure_is_preselected(pipe: PipeInput, content: Content) -> None:
    for question_id in (
        "details.use_of_funds",
        "basics.maturity",
        "details.strengths",
        "details.licence",
        "details.audited",
        "basics.team_size",
    ):
        assert ask(pipe, q(content, question_id), ENTER, default=UNKNOWN) == UNKNOWN, question_id


def test_text_refuses_a_lone_unknown(content: Content) -> None:
    notes = answer_validator(q(content, "details.notes"), "en")
    assert notes("unknown") == (
        "'unknown' alone means “not sure”, which this question does not take; add a few words."
    )
    assert notes("unknown yet") is True
    assert answer_validator(q(content, "details.notes"), "zh")("不确定").startswith("单独的")


def test_skip_is_not_unknown(content: Content) -> None:
    assert read_answer(q(content, "details.focus"), SKIP) is None


# -- the whole interview ------------------------------------------------------------------

NOT_SURE_MATURITY = [*BASICS_KEYS[:3], UP + ENTER]  # basics.maturity: Not sure (last entry)


def test_not_sure_is_saved_as_unknown_and_shown_in_the_review(
    content: Content, workdir: Path
) -> None:
    keys = [*METADATA_KEYS, *NOT_SURE_MATURITY, *DETAILS_KEYS, SAVE]
    result, output = interview(content, keys)
    assert result.answers.values == {**EXPECTED_VALUES, "basics.maturity": UNKNOWN}
    saved = yaml.safe_load(result.saved_to.read_text(encoding="utf-8"))
    assert saved["answers"]["basics.maturity"] == "unknown"
    review = output[output.index("Review your answers") :]
    assert "Not sure" in review


def test_the_draft_keeps_not_sure(content: Content, workdir: Path) -> None:
    typed = [*METADATA_KEYS, *NOT_SURE_MATURITY]
    with pytest.raises(InterviewInterrupted) as caught:
        interview(content, typed, ask=Interrupt(len(typed) + 1))
    assert caught.value.draft is not None
    draft = read_draft(caught.value.draft)
    assert draft.answers_file["answers"]["basics.maturity"] == "unknown"
    result, _ = interview(content, [*DETAILS_KEYS, SAVE], InterviewOptions(resume=True))
    assert result.answers.values["basics.maturity"] == UNKNOWN
