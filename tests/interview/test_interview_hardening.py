"""The interview under faults, as a user meets them: a second terminal on the same draft, a
killed interview, bytes the terminal cannot decode, temporaries left by a crash.

Each test runs the installed console script in a pseudo-terminal (see test_interview_e2e).
"""

from __future__ import annotations

import json
import os
import signal
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from founder_check.content.models import Content
from founder_check.scoring.answers import load_answers
from tests.interview.test_interview_e2e import (
    BASICS,
    CTRL_C,
    DETAILS,
    FIXTURE_CONTENT,
    REVIEW,
    SELECT,
    Step,
    Terminal,
)

pexpect = pytest.importorskip("pexpect")

ENTER, DOWN = "\r", "\x1b[B"
REST_OF_METADATA = [
    Step(("Company name",), "Acme AI" + ENTER),
    Step(("Which stage is the company at?", SELECT), DOWN + ENTER),
]


@pytest.fixture
def spawn(env: dict[str, str], work: Path) -> Iterator[Callable[..., Terminal]]:
    started: list[Terminal] = []

    def start(*args: str) -> Terminal:
        terminal = Terminal(["assess", "--content", str(FIXTURE_CONTENT), *args], env, work)
        started.append(terminal)
        return terminal

    yield start
    for terminal in started:
        if terminal.child.isalive():
            terminal.child.terminate(force=True)


def default_draft(env: dict[str, str], content: Content) -> Path:
    return Path(env["XDG_DATA_HOME"]) / "founder-check" / "drafts" / f"{content.name}.draft.json"


def test_second_interview_on_a_draft_is_refused(
    spawn: Callable[..., Terminal], env: dict[str, str], content: Content
) -> None:
    first = spawn()
    first.run([Step(("Your name",), "Ada Lovelace" + ENTER), *REST_OF_METADATA])
    first.expect("Which sector do you sell to?")
    first.expect(SELECT)
    draft = default_draft(env, content)
    before = draft.read_bytes()
    saved_at = draft.stat().st_mtime_ns

    second = spawn()
    assert second.finish() == 1
    assert "in use by another founder-check interview" in second.output
    assert str(draft) in second.output, "the message names the draft"
    assert f"process {first.child.pid}" in second.output, "and who holds it"
    assert "Traceback" not in second.output
    assert draft.read_bytes() == before and draft.stat().st_mtime_ns == saved_at

    # the first interview goes on and keeps every answer, its own and later ones
    first.child.send(DOWN + ENTER)  # retail
    first.expect("Are you raising money this year?")
    first.child.send(CTRL_C)
    assert first.finish() == 130
    answers = json.loads(draft.read_text(encoding="utf-8"))["answers_file"]
    assert answers["founder"] == "Ada Lovelace"
    assert answers["answers"] == {"basics.sector": "retail"}
    assert not draft.with_name(draft.name + ".owner").exists(), "the holder record is removed"

    # with the draft free again, another interview may continue it
    third = spawn("--resume")
    third.expect("Continuing the draft")
    third.child.send(CTRL_C)
    assert third.finish() == 130


def test_a_killed_interview_does_not_keep_its_draft_locked(
    spawn: Callable[..., Terminal], env: dict[str, str], content: Content
) -> None:
    first = spawn()
    first.run([Step(("Your name",), "Ada Lovelace" + ENTER)])
    first.expect("Company name")
    first.child.kill(signal.SIGKILL)
    first.child.expect(pexpect.EOF)
    draft = default_draft(env, content)
    assert draft.with_name(draft.name + ".owner").exists(), "a killed holder leaves its record"

    again = spawn()
    again.expect("with 1 answer exists")
    again.expect("Continue it?")
    again.child.send("y")
    again.run(REST_OF_METADATA)
    again.expect("Which sector do you sell to?")
    again.child.send(CTRL_C)
    assert again.finish() == 130
    data = json.loads(draft.read_text(encoding="utf-8"))["answers_file"]
    assert (data["founder"], data["company"]) == ("Ada Lovelace", "Acme AI")


def test_lone_surrogates_in_a_typed_name_are_saved_not_fatal(
    spawn: Callable[..., Terminal], env: dict[str, str], work: Path, content: Content
) -> None:
    """Bytes that are not UTF-8 reach Python as lone surrogates: the draft, the answers
    file and the report keep the name with U+FFFD in their place."""
    first = spawn()
    first.expect("Your name")
    os.write(first.child.child_fd, b"Ada \xff\xfe Lovelace" + ENTER.encode())
    first.run(REST_OF_METADATA)
    first.expect("Which sector do you sell to?")
    first.expect(SELECT)
    first.child.send(CTRL_C)
    assert first.finish() == 130
    assert "internal error" not in first.output
    draft = default_draft(env, content)
    saved = json.loads(draft.read_text(encoding="utf-8"))["answers_file"]
    assert saved["founder"] == "Ada \ufffd\ufffd Lovelace"
    assert saved["company"] == "Acme AI", "every answer is still saved"

    resumed = spawn("--resume")
    resumed.run(BASICS + DETAILS + REVIEW)
    resumed.expect("Answers saved to")
    assert resumed.finish() == 0
    assert "Ada \ufffd\ufffd Lovelace" in resumed.output, "the report shows the name"
    (saved_file,) = work.glob("answers-*.yaml")
    answers = load_answers(saved_file, content)
    assert answers.founder == "Ada \ufffd\ufffd Lovelace"


def test_stale_temporary_drafts_are_removed_at_the_next_start(
    spawn: Callable[..., Terminal], env: dict[str, str], content: Content
) -> None:
    draft = default_draft(env, content)
    draft.parent.mkdir(parents=True)
    old = time.time() - 3600
    crashed = draft.with_name(f".{draft.name}.k2j4h1.tmp")
    other_content = draft.with_name(".another-content.draft.json.x8q1.tmp")
    unrelated = draft.with_name("notes.tmp")
    for path in (crashed, other_content, unrelated):
        path.write_text("{", encoding="utf-8")
        os.utime(path, (old, old))
    newer = draft.with_name(f".{draft.name}.z9z9z9.tmp")  # made after this run began
    newer.write_text("{", encoding="utf-8")
    later = time.time() + 3600
    os.utime(newer, (later, later))

    terminal = spawn()
    terminal.expect("Your name")
    terminal.child.send(CTRL_C)
    assert terminal.finish() == 130
    assert not crashed.exists()
    assert other_content.exists() and unrelated.exists() and newer.exists()


def test_the_draft_folder_is_private_whatever_the_umask(
    spawn: Callable[..., Terminal], env: dict[str, str], content: Content
) -> None:
    previous = os.umask(0)  # inherited by the spawned interview
    try:
        terminal = spawn()
        terminal.run([Step(("Your name",), "Ada" + ENTER)])
        terminal.expect("Company name")
        terminal.child.send(CTRL_C)
        assert terminal.finish() == 130
    finally:
        os.umask(previous)
    draft = default_draft(env, content)
    for folder in (draft.parent, draft.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in (draft, draft.with_name(draft.name + ".lock")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_world_writable_draft_folders_of_older_versions_are_made_private(
    spawn: Callable[..., Terminal], env: dict[str, str], content: Content
) -> None:
    draft = default_draft(env, content)
    draft.parent.mkdir(parents=True)
    for folder in (draft.parent, draft.parent.parent):
        os.chmod(folder, 0o777)
    terminal = spawn()
    terminal.expect("Your name")
    terminal.child.send(CTRL_C)
    assert terminal.finish() == 130
    for folder in (draft.parent, draft.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
