"""The compiled scoring plan gives the previous release's results: every case fixture and
1,000 random profiles (tests/scoring_reference.py) score the same, to the last rounded digit.

The random profiles also include answers left out and "not sure" answers, so every path of
the rules (applicability, coverage, unknowns, flag points and caps, gates) is compared.
"""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

from founder_check import Content
from tests.scoring_reference import REFERENCE, digest, scored, summary


def _reference() -> list[dict[str, Any]]:
    with gzip.open(REFERENCE, "rb") as handle:
        entries: list[dict[str, Any]] = json.loads(handle.read().decode("utf-8"))
    return entries


ENTRIES = _reference()


def test_the_reference_holds_the_cases_and_a_thousand_profiles() -> None:
    assert sum("expected" in entry for entry in ENTRIES) >= 31
    assert len(ENTRIES) >= 1031
    levels = {entry["summary"][1] for entry in ENTRIES}
    assert len(levels) >= 3, "the profiles should reach several levels"
    assert any(entry["summary"][2] for entry in ENTRIES), "some profiles should raise flags"


@pytest.mark.parametrize(
    "entry", [e for e in ENTRIES if "expected" in e], ids=lambda e: str(e["answers"].get("founder"))
)
def test_cases_score_as_in_the_reference(content: Content, entry: dict[str, Any]) -> None:
    assert scored(content, entry["answers"]) == entry["expected"]


def test_random_profiles_score_as_in_the_reference(content: Content) -> None:
    differ = []
    for entry in ENTRIES:
        if "expected" in entry:
            continue
        fields = scored(content, entry["answers"])
        if digest(fields) != entry["digest"]:
            differ.append((entry["answers"].get("founder"), entry["summary"], summary(fields)))
    assert not differ, f"{len(differ)} profiles differ, e.g. {differ[:3]}"
