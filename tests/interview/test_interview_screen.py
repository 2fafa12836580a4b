"""The interview as the founder sees it: a real pseudo-terminal read through a terminal
emulator (see screen.py), driven prompt by prompt (see walk.py).

- Nothing is cut: at 60 and 80 columns, in English and Chinese, every entry of every list of
  the bundled questionnaire (options, scale points, Yes/No, Not sure, Skip, the stages)
  shows in full, and so does every question's text and help.
- The progress count: within a section "question j of m" counts up by one from 1 to m, and
  m never grows; it drops only when an answer rules questions out.
- A question is never asked and then declared not to count: the scorecard marks every
  question the interview asked as counted, every one it did not ask as not applying (or
  not expected at the stage).
- Esc goes back to the previous question at every prompt, and Ctrl-D ends the interview
  at every prompt with the answers so far saved in the draft.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from founder_check.content.loader import load_content
from founder_check.content.models import Content, Lang
from founder_check.interview.words import word
from founder_check.scoring.answers import load_answers
from tests.interview.screen import BACKSPACE, CTRL_D, ENTER, Screen, private_env, squeeze
from tests.interview.walk import (
    EVERYTHING_APPLIES,
    KEEP,
    NOTHING_APPLIES,
    SKIPPED,
    Planned,
    Prompt,
    ask,
    plan,
    save_at_review,
    walk,
)

FIXTURE_CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "interview_content"
BUNDLED = load_content()
TALL = 120  # rows: a whole question, its help and its list stay on screen
FIXTURE_ANSWERS = {
    "basics.sector": "retail",
    "basics.raising": True,
    "basics.team_size": 12,
    "basics.maturity": 4,
    "details.strengths": ("research", "sales"),
    "details.use_of_funds": "rough_split",
    "details.runway": 18.5,
    "details.audited": False,
    "details.growth": SKIPPED,
    "details.focus": SKIPPED,
    "details.notes": "Two pilots",
}
FIXTURE_VALUES = {key: value for key, value in FIXTURE_ANSWERS.items() if value != SKIPPED}

Spawn = Callable[..., Screen]


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Spawn]:
    started: list[Screen] = []

    def start(*args: str, columns: int = 100, rows: int = TALL) -> Screen:
        screen = Screen(list(args), private_env(tmp_path), tmp_path, rows=rows, columns=columns)
        started.append(screen)
        return screen

    yield start
    for screen in started:
        screen.close()


def draft_data(tmp_path: Path, content: Content) -> dict[str, object]:
    path = tmp_path / "data" / "founder-check" / "drafts" / f"{content.name}.draft.json"
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


# -- nothing cut ----------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_label_is_cut(spawn: Spawn, lang: Lang, columns: int) -> None:
    """The whole bundled interview, every conditional question asked, at the last stage
    (every question expected): every list entry shows in full, and every question's text
    and help."""
    screen = spawn("assess", "--lang", lang, "-o", "answers.yaml", columns=columns)
    stage = BUNDLED.stages[-1].id
    planned = plan(BUNDLED, lang, EVERYTHING_APPLIES, stage)
    prompts = walk(screen, lang, planned)
    cut = {p.key: p.cut for p in prompts if p.cut}
    assert not cut, f"cut at {columns} columns: {cut}"
    assert sum(len(p.labels) for p in prompts) > 300
    for prompt in prompts:
        if prompt.key in BUNDLED.question_by_id:
            question = BUNDLED.question_by_id[prompt.key]
            assert squeeze(question.help.get(lang)) in squeeze(screen.transcript())
    check_progress(prompts, shrinks=False)
    save_at_review(screen, lang)
    assert screen.finish() == 0


def test_a_message_under_a_line_is_not_cut(spawn: Spawn) -> None:
    """Why a typed answer is not accepted, at 60 columns: every word shows."""
    screen = spawn("assess", "--content", str(FIXTURE_CONTENT), columns=60)
    planned = fixture_plan()
    walk(screen, "en", planned[:-1])
    ask(screen, "en", planned[-1], answer=False)  # the notes, free text
    screen.send("unknown" + ENTER)
    message = word("unknown_text", "en")
    assert len(message) > 60
    screen.wait_for(message, after=planned[-1].heading)
    screen.send(BACKSPACE * len("unknown") + "Two pilots" + ENTER)
    save_at_review(screen, "en")
    assert screen.finish() == 0


# -- the progress count and what is asked -------------------------------------------------


def test_answers_that_rule_questions_out(spawn: Spawn, tmp_path: Path) -> None:
    """Every gate answered so that the questions it opens are left out, at the seed stage
    (one question is expected only from series A): the count drops, never jumps, and the
    scorecard counts exactly the questions asked."""
    screen = spawn("assess", "-o", "answers.yaml", "--json", "card.json")
    planned = plan(BUNDLED, "en", NOTHING_APPLIES, "seed")
    prompts = walk(screen, "en", planned)
    check_progress(prompts, shrinks=True)
    save_at_review(screen, "en")
    assert screen.finish() == 0

    asked = {p.key for p in prompts} - {"founder", "company", "stage"}
    card = json.loads((tmp_path / "card.json").read_text(encoding="utf-8"))
    status = {q["id"]: q["status"] for q in card["questions"]}
    left_out = {"not_applicable", "not_expected"}
    assert not {q for q in asked if status[q] in left_out}, "asked, then said not to count"
    assert {q for q in status if q not in asked} == {q for q in status if status[q] in left_out}
    assert status["business.revenue_growth"] == "not_expected"
    assert status["risk.regulatory_pathway"] == "not_applicable"


def check_progress(prompts: list[Prompt], *, shrinks: bool) -> None:
    """Per section: j = 1, 2, 3, ... in the order asked; m never grows; the last j is m."""
    lines = [p.progress for p in prompts if p.key not in ("founder", "company", "stage")]
    assert lines and all(line is not None for line in lines)
    sections: dict[int, list[tuple[int, int]]] = {}
    for line in lines:
        assert line is not None
        sections.setdefault(line[0], []).append((line[2], line[3]))
    assert list(sections) == list(range(1, len(sections) + 1))
    shrank = False
    for counts in sections.values():
        assert [j for j, _ in counts] == list(range(1, len(counts) + 1)), counts
        totals = [m for _, m in counts]
        assert totals == sorted(totals, reverse=True), f"the count grew: {counts}"
        assert counts[-1][0] == totals[-1], f"the count does not end at its total: {counts}"
        shrank = shrank or totals[0] != totals[-1]
    assert shrank == shrinks


# -- going back and stopping at every prompt -----------------------------------------------


def fixture_plan() -> list[Planned]:
    return plan(load_content(FIXTURE_CONTENT), "en", FIXTURE_ANSWERS, "pre_seed")


def test_esc_goes_back_at_every_prompt(spawn: Spawn, tmp_path: Path) -> None:
    """At each prompt (text, list, boxes, y/n, number, scale, the setup questions and the
    final one), Esc shows the previous prompt again with its answer kept; Enter keeps it and
    the interview comes back to where it was, with the same progress line."""
    content = load_content(FIXTURE_CONTENT)
    screen = spawn("assess", "--content", str(FIXTURE_CONTENT), "-o", "a.yaml")
    planned = fixture_plan()
    kinds = set()
    seen: dict[str, Prompt] = {}
    for number, step in enumerate(planned):
        first = ask(screen, "en", step, answer=False)
        seen[step.key] = first
        if number > 0:
            previous = planned[number - 1]
            before = squeeze(screen.transcript()).count(squeeze(previous.heading))
            screen.press_escape()
            again = ask(screen, "en", previous, answer=False)
            assert squeeze(screen.transcript()).count(squeeze(previous.heading)) > before
            assert again.progress == seen[previous.key].progress, previous.key
            screen.send(KEEP)
            assert ask(screen, "en", step, answer=False).progress == first.progress
            kinds.add(content.question_by_id[step.key].kind if "." in step.key else step.key)
        screen.send(step.keys)
    assert kinds >= {"company", "stage", "single", "yesno", "number", "scale", "multi", "text"}

    # the final prompt: Esc reopens the last question, then the review comes back
    screen.wait_for("Save the answers and show my report", after="What next?")
    screen.press_escape()
    ask(screen, "en", planned[-1], answer=False)
    screen.send(KEEP)
    save_at_review(screen, "en")
    screen.wait_for("Answers saved to")
    assert screen.finish() == 0

    answers = load_answers(tmp_path / "a.yaml", content)
    assert answers.values == FIXTURE_VALUES
    assert (answers.founder, answers.company, answers.stage) == (
        "Ada Lovelace",
        "Acme AI",
        "pre_seed",
    )


def test_esc_in_a_review_menu_returns_to_the_review(spawn: Spawn, tmp_path: Path) -> None:
    screen = spawn("assess", "--content", str(FIXTURE_CONTENT), "-o", "a.yaml")
    walk(screen, "en", fixture_plan())
    screen.wait_for("Change an answer", after="What next?")
    screen.send("\x1b[B" + ENTER)  # Change an answer
    screen.wait_for("Details", after="Which part?")
    screen.press_escape()
    save_at_review(screen, "en")
    assert screen.finish() == 0


STOPS = [
    "founder",
    "company",
    "stage",
    "basics.sector",
    "basics.raising",
    "basics.team_size",
    "basics.maturity",
    "details.strengths",
    "details.audited",
    "details.notes",
    "review",
]


@pytest.mark.parametrize("stop", STOPS)
def test_ctrl_d_ends_cleanly_at_every_prompt(spawn: Spawn, tmp_path: Path, stop: str) -> None:
    """Ctrl-D at any prompt: the draft keeps every answer given, exit 130, the command to
    continue is printed; nothing is asked after it."""
    content = load_content(FIXTURE_CONTENT)
    screen = spawn("assess", "--content", str(FIXTURE_CONTENT))
    planned = fixture_plan()
    keys = [step.key for step in planned]
    before = keys if stop == "review" else keys[: keys.index(stop)]
    walk(screen, "en", planned[: len(before)])
    if stop == "review":
        screen.wait_for("Save the answers", after="What next?")
    else:
        ask(screen, "en", planned[len(before)], answer=False)
    screen.send(CTRL_D)
    if before:
        screen.wait_for("Continue with: founder-check assess --resume")
    else:
        screen.wait_for("Interview stopped before any answer")
    assert screen.finish() == 130
    assert "Traceback" not in screen.output
    if before:
        assert draft_data(tmp_path, content)["done"] == before


def test_ctrl_d_at_the_offer_to_continue_a_draft(spawn: Spawn, tmp_path: Path) -> None:
    """The first question of a run that finds a draft; Ctrl-D leaves the draft as it was."""
    content = load_content(FIXTURE_CONTENT)
    first = spawn("assess", "--content", str(FIXTURE_CONTENT))
    walk(first, "en", fixture_plan()[:4])
    first.wait_for("Are you raising money this year?")
    first.send(CTRL_D)
    assert first.finish() == 130
    path = tmp_path / "data" / "founder-check" / "drafts" / f"{content.name}.draft.json"
    kept = path.read_bytes()

    again = spawn("assess", "--content", str(FIXTURE_CONTENT))
    again.wait_for("Continue it?")
    again.send(CTRL_D)
    again.wait_for("Interview paused: 4 answers saved in", "Continue with: founder-check assess")
    assert again.finish() == 130
    assert "Traceback" not in again.output
    assert path.read_bytes() == kept
