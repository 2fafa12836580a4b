"""Read a content folder (questionnaires/ and scoring/) into a validated `Content`.

Every file is read with the guarded reader, validated on its own (problems carry file and
line), then the pieces are checked against each other by `content.check`. All problems are
collected before failing, so an author sees every one in a single run.
"""

from __future__ import annotations

from pathlib import Path

from founder_check.base.errors import ContentError, Problem
from founder_check.content.files import read_content
from founder_check.content.location import default_content_dir
from founder_check.content.models import Content


def check_content_dir(root: Path) -> tuple[Content | None, list[Problem]]:
    """Load and cross-check a content folder; return the content (if usable) and all problems."""
    from founder_check.content.check import cross_check

    loaded = read_content(root)
    if loaded.problems:
        return None, loaded.problems
    problems = cross_check(loaded)
    if problems:
        return None, problems
    return loaded.to_content(), []


def load_content(root: Path | str | None = None) -> Content:
    """Load the content folder at `root` (the bundled one by default); raise ContentError."""
    path = Path(root) if root is not None else default_content_dir()
    if not path.is_dir():
        raise ContentError(Problem(str(path), "is not a content folder (no such folder)"))
    content, problems = check_content_dir(path)
    if content is None:
        raise ContentError(problems)
    return content
