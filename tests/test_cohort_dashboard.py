"""The cohort dashboard (`index.html` of `cohort --out`) and the founders' one-pagers it links
to: what the page says matches cohort.json, its links lead to files that exist, founders'
names stay text, both languages read right, its size is bounded for any cohort, and its
structure is golden."""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from founder_check import Content
from founder_check.cohort import dashboard
from founder_check.report import svg
from tests.cohort_helpers import (
    founder_data,
    invoke,
    outputs_without_timestamps,
    read_csv,
    read_json,
    write_answers,
    write_csv,
)
from tests.test_html import UPDATE_GOLDEN

GOLDEN = Path(__file__).parent / "golden"
NOW = "2026-05-04T09:30:00+08:00"
HOSTILE = (
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "</title><script>alert(1)</script>",
    "{{ 7 * 7 }}",
)
# founder, company, stage: a small fixed cohort at two stages, with names no page may obey
FOUNDERS = (
    ("Ada Park", "Lumen AI", "seed"),
    ("张伟", "深算科技", "seed"),
    (HOSTILE[0], "javascript:alert(2)", "series_a"),
    (HOSTILE[1], "Quill Labs", "seed"),
    (HOSTILE[2], HOSTILE[3], "series_a"),
    ("Omar Haddad", "Orbit Health", "seed"),
)


# --- reading a page ----------------------------------------------------------------------

VOID = {"meta", "br", "img", "input", "link", "hr", "col", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text for c in self.children]
        return " ".join(" ".join(parts).split())

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def all(self, tag: str, cls: str | None = None) -> list[Node]:
        """Every element below this one with the tag (and class), in document order."""
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag and (cls is None or cls in child.classes):
                    found.append(child)
                found += child.all(tag, cls)
        return found

    def one(self, tag: str, cls: str | None = None) -> Node:
        found = self.all(tag, cls)
        assert len(found) == 1, f"{len(found)} <{tag} class={cls}>"
        return found[0]


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack[-1].tag not in ("style", "title"):
            self.stack[-1].children.append(data)


def tree(markup: str) -> Node:
    """The page as a tree; every element must be closed where it was opened."""
    parser = _Tree()
    parser.feed(markup)
    parser.close()
    assert parser.stack == [parser.root], "unclosed elements"
    return parser.root


def section(page: Node, heading: str) -> Node:
    """The <section> whose <h2> reads `heading`."""
    found = [s for s in page.all("section") if s.all("h2") and s.all("h2")[0].text == heading]
    assert len(found) == 1, heading
    return found[0]


def structure(markup: str) -> str:
    """The golden form of a page: its style sheet left out (the screenshot shows the look)."""
    return re.sub(r"<style>.*?</style>", "<style>/* base.html.j2 */</style>", markup, flags=re.S)


# --- the fixed cohort ---------------------------------------------------------------------


def _inputs(folder: Path, content: Content) -> list[str]:
    """The fixed cohort's answers files and one that cannot be used, as relative paths."""
    for number, (founder, company, stage) in enumerate(FOUNDERS):
        data = founder_data(content, number, founder=founder, company=company, stage=stage)
        write_answers(folder / "in" / f"f{number}.yaml", data)
    (folder / "in" / "late.yaml").write_text("founder: Late\nanswers: [\n", encoding="utf-8")
    return ["in"]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, content: Content) -> dict[str, Path]:
    """The fixed cohort reported in English and Chinese: lang -> its --out folder."""
    from founder_check import cli

    folder = tmp_path_factory.mktemp("dashboard")
    inputs = _inputs(folder, content)
    found = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        patch.setattr(cli, "now_iso", lambda: NOW)
        for lang in ("en", "zh"):
            result = invoke("cohort", *inputs, "--out", f"out-{lang}", "--lang", lang)
            assert result.exit_code == 1, result.stdout  # late.yaml is rejected
            found[lang] = folder / f"out-{lang}"
    return found


def _page(out: Path) -> tuple[str, Node]:
    markup = (out / "index.html").read_text(encoding="utf-8")
    return markup, tree(markup)


