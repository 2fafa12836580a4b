"""The per-user content cache: used when valid, bypassed when anything it depends on changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from founder_check.content.cache import cache_dir, load_content_cached
from tests.conftest import ROOT


@pytest.fixture
def content_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("FOUNDER_CHECK_NO_CACHE", raising=False)
    target = tmp_path / "content"
    shutil.copytree(ROOT / "questionnaires", target / "questionnaires")
    shutil.copytree(ROOT / "scoring", target / "scoring")
    return target


def test_cache_is_written_and_reused(content_copy: Path) -> None:
    first = load_content_cached(content_copy)
    files = list(cache_dir().glob("content-*.pickle"))
    assert len(files) == 1 and oct(files[0].stat().st_mode & 0o777) == "0o600"
    assert load_content_cached(content_copy) == first


def test_an_edited_content_file_misses_the_cache(content_copy: Path) -> None:
    assert load_content_cached(content_copy).name == "founder-check-standard"
    manifest = content_copy / "scoring" / "content.yaml"
    manifest.write_text("name: edited\nversion: '9'\n", encoding="utf-8")
    assert load_content_cached(content_copy).name == "edited"
    assert len(list(cache_dir().glob("content-*.pickle"))) == 2


def test_a_damaged_cache_falls_back_to_a_full_load(content_copy: Path) -> None:
    load_content_cached(content_copy)
    for path in cache_dir().glob("content-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert load_content_cached(content_copy).questions
