"""Where the bundled content lives."""

from __future__ import annotations

from pathlib import Path


def default_content_dir() -> Path:
    """The bundled content: inside the installed package, or at the top of a source checkout."""
    package_dir = Path(__file__).resolve().parent.parent
    bundled = package_dir / "_content"
    if (bundled / "questionnaires").is_dir():
        return bundled
    return package_dir.parent.parent
