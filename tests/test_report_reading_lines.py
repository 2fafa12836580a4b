"""A report's inline "Read:" lines name chapters by title; where two chapters of a line
share a title (the shipped content has three called "Market promotion"), each is told
apart, in every report format, since all of them read the same view."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from founder_check import Content
from founder_check.report.view import ReportView, build_view
from founder_check.scoring.answers import load_answers
from founder_check.scoring.engine import score
from founder_check.scoring.scorecard import ChapterRef, Scorecard


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
    promotion = "Market promotion" if lang == "en" else "市场推广"
    told_apart = [title for line in lines for title in line if title.startswith(promotion)]
    assert any("§" in title for title in told_apart), told_apart


def _card_with_chapters(card: Scorecard, chapters: list[ChapterRef]) -> Scorecard:
    return dataclasses.replace(card, chapters={chapter.ref: chapter for chapter in chapters})


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
    card = score(content, load_answers(example_answers, content), lang=lang)  # type: ignore[arg-type]
    card = _card_with_chapters(
        card,
        [
            ChapterRef("004 §4.1", "004", "4.1", "Pricing"),
            ChapterRef("004 §5.2", "004", "5.2", "Market promotion"),
            ChapterRef("004 §7.2", "004", "7.2", "Market promotion"),
        ],
    )
    gap = dataclasses.replace(card.gaps[0], chapters=["004 §4.1", "004 §5.2", "004 §7.2"])
    card = dataclasses.replace(card, gaps=[gap])
    assert build_view(card, content).gaps[0].reading == expected


def test_a_title_and_section_both_repeated_get_the_whole_reference(
    content: Content, example_answers: Path
) -> None:
    card = score(content, load_answers(example_answers, content), lang="en")
    card = _card_with_chapters(
        card,
        [
            ChapterRef("000 §5.2", "000", "5.2", "Market promotion"),
            ChapterRef("004 §5.2", "004", "5.2", "Market promotion"),
            ChapterRef("004 §7.2", "004", "7.2", "Market promotion"),
        ],
    )
    gap = dataclasses.replace(card.gaps[0], chapters=["000 §5.2", "004 §5.2", "004 §7.2"])
    card = dataclasses.replace(card, gaps=[gap])
    assert build_view(card, content).gaps[0].reading == [
        "Market promotion (000 §5.2)",
        "Market promotion (004 §5.2)",
        "Market promotion (§7.2)",
    ]
