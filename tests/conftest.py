"""Shared fixtures: the bundled content, the example answers, the installed console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from founder_check import Content, load_content

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# The user's folders that the tool writes (content cache, interview drafts) and reads
# (config), for this test run only: the suite never touches the real ~/.cache or ~/.local.
USER_DIRS = ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")
_user_home = Path(tempfile.mkdtemp(prefix="founder-check-tests-"))


def pytest_configure(config: pytest.Config) -> None:
    for name in USER_DIRS:
        folder = _user_home / name.lower()
        folder.mkdir(exist_ok=True)
        os.environ[name] = str(folder)
    os.environ["LOCALAPPDATA"] = str(_user_home / "localappdata")
    # --lang defaults from the locale: the suite's runs, in process and in subprocesses, are
    # English whatever the machine's LANG; tests of that default set the variables themselves
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        os.environ.pop(name, None)
    os.environ["LANG"] = "C.UTF-8"


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_user_home, ignore_errors=True)


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture(scope="session")
def example_answers() -> Path:
    return EXAMPLES / "seed-founder.yaml"


def script_path() -> str:
    """The installed `founder-check` console script of the Python running the tests."""
    beside = Path(sys.executable).parent / "founder-check"
    if beside.exists():
        return str(beside)
    found = shutil.which("founder-check")
    assert found, "the founder-check console script is not installed"
    return found


def run_cli(
    *args: str, cwd: Path | None = None, input_text: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run the installed console script as a user would, capturing stdout and stderr."""
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1", TERM="dumb")
    return subprocess.run(
        [script_path(), *args],
        cwd=cwd,
        input=input_text,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def copy_content(tmp_path: Path) -> Path:
    """A copy of the bundled content folders, for tests that edit or break them."""
    target = tmp_path / "content"
    shutil.copytree(ROOT / "questionnaires", target / "questionnaires")
    shutil.copytree(ROOT / "scoring", target / "scoring")
    return target


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a text file; `old` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
