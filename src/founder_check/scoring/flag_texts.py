"""A red flag's texts in one language: the fields of a scorecard's `RedFlagHit` that do not
depend on the answers, and a red flag's entry in a cohort's texts.json.

One declaration serves both: the engine builds a scorecard's flags from it (typed, so a
misspelt key fails mypy; the engine needs only the type and imports it for type checking)
and texts.json's JSON Schema is derived from it. Pydantic reads a `TypedDict` only from
typing_extensions before Python 3.12. Its name is the one texts.json's schema has always
given it.
"""

from __future__ import annotations

from typing_extensions import TypedDict

from founder_check.content.models import Severity


class TextsRedFlag(TypedDict):
    severity: Severity
    title: str
    because: str
    explanation: str
    action: str
    cases: list[str]
    chapters: list[str]
