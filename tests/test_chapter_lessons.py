"""Chapter lessons: what each recommended chapter teaches, for founders who lack the book.

Every chapter a question, factor or red flag cites has a lesson in both languages (`content
check` enforces it), the scorecard's reading list carries it in the report's language, and
`explain CHAPTER` shows it after the summary.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from founder_check import Content, load_content
from founder_check.content.models import Lang
from founder_check.report.explain.lookup import explain
from founder_check.scoring.answers import parse_answers
from founder_check.scoring.engine import score
from tests.answer_factory import answers_data
from tests.conftest import copy_content as _copy_content
from tests.conftest import run_cli

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "interview_content"
CJK = re.compile(r"[\u4e00-\u9fff]")
HALF_WIDTH_IN_ZH = re.compile(r"[,;:()]|\.(?!\d)")  # "F1", "2.0" are fine; "," is not


def _cited(content: Content) -> dict[str, str]:
    """Chapter ref -> one thing that cites it (questions, factors, red flags)."""
    cited: dict[str, str] = {}
    for question in content.questions:
        cited.update({ref: question.id for ref in question.chapters if ref not in cited})
    for factor in content.factors:
        cited.update({ref: factor.id for ref in factor.chapters if ref not in cited})
    for flag in content.red_flags:
        cited.update({ref: flag.id for ref in flag.chapters if ref not in cited})
    return cited


def test_every_cited_chapter_has_a_lesson_in_both_languages(content: Content) -> None:
    cited = _cited(content)
    assert len(cited) >= 80  # the reading list draws on most of the documents
    for ref, by in cited.items():
        chapter = content.chapter_by_ref[ref]
        assert chapter.lesson is not None, f"{ref} (cited by {by}) has no lesson"
        en, zh = chapter.lesson.en, chapter.lesson.zh
        assert not CJK.search(en), f"{ref}: the English lesson holds Chinese"
        assert len(CJK.findall(zh)) > len(zh) / 2, f"{ref}: the Chinese lesson is not Chinese"
        assert not HALF_WIDTH_IN_ZH.search(zh), f"{ref}: half-width punctuation in {zh!r}"
        assert en.endswith((".", "?")) and zh.endswith(("。", "？")), ref
        assert en != chapter.summary.en and zh != chapter.summary.zh, ref


def test_lessons_are_not_copied_between_chapters(content: Content) -> None:
    lessons = [c.lesson.en for c in content.chapters if c.lesson is not None]
    assert len(lessons) == len(set(lessons))


def test_interview_fixture_content_passes_the_lesson_check() -> None:
    fixture = load_content(FIXTURE_CONTENT)
    for ref in _cited(fixture):
        assert fixture.chapter_by_ref[ref].lesson is not None, ref


def test_content_check_requires_a_lesson_on_a_cited_chapter(tmp_path: Path) -> None:
    broken = _copy_content(tmp_path)
    chapters = broken / "scoring" / "chapters" / "002.yaml"
    lines = chapters.read_text(encoding="utf-8").splitlines(keepends=True)
    entry = lines.index('  - section: "1.4"\n')
    lesson = next(i for i in range(entry, entry + 5) if lines[i].lstrip().startswith("lesson:"))
    del lines[lesson]
    chapters.write_text("".join(lines), encoding="utf-8")
    result = run_cli("content", "check", str(broken))
    assert result.returncode == 1
    found = re.search(
        r"002\.yaml:(\d+): chapters\.\d+\.lesson: chapter 002 §1\.4 is cited by "
        r"(question|factor|red flag) '[a-z_.]+', so it needs 'lesson'",
        result.stderr,
    )
    assert found, result.stderr
    assert int(found.group(1)) == entry + 1  # the line of the chapter's entry
    assert result.stderr.count("needs 'lesson'") == 1  # only the one taken away


def test_content_check_accepts_a_chapter_without_a_lesson_nobody_cites(tmp_path: Path) -> None:
    content = _copy_content(tmp_path)
    result = run_cli("content", "check", str(content))
    assert result.returncode == 0, result.stderr
    uncited = [c for c in load_content(content).chapters if c.lesson is None]
    assert uncited  # the check above passed with these in place


def _profiles(content: Content) -> list[dict[str, object]]:
    rng = random.Random(11)
    profiles = [answers_data(content, pick="worst"), answers_data(content, pick="first")]
    for stage in content.stages:
        profiles.append(answers_data(content, stage=stage.id, rng=rng))
    return profiles


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_recommended_chapters_carry_the_lesson_in_the_report_language(
    content: Content, lang: Lang
) -> None:
    seen = 0
    for data in _profiles(content):
        card = score(content, parse_answers(data, content), lang=lang)
        for chapter in card.recommended_chapters:
            lesson = content.chapter_by_ref[chapter.ref].lesson
            assert lesson is not None
            assert chapter.lesson == lesson.get(lang)
            assert chapter.lesson != chapter.summary
            assert bool(CJK.search(chapter.lesson)) == (lang == "zh")
            seen += 1
    assert seen >= 10


def test_the_same_reading_list_in_both_languages_differs_only_in_words(content: Content) -> None:
    answers = parse_answers(answers_data(content, pick="worst"), content)
    english = score(content, answers, lang="en").recommended_chapters
    chinese = score(content, answers, lang="zh").recommended_chapters
    assert [c.ref for c in english] == [c.ref for c in chinese]
    assert all(e.lesson != z.lesson for e, z in zip(english, chinese, strict=True))


def test_explain_returns_the_lesson(content: Content) -> None:
    chapter = content.chapter_by_ref["002 §1.14.1"]
    assert chapter.lesson is not None
    assert explain(content, "002 §1.14.1")["lesson"] == chapter.lesson.en
    assert explain(content, "002 1.14.1", lang="zh")["lesson"] == chapter.lesson.zh
    uncited = next(c for c in content.chapters if c.lesson is None)
    assert explain(content, uncited.ref)["lesson"] is None


def test_explain_prints_the_lesson_after_the_summary(content: Content) -> None:
    chapter = content.chapter_by_ref["004 §4.3"]
    assert chapter.lesson is not None
    result = run_cli("explain", "004 §4.3")
    assert result.returncode == 0, result.stderr
    flat = re.sub(r"[\s│]+", " ", result.stdout)
    summary = flat.index(chapter.summary.en)
    lesson = flat.index(f"What it teaches: {chapter.lesson.en}")
    assert summary < lesson
