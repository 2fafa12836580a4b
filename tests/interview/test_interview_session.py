"""The interview loop in-process: flow, review edits, drafts, resume, options and terminal checks.

Keys are fed through prompt_toolkit's pipe input (typed ahead; each prompt takes what it
needs and leaves the rest to the next), output goes to a dummy terminal and a string console.
The end-to-end tests in test_interview_e2e.py drive the real console script in a terminal.
"""

from __future__ import annotations

import io
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from founder_check.base.errors import FounderCheckError, OutputError, UsageError
from founder_check.content.models import Content
from founder_check.interview.drafts import draft_path_for, read_draft, save_draft
from founder_check.interview.keys import GoBack
from founder_check.interview.session import (
    InterviewInterrupted,
    InterviewResult,
    ask_prompt,
    run_interview,
)
from founder_check.interview.setup import (
    InterviewOptions,
    check_options,
    require_terminal,
    resume_command,
)
from founder_check.scoring.answers import load_answers, parse_answers

UP, DOWN, ENTER, SPACE = "\x1b[A", "\x1b[B", "\r", " "

# One key string per prompt of the whole fixture interview, in order.
METADATA_KEYS = ["Ada" + ENTER, "Acme" + ENTER, DOWN + ENTER]  # name, company, pre_seed
BASICS_KEYS = [
    DOWN + ENTER,  # basics.sector: retail (so details.licence does not apply)
    "y",  # basics.raising: yes (so details.use_of_funds applies)
    "12" + ENTER,  # basics.team_size
    DOWN * 3 + ENTER,  # basics.maturity: 4
]
DETAILS_KEYS = [
    SPACE + DOWN + SPACE + ENTER,  # details.strengths: research, sales
    DOWN + ENTER,  # details.use_of_funds: rough_split
    "18.5" + ENTER,  # details.runway
    DOWN + ENTER,  # details.audited: no
    ENTER,  # details.growth: skipped (empty)
    UP + ENTER,  # details.focus: skipped (the skip entry)
    "Pilot" + ENTER,  # details.notes
]
SAVE = ENTER  # review: save and score
ABOUT_INTRO = "Optional: your name and company"  # printed when the metadata is asked
ALL_KEYS = METADATA_KEYS + BASICS_KEYS + DETAILS_KEYS

EXPECTED_VALUES: dict[str, Any] = {
    "basics.sector": "retail",
    "basics.raising": True,
    "basics.team_size": 12,
    "basics.maturity": 4,
    "details.strengths": ("research", "sales"),
    "details.use_of_funds": "rough_split",
    "details.runway": 18.5,
    "details.audited": False,
    "details.notes": "Pilot",
}


class Interrupt:
    """An `ask` that presses Ctrl-C (or Ctrl-D) at the n-th prompt."""

    def __init__(self, at: int, error: type[BaseException] = KeyboardInterrupt) -> None:
        self.at = at
        self.error = error
        self.calls = 0

    def __call__(self, prompt: Any) -> Any:
        self.calls += 1
        if self.calls == self.at:
            raise self.error
        return ask_prompt(prompt)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_home: Path) -> Iterator[Path]:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    yield folder


def interview(
    content: Content,
    keys: list[str],
    options: InterviewOptions | None = None,
    ask: Any = ask_prompt,
) -> tuple[InterviewResult, str]:
    """Run a whole interview with `keys` typed ahead; return the result and the output."""
    out = io.StringIO()
    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        with create_app_session(input=pipe, output=DummyOutput()):
            result = run_interview(
                content,
                options or InterviewOptions(),
                console=Console(file=out, width=120),
                ask=ask,
            )
    return result, out.getvalue()


def test_whole_interview(content: Content, workdir: Path, data_home: Path) -> None:
    result, output = interview(content, [*ALL_KEYS, SAVE])
    answers = result.answers
    assert (answers.founder, answers.company, answers.stage) == ("Ada", "Acme", "pre_seed")
    assert answers.values == EXPECTED_VALUES
    assert set(answers.skipped) == {"details.growth", "details.focus"}
    assert result.saved_to.parent == workdir
    assert result.saved_to.name.startswith("answers-")
    assert stat.S_IMODE(result.saved_to.stat().st_mode) == 0o600
    assert load_answers(result.saved_to, content).values == EXPECTED_VALUES
    assert not draft_path_for(None, content.name).exists(), "the draft is gone once saved"
    assert "Do you hold the financial licence" not in output
    assert "Section 2 of 2 · question 2 of 7" in output  # use_of_funds counted, licence not
    assert "Review your answers" in output


