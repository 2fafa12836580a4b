"""The HTML one-pager: self-contained (no script, nothing fetched), every user text escaped,
every fixed word translated, the parts a founder needs present, golden per language, and
`assess --html` from an answers file, the interview and --update."""

from __future__ import annotations

import dataclasses
import importlib.resources
import os
import re
import stat
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from founder_check import Content
from founder_check.report import html as html_report
from founder_check.report.formats import ExportFormat, export
from founder_check.report.labels import joined
from founder_check.report.view import ReportView, build_view
from founder_check.scoring.answers import load_answers
from founder_check.scoring.engine import score
from founder_check.scoring.scorecard import Scorecard
from tests.conftest import run_cli
from tests.id_scan import ids_in

GOLDEN = Path(__file__).parent / "golden"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
CASES = Path(__file__).parent / "cases"
URL_ATTRIBUTES = {"src", "href", "xlink:href", "srcset", "action", "formaction", "poster", "data"}


class Page(HTMLParser):
    """A page read back: its tags, URL-bearing attributes, visible text and style text."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.urls: list[str] = []
        self.text: list[str] = []
        self.style = ""
        self._in: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.urls += [value or "" for name, value in attrs if name in URL_ATTRIBUTES]
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            while self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "style":
            self.style += data
        elif not self._in or self._in[-1] not in ("title",):
            self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            found
            for name, found in self.tags
            if name == tag and all(found.get(k) == v for k, v in attrs.items())
        ]


def card_of(content: Content, path: Path, lang: str) -> Scorecard:
    return score(content, load_answers(path, content), lang=lang)  # type: ignore[arg-type]


def page_of(content: Content, path: Path, lang: str) -> str:
    return export(card_of(content, path, lang), ExportFormat.html, content)


@pytest.fixture(scope="module")
def long_case(content: Content) -> Path:
    """The weakest case with the most red flags: the longest one-pager of the cases."""
    cases = [path for path in sorted(CASES.glob("*.yaml")) if path.name != "cases.yaml"]
    cards = {path: card_of(content, path, "en") for path in cases}
    return max(
        cases, key=lambda p: (len(cards[p].red_flags), len(cards[p].gaps), -cards[p].overall)
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_is_self_contained(content: Content, long_case: Path, lang: str) -> None:
    """No script, no URL in any src/href, nothing fetched by CSS, and a policy that forbids
    both, so a page that tried would be stopped by the browser."""
    markup = page_of(content, long_case, lang)
    page = Page(markup)
    assert not page.find("script") and "<script" not in markup.lower()
    assert page.urls == [], "nothing is linked or fetched"
    assert not page.find("link") and not page.find("img") and not page.find("iframe")
    assert "url(" not in page.style and "@import" not in page.style
    assert re.findall(r"https?://[^\s\"'<>]+", markup) == ["http://www.w3.org/2000/svg"] * len(
        re.findall("<svg", markup)
    ), "the only URLs are the SVG namespace, which is never fetched"
    policy = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    assert policy and policy[0]["content"] == "default-src 'none'; style-src 'unsafe-inline'"
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_shows_what_a_founder_needs(content: Content, long_case: Path, lang: str) -> None:
    card = card_of(content, long_case, lang)
    view = build_view(card, content)
    page = Page(export(card, ExportFormat.html, content))
    words = page.words
    assert page.find("html", lang="zh-CN" if lang == "zh" else "en")
    assert card.level.name in words and card.level.description in words
    assert f"{card.overall:.1f}" in words and card.stage.name in words and card.date in words
    assert card.subject.company and card.subject.company in words
    assert len(page.find("svg", **{"class": "chart radar", "role": "img"})) == 1
    assert len(page.find("article")) == len(card.red_flags) >= 3
    for flag in card.red_flags:
        assert flag.title in words and flag.because in words and flag.action in words
        assert flag.severity in {a.get("class", "").split()[-1] for a in page.find("article")}
    assert view.next_steps is not None
    for step in view.next_steps.steps:
        assert step.question in words and step.target in words and step.action in words
    for gap in view.gaps:
        assert gap.question in words and joined(gap.reading, lang) in words
    assert not ids_in(words, content), "a founder reads words, never the content's ids"


def test_chinese_page_has_no_english_label(content: Content, example_answers: Path) -> None:
    """Every fixed word of the Chinese page is Chinese: no run of three English words is
    left once the names and the version line are taken out."""
    card = card_of(content, example_answers, "zh")
    view = build_view(card, content)
    words = Page(export(card, ExportFormat.html, content)).words
    for allowed in (view.footer, view.who, view.founder, view.company, "founder-check"):
        words = words.replace(allowed, " ")
    english = re.findall(r"[A-Za-z]{2,}(?:[ \-:/]+[A-Za-z]{2,}){2,}", words)
    assert english == []
    english_page = Page(export(card_of(content, example_answers, "en"), ExportFormat.html, content))
    for label in ("Readiness level", "Red flags", "Your score", "Target at this stage"):
        assert label in english_page.words and label not in words


@pytest.mark.parametrize(
    "name",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "</title><style>body{display:none}</style>",
        "Evil\u202eelif.exe",
        "{{ 7 * 7 }} {% raw %}",
    ],
)
def test_user_text_is_escaped(content: Content, example_answers: Path, name: str) -> None:
    card = card_of(content, example_answers, "en")
    card.subject.founder = name
    card.subject.company = name + " Ltd"
    markup = export(card, ExportFormat.html, content)
    page = Page(markup)
    assert not page.find("script") and not page.find("img")
    assert len(page.find("style")) == 1
    assert len(page.find("title")) == 1 + len(page.find("svg", role="img")), "page + chart"
    assert "\u202e" not in markup, "a right-to-left override is shown, never obeyed"
    visible = name.replace("\u202e", "\\u202e")
    assert f"{visible} Ltd" in page.words, "shown as typed: no template code ran"


def test_same_view_gives_the_same_bytes(content: Content, example_answers: Path) -> None:
    view = build_view(card_of(content, example_answers, "en"), content)
    assert html_report.view_html(view) == html_report.view_html(view)


def test_top_level_and_few_factors(content: Content, example_answers: Path) -> None:
    """A founder at the top level has no next steps; content with fewer than three factors
    gets bars instead of a radar, and none without factors."""
    view = build_view(card_of(content, example_answers, "en"), content)
    top: ReportView = dataclasses.replace(view, next_steps=None, level_index=len(view.levels) - 1)
    assert "This is the highest readiness level" in Page(html_report.view_html(top)).words
    # below the top without a plan (none found, or a cohort's scorecard): never "highest"
    unplanned = Page(html_report.view_html(dataclasses.replace(view, next_steps=None))).words
    assert "highest readiness level" not in unplanned and "Next steps" not in unplanned
    cohort = Page(
        html_report.view_html(dataclasses.replace(view, next_steps=None), plan_left_out=True)
    )
    next_level = view.levels[view.level_index + 1]
    assert f"Next steps to {next_level}" in cohort.words
    assert "A cohort report leaves out the answer changes" in cohort.words
    two = dataclasses.replace(view, factors_in_order=view.factors_in_order[:2])
    page = Page(html_report.view_html(two))
    assert page.find("svg", **{"class": "chart bars", "role": "img"})
    assert not page.find("svg", **{"class": "chart radar", "role": "img"})
    none = dataclasses.replace(view, factors=[], factors_in_order=[])
    assert not Page(html_report.view_html(none)).find("svg")


def test_gaps_already_in_the_plan_point_to_their_step(content: Content, long_case: Path) -> None:
    view = build_view(card_of(content, long_case, "en"), content)
    assert view.next_steps is not None
    planned = [step.question for step in view.next_steps.steps]
    shared = [gap for gap in view.gaps if gap.question in planned]
    assert shared, "the case has gaps that its plan addresses"
    words = Page(html_report.view_html(view)).words
    for gap in shared:
        assert f"see next step {planned.index(gap.question) + 1}" in words


def test_templates_ship_inside_the_package() -> None:
    """Found through importlib, as an installed wheel finds them (not the source tree)."""
    templates = importlib.resources.files("founder_check.report") / "templates"
    for name in ("base.html.j2", "onepager.html.j2"):
        assert (templates / name).is_file(), name


def _structure(markup: str) -> str:
    """The golden form of a page: its style sheet left out (the screenshots show the look)."""
    return re.sub(r"<style>.*?</style>", "<style>/* base.html.j2 */</style>", markup, flags=re.S)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_golden(content: Content, example_answers: Path, lang: str) -> None:
    """The one-pager of the example founder; review the golden file by eye when it changes."""
    page = _structure(page_of(content, example_answers, lang))
    golden = GOLDEN / f"seed-founder.{lang}.html"
    if UPDATE_GOLDEN or not golden.exists():
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")


def test_assess_html_file(tmp_path: Path, example_answers: Path) -> None:
    out = tmp_path / "report.html"
    result = run_cli("assess", "--answers", str(example_answers), "--html", str(out))
    assert result.returncode == 0, result.stderr
    assert "Readiness level" in result.stdout, "the terminal report is printed as well"
    assert f"written: {out}" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Jane Doe" in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_assess_html_to_stdout(example_answers: Path) -> None:
    result = run_cli("assess", "--answers", str(example_answers), "--html", "-", "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in result.stdout
    assert result.stdout.rstrip().endswith("</html>"), "nothing but the page on stdout"


@pytest.mark.parametrize("other", ["--json", "--markdown"])
def test_only_one_export_to_stdout(example_answers: Path, other: str) -> None:
    result = run_cli("assess", "--answers", str(example_answers), "--html", "-", other, "-")
    assert result.returncode == 2
    assert "cannot both write to stdout" in result.stderr and result.stdout == ""


def test_unwritable_html_path_fails_before_any_work(tmp_path: Path, example_answers: Path) -> None:
    missing = tmp_path / "no-such-folder" / "report.html"
    result = run_cli("assess", "--answers", str(example_answers), "--html", str(missing))
    assert result.returncode == 1 and "--html" in result.stderr and str(missing) in result.stderr
    assert result.stdout == "", "refused before scoring: no report printed"


@dataclasses.dataclass
class _Result:
    answers: Any
    saved_to: Path
    unanswered_required: int = 0


@pytest.mark.parametrize("update", [False, True])
def test_interview_and_update_write_the_html(
    tmp_path: Path,
    example_answers: Path,
    content: Content,
    monkeypatch: pytest.MonkeyPatch,
    update: bool,
) -> None:
    """The interview (and --update) reach the same export as --answers: the prompts are
    replaced by the example's answers, everything after them runs as it does for a user."""
    from click.testing import CliRunner

    from founder_check import cli
    from founder_check.interview import session, setup

    answers = load_answers(example_answers, content)
    monkeypatch.setattr(setup, "require_terminal", lambda lang: None)
    monkeypatch.setattr(
        session, "run_interview", lambda *args, **kwargs: _Result(answers, tmp_path / "a.yaml")
    )
    monkeypatch.setenv("COLUMNS", "100")
    out = tmp_path / "report.html"
    args = ["assess", "--html", str(out), "--lang", "en"]
    if update:
        args += ["--update", str(example_answers), "-o", str(tmp_path / "new.yaml")]
    result = CliRunner().invoke(cli.app, args)
    assert result.exit_code == 0, result.output
    page = Page(out.read_text(encoding="utf-8"))
    assert "Jane Doe" in page.words and page.find("svg", **{"class": "chart radar", "role": "img"})


def test_chinese_fixed_words_use_full_width_punctuation(
    content: Content, example_answers: Path
) -> None:
    from founder_check.report.html_words import word

    ascii_by_cjk = re.compile(r"[\u4e00-\u9fff][,.;:()!?]|[,.;:()!?][\u4e00-\u9fff]")
    chinese = [word(entry.key, "zh") for entry in word]
    assert len(chinese) > 10 and [zh for zh in chinese if ascii_by_cjk.search(zh)] == []
    markup = page_of(content, example_answers, "zh")
    for fixed in ("评估日期：", "阶段：", "原因：", "建议行动：", "阅读：", "从：", "天内）"):
        assert fixed in markup, fixed
