"""founder-check: self-assessment for founders of AI large-model startups.

The public API is small and stable: load the content, load (or build) answers, score.
Heavy modules are imported on first use so that the command line starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Answers",
    "Content",
    "FounderCheckError",
    "Scorecard",
    "__version__",
    "load_answers",
    "load_content",
    "parse_answers",
    "score",
]

if TYPE_CHECKING:
    from founder_check.answers import Answers, load_answers, parse_answers
    from founder_check.content.loader import load_content
    from founder_check.content.models import Content
    from founder_check.engine import score
    from founder_check.errors import FounderCheckError
    from founder_check.scorecard import Scorecard

_LAZY = {
    "Answers": "founder_check.answers",
    "load_answers": "founder_check.answers",
    "parse_answers": "founder_check.answers",
    "load_content": "founder_check.content.loader",
    "Content": "founder_check.content.models",
    "score": "founder_check.engine",
    "FounderCheckError": "founder_check.errors",
    "Scorecard": "founder_check.scorecard",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'founder_check' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)
