"""The interview keeps what a user wrote, and a file saved by `--section` can be rescored.

In-process, as test_interview_session.py drives it: the `-o/--save` check that runs before
any question (`check_options`), `--force`, `--update FILE -o FILE` updating in place, a
resumed draft whose file was written while it was paused; then the answers file a real
`--section` interview saves, scored by `assess --answers` with its coverage listed.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from founder_check.base.errors import UsageError
from founder_check.base.readers import load_data
from founder_check.content.models import Content
from founder_check.interview.drafts import read_draft
from founder_check.interview.session import InterviewInterrupted
from founder_check.interview.setup import InterviewOptions, check_options
from founder_check.report.view import build_view
from founder_check.scoring.answers import load_answers
from founder_check.scoring.engine import score
from tests.conftest import script_path
from tests.interview.conftest import FIXTURE_CONTENT
from tests.interview.test_interview_session import (
    ALL_KEYS,
    DETAILS_KEYS,
    ENTER,
    EXPECTED_VALUES,
    METADATA_KEYS,
    SAVE,
    Interrupt,
    interview,
)

FILLED = "founder: Grace\nstage: seed\nanswers:\n  basics.sector: other\n"
KEEP_ALL = [ENTER] * 3 + [ENTER] * 4 + [ENTER] * 7  # every default of the fixture kept


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_home: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_save_over_answers_is_refused_before_any_question(content: Content, workdir: Path) -> None:
    path = workdir / "a.yaml"
    path.write_text(FILLED, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        check_options(content, InterviewOptions(save=path))
    assert caught.value.exit_code == 2
    message = str(caught.value)
    assert f"--save {path}: already holds answers" in message and "--force" in message
    with pytest.raises(UsageError) as chinese:
        check_options(content, InterviewOptions(save=path, lang="zh"))
    assert "已有回答" in str(chinese.value)
    assert path.read_text(encoding="utf-8") == FILLED
    other = workdir / "other.yaml"
    other.write_text(FILLED, encoding="utf-8")
    with pytest.raises(UsageError):  # --update another file: the -o file is still kept
        check_options(content, InterviewOptions(save=path, update=other))
    check_options(content, InterviewOptions(save=path, force=True))
    check_options(content, InterviewOptions(save=path, update=path))  # updated in place
    check_options(content, InterviewOptions(save=path, update=workdir / "." / "a.yaml"))
    empty = workdir / "empty.yaml"
    empty.touch()
    check_options(content, InterviewOptions(save=empty))


def test_force_replaces_the_answers_file(content: Content, workdir: Path) -> None:
    path = workdir / "a.yaml"
    path.write_text(FILLED, encoding="utf-8")
    options = InterviewOptions(save=path, force=True)
    check_options(content, options)
    result, _ = interview(content, [*ALL_KEYS, SAVE], options)
    assert result.saved_to == path
    assert load_answers(path, content).values == EXPECTED_VALUES


def test_update_in_place_keeps_every_earlier_answer(content: Content, workdir: Path) -> None:
    first, _ = interview(content, [*ALL_KEYS, SAVE], InterviewOptions(save=workdir / "a.yaml"))
    path = first.saved_to
    options = InterviewOptions(update=path, save=path)
    check_options(content, options)
    second, _ = interview(content, [*KEEP_ALL, SAVE], options)
    assert second.saved_to == path
    again = load_answers(path, content)
    assert again.values == EXPECTED_VALUES and again.founder == "Ada"


def _paused(content: Content, save: Path) -> Path:
    """An interview saving to `save`, stopped after its metadata: its draft."""
    with pytest.raises(InterviewInterrupted) as caught:
        interview(
            content, METADATA_KEYS, InterviewOptions(save=save), Interrupt(len(METADATA_KEYS) + 1)
        )
    assert caught.value.draft is not None
    return caught.value.draft


def _saved_at(draft: Path) -> float:
    from datetime import datetime

    return datetime.fromisoformat(read_draft(draft).saved_at).timestamp()


def test_a_file_written_while_paused_is_kept_on_resume(content: Content, workdir: Path) -> None:
    save = workdir / "acme.yaml"
    draft = _paused(content, save)
    save.write_text(FILLED, encoding="utf-8")
    later = _saved_at(draft) + 60
    os.utime(save, (later, later))
    resumed = InterviewOptions(resume=True, draft=draft)
    asked = Interrupt(1)  # a question asked would stop the interview: none is
    with pytest.raises(UsageError) as caught:
        interview(content, [], resumed, ask=asked)
    assert asked.calls == 0
    assert "written since this interview was paused" in str(caught.value)
    assert save.read_text(encoding="utf-8") == FILLED and draft.exists()

    forced = InterviewOptions(resume=True, draft=draft, force=True)
    result, _ = interview(content, [*ALL_KEYS[len(METADATA_KEYS) :], SAVE], forced)
    assert result.saved_to == save
    assert load_answers(save, content).values == EXPECTED_VALUES


def test_a_file_older_than_the_draft_is_updated_on_resume(content: Content, workdir: Path) -> None:
    """`--update FILE -o FILE`, paused: FILE holds answers but was checked at the start."""
    save = workdir / "acme.yaml"
    draft = _paused(content, save)
    save.write_text(FILLED, encoding="utf-8")
    earlier = _saved_at(draft) - 60
    os.utime(save, (earlier, earlier))
    resumed = InterviewOptions(resume=True, draft=draft)
    result, _ = interview(content, [*ALL_KEYS[len(METADATA_KEYS) :], SAVE], resumed)
    assert result.saved_to == save


def _section_interview(content: Content, workdir: Path) -> Path:
    """A real `assess --section details -o details.yaml` interview, nothing earlier: the file
    it saves leaves the basics section out."""
    keys = [*DETAILS_KEYS[:1], *DETAILS_KEYS[2:], SAVE]  # use_of_funds does not apply
    options = InterviewOptions(sections=("details",), save=workdir / "details.yaml")
    result, _ = interview(content, keys, options)
    return result.saved_to


def test_a_section_interview_file_is_scored_with_its_coverage(
    content: Content, workdir: Path
) -> None:
    saved = _section_interview(content, workdir)
    assert "basics" not in json.dumps(load_data(saved)["answers"], default=str)
    answers = load_answers(saved, content)  # what `assess --answers` reads: no error
    assert answers.left_out == ("basics",)
    card = score(content, answers, lang="en")
    coverage = card.coverage
    assert (coverage.sections, coverage.sections_answered) == (2, 1)
    [left] = coverage.left_out
    texts = {question.question: question.text for question in left.questions}
    assert (left.section, left.title) == ("basics", content.sections[0].title.en)
    assert set(texts) == {q.id for q in content.sections[0].questions}
    view = build_view(card, content)
    assert any("1 of 2 sections answered" in line for line in view.coverage)
    listing = next(line for line in view.coverage if line.startswith("Not answered yet in "))
    assert all(text in listing for text in texts.values())
    zh = build_view(score(content, answers, lang="zh"), content)
    assert any("共 2 个部分，已回答 1 个" in line for line in zh.coverage)
    assert any(content.sections[0].title.zh in line for line in zh.coverage)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1", TERM="dumb")
    return subprocess.run(
        [script_path(), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_assess_answers_scores_it_and_says_how_to_complete_it(
    content: Content, workdir: Path
) -> None:
    saved = _section_interview(content, workdir)
    common = ["assess", "--content", str(FIXTURE_CONTENT), "--answers", saved.name]
    result = _cli(*common, "--json", "card.json", "--markdown", "card.md", cwd=workdir)
    assert result.returncode == 0, result.stderr
    missing = [q.text.en for q in content.sections[0].questions]
    printed = " ".join(result.stdout.split())
    assert all(" ".join(text.split()) in printed for text in missing)
    assert "1 of 2 sections answered" in result.stdout
    hint = f"founder-check assess --update {saved.name} --section basics -o {saved.name}"
    assert hint in " ".join(result.stderr.split())
    card: dict[str, Any] = json.loads((workdir / "card.json").read_text(encoding="utf-8"))
    [left] = card["coverage"]["left_out"]
    assert [q["text"] for q in left["questions"]] == missing
    markdown = (workdir / "card.md").read_text(encoding="utf-8")
    assert "- Not answered yet in " in markdown and all(text in markdown for text in missing)


def test_a_section_partly_answered_is_still_an_error(content: Content, workdir: Path) -> None:
    saved = _section_interview(content, workdir)
    text = saved.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("  details.runway")]
    saved.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _cli("assess", "--content", str(FIXTURE_CONTENT), "--answers", saved.name, cwd=workdir)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "details.runway" in errors[0], result.stderr