def test_default_answers_file_is_never_overwritten(content: Content, workdir: Path) -> None:
    first, _ = interview(content, [*ALL_KEYS, SAVE])
    second, _ = interview(content, [*ALL_KEYS, SAVE])
    assert first.saved_to != second.saved_to
    assert second.saved_to.name.endswith("-2.yaml")


def test_review_change_asks_questions_that_start_to_apply(content: Content, workdir: Path) -> None:
    change_sector = [
        DOWN + ENTER,  # review: change an answer
        DOWN + ENTER,  # part: Basics (after About you)
        ENTER,  # question: basics.sector
        UP + ENTER,  # retail -> finance
        ENTER,  # details.licence now applies and is asked at once: Yes (a scored list)
    ]
    result, output = interview(content, [*ALL_KEYS, *change_sector, SAVE])
    assert result.answers.values["basics.sector"] == "finance"
    assert result.answers.values["details.licence"] is True
    assert output.count("Review your answers") == 2


def test_review_change_drops_answers_that_no_longer_apply(content: Content, workdir: Path) -> None:
    stop_raising = [DOWN + ENTER, DOWN + ENTER, DOWN + ENTER, "n"]  # Basics, raising -> no
    result, _ = interview(content, [*ALL_KEYS, *stop_raising, SAVE])
    assert result.answers.values["basics.raising"] is False
    assert "details.use_of_funds" not in result.answers.values
    saved = load_answers(result.saved_to, content)
    assert "details.use_of_funds" not in saved.values


def test_review_back_returns_to_the_review(content: Content, workdir: Path) -> None:
    back = [DOWN + ENTER, UP + ENTER]  # change, then Back (last entry)
    result, output = interview(content, [*ALL_KEYS, *back, SAVE])
    assert result.answers.values == EXPECTED_VALUES
    assert output.count("Review your answers") == 2


class GoBackAt:
    """An `ask` that presses Esc at the given prompts (counted from 1); the others take the
    keys typed ahead."""

    def __init__(self, *at: int) -> None:
        self.at = set(at)
        self.calls = 0

    def __call__(self, prompt: Any) -> Any:
        self.calls += 1
        if self.calls in self.at:
            raise GoBack
        return ask_prompt(prompt)


def test_back_to_a_gate_and_a_new_answer_there(content: Content, workdir: Path) -> None:
    """Esc at the team size reopens "raising?" (its answer preselected); answered no this
    time, the use of funds is no longer asked, and the progress line reads as before."""
    raising_again = "n"
    keys = [*METADATA_KEYS, *BASICS_KEYS[:2], raising_again, *BASICS_KEYS[2:]]
    keys += [DETAILS_KEYS[0], *DETAILS_KEYS[2:], SAVE]
    result, output = interview(content, keys, ask=GoBackAt(6))  # 6: the team size
    assert result.answers.values["basics.raising"] is False
    assert "details.use_of_funds" not in result.answers.values
    asked = output.split("Review your answers")[0]
    assert "How will you spend the money" not in asked
    assert asked.count("Are you raising money this year?") == 2
    assert asked.count("Basics · Section 1 of 2 · question 2 of 4") == 2
    assert asked.count("How many people work full-time?") == 2
    assert "Details · Section 2 of 2 · question 6 of 6 · optional" in asked


def test_back_at_the_review_reopens_the_last_question(content: Content, workdir: Path) -> None:
    keep_notes = ENTER
    calls = len(ALL_KEYS) + 1  # the review's first menu
    result, output = interview(content, [*ALL_KEYS, keep_notes, SAVE], ask=GoBackAt(calls))
    assert result.answers.values == EXPECTED_VALUES
    # asked, in the review, asked again, in the review again
    assert output.count("Anything else an advisor should know?") == 4


def test_back_keeps_a_skip_preselected(content: Content, workdir: Path) -> None:
    """Esc at the notes reopens the market focus, which was skipped: Enter keeps the skip."""
    calls = len(ALL_KEYS)  # the notes, the last question
    keys = [*ALL_KEYS[:-1], ENTER, ALL_KEYS[-1], SAVE]
    result, _ = interview(content, keys, ask=GoBackAt(calls))
    assert result.answers.values == EXPECTED_VALUES
    assert "details.focus" in result.answers.skipped


