"""Every list item of the terminal outputs wraps under its own text (a hanging indent): in
the report, the cohort report, `compare` and `explain`, in English and Chinese, at 60, 80
and 100 columns. Each item is read back from the rendered lines: its first line, then each
line that starts exactly at its text column; all its words must be there, so a line that
fell back to the left edge (or anywhere else) loses words and fails the test."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from rich.console import RenderableType
from rich.panel import Panel
from rich.text import Text

from founder_check import Content
from founder_check.base.cjk_wrap import WrapConsole, chop, divide_line
from founder_check.cli import app
from founder_check.content.models import UNKNOWN
from founder_check.report.hanging import bullets, numbered
from founder_check.report.labels import label
from founder_check.report.terminal import render
from founder_check.report.view import ReportView, build_view
from founder_check.scoring.answers import Answers, load_answers
from founder_check.scoring.engine import score

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "seed-founder.yaml"
WEAK = ROOT / "tests" / "cases" / "ext-olive-ai.yaml"  # two red flags, skipped questions
SIX_FLAGS = ROOT / "tests" / "cases" / "002-company-d.yaml"
WIDTHS = (60, 80, 100)
LANGS = ("en", "zh")
CLOSING = set("，。、；：！？）」』】》〉”’")  # GB/T 15834: never at the start of a line
OPENING = set("（「『【《〈“‘")  # never at the end of one
BULLET = re.compile(r"\s*• ")
NUMBER = re.compile(r"\s*\d+\. ")
BADGE = re.compile(r" (CRITICAL|MAJOR|MINOR|严重|重要|一般)  ")


@dataclass(frozen=True)
class Item:
    """A list item read back from the rendered lines."""

    marker: str  # what precedes its text on its first line
    column: int  # the cell its text starts at
    lines: list[str]  # its text on each line, first line included

    @property
    def words(self) -> str:
        return _squeeze("".join(self.lines))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read_item(lines: list[str], start: int, text: str, head: int = 8) -> tuple[Item, int]:
    """The item whose text begins with `text` (its first `head` characters), on the first
    line from `start` that holds it; and the index of the line after the item."""
    first = text[:head]
    for index in range(start, len(lines)):
        at = lines[index].find(first)
        if at < 0:
            continue
        column = cell_len(lines[index][:at])
        body = [lines[index][at:]]
        after = index + 1
        while after < len(lines) and _starts_at(lines[after], column):
            body.append(lines[after][column:])
            after += 1
        return Item(lines[index][:at], column, body), after
    raise AssertionError(f"not shown: {text!r}")


def _starts_at(line: str, column: int) -> bool:
    """Whether `line` (spaces are one cell each) has its text starting at `column`."""
    return len(line) > column and line[:column].strip() == "" and not line[column].isspace()


def assert_item(item: Item, parts: list[str], marker: re.Pattern[str] | None = None) -> None:
    """Every part shows, in order, within the item; it keeps Chinese line-break rules."""
    if marker is not None:
        assert marker.fullmatch(item.marker), item
    position = 0
    for part in parts:
        found = item.words.find(_squeeze(part), position)
        assert found >= 0, f"{part!r} is not within the item {item.lines}"
        position = found + len(_squeeze(part))
    for line in item.lines[1:]:
        assert line.strip()[0] not in CLOSING, item.lines
    for line in item.lines:
        assert line.strip()[-1] not in OPENING, item.lines


def panel(report: str, title: str) -> list[str]:
    """The lines inside the panel called `title`, without its borders and padding."""
    lines = report.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("╭") and title in line)
    inside = []
    for line in lines[top + 1 :]:
        if line.startswith("╰"):
            return inside
        inside.append(line[2:-2].rstrip())
    raise AssertionError(f"panel {title!r} is not closed")


def _unsure(content: Content) -> Answers:
    """The example with three answers "not sure": a report with things to find out."""
    answers = load_answers(EXAMPLE, content)
    chosen = [q.id for q in content.questions if q.scored and q.id in answers.values][:3]
    return replace(answers, values={**answers.values, **dict.fromkeys(chosen, UNKNOWN)})


def _report(content: Content, answers: Answers, lang: str, width: int) -> tuple[ReportView, str]:
    view = build_view(score(content, answers, lang=lang), content)
    buffer = io.StringIO()
    render(view, WrapConsole(file=buffer, width=width, color_system=None, legacy_windows=False))
    return view, buffer.getvalue()


CASES = {
    "example": lambda content: load_answers(EXAMPLE, content),
    "weak": lambda content: load_answers(WEAK, content),
    "unsure": _unsure,
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_report_items_wrap_under_their_own_text(
    content: Content, case: str, lang: str, width: int
) -> None:
    view, report = _report(content, CASES[case](content), lang, width)
    items: list[Item] = []

    def check(lines: list[str], start: int, parts: list[str], marker: re.Pattern[str]) -> int:
        item, after = read_item(lines, start, parts[0])
        assert_item(item, parts, marker)
        items.append(item)
        return after

    if view.next_steps is not None:
        lines, at = panel(report, view.next_steps.level), 0
        for need in view.next_steps.needs:
            at = check(lines, at, [need], BULLET)
        for step in view.next_steps.steps:
            parts = [step.question, step.current, step.target, step.action, *step.reading]
            at = check(lines, at, parts, NUMBER)
    lines, at = panel(report, "Red flags" if lang == "en" else "红旗警示"), 0
    for flag in view.flags:
        at = check(lines, at, [flag.title], BADGE)
        for question, answer in flag.answers:
            at = check(lines, at, [question, answer], BULLET)
    lines, at = panel(report, "Biggest gaps" if lang == "en" else "最大差距"), 0
    for gap in view.gaps:
        at = check(lines, at, [gap.question, gap.answer, gap.strong, *gap.reading], NUMBER)
    if view.to_find_out:
        lines, at = panel(report, "To find out" if lang == "en" else "有待确认"), 0
        for question, reading in view.to_find_out:
            at = check(lines, at, [question, *reading], NUMBER)
    lines, at = panel(report, "Chapters to read next" if lang == "en" else "推荐阅读章节"), 0
    for document in view.reading:
        for chapter in document.chapters:
            at = check(lines, at, [chapter.section], re.compile("  "))
            at = check(lines, at, [chapter.lesson, *chapter.why], re.compile("    "))
    coverage = report[report.rindex("╰") :].splitlines()[1:]
    check(coverage, 0, view.coverage, re.compile(r"Coverage: |覆盖情况："))
    assert any(len(item.lines) > 1 for item in items)  # items did wrap: the test means it


def test_the_check_fails_an_item_that_wraps_to_the_left_edge() -> None:
    """The old drawing, one Text per list, as proof that the test above can fail."""
    need = "A gross margin of about 30% or more measured on real usage after compute costs"
    flat, hanging = (_drawn(Panel(body), 60) for body in (Text(f" • {need}"), bullets([need])))
    with pytest.raises(AssertionError, match="is not within the item"):
        assert_item(read_item(panel(flat, "─"), 0, need)[0], [need], BULLET)
    assert_item(read_item(panel(hanging, "─"), 0, need)[0], [need], BULLET)


def _drawn(renderable: RenderableType, width: int) -> str:
    buffer = io.StringIO()
    console = WrapConsole(file=buffer, width=width, color_system=None, legacy_windows=False)
    console.print(renderable)
    return buffer.getvalue()


def test_numbers_are_right_aligned_so_every_text_starts_in_one_column() -> None:
    items = [f"item {n} " + "word " * 12 for n in range(1, 11)]
    lines = _drawn(numbered(items, spaced=False), 40).splitlines()
    assert lines[0].startswith(" 1. item 1 word") and lines[-2].startswith("10. item 10 word")
    assert all(line.startswith("    ") for line in lines if not NUMBER.match(line))


def test_a_wrapped_chinese_item_keeps_its_indent_and_the_line_break_rules() -> None:
    """A bullet of Chinese at every width from 14 to 40: each line starts at the text column
    and no line starts with a closing mark or ends with an opening one."""
    text = "建立数据集台账：记录来源、许可（包括商用和训练）。然后请律师审阅，“尽早”修正。"
    for width in range(14, 41):
        lines = _drawn(bullets([text], indent=2), width).splitlines()
        item, after = read_item(lines, 0, text, head=2)
        assert after == len(lines) and item.column == 4, (width, lines)
        assert_item(item, [text], BULLET)


def test_a_piece_too_wide_for_its_line_is_cut_by_the_chinese_rules() -> None:
    """A run with no break opportunity (a long field name before a full-width colon) is cut
    at the width, but never so that a line starts with the colon or ends with a bracket."""
    piece = "answers.market.segment_focus：“nonsense_option_value”"
    for width in range(4, len(piece)):
        lines = chop(piece, width)
        assert "".join(lines) == piece
        assert all(cell_len(line) <= width for line in lines), (width, lines)
        assert all(line[0] not in CLOSING for line in lines[1:]), (width, lines)
        assert all(line[-1] not in OPENING for line in lines[:-1]), (width, lines)
    assert chop("abcdefgh", 3) == ["abc", "def", "gh"]  # Latin is cut as rich cuts it
    assert divide_line(piece, 28) == [27]  # "s：" goes down together, not "："


def _cli(width: int, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == code, result.output
    return str(result.stdout)


def _column(table: str, index: int) -> list[str]:
    """The text of column `index` of a rich table, line by line, without its padding."""
    rows = [line.split("│") for line in table.splitlines() if line.startswith("│")]
    return [row[index][1:].rstrip() for row in rows if len(row) > index]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_cohort_lists_in_cells_wrap_under_their_own_text(
    tmp_path: Path, lang: str, width: int
) -> None:
    """The red flags of each founder, the chapters of each shared gap and the reasons an
    input was not used: each wraps under its own text inside its cell."""
    bad = tmp_path / "bad.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    text = re.sub(r"segment_focus: \S+", "segment_focus: no_such_option_of_any_kind", text)
    bad.write_text(re.sub(r"runway_months: \S+", "runway_months: -5", text), encoding="utf-8")
    out = tmp_path / "out"
    shown = _cli(
        width,
        "cohort",
        str(EXAMPLE),
        str(WEAK),
        str(SIX_FLAGS),
        str(bad),
        "--out",
        str(out),
        "--lang",
        lang,
        code=1,  # one input is not used
    )
    report = json.loads((out / "cohort.json").read_text(encoding="utf-8"))
    heads = ("Red flags by founder", "Gaps that cost", "Inputs not used")
    if lang == "zh":
        heads = ("各创始人的红旗警示", "全批次失分最多", "未能使用的输入")
    flags = _column(shown[shown.index(heads[0]) :].split("┘")[0], 3)
    for flag in report["red_flags"]:
        item, _ = read_item(flags, 0, flag["title"], head=4)
        assert_item(item, [flag["title"]], BADGE)
    gaps = _column(shown[shown.index(heads[1]) :].split("┘")[0], 6)
    at = 0
    for gap in report["shared_gaps"]:
        for chapter in gap["chapters"]:
            item, at = read_item(gaps, at, chapter["title"], head=4)
            assert_item(item, [chapter["title"]], BULLET)
    reasons = _column(shown[shown.index(heads[2]) :].split("┘")[0], 2)
    problems = report["rejected"][0]["problems"]
    assert len(problems) == 2
    at = 0
    for problem in problems:
        place = label("cohort_line", lang, line=problem["line"])  # the item's first words
        item, at = read_item(reasons, at, place)
        assert_item(item, [place, problem["field"], problem["message"]], BULLET)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_compare_and_explain_lists_wrap_under_their_own_text(
    content: Content, lang: str, width: int
) -> None:
    shown = _cli(width, "compare", str(SIX_FLAGS), str(EXAMPLE), "--lang", lang)
    old = score(content, load_answers(SIX_FLAGS, content), lang=lang)
    new = score(content, load_answers(EXAMPLE, content), lang=lang)
    lines = shown.splitlines()
    cleared = "已解除：" if lang == "zh" else "Cleared: "  # the item's first words
    titles = [hit.title for hit in old.red_flags if hit.id not in {h.id for h in new.red_flags}]
    assert titles
    for title in titles:
        item, _ = read_item(lines, 0, cleared + title, head=len(cleared) + 4)
        assert_item(item, [cleared, title], re.compile(" ✓ "))
    shown = _cli(width, "explain", "runway_critical", "--lang", lang)
    lines = shown.splitlines()
    flag = next(flag for flag in content.red_flags if flag.id == "runway_critical")
    at = 0
    for case in flag.cases:
        item, at = read_item(lines, at, case.get(lang))
        assert_item(item, [case.get(lang)], BULLET)


def test_the_readme_shows_the_report_as_it_is_drawn(content: Content) -> None:
    """README's example report is the top of the example's report in a 92-column terminal."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("╭─ founder-check report ─")
    shown = readme[start : readme.index("│ …\n", start)]
    _, report = _report(content, load_answers(EXAMPLE, content), "en", 92)
    assert shown.count("\n") > 40 and report.startswith(shown)
