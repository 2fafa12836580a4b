"""What a founder reads of the gates and red flags is the content's own sentences.

Every readiness-gate must-have carries a sentence about the company (`text`) beside the
condition that checks it (`when`), every red flag a `because`, and every answer label reads on
its own: `content check` refuses content without them, the scorecard and `explain` carry the
sentences in the scorecard's language, and the texts name no ids.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import jsonschema
import pytest
from rich.console import Console

from founder_check import Content
from founder_check.base.data import to_data
from founder_check.content.export import content_data
from founder_check.content.models import Lang, Text
from founder_check.content.wording import leans_on_another
from founder_check.report.explain.lookup import explain
from founder_check.report.explain.render import render_explain
from founder_check.scoring.conditions import applies
from founder_check.scoring.engine import score
from founder_check.scoring.schemas import scorecard_schema
from tests.conftest import ROOT, run_cli
from tests.conftest import copy_content as _copy_content
from tests.conftest import edit_file as _edit
from tests.rule_helpers import RULE_CASES, scorecard, strong_answers

LANGS: tuple[Lang, ...] = ("en", "zh")
SNAKE_OR_DOTTED = re.compile(r"\b[a-z0-9]+(?:[_.][a-z0-9]+)+\b")
ASCII_PUNCTUATION = re.compile(r"[,;:()?!]")


def _sentences(content: Content) -> list[tuple[str, Text]]:
    found = [
        (f"{level.id} requires {index}", requirement.text)
        for level in content.levels
        for index, requirement in enumerate(level.requires)
    ]
    for flag in content.red_flags:
        assert flag.because is not None, flag.id
        found.append((f"{flag.id} because", flag.because))
    return found


# -- content check ---------------------------------------------------------------------------


def test_content_check_refuses_a_must_have_without_its_sentence(tmp_path: Path) -> None:
    broken = _copy_content(tmp_path)
    levels = broken / "scoring" / "levels.yaml"
    text = levels.read_text(encoding="utf-8")
    first = re.compile(r"      - text:\n          en: .*\n          zh: .*\n        when: ").search(
        text
    )
    assert first is not None
    line = text[: first.start()].count("\n") + 1
    levels.write_text(text[: first.start()] + "      - when: " + text[first.end() :], "utf-8")
    result = run_cli("content", "check", str(broken))
    assert result.returncode == 1
    assert re.search(
        rf"levels\.yaml:{line}: levels\.1\.requires\.0\.text: required field is missing",
        result.stderr,
    ), result.stderr
    assert "Traceback" not in result.stderr


def test_content_check_refuses_a_must_have_in_one_language(tmp_path: Path) -> None:
    broken = _copy_content(tmp_path)
    _edit(
        broken / "scoring" / "levels.yaml",
        "          zh: 至少有三个月的现金\n",
        "          zh: ' '\n",
    )
    result = run_cli("content", "check", str(broken))
    assert result.returncode == 1
    assert re.search(r"levels\.yaml:\d+: .*requires\.4\.text.*non-empty", result.stderr)


def test_content_check_refuses_a_red_flag_without_because(tmp_path: Path) -> None:
    broken = _copy_content(tmp_path)
    red_flags = broken / "scoring" / "red_flags.yaml"
    text = red_flags.read_text(encoding="utf-8")
    start = text.index("  - id: fundraising_stalled\n")
    found = re.compile(r"    because:\n(?: {6,}\S.*\n)+").search(text, start)
    assert found is not None
    red_flags.write_text(text[: found.start()] + text[found.end() :], encoding="utf-8")
    result = run_cli("content", "check", str(broken))
    assert result.returncode == 1
    line = text[:start].count("\n") + 1
    assert re.search(
        rf"red_flags\.yaml:{line}: red_flags\.2\.id: a red flag needs 'because'", result.stderr
    ), result.stderr
    assert result.stderr.count("needs 'because'") == 1


def test_content_check_refuses_labels_that_lean_on_another(tmp_path: Path) -> None:
    broken = _copy_content(tmp_path)
    technology = broken / "questionnaires" / "technology.yaml"
    _edit(
        technology,
        "en: Our own test set must be passed before every release, and live metrics",
        "en: As 4, plus live metrics",
    )
    _edit(technology, "zh: 有基本的可用性监控；手工发布", "zh: 同上，另有可用性监控")
    _edit(
        broken / "questionnaires" / "funding.yaml",
        'label: {en: "6 to 12 months, start raising now"',
        'label: {en: "Same as above, start raising now"',
    )
    result = run_cli("content", "check", str(broken))
    assert result.returncode == 1
    assert re.search(
        r"technology\.yaml:\d+: questions\.\d+\.options\.4\.label: the label 'As 4, plus",
        result.stderr,
    ), result.stderr
    assert re.search(
        r"technology\.yaml:\d+: questions\.\d+\.scale\.labels\.2: the label '同上", result.stderr
    )
    assert re.search(r"funding\.yaml:\d+: questions\.\d+\.bands\.2\.label: ", result.stderr)
    assert result.stderr.count("refers to another answer") == 3


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        ("As 3, plus one-step rollback", "可一步回滚"),
        ("as above, with alerts", "有告警"),
        ("Same as 4", "相同"),
        ("Release gate as above, plus live metrics", "发布门槛"),
        ("Live metrics", "同上的发布门槛"),
        ("Live metrics", "同 4，另有线上指标"),
        ("Live metrics", "在 3 的基础上，还监控质量漂移"),
        ("Live metrics", "在此基础上增加回滚"),
        ("Live metrics", "比上一项多一个渠道"),
    ],
)
def test_labels_that_lean_on_another_are_caught(en: str, zh: str) -> None:
    assert leans_on_another(Text(en=en, zh=zh)) is not None


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        ("One main segment, plus one adjacent segment", "一个主攻市场，外加一个相邻市场"),
        ("Several segments at once", "同时做多个细分市场且没有主次之分"),
        ("Assessed by a lawyer", "在开源模型的基础上微调"),
        ("As good as the giants' offer", "上一轮融资已完成"),
        ("None of these yet", "以上都还没有"),
    ],
)
def test_labels_that_stand_alone_pass(en: str, zh: str) -> None:
    assert leans_on_another(Text(en=en, zh=zh)) is None


def test_every_bundled_label_stands_alone(content: Content) -> None:
    for question in content.questions:
        labels = [option.label for option in question.options]
        labels += [band.label for band in question.bands]
        labels += list(question.scale.labels.values()) if question.scale else []
        for label in labels:
            assert leans_on_another(label) is None, (question.id, label)


# -- the sentences themselves ----------------------------------------------------------------


def test_sentences_name_no_ids_and_use_full_width_punctuation(content: Content) -> None:
    ids = {question.id for question in content.questions}
    ids |= {option.id for question in content.questions for option in question.options}
    ids |= {factor.id for factor in content.factors} | {flag.id for flag in content.red_flags}
    ids |= {level.id for level in content.levels} | {stage.id for stage in content.stages}
    sentences = _sentences(content)
    assert len(sentences) == sum(len(lv.requires) for lv in content.levels) + len(content.red_flags)
    for where, text in sentences:
        named = set(SNAKE_OR_DOTTED.findall(text.en.lower())) & ids
        assert not named, (where, named)
        assert not ASCII_PUNCTUATION.search(text.zh), (where, text.zh)
        assert not re.search(r"[a-z]_[a-z]", text.zh), (where, text.zh)
    # each sentence says something of its own
    assert len({text.en for _, text in sentences}) == len(sentences)
    assert len({text.zh for _, text in sentences}) == len(sentences)


def test_because_is_not_the_title(content: Content) -> None:
    for flag in content.red_flags:
        assert flag.because is not None
        assert flag.because.en != flag.title.en and flag.because.zh != flag.title.zh, flag.id


def test_docs_gate_table_shows_every_must_have_sentence(content: Content) -> None:
    doc = (ROOT / "docs" / "red-flags.md").read_text(encoding="utf-8")
    for level in content.levels:
        for requirement in level.requires:
            assert f"| {requirement.text.en} |" in doc, (level.id, requirement.text.en)


# -- the scorecard ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_next_gate_lists_the_missing_must_haves_by_their_sentences(
    content: Content, lang: Lang
) -> None:
    # a strong company with a short runway and no legal review: scored at seed, it misses
    # must-haves of the top gate only
    answers = strong_answers(
        content,
        {
            "funding.runway_months": 7,
            "funding.position_and_plan": "funded_to_milestone",
            "risk.legal_review": "no",
        },
    )
    card = score(content, answers, lang=lang, generated_at="2026-01-01T00:00:00+00:00")
    assert card.next_gate is not None and card.next_gate.level.id == "scaling"
    scores = {factor.id: factor.score for factor in card.factors}
    expected = [
        requirement.text.get(lang)
        for level in content.levels
        for requirement in level.requires
        if not applies(
            requirement.when,
            answers.values,
            content=content,
            factor_scores=scores,
            stage=card.stage.id,
        )
    ]
    assert [missing.text for missing in card.next_gate.missing] == expected
    assert content.level_by_id["scaling"].requires[-2].text.get(lang) in expected  # legal
    assert content.level_by_id["scaling"].requires[-1].text.get(lang) in expected  # a year
    for missing in card.next_gate.missing:
        assert missing.questions, missing.text
        assert not SNAKE_OR_DOTTED.search(missing.text), missing.text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("flag_id", sorted(RULE_CASES))
def test_red_flag_hit_says_because_in_the_scorecards_language(
    content: Content, flag_id: str, lang: Lang
) -> None:
    answers = strong_answers(content, RULE_CASES[flag_id].triggers[0])
    card = score(content, answers, lang=lang, generated_at="2026-01-01T00:00:00+00:00")
    hits = {hit.id: hit for hit in card.red_flags}
    assert flag_id in hits
    rule = content.red_flag_by_id[flag_id]
    assert rule.because is not None
    assert hits[flag_id].because == rule.because.get(lang)


def test_scorecard_schema_requires_because(content: Content) -> None:
    answers = strong_answers(content, RULE_CASES["runway_critical"].triggers[0])
    data = to_data(scorecard(content, answers))
    schema = scorecard_schema()
    assert "because" in schema["$defs"]["RedFlagHit"]["required"]
    jsonschema.validate(data, schema)
    del data["red_flags"][0]["because"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


# -- explain ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_explain_level_shows_the_sentences_first(content: Content, lang: Lang) -> None:
    level = content.level_by_id["fundable"]
    data = explain(content, "fundable", lang=lang)
    assert [item["text"] for item in data["requires"]] == [
        requirement.text.get(lang) for requirement in level.requires
    ]
    assert data["requires"][0]["when"].startswith("market.demand_validation")
    assert data["requires"][0]["condition"] == {
        "question": "market.demand_validation",
        "value_at_least": 0.55,
    }
    console = Console(file=io.StringIO(), width=400, color_system=None)
    render_explain(data, content, lang, console)
    lines = [line.strip() for line in console.file.getvalue().splitlines()]  # type: ignore[attr-defined]
    for item in data["requires"]:
        at = lines.index(f"•  {item['text']}")  # the sentence, then its condition below it
        assert lines[at + 1] == item["when"]


@pytest.mark.parametrize("lang", LANGS)
def test_explain_red_flag_shows_because(content: Content, lang: Lang) -> None:
    rule = content.red_flag_by_id["legal_review_missing"]
    assert rule.because is not None
    data = explain(content, "legal_review_missing", lang=lang)
    assert data["because"] == rule.because.get(lang)
    console = Console(file=io.StringIO(), width=400, color_system=None)
    render_explain(data, content, lang, console)
    assert rule.because.get(lang) in console.file.getvalue()  # type: ignore[attr-defined]


def test_questionnaire_json_carries_the_sentences(content: Content) -> None:
    data = content_data(content)
    assert data["format"] == 2
    top = data["levels"][-1]["requires"][-1]
    assert top["text"] == to_data(content.levels[-1].requires[-1].text)
    assert "any" in top["when"]
    assert all("because" in flag for flag in data["red_flags"])
