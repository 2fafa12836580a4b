"""Shared fixtures of the interview tests: the small test content and a private data dir."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from founder_check.content.loader import load_content
from founder_check.content.models import Content

FIXTURE_CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "interview_content"
ROWS, COLUMNS = 50, 200  # the pseudo-terminal of the end-to-end tests


@pytest.fixture(scope="session")
def content() -> Content:
    """The small test content (overriding the suite's bundled `content` in this folder).

    Two short sections covering every kind, optional and conditional questions.
    """
    return load_content(FIXTURE_CONTENT)


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user data dir (platformdirs honours XDG_DATA_HOME) at a temporary folder."""
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The environment of a pseudo-terminal run: a private home and data folder."""
    home = tmp_path / "home"
    home.mkdir()
    return {
        **os.environ,
        "TERM": "xterm",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "COLUMNS": str(COLUMNS),
        "LINES": str(ROWS),
        "HOME": str(home),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "NO_COLOR": "1",
    }


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    return folder