def _target(out: Path, href: str) -> Path:
    """The file a link of the page leads to: relative, inside the report folder."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc and not href.startswith("/"), href
    assert re.fullmatch(r"[A-Za-z0-9._/%-]+", href), f"not percent-encoded: {href}"
    path = (out / unquote(parts.path)).resolve()
    assert path.is_relative_to(out.resolve()) and path.is_file(), href
    return path


# --- tests ----------------------------------------------------------------------------------


def test_index_and_one_pagers_are_written_privately(reports: dict[str, Path]) -> None:
    out = reports["en"]
    report = read_json(out / "cohort.json")
    assert stat.S_IMODE((out / "index.html").stat().st_mode) == 0o600
    cards = sorted(p.stem for p in (out / "scorecards").iterdir())
    pages = sorted(p.stem for p in (out / "onepagers").iterdir())
    assert pages == cards and len(pages) == report["counts"]["scored"] == len(FOUNDERS)
    assert stat.S_IMODE((out / "onepagers").stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in (out / "onepagers").iterdir())
    assert not [p for p in out.rglob(".*")], "no part file or work folder left"


def test_league_table_matches_the_report_and_links_each_one_pager(
    reports: dict[str, Path],
) -> None:
    out = reports["en"]
    report = read_json(out / "cohort.json")
    _, page = _page(out)
    rows = page.one("table", "league").one("tbody").all("tr")
    assert len(rows) == len(report["founders"])
    for row, entry in zip(rows, report["founders"], strict=True):
        cells = [cell.text for cell in row.all("td")]
        flags = str(entry["red_flag_count"]) if entry["red_flag_count"] else "—"
        assert cells == [
            str(entry["rank"]),
            entry["founder"],
            entry["company"],
            entry["stage"]["name"],
            entry["level"]["name"],
            f"{entry['overall']:.1f}",
            flags,
        ]
        (link,) = row.all("a")
        target = _target(out, link.attrs["href"])
        assert target.parent.name == "onepagers"
        assert target.stem == Path(entry["scorecard"]).stem, "the founder's own page"
        one_pager = tree(target.read_text(encoding="utf-8"))
        assert entry["founder"] in one_pager.text and entry["company"] in one_pager.text


def test_cohort_one_pager_says_its_plan_is_left_out(reports: dict[str, Path]) -> None:
    """A cohort scores without the plan to the next level: the page says so, and never
    claims the founder has reached the highest level."""
    out = reports["en"]
    report = read_json(out / "cohort.json")
    entry = next(e for e in report["founders"] if e["level"]["id"] != "scaling")
    page = tree(_target(out, "onepagers/" + Path(entry["scorecard"]).stem + ".html").read_text())
    assert "A cohort report leaves out the answer changes" in page.text
    assert "highest readiness level" not in page.text
    assert page.one("svg", "radar").attrs["role"] == "img"


def test_cohort_one_pagers_are_the_pages_of_each_founders_own_scorecard(
    reports: dict[str, Path], content: Content
) -> None:
    """The one-pager a worker renders around the outcome it scored for the compact
    scorecard is byte for byte the page of the founder's own full scorecard."""
    from founder_check.cohort.onepagers import page_href, render_page
    from founder_check.scoring.answers import load_answers
    from founder_check.scoring.engine import score

    for lang, out in reports.items():
        report = read_json(out / "cohort.json")
        for entry in report["founders"]:
            answers = load_answers(out.parent / entry["source"], content)
            card = score(content, answers, lang=lang, generated_at=NOW, next_steps=False)
            page = _target(out, page_href(Path(entry["scorecard"]).name))
            assert page.read_bytes() == render_page(card, content), entry["source"]


def test_factor_plots_mark_the_target_and_the_spread(
    reports: dict[str, Path], content: Content
) -> None:
    out = reports["en"]
    report = read_json(out / "cohort.json")
    _, page = _page(out)
    rows = page.one("table", "spread").one("tbody").all("tr")
    assert len(rows) == len(report["factors"]) == len(content.factors)
    width = 300  # the plot's 0-100 line runs from x 4 to x 296
    for row, factor in zip(rows, report["factors"], strict=True):
        name, plot, median, target, below = row.all("td")
        assert name.text == factor["name"]
        strip = plot.one("svg", "strip")
        dots = [c for c in strip.all("circle") if "class" not in c.attrs]
        assert len(dots) == factor["founders"]
        line = strip.one("line", "target")
        assert float(line.attrs["x1"]) == pytest.approx(
            4 + (width - 8) * factor["target"] / 100, abs=0.06
        )
        box = strip.one("rect", "box")
        assert float(box.attrs["x"]) == pytest.approx(4 + (width - 8) * factor["q1"] / 100, abs=0.2)
        assert median.text == f"{factor['median']:.1f}"
        assert target.text.startswith(f"{factor['target']:.1f}")
        assert below.text.startswith(f"{factor['below_target']} of {factor['founders']}")
        if factor["shortfall"] is not None:
            assert f"short by {factor['shortfall']:.1f} on average" in below.text
    # two stages: the caption says which target the line is, and each stage's own is given
    caption = section(page, "Success factors across the cohort").text
    assert "different stages" in caption and "mean of those targets" in caption
    assert "Seed" in rows[0].all("td")[3].text and "Series A" in rows[0].all("td")[3].text


