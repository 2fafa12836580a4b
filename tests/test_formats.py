"""Every export format renders a scorecard (the loop catches a format that was forgotten)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from founder_check import Content
from founder_check.report.formats import ExportFormat, export
from founder_check.scoring.answers import load_answers
from founder_check.scoring.engine import score
from founder_check.scoring.scorecard import Scorecard


@pytest.mark.parametrize("fmt", list(ExportFormat))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_format_renders(
    content: Content, example_answers: Path, fmt: ExportFormat, lang: str
) -> None:
    card = score(content, load_answers(example_answers, content), lang=lang)  # type: ignore[arg-type]
    text = export(card, fmt, content)
    assert text.endswith("\n")
    if fmt is ExportFormat.json:
        assert card.gaps[0].question in text  # ids are for programs
    else:
        assert card.gaps[0].text in text  # people read the question, never its id
        assert card.gaps[0].question not in text
    assert f"{card.overall:.1f}" in text
    if card.red_flags:
        assert card.red_flags[0].title in text


def test_json_round_trips_through_the_model(content: Content, example_answers: Path) -> None:
    card = score(
        content, load_answers(example_answers, content), generated_at="2026-11-24T00:00:00+00:00"
    )
    again = TypeAdapter(Scorecard).validate_python(
        json.loads(export(card, ExportFormat.json, content))
    )
    assert again == card


def test_markdown_escapes_table_cells(content: Content, example_answers: Path) -> None:
    card = score(content, load_answers(example_answers, content))
    markdown = export(card, ExportFormat.markdown, content)
    table = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert len(table) == len(card.factors) + 1
    assert all(line.count(" | ") == 4 for line in table)


@pytest.mark.parametrize(
    "name",
    [
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "# Heading injection",
        "Evil\n# second line",
        "`code` *bold* _it_ <script>alert(1)</script>",
        "![x](http://example.invalid/x.png)",
    ],
)
def test_markdown_injection_in_names_stays_text(
    content: Content, example_answers: Path, name: str
) -> None:
    """Founder and company names reach the Markdown report as text, rendered by a real
    CommonMark renderer (markdown-it, which rich ships): no tag, no link, no extra heading."""
    from markdown_it import MarkdownIt

    answers = load_answers(example_answers, content)
    card = score(content, answers)
    card.subject.founder = name
    card.subject.company = name
    html = MarkdownIt("commonmark").render(export(card, ExportFormat.markdown, content))
    heading = html.split("</h1>")[0]
    assert "<img" not in html and "<script" not in html
    assert "<a " not in heading and 'href="javascript' not in html
    assert html.count("<h1>") == 1 and "<h2>" not in heading
