"""A per-user cache of validated content, so that every run does not re-read ~300 KB of YAML.

The key covers the tool version, the model code and every content file's path, size and
modification time: any edit to the content (or an upgrade) misses the cache and reloads with
full checks. The
cache holds only content (no answers). Set FOUNDER_CHECK_NO_CACHE=1 to bypass it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path

from founder_check import __version__
from founder_check.content import models as models_module
from founder_check.content.models import Content

CACHE_FORMAT = 1


def cache_dir() -> Path:
    """The user's cache folder (XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "founder-check"


def _fingerprint(root: Path) -> str | None:
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|{root.resolve()}".encode())
    try:
        # the classes being unpickled: a changed model (same version, e.g. a git checkout)
        # must not load an object pickled with another layout
        for module_file in (models_module.__file__, __file__):
            stat = os.stat(module_file or "")
            digest.update(f"|{module_file}|{stat.st_size}|{stat.st_mtime_ns}".encode())
        for folder in ("questionnaires", "scoring"):
            for path in sorted((root / folder).rglob("*")):
                if path.suffix in (".yaml", ".yml"):
                    stat = path.stat()
                    digest.update(f"|{path}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    except OSError:
        return None
    return digest.hexdigest()[:32]


def load_content_cached(root: Path) -> Content:
    """Load content through the cache; any cache trouble falls back to a full load."""
    if os.environ.get("FOUNDER_CHECK_NO_CACHE"):
        return _full_load(root)
    key = _fingerprint(root)
    if key is None:
        return _full_load(root)
    path = cache_dir() / f"content-{key}.pickle"
    with contextlib.suppress(Exception):
        cached = pickle.loads(path.read_bytes())
        if isinstance(cached, Content):
            return cached
    content = _full_load(root)
    with contextlib.suppress(OSError, pickle.PicklingError):
        path.parent.mkdir(parents=True, exist_ok=True)
        from founder_check.atomic import write_bytes_atomic

        write_bytes_atomic(path, pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL))
    return content


def _full_load(root: Path) -> Content:
    from founder_check.content.loader import load_content

    return load_content(root)
