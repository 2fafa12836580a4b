"""The installed console script, run as a user runs it: reports, exports, errors, exit codes."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from founder_check import Content
from founder_check.content.models import Lang
from founder_check.report.formats import ExportFormat, export
from founder_check.report.terminal import render
from founder_check.report.view import build_view
from founder_check.scoring.answers import load_answers
from founder_check.scoring.engine import score
from tests.conftest import copy_content as _copy_content
from tests.conftest import edit_file as _edit
from tests.conftest import run_cli

GOLDEN = Path(__file__).parent / "golden"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and re.fullmatch(r"founder-check \d+\.\d+\.\d+\n", result.stdout)


def test_assess_report_from_an_unrelated_directory(tmp_path: Path, example_answers: Path) -> None:
    result = run_cli("assess", "--answers", str(example_answers), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in (
        "Overall score",
        "Readiness level",
        "Success factors",
        "Biggest gaps",
        "Chapters to read next",
        "Coverage",
        "Strengths",
    ):
        assert heading in out
    assert "Jane Doe · Example AI" in out


def test_assess_in_chinese(example_answers: Path) -> None:
    result = run_cli("assess", "--answers", str(example_answers), "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert (
        "总分" in result.stdout and "成功要素" in result.stdout and "推荐阅读章节" in result.stdout
    )


def test_json_scorecard_validates_against_its_schema(tmp_path: Path, example_answers: Path) -> None:
    out = tmp_path / "card.json"
    result = run_cli("assess", "--answers", str(example_answers), "--json", str(out))
    assert result.returncode == 0, result.stderr
    card = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(run_cli("schema", "scorecard").stdout)
    jsonschema.validate(card, schema)
    for key in (
        "schema_version",
        "overall",
        "level",
        "factors",
        "gaps",
        "red_flags",
        "recommended_chapters",
        "coverage",
        "stage",
    ):
        assert key in card
    assert {"id", "score", "weight"} <= set(card["factors"][0])
    assert {"doc", "section", "title"} <= set(card["recommended_chapters"][0])
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert not list(tmp_path.glob(".*.tmp"))


def test_json_to_stdout_is_only_json(example_answers: Path) -> None:
    result = run_cli("assess", "--answers", str(example_answers), "--json", "-")
    assert result.returncode == 0
    assert json.loads(result.stdout)["subject"]["company"] == "Example AI"


def test_bad_answers_exit_1_without_traceback(tmp_path: Path, example_answers: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        example_answers.read_text(encoding="utf-8").replace(
            "runway_months: 9", "runway_months: lots"
        ),
        encoding="utf-8",
    )
    result = run_cli("assess", "--answers", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(
        rf"{re.escape(str(bad))}:\d+: answers.funding.runway_months: expected a "
        r"number, got 'lots'",
        result.stderr,
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "file is empty"),
        (b"\x00\x01\x02", "binary"),
        (b"answers: [\n", "invalid YAML"),
        (b"a: &x 1\nb: *x\n", "anchors"),
        (b"answers:\n  a.b: 1\nanswers: {}\n", "duplicate key"),
    ],
)
def test_bad_files_exit_1(tmp_path: Path, raw: bytes, expected: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_bytes(raw)
    result = run_cli("assess", "--answers", str(path))
    assert result.returncode == 1 and expected in result.stderr and "Traceback" not in result.stderr


def test_usage_errors_exit_2(example_answers: Path) -> None:
    assert run_cli("assess", "--answers", str(example_answers), "--stage", "moon").returncode == 2
    assert run_cli("assess", "--answers", str(example_answers), "--lang", "fr").returncode == 2


def test_template_is_complete_and_fills_into_valid_answers(
    tmp_path: Path, content: Content, example_answers: Path
) -> None:
    out = tmp_path / "answers.yaml"
    assert run_cli("template", "-o", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    for question in content.questions:
        assert f"  {question.id}:" in text
    unfilled = run_cli("assess", "--answers", str(out))
    assert unfilled.returncode == 1 and unfilled.stderr.count("error:") == 1
    assert "answers: no answers; expected answers to the" in unfilled.stderr
    example = yaml.safe_load(example_answers.read_text(encoding="utf-8"))["answers"]
    filled = text
    for key, value in example.items():
        rendered = json.dumps(
            value if not isinstance(value, bool) else ("yes" if value else "no"), ensure_ascii=False
        )
        filled = filled.replace(f"  {key}:\n", f"  {key}: {rendered}\n")
    out.write_text(filled, encoding="utf-8")
    assert run_cli("assess", "--answers", str(out)).returncode == 0
    zh = run_cli("template", "--lang", "zh").stdout
    assert "必答" in zh and "market.segment_focus:" in zh


def test_questionnaire_json_lists_sections_questions_and_options(content: Content) -> None:
    data = json.loads(run_cli("questionnaire", "--json").stdout)
    assert [s["id"] for s in data["sections"]] == [s.id for s in content.sections]
    questions = [q for s in data["sections"] for q in s["questions"]]
    assert len(questions) == len(content.questions)
    single = next(q for q in questions if q["kind"] == "single")
    assert {"id", "value"} <= set(single["options"][0])
    number = next(q for q in questions if q["kind"] == "number")
    assert number["bands"] and {"from", "to", "value"} <= set(number["bands"][0])
    yesno = next(q for q in questions if q["kind"] == "yesno")
    assert [o["id"] for o in yesno["options"]] == ["yes", "no"]
    for question in questions:
        planned = {"action", "horizon_days"} & set(question)
        assert planned == ({"action", "horizon_days"} if question["scored"] else set())
    risk = next(q for q in questions if q["id"] == "risk.risk_identification")
    assert risk["horizon_days"] == 30 and set(risk["action"]) == {"en", "zh"}


def test_answers_schema_accepts_the_example(content: Content, example_answers: Path) -> None:
    schema = json.loads(run_cli("schema", "answers").stdout)
    # as a JSON answers file holds it: the date as YYYY-MM-DD text
    data = json.loads(
        json.dumps(load_answers(example_answers, content).to_file_data(), default=str)
    )
    assert data["date"] == "2026-11-20"
    jsonschema.validate(data, schema)
    data["answers"]["market.segment_focus"] = "everyone"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_bundled_content_checks_clean() -> None:
    result = run_cli("content", "check")
    assert result.returncode == 0, result.stderr
    assert "ok:" in result.stdout


def test_content_check_reports_file_problems_with_line(tmp_path: Path) -> None:
    broken = _copy_content(tmp_path)
    _edit(broken / "questionnaires" / "market.yaml", "value: 0.75", "value: 1.75")
    _edit(broken / "questionnaires" / "team.yaml", "zh:", "zh_cn:")
    result = run_cli("content", "check", str(broken))
    assert result.returncode == 1
    assert re.search(r"market\.yaml:\d+: .*value 1\.75 must be between 0 and 1", result.stderr)
    assert re.search(r"team\.yaml:3: title\.zh_cn: unknown field", result.stderr)
    assert re.search(r"team\.yaml:\d+: title\.zh: required field is missing", result.stderr)
    assert "Traceback" not in result.stderr


def test_content_check_requires_an_action_and_horizon_per_scored_question(
    tmp_path: Path,
) -> None:
    broken = _copy_content(tmp_path)
    market = broken / "questionnaires" / "market.yaml"
    text = market.read_text(encoding="utf-8")
    text = re.sub(r"    horizon_days: \d+\n", "", text, count=1)  # of market.segment_focus
    start = text.index("  - id: market.demand_validation\n")
    found = re.compile(r"    action:\n(?: {6,}\S.*\n)+").search(text, start)
    assert found is not None
    market.write_text(text[: found.start()] + text[found.end() :], encoding="utf-8")
    result = run_cli("content", "check", str(broken))
    assert result.returncode == 1
    line = text[:start].count("\n") + 1  # the line of the question itself
    assert re.search(
        rf"market\.yaml:{line}: questions\.\d+\.action: scored question "
        r"'market\.demand_validation' needs 'action'",
        result.stderr,
    )
    assert re.search(
        r"market\.yaml:\d+: questions\.\d+\.horizon_days: scored question "
        r"'market\.segment_focus' needs 'horizon_days': 30, 60 or 90",
        result.stderr,
    )
    assert "'market.market_size' needs" not in result.stderr
    assert "Traceback" not in result.stderr


def test_content_check_requires_both_languages_of_an_action(tmp_path: Path) -> None:
    broken = _copy_content(tmp_path)
    team = broken / "questionnaires" / "team.yaml"
    _edit(team, "      zh: >-\n        让技术创始人", "      zh_cn: >-\n        让技术创始人")
    _edit(broken / "questionnaires" / "market.yaml", "horizon_days: 90", "horizon_days: 45")
    result = run_cli("content", "check", str(broken))
    assert result.returncode == 1
    assert re.search(r"team\.yaml:\d+: .*action\.zh: required field is missing", result.stderr)
    assert re.search(r"market\.yaml:\d+: .*horizon_days must be one of 30, 60, 90", result.stderr)
    assert "Traceback" not in result.stderr


def test_content_check_reports_broken_references_with_line(tmp_path: Path) -> None:
    broken = _copy_content(tmp_path)
    market = broken / "questionnaires" / "market.yaml"
    _edit(market, "market_positioning: 1.0", "market_position: 1.0")
    _edit(market, '"002 §1.9"', '"002 §9.99"')
    _edit(broken / "questionnaires" / "funding.yaml", 'equals: "yes"', "equals: maybe")
    _edit(broken / "scoring" / "stages.yaml", "default: seed", "default: unicorn")
    result = run_cli("content", "check", str(broken))
    assert result.returncode == 1
    err = result.stderr
    assert re.search(r"market\.yaml:\d+: .*unknown factor 'market_position'", err)
    assert re.search(r"market\.yaml:\d+: .*chapter 002 §9\.99 is not in scoring/chapters/", err)
    assert re.search(r"funding\.yaml:\d+: .*has no option 'maybe'", err)
    assert re.search(r"stages\.yaml:\d+: default: default stage 'unicorn' is not defined", err)


def test_content_check_refuses_red_flag_points_that_reward_a_worse_flag(tmp_path: Path) -> None:
    broken = _copy_content(tmp_path)
    _edit(broken / "scoring" / "levels.yaml", "  major: 2.5", "  major: 7")
    _edit(broken / "scoring" / "levels.yaml", "red_flag_points_max: 15", "red_flag_points_max: 150")
    result = run_cli("content", "check", str(broken))
    assert result.returncode == 1
    assert re.search(
        r"levels\.yaml:\d+: .*a milder severity cannot cost more points", result.stderr
    )
    assert re.search(
        r"levels\.yaml:\d+: red_flag_points_max: expected points from 0 to 100", result.stderr
    )


def test_content_option_loads_another_folder(tmp_path: Path, example_answers: Path) -> None:
    other = _copy_content(tmp_path)
    manifest = other / "scoring" / "content.yaml"
    manifest.write_text("name: incubator-edition\nversion: '7'\n", encoding="utf-8")
    result = run_cli(
        "assess", "--answers", str(example_answers), "--content", str(other), "--json", "-"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["content"] == {"name": "incubator-edition", "version": "7"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_golden(content: Content, example_answers: Path, lang: str) -> None:
    """The full report at 100 columns, on the console the CLI prints to (Chinese wraps
    between characters); review the golden file by eye when it changes."""
    from founder_check.base.cjk_wrap import WrapConsole

    card = score(content, load_answers(example_answers, content), lang=lang)  # type: ignore[arg-type]
    buffer = io.StringIO()
    console = WrapConsole(file=buffer, width=100, color_system=None, legacy_windows=False)
    render(build_view(card, content), console)
    golden = GOLDEN / f"seed-founder.{lang}.txt"
    if UPDATE_GOLDEN or not golden.exists():
        golden.write_text(buffer.getvalue(), encoding="utf-8")
    assert buffer.getvalue() == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_golden(content: Content, example_answers: Path, lang: str) -> None:
    """The Markdown report of the example; review the golden file by eye when it changes
    (tests/test_markdown_renderers.py checks that renderers agree on it)."""
    card = score(content, load_answers(example_answers, content), lang=lang)  # type: ignore[arg-type]
    markdown = export(card, ExportFormat.markdown, content)
    golden = GOLDEN / f"seed-founder.{lang}.md"
    if UPDATE_GOLDEN or not golden.exists():
        golden.write_text(markdown, encoding="utf-8")
    assert markdown == golden.read_text(encoding="utf-8")


def test_markdown_export(tmp_path: Path, example_answers: Path) -> None:
    out = tmp_path / "report.md"
    result = run_cli("assess", "--answers", str(example_answers), "--markdown", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# founder-check report: Jane Doe · Example AI")
    assert "## Success factors" in text and "| Factor | Score |" in text
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert "Overall score" in result.stdout  # the terminal report still prints
    to_stdout = run_cli("assess", "--answers", str(example_answers), "--markdown", "-")
    assert to_stdout.stdout.startswith("# founder-check report")
    both = run_cli("assess", "--answers", str(example_answers), "--markdown", "-", "--json", "-")
    assert both.returncode == 2


def test_output_paths_are_checked_before_any_work(tmp_path: Path, example_answers: Path) -> None:
    """A mistyped export path fails at once, not after a scoring run or a whole interview;
    a file that cannot be written is the user's to fix (exit 1), not a usage error."""
    missing = str(tmp_path / "no" / "report.md")
    for args in (("--answers", str(example_answers)), ()):
        result = run_cli("assess", *args, "--markdown", missing)
        assert result.returncode == 1
        assert f"--markdown {missing}: folder" in result.stderr
    folder = run_cli("assess", "--json", str(tmp_path))
    assert folder.returncode == 1 and "is a folder" in folder.stderr


