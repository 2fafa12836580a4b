"""A per-user cache of validated content, so that every run does not re-read ~300 KB of YAML.

An entry is data, never code: JSON of the content that a full load validated and
cross-checked, rebuilt by `content.plain`, which checks every field's type against the models
and runs each model's own checks again. Its name is a SHA-256 of every content file's bytes,
the tool version and the code of the `content` package, so any edit or upgrade misses it; its
first line records that hash and a SHA-256 of the data. An entry that is damaged, made for
other content, changed since it was written, a link or special file, not the user's own or
writable by others is ignored, the content is loaded in full and the entry rewritten. Folders
are 0700 and entries 0600 whatever the umask, replaced atomically. The cache holds only
content (no answers). FOUNDER_CHECK_NO_CACHE=1 bypasses it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import time
from pathlib import Path
from typing import Any

from founder_check._version import __version__
from founder_check.content.models import Content

CACHE_FORMAT = "founder-check-content-cache"
CACHE_VERSION = 2
# far above any real content file or entry (the reader takes files of 4 MB at most): a
# bigger file is neither hashed nor read, it is left to the full load to refuse
MAX_FILE_BYTES = 64 * 1024 * 1024
STALE_AFTER_SECONDS = 30 * 24 * 3600  # entries of old content versions are pruned after this
TEMPORARY_PREFIX = ".content-"
_CODE_DIR = Path(__file__).resolve().parent
_CONTENT_FOLDERS = ("questionnaires", "scoring")


def cache_dir() -> Path:
    """The user's cache folder (XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "founder-check"


def content_key(root: Path) -> str | None:
    """The hash an entry is filed under; None if some content file cannot be read as one."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{CACHE_VERSION}|{__version__}".encode())
    try:
        # the code that validates and rebuilds content: a changed model or check (same
        # version number, e.g. a git checkout) must not reuse an entry made by other code
        for path in sorted(_CODE_DIR.glob("*.py")):
            _add_file(digest, path.name, path)
        for folder in _CONTENT_FOLDERS:
            for path in sorted((root / folder).rglob("*.y*ml")):
                _add_file(digest, path.relative_to(root).as_posix(), path)
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


def _add_file(digest: Any, name: str, path: Path) -> None:
    data = _read_regular(path)
    if data is None:
        raise ValueError(f"{path}: not a regular file of at most {MAX_FILE_BYTES} bytes")
    encoded = name.encode("utf-8", "surrogateescape")
    digest.update(b"%d:%s%d:" % (len(encoded), encoded, len(data)))
    digest.update(data)


def load_content_cached(root: Path, key: str | None = None) -> Content:
    """Load content through the cache; any cache trouble falls back to a full load. `key` is
    the folder's `content_key` when the caller has just worked it out (the files are hashed
    once)."""
    if os.environ.get("FOUNDER_CHECK_NO_CACHE"):
        return _full_load(root)[0]
    key = key or content_key(root)
    folder = cache_dir()
    if key is None:
        return _full_load(root)[0]
    path = folder / f"content-{key}.json"
    from founder_check.base.private_dirs import ensure_private_dir

    usable = folder.exists() and ensure_private_dir(folder)
    if usable:
        content = read_entry(path, key, root)
        if content is not None:
            return content
    content, data = _full_load(root)
    if content_key(root) == key and (usable or not folder.exists()):
        # the files did not change while they were loaded: the entry describes them
        with contextlib.suppress(OSError, ValueError):
            write_entry(folder, path, key, data)
    return content


def read_entry(path: Path, key: str, root: Path) -> Content | None:
    """The content an entry holds, or None if it is missing, damaged, foreign or not trusted."""
    raw = _read_regular(path, trusted_only=True)
    if raw is None:
        return None
    try:
        header_line, _, payload = raw.partition(b"\n")
        header = json.loads(header_line)
        if not (
            isinstance(header, dict)
            and header.get("format") == CACHE_FORMAT
            and header.get("version") == CACHE_VERSION
            and header.get("key") == key
            and header.get("sha256") == hashlib.sha256(payload).hexdigest()
        ):
            return None
        import orjson  # twice as fast as json here, worth its import

        return _rebuild(orjson.loads(payload), root)
    except Exception:  # any fault in an entry means "not usable": load the content in full
        return None


def write_entry(folder: Path, path: Path, key: str, data: dict[str, Any]) -> None:
    """Write an entry atomically (mode 0600) in a 0700 folder; prune entries no longer used."""
    from founder_check.base.private_dirs import ensure_private_dir, make_private_dir

    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    encoded = payload.encode("utf-8")
    header = {
        "format": CACHE_FORMAT,
        "version": CACHE_VERSION,
        "key": key,
        "sha256": hashlib.sha256(encoded).hexdigest(),
    }
    make_private_dir(folder)
    if not ensure_private_dir(folder):
        return
    _replace_file(path, json.dumps(header).encode("ascii") + b"\n" + encoded)
    _prune(folder, keep=path)


def _replace_file(path: Path, data: bytes) -> None:
    """Put a new file in place of `path` by rename: whatever was there (a link, a FIFO
    planted in the folder) is replaced, never written through."""
    import tempfile

    fd, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _prune(folder: Path, keep: Path) -> None:
    """Delete pickled entries of older versions (never read again), entries not written for
    a month and temporaries a crash left behind (an hour old: no write takes that long)."""
    now = time.time()
    for old in folder.glob("content-*.pickle"):
        with contextlib.suppress(OSError):
            old.unlink()
    for pattern, age in (
        ("content-*.json", STALE_AFTER_SECONDS),
        (f"{TEMPORARY_PREFIX}*.tmp", 3600),
    ):
        for entry in folder.glob(pattern):
            with contextlib.suppress(OSError):
                if entry != keep and now - entry.lstat().st_mtime > age:
                    entry.unlink()


def _read_regular(path: Path, *, trusted_only: bool = False) -> bytes | None:
    """The bytes of a regular file, or None; `trusted_only` also requires the file to be this
    user's, not writable by others and not a symbolic link. A FIFO is opened without waiting
    (O_NONBLOCK), so one named like a content file or an entry never hangs the run."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    if trusted_only:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        if trusted_only:
            return None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        if trusted_only and not _trusted(info):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # it may have grown since fstat
        return data if len(data) <= MAX_FILE_BYTES else None
    finally:
        os.close(fd)


def _trusted(info: os.stat_result) -> bool:
    if not hasattr(os, "geteuid"):  # pragma: no cover - Windows: access is by ACL
        return True
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _full_load(root: Path) -> tuple[Content, dict[str, Any]]:
    """Read and check every file; the content and its plain data (without the folder)."""
    from founder_check.content.loader import load_content
    from founder_check.content.plain import to_plain

    content = load_content(root)
    data = to_plain(content)
    del data["root"]  # set from the folder it is loaded from, wherever that is now
    return content, data


def _rebuild(data: Any, root: Path) -> Content:
    from founder_check.content.plain import PlainDataError, from_plain

    if type(data) is not dict or "root" in data:
        raise PlainDataError("not the data of a content folder")
    content: Content = from_plain(Content, {**data, "root": str(root)})
    return content
