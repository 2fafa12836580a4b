"""The one-pager in a real browser (headless Chromium): it loads without a console message,
its chart draws, and its print stylesheet fits the longest report on two A4 pages, in
both languages. Skipped only where Chromium is not installed (`.ci/run` installs it)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from founder_check import Content
from founder_check.report.formats import ExportFormat, export
from founder_check.scoring.answers import load_answers
from founder_check.scoring.engine import score
from founder_check.scoring.scorecard import Scorecard
from tests import browser

pytestmark = pytest.mark.skipif(
    browser.chromium() is None,
    reason="headless Chromium is not installed (Debian: apt-get install chromium "
    "poppler-utils fonts-noto-cjk; .ci/run does it)",
)

CASES = Path(__file__).parent / "cases"
CHART = "svg.chart.radar"
# Hide everything but the chart, keeping the layout: what is left drawn is the chart alone.
CHART_ONLY = (
    f"<style>body * {{ visibility: hidden !important; }} "
    f"{CHART}, {CHART} * {{ visibility: visible !important; }}</style></head>"
)


def _card(content: Content, path: Path, lang: str) -> Scorecard:
    return score(content, load_answers(path, content), lang=lang)  # type: ignore[arg-type]


def _page(tmp_path: Path, name: str, markup: str) -> Path:
    page = tmp_path / f"{name}.html"
    page.write_text(markup, encoding="utf-8")
    return page


@pytest.fixture(scope="module")
def longest(content: Content) -> dict[str, Path]:
    """The weakest case with the most red flags and gaps, and the case with the longest
    plan to its next level: between them, the longest one-pagers of the cases."""
    cases = [path for path in sorted(CASES.glob("*.yaml")) if path.name != "cases.yaml"]
    cards = {path: _card(content, path, "en") for path in cases}
    return {
        "flags": max(
            cases, key=lambda p: (len(cards[p].red_flags), len(cards[p].gaps), -cards[p].overall)
        ),
        "plan": max(cases, key=lambda p: (len(cards[p].plan), -cards[p].overall)),
    }


def _chart_box(png: Path) -> tuple[int, int, int, int] | None:
    """Where anything differs from the page's background colour (top-left pixel)."""
    from PIL import Image, ImageChops

    with Image.open(png) as image:
        rgb = image.convert("RGB")
    background = Image.new("RGB", rgb.size, rgb.getpixel((0, 0)))  # type: ignore[arg-type]
    difference = ImageChops.difference(rgb, background).convert("L").point(lambda v: 255 * (v > 24))
    return difference.getbbox()


def _ink(png: Path, box: tuple[int, int, int, int]) -> int:
    """Pixels in `box` of the founder's scores: the blue outline and marks, or the pale
    blue fill (the grid, the labels and the background are grey: red close to blue)."""
    from PIL import Image

    with Image.open(png) as image:
        data = image.convert("RGB").crop(box).tobytes()
    count = 0
    for i in range(0, len(data), 3):
        red, blue = data[i], data[i + 2]
        if blue - red > 60 or (blue - red > 14 and red > 150):
            count += 1
    return count


def test_console_messages_are_caught(tmp_path: Path) -> None:
    """The check below can fail: a page with a script error and a blocked fetch is caught."""
    bad = _page(
        tmp_path,
        "bad",
        "<!DOCTYPE html><html><head><meta http-equiv='Content-Security-Policy' "
        "content=\"default-src 'none'\"></head><body><img src='x.png'>"
        "<script>throw new Error('broken')</script></body></html>",
    )
    rendered = browser.screenshot(bad, tmp_path / "bad.png", 400, 300)
    assert len(rendered.console) >= 2, rendered.console


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_one_pager_loads_clean_and_draws_its_chart(
    tmp_path: Path, content: Content, example_answers: Path, lang: str
) -> None:
    markup = export(_card(content, example_answers, lang), ExportFormat.html, content)
    assert markup.count("</head>") == 1
    full = browser.screenshot(_page(tmp_path, "page", markup), tmp_path / "page.png")
    assert full.console == [], full.console
    alone = browser.screenshot(
        _page(tmp_path, "chart", markup.replace("</head>", CHART_ONLY)), tmp_path / "chart.png"
    )
    assert alone.console == [], alone.console
    box = _chart_box(alone.output)
    assert box is not None, "the chart drew nothing"
    left, top, right, bottom = box
    assert right - left > 250 and bottom - top > 200, f"the chart's box is too small: {box}"
    assert _ink(alone.output, box) > 5000
    assert _ink(full.output, box) > 5000, "the chart's box in the full page is blank"


