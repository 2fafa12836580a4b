"""Every export format renders a scorecard (the loop catches a format that was forgotten)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from founder_check import Content, load_answers, score
from founder_check.report.formats import ExportFormat, export
from founder_check.scorecard import Scorecard


@pytest.mark.parametrize("fmt", list(ExportFormat))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_format_renders(
    content: Content, example_answers: Path, fmt: ExportFormat, lang: str
) -> None:
    card = score(content, load_answers(example_answers, content), lang=lang)  # type: ignore[arg-type]
    text = export(card, fmt)
    assert text.endswith("\n")
    assert card.gaps[0].question in text
    assert f"{card.overall:.1f}" in text
    if card.red_flags:
        assert card.red_flags[0].title in text


def test_json_round_trips_through_the_model(content: Content, example_answers: Path) -> None:
    card = score(
        content, load_answers(example_answers, content), generated_at="2026-11-24T00:00:00+00:00"
    )
    again = TypeAdapter(Scorecard).validate_python(json.loads(export(card, ExportFormat.json)))
    assert again == card


def test_markdown_escapes_table_cells(content: Content, example_answers: Path) -> None:
    card = score(content, load_answers(example_answers, content))
    markdown = export(card, ExportFormat.markdown)
    table = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert len(table) == len(card.factors) + 1
    assert all(line.count(" | ") == 4 for line in table)
