"""The version of founder-check, in a module that imports nothing.

The build reads it from here (pyproject's `[tool.hatch.version]`), and every module takes it
from here rather than from the package root, so that the root can re-export the API without
a module it re-exports importing the root back.
"""

__version__ = "0.1.0"


def version_text() -> str:
    """What `founder-check --version` prints (the console entry point answers it alone)."""
    return f"founder-check {__version__}"
