"""The `--out` folder: checked before any work, built aside, put in place at the end.

A run either completes its report folder or leaves it as it was. Every file of the report
is written into a hidden work folder inside `--out` (so on the same file system, and in a
folder the user can write even when its parent is not theirs), flushed to disk, and only
then moved into place, `cohort.json` last; Ctrl-C waits for those few renames. A failure
before that (a bad input under `--strict`, a full disk, Ctrl-C, a bug) removes the work
folder, and the folder itself when this run created it. A run that is killed outright
leaves its work folder, which the next run removes.

A folder that cannot be used (a file, a path under a file, a folder that cannot be
written, one that another run is writing to) is refused before any input is read.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from founder_check.base.errors import FounderCheckError, Problem, UsageError

WORK_DIR_PREFIX = ".founder-check-"
EARLIER_REPORT = "cohort.json"  # its presence marks a folder holding an earlier report


class OutFolder:
    """An `--out` folder this run holds (locked against other runs) while it builds in `work`."""

    def __init__(self, path: Path, work: Path, created: list[Path], lock: int | None) -> None:
        self.path = path
        self.work = work
        self._created = created  # folders this run made, outermost first
        self._lock = lock
        if lock is not None:
            from multiprocessing import util

            util.register_after_fork(self, OutFolder._forget_lock)

    def _forget_lock(self) -> None:
        """In a worker process forked from this run: the lock is the run's to hold, and a
        worker outliving a killed run must not keep the folder locked."""
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def commit(self, names: Sequence[str], drop: Sequence[str] = ()) -> None:
        """Move the finished entries `names` from the work folder into place, in order, each
        replacing the earlier one, after moving aside the earlier entries `drop` (removed
        with the work folder). A failure moves back what was moved: nothing changes."""
        old = self.work / ".old"
        old.mkdir()
        undo: list[tuple[Path, Path]] = []
        with _interrupts_held():
            name = ""
            try:
                for name in drop:
                    if os.path.lexists(self.path / name):
                        os.rename(self.path / name, old / name)
                        undo.append((old / name, self.path / name))
                for name in names:
                    target = self.path / name
                    if os.path.lexists(target):
                        os.rename(target, old / name)
                        undo.append((old / name, target))
                    os.rename(self.work / name, target)
                    undo.append((target, self.work / name))
            except OSError as exc:
                for source, destination in reversed(undo):
                    with contextlib.suppress(OSError):
                        os.rename(source, destination)
                reason = f"cannot put {name} in place: {exc.strerror}; the folder is as it was"
                raise FounderCheckError(_problem(self.path, reason)) from None
            _sync_folder(self.path)

    def close(self, *, keep: bool) -> None:
        """Remove the work folder; unless `keep`, also the folders this run created."""
        shutil.rmtree(self.work, ignore_errors=True)
        if not keep:
            for folder in reversed(self._created):
                with contextlib.suppress(OSError):
                    folder.rmdir()
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def open_out_folder(out: Path) -> OutFolder:
    """Create or check `out`, lock it and make the run's work folder in it.

    FounderCheckError (exit 1) when it cannot be used; UsageError (exit 2) when it holds
    files but no earlier report, which are never overwritten by surprise.
    """
    created = _create(out)
    lock = None
    try:
        lock = _lock(out)
        if not created:
            _check_contents(out)
        _remove_stale_work(out)
        try:
            work = Path(tempfile.mkdtemp(prefix=WORK_DIR_PREFIX, dir=out))
        except OSError as exc:
            reason = f"cannot write into the folder: {exc.strerror}"
            raise FounderCheckError(_problem(out, reason)) from None
    except BaseException:
        if lock is not None:
            os.close(lock)
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return OutFolder(out, work, created, lock)


def _problem(out: Path, reason: str) -> Problem:
    return Problem(f"--out {out}", reason)


def _create(out: Path) -> list[Path]:
    """The folders made for `out` (none when it exists), outermost first."""
    if out.is_dir():
        return []
    if os.path.lexists(out):
        raise FounderCheckError(_problem(out, "exists and is not a folder"))
    missing = []
    folder = out
    while not os.path.lexists(folder) and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    if not folder.is_dir():
        raise FounderCheckError(_problem(out, f"{folder} is a file, not a folder"))
    created: list[Path] = []
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700 if folder == out else 0o777)
        except OSError as exc:
            for made in reversed(created):
                with contextlib.suppress(OSError):
                    made.rmdir()
            reason = f"cannot create the folder {folder}: {exc.strerror}"
            raise FounderCheckError(_problem(out, reason)) from None
        created.append(folder)
    return created


def _lock(out: Path) -> int | None:
    """An exclusive lock on the folder, held until `close` (or the process ends): two runs
    writing one report would remove each other's work. None where locks are not supported."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    try:
        fd = os.open(out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
    except OSError:
        return None  # a folder that can be written but not listed: checked when written
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        reason = "another founder-check cohort run is writing its report here; wait for it"
        raise FounderCheckError(_problem(out, reason)) from None
    except OSError:
        pass  # a file system without locks
    return fd


def _check_contents(out: Path) -> None:
    if (out / EARLIER_REPORT).is_file():
        return
    try:
        names = [entry.name for entry in os.scandir(out)]
    except OSError as exc:
        raise FounderCheckError(_problem(out, f"cannot be read: {exc.strerror}")) from None
    if any(not name.startswith(".") for name in names):
        raise UsageError(
            f"--out {out}: the folder is not empty and holds no {EARLIER_REPORT} from an "
            "earlier run; give a new or empty folder"
        )


def _remove_stale_work(out: Path) -> None:
    """Work folders of runs that were killed (the lock says no run is using them)."""
    with contextlib.suppress(OSError), os.scandir(out) as entries:
        for entry in entries:
            if entry.name.startswith(WORK_DIR_PREFIX) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C waits until the block is done (then interrupts as usual)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[Any] = []
    previous = signal.signal(signal.SIGINT, lambda *args: received.append(args))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt
