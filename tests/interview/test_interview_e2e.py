"""End to end: the installed `founder-check` console script in a real pseudo-terminal.

Each test spawns the script with pexpect (TERM=xterm, a fixed window size, cursor-position
requests off), waits for each question's text and then for its prompt before typing, and
gives every wait a timeout so a stuck prompt fails instead of hanging. Drafts go to a
temporary XDG_DATA_HOME, answers and scorecards to a temporary folder.
"""

from __future__ import annotations

import io
import json
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from founder_check.content.loader import load_content
from founder_check.content.models import Content
from founder_check.scoring.answers import load_answers
from tests.id_scan import ids_in
from tests.interview.conftest import COLUMNS, ROWS

pexpect = pytest.importorskip("pexpect")

FIXTURE_CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "interview_content"
TIMEOUT = 15

UP, DOWN, ENTER, SPACE, BACKSPACE = "\x1b[A", "\x1b[B", "\r", " ", "\x7f"
CTRL_C = "\x03"
SELECT = "Enter to choose; Esc to go back)"  # the hint of an unanswered select list
CHECKBOX = "Space to tick"
CONFIRM = "(y/N; Esc to go back)"
EMPTY_SKIPS = "leave empty to skip"


@dataclass(frozen=True)
class Step:
    """Wait for each text in `expect`, in order, then type `keys`."""

    expect: tuple[str, ...]
    keys: str


METADATA = [
    Step(("Your name",), "Ada Lovelace" + ENTER),
    Step(("Company name",), "Acme AI" + ENTER),
    Step(("Which stage is the company at?", SELECT), DOWN + ENTER),  # pre_seed
]
BASICS = [
    Step(("Which sector do you sell to?", SELECT), DOWN + ENTER),  # retail
    Step(("Are you raising money this year?", CONFIRM), "y"),
    Step(("How many people work full-time?", "Whole number from 0 to 500"), "abc" + ENTER),
    Step(("Enter a whole number from 0 to 500 (people).",), BACKSPACE * 3 + "12" + ENTER),
    Step(("How mature is the product?", SELECT), DOWN * 3 + ENTER),  # 4
]
DETAILS = [
    Step(("Which strengths does the team have?", CHECKBOX), SPACE + DOWN + SPACE + ENTER),
    Step(("How will you spend the money you raise?", SELECT), DOWN + ENTER),  # appears: raising
    Step(("How many months of runway do you have?", "Number from 0 to 120"), "18.5" + ENTER),
    Step(("Are your accounts audited?", SELECT), DOWN + ENTER),  # optional yes/no: no
    Step(("By what percentage did revenue grow", EMPTY_SKIPS), ENTER),  # skipped
    Step(("Which market do you focus on first?", SELECT), UP + ENTER),  # skipped
    Step(("Anything else an advisor should know?", EMPTY_SKIPS), "Two pilots" + ENTER),
]
REVIEW = [Step(("Review your answers", "What next?", SELECT), ENTER)]
INTERVIEW = METADATA + BASICS + DETAILS
LICENCE = "Do you hold the financial licence"  # conditional; does not apply to retail
# Printed only when asked (the review screen repeats question texts, never these).
ABOUT_INTRO = "Optional: your name and company"
SECTOR_HELP = "it decides whether the licence question applies"

EXPECTED_VALUES: dict[str, Any] = {
    "basics.sector": "retail",
    "basics.raising": True,
    "basics.team_size": 12,
    "basics.maturity": 4,
    "details.strengths": ("research", "sales"),
    "details.use_of_funds": "rough_split",
    "details.runway": 18.5,
    "details.audited": False,
    "details.notes": "Two pilots",
}