@pytest.mark.parametrize("error", [KeyboardInterrupt, EOFError])
def test_interrupt_saves_the_draft_and_resume_continues(
    content: Content, workdir: Path, error: type[BaseException]
) -> None:
    stop_at = len(METADATA_KEYS) + 2 + 1  # at the third basics question (team size)
    with pytest.raises(InterviewInterrupted) as caught:
        interview(content, ALL_KEYS[: stop_at - 1], ask=Interrupt(stop_at, error))
    draft_path = caught.value.draft
    assert draft_path == draft_path_for(None, content.name)
    assert caught.value.answered == 5  # name, company, stage, sector, raising
    assert stat.S_IMODE(draft_path.stat().st_mode) == 0o600
    draft = read_draft(draft_path)
    assert draft.done == ("founder", "company", "stage", "basics.sector", "basics.raising")

    rest = ALL_KEYS[stop_at - 1 :]
    result, output = interview(content, [*rest, SAVE], InterviewOptions(resume=True))
    assert ABOUT_INTRO not in output, "the answered metadata is not asked again"
    assert "Continuing the draft" in output
    assert result.answers.values == EXPECTED_VALUES
    assert result.answers.founder == "Ada"
    assert not draft_path.exists()


def test_interrupt_before_any_answer_saves_nothing(content: Content, workdir: Path) -> None:
    with pytest.raises(InterviewInterrupted) as caught:
        interview(content, [], ask=Interrupt(1))
    assert caught.value.draft is None
    assert not draft_path_for(None, content.name).exists()


def test_existing_draft_is_offered_and_can_be_declined(content: Content, workdir: Path) -> None:
    with pytest.raises(InterviewInterrupted):
        interview(content, METADATA_KEYS, ask=Interrupt(len(METADATA_KEYS) + 1))
    # Accept the offer: the interview continues at the first basics question.
    with pytest.raises(InterviewInterrupted):
        interview(content, ["y"], ask=Interrupt(2))
    # Decline it: a fresh interview starts with the name (empty this time).
    keys = ["n", ENTER, ENTER, ENTER, *BASICS_KEYS, *DETAILS_KEYS, SAVE]
    result, output = interview(content, keys)
    assert result.answers.founder is None
    assert ABOUT_INTRO in output


def test_resume_with_an_explicit_draft_and_save_path(content: Content, workdir: Path) -> None:
    save = workdir / "acme.yaml"
    options = InterviewOptions(save=save)
    with pytest.raises(InterviewInterrupted) as caught:
        interview(content, METADATA_KEYS, options, ask=Interrupt(len(METADATA_KEYS) + 1))
    assert caught.value.draft == workdir / "acme.yaml.draft.json"
    resumed = InterviewOptions(resume=True, draft=caught.value.draft)
    result, _ = interview(content, [*BASICS_KEYS, *DETAILS_KEYS, SAVE], resumed)
    assert result.saved_to == save
    assert not (workdir / "acme.yaml.draft.json").exists()


def test_update_uses_earlier_answers_as_defaults(content: Content, workdir: Path) -> None:
    first, _ = interview(content, [*ALL_KEYS, SAVE])
    keep_all = [ENTER] * 3 + [ENTER] * 4 + [ENTER] * 7  # every default kept
    second, output = interview(
        content, [*keep_all, SAVE], InterviewOptions(update=first.saved_to, save=workdir / "b.yaml")
    )
    assert "Updating" in output
    assert second.answers.values == EXPECTED_VALUES
    assert (second.answers.founder, second.answers.stage) == ("Ada", "pre_seed")


def test_sections_limit_the_interview_and_keep_other_answers(
    content: Content, workdir: Path
) -> None:
    first, _ = interview(content, [*ALL_KEYS, SAVE])
    change_runway = [ENTER, ENTER, "\x7f" * 4 + "3" + ENTER, ENTER, ENTER, ENTER, ENTER]
    options = InterviewOptions(update=first.saved_to, sections=("details",))
    second, output = interview(content, [*change_runway, SAVE], options)
    assert ABOUT_INTRO not in output and "Which sector" not in output
    assert "Section 1 of 1" in output
    assert second.answers.values == {**EXPECTED_VALUES, "details.runway": 3}
    assert second.answers.founder == "Ada"
    assert second.unanswered_required == 0


