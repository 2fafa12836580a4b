"""Chinese wraps between characters and follows the line-start and line-end rules of Chinese
typography, at any terminal width, with nothing lost: the Chinese report of the example
and of a weak case (six red flags) at 40, 60, 80 and 100 columns."""

from __future__ import annotations

import io
import os
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from founder_check import Content
from founder_check.base.cjk_wrap import WrapConsole, WrapText, divide_line, may_break
from founder_check.report.terminal import render
from founder_check.report.view import build_view
from founder_check.scoring.answers import load_answers
from founder_check.scoring.engine import score
from tests.conftest import script_path

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "example": ROOT / "examples" / "seed-founder.yaml",
    "weak": ROOT / "tests" / "cases" / "002-company-d.yaml",  # six red flags
}
WIDTHS = (40, 60, 80, 100)
# The test's own lists, from GB/T 15834: marks that never start a line, and never end one.
CLOSING = set("，。、；：！？）」』】》〉”’…")
OPENING = set("（「『【《〈“‘")
BOX = "│┃║╭╮╰╯─━┏┓┗┛┳┻╋┣┫┡┩╇┼├┤┬┴└┘┌┐═╞╡╪"
BARS = re.compile(r"[█░]|·{5,}")  # the score bars, which narrow terminals leave out


def _report(content: Content, case: str, width: int) -> str:
    card = score(content, load_answers(CASES[case], content), lang="zh")
    buffer = io.StringIO()
    console = WrapConsole(file=buffer, width=width, color_system=None, legacy_windows=False)
    render(build_view(card, content), console)
    return buffer.getvalue()


def _pieces(line: str) -> list[str]:
    """The text between the box-drawing characters of a line: each cell or panel line."""
    return [piece.strip() for piece in re.split(f"[{BOX}]", line) if piece.strip()]


def _panels(report: str) -> list[str]:
    """The text of each panel (╭ ... ╰) with every space and line break taken out."""
    panels, current = [], None
    for line in report.splitlines():
        if line.startswith("╭"):
            current = [line]
        elif current is not None:
            current.append(line)
            if line.startswith("╰"):
                panels.append(re.sub(rf"[\s{BOX}]", "", "".join(current)))
                current = None
    return panels


def _characters(report: str) -> Counter[str]:
    return Counter(re.sub(rf"[\s{BOX}]", "", BARS.sub("", report)))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_chinese_lines_fit_and_keep_the_punctuation_rules(
    content: Content, case: str, width: int
) -> None:
    report = _report(content, case, width)
    for line in report.splitlines():
        assert cell_len(line) <= width, line
        for piece in _pieces(line):
            assert piece[0] not in CLOSING, f"starts with a closing mark: {line!r}"
            assert piece[-1] not in OPENING, f"ends with an opening mark: {line!r}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_nothing_is_lost_or_cut(content: Content, case: str, width: int) -> None:
    """Each panel reads, spaces and line breaks aside, exactly as when nothing wraps; and the
    whole report (tables too) holds the same characters: no ellipsis, no cut line."""
    report, unwrapped = _report(content, case, width), _report(content, case, 2000)
    assert "…" not in BARS.sub("", report).replace("……", "")
    assert _panels(report) == _panels(unwrapped)
    assert _characters(report) == _characters(unwrapped)


def test_chinese_breaks_between_characters_where_rich_alone_cannot(content: Content) -> None:
    """The old behaviour, as a check that the test above can fail: rich's own wrapping
    pushes a Chinese sentence whole onto the next line and cuts table cells short."""
    card = score(content, load_answers(CASES["example"], content), lang="zh")
    buffer = io.StringIO()
    plain = Console(file=buffer, width=60, color_system=None, legacy_windows=False)
    render(build_view(card, content), plain)
    assert "…" in buffer.getvalue()  # rich cut factor names with an ellipsis
    wrapped = _report(content, "example", 60)
    assert "…" not in BARS.sub("", wrapped)


@pytest.mark.parametrize(
    ("before", "after", "allowed"),
    [
        ("模", "型", True),  # between two ideographs
        ("型", "，", False),  # never before a comma
        ("（", "孵", False),  # never after an opening bracket
        ("了", "“", True),  # before an opening quote
        ("“", "可", False),  # not after it
        ("化", "”", False),  # not before a closing quote
        ("—", "—", False),  # —— stays whole
        ("…", "…", False),  # …… too
        ("I", "大", True),  # Latin next to Chinese
        ("A", "B", False),  # Latin keeps rich's whitespace-only breaks
    ],
)
def test_break_opportunities(before: str, after: str, allowed: bool) -> None:
    assert may_break(before, after) is allowed


def test_divide_line_keeps_marks_with_their_characters() -> None:
    text = "建立数据集台账：记录来源、许可（包括商用和训练）。然后请律师审阅。"
    for width in range(6, 40):  # narrower than "练）。", a line can only be chopped
        offsets = divide_line(text, width)
        lines = [text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)], strict=True)]
        assert "".join(lines) == text
        assert all(cell_len(line.rstrip()) <= width for line in lines), (width, lines)
        assert all(line[0] not in CLOSING for line in lines[1:]), lines
        assert all(line.rstrip()[-1] not in OPENING for line in lines), lines


def test_english_wraps_as_rich_does() -> None:
    """Latin text keeps rich's breaks exactly, so English reports do not change."""
    ascii_only = "A gross margin of about 30% or more measured on real usage after compute costs"
    with_arrow = "  From: Some data of our own → Exclusive data · a loop that improves the model "
    for text in (ascii_only, with_arrow):
        for width in (10, 17, 30, 41):
            assert divide_line(text, width) == _rich_divide(text, width), (text, width)


def _rich_divide(text: str, width: int) -> list[int]:
    from rich._wrap import divide_line as rich_divide_line

    return rich_divide_line(text, width)


def test_table_cells_measure_by_their_smallest_piece() -> None:
    """A Chinese cell can shrink to a couple of characters instead of being cut."""
    console = WrapConsole(file=io.StringIO(), width=40)
    measured = WrapText("成功要素与目标差距").__rich_measure__(console, console.options)
    assert (measured.minimum, measured.maximum) == (2, 18)
    table = Table("要素", "说明")
    table.add_row("合规与伦理", Text("处理个人信息前做隐私影响评估，并保留记录。"))
    console.print(table)
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "…" not in shown and "保留记录" in re.sub(rf"[\s{BOX}]", "", shown)


@pytest.mark.parametrize(
    "args",
    [
        ("compare", str(CASES["weak"]), str(CASES["example"])),
        ("explain", "technical_innovation"),
        ("explain", "runway_critical"),
        ("cohort", str(CASES["weak"]), str(CASES["example"])),
        ("assess", "--answers", str(CASES["weak"])),
    ],
    ids=["compare", "explain-factor", "explain-flag", "cohort", "assess"],
)
def test_every_chinese_terminal_output_wraps_the_same_way(args: tuple[str, ...]) -> None:
    """What the commands print through the CLI's console, at 60 columns."""
    env = dict(os.environ, COLUMNS="60", NO_COLOR="1", TERM="dumb")
    shown = subprocess.run(
        [script_path(), *args, "--lang", "zh"], capture_output=True, text=True, env=env, timeout=60
    ).stdout
    assert shown and "…" not in BARS.sub("", shown).replace("……", "")
    for line in shown.splitlines():
        assert cell_len(line) <= 60, line
        for piece in _pieces(line):
            assert piece[0] not in CLOSING and piece[-1] not in OPENING, line
