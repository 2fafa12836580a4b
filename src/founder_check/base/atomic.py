"""Atomic file writes: a crash or Ctrl-C never leaves a half-written export or draft.

A path that is a symbolic link is written where the link points (the link stays); a
character device or FIFO (`/dev/null`, a named pipe) is written into, never replaced by a
regular file, which as root would have replaced the device itself.
"""

from __future__ import annotations

import contextlib
import os
import stat
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
    complete and moved into place (the cohort's work folder, `cohort.outdir`).
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode)
    try:
        write_all(fd, data)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    """Write all of `data` to a file descriptor (`os.write` may write less)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def read_at(fd: int, size: int, offset: int) -> bytes:
    """`size` bytes at `offset`, without moving the descriptor's offset where the system can
    (`pread`): another process that shares the descriptor may be reading it too."""
    if hasattr(os, "pread"):
        return os.pread(fd, size, offset)
    os.lseek(fd, offset, os.SEEK_SET)  # pragma: no cover - Windows: no forked readers
    return os.read(fd, size)  # pragma: no cover


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


def write_chunks_atomic(path: Path, chunks: Iterable[str], *, mode: int = PRIVATE_MODE) -> None:
    """Like `write_text_atomic`, for text produced piece by piece (a report too big to hold)."""

    def write(handle: BinaryIO) -> None:
        for chunk in chunks:
            handle.write(chunk.encode("utf-8"))

    _write_atomic(path, write, mode=mode)


def write_atomic_with(
    path: Path, write: Callable[[BinaryIO], object], *, mode: int = PRIVATE_MODE
) -> None:
    """Like `write_text_atomic`, for a writer that fills a binary file (a workbook)."""
    _write_atomic(path, write, mode=mode)


def _write_atomic(path: Path, write: Callable[[BinaryIO], object], *, mode: int) -> None:
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if _is_stream(path):
        _write_into(path, write)
        return
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=_tmp_prefix(path.name), suffix=".tmp", dir=directory)
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


def _tmp_prefix(name: str) -> str:
    """`.NAME.` for the temporary file; shortened for a name near the 255-byte limit, which
    would fail only because of the temporary's longer name."""
    if len(name.encode("utf-8", "surrogatepass")) > 200:
        name = name[:32]
    return f".{name}."


def _is_stream(path: Path) -> bool:
    """Whether `path` is a character device or FIFO: something to write into, not replace."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_into(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write into a device or FIFO. A FIFO is opened without waiting: with nobody reading
    it, that fails at once (ENXIO) instead of hanging for ever."""
    flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    os.set_blocking(fd, True)
    with os.fdopen(fd, "wb") as handle:
        write(handle)