def test_sections_without_earlier_answers_report_what_is_missing(
    content: Content, workdir: Path
) -> None:
    result, _ = interview(
        content,
        [*DETAILS_KEYS[:1], *DETAILS_KEYS[2:], SAVE],
        InterviewOptions(sections=("details",)),
    )
    # No basics answers: use_of_funds and licence do not apply; four basics are required.
    assert result.unanswered_required == 4
    assert "basics.sector" not in result.answers.values
    text = result.saved_to.read_text(encoding="utf-8")
    from founder_check.base.readers import parse_yaml

    partial = parse_answers(parse_yaml(text, "x"), content, require_complete=False)
    assert partial.values["details.runway"] == 18.5


def test_preset_stage_is_not_asked(content: Content, workdir: Path) -> None:
    keys = ["Ada" + ENTER, "Acme" + ENTER, *BASICS_KEYS, *DETAILS_KEYS, SAVE]
    result, output = interview(content, keys, InterviewOptions(stage="series_a"))
    assert result.answers.stage == "series_a"
    assert "Which stage is the company at?" not in output


def test_chinese_interview(content: Content, workdir: Path) -> None:
    result, output = interview(content, [*ALL_KEYS, SAVE], InterviewOptions(lang="zh"))
    assert result.answers.values == EXPECTED_VALUES
    assert "基础情况" in output and "第 1/2 部分" in output and "检查你的回答" in output
    assert "# founder-check 答卷" in result.saved_to.read_text(encoding="utf-8")


