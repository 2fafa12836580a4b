"""One interview per draft: a lock beside the draft, held from the start of an interview to
its end, so that two terminals never overwrite each other's answers.

The lock is an operating-system file lock (the `filelock` package: flock on Unix, a locked
byte on Windows) on `DRAFT.lock`; the system releases it when its process ends in any way, so
a crashed or killed interview never blocks the next one. Beside it, `DRAFT.owner` records who
holds it (process id, host, start time) for the message a second interview shows; it is
removed at the end. The lock file itself stays, empty. A folder where no lock can be taken (a
file system without locks) does not stop the interview: it runs unlocked, as before locks.

Holding the lock also makes it safe to delete the draft's temporary files that a crash left
behind (`.DRAFT.*.tmp`): no other interview is writing them.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from founder_check.base.errors import FounderCheckError, Problem

LOCK_SUFFIX = ".lock"
OWNER_SUFFIX = ".owner"


class DraftInUseError(FounderCheckError):
    """Another interview holds the draft (exit 1; the draft is left untouched)."""


@dataclass(frozen=True)
class Owner:
    """Who holds a draft: enough to find that terminal or process."""

    pid: int
    host: str
    started: str

    def describe(self) -> str:
        when = _local_time(self.started)
        where = "" if self.host == socket.gethostname() else f" on {self.host}"
        return f"process {self.pid}{where}, started {when}"


def lock_path(draft: Path) -> Path:
    return draft.with_name(draft.name + LOCK_SUFFIX)


def owner_path(draft: Path) -> Path:
    return draft.with_name(draft.name + OWNER_SUFFIX)


@contextlib.contextmanager
def hold_draft(draft: Path, *, started: float) -> Iterator[None]:
    """Hold the draft's lock for the duration of the block; raise DraftInUseError at once if
    another interview holds it. `started` (a time stamp) is when this run began: temporary
    files of the draft older than that are removed once the lock is held."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(lock_path(draft)), timeout=0, mode=0o600)
    held = True
    try:
        lock.acquire()
    except Timeout:
        raise DraftInUseError(
            Problem(
                str(draft),
                f"this draft is in use by another founder-check interview "
                f"({_owner_text(draft)}); finish or stop that interview first (Ctrl-C there "
                "keeps its answers), or save this one to another file with -o FILE",
            )
        ) from None
    except (OSError, NotImplementedError):
        # no lock can be taken here (a read-only folder, a file system without locks): the
        # interview runs unlocked; an unwritable folder is reported when the draft is saved
        held = False
    try:
        if held:
            _write_owner(draft)
            remove_stale_temporaries(draft, older_than=started)
        yield
    finally:
        if held:
            with contextlib.suppress(OSError):
                os.unlink(owner_path(draft))
            lock.release()


def remove_stale_temporaries(draft: Path, *, older_than: float) -> list[Path]:
    """Delete the draft's temporary files (`.DRAFT.*.tmp`, left by a crash mid-write) made
    before `older_than`; only the holder of the draft's lock may call this."""
    pattern = glob.escape(f".{draft.name}.") + "*.tmp"
    removed = []
    for path in draft.parent.glob(pattern):
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_mtime < older_than:
                path.unlink()
                removed.append(path)
    return removed


def _write_owner(draft: Path) -> None:
    from founder_check.base.atomic import write_text_atomic

    owner = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
    }
    with contextlib.suppress(OSError):
        write_text_atomic(owner_path(draft), json.dumps(owner) + "\n")


def read_owner(draft: Path) -> Owner | None:
    """Who holds the draft, as its holder recorded it; None if unknown."""
    try:
        data = json.loads(owner_path(draft).read_text(encoding="utf-8"))
        owner = Owner(pid=data["pid"], host=data["host"], started=data["started"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    fields = (owner.host, owner.started)
    if type(owner.pid) is not int or not all(
        isinstance(text, str) and text.isprintable() and len(text) < 256 for text in fields
    ):
        return None  # not what an interview writes: say nothing rather than echo it
    return owner


def _owner_text(draft: Path) -> str:
    owner = read_owner(draft)
    return owner.describe() if owner is not None else "process not known"


def _local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso
