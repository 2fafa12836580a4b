"""Folders only their owner may enter: drafts and the cache hold data nobody else may change.

`mkdir(mode=0o700)` is filtered by the umask and `mkdir(parents=True)` gives parents the
default mode, so each missing folder is created and then set to 0700 explicitly.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_DIR_MODE = 0o700


def make_private_dir(path: Path) -> None:
    """Create `path` and its missing parents, each with mode 0700 whatever the umask.

    Folders that already exist are left as they are (the user's home, a folder they chose).
    """
    missing: list[Path] = []
    folder = path
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            continue  # made by someone else meanwhile: not ours to change
        with contextlib.suppress(OSError):
            os.chmod(folder, PRIVATE_DIR_MODE)


def ensure_private_dir(path: Path) -> bool:
    """Make a folder of this user that others can write (made under umask 000 by an older
    version) private again (0700); whether `path` is now a folder only this user can write."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if not hasattr(os, "geteuid"):  # pragma: no cover - Windows: access is by ACL
        return True
    if info.st_uid != os.geteuid():
        return False
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        try:
            os.chmod(path, PRIVATE_DIR_MODE)
        except OSError:
            return False
    return True