def founder_check_script() -> str:
    """The installed console script: beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / "founder-check"
    if beside.exists():
        return str(beside)
    found = shutil.which("founder-check")
    if found is None:
        pytest.skip("the founder-check console script is not installed")
    return found


class Terminal:
    """One run of the script in a pseudo-terminal, with everything it printed kept."""

    def __init__(
        self, args: list[str], env: dict[str, str], cwd: Path, program: str | None = None
    ) -> None:
        self.log = io.StringIO()
        self.child = pexpect.spawn(
            program or founder_check_script(),
            args,
            env=env,
            cwd=str(cwd),
            dimensions=(ROWS, COLUMNS),
            encoding="utf-8",
            timeout=TIMEOUT,
        )
        self.child.logfile_read = self.log

    def expect(self, text: str) -> None:
        self.child.expect_exact(text, timeout=TIMEOUT)

    def run(self, steps: list[Step]) -> None:
        for step in steps:
            for text in step.expect:
                self.expect(text)
            self.child.send(step.keys)

    def finish(self) -> int:
        """Wait for the program to end; its exit status."""
        self.child.expect(pexpect.EOF, timeout=TIMEOUT)
        self.child.close()
        status = self.child.exitstatus
        assert status is not None, f"killed by signal {self.child.signalstatus}"
        return int(status)

    @property
    def output(self) -> str:
        return self.log.getvalue()


@pytest.fixture
def spawn(env: dict[str, str], work: Path) -> Iterator[Callable[..., Terminal]]:
    started: list[Terminal] = []

    def start(*args: str) -> Terminal:
        terminal = Terminal(list(args), env, work)
        started.append(terminal)
        return terminal

    yield start
    for terminal in started:
        if terminal.child.isalive():
            terminal.child.terminate(force=True)


def scorecard(path: Path) -> dict[str, Any]:
    """A scorecard without its timestamp, the only part that may differ between runs."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return data  # type: ignore[no-any-return]


