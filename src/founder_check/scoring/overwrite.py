"""Never replace a file that holds what someone wrote, unless they say so (`--force`).

An answers file is a founder's work, a filled form export is a whole cohort's, and a mapping
file is an incubator's edits: `template -o`, `template --csv -o / --map` and the interview's
`-o/--save` refuse to write over such a file, before any work is done or any question asked
(a usage error, exit 2). What they may replace: a missing or empty file, a file of comments
only, a template nobody filled (no name, company, stage or answer), a CSV header without
rows, a mapping exactly as `template --map` writes it, and pipes and devices (`/dev/null`),
which are written into, never replaced. Anything else (another kind of document, a file
that is not text, one that cannot be read) is kept too: founder-check cannot tell it holds
nothing. Reports and scorecards are not checked: they are replaced as usual.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal

from founder_check.base.errors import FounderCheckError, Problem, UsageError
from founder_check.base.i18n import Texts, phrase
from founder_check.base.readers import MAX_FILE_BYTES, is_json_path, parse_data
from founder_check.content.models import Lang
from founder_check.scoring.answer_rules import METADATA_FIELDS, TOP_KEYS, is_given

Kind = Literal["answers", "csv", "mapping"]
Reason = Literal["answers", "rows", "edited", "other", "unreadable"]
_CSV_BYTES = 1024 * 1024  # enough to see whether any row follows the header

_WORDS = Texts(
    phrase("answers", "already holds answers"),
    phrase("rows", "already holds answers in rows below its header"),
    phrase("edited", "differs from the mapping founder-check writes (edits would be lost)"),
    phrase("other", "is not an empty answers file"),
    phrase("unreadable", "cannot be read, so founder-check cannot tell what it holds"),
    phrase(
        "advice",
        "{reason}; founder-check does not replace it: give --force to replace it, or "
        "choose another file (for example {other})",
    ),
    phrase(
        "changed",
        "written since this interview was paused, and {reason}; founder-check does not "
        "replace it: give --force to replace it, or -o another file (for example {other})",
    ),
)


def check_overwrite(
    path: Path | None,
    option: str,
    lang: Lang,
    *,
    kind: Kind = "answers",
    force: bool = False,
    untouched: Iterable[str] = (),
) -> None:
    """Refuse (UsageError, exit 2) to replace `path` when it holds what someone wrote and
    `force` is not given. `untouched`: for a mapping, the texts founder-check would write."""
    if path is None or force:
        return
    reason = existing_work(path, kind, untouched)
    if reason is not None:
        raise UsageError(_problem("advice", path, option, reason, lang))


def check_unchanged_since(
    path: Path, since: float, option: str, lang: Lang, *, force: bool = False
) -> None:
    """Refuse to replace `path` if it was written after `since` (a POSIX time) and holds
    what someone wrote: for an interview resumed from its draft, whose file was checked when
    the interview began (and may be the file it updates)."""
    if force:
        return
    try:
        written = os.stat(path).st_mtime
    except OSError:
        return
    reason = existing_work(path, "answers") if written > since else None
    if reason is not None:
        raise UsageError(_problem("changed", path, option, reason, lang))


def existing_work(path: Path, kind: Kind, untouched: Iterable[str] = ()) -> Reason | None:
    """What `path` holds that replacing it would lose, or None if nothing would be lost."""
    try:
        raw = _read_regular_file(path, None if kind == "csv" else MAX_FILE_BYTES + 1)
    except OSError:
        return "unreadable"
    if raw is None or not raw.strip():
        return None
    if kind == "csv":
        return _csv_rows(raw)
    if kind == "mapping":
        return None if _text(raw) in set(untouched) else "edited"
    if len(raw) > MAX_FILE_BYTES:
        return "other"
    return _answers_in(raw, path)


def same_file(first: Path | str, second: Path | str | None) -> bool:
    """Whether two paths name one file (through links too, when it exists)."""
    if second is None:
        return False
    with contextlib.suppress(OSError, ValueError):  # missing; a name the OS cannot take
        return os.path.samefile(first, second)
    return os.path.abspath(first) == os.path.abspath(second)


def other_name(path: Path) -> Path:
    """The first free name beside `path`: `answers-2.yaml`, `answers-3.yaml`..."""
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


def _problem(key: str, path: Path, option: str, reason: Reason, lang: Lang) -> Problem:
    """The refusal, named by option and path as every output problem is."""
    why = _WORDS(key, lang, reason=_WORDS(reason, lang), other=other_name(path))
    return Problem(f"{option} {path}".strip(), why)


def _read_regular_file(path: Path, limit: int | None) -> bytes | None:
    """The first bytes of `path` (`limit`, or `_CSV_BYTES` when None); None when there is
    no file or it is no regular file (a pipe or device is written into, never replaced)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError:
        if not path.exists() or not path.is_file():
            return None  # a missing folder, a folder: check_output's to report
        raise
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        return None
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read(_CSV_BYTES if limit is None else limit)


def _text(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _csv_rows(raw: bytes) -> Reason | None:
    """Rows after the header with any cell filled are answers; the header alone is not.
    Read as Latin-1, which decodes any bytes: commas and line ends are ASCII in every
    encoding a form export uses, and a cut-off last row still counts."""
    import csv  # only forms are read as CSV: `assess` needs this module for same_file alone

    rows = csv.reader(io.StringIO(raw.decode("latin-1"), newline=""))
    try:
        filled = [row for row in rows if any(cell.strip() for cell in row)]
    except csv.Error:
        return "other"
    return "rows" if len(filled) > 1 else None


def _answers_in(raw: bytes, path: Path) -> Reason | None:
    text = _text(raw)
    if text is None or "\x00" in text:
        return "other"
    try:
        data = parse_data(text, str(path), json_format=is_json_path(path))
    except FounderCheckError:
        return "other"
    if data is None:
        return None  # comments only
    if not isinstance(data, Mapping) or set(data) - set(TOP_KEYS):
        return "other"
    if any(is_given(data.get(key)) for key in METADATA_FIELDS):
        return "answers"
    answers = data.get("answers")
    if answers is None:
        return None
    if not isinstance(answers, Mapping):
        return "other"
    return "answers" if any(is_given(value) for value in answers.values()) else None
