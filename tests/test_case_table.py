"""docs/red-flags.md shows the cases' current results."""

from __future__ import annotations

from pathlib import Path

from tests.case_table import block

DOCS = Path(__file__).parent.parent / "docs" / "red-flags.md"


def test_results_table_in_the_docs_is_current() -> None:
    assert block() in DOCS.read_text(encoding="utf-8"), (
        "docs/red-flags.md: regenerate the results with python -m tests.case_table"
    )
