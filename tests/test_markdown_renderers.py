"""The Markdown report reads the same in three Markdown renderers: markdown-it (CommonMark, as
GitHub and most editors read it), Python-Markdown (MkDocs, many static sites) and pandoc
(documents; skipped when it is not installed). Each renders the report to HTML; the block
structure (headings, lists and their nesting, list items, tables) must be the same in all
three, and every next step, gap and flag keeps its details inside its own list item: a
"10." item whose details are indented for "1." loses them in CommonMark, and a list that
follows a paragraph without a blank line is no list at all in Python-Markdown."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from founder_check import Content
from founder_check.report.formats import ExportFormat, export
from founder_check.report.markdown import nested
from founder_check.report.view import build_view
from founder_check.scoring.answers import load_answers
from founder_check.scoring.engine import score

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "seed-founder": ROOT / "examples" / "seed-founder.yaml",  # ten next steps
    "ai-road": ROOT / "tests" / "cases" / "000-ai-road.yaml",  # four red flags
    "watson": ROOT / "tests" / "cases" / "000-watson-health.yaml",
}
_BLOCKS = {"h1", "h2", "h3", "h4", "ul", "ol", "li", "table", "tr", "th", "td", "pre"}


@dataclass
class Block:
    """One block element of rendered HTML, with its own text (letters and digits only, so
    that smart quotes, dashes and soft line breaks do not count) and its nested blocks."""

    tag: str
    text: str = ""
    children: list[Block] = field(default_factory=list)

    def shape(self) -> tuple[object, ...]:
        return (self.tag, self.text, tuple(child.shape() for child in self.children))

    def find(self, tag: str) -> list[Block]:
        found = [self] if self.tag == tag else []
        for child in self.children:
            found += child.find(tag)
        return found


class _Blocks(HTMLParser):
    """HTML to a tree of `Block`s; paragraphs and inline tags only add their text."""

    def __init__(self) -> None:
        super().__init__()
        self.root = Block("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            block = Block(tag)
            self.stack[-1].children.append(block)
            self.stack.append(block)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS and any(block.tag == tag for block in self.stack[1:]):
            while self.stack.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.stack[-1].text += "".join(re.findall(r"\w+", data))


def blocks(html: str) -> Block:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return parser.root


def markdown_it(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(text)


def python_markdown(text: str) -> str:
    import markdown

    return markdown.markdown(text, extensions=["tables"])


def pandoc(text: str) -> str:
    done = subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "html"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


RENDERERS = {"markdown-it": markdown_it, "python-markdown": python_markdown, "pandoc": pandoc}


def _report(content: Content, case: str, lang: str) -> str:
    card = score(content, load_answers(CASES[case], content), lang=lang)  # type: ignore[arg-type]
    return export(card, ExportFormat.markdown, content)


def _renderers() -> list[str]:
    return [name for name in RENDERERS if name != "pandoc" or shutil.which("pandoc")]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_renderers_agree_on_the_structure(content: Content, case: str, lang: str) -> None:
    text = _report(content, case, lang)
    pages = {name: RENDERERS[name](text) for name in _renderers()}
    shapes = {name: blocks(page) for name, page in pages.items()}
    reference = shapes["markdown-it"]
    assert reference.find("table") and reference.find("h2") and reference.find("ol")
    for name, tree in shapes.items():
        assert tree.shape() == reference.shape(), f"{name} differs from markdown-it"
    for name, page in pages.items():  # bold next to Chinese punctuation still turns bold
        assert page.count("<strong>") == text.count("**") // 2 and "**" not in page, name


@pytest.mark.parametrize("renderer", ["markdown-it", "python-markdown", "pandoc"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_item_keeps_its_details(content: Content, renderer: str, lang: str) -> None:
    """The ten next steps of the example and its five gaps: each numbered item holds its own
    nested list (from → to, what to do, what to read), the tenth as much as the first."""
    if renderer not in _renderers():
        pytest.skip("pandoc is not installed (apt-get install pandoc)")
    card = score(content, load_answers(CASES["seed-founder"], content), lang=lang)  # type: ignore[arg-type]
    view = build_view(card, content)
    assert view.next_steps is not None and len(view.next_steps.steps) >= 10
    tree = blocks(RENDERERS[renderer](export(card, ExportFormat.markdown, content)))
    ordered = tree.find("ol")
    steps, gaps = ordered[0], ordered[1]
    assert len(steps.children) == len(view.next_steps.steps)
    assert len(gaps.children) == len(view.gaps)
    for item in steps.children + gaps.children:
        assert [child.tag for child in item.children] == ["ul"], item.text
        assert len(item.children[0].children) >= 2
    tenth = "".join(li.text for li in steps.children[9].children[0].find("li"))
    assert "".join(re.findall(r"\w+", view.next_steps.steps[9].action))[:20] in tenth


def test_nested_indent_fits_every_marker() -> None:
    """Nested lines sit at the marker's width and at least four spaces: what CommonMark
    needs for "10. " and Python-Markdown for any marker."""
    assert nested("1. ") == " " * 4
    assert nested("- ") == " " * 4
    assert nested("10. ") == " " * 4
    assert nested("100. ") == " " * 5


def test_every_list_follows_a_blank_line(content: Content) -> None:
    """A list starts after a blank line (or another item, or a heading's blank line)."""
    for lang in ("en", "zh"):
        for case in CASES:
            lines = _report(content, case, lang).splitlines()
            for before, line in itertools.pairwise(lines):
                if re.match(r"\s*(- |\d+\. )", line):
                    assert before == "" or re.match(r"\s*(- |\d+\. )", before), (before, line)