def test_shared_gaps_say_how_far_the_cohort_falls_short(reports: dict[str, Path]) -> None:
    out = reports["en"]
    report = read_json(out / "cohort.json")
    _, page = _page(out)
    items = section(page, "Gaps that cost the cohort most (workshop topics)").all("li", "item")
    assert report["shared_gaps"] and len(items) == len(report["shared_gaps"])
    size = report["counts"]["scored"]
    for item, gap in zip(items, report["shared_gaps"], strict=True):
        assert item.one("h3").text == gap["text"]
        points = "point" if gap["cohort_points"] == 1 else "points"
        assert item.one("span", "gain").text == (
            f"+{gap['cohort_points']:g} {points} on the cohort's average"
        )
        each = "point" if gap["points_each"] == 1 else "points"
        assert f"{gap['founders']} of {size} founder" in item.text
        assert f"would add {gap['points_each']:g} {each} to" in item.text
        assert "%" not in item.one("p", "cost").text, "points, not a share"
        for chapter in gap["chapters"]:
            assert chapter["title"] in item.one("p", "read").text


def test_red_flags_rejected_inputs_and_files(reports: dict[str, Path]) -> None:
    out = reports["en"]
    report = read_json(out / "cohort.json")
    _, page = _page(out)
    size = report["counts"]["scored"]
    rows = page.one("table", "flag-table").one("tbody").all("tr")
    assert report["red_flags"] and len(rows) == len(report["red_flags"])
    for row, flag in zip(rows, report["red_flags"], strict=True):
        assert row.classes == [flag["severity"]]
        assert [td.text for td in row.all("td")][1:] == [
            flag["title"],
            f"{flag['founders']} of {size}",
        ]
    tiles = [tile.one("div", "big").text for tile in page.all("div", "tile")[:4]]
    flagged = sum(1 for f in report["founders"] if f["red_flag_count"])
    assert tiles[0] == str(size) and tiles[1] == str(report["counts"]["rejected"]) == "1"
    assert tiles[3] == f"{flagged} of {size}"
    rejected = section(page, "Inputs not used")
    assert "1 input could not be used" in rejected.text
    (problem,) = read_csv(out / "rejected.csv")
    assert problem["input"] == "in/late.yaml"
    assert f"in/late.yaml : line {problem['line']}: {problem['reason']}" in rejected.text
    links = {a.text: a.attrs["href"] for a in page.all("a") if "onepagers" not in a.attrs["href"]}
    assert set(links) == {"cohort.xlsx", "cohort.csv", "cohort.json", "rejected.csv"}
    for href in links.values():
        _target(out, href)


def test_founders_names_stay_text(reports: dict[str, Path]) -> None:
    """Names that look like markup, a script URL or template code are shown as typed and
    obeyed nowhere: no element, attribute or link comes from them."""
    for lang, out in reports.items():
        markup, page = _page(out)
        assert not page.all("script") and not page.all("img") and "<script" not in markup
        assert not [n for n in _elements(page) for name in n.attrs if name.startswith("on")]
        hrefs = [a.attrs["href"] for a in page.all("a")]
        assert not [h for h in hrefs if ":" in h], "every link is relative"
        for name in HOSTILE:
            assert name in page.text, (lang, name)
        policy = [m for m in page.all("meta") if m.attrs.get("http-equiv")]
        assert policy[0].attrs["content"] == "default-src 'none'; style-src 'unsafe-inline'"


def _elements(node: Node) -> list[Node]:
    found = []
    for child in node.children:
        if isinstance(child, Node):
            found += [child, *_elements(child)]
    return found


def test_chinese_dashboard_is_all_chinese(reports: dict[str, Path], content: Content) -> None:
    """Every fixed word of the Chinese page is Chinese, with full-width punctuation: no run of
    three English words is left once the names, paths and the version line are taken out."""
    _, page = _page(reports["zh"])
    text = page.text
    assert page.one("html").attrs["lang"] == "zh-CN"
    for founder, company, _ in FOUNDERS:
        text = text.replace(founder, " ").replace(company, " ")
    text = re.sub(r"Content：.*$|内容版本：.*$", " ", text)
    text = text.replace("founder-check", " ")
    english = re.findall(r"[A-Za-z]{2,}(?:[ \-:/]+[A-Za-z]{2,}){2,}", text)
    assert english == []
    for fixed in (
        "阶段：",
        "报告语言：中文",
        "完整数据：",
        "位创始人中有",
        "全批次平均分 +",
        "阅读：",
    ):
        assert fixed in page.text, fixed
    english_page = _page(reports["en"])[1].text
    for words in ("Ranking", "Readiness level", "Red flags in the cohort", "Inputs not used"):
        assert words in english_page and words not in page.text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_dashboard_golden(reports: dict[str, Path], lang: str) -> None:
    """The fixed cohort's dashboard; review the golden file by eye when it changes."""
    markup = structure((reports[lang] / "index.html").read_text(encoding="utf-8"))
    golden = GOLDEN / f"cohort-dashboard.{lang}.html"
    if UPDATE_GOLDEN or not golden.exists():
        golden.write_text(markup, encoding="utf-8")
    assert markup == golden.read_text(encoding="utf-8")