def test_errors_are_told_in_the_commands_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("market.timing: concrete_trigger\nanswers:\n", encoding="utf-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    english = run_cli("assess", "--answers", str(answers))
    assert english.returncode == 1
    assert "market.timing: a question's answer, outside 'answers:'" in english.stderr
    chinese = run_cli("assess", "--answers", str(answers), "--lang", "zh")
    assert chinese.returncode == 1
    lines = chinese.stderr.splitlines()
    assert lines[0].startswith(f"error: {answers}:1: market.timing: 这是某个问题的答案")
    assert "answers: 没有任何答案" in lines[1] and len(lines) == 2
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert run_cli("assess", "--answers", str(answers)).stderr == chinese.stderr
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert run_cli("cohort", str(answers), "--strict").stderr.startswith("error: ")
    zh_strict = run_cli("cohort", str(answers), "--strict", "--lang", "zh")
    assert zh_strict.returncode == 1 and "这是某个问题的答案" in zh_strict.stderr


@pytest.mark.parametrize(
    ("lang", "first", "last"),
    [
        ("en", "expected plain text", "and 1,002 more problems"),
        ("zh", "应为普通文本", "另有 1,002 个问题"),
    ],
)
def test_problems_past_the_printed_ones_are_counted_in_the_language(
    capsys: pytest.CaptureFixture[str], lang: Lang, first: str, last: str
) -> None:
    from founder_check.base.errors import AnswersError, Problem
    from founder_check.base.messages import Message
    from founder_check.cli import MAX_PROBLEMS_PRINTED, report_error

    count = MAX_PROBLEMS_PRINTED + 1_002
    problems = [
        Problem("a.yaml", Message("plain_text"), line=n, field="founder") for n in range(count)
    ]
    assert report_error(AnswersError(problems), lang) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == MAX_PROBLEMS_PRINTED + 1
    assert lines[0] == f"error: a.yaml:0: founder: {first}"
    assert lines[-1] == f"error: {last}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_questionnaire_lists_what_each_option_says(content: Content, lang: Lang) -> None:
    shown = run_cli("questionnaire", "--lang", lang)
    assert shown.returncode == 0, shown.stderr
    question = content.question_by_id["market.segment_focus"]
    lines = [line.strip("│ ") for line in shown.stdout.splitlines()]
    for option in question.options:
        at = next(
            i for i, line in enumerate(lines) if line.endswith(f"{option.id} ({option.value:g})")
        )
        label = option.label.get(lang)
        assert label[:8] in lines[at + 1], (option.id, lines[at + 1])


def test_the_chinese_template_uses_chinese_punctuation(tmp_path: Path) -> None:
    out = tmp_path / "答卷.yaml"
    assert run_cli("template", "--lang", "zh", "-o", str(out)).returncode == 0
    comments = [line for line in out.read_text(encoding="utf-8").splitlines() if "#" in line]
    text = "\n".join(comments)
    assert "（必答）" in text and "说明：" in text and "选项（填写编号）：" in text
    assert "idea（创意阶段）、pre_seed" in text
    assert not re.search(r"[\u4e00-\u9fff] ?[(:]", text.replace("http:", "")), [
        line for line in comments if re.search(r"[\u4e00-\u9fff] ?[(:]", line)
    ]
