"""Atomic file writes: a crash or Ctrl-C never leaves a half-written export or draft."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

PRIVATE_MODE = 0o600


def write_text_atomic(path: Path, text: str, *, mode: int = PRIVATE_MODE) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it into place.

    Files default to 0600: scorecards and answers hold personal data.
    """
    write_bytes_atomic(path, text.encode("utf-8"), mode=mode)


def write_bytes_atomic(path: Path, data: bytes, *, mode: int = PRIVATE_MODE) -> None:
    """Like `write_text_atomic`, for bytes."""
    _write_atomic(path, lambda handle: handle.write(data), mode=mode)


def write_new_file(path: str, data: bytes, *, mode: int = PRIVATE_MODE) -> None:
    """Create `path` (it must not exist) holding `data`, without a flush to disk.

    Not atomic by itself: for files written into a folder that nobody sees until it is
    complete and moved into place by `replace_folder`.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def flush_folder(folder: Path) -> None:
    """Flush the files written into `folder` to disk (before it is moved into place).

    One system-wide `sync` costs far less than an fsync per file when there are thousands;
    it releases the GIL, so other work can go on in the meantime.
    """
    if hasattr(os, "sync"):
        os.sync()
    else:  # pragma: no cover - Windows
        for entry in folder.iterdir():
            with contextlib.suppress(OSError), open(entry, "rb") as handle:
                os.fsync(handle.fileno())


def replace_folder(new: Path, target: Path, trash: Path) -> None:
    """Put `new` (a complete folder, flushed by `flush_folder`) where `target` is.

    An earlier `target` is moved to `trash` (beside it, on the same file system) for the
    caller to delete.
    """
    if target.exists():
        os.replace(target, trash)
    os.replace(new, target)
    with contextlib.suppress(OSError):
        fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_chunks_atomic(path: Path, chunks: Iterable[str], *, mode: int = PRIVATE_MODE) -> None:
    """Like `write_text_atomic`, for text produced piece by piece (a report too big to hold)."""

    def write(handle: BinaryIO) -> None:
        for chunk in chunks:
            handle.write(chunk.encode("utf-8"))

    _write_atomic(path, write, mode=mode)


def _write_atomic(path: Path, write: Callable[[BinaryIO], object], *, mode: int) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
