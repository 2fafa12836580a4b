"""The files a user names for output (`--json`, `--markdown`, `-o`, `--save`, `--map`).

Each is checked before any work is done, so a mistyped or read-only path fails at once, not
after a scoring run or an interview. A regular file is written atomically; a character
device or FIFO (`/dev/null`, a named pipe) is written into, never replaced (see `atomic`); a
block device or socket is refused. Every failure, found early or while writing (a full
disk), is an `OutputError` naming the path and the reason: the user's to fix (exit 1), never
an internal error.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from founder_check.base.errors import OutputError, Problem

_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "no space left on the device",
    errno.EROFS: "the file system is read-only",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ELOOP: "too many symbolic links",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "is a folder; give a file name",
    errno.ENXIO: "nothing is reading from this named pipe",
    errno.EDQUOT: "disk quota exceeded",
    errno.EFBIG: "the file would be too large",
    errno.EIO: "input/output error",
}


def reason(exc: OSError) -> str:
    """Why a write failed, in words (errno's text for anything unusual)."""
    known = _REASONS.get(exc.errno) if exc.errno is not None else None
    return known or exc.strerror or str(exc)


def check_output(path: str, option: str = "") -> None:
    """Refuse, before any work is done, an output path that cannot be written."""
    problem = _unwritable(path)
    if problem is not None:
        raise OutputError(Problem(_where(path, option), problem))


def write_text(path: str, text: str, option: str = "") -> None:
    """Write `text` as UTF-8 to `path` (atomically, mode 0600, for a file); OutputError with
    the path and the reason if that fails."""
    from founder_check.base.atomic import write_bytes_atomic

    check_output(path, option)  # again: the folder may have gone while the work was done
    data = text.encode("utf-8", errors="replace")  # a lone surrogate becomes '?'
    try:
        write_bytes_atomic(Path(path), data)
    except OSError as exc:
        raise OutputError(
            Problem(_where(path, option), f"cannot be written: {reason(exc)}")
        ) from None


def _where(path: str, option: str) -> str:
    return f"{option} {path}".strip()


def _unwritable(path: str) -> str | None:
    """Why `path` cannot be written, or None if it can (as far as can be told beforehand)."""
    if not path:
        return "is empty; give a file name"
    if "\x00" in path:
        return "holds a NUL character"
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return _folder_problem(path)
    except OSError as exc:
        return reason(exc)
    except ValueError:  # a name the OS cannot take
        return "is not a valid file name"
    if stat.S_ISDIR(mode):
        return "is a folder; give a file name"
    if stat.S_ISBLK(mode):
        return "is a block device (a disk); founder-check writes only files, pipes and devices"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    if not os.access(path, os.W_OK):
        return "is read-only (permission denied)"
    if stat.S_ISREG(mode):
        return _folder_problem(path)  # the new file is written beside it, then renamed
    return None


def _folder_problem(path: str) -> str | None:
    """Why no new file can be made in the folder `path` is in, or None."""
    shown = os.path.dirname(path) or "."
    folder = os.path.dirname(os.path.realpath(path))
    try:
        mode = os.stat(folder).st_mode
    except FileNotFoundError:
        return f"folder {shown!r} does not exist"
    except OSError as exc:
        return f"folder {shown!r}: {reason(exc)}"
    if not stat.S_ISDIR(mode):
        return f"{shown!r} is a file, not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"folder {shown!r} is read-only (permission denied)"
    return None
