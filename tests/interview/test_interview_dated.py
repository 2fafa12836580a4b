"""The interview dates the answers it saves: today, also when it updates an older file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from founder_check.content.models import Content
from founder_check.interview.setup import InterviewOptions
from founder_check.scoring.answers import load_answers
from tests.interview.test_interview_session import ALL_KEYS, ENTER, SAVE, interview


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_home: Path) -> Iterator[Path]:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    yield folder


def test_the_saved_answers_are_dated_today(content: Content, workdir: Path) -> None:
    result, _ = interview(content, [*ALL_KEYS, SAVE])
    today = dt.date.today()
    assert f"\ndate: {today.isoformat()}\n" in result.saved_to.read_text(encoding="utf-8")
    assert result.answers.date == today
    assert load_answers(result.saved_to, content).date == today


def test_an_update_writes_the_new_date(content: Content, workdir: Path) -> None:
    first, _ = interview(content, [*ALL_KEYS, SAVE])
    old = first.saved_to.read_text(encoding="utf-8")
    today = dt.date.today().isoformat()
    first.saved_to.write_text(old.replace(f"date: {today}", "date: 2025-01-15"), encoding="utf-8")
    assert load_answers(first.saved_to, content).date == dt.date(2025, 1, 15)

    keep_all = [ENTER] * 14  # every earlier answer kept
    options = InterviewOptions(update=first.saved_to, save=workdir / "b.yaml")
    second, _ = interview(content, [*keep_all, SAVE], options)
    assert second.answers.values == load_answers(first.saved_to, content).values
    assert load_answers(workdir / "b.yaml", content).date == dt.date.today()
    assert load_answers(first.saved_to, content).date == dt.date(2025, 1, 15), "left as it was"
