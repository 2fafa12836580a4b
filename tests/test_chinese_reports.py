"""A Chinese report is Chinese throughout: every header, value and message is translated, and
its punctuation is full-width.

Rendered with `--lang zh` through the installed command, as a user runs it: the terminal
report and the Markdown of several cases, `explain` of every kind of id, `compare` and
`content weights` (both forms). An English word is allowed only where it comes from
somewhere else than the tool's own words: the content's Chinese texts (names such as
OpenAI, terms such as API), the content's ids (which `explain` shows on purpose), the user's
files (names, free-text answers, file names) and a few fixed technical terms. The
punctuation follows the rule `content check` applies to the content (`content.punctuation`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from founder_check import Content
from founder_check.content.punctuation import ascii_punctuation
from tests.conftest import EXAMPLES, ROOT, run_cli

CASES = [
    EXAMPLES / "seed-founder.yaml",
    EXAMPLES / "idea-founder.json",
    ROOT / "tests" / "cases" / "000-ai-road.yaml",
    ROOT / "tests" / "cases" / "002-company-d.yaml",
]
EXPLAINED = [
    "funding.runway_months",  # a number with bands
    "risk.personal_data",  # yes or no, decides other questions
    "market.positioning_clarity",  # a scale
    "team.roles_covered",  # several choices, one exclusive
    "technical_innovation",
    "runway_critical",
    "seed",
    "fundable",
    "002 §1.14.1",
]
TERMS = {"AI", "GPT", "API", "SaaS", "B2B", "MVP", "CEO", "CTO", "founder-check"}
BOX = "│┃║╭╮╰╯─━┏┓┗┛┳┻╋┣┫┡┩╇┼├┤┬┴└┘┌┐═"
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.'’-]*[A-Za-z0-9]|[A-Za-z]")


def words(text: str) -> set[str]:
    return set(_WORD.findall(text))


def allowed_words(content: Content) -> set[str]:
    """The English that may stand in a Chinese report (see the module's docstring)."""
    allowed = set(TERMS)
    for folder in ("questionnaires", "scoring"):
        for path in (ROOT / folder).rglob("*.yaml"):
            allowed |= words(" ".join(_chinese_texts(yaml.safe_load(path.read_text("utf-8")))))
    for question in content.questions:
        allowed |= {question.id, question.section, *(option.id for option in question.options)}
    allowed |= {factor.id for factor in content.factors}
    allowed |= {flag.id for flag in content.red_flags} | {level.id for level in content.levels}
    allowed |= {stage.id for stage in content.stages} | {"yes", "no", "unknown"}
    allowed |= {content.name, content.version}
    for path in CASES:  # names and free-text answers (not the comments)
        allowed |= words(" ".join(_strings(yaml.safe_load(path.read_text("utf-8")))))
        allowed |= words(path.name)
    return allowed


def _chinese_texts(node: object) -> list[str]:
    if isinstance(node, dict):
        own = [node["zh"]] if isinstance(node.get("zh"), str) else []
        return own + [text for value in node.values() for text in _chinese_texts(value)]
    if isinstance(node, list):
        return [text for value in node for text in _chinese_texts(value)]
    return []


def _strings(node: object) -> list[str]:
    if isinstance(node, dict):
        return [text for value in node.values() for text in _strings(value)]
    if isinstance(node, list):
        return [text for value in node for text in _strings(value)]
    return [node] if isinstance(node, str) else []


def chinese_outputs() -> dict[str, str]:
    outputs = {}
    for path in CASES:
        outputs[f"report {path.name}"] = _run("assess", "--answers", str(path))
        outputs[f"markdown {path.name}"] = _run("assess", "--answers", str(path), "--markdown", "-")
    for item in EXPLAINED:
        outputs[f"explain {item}"] = _run("explain", item)
    outputs["compare"] = _run("compare", str(CASES[2]), str(CASES[0]))
    outputs["weights"] = _run("content", "weights")
    outputs["weights markdown"] = _run("content", "weights", "--markdown")
    return outputs


def _run(*args: str) -> str:
    result = run_cli(*args, "--lang", "zh")
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    return chinese_outputs()


def test_no_english_of_the_tool_in_chinese_reports(
    content: Content, outputs: dict[str, str]
) -> None:
    allowed = allowed_words(content)
    for name, text in outputs.items():
        shown = re.sub(r"</?sub>", "", text)  # Markdown's own tags are not words
        stray = sorted(word for word in words(shown) if word.strip(".") not in allowed)
        assert not stray, f"{name}: English words in a Chinese report: {stray}"


def test_chinese_reports_use_full_width_punctuation(outputs: dict[str, str]) -> None:
    for name, text in outputs.items():
        found = ascii_punctuation(re.sub(f"[{BOX}]", " ", text))
        assert not found, f"{name}: ASCII punctuation next to Chinese: {found[:5]}"


def test_the_scans_can_fail(content: Content) -> None:
    """An untranslated header and an ASCII colon are found: the tests above can fail."""
    assert "Score" not in allowed_words(content)
    assert words("┃ 要素 ┃ Score ┃") - allowed_words(content) == {"Score"}
    assert ascii_punctuation("│ 阶段: 种子轮 │") and ascii_punctuation("可信度：高 (已回答)")


def test_explain_answers_table_is_chinese(outputs: dict[str, str]) -> None:
    """The answers table of `explain` names its id column and the yes/no answers in Chinese."""
    yesno = outputs["explain risk.personal_data"]
    assert "答卷中填写" in yesno and re.search(r"yes\s*│\s*是", yesno)
    assert re.search(r"no\s*│\s*否", yesno)


def test_compare_shows_a_scale_answer_with_full_width_brackets(
    outputs: dict[str, str],
) -> None:
    flat = re.sub(rf"[\s{BOX}]", "", outputs["compare"])
    assert "3/5（已成文" in flat


@pytest.mark.parametrize("path", [Path("examples/seed-founder.yaml")])
def test_english_reports_keep_their_punctuation(path: Path) -> None:
    """The English report is unchanged by all this: ASCII colons and brackets."""
    shown = run_cli("assess", "--answers", str(ROOT / path)).stdout
    assert "Stage: Seed" in shown and "Confidence: high (50 of 50 questions answered" in shown
