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


def write_bytes_atomic(
    path: Path, data: bytes, *, mode: int = PRIVATE_MODE, durable: bool = True
) -> None:
    """`durable=False` skips the flush to disk (the rename is still atomic): for writing many
    files, then `sync_folder` once."""
    _write_atomic(path, lambda handle: handle.write(data), mode=mode, durable=durable)


def sync_folder(folder: Path) -> None:
    """Flush a folder's files and entries (new names after renames) to disk.

    One system-wide `sync` costs far less than an fsync per file when there are thousands.
    """
    if hasattr(os, "sync"):
        os.sync()
    else:  # pragma: no cover - Windows
        for entry in folder.iterdir():
            if entry.is_file():
                with contextlib.suppress(OSError), open(entry, "rb") as handle:
                    os.fsync(handle.fileno())
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
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


def _write_atomic(
    path: Path, write: Callable[[BinaryIO], object], *, mode: int, durable: bool = True
) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
