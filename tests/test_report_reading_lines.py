"""A report's inline "Read:" lines name chapters by title; where two chapters of a line
share a title (the shipped content has three called "Market promotion"), each is told
apart, in every report format, since all of them read the same view."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from founder_check import Content
from founder_check.report.view import ReportView, build_view
from founder_check.scoring.answers import load_answers
from founder_check.scoring.engine import score
from founder_check.scoring.scorecard import ChapterRef
from tests.cohort_helpers import invoke, read_json

PROMOTION = "Market promotion"


def _reading_lines(view: ReportView) -> list[list[str]]:
    lines = [gap.reading for gap in view.gaps] + [flag.reading for flag in view.flags]
    lines += [titles for _, titles in view.to_find_out]
    if view.next_steps is not None:
        lines += [step.reading for step in view.next_steps.steps]
    return lines


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_read_line_names_one_title_twice(
    content: Content, example_answers: Path, lang: str
) -> None:
    card = score(content, load_answers(example_answers, content), lang=lang)  # type: ignore[arg-type]
    lines = _reading_lines(build_view(card, content))
    assert lines and all(len(set(line)) == len(line) for line in lines), lines
    # the example founder's next steps do meet a repeated title: told apart by section
    promotion = PROMOTION if lang == "en" else "市场推广"
    told_apart = [title for line in lines for title in line if title.startswith(promotion)]
    assert any("§" in title for title in told_apart), told_apart


def _gap_reading(
    content: Content, answers: Path, lang: str, chapters: list[tuple[str, str, str]]
) -> list[str]:
    """The "read" line of the example's first gap when it cites `chapters`, each given as
    (document, section, title)."""
    card = score(content, load_answers(answers, content), lang=lang)  # type: ignore[arg-type]
    refs = [
        ChapterRef(f"{doc} §{section}", doc, section, title) for doc, section, title in chapters
    ]
    gap = dataclasses.replace(card.gaps[0], chapters=[ref.ref for ref in refs])
    card = dataclasses.replace(card, chapters={ref.ref: ref for ref in refs}, gaps=[gap])
    return build_view(card, content).gaps[0].reading


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["Pricing", "Market promotion (§5.2)", "Market promotion (§7.2)"]),
        ("zh", ["Pricing", "Market promotion（§5.2）", "Market promotion（§7.2）"]),
    ],
)
def test_a_repeated_title_gets_its_section(
    content: Content, example_answers: Path, lang: str, expected: list[str]
) -> None:
    chapters = [("004", "4.1", "Pricing"), ("004", "5.2", PROMOTION), ("004", "7.2", PROMOTION)]
    assert _gap_reading(content, example_answers, lang, chapters) == expected


def test_a_title_and_section_both_repeated_get_the_whole_reference(
    content: Content, example_answers: Path
) -> None:
    chapters = [("000", "5.2", PROMOTION), ("004", "5.2", PROMOTION), ("004", "7.2", PROMOTION)]
    assert _gap_reading(content, example_answers, "en", chapters) == [
        "Market promotion (000 §5.2)",
        "Market promotion (004 §5.2)",
        "Market promotion (§7.2)",
    ]


def test_the_cohort_reports_tell_apart_a_gaps_chapters_of_one_title(
    tmp_path: Path, example_answers: Path
) -> None:
    # three founders with the example's answers share its gaps, among them how customers
    # are won, whose chapters include two called "Market promotion"
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("A", "B", "C"):
        text = example_answers.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^founder: .*$", f"founder: Founder {name}", text)
        (inputs / f"{name}.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("cohort", str(inputs), "--out", str(out))
    assert result.exit_code == 0, result.output
    gap = next(g for g in read_json(out / "cohort.json")["shared_gaps"] if _promotions(g) > 1)
    told_apart = ["Market promotion (§7.2)", "Market promotion (§5.2)"]
    # the terminal: table cells wrap, so compare without the frame and the spaces
    terminal = re.sub(r"[\s│]", "", result.stdout)
    assert all(re.sub(r"\s", "", title) in terminal for title in told_apart)
    dashboard = (out / "index.html").read_text(encoding="utf-8")
    assert all(title in dashboard for title in told_apart)
    sheet = openpyxl.load_workbook(out / "cohort.xlsx").worksheets[1]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[1] == gap["text"])
    assert all(title in str(row[6]) for title in told_apart)


def _promotions(gap: dict[str, Any]) -> int:
    return sum(chapter["title"] == PROMOTION for chapter in gap["chapters"])