def test_a_missing_chart_is_noticed(
    tmp_path: Path, content: Content, example_answers: Path
) -> None:
    """The chart check can fail: the same page with the score shape removed has no ink."""
    markup = export(_card(content, example_answers, "en"), ExportFormat.html, content)
    blank = re.sub(r'<polygon class="score"[^>]*/>', "", markup)
    blank = re.sub(r'(<g class="marks">).*?(</g>)', r"\1\2", blank)
    assert blank != markup
    alone = browser.screenshot(
        _page(tmp_path, "blank", blank.replace("</head>", CHART_ONLY)), tmp_path / "blank.png"
    )
    box = _chart_box(alone.output)
    assert box is not None  # the grid and the labels still draw
    assert _ink(alone.output, box) < 1000  # anti-aliased grey edges only


@pytest.mark.parametrize("which", ["flags", "plan"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_longest_one_pager_prints_on_two_pages(
    tmp_path: Path, content: Content, longest: dict[str, Path], lang: str, which: str
) -> None:
    assert shutil.which("pdfinfo"), "pdfinfo is missing: apt-get install poppler-utils"
    case = longest[which]
    card = _card(content, case, lang)
    assert len(card.red_flags) >= 4 if which == "flags" else len(card.plan) >= 10
    page = _page(tmp_path, case.stem, export(card, ExportFormat.html, content))
    printed = browser.print_pdf(page, tmp_path / f"{case.stem}.pdf")
    assert printed.console == [], printed.console
    pages = browser.pdf_pages(printed.output)
    assert 1 <= pages <= 2, f"{case.name} ({lang}) prints on {pages} pages"


# --- the cohort dashboard ------------------------------------------------------------------

STRIP = "svg.chart.strip"
STRIPS_ONLY = (
    f"<style>body * {{ visibility: hidden !important; }} "
    f"{STRIP}, {STRIP} * {{ visibility: visible !important; }}</style></head>"
)


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory: pytest.TempPathFactory, content: Content) -> Path:
    """index.html of a cohort of eight founders at two stages, one input not used."""
    from tests.cohort_helpers import founder_data, invoke, write_answers

    folder = tmp_path_factory.mktemp("cohort")
    for number in range(8):
        stage = "seed" if number % 3 else "series_a"
        write_answers(folder / "in" / f"f{number}.yaml", founder_data(content, number, stage=stage))
    (folder / "in" / "broken.yaml").write_text("answers: [\n", encoding="utf-8")
    result = invoke("cohort", str(folder / "in"), "--out", str(folder / "out"))
    assert result.exit_code == 1, result.stdout
    return folder / "out" / "index.html"


def test_dashboard_loads_clean_prints_and_draws_its_plots(tmp_path: Path, dashboard: Path) -> None:
    markup = dashboard.read_text(encoding="utf-8")
    full = browser.screenshot(dashboard, tmp_path / "index.png", 1040, 2400)
    assert full.console == [], full.console
    alone = browser.screenshot(
        _page(tmp_path, "strips", markup.replace("</head>", STRIPS_ONLY)), tmp_path / "strips.png"
    )
    assert alone.console == [], alone.console
    box = _chart_box(alone.output)
    assert box is not None, "the factor plots drew nothing"
    left, top, right, bottom = box
    assert right - left > 150 and bottom - top > 250, f"the plots' box is too small: {box}"
    assert _ink(alone.output, box) > 1500
    assert _ink(full.output, box) > 1500, "the plots' box in the full page is blank"
    printed = browser.print_pdf(dashboard, tmp_path / "index.pdf")
    assert printed.console == [], printed.console
    assert 1 <= browser.pdf_pages(printed.output) <= 3


def test_missing_factor_plots_are_noticed(tmp_path: Path, dashboard: Path) -> None:
    """The plot check can fail: without their boxes and dots, the plots have no ink."""
    markup = dashboard.read_text(encoding="utf-8")
    blank = re.sub(r'<rect class="box"[^>]*/>|<circle [^>]*/>', "", markup)
    assert blank != markup
    alone = browser.screenshot(
        _page(tmp_path, "blank", blank.replace("</head>", STRIPS_ONLY)), tmp_path / "blank.png"
    )
    box = _chart_box(alone.output)
    assert box is not None  # the axis, the median and the target still draw
    assert _ink(alone.output, box) < 1500
