"""The per-user content cache: data only, used when valid, bypassed when anything it depends
on changes, and never trusted when it is damaged, foreign, tampered with or not private."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from founder_check.content.cache import cache_dir, content_key, load_content_cached
from founder_check.content.loader import load_content
from tests.conftest import ROOT, run_cli


@pytest.fixture
def content_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("FOUNDER_CHECK_NO_CACHE", raising=False)
    target = tmp_path / "content"
    shutil.copytree(ROOT / "questionnaires", target / "questionnaires")
    shutil.copytree(ROOT / "scoring", target / "scoring")
    return target


@pytest.fixture
def umask_000() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def entries() -> list[Path]:
    return sorted(cache_dir().glob("content-*"))


def entry_for(root: Path) -> Path:
    return cache_dir() / f"content-{content_key(root)}.json"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_cache_is_written_and_reused(content_copy: Path) -> None:
    first = load_content_cached(content_copy)
    assert entries() == [entry_for(content_copy)]
    written = entry_for(content_copy).stat().st_mtime_ns
    again = load_content_cached(content_copy)
    assert again == first == load_content(content_copy)
    assert again is not first and entry_for(content_copy).stat().st_mtime_ns == written


def test_a_cached_load_equals_a_full_load_in_every_detail(content_copy: Path) -> None:
    load_content_cached(content_copy)
    cached = load_content_cached(content_copy)
    full = load_content(content_copy)
    assert cached == full
    assert cached.root == full.root == str(content_copy)
    assert cached.questions == full.questions  # derived data is rebuilt, not stored
    scale = next(q.scale for q in full.questions if q.scale is not None)
    cached_scale = cached.question_by_id[next(q.id for q in full.questions if q.scale)].scale
    assert cached_scale is not None and cached_scale.labels == scale.labels
    assert all(isinstance(point, int) for point in cached_scale.labels)


def test_a_moved_content_folder_reuses_the_entry_with_its_new_place(
    content_copy: Path, tmp_path: Path
) -> None:
    load_content_cached(content_copy)
    moved = tmp_path / "moved"
    shutil.copytree(content_copy, moved)
    assert content_key(moved) == content_key(content_copy), "the key is the files' bytes"
    assert load_content_cached(moved).root == str(moved)


def test_an_edited_content_file_misses_the_cache(content_copy: Path) -> None:
    assert load_content_cached(content_copy).name == "founder-check-standard"
    manifest = content_copy / "scoring" / "content.yaml"
    before = content_key(content_copy)
    manifest.write_text("name: edited\nversion: '9'\n", encoding="utf-8")
    assert content_key(content_copy) != before
    assert load_content_cached(content_copy).name == "edited"
    assert len(entries()) == 2


def test_same_size_edit_with_the_same_modification_time_misses_the_cache(
    content_copy: Path,
) -> None:
    """The key hashes the bytes: an edit keeping size and time stamp is still seen."""
    manifest = content_copy / "scoring" / "content.yaml"
    load_content_cached(content_copy)
    text = manifest.read_text(encoding="utf-8")
    times = manifest.stat()
    edited = text.replace("founder-check-standard", "founder-check-standarX")
    assert len(edited) == len(text)
    manifest.write_text(edited, encoding="utf-8")
    os.utime(manifest, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert load_content_cached(content_copy).name == "founder-check-standarX"


def test_cache_is_not_pickle_and_ignores_tampered_entries(
    content_copy: Path, tmp_path: Path
) -> None:
    full = load_content(content_copy)
    # an entry of an older version, as pickle, planted to run code when unpickled
    marker = tmp_path / "code-ran"
    planted = cache_dir() / "content-0123456789abcdef0123456789abcdef.pickle"
    planted.parent.mkdir(parents=True)
    planted.write_bytes(pickle.dumps(_RunsCode(str(marker))))
    assert load_content_cached(content_copy) == full
    assert not marker.exists(), "nothing in the cache folder is ever unpickled"
    assert not planted.exists(), "entries of the pickle era are removed"
    entry = entry_for(content_copy)
    header, _, payload = entry.read_bytes().partition(b"\n")
    data = json.loads(payload)
    assert json.loads(header)["key"] == content_key(content_copy)
    assert data["name"] == full.name, "an entry is plain JSON of the content"

    def reloads_in_full(tampered: bytes) -> None:
        entry.write_bytes(tampered)
        assert load_content_cached(content_copy) == full
        assert entry.read_bytes() != tampered, "a bad entry is replaced by a good one"
        assert load_content_cached(content_copy) == full

    good = entry.read_bytes()
    # damaged: cut short, a byte changed (the data no longer has its recorded SHA-256)
    reloads_in_full(good[: len(good) // 2])
    reloads_in_full(good.replace(b'"weight":', b'"weighs":', 1))
    # tampered with, its SHA-256 recomputed: a field that is not a model field, a wrong
    # type, a value the model's own checks refuse
    for change in (
        lambda d: d.update(extra=1),
        lambda d: d["factors"][0].update(weight="heavy"),
        lambda d: d["factors"][0].update(weight=-1),
        lambda d: d["sections"][0]["questions"][0].update(kind="essay"),
        lambda d: d.update(root="/elsewhere"),
    ):
        tampered = json.loads(payload)
        change(tampered)
        reloads_in_full(_entry_bytes(json.loads(header), tampered))
    # foreign: a valid entry of other content, under this content's name
    other = dict(json.loads(header), key="f" * 64)
    reloads_in_full(_entry_bytes(other, data))
    # not JSON at all
    reloads_in_full(b"\x80\x04\x95 not json")


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_an_entry_others_can_write_or_a_link_is_not_trusted(
    content_copy: Path, tmp_path: Path
) -> None:
    full = load_content_cached(content_copy)
    entry = entry_for(content_copy)
    good = entry.read_bytes()
    tampered = _tampered_name(good, "not from this user")
    entry.write_bytes(tampered)
    os.chmod(entry, 0o666)
    assert load_content_cached(content_copy) == full, "a world-writable entry is ignored"
    assert mode(entry) == 0o600
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(tampered)
    entry.unlink()
    entry.symlink_to(elsewhere)
    assert load_content_cached(content_copy) == full, "a symbolic link is not followed"
    assert elsewhere.read_bytes() == tampered, "nor written through"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_fifo_in_place_of_an_entry_or_a_content_file_does_not_hang(
    content_copy: Path,
) -> None:
    full = load_content_cached(content_copy)
    entry = entry_for(content_copy)
    entry.unlink()
    os.mkfifo(entry)
    assert load_content_cached(content_copy) == full
    os.mkfifo(content_copy / "scoring" / "chapters" / "zz-pipe.yml")
    assert content_key(content_copy) is None, "a content folder with a FIFO is not cached"


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_cache_folders_are_private_whatever_the_umask(
    content_copy: Path, tmp_path: Path, umask_000: None
) -> None:
    load_content_cached(content_copy)
    assert mode(cache_dir()) == 0o700
    assert mode(cache_dir().parent) == 0o700, "a missing parent is made private too"
    assert mode(entry_for(content_copy)) == 0o600


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_a_world_writable_cache_folder_is_made_private(content_copy: Path, umask_000: None) -> None:
    folder = cache_dir()
    folder.mkdir(parents=True)
    os.chmod(folder, 0o777)  # as an older version left it under umask 000
    full = load_content_cached(content_copy)
    assert mode(folder) == 0o700
    assert load_content_cached(content_copy) == full


def test_the_command_line_never_runs_a_planted_pickle(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a user runs it: a poisoned cache folder changes nothing in the report."""
    answers = str(ROOT / "examples" / "seed-founder.yaml")
    args = ("assess", "--answers", answers, "--content", str(content_copy), "--json", "-")
    monkeypatch.setenv("FOUNDER_CHECK_NO_CACHE", "1")
    expected = run_cli(*args)
    monkeypatch.delenv("FOUNDER_CHECK_NO_CACHE")
    marker = tmp_path / "code-ran"
    folder = cache_dir()
    folder.mkdir(parents=True)
    for name in ("content-" + "0" * 32 + ".pickle", f"content-{content_key(content_copy)}.json"):
        (folder / name).write_bytes(pickle.dumps(_RunsCode(str(marker))))
    for _ in range(2):  # the first run replaces the bad entry, the second reads it
        completed = run_cli(*args)
        assert completed.returncode == 0, completed.stderr
        assert _without_time(completed.stdout) == _without_time(expected.stdout)
    assert not marker.exists()