# --- size ---------------------------------------------------------------------------------


def test_league_cut() -> None:
    assert dashboard.league_cut(0) == (0, 0)
    assert dashboard.league_cut(500) == (500, 0)
    assert dashboard.league_cut(501) == (200, 50)
    assert dashboard.league_cut(10_000) == (200, 50)


def test_strip_draws_at_most_its_dots_evenly_spread() -> None:
    values = [float(v % 101) for v in range(10_000)]
    root = tree(svg.box_strip(values, target=50, dots=240))
    dots = [float(c.attrs["cx"]) for c in root.all("circle")]
    assert len(dots) == 240 and min(dots) == 4 and max(dots) == 236, "lowest and highest kept"
    assert dots == sorted(dots)
    small = tree(svg.box_strip([10.0, 20.0, 30.0], dots=240))
    assert len(small.all("circle")) == 3


def test_a_large_cohort_makes_a_bounded_page(tmp_path: Path, content: Content) -> None:
    """600 founders: the ranking lists the 200 best and the 50 last with a note between them,
    each plot draws at most 240 founders, and without one-pagers there are no links, but a
    sentence saying how to get them."""
    rows = [founder_data(content, n, founder=f"Founder {n:03d}") for n in range(600)]
    form = write_csv(tmp_path / "form.csv", content, rows)
    out = tmp_path / "out"
    result = invoke("cohort", str(form), "--out", str(out), "--no-onepagers")
    assert result.exit_code == 0, result.stdout
    assert not (out / "onepagers").exists()
    markup, page = _page(out)
    assert len(markup.encode()) < 400_000
    report = read_json(out / "cohort.json")
    body = page.one("table", "league").one("tbody")
    listed = [row for row in body.all("tr") if "cut" not in row.classes]
    assert len(listed) == 250
    founders = [row.all("td")[1].text for row in listed]
    expected = [f["founder"] for f in report["founders"]]
    assert founders == expected[:200] + expected[-50:]
    (cut,) = body.all("tr", "cut")
    assert "350 founders ranked between these are not shown here" in cut.text
    assert _target(out, cut.one("a").attrs["href"]).name == "cohort.xlsx"
    assert "The 200 highest and the 50 lowest of 600 founders." in page.text
    assert not [a for a in body.all("a") if "onepagers" in a.attrs["href"]]
    assert "--no-onepagers" in page.text and "run the cohort again" in page.text
    for strip in page.all("svg", "strip"):
        assert len(strip.all("circle")) == 240
    assert "240 dots spread evenly" in page.text


def test_no_onepagers_removes_an_earlier_runs_pages(tmp_path: Path, content: Content) -> None:
    for number in range(3):
        write_answers(tmp_path / "in" / f"f{number}.yaml", founder_data(content, number))
    out = tmp_path / "out"
    assert invoke("cohort", str(tmp_path / "in"), "--out", str(out)).exit_code == 0
    assert len(list((out / "onepagers").iterdir())) == 3
    result = invoke("cohort", str(tmp_path / "in"), "--out", str(out), "--no-onepagers")
    assert result.exit_code == 0, result.stdout
    assert not (out / "onepagers").exists(), "pages of an earlier run would be out of date"
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_pages_are_the_same_whatever_the_jobs(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One-pagers are rendered by the worker processes; the files do not change with --jobs."""
    from founder_check import cli

    monkeypatch.setattr(cli, "now_iso", lambda: NOW)
    for number in range(7):
        write_answers(tmp_path / "in" / f"f{number}.yaml", founder_data(content, number))
    one, two = tmp_path / "one", tmp_path / "two"
    assert invoke("cohort", str(tmp_path / "in"), "--out", str(one), "-j", "1").exit_code == 0
    assert invoke("cohort", str(tmp_path / "in"), "--out", str(two), "-j", "2").exit_code == 0
    first = outputs_without_timestamps(one)
    assert first == outputs_without_timestamps(two)
    assert sum(1 for name in first if name.startswith("onepagers/")) == 7
    assert "index.html" in first


def test_a_duplicate_founder_leaves_no_page(tmp_path: Path, content: Content) -> None:
    write_answers(tmp_path / "in" / "a.yaml", founder_data(content, 1))
    write_answers(tmp_path / "in" / "b.yaml", founder_data(content, 1))
    out = tmp_path / "out"
    assert invoke("cohort", str(tmp_path / "in"), "--out", str(out)).exit_code == 1
    assert [p.name for p in (out / "onepagers").iterdir()] == ["founder-01-company-01.html"]
    assert not [p for p in out.rglob(".*")]