def rescore(answers: Path, env: dict[str, str], cwd: Path) -> dict[str, Any]:
    """Score a saved answers file without prompting, as `assess --answers` does."""
    out = cwd / "rescored.json"
    args = ["assess", "--content", str(FIXTURE_CONTENT), "--answers", str(answers)]
    completed = subprocess.run(
        [founder_check_script(), *args, "--json", str(out)],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return scorecard(out)


def test_whole_interview(
    spawn: Callable[..., Terminal], work: Path, env: dict[str, str], content: Content
) -> None:
    terminal = spawn("assess", "--content", str(FIXTURE_CONTENT), "--json", "card.json")
    terminal.run(INTERVIEW + REVIEW)
    terminal.expect("Answers saved to")
    assert terminal.finish() == 0

    assert LICENCE not in terminal.output, "a question that does not apply was asked"
    assert not ids_in(terminal.output, content), "the interview and its report speak in words"
    saved = list(work.glob("answers-*.yaml"))
    assert len(saved) == 1, "the answers are saved in the current folder by default"
    assert stat.S_IMODE(saved[0].stat().st_mode) == 0o600
    answers = load_answers(saved[0], content)
    assert answers.values == EXPECTED_VALUES
    assert set(answers.skipped) == {"details.growth", "details.focus"}
    assert (answers.founder, answers.company, answers.stage) == (
        "Ada Lovelace",
        "Acme AI",
        "pre_seed",
    )
    assert not (
        Path(env["XDG_DATA_HOME"]) / "founder-check" / "drafts" / (f"{content.name}.draft.json")
    ).exists(), "the draft is removed once the answers are saved"
    assert scorecard(work / "card.json") == rescore(saved[0], env, work)


def test_ctrl_c_then_resume_gives_the_same_scorecard(
    spawn: Callable[..., Terminal], work: Path, env: dict[str, str]
) -> None:
    straight = spawn(
        "assess", "--content", str(FIXTURE_CONTENT), "-o", "a.yaml", "--json", "a.json"
    )
    straight.run(INTERVIEW + REVIEW)
    assert straight.finish() == 0

    first = spawn("assess", "--content", str(FIXTURE_CONTENT), "-o", "b.yaml", "--json", "b.json")
    stop = len(METADATA) + 2  # at the team-size question
    first.run(INTERVIEW[:stop])
    first.expect("How many people work full-time?")
    first.expect("Whole number from 0 to 500")
    first.child.send(CTRL_C)
    first.expect("Interview paused: 5 answers saved in")
    first.expect("Continue with: founder-check assess --resume")
    assert first.finish() == 130
    assert "Traceback" not in first.output
    draft = work / "b.yaml.draft.json"
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert not (work / "b.yaml").exists()

    resumed = spawn(
        "assess", "--resume", str(draft), "--content", str(FIXTURE_CONTENT), "--json", "b.json"
    )
    resumed.expect("Continuing the draft")
    resumed.run(INTERVIEW[stop:] + REVIEW)
    resumed.expect("Answers saved to")
    assert resumed.finish() == 0
    assert ABOUT_INTRO not in resumed.output and SECTOR_HELP not in resumed.output
    assert not draft.exists()
    assert scorecard(work / "b.json") == scorecard(work / "a.json")
    resumed_file = yaml.safe_load((work / "b.yaml").read_text(encoding="utf-8"))
    assert resumed_file == yaml.safe_load((work / "a.yaml").read_text(encoding="utf-8"))


def test_existing_draft_is_offered_at_start(
    spawn: Callable[..., Terminal], env: dict[str, str], content: Content
) -> None:
    first = spawn("assess", "--content", str(FIXTURE_CONTENT))
    first.run(METADATA)
    first.expect("Which sector do you sell to?")
    first.expect(SELECT)
    first.child.send(CTRL_C)
    first.expect("Continue with: founder-check assess --resume --content")
    assert first.finish() == 130
    draft = Path(env["XDG_DATA_HOME"]) / "founder-check" / "drafts" / f"{content.name}.draft.json"
    assert draft.is_file()

    again = spawn("assess", "--content", str(FIXTURE_CONTENT))
    again.expect("with 3 answers exists")
    again.expect("Continue it?")
    again.child.send("y")
    again.expect("Which sector do you sell to?")
    again.expect(SELECT)
    again.child.send(CTRL_C)
    assert again.finish() == 130
    assert ABOUT_INTRO not in again.output


def test_update_with_changed_answers(
    spawn: Callable[..., Terminal], work: Path, content: Content
) -> None:
    old = work / "old.yaml"
    old.write_text(
        "founder: Ada Lovelace\n"
        "stage: seed\n"
        "answers:\n"
        "  basics.sector: finance\n"
        "  basics.raising: no\n"
        "  basics.team_size: 3\n"
        "  basics.maturity: 2\n"
        "  details.strengths: [product]\n"
        "  details.licence: yes\n"
        "  details.runway: 6\n"
        "  details.audited: null\n"
        "  details.growth: 20\n"
        "  details.focus: one_segment\n"
        "  details.notes: first look\n",
        encoding="utf-8",
    )
    before = old.read_text(encoding="utf-8")
    terminal = spawn(
        "assess", "--content", str(FIXTURE_CONTENT), "--update", "old.yaml", "-o", "new.yaml"
    )
    terminal.expect("Updating old.yaml")
    terminal.run(
        [
            Step(("Your name",), ENTER),  # kept
            Step(("Company name",), ENTER),  # still empty
            Step(("Which stage is the company at?", SELECT), ENTER),  # seed kept
            Step(("Which sector do you sell to?", SELECT), DOWN + ENTER),  # finance -> retail
            Step(("Are you raising money this year?", CONFIRM), "y"),  # no -> yes
            Step(("How many people work full-time?", "Whole number"), ENTER),  # 3 kept
            Step(("How mature is the product?", SELECT), DOWN + ENTER),  # 2 -> 3
            Step(("Which strengths does the team have?", CHECKBOX), ENTER),  # kept
            Step(("How will you spend the money you raise?", SELECT), ENTER),  # new: milestone
            Step(("How many months of runway", "Number from"), BACKSPACE + "9" + ENTER),  # 6 -> 9
            Step(("Are your accounts audited?", SELECT), ENTER),  # skipped before: skip kept
            Step(("By what percentage did revenue grow", EMPTY_SKIPS), ENTER),  # 20 kept
            Step(("Which market do you focus on first?", SELECT), ENTER),  # kept
            Step(("Anything else an advisor should know?", EMPTY_SKIPS), ENTER),  # kept
            *REVIEW,
        ]
    )
    terminal.expect("Answers saved to")
    assert terminal.finish() == 0
    asked, progress = terminal.output.split("Progress between assessments")
    assert LICENCE not in asked
    assert LICENCE in progress, "the answer that no longer applies is a change"
    assert "(does not apply)" in progress

    updated = load_answers(work / "new.yaml", content)
    assert (updated.founder, updated.company, updated.stage) == ("Ada Lovelace", None, "seed")
    assert updated.values == {
        "basics.sector": "retail",
        "basics.raising": True,
        "basics.team_size": 3,
        "basics.maturity": 3,
        "details.strengths": ("product",),
        "details.use_of_funds": "milestone_budget",
        "details.runway": 9,
        "details.growth": 20,
        "details.focus": "one_segment",
        "details.notes": "first look",
    }
    assert "details.audited" in updated.skipped
    assert old.read_text(encoding="utf-8") == before, "the earlier file is left as it was"


def test_section_option_keeps_the_other_answers(
    spawn: Callable[..., Terminal], work: Path, content: Content
) -> None:
    straight = spawn("assess", "--content", str(FIXTURE_CONTENT), "-o", "a.yaml")
    straight.run(INTERVIEW + REVIEW)
    assert straight.finish() == 0

    terminal = spawn(
        "assess",
        "--content",
        str(FIXTURE_CONTENT),
        "--update",
        "a.yaml",
        "--section",
        "details",
        "-o",
        "b.yaml",
    )
    terminal.run(
        [
            Step(("Section 1 of 1", "Which strengths does the team have?", CHECKBOX), ENTER),
            Step(("How will you spend the money", SELECT), ENTER),
            Step(("How many months of runway", "Number from"), BACKSPACE * 4 + "30" + ENTER),
            Step(("Are your accounts audited?", SELECT), ENTER),
            Step(("By what percentage", EMPTY_SKIPS), ENTER),
            Step(("Which market do you focus on first?", SELECT), ENTER),
            Step(("Anything else an advisor should know?", EMPTY_SKIPS), ENTER),
            *REVIEW,
        ]
    )
    assert terminal.finish() == 0
    assert ABOUT_INTRO not in terminal.output and SECTOR_HELP not in terminal.output
    updated = load_answers(work / "b.yaml", content)
    assert updated.values == {**EXPECTED_VALUES, "details.runway": 30}
    assert updated.founder == "Ada Lovelace"


def test_chinese_interview_and_ctrl_c(spawn: Callable[..., Terminal]) -> None:
    terminal = spawn("assess", "--content", str(FIXTURE_CONTENT), "--lang", "zh")
    terminal.expect("基本信息")
    terminal.expect("你的姓名")
    terminal.child.send("张三" + ENTER)
    terminal.expect("公司名称")
    terminal.child.send(CTRL_C)
    terminal.expect("访谈已暂停")
    terminal.expect("--lang zh")
    assert terminal.finish() == 130


def test_bundled_content_smoke(spawn: Callable[..., Terminal], env: dict[str, str]) -> None:
    bundled = load_content()
    terminal = spawn("assess")
    terminal.run(METADATA)
    terminal.expect("Section 1 of")
    terminal.child.expect(
        ["Choose one", "Choose all that apply", "Yes or no", "Number from", "Whole number from"],
        timeout=TIMEOUT,
    )
    terminal.child.send(CTRL_C)
    terminal.expect("Interview paused: 3 answers saved in")
    assert terminal.finish() == 130
    assert "Traceback" not in terminal.output
    draft = Path(env["XDG_DATA_HOME"]) / "founder-check" / "drafts" / f"{bundled.name}.draft.json"
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    data = json.loads(draft.read_text(encoding="utf-8"))
    assert data["done"] == ["founder", "company", "stage"]
    assert data["answers_file"]["founder"] == "Ada Lovelace"


@pytest.mark.parametrize(
    "redirect",
    ["< /dev/null", "> out.txt", "< /dev/null > out.txt"],
    ids=["stdin", "stdout", "both"],
)
def test_without_a_terminal_it_explains_and_exits_2(
    work: Path, env: dict[str, str], redirect: str
) -> None:
    # A shell in the terminal runs the script with stdin and/or stdout redirected.
    command = f"'{founder_check_script()}' assess --content '{FIXTURE_CONTENT}' {redirect}"
    terminal = Terminal(["-c", command], env, work, program="/bin/sh")
    assert terminal.finish() == 2
    lines = [line for line in terminal.output.splitlines() if line.strip()]
    assert len(lines) == 1, terminal.output
    assert "needs a terminal" in lines[0]
    assert "--answers" in lines[0] and "template" in lines[0]
    assert "Aborted" not in terminal.output and "Traceback" not in terminal.output


def test_piped_assess_does_not_hang(work: Path, env: dict[str, str]) -> None:
    completed = subprocess.run(
        [founder_check_script(), "assess", "--content", str(FIXTURE_CONTENT)],
        env=env,
        cwd=work,
        input="",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr.count("\n") == 1
    assert "founder-check assess --answers answers.yaml" in completed.stderr


def test_fixture_content_passes_the_content_check(work: Path, env: dict[str, str]) -> None:
    completed = subprocess.run(
        [founder_check_script(), "content", "check", str(FIXTURE_CONTENT)],
        env=env,
        cwd=work,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert ": ok: 2 sections" in completed.stdout


def test_not_sure_is_saved_and_reported_to_find_out(
    spawn: Callable[..., Terminal], work: Path, content: Content
) -> None:
    maturity = Step(("How mature is the product?", SELECT), UP + ENTER)  # Not sure: last entry
    terminal = spawn("assess", "--content", str(FIXTURE_CONTENT), "-o", "unsure.yaml")
    terminal.run(METADATA + BASICS[:-1] + [maturity] + DETAILS)
    terminal.expect("Review your answers")
    terminal.expect("Not sure")  # the review shows the answer
    terminal.run([Step(("What next?", SELECT), ENTER)])
    terminal.expect("Answers saved to")
    terminal.expect("To find out")
    terminal.expect("How mature is the product?")
    assert terminal.finish() == 0

    assert "type ? if not sure" in terminal.output  # the number prompts' hint
    saved = yaml.safe_load((work / "unsure.yaml").read_text(encoding="utf-8"))
    assert saved["answers"]["basics.maturity"] == "unknown"
    assert load_answers(work / "unsure.yaml", content).values == {
        **EXPECTED_VALUES,
        "basics.maturity": "unknown",
    }
    report = terminal.output[terminal.output.index("To find out") :]
    section = report[: report.index("╰")]  # the panel, up to its bottom border
    assert "How mature is the product?" in section and "basics.maturity" not in section


def test_update_ends_with_the_progress_since_the_earlier_answers(
    spawn: Callable[..., Terminal], work: Path, content: Content
) -> None:
    (work / "old.yaml").write_text(
        "stage: seed\n"
        "date: 2025-01-15\n"
        "answers:\n"
        "  basics.sector: retail\n"
        "  basics.raising: no\n"
        "  basics.team_size: 3\n"
        "  basics.maturity: 2\n"
        "  details.strengths: [product]\n"
        "  details.runway: 6\n"
        "  details.focus: one_segment\n",
        encoding="utf-8",
    )
    terminal = spawn(
        "assess", "--content", str(FIXTURE_CONTENT), "--update", "old.yaml", "-o", "new.yaml"
    )
    terminal.run(
        [
            Step(("Your name",), ENTER),
            Step(("Company name",), ENTER),
            Step(("Which stage is the company at?", SELECT), ENTER),
            Step(("Which sector do you sell to?", SELECT), ENTER),
            Step(("Are you raising money this year?", CONFIRM), "n"),
            Step(("How many people work full-time?", "Whole number"), ENTER),
            Step(("How mature is the product?", SELECT), DOWN * 2 + ENTER),  # 2 -> 4
            Step(("Which strengths does the team have?", CHECKBOX), ENTER),
            Step(("How many months of runway", "Number from"), BACKSPACE + "18" + ENTER),
            Step(("Are your accounts audited?", SELECT), ENTER),
            Step(("By what percentage did revenue grow", EMPTY_SKIPS), ENTER),
            Step(("Which market do you focus on first?", SELECT), ENTER),
            Step(("Anything else an advisor should know?", EMPTY_SKIPS), ENTER),
            *REVIEW,
        ]
    )
    terminal.expect("Answers saved to")
    terminal.expect("Progress between assessments")
    terminal.expect("Answers that changed")
    assert terminal.finish() == 0
    progress = terminal.output[terminal.output.index("Progress between assessments") :]
    assert "2025-01-15" in progress and "(old.yaml)" in progress and "(new.yaml)" in progress
    assert "How mature is the product?" in progress
    assert "How many months of runway" in progress
    assert "Which sector do you sell to?" not in progress, "an unchanged answer is not listed"
    for question in content.questions:
        assert question.id not in progress
    assert load_answers(work / "new.yaml", content).values["basics.maturity"] == 4