class _RunsCode:
    """What an attacker would plant: unpickling it creates a file."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (_create_marker, (self.path, "x"))


def _create_marker(path: str, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8")


def _entry_bytes(header: dict[str, object], data: object) -> bytes:
    import hashlib

    payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
    header = dict(header, sha256=hashlib.sha256(payload).hexdigest())
    return json.dumps(header).encode() + b"\n" + payload


def _tampered_name(entry: bytes, name: str) -> bytes:
    header, _, payload = entry.partition(b"\n")
    data = json.loads(payload)
    data["name"] = name
    return _entry_bytes(json.loads(header), data)


def _without_time(text: str) -> str:
    data = json.loads(text)
    data.pop("generated_at", None)
    return json.dumps(data)


def test_derived_data_is_built_once_per_content_and_never_pickled() -> None:
    """`Content.remember` keeps what is derived from the content (plans, compiled
    conditions) for the content's lifetime, and a pickled content leaves it behind."""
    content = load_content(ROOT)
    built: list[int] = []

    def build() -> list[int]:
        built.append(1)
        return [len(built)]

    first = content.remember(("test", 1), build)
    assert content.remember(("test", 1), build) is first and built == [1]
    assert content.remember(("test", 2), build) == [2]
    copy = pickle.loads(pickle.dumps(content))
    assert copy.remember(("test", 1), build) == [3]