# -- options, drafts that do not fit, terminals ---------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (InterviewOptions(draft=Path("d.json")), "only taken with --resume"),
        (InterviewOptions(resume=True, update=Path("a.yaml")), "cannot be combined"),
        (InterviewOptions(sections=("nope",)), "expected one of basics, details"),
    ],
)
def test_bad_options_are_usage_errors(
    content: Content, options: InterviewOptions, message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        check_options(content, options)


def test_save_where_no_file_can_be_written_fails_before_any_question(
    content: Content, tmp_path: Path
) -> None:
    """A file that cannot be written is the user's to fix (exit 1), found before asking."""
    with pytest.raises(OutputError, match="is a folder"):
        check_options(content, InterviewOptions(save=tmp_path))
    with pytest.raises(OutputError, match="folder '/no/such/folder' does not exist"):
        check_options(content, InterviewOptions(save=Path("/no/such/folder/a.yaml")))


def test_resume_without_a_draft_is_a_usage_error(content: Content, workdir: Path) -> None:
    with pytest.raises(UsageError, match="no draft to resume"):
        interview(content, [], InterviewOptions(resume=True))


def test_a_draft_of_other_content_is_refused(content: Content, workdir: Path) -> None:
    with pytest.raises(InterviewInterrupted) as caught:
        interview(content, METADATA_KEYS, ask=Interrupt(len(METADATA_KEYS) + 1))
    assert caught.value.draft is not None
    draft = read_draft(caught.value.draft)
    other = draft.model_copy(update={"content_name": "other", "content_root": "/x/other"})
    save_draft(caught.value.draft, other)
    with pytest.raises(UsageError, match="--content /x/other"):
        interview(content, [], InterviewOptions(resume=True))


class FakeStream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_terminal_check() -> None:
    require_terminal("en", FakeStream(True), FakeStream(True))
    with pytest.raises(UsageError) as caught:
        require_terminal("en", FakeStream(False), FakeStream(True))
    message = str(caught.value)
    assert "standard input is not a terminal" in message
    assert "--answers" in message and "template" in message and "\n" not in message
    with pytest.raises(UsageError, match="standard output is not a terminal"):
        require_terminal("en", FakeStream(True), FakeStream(False))
    with pytest.raises(UsageError, match="标准输入和标准输出都不是终端"):
        require_terminal("zh", FakeStream(False), FakeStream(False))


def test_resume_command(content: Content, data_home: Path) -> None:
    default = draft_path_for(None, content.name)
    assert resume_command(default, content.name, None, "en") == "founder-check assess --resume"
    command = resume_command(Path("my dir/a.yaml.draft.json"), content.name, Path("c"), "zh")
    assert command == (
        "founder-check assess --resume 'my dir/a.yaml.draft.json' --content c --lang zh"
    )


def test_answers_that_cannot_be_saved_stay_in_the_draft(content: Content, workdir: Path) -> None:
    target = workdir / "taken"
    target.mkdir()  # a folder where the answers file should go
    with pytest.raises(FounderCheckError, match="cannot save the answers") as caught:
        interview(content, [*ALL_KEYS, SAVE], InterviewOptions(save=target))
    draft = workdir / "taken.draft.json"
    assert str(draft) in str(caught.value)
    assert read_draft(draft).answered == len(EXPECTED_VALUES) + 3


def test_a_draft_that_cannot_be_saved_stops_the_interview(
    content: Content, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = workdir / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    with pytest.raises(FounderCheckError, match="cannot save the draft"):
        interview(content, METADATA_KEYS)


def _runway_from_series_a(content: Content) -> Content:
    """The fixture content with the runway question expected from series A on."""
    from dataclasses import replace

    details = next(s for s in content.sections if s.id == "details")
    later = tuple(
        replace(q, from_stage="series_a") if q.id == "details.runway" else q
        for q in details.questions
    )
    sections = tuple(replace(s, questions=later) if s is details else s for s in content.sections)
    return replace(content, sections=sections)


def test_a_question_expected_at_a_later_stage_is_not_asked(content: Content, workdir: Path) -> None:
    """Before its `from_stage` the scorecard leaves a question's answer out ("not expected
    yet"): asking it would ask a question and then declare it does not count. It is neither
    asked nor counted; the stage, asked first, decides."""
    staged = _runway_from_series_a(content)
    runway = DETAILS_KEYS[2]
    keys = [*METADATA_KEYS, *BASICS_KEYS, *[k for k in DETAILS_KEYS if k is not runway], SAVE]
    result, output = interview(staged, keys)  # the stage answered is pre_seed
    assert "How many months of runway" not in output
    assert "details.runway" not in result.answers.values
    assert {**result.answers.values, "details.runway": 18.5} == EXPECTED_VALUES
    assert "question 3 of 6 · optional" in output  # audited: third of six, runway not counted
    assert "of 7" not in output

    seed = [*METADATA_KEYS[:2], DOWN * 2 + ENTER]  # the seed stage: still before series A
    _, at_seed = interview(staged, [*seed, *keys[3:]])
    assert "How many months of runway" not in at_seed


def test_an_earlier_answer_to_a_question_expected_later_is_kept(
    content: Content, workdir: Path
) -> None:
    """--update: the question is not asked at the earlier stage, but its answer stays in the
    saved file (nothing a founder wrote is dropped; it counts once the stage is reached)."""
    old = workdir / "old.yaml"
    old.write_text(
        "stage: pre_seed\n"
        "answers:\n"
        "  basics.sector: retail\n"
        "  basics.raising: no\n"
        "  basics.team_size: 3\n"
        "  basics.maturity: 2\n"
        "  details.strengths: [product]\n"
        "  details.runway: 6\n"
        "  details.notes: first look\n",
        encoding="utf-8",
    )
    staged = _runway_from_series_a(content)
    # name, company, stage, the four basics, then strengths, audited, growth, focus, notes
    result, output = interview(staged, [ENTER] * 12 + [SAVE], InterviewOptions(update=old))
    assert "How many months of runway" not in output
    assert result.answers.values["details.runway"] == 6
    assert load_answers(result.saved_to, staged).values["details.runway"] == 6


def test_conditions_on_answer_values_apply_as_in_answers_files(
    content: Content, workdir: Path
) -> None:
    """A `when` on an answer's value needs the content to value it: the interview must
    evaluate it as `parse_answers` does, or it drops answers that an answers file keeps."""
    from dataclasses import replace

    from founder_check.content.models import Condition
    from founder_check.interview.session import Interview
    from founder_check.interview.setup import Setup

    valued = Condition(question="basics.raising", value_at_least=0.5)  # yes and no: 0.5
    details = next(s for s in content.sections if s.id == "details")
    questions = tuple(
        replace(q, when=valued) if q.id == "details.use_of_funds" else q for q in details.questions
    )
    sections = tuple(
        replace(s, questions=questions) if s is details else s for s in content.sections
    )
    changed = replace(content, sections=sections)
    data = {"answers": {"basics.raising": "no", "details.use_of_funds": "rough_split"}}
    base = parse_answers(data, changed, require_complete=False)
    assert base.values["details.use_of_funds"] == "rough_split"
    setup = Setup(
        content=changed,
        lang="en",
        sections=None,
        preset_stage=None,
        draft_path=workdir / "draft.json",
        save_path=workdir / "answers.yaml",
        save_chosen=True,
        base=base,
    )
    interview = Interview(setup, console=Console(file=io.StringIO()), ask=ask_prompt)
    assert interview._effective() == base.values
