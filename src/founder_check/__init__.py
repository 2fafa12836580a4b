"""founder-check: self-assessment for founders of AI large-model startups.

The public API (docs/api.md) is what `__all__` names: load the content, score a mapping of
answers, read the scorecard as data. It is re-exported from `api` and the models, imported on
first use so that the command line starts fast; only the version is imported here, from a
module that imports nothing, so no module of the package needs this root.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from founder_check._version import __version__

__all__ = [
    "Content",
    "FounderCheckError",
    "Problem",
    "Scorecard",
    "__version__",
    "load_content",
    "score",
]

if TYPE_CHECKING:
    from founder_check.api import load_content, score
    from founder_check.base.errors import FounderCheckError, Problem
    from founder_check.content.models import Content
    from founder_check.scoring.scorecard import Scorecard

_LAZY = {
    "load_content": "founder_check.api",
    "score": "founder_check.api",
    "Content": "founder_check.content.models",
    "FounderCheckError": "founder_check.base.errors",
    "Problem": "founder_check.base.errors",
    "Scorecard": "founder_check.scoring.scorecard",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'founder_check' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)


def __dir__() -> list[str]:
    """The API's names too, though they are imported on first use (completion in notebooks)."""
    return sorted({*globals(), *__all__})
