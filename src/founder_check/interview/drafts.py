"""The draft store: every answer of an unfinished interview, kept safe on disk.

A draft is a JSON file, written atomically with mode 0600 (it holds personal data), that
holds the answers so far as an answers-file mapping (`Answers.to_file_data()`, read back
through `parse_answers` like any other answers) and what resuming needs: the questions
already answered in this interview, the sections asked, where the finished answers go and
the content it was made with.

Drafts live in the user's data folder, `<user data dir>/founder-check/drafts/<content>.draft.json`
(one per content set), or beside the answers file when `-o/--save FILE` is given
(`FILE.draft.json`), so interviews saved to different files never share a draft.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from founder_check.base.atomic import write_text_atomic
from founder_check.base.errors import AnswersError, Problem
from founder_check.base.private_dirs import make_private_dir
from founder_check.base.readers import load_data
from founder_check.base.unicode_text import replace_lone_surrogates
from founder_check.content.models import Lang

DRAFT_FORMAT = "founder-check-draft"
DRAFT_SUFFIX = ".draft.json"
APP_NAME = "founder-check"
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")


class Draft(BaseModel):
    """An unfinished interview: the answers so far and where to pick up."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal["founder-check-draft"] = "founder-check-draft"
    version: Literal[1] = 1
    saved_at: str
    content_name: str
    content_version: str
    content_root: str
    lang: Lang
    sections: tuple[str, ...] | None = None
    save: str
    save_chosen: bool
    done: tuple[str, ...] = ()
    answers_file: dict[str, Any]

    @property
    def answered(self) -> int:
        """How many answers (metadata included) the draft holds."""
        data = self.answers_file
        values = data.get("answers")
        count = sum(1 for value in values.values() if value is not None) if values else 0
        return count + sum(1 for key in ("founder", "company", "stage") if data.get(key))


def default_draft_dir() -> Path:
    """The drafts folder inside the user's data directory (XDG_DATA_HOME on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME)) / "drafts"


def draft_path_for(save: Path | None, content_name: str) -> Path:
    """Where the draft of an interview lives: beside a chosen answers file, else the data dir."""
    if save is not None:
        return save.with_name(save.name + DRAFT_SUFFIX)
    name = _UNSAFE_NAME.sub("-", content_name).strip(".-") or "content"
    return default_draft_dir() / f"{name}{DRAFT_SUFFIX}"


def save_draft(path: Path, draft: Draft) -> None:
    """Write the draft atomically, mode 0600; create its folder (mode 0700) if needed.

    Text that cannot be written as UTF-8 (a lone surrogate, from bytes a terminal could not
    decode) is saved with U+FFFD in its place: every answer is kept, none stops the save.
    """
    if not path.parent.is_dir():
        make_private_dir(path.parent)
    text = json.dumps(draft.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    write_text_atomic(path, replace_lone_surrogates(text))


def read_draft(path: Path) -> Draft:
    """Read a draft; raise a FounderCheckError naming the file and field if it is damaged."""
    from founder_check.content.files import validation_problems

    data = load_data(path)
    if not isinstance(data, dict) or data.get("format") != DRAFT_FORMAT:
        raise AnswersError(
            Problem(str(path), "not a founder-check draft (no 'format: founder-check-draft')")
        )
    try:
        return Draft.model_validate(data)
    except ValidationError as exc:
        raise AnswersError(validation_problems(exc, str(path), data)) from None


def remove_draft(path: Path) -> None:
    """Delete a draft once its answers are safely saved (a missing draft is fine)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
