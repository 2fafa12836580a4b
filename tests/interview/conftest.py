"""Shared fixtures of the interview tests: the small test content and a private data dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from founder_check.content.loader import load_content
from founder_check.content.models import Content

FIXTURE_CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "interview_content"


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
