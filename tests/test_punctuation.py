"""Chinese texts use full-width punctuation: the content's (checked by `content check`) and the
tool's own words in the code (scanned here with the same rule), and a Chinese text folded
over several YAML lines joins without spaces."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from founder_check import Content
from founder_check.content.punctuation import ascii_punctuation, join_lines
from tests.catalogs import po_path, read
from tests.conftest import ROOT, copy_content, edit_file, run_cli

SOURCE = ROOT / "src" / "founder_check"
_CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


@pytest.mark.parametrize(
    "text",
    [
        "阶段: 种子轮",  # an ASCII colon after Chinese
        "可信度：高 (已回答)",  # ASCII brackets around Chinese
        "在 3 天内完成,然后复查",  # a comma between Chinese characters
        "使用 AI, 然后扩展",  # after a Latin word, before Chinese
        '或者"先免费、以后再变现"',  # ASCII quotes around Chinese
        "真的吗?",  # a question mark ending a Chinese sentence
        "规模... 很大",  # three dots for an ellipsis
    ],
)
def test_ascii_punctuation_next_to_chinese_is_found(text: str) -> None:
    assert ascii_punctuation(text), text


@pytest.mark.parametrize(
    "text",
    [
        "毛利率约 1.5 倍",  # a decimal point
        "基于 GPT-4 和 A/B 测试",  # Latin words with their own marks
        "写在表单导出.csv 中（.yaml、.json）",  # file suffixes
        "映射文件的编码（encoding:）",  # a key's colon before a closing bracket
        "不确定请输入“?”",  # a mark quoted alone
        "可在答卷中设置 `stage:` 或使用 --stage",  # a code span
        "见 https://example.org/a:b 的说明。",  # a URL
        "1. 在训练和改进模型方面\n2. 以下哪项",  # list numbers starting lines
        "002 §1.14.2）：合规没做到位",  # a chapter reference
    ],
)
def test_ascii_punctuation_in_names_numbers_and_code_is_allowed(text: str) -> None:
    assert not ascii_punctuation(text), text


def test_the_snippet_shows_where() -> None:
    [(mark, snippet)] = ascii_punctuation("我们的产品已经上线,客户反馈良好")
    assert mark == "," and "上线,客户" in snippet


def test_content_check_names_file_line_field_and_snippet(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    path = folder / "questionnaires" / "funding.yaml"
    edit_file(path, "只有大致想法（“主要用于研发和招人”）", '只有大致想法("主要用于研发和招人")')
    result = run_cli("content", "check", str(folder))
    assert result.returncode == 1
    line = next(
        number
        for number, text in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if "只有大致想法(" in text
    )
    assert f"funding.yaml:{line}: questions." in result.stderr
    assert re.search(r"options\.\d+\.label\.zh: Chinese text with ASCII punctuation", result.stderr)
    assert "'(' in " in result.stderr and "(write （)" in result.stderr
    assert "大致想法(" in result.stderr


def test_folded_chinese_lines_join_without_spaces(content: Content) -> None:
    """`zh: >` blocks join their lines with a space; between Chinese characters it goes."""
    assert join_lines("证明。 在这类领域， 而且\n规模") == "证明。在这类领域，而且规模"
    assert join_lines("数据或 AI 经验，第 3 条") == "数据或 AI 经验，第 3 条"
    texts = [question.help.zh for question in content.questions if question.help]
    texts += [flag.explanation.zh for flag in content.red_flags]
    spaced = [t for t in texts if re.search(r"[\u4e00-\u9fff。，；：）]\s+[\u4e00-\u9fff]", t)]
    assert not spaced, spaced[:3]


def _chinese_literals(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module that hold Chinese: its UI texts. Docstrings and
    regular expressions (patterns, not texts) are left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skipped.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Call) and ast.unparse(node.func).startswith("re."):
            skipped.update(id(argument) for argument in node.args)  # a pattern, not a text
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and _CHINESE.search(node.value)
    ]


def test_the_tools_chinese_words_use_full_width_punctuation() -> None:
    """Every Chinese text of the tool: the translations of its catalog (labels, interview
    words, messages...) and what Chinese is left in the code."""
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        for line, text in _chinese_literals(path):
            found += [
                f"{path.relative_to(ROOT)}:{line}: {m!r} in {s!r}"
                for m, s in ascii_punctuation(text)
            ]
    catalog = read(po_path("zh_CN"), "zh_CN")
    translations = [
        (message.context, text)
        for message in catalog
        if message.id
        for text in (message.string if isinstance(message.string, tuple) else (message.string,))
    ]
    for context, text in translations:
        found += [f"zh_CN catalog, {context}: {m!r} in {s!r}" for m, s in ascii_punctuation(text)]
    assert not found, "\n".join(found)
    assert len(translations) >= 500
